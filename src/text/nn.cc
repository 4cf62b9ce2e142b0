#include "text/nn.h"

#include <immintrin.h>

#include <algorithm>
#include <bit>
#include <cassert>
#include <cmath>

namespace claimgraph::nn {

// The kernels marked CG_NN_KERNEL are compiled three times, for
// x86-64-v4 (AVX-512), x86-64-v3 (AVX2, FMA) and the baseline, and the
// loader picks what the CPU has (GCC function multiversioning; clones named
// after a CPU model such as "arch=haswell" are chosen by model, not by
// features, and a VM's generic model gets the baseline). Their inner loops
// vectorise (-fopenmp-simd). A few kernels are written with AVX-512
// intrinsics instead and called only when the CPU has it (HasAvx512).
#define CG_NN_KERNEL \
  __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))

CG_NN_KERNEL void Axpy(float a, const float* x, float* y, int n) {
#pragma omp simd
  for (int i = 0; i < n; ++i) y[i] += a * x[i];
}

CG_NN_KERNEL float Dot(const float* x, const float* y, int n) {
  float s = 0.0f;
#pragma omp simd reduction(+ : s)
  for (int i = 0; i < n; ++i) s += x[i] * y[i];
  return s;
}

// Tiles of four rows by kTile columns of Y are summed in local arrays the
// compiler keeps in vector registers, reading each row of W once per tile.
constexpr int kTile = 32;

// Column blocks outside, row tiles inside: a block of W (K x kTile) stays
// in L1 while every tile of four rows of X reads it. A last tile of three
// rows reads a row of zeros for the fourth and drops its sums; one or two
// last rows go through MatVecAdd, which does not compute sums it drops.
namespace {

// Columns [first_column, N) of rows [begin, end) of Y: what is left right
// of the last full block of columns.
CG_NN_KERNEL void AddTailColumns(const Matrix& x, const Matrix& w,
                                 int first_column, int begin, int end,
                                 Matrix* y) {
  for (int t = begin; first_column < w.cols && t < end; ++t) {
    float* yt = y->Row(t);
    for (int k = 0; k < x.cols; ++k) {
      const float a = x.At(t, k);
      const float* wk = w.Row(k);
      for (int c = first_column; c < w.cols; ++c) yt[c] += a * wk[c];
    }
  }
}

// Rows first.. of Y (MatMulAdd does the ones before with wider tiles).
CG_NN_KERNEL void MatMulAddFrom(const Matrix& x, const Matrix& w, Matrix* y,
                                int first) {
  const int n = w.cols, k_end = x.cols, left = x.rows - first;
  thread_local std::vector<float> zeros;
  if (static_cast<int>(zeros.size()) < k_end) zeros.assign(k_end, 0.0f);
  const int tiled = first + (left % 4 == 3 ? left : left - left % 4);
  int j = 0;
  for (; j + kTile <= n; j += kTile) {
    for (int t = first; t < tiled; t += 4) {
      const int rows = std::min(4, tiled - t);
      const float* x0 = x.Row(t);
      const float* x1 = rows > 1 ? x.Row(t + 1) : zeros.data();
      const float* x2 = rows > 2 ? x.Row(t + 2) : zeros.data();
      const float* x3 = rows > 3 ? x.Row(t + 3) : zeros.data();
      float a0[kTile] = {}, a1[kTile] = {}, a2[kTile] = {}, a3[kTile] = {};
      for (int k = 0; k < k_end; ++k) {
        const float* wk = w.Row(k) + j;
        const float b0 = x0[k], b1 = x1[k], b2 = x2[k], b3 = x3[k];
#pragma omp simd
        for (int c = 0; c < kTile; ++c) {
          a0[c] += b0 * wk[c];
          a1[c] += b1 * wk[c];
          a2[c] += b2 * wk[c];
          a3[c] += b3 * wk[c];
        }
      }
      float* sums[4] = {a0, a1, a2, a3};
      for (int r = 0; r < rows; ++r) {
        float* yr = y->Row(t + r) + j;
        const float* sr = sums[r];
#pragma omp simd
        for (int c = 0; c < kTile; ++c) yr[c] += sr[c];
      }
    }
  }
  AddTailColumns(x, w, j, first, tiled, y);
  for (int t = tiled; t < x.rows; ++t) MatVecAdd(x.Row(t), w, y->Row(t));
}

// With AVX-512's 32 vector registers a tile of 8 rows x 32 columns of sums
// (16 registers) fits: each W load feeds 8 rows, twice the 4-row tile's
// reuse. Rows [0, rows), rows a multiple of 8; all columns.
__attribute__((target("avx512f,avx512vl,fma"))) void MatMulAdd8Rows(
    const Matrix& x, const Matrix& w, Matrix* y, int rows) {
  const int n = w.cols, k_end = x.cols;
  int j = 0;
  for (; j + 32 <= n; j += 32) {
    for (int t = 0; t < rows; t += 8) {
      __m512 lo[8], hi[8];
      for (int r = 0; r < 8; ++r) lo[r] = hi[r] = _mm512_setzero_ps();
      for (int k = 0; k < k_end; ++k) {
        const float* wk = w.Row(k) + j;
        const __m512 w0 = _mm512_loadu_ps(wk);
        const __m512 w1 = _mm512_loadu_ps(wk + 16);
        for (int r = 0; r < 8; ++r) {
          const __m512 b = _mm512_set1_ps(x.At(t + r, k));
          lo[r] = _mm512_fmadd_ps(b, w0, lo[r]);
          hi[r] = _mm512_fmadd_ps(b, w1, hi[r]);
        }
      }
      for (int r = 0; r < 8; ++r) {
        float* yr = y->Row(t + r) + j;
        _mm512_storeu_ps(yr, _mm512_add_ps(_mm512_loadu_ps(yr), lo[r]));
        _mm512_storeu_ps(yr + 16,
                         _mm512_add_ps(_mm512_loadu_ps(yr + 16), hi[r]));
      }
    }
  }
  AddTailColumns(x, w, j, 0, rows, y);
}

bool HasAvx512() {
  static const bool has = __builtin_cpu_supports("avx512f") &&
                          __builtin_cpu_supports("avx512vl") &&
                          __builtin_cpu_supports("fma");
  return has;
}

}  // namespace

