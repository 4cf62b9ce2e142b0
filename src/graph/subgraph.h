// A subgraph of the claim graph, as produced by walks (neighbors, path,
// component) and consumed by exporters (DOT, tables).
//
// Nodes are entities, plus one STATISTIC node per claim whose object is a
// value ("76% of vehicles"). Edges are claims, directed subject -> object.
// Node and edge order is deterministic: the order in which the walk found
// them (breadth first, ties broken by id), so exports are byte-identical
// for the same database and query.
//
// Texts (labels, predicates, details, sources) are views. A subgraph keeps
// what they point into alive: texts copied into it with Keep, and storage
// handed to Retain (the adjacency snapshot a walk read them from), so they
// stay valid as long as the subgraph or a copy of it lives, even after the
// store is closed. Views of other memory (string literals, in tests) are
// the setter's business.

#ifndef CLAIMGRAPH_GRAPH_SUBGRAPH_H_
#define CLAIMGRAPH_GRAPH_SUBGRAPH_H_

#include <boost/container/small_vector.hpp>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph.pb.h"

namespace claimgraph {

struct GraphNode {
  // Display label: the canonical name, or the value text ("76% of vehicles").
  std::string_view label;
  EntityType type = OTHER;
  // The entity id; 0 for statistic nodes.
  uint64_t entity_id = 0;
  // For statistic nodes, the claim whose value this is; 0 for entities.
  uint64_t claim_id = 0;
  // Hops from the start of the walk (0 for the start itself).
  int depth = 0;

  // Stable key: "e<entity id>" for entities, "v<claim id>" for the value of
  // a claim.
  std::string Key() const {
    return entity_id != 0 ? "e" + std::to_string(entity_id)
                          : "v" + std::to_string(claim_id);
  }
};

struct EdgeSource {
  std::string_view outlet;
  std::string_view published;  // YYYY-MM-DD or as given; may be empty.
};

struct GraphEdge {
  // Indices into Subgraph::nodes.
  size_t from = 0;
  size_t to = 0;
  uint64_t claim_id = 0;
  std::string_view predicate;
  // Short rendering of the claim's value, qualifiers or object role, for
  // labels; may be empty.
  std::string_view detail;
  // The claim is only attributed (REPORTED/ALLEGED) or disputed
  // (DENIED/QUESTIONED): drawn dashed.
  bool attributed_or_disputed = false;
  double confidence = 1.0;
  // Distinct sources in evidence order (most claims have one: held inline).
  boost::container::small_vector<EdgeSource, 1> sources;
};

class Subgraph {
 public:
  std::vector<GraphNode> nodes;
  std::vector<GraphEdge> edges;

  // A copy of `text` owned by this subgraph (and shared with its copies).
  // Not thread-safe: copies share the storage it appends to.
  std::string_view Keep(std::string_view text);

  // Keeps `owner` alive as long as this subgraph or a copy of it: for
  // texts that point into it.
  void Retain(std::shared_ptr<const void> owner);

 private:
  // Texts in chunks that never move once allocated.
  struct Storage {
    std::vector<std::unique_ptr<char[]>> chunks;
    size_t used = 0;      // Bytes used in the last chunk.
    size_t capacity = 0;  // Size of the last chunk.
    std::vector<std::shared_ptr<const void>> retained;
  };
  Storage& MutableStorage();

  std::shared_ptr<Storage> storage_;
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_GRAPH_SUBGRAPH_H_
