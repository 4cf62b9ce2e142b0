// The network of the biaffine parser (Dozat & Manning 2017, "Deep Biaffine
// Attention for Neural Dependency Parsing", made small): word and tag
// embeddings, a stacked BiLSTM, four ReLU layers, a biaffine scorer of
// arcs and one of labels. Internal to biaffine_parser.cc and its tests.

#ifndef CLAIMGRAPH_TEXT_BIAFFINE_NET_H_
#define CLAIMGRAPH_TEXT_BIAFFINE_NET_H_

#include <array>
#include <random>
#include <vector>

#include "text/lstm.h"
#include "text/nn.h"

namespace claimgraph::nn {

struct NetShape {
  int words = 0;       // Trainable word embeddings (rows).
  int pretrained = 0;  // Fixed pretrained vectors (rows).
  int xpos = 0, upos = 0, labels = 0;
  int word_dim = 100, tag_dim = 32;
  int layers = 2, hidden = 128;  // BiLSTM; hidden per direction.
  int arc_dim = 128, label_dim = 64;
  // Classes of the optional tag head, (UPOS, XPOS) pairs predicted from
  // the top BiLSTM layer; 0: none.
  int tags = 0;
};

// All trained weights; the same type holds their gradients.
struct NetWeights {
  Matrix word, xpos, upos;
  std::vector<std::array<LstmWeights, 2>> lstm;  // [layer][forward, back].
  Matrix arc_dep_w, arc_dep_b, arc_head_w, arc_head_b;
  Matrix label_dep_w, label_dep_b, label_head_w, label_head_b;
  Matrix arc_u;         // (arc_dim + 1) x arc_dim.
  Matrix label_u;       // labels * (label_dim + 1) rows, label_dim + 1 columns.
  Matrix tag_w, tag_b;  // 2 hidden x tags, 1 x tags (0 columns: no head).

  // Shapes from `shape`; random weights when rng is set, else zeros.
  void Init(const NetShape& shape, std::mt19937_64* rng);
  std::vector<Matrix*> All();
};

// One sentence as the network reads it; position 0 is the root.
struct NetInput {
  std::vector<int> word, pretrained, xpos, upos;
  std::vector<int> head, label;  // Gold, for training (index 0 unused).
  std::vector<int> tag;          // Gold tag class, if the net has a tag head.
};

struct Dropouts {
  float word = 0.0f;    // Whole word vectors.
  float tag = 0.0f;     // Whole tag vectors.
  float hidden = 0.0f;  // LSTM outputs and ReLU layers, per element.
};

// Everything a forward pass computes and its backward pass reads.
struct NetState {
  Matrix input, input_mask;
  std::vector<Matrix> layer_in;  // [l]: input of layer l (0: embeddings).
  std::vector<std::array<Matrix, 2>> h;
  std::vector<std::array<LstmCache, 2>> cache;
  std::vector<Matrix> out_mask;  // [l]: dropout mask of layer l's output.
  Matrix top;                    // Input of the ReLU layers.
  Matrix arc_dep, arc_head, label_dep, label_head;  // After ReLU, dropout.
  Matrix arc_dep_mask, arc_head_mask, label_dep_mask, label_head_mask;
  Matrix arc_dep1, arc_dep_u;  // [arc_dep, 1]; times arc_u.
  Matrix arc;                  // T x T: arc[i][j] scores head j for word i.
  Matrix label_dep1, label_head1;
  Matrix tag_scores;  // T x tags, if the net has a tag head.
};

// label_u rearranged for parsing: row r holds label l's row r at columns
// l * (label_dim + 1) onwards, so one vector-matrix product gives every
// label's half-applied bilinear form.
Matrix LabelWeightsByDependent(const Matrix& label_u, int labels);

class Net {
 public:
  // `pretrained` (pretrained x word_dim): fixed vectors added to the
  // trained word embeddings. Both must outlive the Net.
  Net(const NetShape& shape, const NetWeights* weights,
      const Matrix* pretrained)
      : shape_(shape), w_(*weights), pretrained_(*pretrained) {}

  // Fills state up to the arc scores. rng is used only if dropouts are set.
  void Forward(const NetInput& in, const Dropouts& drop, std::mt19937_64* rng,
               NetState* state) const;
  // Label scores (labels entries) of word i under head j.
  void LabelScores(const NetState& state, int i, int j, float* out) const;
  // Label scores of every word i >= 1 under heads[i] into row i of out
  // (T x labels; row 0 is left zero), from `by_dependent`
  // (LabelWeightsByDependent of the weights' label_u): one matrix product
  // for the sentence instead of a pass over the weights per word.
  void LabelScores(const NetState& state, const Matrix& by_dependent,
                   const std::vector<int>& heads, Matrix* out) const;
  // Cross-entropy of the gold heads and labels (and tags, with a tag head)
  // given the forward pass (summed over words), with its gradients added
  // to grad.
  double Backward(const NetInput& in, NetState* state, NetWeights* grad) const;

 private:
  void ForwardEmbeddings(const NetInput& in, const Dropouts& drop,
                         std::mt19937_64* rng, NetState* s) const;
  // The tag head's loss; adds its gradient of the top layer to dtop.
  double BackwardTags(const NetInput& in, NetState* s, NetWeights* grad,
                      Matrix* dtop) const;
  void BackwardEmbeddings(const NetInput& in, NetState* s, Matrix* dinput,
                          NetWeights* grad) const;
  double BackwardScores(const NetInput& in, NetState* s, Matrix* darc_dep,
                        Matrix* darc_head, Matrix* dlabel_dep,
                        Matrix* dlabel_head, NetWeights* grad) const;

  const NetShape shape_;
  const NetWeights& w_;
  const Matrix& pretrained_;
};

}  // namespace claimgraph::nn

#endif  // CLAIMGRAPH_TEXT_BIAFFINE_NET_H_
