// Part-of-speech tagger: greedy left-to-right averaged perceptron predicting
// the (UPOS, XPOS) pair of every word as one class. Features: the word, its
// lower case, shape, prefixes and suffixes up to 4 bytes, the two words on
// each side, the two previous predicted tags, and the ambiguity classes (tag
// sets seen in training) of the word and the two next words. Frequent words
// that are (nearly) unambiguous in training are tagged from a dictionary
// instead.

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

namespace claimgraph {

struct TaggerOptions {
  int epochs = 8;
  uint64_t seed = 1;
  // Called with a progress line after each epoch; may be empty.
  std::function<void(const std::string&)> log;
};

class Tagger {
 public:
  // Learns from the gold upos/xpos of `train`. Deterministic for a given
  // input and options.
  static std::unique_ptr<Tagger> Train(const std::vector<Sentence>& train,
                                       const TaggerOptions& options);
  static StatusOr<std::unique_ptr<Tagger>> Load(ModelReader* in);
  void Save(ModelWriter* out) const;

  // Sets upos and xpos of every word from its form.
  void Tag(std::vector<Word>* words) const;

  size_t num_weights() const { return model_.num_weights(); }
  // See Perceptron::Prune.
  void Prune(int min_updates) { model_.Prune(min_updates); }

 private:
  Tagger() = default;
  struct WordAtoms;
  // Computes the per-word hashed atoms used by Features().
  void Atoms(const std::vector<Word>& words,
             std::vector<WordAtoms>* atoms) const;
  // Features of word i given the classes of the two previous words (-1 when
  // there is none).
  static void Features(const std::vector<WordAtoms>& atoms, size_t i, int prev,
                       int prev2, std::vector<uint64_t>* out);
  int ClassOf(const std::string& upos, const std::string& xpos);
  // Tags words given precomputed atoms; returns class ids. When training,
  // `learner` is model_ itself (mutable) and `gold` the gold classes.
  void Run(const std::vector<WordAtoms>& atoms,
           const std::vector<std::string>& forms, Perceptron* learner,
           const std::vector<int>* gold, std::vector<int>* classes) const;

  std::vector<std::string> upos_;  // Per class.
  std::vector<std::string> xpos_;
  std::unordered_map<std::string, int> class_ids_;  // "UPOS\tXPOS".
  std::unordered_map<std::string, int> tag_dict_;   // form -> class.
  // Lower-cased form -> hash of the set of classes it had in training
  // (its "ambiguity class"), for forms seen at least kAmbiguityMinCount
  // times.
  std::unordered_map<std::string, uint64_t> ambiguity_;
  Perceptron model_;
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_TEXT_TAGGER_H_
