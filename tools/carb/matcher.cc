#include "carb/matcher.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "carb/text.h"

namespace claimgraph::carb {
namespace {

// For each gold token found among the system tokens, counts one and removes
// that system token (the first occurrence), as CaRB's loop does.
int CountShared(const std::vector<std::string>& gold_tokens,
                std::vector<std::string>& system_tokens) {
  int shared = 0;
  for (const std::string& token : gold_tokens) {
    auto it = std::find(system_tokens.begin(), system_tokens.end(), token);
    if (it == system_tokens.end()) continue;
    ++shared;
    system_tokens.erase(it);
  }
  return shared;
}

bool Contains(const std::vector<std::string>& tokens, std::string_view word) {
  return std::find(tokens.begin(), tokens.end(), word) != tokens.end();
}

// A leftover system "be" counts once if the gold relation has any form of be.
int BeFormBonus(const std::vector<std::string>& gold_tokens,
                const std::vector<std::string>& leftover_system_tokens) {
  static constexpr std::array<std::string_view, 8> kFormsOfBe = {
      "be", "is", "am", "are", "was", "were", "been", "being"};
  if (!Contains(leftover_system_tokens, "be")) return 0;
  for (std::string_view form : kFormsOfBe) {
    if (Contains(gold_tokens, form)) return 1;
  }
  return 0;
}

double Ratio(int numerator, int denominator) {
  return denominator == 0 ? 0.0 : static_cast<double>(numerator) / denominator;
}

bool IsSaidTypeRelation(std::string_view relation) {
  static constexpr std::array<std::string_view, 5> kSaidVerbs = {
      "said", "told", "added", "adds", "says"};
  return std::any_of(kSaidVerbs.begin(), kSaidVerbs.end(),
                     [&](std::string_view verb) {
                       return relation.find(verb) != std::string_view::npos;
                     });
}

// Python's max([p1, r1], [p2, r2]): the first unless the second is greater.
MatchScore PythonListMax(const MatchScore& a, const MatchScore& b) {
  const bool b_greater = b.precision > a.precision ||
                         (b.precision == a.precision && b.recall > a.recall);
  return b_greater ? b : a;
}

}  // namespace

std::vector<std::string> JoinObject(const std::vector<std::string>& args) {
  if (args.size() < 2) return args;
  std::string object = args[1];
  for (size_t i = 2; i < args.size(); ++i) object += " " + args[i];
  return {args[0], object};
}

MatchScore LenientTupleMatch(const Extraction& gold, const Extraction& system,
                             const MatchOptions& options) {
  int matched = 0;  // Shared tokens: numerator of both precision and recall.
  int system_total = 0;
  int gold_total = 0;

  const std::vector<std::string> gold_rel = SplitWhitespace(gold.relation);
  std::vector<std::string> system_rel = SplitWhitespace(system.relation);
  system_total += system_rel.size();
  gold_total += gold_rel.size();
  int rel_shared = CountShared(gold_rel, system_rel);
  rel_shared += BeFormBonus(gold_rel, system_rel);
  if (rel_shared == 0) return {};
  matched += rel_shared;

  for (size_t i = 0; i < gold.args.size(); ++i) {
    const std::vector<std::string> gold_arg = SplitWhitespace(gold.args[i]);
    gold_total += gold_arg.size();
    if (system.args.size() <= i) {
      if (i < 2) return {};
      continue;
    }
    std::vector<std::string> system_arg = SplitWhitespace(system.args[i]);
    system_total += system_arg.size();
    const int shared = CountShared(gold_arg, system_arg);
    if (shared == 0 && i < 2 && options.require_argument_overlap) return {};
    matched += shared;
  }
  return {Ratio(matched, system_total), Ratio(matched, gold_total)};
}

MatchScore BinaryLenientTupleMatch(const Extraction& gold,
                                   const Extraction& system,
                                   const MatchOptions& options) {
  Extraction g = gold;
  g.args = JoinObject(gold.args);
  Extraction s = system;
  s.args = JoinObject(system.args);
  const MatchScore straight = LenientTupleMatch(g, s, options);
  if (!IsSaidTypeRelation(gold.relation)) return straight;
  if (system.args.size() >= 2) std::swap(s.args[0], s.args[1]);
  return PythonListMax(straight, LenientTupleMatch(g, s, options));
}

}  // namespace claimgraph::carb
