// Little-endian binary encoding for the statistical models (format in
// docs/nlp.md), plus the hashing used for features and file fingerprints.

#ifndef CLAIMGRAPH_TEXT_MODEL_IO_H_
#define CLAIMGRAPH_TEXT_MODEL_IO_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace claimgraph {

// 64-bit FNV-1a of `data`, continuing from `seed` (the FNV offset basis by
// default). Used for feature hashing and the training-data fingerprint.
inline constexpr uint64_t kFnvBasis = 0xcbf29ce484222325ULL;
inline uint64_t Fnv1a64(std::string_view data, uint64_t seed = kFnvBasis) {
  uint64_t h = seed;
  for (unsigned char c : data) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

// Mixes two 64-bit values into one well-spread value (never 0), to combine
// a feature template id with its atoms.
inline uint64_t HashMix(uint64_t a, uint64_t b) {
  uint64_t h = a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2));
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h == 0 ? 1 : h;
}

class ModelWriter {
 public:
  void U8(uint8_t v) { buf_.push_back(static_cast<char>(v)); }
  void U16(uint16_t v);
  void U32(uint32_t v);
  void U64(uint64_t v);
  void F32(float v);
  // A u32 length, then the bytes.
  void Str(std::string_view s);
  const std::string& data() const { return buf_; }

 private:
  std::string buf_;
};

// Reads what ModelWriter wrote. A read past the end or a length that cannot
// fit marks the reader failed and returns zeros; check ok()/status() after a
// batch of reads.
class ModelReader {
 public:
  ModelReader(std::string_view data, std::string name)
      : data_(data), name_(std::move(name)) {}
  uint8_t U8();
  uint16_t U16();
  uint32_t U32();
  uint64_t U64();
  float F32();
  std::string Str();
  // Reads a u32 count of items of at least `min_item_bytes` each; fails if
  // the rest of the data cannot hold that many.
  uint32_t Count(size_t min_item_bytes);
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == data_.size(); }
  // CorruptionError naming the file and offset, or OK.
  Status status() const;
  // Marks the reader failed with a reason (e.g. a bad magic number).
  void Fail(std::string reason);

 private:
  bool Need(size_t n);
  std::string_view data_;
  std::string name_;
  size_t pos_ = 0;
  bool ok_ = true;
  std::string reason_;
};

StatusOr<std::string> ReadWholeFile(const std::string& path);
// Writes to path + ".tmp" then renames, so a reader never sees half a file.
Status WriteWholeFile(const std::string& path, std::string_view data);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_TEXT_MODEL_IO_H_
