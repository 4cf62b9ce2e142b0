// Fixed-width big-endian integer encoding for RocksDB keys, so that the
// byte order of keys equals the numeric order of ids (see docs/storage.md).

#ifndef CLAIMGRAPH_BASE_CODING_H_
#define CLAIMGRAPH_BASE_CODING_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace claimgraph {

// Appends `value` as 8 big-endian bytes.
inline void PutFixed64BE(std::string* dst, uint64_t value) {
  char buf[8];
  for (int i = 7; i >= 0; --i) {
    buf[i] = static_cast<char>(value & 0xff);
    value >>= 8;
  }
  dst->append(buf, 8);
}

// Decodes 8 big-endian bytes. Requires src.size() >= 8.
inline uint64_t DecodeFixed64BE(std::string_view src) {
  uint64_t value = 0;
  for (int i = 0; i < 8; ++i) {
    value = (value << 8) | static_cast<unsigned char>(src[i]);
  }
  return value;
}

}  // namespace claimgraph

#endif  // CLAIMGRAPH_BASE_CODING_H_
