// Strict scoring of claimgraph-gold-eval (docs/extraction-gold.md, "Strict
// mode"): a matched pair of claims counts only when their attribution,
// stance and identity qualifiers agree too.

#ifndef CLAIMGRAPH_TOOLS_GOLD_EVAL_GOLD_STRICT_H_
#define CLAIMGRAPH_TOOLS_GOLD_EVAL_GOLD_STRICT_H_

#include <string>
#include <vector>

#include "claimgraph.pb.h"
#include "gold_match.h"

namespace claimgraph {

// The aspects strict mode compares, in the order they are reported.
enum class StrictAspect { kStance, kSpeaker, kTime, kPlace, kDenominator };
inline constexpr int kStrictAspects = 5;

// "stance", "speaker", "time", "place", "denominator".
const char* StrictAspectName(StrictAspect aspect);

// The aspects in which two matched claims differ; empty when they agree.
// - stance: equal, a claim without attribution (or with an unspecified
//   stance) reading as ASSERTED;
// - speaker: both absent, or both present with matching names
//   (NameMatchScore > 0);
// - time, place, denominator: the same values for that qualifier key, as
//   multisets: times compared as written, places in NameMatchForm,
//   denominators as CanonicalUnit ("vehicle" = "vehicles").
// The attribution cue, the quote and the other qualifiers are not compared.
std::vector<StrictAspect> StrictDifferences(const Claim& system,
                                            const Claim& gold);

// Strict counts of a matching: `matched` keeps only the pairs without
// differences; `differ[a]` counts the pairs that differ in aspect a.
struct StrictCounts {
  Counts counts;
  int differ[kStrictAspects] = {};

  StrictCounts& operator+=(const StrictCounts& other);
};

StrictCounts ScoreStrict(const std::vector<Claim>& system,
                         const std::vector<Claim>& gold,
                         const Matching& matching);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_TOOLS_GOLD_EVAL_GOLD_STRICT_H_
