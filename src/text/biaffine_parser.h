// A graph-based dependency parser with a neural scorer (Dozat & Manning
// 2017, made small): a BiLSTM reads word vectors (trained ones plus fixed
// pretrained GloVe vectors) and the tagger's UPOS and XPOS, biaffine
// layers score every head for every word and every label for an arc, and
// Eisner's algorithm picks the best projective tree with one root word.
// Trained with Adam on the cross-entropy of the gold heads and labels.
// See docs/nlp.md, "Session 7: a biaffine parser".

#ifndef CLAIMGRAPH_TEXT_BIAFFINE_PARSER_H_
#define CLAIMGRAPH_TEXT_BIAFFINE_PARSER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "text/biaffine_net.h"
#include "text/model_io.h"
#include "text/sentence.h"
#include "text/word_clusters.h"

namespace claimgraph {

struct BiaffineOptions {
  nn::NetShape shape;  // Dimensions; the vocabulary sizes are set by Train.
  int epochs = 30;
  int batch_sentences = 32;
  nn::AdamOptions adam;
  nn::Dropouts dropout{0.33f, 0.33f, 0.33f};
  int min_word_count = 2;  // Training words seen less often share UNK.
  // Also learn to predict the (UPOS, XPOS) pair of every word from the
  // top BiLSTM layer (whose input includes the tagger's tags), and re-tag
  // with it when parsing.
  bool tag_head = false;
  // With tag_head: the training sentences with their gold tags (the ones
  // given to Train carry predicted tags), same words in the same order.
  const std::vector<Sentence>* gold_tags = nullptr;
  uint64_t seed = 1;
  int threads = 2;
  // If set, parsed after every epoch; the weights of the epoch with the
  // best LAS are kept. Its words carry predicted tags and gold arcs.
  const std::vector<Sentence>* dev = nullptr;
  std::function<void(const std::string&)> log;
};

class BiaffineParser {
 public:
  // Learns from the heads and deprels of `train`, whose words carry the
  // tags the parser will see (predicted ones). `vectors`: lower-cased
  // pretrained word vectors of dimension shape.word_dim.
  static StatusOr<std::unique_ptr<BiaffineParser>> Train(
      const std::vector<Sentence>& train, const WordVectors& vectors,
      const BiaffineOptions& options);

  // Sets head and deprel of every word from forms and tags; with a tag
  // head (BiaffineOptions::tag_head) also replaces upos and xpos with its
  // own. Thread-safe.
  void Parse(std::vector<Word>* words) const;
  // Whether Parse also re-tags.
  bool retags() const { return !tags_.empty(); }

  // Labelled and unlabelled attachment counts over `gold` (punctuation
  // included), parsing copies of its sentences.
  struct Accuracy {
    long words = 0, heads = 0, labelled = 0;
    double uas() const { return words ? 100.0 * heads / words : 0.0; }
    double las() const { return words ? 100.0 * labelled / words : 0.0; }
  };
  Accuracy Evaluate(const std::vector<Sentence>& gold) const;

  void Save(ModelWriter* out) const;
  static StatusOr<std::unique_ptr<BiaffineParser>> Load(ModelReader* in);

  size_t num_weights() const;

  // Rounds every row of m to what the model file stores of the pretrained
  // vectors: int8 multiples of a power-of-two step per row (the smallest
  // step that reaches the row's largest magnitude in 127 steps). Rounding
  // twice changes nothing.
  static void RoundToInt8Rows(nn::Matrix* m);

 private:
  BiaffineParser() = default;
  nn::NetInput Input(const std::vector<Word>& words) const;
  // The trained vocabulary's key of a form: lower-cased (ASCII), every
  // digit '0'.
  static std::string WordKey(std::string_view form);
  // The ids of a form in the trained vocabulary (lower-cased, digits 0)
  // and among the pretrained vectors (lower-cased, else as the first).
  void WordIds(const std::string& form, int* word, int* pretrained) const;
  // Parse's steps: the tag head's best pair for every word; heads, and
  // the best label under each (root only under the root).
  void Retag(const nn::Matrix& tag_scores, std::vector<Word>* words) const;
  void Attach(const std::vector<int>& heads, const nn::Matrix& label_scores,
              std::vector<Word>* words) const;
  // Derives what parsing needs from the weights (after training, loading).
  void Prepare();

  nn::NetShape shape_;
  std::unordered_map<std::string, int> words_, pretrained_ids_, xpos_, upos_;
  std::vector<std::string> labels_;
  std::vector<std::pair<std::string, std::string>> tags_;  // (UPOS, XPOS).
  int root_label_ = 0;
  nn::Matrix pretrained_;
  nn::NetWeights weights_;
  nn::Matrix label_u_by_dependent_;  // See nn::LabelWeightsByDependent.

  friend class BiaffineTrainer;
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_TEXT_BIAFFINE_PARSER_H_
