// The biaffine parser's network, decoder and training (text/biaffine_*.h).

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "text/biaffine_net.h"
#include "text/eisner.h"

namespace claimgraph {
namespace {

using nn::Matrix;

nn::NetShape TinyShape() {
  nn::NetShape s;
  s.words = 6;
  s.pretrained = 4;
  s.xpos = 5;
  s.upos = 4;
  s.labels = 3;
  s.word_dim = 4;
  s.tag_dim = 3;
  s.layers = 2;
  s.hidden = 3;
  s.arc_dim = 3;
  s.label_dim = 2;
  s.tags = 4;
  return s;
}

nn::NetInput TinyInput() {
  nn::NetInput in;
  in.word = {1, 2, 3, 0, 5};
  in.pretrained = {1, 2, 0, 3, 2};
  in.xpos = {1, 2, 3, 4, 2};
  in.upos = {1, 2, 3, 2, 3};
  in.head = {0, 2, 0, 2, 3};
  in.label = {0, 1, 0, 2, 1};
  in.tag = {0, 3, 1, 0, 2};
  return in;
}

double Loss(const nn::NetShape& shape, const nn::NetWeights& w,
            const Matrix& pretrained, const nn::NetInput& in,
            nn::NetWeights* grad) {
  nn::Net net(shape, &w, &pretrained);
  nn::NetState state;
  net.Forward(in, {}, nullptr, &state);
  return net.Backward(in, &state, grad);
}

// Every weight's gradient from the backward pass matches a central
// difference of the loss (in double-checked float arithmetic: to 2%).
TEST(BiaffineNetTest, GradientsMatchFiniteDifferences) {
  const nn::NetShape shape = TinyShape();
  std::mt19937_64 rng(7);
  nn::NetWeights w;
  w.Init(shape, &rng);
  std::uniform_real_distribution<float> u(-0.5f, 0.5f);
  for (Matrix* m : w.All()) {
    for (float& x : m->v) x += u(rng);  // Biaffine weights start at 0.
  }
  Matrix pretrained(shape.pretrained, shape.word_dim);
  for (float& x : pretrained.v) x = u(rng);
  const nn::NetInput in = TinyInput();
  nn::NetWeights grad;
  grad.Init(shape, nullptr);
  Loss(shape, w, pretrained, in, &grad);
  std::vector<Matrix*> params = w.All(), grads = grad.All();
  int checked = 0;
  for (size_t m = 0; m < params.size(); ++m) {
    for (size_t i = 0; i < params[m]->v.size(); ++i) {
      nn::NetWeights scratch;
      scratch.Init(shape, nullptr);
      const float keep = params[m]->v[i];
      const float eps = 1e-2f;
      params[m]->v[i] = keep + eps;
      const double up = Loss(shape, w, pretrained, in, &scratch);
      params[m]->v[i] = keep - eps;
      const double down = Loss(shape, w, pretrained, in, &scratch);
      params[m]->v[i] = keep;
      const double numeric = (up - down) / (2 * eps);
      const double analytic = grads[m]->v[i];
      EXPECT_NEAR(analytic, numeric, 0.02 * std::max(1.0, std::abs(numeric)))
          << "matrix " << m << " element " << i;
      ++checked;
    }
  }
  EXPECT_GT(checked, 300);
}

// The parsing-time label scorer (weights rearranged by dependent) gives
// the training-time one's scores.
TEST(BiaffineNetTest, LabelScoresByDependentMatch) {
  const nn::NetShape shape = TinyShape();
  std::mt19937_64 rng(11);
  nn::NetWeights w;
  w.Init(shape, &rng);
  std::uniform_real_distribution<float> u(-0.5f, 0.5f);
  for (float& x : w.label_u.v) x = u(rng);
  Matrix pretrained(shape.pretrained, shape.word_dim);
  nn::Net net(shape, &w, &pretrained);
  nn::NetState state;
  net.Forward(TinyInput(), {}, nullptr, &state);
  const Matrix by_dependent =
      nn::LabelWeightsByDependent(w.label_u, shape.labels);
  std::vector<float> slow(shape.labels);
  for (const std::vector<int>& heads :
       {std::vector<int>{0, 2, 0, 2, 3}, std::vector<int>{0, 0, 4, 4, 1}}) {
    Matrix fast;
    net.LabelScores(state, by_dependent, heads, &fast);
    for (int i = 1; i < 5; ++i) {
      net.LabelScores(state, i, heads[i], slow.data());
      for (int l = 0; l < shape.labels; ++l) {
        EXPECT_NEAR(fast.At(i, l), slow[l], 1e-5f) << i << " " << l;
      }
    }
  }
}

// The tiled products (4-row and, on AVX-512, 8-row tiles, column blocks
// of 32 and their remainders) equal the plain triple loop.
TEST(NnTest, ProductsMatchThePlainLoops) {
  std::mt19937_64 rng(2);
  std::uniform_real_distribution<float> u(-1.0f, 1.0f);
  for (int rows : {1, 3, 4, 7, 8, 11, 19}) {
    for (int cols : {5, 32, 77, 128, 384}) {
      Matrix x(rows, 13), w(13, cols), y(rows, cols), plain(rows, cols);
      for (float& v : x.v) v = u(rng);
      for (float& v : w.v) v = u(rng);
      for (float& v : y.v) v = u(rng);
      plain = y;
      for (int t = 0; t < rows; ++t) {
        for (int c = 0; c < cols; ++c) {
          for (int k = 0; k < 13; ++k)
            plain.At(t, c) += x.At(t, k) * w.At(k, c);
        }
      }
      nn::MatMulAdd(x, w, &y);
      for (size_t i = 0; i < y.v.size(); ++i) {
        EXPECT_NEAR(y.v[i], plain.v[i], 1e-4f) << rows << "x" << cols;
      }
      std::vector<float> v(cols, 0.5f), vplain = v;
      nn::MatVecAdd(x.Row(0), w, v.data());
      for (int c = 0; c < cols; ++c) {
        for (int k = 0; k < 13; ++k) vplain[c] += x.At(0, k) * w.At(k, c);
        EXPECT_NEAR(v[c], vplain[c], 1e-4f);
      }
    }
  }
}

// EisnerDecode over the scores score(h, d) of words 1..n.
template <typename F>
std::vector<int> Decode(int n, F score) {
  Matrix m(n + 1, n + 1);
  for (int d = 1; d <= n; ++d) {
    for (int h = 0; h <= n; ++h) m.At(d, h) = score(h, d);
  }
  return EisnerDecode(n, m.v.data(), m.cols);
}

TEST(EisnerTest, FindsTheBestProjectiveTreeWithOneRoot) {
  // Arc scores favour 2 -> 1, 0 -> 2, 2 -> 3, 3 -> 4 and also 0 -> 4,
  // which a single-root tree must refuse.
  auto score = [](int h, int d) -> float {
    if ((h == 2 && d == 1) || (h == 0 && d == 2) || (h == 2 && d == 3) ||
        (h == 3 && d == 4))
      return 5.0f;
    if (h == 0 && d == 4) return 4.0f;
    return 0.0f;
  };
  EXPECT_EQ(Decode(4, score), (std::vector<int>{-1, 2, 0, 2, 3}));
}

TEST(EisnerTest, RefusesCrossingArcs) {
  // 1 -> 3 and 2 -> 4 cross; the best projective tree keeps one of them.
  auto score = [](int h, int d) -> float {
    if (h == 0 && d == 1) return 3.0f;
    if (h == 1 && d == 3) return 3.0f;
    if (h == 2 && d == 4) return 3.0f;
    if (h == 1 && d == 2) return 1.0f;
    return 0.0f;
  };
  std::vector<int> heads = Decode(4, score);
  EXPECT_EQ(heads[1], 0);
  EXPECT_NE(heads[3] == 1, heads[4] == 2);  // Exactly one of the two.
  float total = 0.0f;
  for (int d = 1; d <= 4; ++d) total += score(heads[d], d);
  EXPECT_EQ(total, 7.0f);  // 0->1, 1->2 and one of the crossing arcs.
}

TEST(EisnerTest, EmptyAndSingleWord) {
  auto zero = [](int, int) { return 0.0f; };
  EXPECT_EQ(Decode(0, zero), (std::vector<int>{-1}));
  EXPECT_EQ(Decode(1, zero), (std::vector<int>{-1, 0}));
}

}  // namespace
}  // namespace claimgraph
