#include "text/lstm.h"

#include <cassert>
#include <cmath>

namespace claimgraph::nn {

void LstmWeights::Init(int in, int hidden, std::mt19937_64* rng) {
  wx.Resize(in, 4 * hidden);
  wh.Resize(hidden, 4 * hidden);
  b.Resize(1, 4 * hidden);
  FillUniform(std::sqrt(6.0f / (in + 4 * hidden)), rng, &wx);
  FillUniform(std::sqrt(6.0f / (hidden + 4 * hidden)), rng, &wh);
  // A forget-gate bias of 1 lets gradients flow early in training.
  for (int j = hidden; j < 2 * hidden; ++j) b.v[j] = 1.0f;
}

void LstmWeights::PrepareHalf() {
  wh_half.clear();
  if (HalfMatVecSupported(wh.cols)) wh_half = ToHalf(wh);
}

void LstmForward(const LstmWeights& w, const Matrix& x, bool reverse, Matrix* h,
                 LstmCache* cache) {
  const int steps = x.rows, hid = w.hidden();
  LstmCache local;
  LstmCache& c = cache ? *cache : local;
  c.gates.Resize(steps, 4 * hid);
  c.cell.Resize(steps, hid);
  c.tanh_c.Resize(steps, hid);
  c.prev_h.Resize(steps, hid);
  h->Resize(steps, hid);
  MatMulAdd(x, w.wx, &c.gates);
  AddRowVector(w.b, &c.gates);
  int prev = -1;
  for (int s = 0; s < steps; ++s) {
    const int t = reverse ? steps - 1 - s : s;
    float* a = c.gates.Row(t);
    if (prev >= 0) {
      const float* hp = h->Row(prev);
      std::copy(hp, hp + hid, c.prev_h.Row(t));
      if (w.wh_half.empty()) {
        MatVecAdd(hp, w.wh, a);
      } else {
        MatVecAddHalf(hp, w.wh_half.data(), hid, 4 * hid, a);
      }
    }
    SigmoidInPlace(a, 2 * hid);
    TanhInPlace(a + 2 * hid, hid);
    SigmoidInPlace(a + 3 * hid, hid);
    const float* cp = prev >= 0 ? c.cell.Row(prev) : nullptr;
    float* ct = c.cell.Row(t);
    float* tc = c.tanh_c.Row(t);
    float* ht = h->Row(t);
    for (int j = 0; j < hid; ++j) {
      ct[j] = a[j] * a[2 * hid + j] + (cp ? a[hid + j] * cp[j] : 0.0f);
      tc[j] = ct[j];
    }
    TanhInPlace(tc, hid);
    for (int j = 0; j < hid; ++j) ht[j] = a[3 * hid + j] * tc[j];
    prev = t;
  }
}

void LstmBackward(const LstmWeights& w, const Matrix& x, bool reverse,
                  const Matrix& dh, LstmCache* cache, LstmWeights* grad,
                  Matrix* dx) {
  const int steps = x.rows, hid = w.hidden();
  LstmCache& c = *cache;
  Matrix& da = c.pre;  // Gradients of the gates before their nonlinearities.
  da.Resize(steps, 4 * hid);
  std::vector<float> dh_next(hid, 0.0f), dc_next(hid, 0.0f);
  for (int s = steps - 1; s >= 0; --s) {
    const int t = reverse ? steps - 1 - s : s;
    const int prev = reverse ? t + 1 : t - 1;
    const bool has_prev = s > 0;
    const float* g = c.gates.Row(t);
    const float* tc = c.tanh_c.Row(t);
    const float* dht = dh.Row(t);
    float* d = da.Row(t);
    for (int j = 0; j < hid; ++j) {
      const float i = g[j], f = g[hid + j], cg = g[2 * hid + j],
                  o = g[3 * hid + j];
      const float dhj = dht[j] + dh_next[j];
      const float dc = dhj * o * (1.0f - tc[j] * tc[j]) + dc_next[j];
      const float cprev = has_prev ? c.cell.At(prev, j) : 0.0f;
      d[j] = dc * cg * i * (1.0f - i);
      d[hid + j] = dc * cprev * f * (1.0f - f);
      d[2 * hid + j] = dc * i * (1.0f - cg * cg);
      d[3 * hid + j] = dhj * tc[j] * o * (1.0f - o);
      dc_next[j] = dc * f;
    }
    for (int k = 0; k < hid; ++k) {
      dh_next[k] = has_prev ? Dot(d, w.wh.Row(k), 4 * hid) : 0.0f;
    }
  }
  OuterAccumulate(c.prev_h, da, &grad->wh);
  OuterAccumulate(x, da, &grad->wx);
  SumRowsAdd(da, &grad->b);
  MatMulTransposedAdd(da, w.wx, dx);
}

}  // namespace claimgraph::nn
