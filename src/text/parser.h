// Labelled transition-based dependency parser: arc-hybrid transitions
// (SHIFT, LEFT-ARC(label), RIGHT-ARC(label)) scored by an averaged
// perceptron over Zhang & Nivre (2011)-style feature templates (words, tags,
// left/right-most children and their labels, distance, valency, label sets),
// trained with the dynamic oracle of Goldberg & Nivre (2013) and
// exploration, with greedy decoding (one pass, 2n transitions); or trained
// globally with beam search (ParserOptions::beam) and decoded with a beam.
//
// The root (index 0) sits at the bottom of the stack and may take a
// dependent only once the buffer is empty, so every parse has exactly one
// word attached to the root, labelled "root", and is projective.

#ifndef CLAIMGRAPH_TEXT_PARSER_H_
#define CLAIMGRAPH_TEXT_PARSER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "text/model_io.h"
#include "text/perceptron.h"
#include "text/sentence.h"
#include "text/word_clusters.h"

namespace claimgraph {

struct ParserOptions {
  int epochs = 10;
  uint64_t seed = 1;
  // From the second epoch on, a wrong predicted transition is followed with
  // this probability (exploration), else the oracle's best transition.
  double explore = 0.9;
  // 1: greedy training with the dynamic oracle (above) and greedy
  // decoding. Larger: global training (structured perceptron with
  // max-violation updates, Huang et al. 2012) with a beam of this width
  // over a static oracle's transitions, and beam decoding of the same
  // width by default (Parser::set_beam changes it at run time).
  int beam = 1;
  std::function<void(const std::string&)> log;
  // If set, scored (UAS/LAS, logged) after every epoch with the weights
  // averaged so far; its words must carry the tags the parser will see.
  const std::vector<Sentence>* dev = nullptr;
  // With `dev`: training ends with the weights of the epoch whose averaged
  // weights scored the best dev LAS (early stopping), not the last epoch's.
  bool keep_best_epoch = false;
  // If set (and not empty), word-cluster features of the stack and buffer
  // words (feature set 2, or 3 with `more_cluster_templates`); else the
  // original templates (feature set 1).
  std::shared_ptr<const WordClusters> clusters;
  bool more_cluster_templates = false;
  // With `clusters`: only a lean set of 10 cluster templates (feature set
  // 4), for speed.
  bool lean_cluster_templates = false;
};

class Parser {
 public:
  // Learns from the form, upos, xpos (as given: gold or predicted), head and
  // deprel of `train`. Sentences whose heads are missing are skipped;
  // non-projective sentences are kept (the oracle picks the cheapest
  // transitions). Deterministic for a given input and options.
  static std::unique_ptr<Parser> Train(const std::vector<Sentence>& train,
                                       const ParserOptions& options);
  // `has_beam`: the section stores the decoding beam width (model file
  // version 3 on); older sections decode greedily. `has_features`: it
  // stores the feature set (version 4 on; older: 1). `clusters`: the model
  // file's word clusters (needed by feature set 2, else may be null).
  static StatusOr<std::unique_ptr<Parser>> Load(
      ModelReader* in, bool has_beam, bool has_features = false,
      std::shared_ptr<const WordClusters> clusters = nullptr);
  void Save(ModelWriter* out) const;

  // Sets head and deprel of every word from form, upos and xpos, by greedy
  // decoding when beam() is 1, else by beam search of that width.
  void Parse(std::vector<Word>* words) const;

  int beam() const { return beam_; }
  // Decoding beam width, clamped to [1, 256]. A model trained greedily may
  // be decoded with a beam and vice versa, though each does best with the
  // width it was trained for.
  void set_beam(int beam);

  size_t num_weights() const { return model_.num_weights(); }
  // See Perceptron::Prune.
  void Prune(int min_updates) { model_.Prune(min_updates); }

 private:
  Parser() = default;
  friend class ParserTrainer;
  std::vector<std::string> labels_;
  int root_label_ = -1;
  int beam_ = 1;
  // Non-null: feature set 2 or 3 (cluster templates).
  std::shared_ptr<const WordClusters> clusters_;
  int feature_set_ = 1;
  Perceptron model_;
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_TEXT_PARSER_H_
