// Walks over the claim graph: neighbours to a depth, the connected
// component of an entity, and the shortest path between two entities.
//
// The graph is never loaded whole: each walk reads the part it needs from a
// StoreReader (a RocksDB snapshot) breadth first, through the subject and
// object indexes, and shortest paths run Boost.Graph's Dijkstra on the part
// explored. RocksDB stays the source of truth.

#ifndef CLAIMGRAPH_GRAPH_WALK_H_
#define CLAIMGRAPH_GRAPH_WALK_H_

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "base/status.h"
#include "claimgraph.pb.h"
#include "graph/subgraph.h"
#include "store/store.h"

namespace claimgraph {

enum class Direction {
  kOut,  // Follow claims from their subject to their object.
  kIn,   // Follow claims from their object back to their subject.
  kBoth,
};

// Parses "out", "in" or "both".
StatusOr<Direction> ParseDirection(std::string_view text);

struct WalkOptions {
  // Hops from the start; ignored by Component.
  int depth = 1;
  // Only claims with these (normalised) predicates; empty means all.
  std::set<std::string> predicates;
  // Only nodes of these types (the start is always kept); empty means all.
  // STATISTIC selects the values of claims.
  std::set<EntityType> types;
  Direction direction = Direction::kBoth;
  // Stop exploring once this many nodes are found (0: no limit); the
  // result then says it was truncated.
  size_t node_limit = 0;
};

struct WalkResult {
  // Its texts stay valid as long as it lives (subgraph.h), store closed or
  // not.
  Subgraph graph;
  bool truncated = false;  // node_limit was reached.
};

// The start entity, every node within `depth` hops, and the claims walked.
StatusOr<WalkResult> Neighbors(const StoreReader& reader, uint64_t start,
                               const WalkOptions& options);

// Everything reachable from `start` under the filters, at any depth.
StatusOr<WalkResult> Component(const StoreReader& reader, uint64_t start,
                               const WalkOptions& options);

struct PathHop {
  Claim claim;          // Hydrated.
  bool forward = true;  // Walked from subject to object.
};

struct Path {
  std::vector<Entity> entities;  // from, ..., to
  std::vector<PathHop> hops;     // hops[i] joins entities[i] and [i+1]
  double cost = 0;
};

struct PathOptions {
  int max_depth = 6;
  std::set<std::string> predicates;
  Direction direction = Direction::kBoth;
};

// The cheapest path from `from` to `to`. Each hop costs 1 + (1 -
// confidence) / (max_depth + 1), so fewer hops always win and, among paths
// of equal length, the more confident one. NotFound when there is none within
// max_depth hops.
StatusOr<Path> ShortestPath(const StoreReader& reader, uint64_t from,
                            uint64_t to, const PathOptions& options);

// Converts a path into a subgraph (for DOT).
Subgraph PathToSubgraph(const Path& path);

// The GraphEdge for a claim between two node indexes of `graph`, its texts
// kept by `graph`.
GraphEdge EdgeForClaim(const Claim& claim, size_t from, size_t to,
                       Subgraph* graph);

// The GraphEdge for an edge record between two node indexes of `graph`, its
// texts kept by `graph`; equal to EdgeForClaim of the claim it was read from.
GraphEdge EdgeForRecord(const EdgeRecord& record, size_t from, size_t to,
                        Subgraph* graph);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_GRAPH_WALK_H_
