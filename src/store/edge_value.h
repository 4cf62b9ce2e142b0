// The values of by_subject / by_object index entries (internal to
// src/store): an EdgeRecord without its claim id and direction, which the
// key and the column family give. Layout in docs/storage.md, "Edge values".

#ifndef CLAIMGRAPH_STORE_EDGE_VALUE_H_
#define CLAIMGRAPH_STORE_EDGE_VALUE_H_

#include <string>
#include <string_view>

#include "store/store.h"

namespace claimgraph::store_internal {

// The first byte of every edge value.
inline constexpr char kEdgeValueFormat = 1;
// Claims with more distinct (outlet, published) pairs than this do not list
// them in their edge values; readers then read the claim.
inline constexpr size_t kMaxEdgeSources = 4;

// Encodes what a walk needs of `edge` (all but claim_id and outgoing).
std::string EncodeEdgeValue(const EdgeRecord& edge);

// Decodes an edge value into `edge` (claim_id and outgoing untouched).
// False when the value does not hold the whole record: empty (a database
// written before edge values existed), of another format, truncated, or
// without its sources; the caller then reads the claim.
bool DecodeEdgeValue(std::string_view value, EdgeRecord* edge);

}  // namespace claimgraph::store_internal

#endif  // CLAIMGRAPH_STORE_EDGE_VALUE_H_
