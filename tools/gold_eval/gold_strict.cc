#include "gold_strict.h"

#include <algorithm>

namespace claimgraph {
namespace {

Stance EffectiveStance(const Claim& claim) {
  if (!claim.has_attribution()) return ASSERTED;
  Stance stance = claim.attribution().stance();
  return stance == STANCE_UNSPECIFIED ? ASSERTED : stance;
}

bool HasSpeaker(const Claim& claim) {
  return claim.has_attribution() && claim.attribution().has_speaker() &&
         !claim.attribution().speaker().name().empty();
}

bool SpeakersAgree(const Claim& system, const Claim& gold) {
  if (HasSpeaker(system) != HasSpeaker(gold)) return false;
  if (!HasSpeaker(gold)) return true;
  return NameMatchScore(system.attribution().speaker(),
                        gold.attribution().speaker()) > 0;
}

// The comparable forms of a claim's values for `key`, sorted.
std::vector<std::string> QualifierForms(
    const Claim& claim, const std::string& key,
    std::string (*form)(const std::string&)) {
  std::vector<std::string> forms;
  for (const Qualifier& qualifier : claim.qualifiers()) {
    if (qualifier.key() == key) forms.push_back(form(qualifier.value()));
  }
  std::sort(forms.begin(), forms.end());
  return forms;
}

std::string AsWritten(const std::string& value) { return value; }

bool QualifiersAgree(const Claim& system, const Claim& gold,
                     const std::string& key,
                     std::string (*form)(const std::string&)) {
  return QualifierForms(system, key, form) == QualifierForms(gold, key, form);
}

}  // namespace

const char* StrictAspectName(StrictAspect aspect) {
  switch (aspect) {
    case StrictAspect::kStance:
      return "stance";
    case StrictAspect::kSpeaker:
      return "speaker";
    case StrictAspect::kTime:
      return "time";
    case StrictAspect::kPlace:
      return "place";
    case StrictAspect::kDenominator:
      return "denominator";
  }
  return "?";
}

std::vector<StrictAspect> StrictDifferences(const Claim& system,
                                            const Claim& gold) {
  std::vector<StrictAspect> differ;
  if (EffectiveStance(system) != EffectiveStance(gold)) {
    differ.push_back(StrictAspect::kStance);
  }
  if (!SpeakersAgree(system, gold)) differ.push_back(StrictAspect::kSpeaker);
  if (!QualifiersAgree(system, gold, "time", AsWritten)) {
    differ.push_back(StrictAspect::kTime);
  }
  if (!QualifiersAgree(system, gold, "place", NameMatchForm)) {
    differ.push_back(StrictAspect::kPlace);
  }
  if (!QualifiersAgree(system, gold, "denominator", CanonicalUnit)) {
    differ.push_back(StrictAspect::kDenominator);
  }
  return differ;
}

StrictCounts& StrictCounts::operator+=(const StrictCounts& other) {
  counts += other.counts;
  for (int a = 0; a < kStrictAspects; ++a) differ[a] += other.differ[a];
  return *this;
}

StrictCounts ScoreStrict(const std::vector<Claim>& system,
                         const std::vector<Claim>& gold,
                         const Matching& matching) {
  StrictCounts strict;
  strict.counts.gold = matching.counts.gold;
  strict.counts.system = matching.counts.system;
  for (const auto& [s, g] : matching.pairs) {
    std::vector<StrictAspect> differ = StrictDifferences(system[s], gold[g]);
    if (differ.empty()) ++strict.counts.matched;
    for (StrictAspect aspect : differ)
      ++strict.differ[static_cast<int>(aspect)];
  }
  return strict;
}

}  // namespace claimgraph
