// Labelled transition-based dependency parser: arc-hybrid transitions
// (SHIFT, LEFT-ARC(label), RIGHT-ARC(label)) scored by an averaged
// perceptron over Zhang & Nivre (2011)-style feature templates (words, tags,
// left/right-most children and their labels, distance, valency, label sets),
// trained with the dynamic oracle of Goldberg & Nivre (2013) and
// exploration. Decoding is greedy: one pass, 2n transitions.
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

namespace claimgraph {

struct ParserOptions {
  int epochs = 10;
  uint64_t seed = 1;
  // From the second epoch on, a wrong predicted transition is followed with
  // this probability (exploration), else the oracle's best transition.
  double explore = 0.9;
  std::function<void(const std::string&)> log;
  // If set, scored (UAS/LAS, logged) after every epoch with the weights
  // averaged so far; its words must carry the tags the parser will see.
  const std::vector<Sentence>* dev = nullptr;
};

class Parser {
 public:
  // Learns from the form, upos, xpos (as given: gold or predicted), head and
  // deprel of `train`. Sentences whose heads are missing are skipped;
  // non-projective sentences are kept (the oracle picks the cheapest
  // transitions). Deterministic for a given input and options.
  static std::unique_ptr<Parser> Train(const std::vector<Sentence>& train,
                                       const ParserOptions& options);
  static StatusOr<std::unique_ptr<Parser>> Load(ModelReader* in);
  void Save(ModelWriter* out) const;

  // Sets head and deprel of every word from form, upos and xpos.
  void Parse(std::vector<Word>* words) const;

  size_t num_weights() const { return model_.num_weights(); }
  // See Perceptron::Prune.
  void Prune(int min_updates) { model_.Prune(min_updates); }

 private:
  Parser() = default;
  friend class ParserTrainer;
  std::vector<std::string> labels_;
  int root_label_ = -1;
  Perceptron model_;
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_TEXT_PARSER_H_
