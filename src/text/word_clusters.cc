#include "text/word_clusters.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <random>
#include <unordered_set>

#include "base/ascii.h"

namespace claimgraph {
namespace {

// Digits replaced by '0', or "" when `s` has none.
std::string DigitNormalised(std::string_view s) {
  std::string out(s);
  bool any = false;
  for (char& c : out) {
    if (c >= '0' && c <= '9') {
      c = '0';
      any = true;
    }
  }
  return any ? out : std::string();
}

float Dot(const float* a, const float* b, int dim) {
  float s = 0;
  for (int k = 0; k < dim; ++k) s += a[k] * b[k];
  return s;
}

// Bisecting spherical k-means over the rows of `unit` (normalised vectors).
class Bisector {
 public:
  Bisector(const std::vector<float>& unit, int dim,
           const ClusterOptions& options, std::vector<uint16_t>* codes)
      : unit_(unit), dim_(dim), options_(options), codes_(*codes) {}

  // Splits the words ids[begin, end) under the node `code` at `depth`.
  void Split(std::vector<int>& ids, size_t begin, size_t end, uint16_t code,
             int depth) {
    const size_t n = end - begin;
    if (depth >= options_.depth ||
        n < static_cast<size_t>(options_.min_split)) {
      for (size_t j = begin; j < end; ++j) codes_[ids[j]] = code;
      return;
    }
    // Seeds: two distinct members drawn by a generator seeded per node.
    std::mt19937_64 rng(HashMix(options_.seed, code));
    size_t a = rng() % n, b = rng() % (n - 1);
    if (b >= a) ++b;
    std::vector<float> c0(row(ids[begin + a]), row(ids[begin + a]) + dim_);
    std::vector<float> c1(row(ids[begin + b]), row(ids[begin + b]) + dim_);
    std::vector<uint8_t> side(n);
    for (int it = 0; it < options_.iterations; ++it) {
      Assign(ids, begin, end, c0, c1, &side);
      if (!Centroids(ids, begin, side, &c0, &c1)) break;
    }
    Assign(ids, begin, end, c0, c1, &side);
    // Stable partition by side, so the order stays the frequency order.
    std::vector<int> left, right;
    for (size_t j = 0; j < n; ++j) {
      (side[j] ? right : left).push_back(ids[begin + j]);
    }
    if (left.empty() || right.empty()) {
      for (size_t j = begin; j < end; ++j) codes_[ids[j]] = code;
      return;
    }
    std::copy(left.begin(), left.end(), ids.begin() + begin);
    std::copy(right.begin(), right.end(), ids.begin() + begin + left.size());
    const size_t mid = begin + left.size();
    const uint16_t child = static_cast<uint16_t>(code << 1);
    Split(ids, begin, mid, child, depth + 1);
    Split(ids, mid, end, child | 1, depth + 1);
  }

 private:
  const float* row(int id) const {
    return unit_.data() + static_cast<size_t>(id) * dim_;
  }
  // side[j] = 1 when word j is strictly closer (in cosine) to c1.
  void Assign(const std::vector<int>& ids, size_t begin, size_t end,
              const std::vector<float>& c0, const std::vector<float>& c1,
              std::vector<uint8_t>* side) const {
    for (size_t j = begin; j < end; ++j) {
      const float* v = row(ids[j]);
      (*side)[j - begin] = Dot(v, c1.data(), dim_) > Dot(v, c0.data(), dim_);
    }
  }
  // Mean directions of the two sides; false if a side is empty.
  bool Centroids(const std::vector<int>& ids, size_t begin,
                 const std::vector<uint8_t>& side, std::vector<float>* c0,
                 std::vector<float>* c1) const {
    std::fill(c0->begin(), c0->end(), 0.0f);
    std::fill(c1->begin(), c1->end(), 0.0f);
    size_t n1 = 0;
    for (size_t j = 0; j < side.size(); ++j) {
      std::vector<float>& c = side[j] ? *c1 : *c0;
      n1 += side[j];
      const float* v = row(ids[begin + j]);
      for (int k = 0; k < dim_; ++k) c[k] += v[k];
    }
    if (n1 == 0 || n1 == side.size()) return false;
    for (std::vector<float>* c : {c0, c1}) {
      const float norm = std::sqrt(Dot(c->data(), c->data(), dim_));
      if (norm > 0) {
        for (float& x : *c) x /= norm;
      }
    }
    return true;
  }

