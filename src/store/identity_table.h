// A transaction's overlay of claim identities (internal to src/store):
// claim identity -> claim id, or 0 when the identity is known to be absent
// (its claim was deleted or now has another identity). Claim ids start at
// 1, so 0 is free for that.
//
// Why not std::unordered_map<std::string, ...>: a large load puts one entry
// per claim (a million) and looks each new claim up, nearly always a miss.
// Here an entry costs no allocation of its own (the identities are copied
// into large chunks), and a lookup touches one slot of (hash, entry) per
// probe and compares bytes only when the 64-bit hashes agree, so a miss
// reads no key at all. Exact: equal hashes are always checked byte for
// byte.
//
// The bytes of an identity given to Set stay where they are until Clear()
// or destruction: Set returns a view of them that callers may keep.

#ifndef CLAIMGRAPH_STORE_IDENTITY_TABLE_H_
#define CLAIMGRAPH_STORE_IDENTITY_TABLE_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "store/key_hashes.h"

namespace claimgraph::store_internal {

class IdentityTable {
 public:
  // Sizes the table for `n` entries at once instead of growing it step by
  // step.
  void Reserve(size_t n) {
    size_t want = 1024;
    while (want < 2 * n) want *= 2;
    if (want > slots_.size()) Rehash(want);
  }

  // The id recorded for `identity` (0: absent), or nullptr when the table
  // has no entry for it. Valid until the next Set or Clear.
  const uint64_t* Find(std::string_view identity) const {
    if (slots_.empty()) return nullptr;
    uint64_t h = KeyHashes::Hash(identity);
    size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.data == nullptr) return nullptr;
      if (slot.hash == h && Equal(slot, identity)) return &slot.id;
    }
  }

  // Records `id` for `identity` (0: absent); returns the table's copy of
  // the identity, stable until Clear().
  std::string_view Set(std::string_view identity, uint64_t id) {
    if ((size_ + 1) * 2 > slots_.size()) {
      Rehash(slots_.empty() ? 1024 : slots_.size() * 2);
    }
    uint64_t h = KeyHashes::Hash(identity);
    size_t mask = slots_.size() - 1;
    size_t i = h & mask;
    for (;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.data == nullptr) break;
      if (slot.hash == h && Equal(slot, identity)) {
        slot.id = id;
        return {slot.data, slot.size};
      }
    }
    slots_[i] = {h, id, Copy(identity), static_cast<uint32_t>(identity.size())};
    ++size_;
    return {slots_[i].data, slots_[i].size};
  }

  size_t size() const { return size_; }

  // Forgets every entry and frees the memory.
  void Clear() {
    std::vector<Slot>().swap(slots_);
    std::vector<std::unique_ptr<char[]>>().swap(chunks_);
    chunk_next_ = nullptr;
    chunk_left_ = 0;
    size_ = 0;
  }

  // Forgets every entry and frees the lookup table, but keeps the bytes of
  // the identities: the views Set returned stay valid until Clear().
  void ReleaseLookups() {
    std::vector<Slot>().swap(slots_);
    size_ = 0;
  }

 private:
  // Identities are copied into chunks of this size (a longer one gets a
  // chunk of its own).
  static constexpr size_t kChunkBytes = size_t{1} << 20;

  struct Slot {
    uint64_t hash = 0;
    uint64_t id = 0;
    const char* data = nullptr;  // nullptr: an empty slot.
    uint32_t size = 0;
  };

  static bool Equal(const Slot& slot, std::string_view identity) {
    return slot.size == identity.size() &&
           std::memcmp(slot.data, identity.data(), identity.size()) == 0;
  }

  // A stable copy of `s` (non-null even when empty).
  const char* Copy(std::string_view s) {
    if (chunk_next_ == nullptr || s.size() > chunk_left_) {
      size_t bytes = std::max(kChunkBytes, s.size() + 1);
      chunks_.push_back(std::make_unique<char[]>(bytes));
      chunk_next_ = chunks_.back().get();
      chunk_left_ = bytes;
    }
    char* out = chunk_next_;
    std::memcpy(out, s.data(), s.size());
    chunk_next_ += s.size();
    chunk_left_ -= s.size();
    return out;
  }

  void Rehash(size_t new_size) {
    std::vector<Slot> old(new_size);
    old.swap(slots_);
    size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.data == nullptr) continue;
      size_t i = slot.hash & mask;
      while (slots_[i].data != nullptr) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }

  std::vector<Slot> slots_;  // Size a power of two, at most half full.
  size_t size_ = 0;
  std::vector<std::unique_ptr<char[]>> chunks_;
  char* chunk_next_ = nullptr;
  size_t chunk_left_ = 0;
};

}  // namespace claimgraph::store_internal

#endif  // CLAIMGRAPH_STORE_IDENTITY_TABLE_H_
