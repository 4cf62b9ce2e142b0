// Small dense-network building blocks for the biaffine parser
// (biaffine_parser.h): row-major float matrices, the few matrix products
// its forward and backward passes need, and the Adam optimiser. Plain C++;
// the inner loops are written so that the compiler vectorises them.

#ifndef CLAIMGRAPH_TEXT_NN_H_
#define CLAIMGRAPH_TEXT_NN_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace claimgraph::nn {

// A row-major rows x cols matrix of floats (a vector when rows == 1).
struct Matrix {
  int rows = 0;
  int cols = 0;
  std::vector<float> v;

  Matrix() = default;
  Matrix(int r, int c) : rows(r), cols(c), v(static_cast<size_t>(r) * c) {}
  void Resize(int r, int c) {
    rows = r;
    cols = c;
    v.assign(static_cast<size_t>(r) * c, 0.0f);
  }
  void Zero() { std::fill(v.begin(), v.end(), 0.0f); }
  float* Row(int r) { return v.data() + static_cast<size_t>(r) * cols; }
  const float* Row(int r) const {
    return v.data() + static_cast<size_t>(r) * cols;
  }
  float& At(int r, int c) { return v[static_cast<size_t>(r) * cols + c]; }
  float At(int r, int c) const { return v[static_cast<size_t>(r) * cols + c]; }
};

// y[0..n) += a * x[0..n).
void Axpy(float a, const float* x, float* y, int n);
// Sum of x[i] * y[i].
float Dot(const float* x, const float* y, int n);

// Y (T x N) += X (T x K) * W (K x N). Y must be sized.
void MatMulAdd(const Matrix& x, const Matrix& w, Matrix* y);
// y (1 x N) += x (1 x K) * W (K x N).
void MatVecAdd(const float* x, const Matrix& w, float* y);
// For weights that parsing reads once per word from beyond L1 (the LSTM's
// recurrent weights): whether this CPU has a half-precision product for a
// W of `cols` columns (AVX-512; 128, 256 or 384 columns), W's values in
// IEEE half precision (bits), and y (1 x cols) += x (1 x rows) * W from
// them (half the bytes to read; only when supported).
bool HalfMatVecSupported(int cols);
std::vector<uint16_t> ToHalf(const Matrix& w);
void MatVecAddHalf(const float* x, const uint16_t* w, int rows, int cols,
                   float* y);
// Element-wise exp (x clamped to [-87, 88]), logistic sigmoid and tanh, in
// place (to a few ulp).
void ExpInPlace(float* x, int n);
void SigmoidInPlace(float* x, int n);
void TanhInPlace(float* x, int n);
// dX (T x K) += dY (T x N) * W^T, where W is K x N.
void MatMulTransposedAdd(const Matrix& dy, const Matrix& w, Matrix* dx);
// dW (K x N) += X^T (K x T) * dY (T x N).
void OuterAccumulate(const Matrix& x, const Matrix& dy, Matrix* dw);
// Adds the row vector b (1 x N) to every row of Y.
void AddRowVector(const Matrix& b, Matrix* y);
// db (1 x N) += the sum of dY's rows.
void SumRowsAdd(const Matrix& dy, Matrix* db);

// Random numbers that do not depend on the standard library's
// distributions (whose algorithms are implementation-defined), so training
// is reproducible across platforms: a uniform float in [0, 1) from the top
// 24 bits of one draw, and a Fisher-Yates shuffle.
inline float Uniform01(std::mt19937_64* rng) {
  return static_cast<float>((*rng)() >> 40) * (1.0f / (1 << 24));
}
// Sets every element of m to a uniform draw from [-bound, bound).
inline void FillUniform(float bound, std::mt19937_64* rng, Matrix* m) {
  for (float& x : m->v) x = bound * (2.0f * Uniform01(rng) - 1.0f);
}
template <typename T>
void Shuffle(std::vector<T>* v, std::mt19937_64* rng) {
  for (size_t i = v->size(); i > 1; --i) {
    std::swap((*v)[i - 1], (*v)[(*rng)() % i]);
  }
}

// Inverted dropout: zeroes each element with probability p and scales the
// rest by 1 / (1 - p); the mask (0 or the scale) is kept for the backward
// pass. p == 0 leaves x alone and clears the mask.
void Dropout(float p, std::mt19937_64* rng, Matrix* x, Matrix* mask);
// Applies a mask made by Dropout to a gradient (no-op for an empty mask).
void ApplyMask(const Matrix& mask, Matrix* dx);

// Adam (Kingma & Ba) with the settings of Dozat & Manning's parser
// (beta2 0.9) and gradient clipping by global norm.
struct AdamOptions {
  float learning_rate = 2e-3f;
  // The rate is multiplied by decay every decay_steps steps (smoothly:
  // decay^(step / decay_steps)), as in Dozat & Manning.
  float decay = 0.75f;
  float decay_steps = 5000.0f;
  float beta1 = 0.9f;
  float beta2 = 0.9f;
  float epsilon = 1e-12f;
  float clip_norm = 5.0f;
};

class Adam {
 public:
  // One state per parameter matrix, shaped like `params`.
  Adam(const std::vector<Matrix*>& params, AdamOptions options);
  // Updates params from grads (same shapes and order), which are then
  // zeroed.
  void Step(const std::vector<Matrix*>& params,
            const std::vector<Matrix*>& grads);

 private:
  AdamOptions options_;
  std::vector<Matrix> m_, v_;
  int64_t steps_ = 0;
};

}  // namespace claimgraph::nn

#endif  // CLAIMGRAPH_TEXT_NN_H_