  const std::vector<float>& unit_;
  const int dim_;
  const ClusterOptions& options_;
  std::vector<uint16_t>& codes_;
};

}  // namespace

StatusOr<WordVectors> ReadWordVectors(const std::string& path, int max_words) {
  std::ifstream in(path);
  if (!in) return NotFoundError(path + ": cannot open word vectors");
  WordVectors out;
  std::string line;
  for (long lineno = 1;
       static_cast<int>(out.words.size()) < max_words && std::getline(in, line);
       ++lineno) {
    const auto bad = [&](const std::string& why) {
      return InvalidArgumentError(path + ":" + std::to_string(lineno) + ": " +
                                  why);
    };
    size_t space = line.find(' ');
    if (space == 0 || space == std::string::npos) {
      return bad("expected a word and its values");
    }
    out.words.push_back(line.substr(0, space));
    int values = 0;
    const char* p = line.c_str() + space;
    while (true) {
      while (*p == ' ') ++p;
      if (*p == '\0') break;
      char* next = nullptr;
      errno = 0;
      const float v = std::strtof(p, &next);
      if (next == p || errno == ERANGE || (*next != ' ' && *next != '\0')) {
        return bad("not a number");
      }
      out.values.push_back(v);
      ++values;
      p = next;
    }
    if (out.dim == 0) out.dim = values;
    if (values != out.dim || values == 0) {
      return bad("expected " + std::to_string(out.dim) + " values, found " +
                 std::to_string(values));
    }
  }
  return out;
}

WordClusters WordClusters::Build(const WordVectors& vectors,
                                 const ClusterOptions& options) {
  ClusterOptions o = options;
  o.depth = std::clamp(o.depth, 0, kMaxDepth);
  o.min_split = std::max(o.min_split, 2);
  const int dim = vectors.dim;
  const size_t n = vectors.words.size();
  std::vector<float> unit(vectors.values.begin(),
                          vectors.values.begin() + n * dim);
  for (size_t i = 0; i < n; ++i) {
    float* v = unit.data() + i * dim;
    const float norm = std::sqrt(Dot(v, v, dim));
    if (norm > 0) {
      for (int k = 0; k < dim; ++k) v[k] /= norm;
    }
  }
  std::vector<uint16_t> codes(n, 1);
  std::vector<int> ids(n);
  for (size_t i = 0; i < n; ++i) ids[i] = static_cast<int>(i);
  if (n > 0) Bisector(unit, dim, o, &codes).Split(ids, 0, n, 1, 0);
  WordClusters clusters;
  std::vector<std::pair<std::string, uint16_t>> entries;
  std::unordered_set<std::string> seen;
  for (size_t i = 0; i < n; ++i) {
    if (seen.insert(vectors.words[i]).second) {
      entries.emplace_back(vectors.words[i], codes[i]);
    }
  }
  for (size_t i = 0; i < n; ++i) {
    std::string key = DigitNormalised(vectors.words[i]);
    if (!key.empty() && seen.insert(key).second) {
      entries.emplace_back(key, codes[i]);
    }
  }
  // Sorted, like a loaded map, so the two are laid out alike.
  std::sort(entries.begin(), entries.end());
  clusters.Rehash(entries.size());
  for (const auto& [key, code] : entries) clusters.Insert(key, code);
  return clusters;
}

void WordClusters::Rehash(size_t capacity) {
  size_t size = 16;
  while (size < capacity * 2) size *= 2;
  table_.assign(size, 0);
  const size_t mask = size - 1;
  for (size_t i = 0; i < codes_.size(); ++i) {
    size_t slot = Fnv1a64(Key(i)) & mask;
    while (table_[slot] != 0) slot = (slot + 1) & mask;
    table_[slot] = static_cast<uint32_t>(i + 1);
  }
}

long WordClusters::IndexOf(std::string_view key) const {
  if (table_.empty()) return -1;
  const size_t mask = table_.size() - 1;
  for (size_t slot = Fnv1a64(key) & mask;; slot = (slot + 1) & mask) {
    const uint32_t at = table_[slot];
    if (at == 0) return -1;
    if (Key(at - 1) == key) return static_cast<long>(at - 1);
  }
}

bool WordClusters::Insert(std::string_view key, uint16_t code) {
  if (IndexOf(key) >= 0) return false;
  if ((codes_.size() + 1) * 2 > table_.size()) Rehash(codes_.size() + 1);
  keys_.append(key);
  offsets_.push_back(static_cast<uint32_t>(keys_.size()));
  codes_.push_back(code);
  const size_t mask = table_.size() - 1;
  size_t slot = Fnv1a64(key) & mask;
  while (table_[slot] != 0) slot = (slot + 1) & mask;
  table_[slot] = static_cast<uint32_t>(codes_.size());
  return true;
}

uint16_t WordClusters::Find(std::string_view form) const {
  if (codes_.empty()) return 0;
  std::string lower = AsciiLower(form);
  if (long i = IndexOf(lower); i >= 0) return codes_[i];
  std::string key = DigitNormalised(lower);
  if (key.empty()) return 0;
  const long i = IndexOf(key);
  return i < 0 ? 0 : codes_[i];
}

uint16_t WordClusters::Prefix(uint16_t code, int bits) {
  if (code == 0) return 0;
  int length = 0;
  while ((code >> (length + 1)) != 0) ++length;
  return length <= bits ? code : static_cast<uint16_t>(code >> (length - bits));
}

void WordClusters::Save(ModelWriter* out) const {
  std::vector<uint32_t> order(codes_.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return Key(a) < Key(b); });
  out->U32(static_cast<uint32_t>(order.size()));
  for (uint32_t i : order) {
    out->Str(Key(i));
    out->U16(codes_[i]);
  }
}

StatusOr<WordClusters> WordClusters::Load(ModelReader* in) {
  WordClusters clusters;
  const uint32_t n = in->Count(6);
  clusters.codes_.reserve(n);
  clusters.offsets_.reserve(n + 1);
  for (uint32_t i = 0; i < n && in->ok(); ++i) {
    const std::string key = in->Str();
    const uint16_t code = in->U16();
    if (in->ok() && code == 0) in->Fail("word cluster path 0");
    clusters.keys_.append(key);
    clusters.offsets_.push_back(static_cast<uint32_t>(clusters.keys_.size()));
    clusters.codes_.push_back(code);
  }
  if (!in->ok()) return in->status();
  clusters.Rehash(n);
  for (uint32_t i = 0; i < n; ++i) {
    if (clusters.IndexOf(clusters.Key(i)) != static_cast<long>(i)) {
      in->Fail("word cluster key repeated: " + std::string(clusters.Key(i)));
      return in->status();
    }
  }
  return clusters;
}

}  // namespace claimgraph
