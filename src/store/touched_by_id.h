// The records a transaction has touched, by id (internal to src/store).
//
// Ids below `first_new` were stored before the transaction began and are
// kept in `StoredMap` (an ordered or hashed map, the caller's choice). Ids
// from `first_new` on were allocated by the transaction itself, one after
// the other, so they are dense: those live in a deque indexed by
// id - first_new, which a large load (a million new claims, two hundred
// thousand new entities) reaches with one memory access instead of a tree
// walk or a hash probe.
//
// Pointers to records stay valid until Clear() (std::map and
// std::unordered_map keep their nodes; a deque grown at its end keeps its
// elements).

#ifndef CLAIMGRAPH_STORE_TOUCHED_BY_ID_H_
#define CLAIMGRAPH_STORE_TOUCHED_BY_ID_H_

#include <cstddef>
#include <cstdint>
#include <deque>

#include "base/status.h"

namespace claimgraph::store_internal {

template <typename V, typename StoredMap>
class TouchedById {
 public:
  // Ids from `first_new` on are the transaction's own; call before
  // anything is inserted.
  void SetFirstNew(uint64_t first_new) { first_new_ = first_new; }

  // The record of `id`, or nullptr when it was not touched.
  V* Find(uint64_t id) {
    if (id < first_new_) {
      auto it = stored_.find(id);
      return it == stored_.end() ? nullptr : &it->second;
    }
    uint64_t i = id - first_new_;
    if (i >= fresh_.size() || !fresh_[i].present) return nullptr;
    return &fresh_[i].value;
  }
  bool contains(uint64_t id) { return Find(id) != nullptr; }

  // A new default record for `id`, which must not have one.
  V* Insert(uint64_t id) {
    ++size_;
    if (id < first_new_) return &stored_[id];
    uint64_t i = id - first_new_;
    if (i >= fresh_.size()) fresh_.resize(i + 1);
    fresh_[i].present = true;
    return &fresh_[i].value;
  }

  size_t size() const { return size_; }

  // Calls fn(id, record) for every record: the stored ids in StoredMap's
  // order, then the new ones in id order. Stops at, and returns, the first
  // error.
  template <typename Fn>
  Status ForEach(Fn fn) {
    for (auto& [id, value] : stored_) CG_RETURN_IF_ERROR(fn(id, value));
    for (size_t i = 0; i < fresh_.size(); ++i) {
      if (fresh_[i].present) {
        CG_RETURN_IF_ERROR(fn(first_new_ + i, fresh_[i].value));
      }
    }
    return OkStatus();
  }

  void Clear() {
    StoredMap().swap(stored_);
    std::deque<Fresh>().swap(fresh_);
    size_ = 0;
  }

 private:
  struct Fresh {
    bool present = false;
    V value;
  };

  uint64_t first_new_ = 1;
  StoredMap stored_;
  std::deque<Fresh> fresh_;
  size_t size_ = 0;
};

}  // namespace claimgraph::store_internal

#endif  // CLAIMGRAPH_STORE_TOUCHED_BY_ID_H_
