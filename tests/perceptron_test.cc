#include "text/perceptron.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <map>
#include <random>
#include <vector>

#include "text/model_io.h"

namespace claimgraph {
namespace {

// The rows of a saved perceptron, read back by hand from its layout (u32
// classes, u32 rows; per row u64 key, u16 n, n x (u8 class, f32 weight)).
std::map<uint64_t, std::vector<std::pair<int, float>>> SavedRows(
    const Perceptron& model) {
  ModelWriter out;
  model.Save(&out);
  ModelReader in(out.data(), "model");
  in.U32();
  const uint32_t rows = in.U32();
  std::map<uint64_t, std::vector<std::pair<int, float>>> result;
  for (uint32_t r = 0; r < rows; ++r) {
    const uint64_t key = in.U64();
    const uint16_t n = in.U16();
    for (uint16_t j = 0; j < n; ++j) {
      const int cls = in.U8();
      result[key].emplace_back(cls, in.F32());
    }
  }
  EXPECT_TRUE(in.ok() && in.at_end());
  return result;
}

// Scores are the sums of the rows' weights: bit for bit where only sparse
// rows take part; a row copied dense (rows with many classes) holds its
// weights as int16 steps of 1/32767 of its largest one, so each dense row
// may move a score by half a step. With or without a row memo, the scores
// are the same bit for bit.
TEST(PerceptronTest, DenseAndSparseRowsScoreLikePlainSums) {
  constexpr int kClasses = 37;
  Perceptron model(kClasses);
  std::mt19937_64 rng(7);
  // Features 1..8 take part in almost every update (dense rows), 9..400
  // in few (sparse rows).
  for (int step = 0; step < 3000; ++step) {
    std::vector<uint64_t> features = {1 + rng() % 8, 9 + rng() % 392};
    model.Update(features.data(), features.size(),
                 static_cast<int>(rng() % kClasses),
                 static_cast<int>(rng() % kClasses));
  }
  model.Finish(1e-3f);
  const auto rows = SavedRows(model);
  size_t dense = 0;
  for (const auto& [key, row] : rows) dense += row.size() * 4 >= kClasses;
  ASSERT_GE(dense, 8u);
  ASSERT_LT(dense, rows.size());
  Perceptron::RowMemo memo;
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<uint64_t> features;
    for (int k = 0; k < 12; ++k) features.push_back(1 + rng() % 450);
    std::vector<float> want(kClasses, 0.0f), got(kClasses, 0.0f),
        memoised(kClasses, 0.0f);
    float slack = 0.0f;  // The dense rows' rounding, at most.
    for (uint64_t f : features) {
      auto it = rows.find(f);
      if (it == rows.end()) continue;
      float max_abs = 0.0f;
      for (const auto& [cls, w] : it->second) {
        want[cls] += w;
        max_abs = std::max(max_abs, std::fabs(w));
      }
      if (it->second.size() * 4 >= kClasses) slack += max_abs / 65534.0f;
    }
    model.Score(features.data(), features.size(), got.data());
    model.Score(features.data(), features.size(), memoised.data(), &memo);
    for (int k = 0; k < kClasses; ++k) {
      if (slack == 0.0f) {
        EXPECT_EQ(got[k], want[k]);
      } else {
        EXPECT_NEAR(got[k], want[k], slack * 1.01f + 1e-5f);
      }
    }
    EXPECT_EQ(
        std::memcmp(got.data(), memoised.data(), sizeof(float) * kClasses), 0);
  }
}

// generation() tells caches of lookups when a model's tables may have
// changed: on rebuilding them, and for both sides of a copy or move.
TEST(PerceptronTest, GenerationChangesWhenTheTablesMayHave) {
  Perceptron model(4);
  const uint64_t features[] = {1, 2, 3};
  for (int i = 0; i < 20; ++i) model.Update(features, 3, i % 4, (i + 1) % 4);
  model.Finish(1e-3f);
  const uint64_t frozen = model.generation();
  Perceptron copy = model;
  EXPECT_NE(copy.generation(), frozen);
  EXPECT_EQ(model.generation(), frozen);  // The source is unchanged.
  Perceptron moved = std::move(copy);
  const uint64_t after_move = moved.generation();
  EXPECT_NE(after_move, frozen);
  model.Prune(2);
  EXPECT_NE(model.generation(), frozen);
  Perceptron other(4);
  EXPECT_NE(other.generation(), after_move);
}

}  // namespace
}  // namespace claimgraph
