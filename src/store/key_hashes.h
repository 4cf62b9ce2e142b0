// A set of 64-bit key hashes (internal to src/store): the writer's record of
// which claim identities may be stored, so that the identity lookup of a new
// claim, nearly always a miss, needs no RocksDB read.
//
// Contract: while complete(), every key present in the column family it
// describes has its hash in the set. The converse need not hold (a deleted
// key keeps its hash; two keys may share a hash): MayContain() answering
// true only means "read the database"; false means "certainly absent".
// Open addressing with linear probing; 0 marks an empty slot, so a hash of
// 0 is stored as 1.

#ifndef CLAIMGRAPH_STORE_KEY_HASHES_H_
#define CLAIMGRAPH_STORE_KEY_HASHES_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace claimgraph::store_internal {

class KeyHashes {
 public:
  // The hash of a key. Stable within a process only (never stored).
  static uint64_t Hash(std::string_view key) {
    // The standard library's string hash, then a finaliser to spread the
    // low bits used as slot index.
    uint64_t h = std::hash<std::string_view>()(key);
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h == 0 ? 1 : h;
  }

  bool complete() const { return complete_; }
  // Declares the set complete: the caller has added every present key.
  void SetComplete() { complete_ = true; }
  // Empties the set; it is no longer complete.
  void Clear() {
    slots_.clear();
    size_ = 0;
    complete_ = false;
  }
  size_t size() const { return size_; }

  // False only when the set is complete and `key` is certainly absent.
  bool MayContain(std::string_view key) const {
    if (!complete_) return true;
    if (slots_.empty()) return false;
    uint64_t h = Hash(key);
    size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      if (slots_[i] == h) return true;
      if (slots_[i] == 0) return false;
    }
  }

  void Add(std::string_view key) { AddHash(Hash(key)); }

  void AddHash(uint64_t h) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    if (Insert(&slots_, h)) ++size_;
  }

 private:
  // Inserts into a table with room; true when `h` was new.
  static bool Insert(std::vector<uint64_t>* slots, uint64_t h) {
    size_t mask = slots->size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      if ((*slots)[i] == h) return false;
      if ((*slots)[i] == 0) {
        (*slots)[i] = h;
        return true;
      }
    }
  }

  void Grow() {
    std::vector<uint64_t> bigger(slots_.empty() ? 1024 : slots_.size() * 2);
    for (uint64_t h : slots_) {
      if (h != 0) Insert(&bigger, h);
    }
    slots_.swap(bigger);
  }

  std::vector<uint64_t> slots_;  // Size a power of two, at most half full.
  size_t size_ = 0;
  bool complete_ = false;
};

}  // namespace claimgraph::store_internal

#endif  // CLAIMGRAPH_STORE_KEY_HASHES_H_
