// The beam parser's scorer for frozen models: group-wise caches of summed
// feature weights. See GroupedScorer in parser_internal.h.

#include <algorithm>

#include "text/parser_internal.h"

namespace claimgraph {
namespace parser_internal {

// Score vectors keyed by 64-bit keys: an open-addressing table over a pool
// of `width` floats per entry. Insertions may move the stored vectors.
class GroupedScorer::VectorCache {
 public:
  explicit VectorCache(size_t width) : width_(width), slots_(256) {}

  void Clear() {
    std::fill(slots_.begin(), slots_.end(), Slot{});
    pool_.clear();
    count_ = 0;
  }
  // The vector stored under `key`, or nullptr.
  const float* Find(uint64_t key) const {
    for (size_t i = Home(key);; i = Next(i)) {
      if (slots_[i].row == kEmpty) return nullptr;
      if (slots_[i].key == key) return pool_.data() + slots_[i].row * width_;
    }
  }
  // Stores a copy of vector[0..width) under `key`, which has none yet.
  void Insert(uint64_t key, const float* vector) {
    if (2 * (count_ + 1) > slots_.size()) Grow();
    Place(key, static_cast<uint32_t>(count_++));
    pool_.insert(pool_.end(), vector, vector + width_);
  }

 private:
  static constexpr uint32_t kEmpty = 0xffffffffu;
  struct Slot {
    uint64_t key = 0;
    uint32_t row = kEmpty;
  };
  size_t Home(uint64_t key) const { return (key >> 17) & (slots_.size() - 1); }
  size_t Next(size_t i) const { return (i + 1) & (slots_.size() - 1); }
  void Place(uint64_t key, uint32_t row) {
    size_t i = Home(key);
    while (slots_[i].row != kEmpty) i = Next(i);
    slots_[i] = Slot{key, row};
  }
  void Grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& s : old) {
      if (s.row != kEmpty) Place(s.key, s.row);
    }
  }

  size_t width_;
  size_t count_ = 0;
  std::vector<Slot> slots_;
  std::vector<float> pool_;
};

GroupedScorer::GroupedScorer(const Perceptron& model)
    : model_(model),
      cache_(std::make_unique<VectorCache>(model.num_classes())),
      sum_(model.num_classes()) {}

GroupedScorer::~GroupedScorer() = default;

void GroupedScorer::Reset() { cache_->Clear(); }

void GroupedScorer::Score(const State& st, const Atoms& atoms, float* scores) {
  const size_t classes = sum_.size();
  // The key of every group, and the cached vectors found: all unlabelled
  // groups at once under the shape's key, or group by group.
  uint64_t keys[kNumGroups];
  const float* found[kNumGroups] = {};
  keys[kGroupShape] = GroupKey(kGroupShape, st);
  const float* unlabelled = cache_->Find(keys[kGroupShape]);
  unsigned missing = 0;
  for (int g = 0; g < kNumGroups; ++g) {
    const auto group = static_cast<FeatureGroup>(g);
    if (g < kNumUnlabelledGroups && unlabelled != nullptr) continue;
    if (group != kGroupShape) {
      keys[g] = GroupKey(group, st);
      found[g] = cache_->Find(keys[g]);
    }
    if (found[g] == nullptr) missing |= 1u << g;
  }
  GroupedFeatures(st, atoms, missing, &features_);
  for (int g = 0; g < kNumGroups; ++g) {
    if (!((missing >> g) & 1)) continue;
    computed_[g].assign(classes, 0.0f);
    model_.Score(features_[g].data(), features_[g].size(), computed_[g].data(),
                 &memo_);
    found[g] = computed_[g].data();
  }
  // The sum, in group order.
  std::fill_n(scores, classes, 0.0f);
  if (unlabelled != nullptr) {
    std::copy_n(unlabelled, classes, scores);
  } else {
    for (int g = 0; g < kNumUnlabelledGroups; ++g) {
      for (size_t k = 0; k < classes; ++k) scores[k] += found[g][k];
    }
    std::copy_n(scores, classes, sum_.begin());
  }
  for (int g = kNumUnlabelledGroups; g < kNumGroups; ++g) {
    for (size_t k = 0; k < classes; ++k) scores[k] += found[g][k];
  }
  // Only now: an insertion may move the vectors found[] points to.
  for (int g = 0; g < kNumGroups; ++g) {
    if (((missing >> g) & 1) && g != kGroupShape) {
      cache_->Insert(keys[g], computed_[g].data());
    }
  }
  if (unlabelled == nullptr) cache_->Insert(keys[kGroupShape], sum_.data());
}

}  // namespace parser_internal
}  // namespace claimgraph
