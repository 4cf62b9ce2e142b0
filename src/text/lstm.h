// One direction of an LSTM layer (Hochreiter & Schmidhuber, with a forget
// gate) over a sequence, with the cache its backward pass needs. Internal
// to the biaffine parser (biaffine_parser.h).

#ifndef CLAIMGRAPH_TEXT_LSTM_H_
#define CLAIMGRAPH_TEXT_LSTM_H_

#include <random>

#include "text/nn.h"

namespace claimgraph::nn {

// Gates in the order input, forget, cell, output: wx is in x 4h, wh h x 4h,
// b 1 x 4h.
struct LstmWeights {
  Matrix wx, wh, b;
  // For parsing, where supported (nn::HalfMatVecSupported): wh in half
  // precision, which LstmForward then reads instead of wh; PrepareHalf
  // fills it, ClearHalf empties it (training must use wh).
  std::vector<uint16_t> wh_half;
  void PrepareHalf();
  void ClearHalf() { wh_half.clear(); }
  void Init(int in, int hidden, std::mt19937_64* rng);
  int hidden() const { return wh.rows; }
};

// What a forward pass keeps for its backward pass.
struct LstmCache {
  Matrix gates;   // T x 4h, after their nonlinearities.
  Matrix cell;    // T x h.
  Matrix tanh_c;  // T x h.
  Matrix prev_h;  // T x h: the output before each step (0 at the start).
  Matrix pre;     // T x 4h: scratch for the backward pass.
};

// Runs over x (T x in) from first to last row, or last to first when
// `reverse`, writing h (T x hidden). `cache` may be null when no backward
// pass follows.
void LstmForward(const LstmWeights& w, const Matrix& x, bool reverse, Matrix* h,
                 LstmCache* cache);

// Given dh (T x hidden), the loss gradient of the outputs, adds the
// gradients of the weights to `grad` and of the inputs to dx (T x in).
void LstmBackward(const LstmWeights& w, const Matrix& x, bool reverse,
                  const Matrix& dh, LstmCache* cache, LstmWeights* grad,
                  Matrix* dx);

}  // namespace claimgraph::nn

#endif  // CLAIMGRAPH_TEXT_LSTM_H_
