// Lemmatiser: a dictionary of (form, XPOS) -> lemma learned from a treebank,
// then (lower-cased form, XPOS), then for VBD / VBN the lower-cased form
// under the other of the two, then suffix rules learned from the training
// pairs: for the longest known lower-cased suffix (up to kMaxSuffix bytes) of
// a form with that XPOS, the most frequent edit "strip k bytes, append s",
// applied to the form or to its lower case.

#ifndef CLAIMGRAPH_TEXT_LEMMATIZER_H_
#define CLAIMGRAPH_TEXT_LEMMATIZER_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "text/model_io.h"
#include "text/sentence.h"

namespace claimgraph {

class Lemmatizer {
 public:
  static constexpr size_t kMaxSuffix = 5;

  // Learns from the gold form, xpos and lemma of `train`.
  static std::unique_ptr<Lemmatizer> Train(const std::vector<Sentence>& train);
  static StatusOr<std::unique_ptr<Lemmatizer>> Load(ModelReader* in);
  void Save(ModelWriter* out) const;

  // The lemma of `form` tagged `xpos`; never empty for a non-empty form.
  std::string Lemma(std::string_view form, std::string_view xpos) const;
  // Sets the lemma of every word from its form and xpos.
  void Lemmatize(std::vector<Word>* words) const;

 private:
  Lemmatizer() = default;
  struct Rule {
    bool lower = false;  // Apply to the lower-cased form.
    uint32_t strip = 0;  // Bytes removed from the end.
    std::string append;
  };
  static Rule RuleFor(std::string_view form, std::string_view lemma);
  static std::string Apply(const Rule& rule, std::string_view form);

  std::unordered_map<std::string, std::string> exact_;  // form \t xpos.
  std::unordered_map<std::string, std::string> lower_;  // lower \t xpos.
  std::unordered_map<std::string, Rule> rules_;         // xpos \t suffix.
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_TEXT_LEMMATIZER_H_
