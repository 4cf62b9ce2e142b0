#include "text/biaffine_net.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace claimgraph::nn {
namespace {

void Glorot(std::mt19937_64* rng, Matrix* m) {
  if (rng) FillUniform(std::sqrt(6.0f / (m->rows + m->cols)), rng, m);
}

// out = relu(x w + b), then dropout.
void Dense(const Matrix& x, const Matrix& w, const Matrix& b, float drop,
           std::mt19937_64* rng, Matrix* out, Matrix* mask) {
  out->Resize(x.rows, w.cols);
  MatMulAdd(x, w, out);
  AddRowVector(b, out);
  for (float& v : out->v) v = std::max(v, 0.0f);
  Dropout(drop, rng, out, mask);
}

// The backward pass of Dense: d is the gradient of its output.
void DenseBackward(const Matrix& x, const Matrix& w, const Matrix& out,
                   const Matrix& mask, Matrix* d, Matrix* dw, Matrix* db,
                   Matrix* dx) {
  ApplyMask(mask, d);
  for (size_t i = 0; i < d->v.size(); ++i) {
    if (out.v[i] <= 0.0f) d->v[i] = 0.0f;
  }
  OuterAccumulate(x, *d, dw);
  SumRowsAdd(*d, db);
  MatMulTransposedAdd(*d, w, dx);
}

// [x, 1]: a column of ones appended, for the biaffine products' linear
// terms.
void AppendOnes(const Matrix& x, Matrix* out) {
  out->Resize(x.rows, x.cols + 1);
  for (int t = 0; t < x.rows; ++t) {
    std::copy(x.Row(t), x.Row(t) + x.cols, out->Row(t));
    out->At(t, x.cols) = 1.0f;
  }
}

// Softmax of scores in place; returns log of the sum of exps.
double LogSoftmax(std::vector<float>* scores) {
  float top = *std::max_element(scores->begin(), scores->end());
  double sum = 0.0;
  for (float& s : *scores) {
    s = std::exp(s - top);
    sum += s;
  }
  for (float& s : *scores) s = static_cast<float>(s / sum);
  return top + std::log(sum);
}

}  // namespace

void NetWeights::Init(const NetShape& s, std::mt19937_64* rng) {
  word.Resize(s.words, s.word_dim);  // Zero: the pretrained vector leads.
  xpos.Resize(s.xpos, s.tag_dim);
  upos.Resize(s.upos, s.tag_dim);
  if (rng) {
    FillUniform(0.1f, rng, &xpos);
    FillUniform(0.1f, rng, &upos);
  }
  lstm.assign(s.layers, {});
  for (int l = 0; l < s.layers; ++l) {
    const int in = l == 0 ? s.word_dim + s.tag_dim : 2 * s.hidden;
    for (LstmWeights& d : lstm[l]) {
      if (rng) {
        d.Init(in, s.hidden, rng);
      } else {
        d.wx.Resize(in, 4 * s.hidden);
        d.wh.Resize(s.hidden, 4 * s.hidden);
        d.b.Resize(1, 4 * s.hidden);
      }
    }
  }
  const int top = 2 * s.hidden;
  struct Layer {
    Matrix *w, *b;
    int dim;
  };
  for (const Layer& d : {Layer{&arc_dep_w, &arc_dep_b, s.arc_dim},
                         Layer{&arc_head_w, &arc_head_b, s.arc_dim},
                         Layer{&label_dep_w, &label_dep_b, s.label_dim},
                         Layer{&label_head_w, &label_head_b, s.label_dim}}) {
    d.w->Resize(top, d.dim);
    d.b->Resize(1, d.dim);
    Glorot(rng, d.w);
  }
  // The biaffine weights start at zero (all arcs and labels equally
  // likely), as in Dozat & Manning.
  arc_u.Resize(s.arc_dim + 1, s.arc_dim);
  label_u.Resize(s.labels * (s.label_dim + 1), s.label_dim + 1);
  tag_w.Resize(top, s.tags);
  tag_b.Resize(1, s.tags);
  Glorot(rng, &tag_w);
}

