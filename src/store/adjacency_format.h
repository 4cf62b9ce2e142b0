// The file format of the adjacency snapshot (internal to adjacency*.cc):
// header, checksum and section sizes shared by the builder and the loader.
// Layout in docs/storage.md, "Adjacency snapshot".

#ifndef CLAIMGRAPH_STORE_ADJACENCY_FORMAT_H_
#define CLAIMGRAPH_STORE_ADJACENCY_FORMAT_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace claimgraph::store_internal {

inline constexpr char kMagic[8] = {'C', 'G', 'A', 'D', 'J', 'v', '0', '3'};
inline constexpr uint32_t kByteOrder = 0x01020304;
inline constexpr size_t kMaxIdentity = 64;
inline constexpr size_t kCounts = 9;  // Fields of Adjacency::Counts.
// Names longer than this (in bytes) are not held; no snapshot is built.
inline constexpr size_t kMaxNameSize = (size_t{1} << 24) - 1;

struct FileHeader {
  char magic[8];
  uint32_t byte_order;
  uint32_t identity_size;
  char identity[kMaxIdentity];
  uint64_t sequence;
  uint64_t total_size;
  uint64_t counts[kCounts];
  uint64_t checksum;  // Checksum() of everything after the header.
};
static_assert(sizeof(FileHeader) % 8 == 0);

inline size_t Align8(size_t n) { return (n + 7) & ~size_t{7}; }

// A multiply-xor hash of 8-byte words in four independent lanes (fast
// enough to check a whole snapshot on load; detects damage, not forgery).
inline uint64_t Checksum(const char* data, size_t size) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ULL;
  uint64_t lanes[4] = {1, 2, 3, 4};
  size_t words = size / 8, i = 0;
  for (; i + 4 <= words; i += 4) {
    for (int l = 0; l < 4; ++l) {
      uint64_t w;
      std::memcpy(&w, data + 8 * (i + l), 8);
      lanes[l] = (lanes[l] ^ w) * kMul;
      lanes[l] ^= lanes[l] >> 29;
    }
  }
  uint64_t h = size;
  for (; i < words; ++i) {
    uint64_t w;
    std::memcpy(&w, data + 8 * i, 8);
    h = ((h ^ w) * kMul) ^ (h >> 31);
  }
  for (uint64_t lane : lanes) h = ((h ^ lane) * kMul) ^ (h >> 31);
  return h;
}

// Section sizes in bytes, in file order, for the given counts.
template <typename Counts>
std::vector<size_t> SectionSizes(const Counts& c, size_t entity_size,
                                 size_t edge_size) {
  return {
      c.entities * entity_size,  // entities
      c.dense * 4,               // dense id -> row + 1
      (c.entities + 1) * 4,      // out offsets
      c.out * edge_size,         // out edges
      (c.entities + 1) * 4,      // in offsets
      c.in * edge_size,          // in edges
      c.source_refs * 4,         // pairs of claims without exactly one
      c.pairs * 8,               // pairs
      c.confidences * 8,         // confidences
      c.texts * 8,               // texts: offset, size
      c.bytes,                   // bytes
  };
}

}  // namespace claimgraph::store_internal

#endif  // CLAIMGRAPH_STORE_ADJACENCY_FORMAT_H_