void MatMulAdd(const Matrix& x, const Matrix& w, Matrix* y) {
  assert(x.cols == w.rows && y->rows == x.rows && y->cols == w.cols);
  int first = 0;
  if (x.rows >= 8 && HasAvx512()) {
    first = x.rows - x.rows % 8;
    MatMulAdd8Rows(x, w, y, first);
  }
  MatMulAddFrom(x, w, y, first);
}

namespace {

// A row of sums NV x 16 wide held in AVX-512 registers for the whole
// product: W is read row by row, in order (the LSTM's recurrent product,
// 4 x 96 = 384 columns, is NV = 24).
template <int NV>
__attribute__((target("avx512f,avx512vl,fma"))) void MatVecAddRegisters(
    const float* x, const Matrix& w, float* y) {
  __m512 acc[NV];
  for (int v = 0; v < NV; ++v) acc[v] = _mm512_setzero_ps();
  for (int k = 0; k < w.rows; ++k) {
    const float* wk = w.Row(k);
    const __m512 b = _mm512_set1_ps(x[k]);
    for (int v = 0; v < NV; ++v) {
      acc[v] = _mm512_fmadd_ps(b, _mm512_loadu_ps(wk + 16 * v), acc[v]);
    }
  }
  for (int v = 0; v < NV; ++v) {
    _mm512_storeu_ps(y + 16 * v,
                     _mm512_add_ps(_mm512_loadu_ps(y + 16 * v), acc[v]));
  }
}

CG_NN_KERNEL void MatVecAddBlocks(const float* x, const Matrix& w, float* y);

// MatVecAddRegisters with W in half precision (IEEE fp16 bits).
template <int NV>
__attribute__((target("avx512f,avx512vl,fma"))) void MatVecAddHalfRegisters(
    const float* x, const uint16_t* w, int rows, float* y) {
  __m512 acc[NV];
  for (int v = 0; v < NV; ++v) acc[v] = _mm512_setzero_ps();
  for (int k = 0; k < rows; ++k) {
    const uint16_t* wk = w + static_cast<size_t>(k) * NV * 16;
    const __m512 b = _mm512_set1_ps(x[k]);
    for (int v = 0; v < NV; ++v) {
      const __m256i half =
          _mm256_loadu_si256(reinterpret_cast<const __m256i*>(wk + 16 * v));
      // The zero-masked form: GCC 12 warns of the plain one's undefined
      // source operand (-Wmaybe-uninitialized, a false positive).
      acc[v] = _mm512_fmadd_ps(b, _mm512_maskz_cvtph_ps(0xFFFF, half), acc[v]);
    }
  }
  for (int v = 0; v < NV; ++v) {
    _mm512_storeu_ps(y + 16 * v,
                     _mm512_add_ps(_mm512_loadu_ps(y + 16 * v), acc[v]));
  }
}

}  // namespace

