// The matcher of claimgraph-gold-eval (docs/extraction-gold.md): when a
// system claim counts as a gold claim, one-to-one greedy assignment within a
// document, and precision/recall/F1.

#ifndef CLAIMGRAPH_TOOLS_GOLD_EVAL_GOLD_MATCH_H_
#define CLAIMGRAPH_TOOLS_GOLD_EVAL_GOLD_MATCH_H_

#include <string>
#include <utility>
#include <vector>

#include "claimgraph.pb.h"

namespace claimgraph {

// A name as the matcher compares it: NormalizeName, then a leading article
// ("the", "a", "an") dropped: "The towers" -> "towers".
std::string NameMatchForm(const std::string& name);

// How well two entity names match: 0 none, 1 same head (last token) and the
// gold entity is a PERSON, 2 one is an alias of the other, 3 equal names
// (all compared in NameMatchForm).
int NameMatchScore(const Entity& system, const Entity& gold);

// A unit in comparable form: NormalizeName, "percent"/"per cent" -> "%", a
// trailing plural "s" dropped ("days" -> "day").
std::string CanonicalUnit(const std::string& unit);

// Amounts within 0.5% of each other (relative to the larger) and equal
// canonical units. Approximate flags and bounds are ignored.
bool ValuesMatch(const Quantity& system, const Quantity& gold);

// Predicates equal after NormalizePredicate with "_" read as a space.
bool PredicatesMatch(const std::string& system, const std::string& gold);

// 0 when the claims do not match; otherwise a score that prefers closer
// name matches (used to order the greedy assignment).
int ClaimMatchScore(const Claim& system, const Claim& gold);

struct Counts {
  int gold = 0;
  int system = 0;
  int matched = 0;

  double Precision() const;
  double Recall() const;
  double F1() const;
  Counts& operator+=(const Counts& other);
};

struct Matching {
  // (system index, gold index) pairs.
  std::vector<std::pair<int, int>> pairs;
  std::vector<int> unmatched_system;
  std::vector<int> unmatched_gold;
  Counts counts;
};

// One-to-one greedy assignment: all matching pairs, best score first (ties
// by gold then system order), each claim used at most once.
Matching MatchClaims(const std::vector<Claim>& system,
                     const std::vector<Claim>& gold);

// The document a claim comes from: the url of its first evidence's source,
// else that source's document_id, else "".
std::string DocumentKey(const Claim& claim);

// One line describing a claim: "subject | predicate | object-or-value".
std::string DescribeClaim(const Claim& claim);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_TOOLS_GOLD_EVAL_GOLD_MATCH_H_
