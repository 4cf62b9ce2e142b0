// CaRB's default matcher, Matcher.binary_linient_tuple_match (matcher.py),
// ported line for line; see docs/carb.md for what it does and does not check.

#ifndef CLAIMGRAPH_TOOLS_CARB_MATCHER_H_
#define CLAIMGRAPH_TOOLS_CARB_MATCHER_H_

#include <string>
#include <vector>

#include "carb/reader.h"

namespace claimgraph::carb {

// Token precision and recall of one system extraction against one gold one.
struct MatchScore {
  double precision = 0;
  double recall = 0;
  friend bool operator==(const MatchScore&, const MatchScore&) = default;
};

// CaRB's default is all false.
struct MatchOptions {
  // Also require arg1 and the object to share a token with the gold ones,
  // as a check in CaRB's matcher.py that is commented out does (and as
  // descriptions of CaRB often say). Not CaRB's published scoring.
  bool require_argument_overlap = false;
};

// Arguments after the first joined with spaces into one object, as CaRB's
// binary matcher does; fewer than two arguments are kept as they are.
std::vector<std::string> JoinObject(const std::vector<std::string>& args);

// Matcher.linient_tuple_match: counts shared tokens (multiset, case
// sensitive, whitespace tokens) in the relation and in each gold argument.
// {0, 0} if the relations share no token (a system "be" matches any form of
// be in the gold relation) or if the system lacks the first or second
// argument the gold has.
MatchScore LenientTupleMatch(const Extraction& gold, const Extraction& system,
                             const MatchOptions& options = {});

// Matcher.binary_linient_tuple_match: both sides binarised by JoinObject,
// then LenientTupleMatch. If the gold relation contains "said", "told",
// "added", "adds" or "says" (as a substring), the system's arguments are
// also tried reversed (object first) and the larger score in Python's list
// order (precision, then recall) is kept.
MatchScore BinaryLenientTupleMatch(const Extraction& gold,
                                   const Extraction& system,
                                   const MatchOptions& options = {});

}  // namespace claimgraph::carb

#endif  // CLAIMGRAPH_TOOLS_CARB_MATCHER_H_
