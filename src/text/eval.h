// Scoring a system's CoNLL-U against gold, with the definitions of the
// CoNLL 2018 shared task evaluation (conll18_ud_eval.py):
//  - Both files must spell the same characters once whitespace is removed
//    (tokens may differ). Tokens, words and sentences are spans over that
//    character stream; a word of a multi-word token gets the token's span.
//  - Tokens, Sentences: precision/recall/F1 of exactly matching spans.
//  - Words are aligned: outside multi-word tokens by equal spans; inside a
//    region where either side has multi-word tokens, by the longest common
//    subsequence of lower-cased forms. Words: P/R/F1 of aligned words.
//  - UPOS, XPOS, Lemmas, UAS, LAS: an aligned word is correct when the
//    field matches (a gold lemma "_" matches anything; UAS: the head is
//    the aligned word of the gold head, or both are roots; LAS: also the
//    relation before any ':' subtype). Precision = correct / system words,
//    recall = correct / gold words, aligned accuracy = correct / aligned.
//    With identical tokenisation all three equal the plain accuracy.
// Empty nodes are ignored.

#ifndef CLAIMGRAPH_TEXT_EVAL_H_
#define CLAIMGRAPH_TEXT_EVAL_H_

#include <string>
#include <vector>

#include "base/status.h"
#include "text/sentence.h"

namespace claimgraph {

struct EvalScore {
  long gold = 0;     // Items in gold.
  long system = 0;   // Items in the system output.
  long correct = 0;  // Matching items.
  long aligned = 0;  // Aligned words (for word-level attributes).

  double precision() const { return system ? double(correct) / system : 0; }
  double recall() const { return gold ? double(correct) / gold : 0; }
  double f1() const {
    return gold + system ? 2.0 * correct / (gold + system) : 0;
  }
  double aligned_accuracy() const {
    return aligned ? double(correct) / aligned : 0;
  }
};

struct EvalReport {
  EvalScore tokens, sentences, words, upos, xpos, lemmas, uas, las;
};

// Scores `system` against `gold`. InvalidArgumentError when the two do not
// spell the same characters; the message quotes both near the first
// difference and names the gold sentence (its sent_id when it has one).
StatusOr<EvalReport> Evaluate(const std::vector<Sentence>& gold,
                              const std::vector<Sentence>& system);

// A table with one row per metric: precision, recall, F1, aligned accuracy
// in percent.
std::string FormatReport(const EvalReport& report);

// The raw text of a treebank from its "# text" comments (Sentence::text):
// sentences of one paragraph joined by a space, a blank line before a
// sentence that starts a document or paragraph ("newdoc", "newpar"
// comments), a newline at the end.
std::string RawText(const std::vector<Sentence>& sentences);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_TEXT_EVAL_H_
