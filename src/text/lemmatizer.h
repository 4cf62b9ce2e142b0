// Lemmatiser: a dictionary of (form, XPOS) -> lemma learned from a treebank,
// then (lower-cased form, XPOS), then for a verb tag the lower-cased form
// under the other verb tags, then suffix rules learned from the training
// pairs: for the longest known lower-cased suffix (up to kMaxSuffix bytes) of
// a form with that XPOS, the most frequent edit "strip k bytes, append s",
// applied to the form or to its lower case. An unknown verb form takes the
// rule of another verb tag that knows a strictly longer suffix of it.

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
  static constexpr size_t kNoRule = static_cast<size_t>(-1);
  static Rule RuleFor(std::string_view form, std::string_view lemma);
  // For a verb XPOS (VB, VBD, VBG, VBN, VBP, VBZ) the other five, most
  // often confused with it first; null for any other tag.
  static const std::vector<std::string_view>* OtherVerbTags(
      std::string_view xpos);
  // True for two verb tags whose forms are alike (VB and VBP, VBD and VBN)
  // or equal.
  static bool SameInflection(std::string_view a, std::string_view b);
  // Length of the longest suffix of `lower` (at most kMaxSuffix) with a
  // rule under `xpos`, or kNoRule.
  size_t LongestRuleSuffix(std::string_view lower, std::string_view xpos) const;
  static std::string Apply(const Rule& rule, std::string_view form);

  std::unordered_map<std::string, std::string> exact_;  // form \t xpos.
  std::unordered_map<std::string, std::string> lower_;  // lower \t xpos.
  std::unordered_map<std::string, Rule> rules_;         // xpos \t suffix.
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_TEXT_LEMMATIZER_H_