bool HalfMatVecSupported(int cols) {
  return HasAvx512() && (cols == 128 || cols == 256 || cols == 384);
}

std::vector<uint16_t> ToHalf(const Matrix& w) {
  std::vector<uint16_t> out(w.v.size());
  for (size_t i = 0; i < w.v.size(); ++i) {
    out[i] = std::bit_cast<uint16_t>(static_cast<_Float16>(w.v[i]));
  }
  return out;
}

void MatVecAddHalf(const float* x, const uint16_t* w, int rows, int cols,
                   float* y) {
  assert(HalfMatVecSupported(cols));
  switch (cols) {
    case 128:
      return MatVecAddHalfRegisters<8>(x, w, rows, y);
    case 256:
      return MatVecAddHalfRegisters<16>(x, w, rows, y);
    default:
      return MatVecAddHalfRegisters<24>(x, w, rows, y);
  }
}

void MatVecAdd(const float* x, const Matrix& w, float* y) {
  if (HasAvx512()) {
    switch (w.cols) {
      case 128:
        return MatVecAddRegisters<8>(x, w, y);
      case 256:
        return MatVecAddRegisters<16>(x, w, y);
      case 384:
        return MatVecAddRegisters<24>(x, w, y);
      default:
        break;
    }
  }
  MatVecAddBlocks(x, w, y);
}

namespace {

CG_NN_KERNEL void MatVecAddBlocks(const float* x, const Matrix& w, float* y) {
  const int n = w.cols;
  int j = 0;
  // Two sums per column, over even and odd k, halve the chains of
  // dependent additions.
  for (; j + 2 * kTile <= n; j += 2 * kTile) {
    float even[2 * kTile] = {}, odd[2 * kTile] = {};
    int k = 0;
    for (; k + 2 <= w.rows; k += 2) {
      const float* w0 = w.Row(k) + j;
      const float* w1 = w.Row(k + 1) + j;
      const float b0 = x[k], b1 = x[k + 1];
#pragma omp simd
      for (int c = 0; c < 2 * kTile; ++c) {
        even[c] += b0 * w0[c];
        odd[c] += b1 * w1[c];
      }
    }
    if (k < w.rows) {
      const float* w0 = w.Row(k) + j;
      const float b0 = x[k];
#pragma omp simd
      for (int c = 0; c < 2 * kTile; ++c) even[c] += b0 * w0[c];
    }
#pragma omp simd
    for (int c = 0; c < 2 * kTile; ++c) y[j + c] += even[c] + odd[c];
  }
  if (j == n) return;
  for (int k = 0; k < w.rows; ++k) {
    const float* wk = w.Row(k);
    const float b = x[k];
    for (int c = j; c < n; ++c) y[c] += b * wk[c];
  }
}

}  // namespace

// exp(x) for x clamped to [-87, 88], to about 2 ulp: x = m ln2 + r with
// |r| <= ln2 / 2, a degree-6 polynomial for exp(r) (Cephes' coefficients),
// and 2^m put in the exponent bits. Written inline in one loop so that it
// vectorises (std::exp does not).
CG_NN_KERNEL void ExpInPlace(float* v, int n) {
#pragma omp simd
  for (int i = 0; i < n; ++i) {
    float x = v[i];
    x = x > 88.0f ? 88.0f : x;
    x = x < -87.0f ? -87.0f : x;
    // Rounds to the nearest integer: adding 1.5 * 2^23 leaves no fraction.
    const float m = (x * 1.44269504088896341f + 12582912.0f) - 12582912.0f;
    const float r = x - m * 0.693359375f + m * 2.12194440e-4f;
    float p = 1.9875691500e-4f;
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    p = p * r * r + r + 1.0f;
    const int32_t bits = (static_cast<int32_t>(m) + 127) << 23;
    v[i] = p * std::bit_cast<float>(bits);
  }
}

CG_NN_KERNEL void SigmoidInPlace(float* x, int n) {
#pragma omp simd
  for (int i = 0; i < n; ++i) x[i] = -x[i];
  ExpInPlace(x, n);
#pragma omp simd
  for (int i = 0; i < n; ++i) x[i] = 1.0f / (1.0f + x[i]);
}

CG_NN_KERNEL void TanhInPlace(float* x, int n) {
#pragma omp simd
  for (int i = 0; i < n; ++i) x[i] = -2.0f * x[i];
  ExpInPlace(x, n);
#pragma omp simd
  for (int i = 0; i < n; ++i) x[i] = 2.0f / (1.0f + x[i]) - 1.0f;
}

