#include "graph/subgraph.h"

#include <algorithm>
#include <cstring>

namespace claimgraph {
namespace {

// Chunk size for kept texts; longer texts get a chunk of their own.
constexpr size_t kChunkSize = 16 * 1024;

}  // namespace

Subgraph::Storage& Subgraph::MutableStorage() {
  if (storage_ == nullptr) storage_ = std::make_shared<Storage>();
  return *storage_;
}

std::string_view Subgraph::Keep(std::string_view text) {
  if (text.empty()) return {};
  Storage& s = MutableStorage();
  if (text.size() > s.capacity - s.used) {
    size_t size = std::max(kChunkSize, text.size());
    s.chunks.push_back(std::make_unique_for_overwrite<char[]>(size));
    s.used = 0;
    s.capacity = size;
  }
  char* at = s.chunks.back().get() + s.used;
  std::memcpy(at, text.data(), text.size());
  s.used += text.size();
  return {at, text.size()};
}

void Subgraph::Retain(std::shared_ptr<const void> owner) {
  if (owner != nullptr) MutableStorage().retained.push_back(std::move(owner));
}

}  // namespace claimgraph
