// Part-of-speech tagger: greedy left-to-right averaged perceptron predicting
// the (UPOS, XPOS) pair of every word as one class. Features: the word, its
// lower case, shape, prefixes and suffixes up to 5 bytes, the two words on
// each side, the two previous predicted tags, and the ambiguity classes (tag
// sets seen in training) of the word and the two next words. Frequent words
// that are (nearly) unambiguous in training are tagged from a dictionary
// instead.
//
// Optionally two passes: a second left-to-right model also sees the first
// pass's tags of the words to the right (stacking). It is trained on
// first-pass tags of the training set predicted by jackknifing, so it learns
// how far to trust them. The first pass may tag right to left instead
// (TaggerOptions::first_backward), or a right-to-left first pass may run
// beside the left-to-right one, the second pass seeing both (passes = 3).

#ifndef CLAIMGRAPH_TEXT_TAGGER_H_
#define CLAIMGRAPH_TEXT_TAGGER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "text/model_io.h"
#include "text/perceptron.h"
#include "text/sentence.h"
#include "text/word_clusters.h"

namespace claimgraph {

struct TaggerOptions {
  int epochs = 8;
  uint64_t seed = 1;
  // 1 or 2 (see above); 3: two passes, the second also seeing the classes
  // of a right-to-left first pass.
  int passes = 1;
  // 1: the features of the first shipped model; 2: also prefix 4, suffix 5,
  // word flags, the shape pair and more context pairs (docs/nlp.md); 3: set
  // 2 plus word-cluster prefixes of i-2..i+2 (needs `clusters`; without
  // them 3 and 4 train set 2); 4: the features of set 3, but ambiguity
  // classes only for forms seen at least 8 times in training (not 2); 5:
  // set 3, but while training, a sentence's ambiguity classes come from the
  // other three quarters of the training set (as on new text, where a rare
  // form's class is often incomplete); the model keeps set 3's classes.
  int feature_set = 1;
  std::shared_ptr<const WordClusters> clusters;
  // The first pass tags right to left (then a second pass, if any, sees its
  // classes). Not with passes = 3.
  bool first_backward = false;
  // Folds for the first-pass tags the second pass trains on.
  int stack_folds = 4;
  // If set, tagged with the weights averaged so far after every epoch and
  // the UPOS accuracy logged (needs `log`); its words carry gold tags.
  const std::vector<Sentence>* dev = nullptr;
  // Called with a progress line after each epoch; may be empty.
  std::function<void(const std::string&)> log;
};

class Tagger {
 public:
  // Learns from the gold upos/xpos of `train`. Deterministic for a given
  // input and options.
  static std::unique_ptr<Tagger> Train(const std::vector<Sentence>& train,
                                       const TaggerOptions& options);
  // `with_passes`: false for version 1 model files, which have no passes
  // and feature-set bytes (one pass, feature set 1). `clusters`: the model
  // file's word clusters (needed by feature sets 3 and 4, else may be
  // null).
  static StatusOr<std::unique_ptr<Tagger>> Load(
      ModelReader* in, bool with_passes = true,
      std::shared_ptr<const WordClusters> clusters = nullptr);
  void Save(ModelWriter* out) const;

  // Sets upos and xpos of every word from its form.
  void Tag(std::vector<Word>* words) const;

  size_t num_weights() const {
    return model_.num_weights() + backward_model_.num_weights() +
           second_.num_weights();
  }
  // See Perceptron::Prune.
  void Prune(int min_updates) {
    model_.Prune(min_updates);
    if (backward_) backward_model_.Prune(min_updates);
    if (passes_ == 2) second_.Prune(min_updates);
  }

 private:
  Tagger() = default;
  struct WordAtoms;
  // First-pass classes the second pass sees: left-to-right (`first`) and,
  // if any, right-to-left (`back`).
  struct StackTags {
    const std::vector<int>* first;
    const std::vector<int>* back;
  };
  // Computes the per-word hashed atoms used by Features().
  void Atoms(const std::vector<Word>& words,
             std::vector<WordAtoms>* atoms) const;
  // Features of word i given the classes of the two previous words (-1 when
  // there is none) and, for the second pass, the first passes' classes
  // (`stack`, else null).
  void Features(const std::vector<WordAtoms>& atoms, size_t i, int prev,
                int prev2, const StackTags* stack,
                std::vector<uint64_t>* out) const;
  int ClassOf(const std::string& upos, const std::string& xpos);
  // Tags words left to right given precomputed atoms with `model`; returns
  // class ids. When training, `learner` is that model (mutable) and
  // `gold` the gold classes; `averaged` scores with the running averages.
  void Run(const Perceptron& model, const std::vector<WordAtoms>& atoms,
           const std::vector<std::string>& forms, const StackTags* stack,
           Perceptron* learner, bool averaged, const std::vector<int>* gold,
           std::vector<int>* classes) const;
  // Tags right to left with `model`; classes in sentence order.
  void RunBackward(const Perceptron& model, const std::vector<WordAtoms>& atoms,
                   const std::vector<std::string>& forms,
                   std::vector<int>* classes) const;
  // The first pass (model_), in its direction.
  void RunFirst(const std::vector<WordAtoms>& atoms,
                const std::vector<std::string>& forms,
                std::vector<int>* classes) const;
  // Both passes over one sentence.
  void Predict(const std::vector<WordAtoms>& atoms,
               const std::vector<std::string>& forms,
               std::vector<int>* classes) const;
  // Epochs of training of `model`. For the second pass, `right` holds the
  // first-pass classes of every sentence and `back` (or null) the
  // right-to-left first pass's; `reversed`: the sentences are given right
  // to left (a backward pass), so dev scoring reverses too.
  void TrainPass(const std::vector<std::vector<WordAtoms>>& atoms,
                 const std::vector<std::vector<std::string>>& forms,
                 const std::vector<std::vector<int>>& gold,
                 const std::vector<std::vector<int>>* right,
                 const std::vector<std::vector<int>>* back, bool reversed,
                 const TaggerOptions& options, Perceptron* model);
  // First-pass classes of every training sentence, each predicted by a
  // one-pass tagger trained on the other folds
  // (and, with backward_, the backward first pass's in *back).
  void JackknifeFirstPass(const std::vector<Sentence>& train,
                          const TaggerOptions& options,
                          std::vector<std::vector<int>>* out,
                          std::vector<std::vector<int>>* back);

  std::vector<std::string> upos_;  // Per class.
  std::vector<std::string> xpos_;
  std::unordered_map<std::string, int> class_ids_;  // "UPOS\tXPOS".
  std::unordered_map<std::string, int> tag_dict_;   // form -> class.
  // Lower-cased form -> hash of the set of classes it had in training
  // (its "ambiguity class"), for forms seen at least kAmbiguityMinCount
  // times.
  std::unordered_map<std::string, uint64_t> ambiguity_;
  int passes_ = 1;
  int feature_set_ = 1;
  // Set with feature sets 3 and 4.
  std::shared_ptr<const WordClusters> clusters_;
  Perceptron model_;   // First pass.
  Perceptron second_;  // Second pass (when passes_ == 2).
  // Right-to-left first pass, seen by the second (passes byte 3).
  bool backward_ = false;
  Perceptron backward_model_;
  // The first pass runs right to left (passes byte 4: one pass, 5: two).
  bool first_reversed_ = false;
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_TEXT_TAGGER_H_
