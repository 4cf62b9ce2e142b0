#include "text/perceptron.h"

#include <algorithm>
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
  const size_t mask = slots_.size() - 1;
  // Prefetch every first probe, so the cache misses overlap, then look up.
  for (size_t i = 0; i < n; ++i) {
    __builtin_prefetch(&slots_[features[i] & mask]);
  }
  constexpr size_t kBatch = 128;
  uint32_t begin[kBatch], end[kBatch];
  for (size_t done = 0; done < n; done += kBatch) {
    const size_t m = std::min(kBatch, n - done);
    size_t found = 0;
    for (size_t i = 0; i < m; ++i) {
      const uint64_t key = features[done + i];
      for (size_t slot = key & mask;; slot = (slot + 1) & mask) {
        const Slot& s = slots_[slot];
        if (s.key == key) {
          if (s.end == kDense) {
            __builtin_prefetch(&dense_[s.begin]);
          } else {
            __builtin_prefetch(&entries_[s.begin]);
          }
          begin[found] = s.begin;
          end[found] = s.end;
          ++found;
          break;
        }
        if (s.key == 0) break;
      }
    }
    AddRows(begin, end, found, scores);
  }
}

void Perceptron::Score(const uint64_t* features, size_t n, float* scores,
                       RowMemo* memo) const {
  if (!frozen_ || slots_.empty()) {
    Score(features, n, scores);
    return;
  }
  const size_t mask = slots_.size() - 1;
  const size_t memo_mask = memo->slots_.size() - 1;
  // The memo is indexed by high bits, the main table by low ones.
  auto memo_slot = [&](uint64_t key) -> RowMemo::Slot& {
    return memo->slots_[(key >> 40) & memo_mask];
  };
  constexpr size_t kBatch = 128;
  uint32_t begin[kBatch], end[kBatch];
  for (size_t done = 0; done < n; done += kBatch) {
    const size_t m = std::min(kBatch, n - done);
    // Prefetch the first probe of every feature the memo lacks.
    for (size_t i = 0; i < m; ++i) {
      const uint64_t key = features[done + i];
      if (memo_slot(key).key != key) __builtin_prefetch(&slots_[key & mask]);
    }
    size_t found = 0;
    for (size_t i = 0; i < m; ++i) {
      const uint64_t key = features[done + i];
      RowMemo::Slot& hit = memo_slot(key);
      if (hit.key != key) {
        hit = RowMemo::Slot{key, 0, 0};
        for (size_t slot = key & mask;; slot = (slot + 1) & mask) {
          const Slot& s = slots_[slot];
          if (s.key == key) {
            hit.begin = s.begin;
            hit.end = s.end;
            break;
          }
          if (s.key == 0) break;
        }
      }
      if (hit.begin == hit.end) continue;
      if (hit.end == kDense) {
        __builtin_prefetch(&dense_[hit.begin]);
      } else {
        __builtin_prefetch(&entries_[hit.begin]);
      }
      begin[found] = hit.begin;
      end[found] = hit.end;
      ++found;
    }
    AddRows(begin, end, found, scores);
  }
}

void Perceptron::AddRows(const uint32_t* begin, const uint32_t* end, size_t n,
                         float* scores) const {
  // Four floats at a time (SSE on any x86-64); the same IEEE additions per
  // class as the scalar loop.
  typedef float V4 __attribute__((vector_size(16)));
  const size_t classes = static_cast<size_t>(num_classes_);
  for (size_t f = 0; f < n; ++f) {
    if (end[f] == kDense) {
      const float* row = dense_.data() + begin[f];
      size_t k = 0;
      for (; k + 4 <= classes; k += 4) {
        V4 a, b;
        std::memcpy(&a, scores + k, sizeof(a));
        std::memcpy(&b, row + k, sizeof(b));
        a += b;
        std::memcpy(scores + k, &a, sizeof(a));
      }
      for (; k < classes; ++k) scores[k] += row[k];
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
  std::vector<Entry> entries;
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

void Perceptron::BuildIndex() {
  size_t capacity = 16;
  while (capacity < row_keys_.size() * 2) capacity *= 2;
  slots_.assign(capacity, Slot{0, 0, 0});
  dense_.clear();
  const size_t mask = capacity - 1;
  const uint32_t classes = static_cast<uint32_t>(num_classes_);
  for (uint32_t row = 0; row < row_keys_.size(); ++row) {
    size_t slot = row_keys_[row] & mask;
    while (slots_[slot].key != 0) slot = (slot + 1) & mask;
    const uint32_t begin = offsets_[row], end = offsets_[row + 1];
    if (classes >= 8 && (end - begin) * 4 >= classes &&
        dense_.size() + classes < kDense) {
      const uint32_t at = static_cast<uint32_t>(dense_.size());
      dense_.resize(dense_.size() + classes, 0.0f);
      for (uint32_t j = begin; j < end; ++j) {
        dense_[at + entries_[j].cls] = entries_[j].w;
      }
      slots_[slot] = Slot{row_keys_[row], at, kDense};
    } else {
      slots_[slot] = Slot{row_keys_[row], begin, end};
    }
  }
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
