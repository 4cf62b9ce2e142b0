#include "text/model_io.h"

#include <bit>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

// The readers copy bytes as they are: the format is little-endian.
static_assert(std::endian::native == std::endian::little);

namespace claimgraph {

void ModelWriter::U16(uint16_t v) {
  for (int i = 0; i < 2; ++i) U8(static_cast<uint8_t>(v >> (8 * i)));
}
void ModelWriter::U32(uint32_t v) {
  for (int i = 0; i < 4; ++i) U8(static_cast<uint8_t>(v >> (8 * i)));
}
void ModelWriter::U64(uint64_t v) {
  for (int i = 0; i < 8; ++i) U8(static_cast<uint8_t>(v >> (8 * i)));
}
void ModelWriter::F32(float v) {
  uint32_t bits;
  std::memcpy(&bits, &v, 4);
  U32(bits);
}
void ModelWriter::Str(std::string_view s) {
  U32(static_cast<uint32_t>(s.size()));
  buf_.append(s);
}

bool ModelReader::Need(size_t n) {
  if (!ok_) return false;
  if (data_.size() - pos_ < n) {
    Fail("truncated");
    return false;
  }
  return true;
}

uint8_t ModelReader::U8() {
  if (!Need(1)) return 0;
  return static_cast<uint8_t>(data_[pos_++]);
}
uint16_t ModelReader::U16() {
  if (!Need(2)) return 0;
  uint16_t v;
  std::memcpy(&v, data_.data() + pos_, 2);
  pos_ += 2;
  return v;
}
uint32_t ModelReader::U32() {
  if (!Need(4)) return 0;
  uint32_t v;
  std::memcpy(&v, data_.data() + pos_, 4);
  pos_ += 4;
  return v;
}
uint64_t ModelReader::U64() {
  if (!Need(8)) return 0;
  uint64_t v;
  std::memcpy(&v, data_.data() + pos_, 8);
  pos_ += 8;
  return v;
}
float ModelReader::F32() {
  uint32_t bits = U32();
  float v;
  std::memcpy(&v, &bits, 4);
  return v;
}
std::string ModelReader::Str() {
  uint32_t n = U32();
  if (!Need(n)) return {};
  std::string s(data_.substr(pos_, n));
  pos_ += n;
  return s;
}
uint32_t ModelReader::Count(size_t min_item_bytes) {
  uint32_t n = U32();
  if (ok_ && min_item_bytes > 0 && n > (data_.size() - pos_) / min_item_bytes) {
    Fail("count " + std::to_string(n) + " exceeds the data");
    return 0;
  }
  return n;
}
void ModelReader::Fail(std::string reason) {
  if (!ok_) return;
  ok_ = false;
  reason_ = std::move(reason);
}
Status ModelReader::status() const {
  if (ok_) return OkStatus();
  return CorruptionError(name_ + ": at byte " + std::to_string(pos_) + ": " +
                         reason_);
}

StatusOr<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (errno == ENOENT) return NotFoundError(path + ": no such file");
    return IoError(path + ": " + std::strerror(errno));
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return IoError(path + ": read failed");
  return buf.str();
}

Status WriteWholeFile(const std::string& path, std::string_view data) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return IoError(tmp + ": " + std::strerror(errno));
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.flush();
    if (!out) return IoError(tmp + ": write failed");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    return IoError(path + ": " + std::strerror(errno));
  }
  return OkStatus();
}

}  // namespace claimgraph
