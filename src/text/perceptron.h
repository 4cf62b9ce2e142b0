// A multi-class averaged perceptron over hashed sparse features, shared by
// the tagger and the parser.
//
// Features are 64-bit hashes (see HashMix in model_io.h); each feature owns a
// sparse row of (class, weight) pairs, so only features that took part in a
// training mistake cost memory. Two modes: while training, rows live in a
// hash map and keep the sums needed for averaging; Finish() (or Load())
// freezes the averaged weights into flat arrays with an open-addressing
// index, which is what Score() reads at run time.

#ifndef CLAIMGRAPH_TEXT_PERCEPTRON_H_
#define CLAIMGRAPH_TEXT_PERCEPTRON_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "text/huge_page_allocator.h"
#include "text/model_io.h"

namespace claimgraph {

class Perceptron {
 public:
  explicit Perceptron(int num_classes = 0) : num_classes_(num_classes) {}

  int num_classes() const { return num_classes_; }
  // After Finish() or Load(): the weights are final.
  bool frozen() const { return frozen_; }
  // A number no other model state has had in this process: it changes
  // whenever the frozen tables are rebuilt and when the model is copied or
  // moved (both objects get new ones). A cache of lookups (RowMemo) made
  // for one generation is valid exactly while the model keeps it.
  uint64_t generation() const { return generation_.value; }

  // Adds the weights of `features` to scores[0..num_classes). A frozen
  // model adds the weights of its densest rows rounded to 1/65534 of each
  // row's largest (see dense_ below).
  void Score(const uint64_t* features, size_t n, float* scores) const;

  // A memo of row lookups for a caller that scores many overlapping feature
  // sets in a row (beam search): a direct-mapped table, small enough to
  // stay in cache, of where each recently seen feature's row lies (or that
  // it has none). Valid for one frozen model; Reset() before reuse with
  // another.
  class RowMemo {
   public:
    // `log2_size`: the table has 2^log2_size slots.
    explicit RowMemo(int log2_size = 12) : slots_(size_t{1} << log2_size) {}
    void Reset() { std::fill(slots_.begin(), slots_.end(), Slot{0, 0, 0}); }

   private:
    friend class Perceptron;
    struct Slot {
      uint64_t key;
      uint32_t begin, end;
    };
    std::vector<Slot> slots_;
  };
  // Same as Score() (after Finish() or Load(); otherwise ignores `memo`).
  void Score(const uint64_t* features, size_t n, float* scores,
             RowMemo* memo) const;

  // Training only (before Finish): one training decision happened; if
  // truth != guess, moves weights of `features` toward `truth`.
  void Update(const uint64_t* features, size_t n, int truth, int guess);
  // Counts one decision without an update (needed for averaging).
  void Tick() { ++time_; }
  // Training only: adds `delta` to the weight of class `cls` for every
  // feature, without counting a decision (global training calls this for
  // a whole transition sequence, then Tick() once per sentence).
  void Add(const uint64_t* features, size_t n, int cls, float delta);

  // Training only: like Score() but with the weights averaged so far, to
  // measure a model on held-out data while it trains.
  void ScoreAveraged(const uint64_t* features, size_t n, float* scores) const;

  // Replaces weights by their averages over all decisions, drops weights
  // with |w| < prune, and freezes the model. Training ends here.
  void Finish(float prune);

  // After Finish() (not after Load()): drops features that took part in
  // fewer than `min_updates` training updates. Rare features are mostly
  // noise; dropping them makes the model smaller and faster. Can be called
  // repeatedly with growing thresholds.
  void Prune(int min_updates);

  // Only after Finish() or Load().
  void Save(ModelWriter* out) const;
  // Replaces this model by one read from `in`.
  Status Load(ModelReader* in);

  size_t num_features() const;
  size_t num_weights() const;

 private:
  struct TrainEntry {
    int cls;
    float w;
    int64_t stamp;
    double total;
  };
  struct Entry {
    uint32_t cls;
    float w;
  };
  void AddWeight(std::vector<TrainEntry>* row, int cls, float delta);
  // Builds keys_/slots_ from keys_list_ (row i has key keys_list_[i]).
  void BuildIndex();

  // A fresh number on construction, copy and move (for both sides).
  struct Generation {
    static uint64_t Next();
    Generation() : value(Next()) {}
    Generation(const Generation&) : value(Next()) {}
    Generation(Generation&& other) noexcept : value(Next()) {
      other.value = Next();
    }
    Generation& operator=(const Generation&) {
      value = Next();
      return *this;
    }
    Generation& operator=(Generation&& other) noexcept {
      value = Next();
      other.value = Next();
      return *this;
    }
    uint64_t value;
  };

  int num_classes_;
  Generation generation_;
  bool frozen_ = false;
  int64_t time_ = 0;
  // Training mode.
  struct TrainRow {
    int updates = 0;
    std::vector<TrainEntry> entries;
  };
  std::unordered_map<uint64_t, TrainRow> train_;
  std::vector<int> row_updates_;  // Per frozen row; empty after Load().
  // Frozen mode: row i has key row_keys_[i] and entries
  // [offsets_[i], offsets_[i+1]).
  std::vector<uint64_t> row_keys_;
  std::vector<uint32_t> offsets_;
  HugePageVector<Entry> entries_;
  // Open-addressing index over the sparse rows: key 0 = empty; size a
  // power of 2. The entry range is copied into the slot so a lookup touches
  // one cache line.
  struct Slot {
    uint64_t key;
    uint32_t begin, end;
  };
  static constexpr uint32_t kDense = 0xffffffffu;
  HugePageVector<Slot> slots_;
  // Rows with at least a quarter of the classes (the rows of frequent
  // features), copied as num_classes_ int16 weights each (zeros where the
  // row has no entry) with a float scale per row, its largest |weight| /
  // 32767: adding them is a vectorised loop instead of a scatter, and half
  // the bytes of floats keep more of them in cache. Rounding moves a weight
  // by at most half a step, 1/65534 of the row's largest; training never
  // sees it (it reads the unrounded rows).
  HugePageVector<int16_t> dense_;
  std::vector<float> dense_scale_;
  // The index of the dense rows, small enough to stay in cache, probed
  // before slots_: end == kDense and begin the row's offset in dense_.
  // Indexed by bits 32 and up of the key.
  std::vector<Slot> hot_slots_;
  const Slot* FindHot(uint64_t key) const;
  // Score() of a frozen model, with or without a memo.
  void ScoreFrozen(const uint64_t* features, size_t n, float* scores,
                   RowMemo* memo) const;
  // The rows of features[0..n), n <= 128, into begin/end (the rows found,
  // in feature order); returns how many were found.
  size_t LookUp(const uint64_t* features, size_t n, RowMemo* memo,
                uint32_t* begin, uint32_t* end) const;
  // Adds the rows of the slots (begin, end) to scores, in order.
  void AddRows(const uint32_t* begin, const uint32_t* end, size_t n,
               float* scores) const;
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_TEXT_PERCEPTRON_H_