CG_NN_KERNEL void MatMulTransposedAdd(const Matrix& dy, const Matrix& w,
                                      Matrix* dx) {
  assert(dy.cols == w.cols && dx->rows == dy.rows && dx->cols == w.rows);
  const int n = w.cols;
  for (int t = 0; t < dy.rows; ++t) {
    const float* g = dy.Row(t);
    float* out = dx->Row(t);
    for (int k = 0; k < w.rows; ++k) {
      const float* wk = w.Row(k);
      float s = 0.0f;
#pragma omp simd reduction(+ : s)
      for (int j = 0; j < n; ++j) s += g[j] * wk[j];
      out[k] += s;
    }
  }
}

CG_NN_KERNEL void OuterAccumulate(const Matrix& x, const Matrix& dy,
                                  Matrix* dw) {
  assert(x.rows == dy.rows && dw->rows == x.cols && dw->cols == dy.cols);
  const int n = dy.cols;
  for (int k = 0; k < x.cols; ++k) {
    float* row = dw->Row(k);
    for (int t = 0; t < x.rows; ++t) {
      const float a = x.At(t, k);
      if (a == 0.0f) continue;
      const float* g = dy.Row(t);
#pragma omp simd
      for (int j = 0; j < n; ++j) row[j] += a * g[j];
    }
  }
}

void AddRowVector(const Matrix& b, Matrix* y) {
  assert(b.cols == y->cols);
  for (int t = 0; t < y->rows; ++t) Axpy(1.0f, b.v.data(), y->Row(t), y->cols);
}

void SumRowsAdd(const Matrix& dy, Matrix* db) {
  assert(db->cols == dy.cols);
  for (int t = 0; t < dy.rows; ++t)
    Axpy(1.0f, dy.Row(t), db->v.data(), dy.cols);
}

void Dropout(float p, std::mt19937_64* rng, Matrix* x, Matrix* mask) {
  if (p <= 0.0f) {
    mask->Resize(0, 0);
    return;
  }
  mask->Resize(x->rows, x->cols);
  const float scale = 1.0f / (1.0f - p);
  // 24 random bits per element: a uniform draw from one 64-bit number.
  const uint64_t threshold = static_cast<uint64_t>(p * (1 << 24));
  for (size_t i = 0; i < x->v.size(); ++i) {
    const bool keep = ((*rng)() >> 40) >= threshold;
    mask->v[i] = keep ? scale : 0.0f;
    x->v[i] *= mask->v[i];
  }
}

void ApplyMask(const Matrix& mask, Matrix* dx) {
  if (mask.v.empty()) return;
  assert(mask.v.size() == dx->v.size());
  for (size_t i = 0; i < dx->v.size(); ++i) dx->v[i] *= mask.v[i];
}

Adam::Adam(const std::vector<Matrix*>& params, AdamOptions options)
    : options_(options) {
  for (const Matrix* p : params) {
    m_.emplace_back(p->rows, p->cols);
    v_.emplace_back(p->rows, p->cols);
  }
}

void Adam::Step(const std::vector<Matrix*>& params,
                const std::vector<Matrix*>& grads) {
  assert(params.size() == grads.size() && params.size() == m_.size());
  double norm2 = 0.0;
  for (const Matrix* g : grads) {
    for (float x : g->v) norm2 += static_cast<double>(x) * x;
  }
  const double norm = std::sqrt(norm2);
  const float clip = norm > options_.clip_norm
                         ? static_cast<float>(options_.clip_norm / norm)
                         : 1.0f;
  ++steps_;
  const float b1 = options_.beta1, b2 = options_.beta2;
  const float c1 = 1.0f - std::pow(b1, static_cast<float>(steps_));
  const float c2 = 1.0f - std::pow(b2, static_cast<float>(steps_));
  const float decayed = options_.learning_rate *
                        std::pow(options_.decay, static_cast<float>(steps_) /
                                                     options_.decay_steps);
  const float lr = decayed * std::sqrt(c2) / c1;
  for (size_t p = 0; p < params.size(); ++p) {
    float* w = params[p]->v.data();
    float* g = grads[p]->v.data();
    float* m = m_[p].v.data();
    float* v = v_[p].v.data();
    const size_t n = params[p]->v.size();
    for (size_t i = 0; i < n; ++i) {
      const float gi = g[i] * clip;
      m[i] = b1 * m[i] + (1.0f - b1) * gi;
      v[i] = b2 * v[i] + (1.0f - b2) * gi * gi;
      w[i] -= lr * m[i] / (std::sqrt(v[i]) + options_.epsilon);
      g[i] = 0.0f;
    }
  }
}

}  // namespace claimgraph::nn