std::vector<Matrix*> NetWeights::All() {
  std::vector<Matrix*> all = {&word, &xpos, &upos};
  for (auto& layer : lstm) {
    for (LstmWeights& d : layer) {
      all.push_back(&d.wx);
      all.push_back(&d.wh);
      all.push_back(&d.b);
    }
  }
  for (Matrix* m : {&arc_dep_w, &arc_dep_b, &arc_head_w, &arc_head_b,
                    &label_dep_w, &label_dep_b, &label_head_w, &label_head_b,
                    &arc_u, &label_u, &tag_w, &tag_b}) {
    all.push_back(m);
  }
  return all;
}

void Net::ForwardEmbeddings(const NetInput& in, const Dropouts& drop,
                            std::mt19937_64* rng, NetState* s) const {
  const int steps = static_cast<int>(in.word.size());
  const int wd = shape_.word_dim, td = shape_.tag_dim;
  s->input.Resize(steps, wd + td);
  s->input_mask.Resize(steps, 2);
  for (int t = 0; t < steps; ++t) {
    float mw = 1.0f, mt = 1.0f;
    if (t > 0 && drop.word > 0.0f) {
      mw = Uniform01(rng) < drop.word ? 0.0f : 1.0f / (1.0f - drop.word);
    }
    if (t > 0 && drop.tag > 0.0f) {
      mt = Uniform01(rng) < drop.tag ? 0.0f : 1.0f / (1.0f - drop.tag);
    }
    s->input_mask.At(t, 0) = mw;
    s->input_mask.At(t, 1) = mt;
    float* row = s->input.Row(t);
    Axpy(mw, w_.word.Row(in.word[t]), row, wd);
    Axpy(mw, pretrained_.Row(in.pretrained[t]), row, wd);
    Axpy(mt, w_.xpos.Row(in.xpos[t]), row + wd, td);
    Axpy(mt, w_.upos.Row(in.upos[t]), row + wd, td);
  }
}

void Net::Forward(const NetInput& in, const Dropouts& drop,
                  std::mt19937_64* rng, NetState* s) const {
  const int steps = static_cast<int>(in.word.size());
  const int layers = shape_.layers, hid = shape_.hidden;
  ForwardEmbeddings(in, drop, rng, s);
  s->layer_in.resize(layers + 1);
  s->h.resize(layers);
  s->cache.resize(layers);
  s->out_mask.resize(layers);
  s->layer_in[0] = s->input;
  for (int l = 0; l < layers; ++l) {
    for (int d = 0; d < 2; ++d) {
      LstmForward(w_.lstm[l][d], s->layer_in[l], d == 1, &s->h[l][d],
                  &s->cache[l][d]);
    }
    Matrix& out = s->layer_in[l + 1];
    out.Resize(steps, 2 * hid);
    for (int t = 0; t < steps; ++t) {
      std::copy(s->h[l][0].Row(t), s->h[l][0].Row(t) + hid, out.Row(t));
      std::copy(s->h[l][1].Row(t), s->h[l][1].Row(t) + hid, out.Row(t) + hid);
    }
    Dropout(drop.hidden, rng, &out, &s->out_mask[l]);
  }
  const Matrix& top = s->layer_in[layers];
  Dense(top, w_.arc_dep_w, w_.arc_dep_b, drop.hidden, rng, &s->arc_dep,
        &s->arc_dep_mask);
  Dense(top, w_.arc_head_w, w_.arc_head_b, drop.hidden, rng, &s->arc_head,
        &s->arc_head_mask);
  Dense(top, w_.label_dep_w, w_.label_dep_b, drop.hidden, rng, &s->label_dep,
        &s->label_dep_mask);
  Dense(top, w_.label_head_w, w_.label_head_b, drop.hidden, rng, &s->label_head,
        &s->label_head_mask);
  AppendOnes(s->arc_dep, &s->arc_dep1);
  s->arc_dep_u.Resize(steps, shape_.arc_dim);
  MatMulAdd(s->arc_dep1, w_.arc_u, &s->arc_dep_u);
  s->arc.Resize(steps, steps);
  for (int i = 0; i < steps; ++i) {
    for (int j = 0; j < steps; ++j) {
      s->arc.At(i, j) =
          Dot(s->arc_dep_u.Row(i), s->arc_head.Row(j), shape_.arc_dim);
    }
  }
  AppendOnes(s->label_dep, &s->label_dep1);
  AppendOnes(s->label_head, &s->label_head1);
  if (shape_.tags > 0) {
    s->tag_scores.Resize(steps, shape_.tags);
    MatMulAdd(top, w_.tag_w, &s->tag_scores);
    AddRowVector(w_.tag_b, &s->tag_scores);
  }
}

