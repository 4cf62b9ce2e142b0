#include "text/perceptron.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>

namespace claimgraph {

void Perceptron::Score(const uint64_t* features, size_t n,
                       float* scores) const {
  if (!frozen_) {
    for (size_t i = 0; i < n; ++i) {
      auto it = train_.find(features[i]);
      if (it == train_.end()) continue;
      for (const TrainEntry& e : it->second.entries) scores[e.cls] += e.w;
    }
    return;
  }
  if (slots_.empty()) return;
  ScoreFrozen(features, n, scores, nullptr);
}

void Perceptron::Score(const uint64_t* features, size_t n, float* scores,
                       RowMemo* memo) const {
  if (!frozen_ || slots_.empty()) {
    Score(features, n, scores);
    return;
  }
  ScoreFrozen(features, n, scores, memo);
}

void Perceptron::ScoreFrozen(const uint64_t* features, size_t n, float* scores,
                             RowMemo* memo) const {
  constexpr size_t kBatch = 128;
  uint32_t begin[kBatch], end[kBatch];
  for (size_t done = 0; done < n; done += kBatch) {
    const size_t m = std::min(kBatch, n - done);
    const size_t found = LookUp(features + done, m, memo, begin, end);
    AddRows(begin, end, found, scores);
  }
}

const Perceptron::Slot* Perceptron::FindHot(uint64_t key) const {
  const size_t mask = hot_slots_.size() - 1;
  for (size_t i = (key >> 32) & mask;; i = (i + 1) & mask) {
    const Slot& s = hot_slots_[i];
    if (s.key == key) return &s;
    if (s.key == 0) return nullptr;
  }
}

size_t Perceptron::LookUp(const uint64_t* features, size_t n, RowMemo* memo,
                          uint32_t* begin, uint32_t* end) const {
  const size_t mask = slots_.size() - 1;
  const size_t memo_mask = memo ? memo->slots_.size() - 1 : 0;
  // The memo is indexed by high bits, the main table by low ones.
  auto memo_slot = [&](uint64_t key) -> RowMemo::Slot& {
    return memo->slots_[(key >> 40) & memo_mask];
  };
  // First the rows of the memo and of the small table of dense rows (both
  // mostly in cache); the main table's first probe of the others is
  // prefetched, so that their cache misses overlap.
  uint32_t rows[2][128];
  bool pending[128];
  for (size_t i = 0; i < n; ++i) {
    const uint64_t key = features[i];
    pending[i] = false;
    if (memo != nullptr && memo_slot(key).key == key) {
      rows[0][i] = memo_slot(key).begin;
      rows[1][i] = memo_slot(key).end;
    } else if (const Slot* hot = FindHot(key); hot != nullptr) {
      rows[0][i] = hot->begin;
      rows[1][i] = hot->end;
    } else {
      pending[i] = true;
      __builtin_prefetch(&slots_[key & mask]);
    }
  }
  size_t found = 0;
  for (size_t i = 0; i < n; ++i) {
    const uint64_t key = features[i];
    if (pending[i]) {
      rows[0][i] = rows[1][i] = 0;
      for (size_t slot = key & mask;; slot = (slot + 1) & mask) {
        const Slot& s = slots_[slot];
        if (s.key == key) {
          rows[0][i] = s.begin;
          rows[1][i] = s.end;
          break;
        }
        if (s.key == 0) break;
      }
      if (memo != nullptr) {
        memo_slot(key) = RowMemo::Slot{key, rows[0][i], rows[1][i]};
      }
    }
    if (rows[0][i] == rows[1][i]) continue;
    if (rows[1][i] == kDense) {
      const int16_t* row = &dense_[rows[0][i]];
      for (size_t k = 0; k < static_cast<size_t>(num_classes_); k += 32) {
        __builtin_prefetch(row + k);
      }
    } else {
      __builtin_prefetch(&entries_[rows[0][i]]);
    }
    begin[found] = rows[0][i];
    end[found] = rows[1][i];
    ++found;
  }
  return found;
}

void Perceptron::AddRows(const uint32_t* begin, const uint32_t* end, size_t n,
                         float* scores) const {
  const size_t classes = static_cast<size_t>(num_classes_);
  for (size_t f = 0; f < n; ++f) {
    if (end[f] == kDense) {
      const int16_t* row = dense_.data() + begin[f];
      const float scale = dense_scale_[begin[f] / classes];
      for (size_t k = 0; k < classes; ++k) {
        scores[k] += scale * static_cast<float>(row[k]);
      }
      continue;
    }
    for (uint32_t j = begin[f]; j < end[f]; ++j) {
      scores[entries_[j].cls] += entries_[j].w;
    }
  }
}

void Perceptron::ScoreAveraged(const uint64_t* features, size_t n,
                               float* scores) const {
  assert(!frozen_);
  const double time = std::max<int64_t>(time_, 1);
  for (size_t i = 0; i < n; ++i) {
    auto it = train_.find(features[i]);
    if (it == train_.end()) continue;
    for (const TrainEntry& e : it->second.entries) {
      double total = e.total + static_cast<double>(time_ - e.stamp) * e.w;
      scores[e.cls] += static_cast<float>(total / time);
    }
  }
}

void Perceptron::AddWeight(std::vector<TrainEntry>* row, int cls, float delta) {
  for (TrainEntry& e : *row) {
    if (e.cls == cls) {
      e.total += static_cast<double>(time_ - e.stamp) * e.w;
      e.stamp = time_;
      e.w += delta;
      return;
    }
  }
  row->push_back({cls, delta, time_, 0.0});
}

void Perceptron::Update(const uint64_t* features, size_t n, int truth,
                        int guess) {
  assert(!frozen_);
  ++time_;
  if (truth == guess) return;
  for (size_t i = 0; i < n; ++i) {
    TrainRow& row = train_[features[i]];
    ++row.updates;
    AddWeight(&row.entries, truth, 1.0f);
    AddWeight(&row.entries, guess, -1.0f);
  }
}

void Perceptron::Add(const uint64_t* features, size_t n, int cls, float delta) {
  assert(!frozen_);
  for (size_t i = 0; i < n; ++i) {
    TrainRow& row = train_[features[i]];
    ++row.updates;
    AddWeight(&row.entries, cls, delta);
  }
}

void Perceptron::Finish(float prune) {
  assert(!frozen_);
  // Sorted keys make the frozen layout, and so the saved file, independent
  // of hash map iteration order.
  std::vector<uint64_t> keys;
  keys.reserve(train_.size());
  for (const auto& [key, row] : train_) keys.push_back(key);
  std::sort(keys.begin(), keys.end());
  row_keys_.clear();
  row_updates_.clear();
  offsets_.assign(1, 0);
  entries_.clear();
  const double time = std::max<int64_t>(time_, 1);
  for (uint64_t key : keys) {
    std::vector<TrainEntry>& row = train_[key].entries;
    std::sort(
        row.begin(), row.end(),
        [](const TrainEntry& a, const TrainEntry& b) { return a.cls < b.cls; });
    size_t before = entries_.size();
    for (const TrainEntry& e : row) {
      double total = e.total + static_cast<double>(time_ - e.stamp) * e.w;
      float avg = static_cast<float>(total / time);
      if (std::fabs(avg) >= prune && avg != 0.0f) {
        entries_.push_back({static_cast<uint32_t>(e.cls), avg});
      }
    }
    if (entries_.size() == before) continue;
    row_keys_.push_back(key);
    row_updates_.push_back(train_[key].updates);
    offsets_.push_back(static_cast<uint32_t>(entries_.size()));
  }
  train_.clear();
  frozen_ = true;
  BuildIndex();
}

void Perceptron::Prune(int min_updates) {
  assert(frozen_);
  if (row_updates_.empty()) return;
  size_t kept = 0;
  std::vector<uint32_t> offsets(1, 0);
  HugePageVector<Entry> entries;
  for (size_t row = 0; row < row_keys_.size(); ++row) {
    if (row_updates_[row] < min_updates) continue;
    row_keys_[kept] = row_keys_[row];
    row_updates_[kept] = row_updates_[row];
    ++kept;
    entries.insert(entries.end(), entries_.begin() + offsets_[row],
                   entries_.begin() + offsets_[row + 1]);
    offsets.push_back(static_cast<uint32_t>(entries.size()));
  }
  row_keys_.resize(kept);
  row_updates_.resize(kept);
  offsets_ = std::move(offsets);
  entries_ = std::move(entries);
  BuildIndex();
}

namespace {

// An open-addressing table with room for `count` keys at most half full.
template <typename Table>
void SizeTable(size_t count, Table* table) {
  size_t capacity = 16;
  while (capacity < count * 2) capacity *= 2;
  table->assign(capacity, {0, 0, 0});
}

// Puts `slot` into `table` at the first free place from `home`.
template <typename Slot, typename Table>
void PlaceSlot(const Slot& slot, size_t home, Table* table) {
  const size_t mask = table->size() - 1;
  size_t i = home & mask;
  while ((*table)[i].key != 0) i = (i + 1) & mask;
  (*table)[i] = slot;
}

}  // namespace

uint64_t Perceptron::Generation::Next() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

void Perceptron::BuildIndex() {
  generation_.value = Generation::Next();
  dense_.clear();
  dense_scale_.clear();
  const uint32_t classes = static_cast<uint32_t>(num_classes_);
  std::vector<Slot> sparse, hot;
  for (uint32_t row = 0; row < row_keys_.size(); ++row) {
    const uint32_t begin = offsets_[row], end = offsets_[row + 1];
    if (classes < 8 || (end - begin) * 4 < classes ||
        dense_.size() + classes >= kDense) {
      sparse.push_back(Slot{row_keys_[row], begin, end});
      continue;
    }
    // A dense row: int16 weights with a scale of the row's own, so the
    // rounding error is at most 1/65534 of its largest weight.
    float max_abs = 0.0f;
    for (uint32_t j = begin; j < end; ++j) {
      max_abs = std::max(max_abs, std::fabs(entries_[j].w));
    }
    const float scale = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
    const uint32_t at = static_cast<uint32_t>(dense_.size());
    dense_.resize(dense_.size() + classes, 0);
    dense_scale_.push_back(scale);
    for (uint32_t j = begin; j < end; ++j) {
      dense_[at + entries_[j].cls] =
          static_cast<int16_t>(std::lround(entries_[j].w / scale));
    }
    hot.push_back(Slot{row_keys_[row], at, kDense});
  }
  SizeTable(sparse.size(), &slots_);
  for (const Slot& s : sparse) PlaceSlot(s, s.key, &slots_);
  SizeTable(hot.size(), &hot_slots_);
  for (const Slot& s : hot) PlaceSlot(s, s.key >> 32, &hot_slots_);
}

// Layout: u32 classes, u32 rows; per row: u64 key, u16 entry count; then per
// entry: u16 class (or u8 when classes <= 256), f32 weight.
void Perceptron::Save(ModelWriter* out) const {
  assert(frozen_);
  out->U32(static_cast<uint32_t>(num_classes_));
  out->U32(static_cast<uint32_t>(row_keys_.size()));
  const bool small = num_classes_ <= 256;
  for (size_t row = 0; row < row_keys_.size(); ++row) {
    out->U64(row_keys_[row]);
    out->U16(static_cast<uint16_t>(offsets_[row + 1] - offsets_[row]));
    for (uint32_t j = offsets_[row]; j < offsets_[row + 1]; ++j) {
      if (small) {
        out->U8(static_cast<uint8_t>(entries_[j].cls));
      } else {
        out->U16(static_cast<uint16_t>(entries_[j].cls));
      }
      out->F32(entries_[j].w);
    }
  }
}

Status Perceptron::Load(ModelReader* in) {
  num_classes_ = static_cast<int>(in->U32());
  const uint32_t rows = in->Count(10);
  if (!in->ok()) return in->status();
  if (num_classes_ <= 0 || num_classes_ > 65535) {
    in->Fail("bad class count " + std::to_string(num_classes_));
    return in->status();
  }
  const bool small = num_classes_ <= 256;
  row_keys_.assign(rows, 0);
  offsets_.assign(1, 0);
  offsets_.reserve(rows + 1);
  entries_.clear();
  for (uint32_t row = 0; row < rows && in->ok(); ++row) {
    row_keys_[row] = in->U64();
    uint16_t n = in->U16();
    if (row_keys_[row] == 0) in->Fail("zero feature key");
    for (uint16_t j = 0; j < n && in->ok(); ++j) {
      uint32_t cls = small ? in->U8() : in->U16();
      float w = in->F32();
      if (cls >= static_cast<uint32_t>(num_classes_)) {
        in->Fail("class out of range");
      }
      entries_.push_back({cls, w});
    }
    offsets_.push_back(static_cast<uint32_t>(entries_.size()));
  }
  if (!in->ok()) return in->status();
  train_.clear();
  row_updates_.clear();
  frozen_ = true;
  BuildIndex();
  return OkStatus();
}

size_t Perceptron::num_features() const {
  return frozen_ ? row_keys_.size() : train_.size();
}
size_t Perceptron::num_weights() const {
  if (frozen_) return entries_.size();
  size_t n = 0;
  for (const auto& [key, row] : train_) n += row.entries.size();
  return n;
}

}  // namespace claimgraph
