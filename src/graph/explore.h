// Breadth-first exploration of the store (internal to src/graph).

#ifndef CLAIMGRAPH_GRAPH_EXPLORE_H_
#define CLAIMGRAPH_GRAPH_EXPLORE_H_

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/status.h"
#include "claimgraph.pb.h"
#include "graph/walk.h"
#include "store/store.h"

namespace claimgraph::graph_internal {

// A map from nonzero ids to indexes, by open addressing (walks insert tens
// of thousands of ids; a node-based map would allocate for each).
class IdIndex {
 public:
  static constexpr size_t kAbsent = ~size_t{0};

  // The index of `id`, or kAbsent.
  size_t Find(uint64_t id) const {
    if (slots_.empty()) return kAbsent;
    for (size_t i = Hash(id);; i = (i + 1) & mask_) {
      if (slots_[i].id == id) return slots_[i].index;
      if (slots_[i].id == 0) return kAbsent;
    }
  }
  // Makes room for `n` ids without growing.
  void Reserve(size_t n) {
    if (n * 2 <= slots_.size()) return;
    size_t slots = 64;
    while (slots < n * 2 + 2) slots *= 2;
    Rehash(slots);
  }
  // Adds `id` -> `index` unless `id` is present; true when added.
  bool Insert(uint64_t id, size_t index) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    for (size_t i = Hash(id);; i = (i + 1) & mask_) {
      if (slots_[i].id == id) return false;
      if (slots_[i].id == 0) {
        slots_[i] = {id, index};
        ++size_;
        return true;
      }
    }
  }

 private:
  struct Slot {
    uint64_t id = 0;
    size_t index = 0;
  };
  size_t Hash(uint64_t id) const {
    return static_cast<size_t>((id * 0x9E3779B97F4A7C15ULL) >> 20) & mask_;
  }
  void Grow() { Rehash(slots_.empty() ? 64 : slots_.size() * 2); }
  void Rehash(size_t slots) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(slots, Slot{});
    mask_ = slots_.size() - 1;
    size_ = 0;
    for (const Slot& slot : old) {
      if (slot.id != 0) Insert(slot.id, slot.index);
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

// The claims incident to entity `id` that pass the direction and predicate
// filters, in ascending claim id order, as edge records (index-only reads).
StatusOr<std::vector<EdgeRecord>> IncidentEdges(
    const StoreReader& reader, uint64_t id, Direction direction,
    const std::set<std::string>& predicates);

// Neighbors (to `depth`) from `start` over the reader's adjacency snapshot:
// the same result, node for node and edge for edge, as the walk over
// StoreReader::Edges and EntityLabel. std::nullopt when the reader has no
// snapshot, or `start` is not in it.
std::optional<WalkResult> WalkSnapshot(const StoreReader& reader,
                                       const Entity& start,
                                       const WalkOptions& options, int depth);

}  // namespace claimgraph::graph_internal

#endif  // CLAIMGRAPH_GRAPH_EXPLORE_H_