void Net::LabelScores(const NetState& s, int i, int j, float* out) const {
  const int d1 = shape_.label_dim + 1;
  const float* dep = s.label_dep1.Row(i);
  const float* head = s.label_head1.Row(j);
  for (int l = 0; l < shape_.labels; ++l) {
    float total = 0.0f;
    for (int r = 0; r < d1; ++r) {
      if (dep[r] == 0.0f) continue;
      total += dep[r] * Dot(w_.label_u.Row(l * d1 + r), head, d1);
    }
    out[l] = total;
  }
}

Matrix LabelWeightsByDependent(const Matrix& label_u, int labels) {
  const int d1 = label_u.cols;
  Matrix out(d1, labels * d1);
  for (int l = 0; l < labels; ++l) {
    for (int r = 0; r < d1; ++r) {
      std::copy(label_u.Row(l * d1 + r), label_u.Row(l * d1 + r) + d1,
                out.Row(r) + l * d1);
    }
  }
  return out;
}

void Net::LabelScores(const NetState& s, const Matrix& by_dependent,
                      const std::vector<int>& heads, Matrix* out) const {
  const int steps = s.label_dep1.rows, d1 = shape_.label_dim + 1;
  thread_local Matrix half;
  half.Resize(steps, by_dependent.cols);
  MatMulAdd(s.label_dep1, by_dependent, &half);
  out->Resize(steps, shape_.labels);
  for (int i = 1; i < steps; ++i) {
    const float* head = s.label_head1.Row(heads[i]);
    for (int l = 0; l < shape_.labels; ++l) {
      out->At(i, l) = Dot(half.Row(i) + l * d1, head, d1);
    }
  }
}

double Net::BackwardScores(const NetInput& in, NetState* s, Matrix* darc_dep,
                           Matrix* darc_head, Matrix* dlabel_dep,
                           Matrix* dlabel_head, NetWeights* grad) const {
  const int steps = static_cast<int>(in.word.size());
  const int ad = shape_.arc_dim, d1 = shape_.label_dim + 1;
  double loss = 0.0;
  Matrix ddep_u(steps, ad);
  std::vector<float> p(steps);
  for (int i = 1; i < steps; ++i) {
    for (int j = 0; j < steps; ++j) p[j] = s->arc.At(i, j);
    p[i] = -1e30f;  // No word heads itself.
    const double log_z = LogSoftmax(&p);
    loss += log_z - s->arc.At(i, in.head[i]);
    p[in.head[i]] -= 1.0f;
    for (int j = 0; j < steps; ++j) {
      if (p[j] == 0.0f) continue;
      Axpy(p[j], s->arc_head.Row(j), ddep_u.Row(i), ad);
      Axpy(p[j], s->arc_dep_u.Row(i), darc_head->Row(j), ad);
    }
  }
  OuterAccumulate(s->arc_dep1, ddep_u, &grad->arc_u);
  Matrix ddep1(steps, ad + 1);
  MatMulTransposedAdd(ddep_u, w_.arc_u, &ddep1);
  for (int i = 0; i < steps; ++i) {
    std::copy(ddep1.Row(i), ddep1.Row(i) + ad, darc_dep->Row(i));
  }
  // Labels, under the gold heads.
  Matrix dl_dep1(steps, d1), dl_head1(steps, d1);
  std::vector<float> q(shape_.labels);
  for (int i = 1; i < steps; ++i) {
    const int j = in.head[i];
    LabelScores(*s, i, j, q.data());
    const float gold = q[in.label[i]];
    loss += LogSoftmax(&q) - gold;
    q[in.label[i]] -= 1.0f;
    const float* dep = s->label_dep1.Row(i);
    const float* head = s->label_head1.Row(j);
    for (int l = 0; l < shape_.labels; ++l) {
      for (int r = 0; r < d1; ++r) {
        const float* u = w_.label_u.Row(l * d1 + r);
        dl_dep1.At(i, r) += q[l] * Dot(u, head, d1);
        Axpy(q[l] * dep[r], u, dl_head1.Row(j), d1);
        Axpy(q[l] * dep[r], head, grad->label_u.Row(l * d1 + r), d1);
      }
    }
  }
  for (int i = 0; i < steps; ++i) {
    std::copy(dl_dep1.Row(i), dl_dep1.Row(i) + d1 - 1, dlabel_dep->Row(i));
    std::copy(dl_head1.Row(i), dl_head1.Row(i) + d1 - 1, dlabel_head->Row(i));
  }
  return loss;
}

