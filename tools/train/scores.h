// Gold-token scores of a predicted treebank against the gold one (CoNLL 2018
// definitions: LAS compares the universal part of the relation, before ':').

#ifndef CLAIMGRAPH_TOOLS_TRAIN_SCORES_H_
#define CLAIMGRAPH_TOOLS_TRAIN_SCORES_H_

#include <string>
#include <vector>

#include "text/sentence.h"

namespace claimgraph {

struct Scores {
  long words = 0;
  long upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0;
  double Pct(long n) const { return words ? 100.0 * n / words : 0.0; }
  // "UPOS 95.12 XPOS ... LAS 85.00 (N words)".
  std::string ToString() const;
};

// `predicted` and `gold` must have the same sentences and words.
Scores Score(const std::vector<Sentence>& predicted,
             const std::vector<Sentence>& gold);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_TOOLS_TRAIN_SCORES_H_
