// Breadth-first exploration of the store (internal to src/graph).

#ifndef CLAIMGRAPH_GRAPH_EXPLORE_H_
#define CLAIMGRAPH_GRAPH_EXPLORE_H_

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "base/status.h"
#include "claimgraph.pb.h"
#include "graph/walk.h"
#include "store/store.h"

namespace claimgraph::graph_internal {

// The claims incident to entity `id` that pass the direction and predicate
// filters, in ascending claim id order, as edge records (index-only reads).
StatusOr<std::vector<EdgeRecord>> IncidentEdges(
    const StoreReader& reader, uint64_t id, Direction direction,
    const std::set<std::string>& predicates);

}  // namespace claimgraph::graph_internal

#endif  // CLAIMGRAPH_GRAPH_EXPLORE_H_