double Net::Backward(const NetInput& in, NetState* s, NetWeights* grad) const {
  const int steps = static_cast<int>(in.word.size());
  const int layers = shape_.layers, hid = shape_.hidden;
  Matrix darc_dep(steps, shape_.arc_dim), darc_head(steps, shape_.arc_dim);
  Matrix dlabel_dep(steps, shape_.label_dim);
  Matrix dlabel_head(steps, shape_.label_dim);
  const double loss = BackwardScores(in, s, &darc_dep, &darc_head, &dlabel_dep,
                                     &dlabel_head, grad);
  const Matrix& top = s->layer_in[layers];
  Matrix dtop(steps, 2 * hid);
  const double tag_loss = BackwardTags(in, s, grad, &dtop);
  DenseBackward(top, w_.arc_dep_w, s->arc_dep, s->arc_dep_mask, &darc_dep,
                &grad->arc_dep_w, &grad->arc_dep_b, &dtop);
  DenseBackward(top, w_.arc_head_w, s->arc_head, s->arc_head_mask, &darc_head,
                &grad->arc_head_w, &grad->arc_head_b, &dtop);
  DenseBackward(top, w_.label_dep_w, s->label_dep, s->label_dep_mask,
                &dlabel_dep, &grad->label_dep_w, &grad->label_dep_b, &dtop);
  DenseBackward(top, w_.label_head_w, s->label_head, s->label_head_mask,
                &dlabel_head, &grad->label_head_w, &grad->label_head_b, &dtop);
  Matrix dout = std::move(dtop);
  for (int l = layers - 1; l >= 0; --l) {
    ApplyMask(s->out_mask[l], &dout);
    Matrix dh[2] = {Matrix(steps, hid), Matrix(steps, hid)};
    for (int t = 0; t < steps; ++t) {
      std::copy(dout.Row(t), dout.Row(t) + hid, dh[0].Row(t));
      std::copy(dout.Row(t) + hid, dout.Row(t) + 2 * hid, dh[1].Row(t));
    }
    Matrix din(steps, s->layer_in[l].cols);
    for (int d = 0; d < 2; ++d) {
      LstmBackward(w_.lstm[l][d], s->layer_in[l], d == 1, dh[d],
                   &s->cache[l][d], &grad->lstm[l][d], &din);
    }
    dout = std::move(din);
  }
  BackwardEmbeddings(in, s, &dout, grad);
  return loss + tag_loss;
}

double Net::BackwardTags(const NetInput& in, NetState* s, NetWeights* grad,
                         Matrix* dtop) const {
  if (shape_.tags == 0) return 0.0;
  const int steps = static_cast<int>(in.word.size());
  Matrix dscores(steps, shape_.tags);
  double loss = 0.0;
  std::vector<float> p(shape_.tags);
  for (int i = 1; i < steps; ++i) {
    const float* row = s->tag_scores.Row(i);
    std::copy(row, row + shape_.tags, p.begin());
    loss += LogSoftmax(&p) - row[in.tag[i]];
    p[in.tag[i]] -= 1.0f;
    std::copy(p.begin(), p.end(), dscores.Row(i));
  }
  const Matrix& top = s->layer_in[shape_.layers];
  OuterAccumulate(top, dscores, &grad->tag_w);
  SumRowsAdd(dscores, &grad->tag_b);
  MatMulTransposedAdd(dscores, w_.tag_w, dtop);
  return loss;
}

void Net::BackwardEmbeddings(const NetInput& in, NetState* s, Matrix* dinput,
                             NetWeights* grad) const {
  const int wd = shape_.word_dim, td = shape_.tag_dim;
  for (int t = 0; t < dinput->rows; ++t) {
    const float* d = dinput->Row(t);
    const float mw = s->input_mask.At(t, 0), mt = s->input_mask.At(t, 1);
    if (mw != 0.0f) Axpy(mw, d, grad->word.Row(in.word[t]), wd);
    if (mt != 0.0f) {
      Axpy(mt, d + wd, grad->xpos.Row(in.xpos[t]), td);
      Axpy(mt, d + wd, grad->upos.Row(in.upos[t]), td);
    }
  }
}

}  // namespace claimgraph::nn
