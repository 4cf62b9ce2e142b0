// A hash map from normalised name to entity ids (internal to src/store),
// for the writer's cache of the alias index. Loading looks a name up several
// times per claim in a table of a few hundred thousand names, so lookups are
// bound by cache misses: open addressing over (hash, entry) slots touches
// one slot and one entry per hit, where std::unordered_map touches the
// bucket, the node before, the node and the key.
//
// Names are never removed one by one (an entity losing a name only empties
// its vector); Clear() forgets everything. Pointers to the vectors stay valid
// until Clear() (entries live in a deque).

#ifndef CLAIMGRAPH_STORE_NAME_TABLE_H_
#define CLAIMGRAPH_STORE_NAME_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace claimgraph::store_internal {

class NameTable {
 public:
  using Ids = std::vector<uint64_t>;

  // The ids of `name`, or nullptr when it has no entry.
  Ids* Find(std::string_view name) {
    if (slots_.empty()) return nullptr;
    uint64_t h = Hash(name);
    size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.entry == kEmpty) return nullptr;
      if (slot.hash == h && entries_[slot.entry].first == name) {
        return &entries_[slot.entry].second;
      }
    }
  }
  const Ids* Find(std::string_view name) const {
    return const_cast<NameTable*>(this)->Find(name);
  }

  // Adds an entry for `name` unless it has one; returns its ids.
  Ids* Insert(std::string_view name, Ids ids) {
    if (Ids* found = Find(name)) return found;
    if ((entries_.size() + 1) * 2 > slots_.size()) Grow();
    entries_.emplace_back(std::string(name), std::move(ids));
    Place(Hash(name), static_cast<uint32_t>(entries_.size() - 1));
    return &entries_.back().second;
  }

  size_t size() const { return entries_.size(); }

  void Clear() {
    slots_.clear();
    entries_.clear();
  }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    uint64_t hash = 0;
    uint32_t entry = kEmpty;
  };

  static uint64_t Hash(std::string_view name) {
    uint64_t h = std::hash<std::string_view>()(name);
    h ^= h >> 29;  // The slot index takes the low bits.
    return h;
  }

  void Place(uint64_t h, uint32_t entry) {
    size_t mask = slots_.size() - 1;
    size_t i = h & mask;
    while (slots_[i].entry != kEmpty) i = (i + 1) & mask;
    slots_[i] = {h, entry};
  }

  void Grow() {
    std::vector<Slot> old(slots_.empty() ? 1024 : slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& slot : old) {
      if (slot.entry != kEmpty) Place(slot.hash, slot.entry);
    }
  }

  std::vector<Slot> slots_;  // Size a power of two, at most half full.
  std::deque<std::pair<std::string, Ids>> entries_;
};

}  // namespace claimgraph::store_internal

#endif  // CLAIMGRAPH_STORE_NAME_TABLE_H_
