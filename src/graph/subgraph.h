// A subgraph of the claim graph, as produced by walks (neighbors, path,
// component) and consumed by exporters (DOT, tables).
//
// Nodes are entities, plus one STATISTIC node per claim whose object is a
// value ("76% of vehicles"). Edges are claims, directed subject -> object.
// Node and edge order is deterministic: the order in which the walk found
// them (breadth first, ties broken by id), so exports are byte-identical
// for the same database and query.

#ifndef CLAIMGRAPH_GRAPH_SUBGRAPH_H_
#define CLAIMGRAPH_GRAPH_SUBGRAPH_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "claimgraph.pb.h"

namespace claimgraph {

struct GraphNode {
  // Stable key: "e<entity id>" for entities, "v<claim id>" for the value of
  // a claim.
  std::string key;
  // Display label: the canonical name, or the value text ("76% of vehicles").
  std::string label;
  EntityType type = OTHER;
  // The entity id; 0 for statistic nodes.
  uint64_t entity_id = 0;
  // Hops from the start of the walk (0 for the start itself).
  int depth = 0;
};

struct EdgeSource {
  std::string outlet;
  std::string published;  // YYYY-MM-DD or as given; may be empty.
};

struct GraphEdge {
  // Indices into Subgraph::nodes.
  size_t from = 0;
  size_t to = 0;
  uint64_t claim_id = 0;
  std::string predicate;
  // Short rendering of the claim's value, qualifiers or object role, for
  // labels; may be empty.
  std::string detail;
  // The claim is only attributed (REPORTED/ALLEGED) or disputed
  // (DENIED/QUESTIONED): drawn dashed.
  bool attributed_or_disputed = false;
  double confidence = 1.0;
  // Distinct sources in evidence order.
  std::vector<EdgeSource> sources;
};

struct Subgraph {
  std::vector<GraphNode> nodes;
  std::vector<GraphEdge> edges;
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_GRAPH_SUBGRAPH_H_
