#include "text/eisner.h"

#include <limits>

namespace claimgraph {
namespace {

// Charts over words 1..n, indexed [s * (n + 1) + t] for a span s..t.
// Complete spans: `left` headed at t (its words hang to the left of t),
// `right` headed at s. Incomplete spans: the arc between s and t made.
struct Chart {
  explicit Chart(int n)
      : n(n),
        size((n + 1) * (n + 1)),
        complete_left(size, 0.0f),
        complete_right(size, 0.0f),
        incomplete_left(size, 0.0f),
        incomplete_right(size, 0.0f),
        split_cl(size, -1),
        split_cr(size, -1),
        split_il(size, -1),
        split_ir(size, -1) {}
  int At(int s, int t) const { return s * (n + 1) + t; }
  int n, size;
  std::vector<float> complete_left, complete_right, incomplete_left,
      incomplete_right;
  std::vector<int> split_cl, split_cr, split_il, split_ir;
};

constexpr float kNone = -std::numeric_limits<float>::infinity();

// The arc scores, read as score(head, dependent).
struct Scores {
  const float* m;
  int stride;
  float operator()(int h, int d) const { return m[d * stride + h]; }
};

void Fill(const Scores& score, Chart* c) {
  const int n = c->n;
  for (int len = 1; len < n; ++len) {
    for (int s = 1; s + len <= n; ++s) {
      const int t = s + len, st = c->At(s, t);
      float best = kNone;
      int arg = -1;
      for (int q = s; q < t; ++q) {
        const float v =
            c->complete_right[c->At(s, q)] + c->complete_left[c->At(q + 1, t)];
        if (v > best) best = v, arg = q;
      }
      c->incomplete_left[st] = best + score(t, s);
      c->incomplete_right[st] = best + score(s, t);
      c->split_il[st] = c->split_ir[st] = arg;
      best = kNone;
      for (int q = s; q < t; ++q) {
        const float v =
            c->complete_left[c->At(s, q)] + c->incomplete_left[c->At(q, t)];
        if (v > best) best = v, arg = q;
      }
      c->complete_left[st] = best;
      c->split_cl[st] = arg;
      best = kNone;
      for (int q = s + 1; q <= t; ++q) {
        const float v =
            c->incomplete_right[c->At(s, q)] + c->complete_right[c->At(q, t)];
        if (v > best) best = v, arg = q;
      }
      c->complete_right[st] = best;
      c->split_cr[st] = arg;
    }
  }
}

// Reads the arcs of span s..t back out of the chart.
void Backtrack(const Chart& c, int s, int t, bool complete, bool left,
               std::vector<int>* heads) {
  if (s == t) return;
  const int st = c.At(s, t);
  if (complete) {
    if (left) {
      const int q = c.split_cl[st];
      Backtrack(c, s, q, true, true, heads);
      Backtrack(c, q, t, false, true, heads);
    } else {
      const int q = c.split_cr[st];
      Backtrack(c, s, q, false, false, heads);
      Backtrack(c, q, t, true, false, heads);
    }
    return;
  }
  (*heads)[left ? s : t] = left ? t : s;
  const int q = left ? c.split_il[st] : c.split_ir[st];
  Backtrack(c, s, q, true, false, heads);
  Backtrack(c, q + 1, t, true, true, heads);
}

}  // namespace

std::vector<int> EisnerDecode(int n, const float* scores, int stride) {
  const Scores score{scores, stride};
  std::vector<int> heads(n + 1, -1);
  if (n == 0) return heads;
  Chart chart(n);
  Fill(score, &chart);
  float best = kNone;
  int root = 1;
  for (int r = 1; r <= n; ++r) {
    const float v = score(0, r) + chart.complete_left[chart.At(1, r)] +
                    chart.complete_right[chart.At(r, n)];
    if (v > best) best = v, root = r;
  }
  heads[root] = 0;
  Backtrack(chart, 1, root, true, true, &heads);
  Backtrack(chart, root, n, true, false, &heads);
  return heads;
}

}  // namespace claimgraph
