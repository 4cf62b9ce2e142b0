// Clause-based proposition extraction from a dependency parse, in the
// manner of ClausIE and Stanford Open IE: each predicate of a sentence (a
// verb, or a nominal/adjectival predicate with a copula) yields a
// proposition (subject, relation, arguments), with the subject recovered
// for conjoined, relative, reduced-relative and controlled clauses;
// appositions and nominal relations yield "is" propositions; reported
// speech ("X said that ...", "according to X") attaches the speaker to the
// propositions of the reported clause.
//
// Words are 1-based indexes into Sentence::words (the parse's numbering).

#ifndef CLAIMGRAPH_EXTRACT_CLAUSES_H_
#define CLAIMGRAPH_EXTRACT_CLAUSES_H_

#include <string>
#include <vector>

#include "text/sentence.h"

namespace claimgraph {

// A phrase: its head word and all its words in sentence order.
struct Phrase {
  int head = 0;
  std::vector<int> words;
  bool empty() const { return words.empty(); }
};

// An argument after the relation, with the preposition or marker that
// introduces it ("in", "to", "that"), if any.
struct Argument {
  std::string marker;
  Phrase phrase;
  std::string role;  // UD relation of the argument's head: obj, obl, ccomp...
};

struct Proposition {
  Phrase subject;
  int predicate = 0;          // Head word of the predicate.
  std::vector<int> relation;  // Auxiliaries, negation, verb, particles.
  std::string lemma;          // Lemma of the main verb ("be" for copulas).
  bool passive = false;
  bool negated = false;
  std::vector<Argument> arguments;
  // Reported speech: the speaker's phrase and the cue word ("said").
  Phrase speaker;
  int cue = 0;
  std::string rule;  // Which rule made it, for --explain.
  double confidence = 0.5;
};

// All propositions of a parsed sentence, in predicate order.
std::vector<Proposition> ExtractPropositions(const Sentence& sentence);

// The words of a phrase joined with spaces (as forms).
std::string PhraseText(const Sentence& sentence, const Phrase& phrase);
std::string WordsText(const Sentence& sentence, const std::vector<int>& words);

// True for lemmas of verbs of saying/reporting (say, tell, announce, ...).
bool IsSpeechLemma(const std::string& lemma);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_CLAUSES_H_
