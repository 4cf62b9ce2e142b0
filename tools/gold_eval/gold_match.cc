#include "gold_match.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "model/claim.h"
#include "model/names.h"

namespace claimgraph {
namespace {

std::string LastToken(const std::string& normalized) {
  size_t space = normalized.rfind(' ');
  return space == std::string::npos ? normalized : normalized.substr(space + 1);
}

bool HasAlias(const Entity& entity, const std::string& form) {
  for (const std::string& alias : entity.aliases()) {
    if (NameMatchForm(alias) == form) return true;
  }
  return false;
}

}  // namespace

std::string NameMatchForm(const std::string& name) {
  std::string form = NormalizeName(name);
  for (std::string_view article : {"the ", "a ", "an "}) {
    if (form.size() > article.size() &&
        form.compare(0, article.size(), article) == 0) {
      return form.substr(article.size());
    }
  }
  return form;
}

int NameMatchScore(const Entity& system, const Entity& gold) {
  std::string sys = NameMatchForm(system.name());
  std::string gld = NameMatchForm(gold.name());
  if (sys.empty() || gld.empty()) return 0;
  if (sys == gld) return 3;
  if (HasAlias(gold, sys) || HasAlias(system, gld)) return 2;
  if (gold.type() == PERSON && LastToken(sys) == LastToken(gld)) return 1;
  return 0;
}

std::string CanonicalUnit(const std::string& unit) {
  std::string text = CollapseSpaces(unit);
  if (text == "%") return "%";
  std::string norm = NormalizeName(text);
  if (norm == "percent" || norm == "per cent" || norm == "pct") return "%";
  if (norm.size() > 1 && norm.back() == 's') norm.pop_back();
  return norm;
}

bool ValuesMatch(const Quantity& system, const Quantity& gold) {
  if (CanonicalUnit(system.unit()) != CanonicalUnit(gold.unit())) {
    return false;
  }
  double a = system.amount();
  double b = gold.amount();
  if (!std::isfinite(a) || !std::isfinite(b)) return false;
  double scale = std::max(std::fabs(a), std::fabs(b));
  return std::fabs(a - b) <= 0.005 * scale;
}

bool PredicatesMatch(const std::string& system, const std::string& gold) {
  auto canonical = [](std::string text) {
    std::replace(text.begin(), text.end(), '_', ' ');
    return NormalizePredicate(text);
  };
  std::string sys = canonical(system);
  return !sys.empty() && sys == canonical(gold);
}

int ClaimMatchScore(const Claim& system, const Claim& gold) {
  if (!PredicatesMatch(system.predicate(), gold.predicate())) return 0;
  int subject = NameMatchScore(system.subject(), gold.subject());
  if (subject == 0) return 0;
  int target = 0;
  if (gold.has_object() && system.has_object()) {
    target = NameMatchScore(system.object(), gold.object());
  } else if (gold.has_value() && system.has_value()) {
    target = ValuesMatch(system.value(), gold.value()) ? 3 : 0;
  }
  if (target == 0) return 0;
  return subject + target;
}

double Counts::Precision() const {
  return system == 0 ? 0.0 : static_cast<double>(matched) / system;
}

double Counts::Recall() const {
  return gold == 0 ? 0.0 : static_cast<double>(matched) / gold;
}

double Counts::F1() const {
  double p = Precision();
  double r = Recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

Counts& Counts::operator+=(const Counts& other) {
  gold += other.gold;
  system += other.system;
  matched += other.matched;
  return *this;
}

Matching MatchClaims(const std::vector<Claim>& system,
                     const std::vector<Claim>& gold) {
  // (-score, gold index, system index): sorting puts the best first.
  std::vector<std::tuple<int, int, int>> candidates;
  for (int g = 0; g < static_cast<int>(gold.size()); ++g) {
    for (int s = 0; s < static_cast<int>(system.size()); ++s) {
      int score = ClaimMatchScore(system[s], gold[g]);
      if (score > 0) candidates.emplace_back(-score, g, s);
    }
  }
  std::sort(candidates.begin(), candidates.end());
  std::vector<bool> used_system(system.size()), used_gold(gold.size());
  Matching matching;
  for (const auto& [neg_score, g, s] : candidates) {
    if (used_gold[g] || used_system[s]) continue;
    used_gold[g] = used_system[s] = true;
    matching.pairs.emplace_back(s, g);
  }
  for (int s = 0; s < static_cast<int>(system.size()); ++s) {
    if (!used_system[s]) matching.unmatched_system.push_back(s);
  }
  for (int g = 0; g < static_cast<int>(gold.size()); ++g) {
    if (!used_gold[g]) matching.unmatched_gold.push_back(g);
  }
  std::sort(matching.pairs.begin(), matching.pairs.end());
  matching.counts.gold = static_cast<int>(gold.size());
  matching.counts.system = static_cast<int>(system.size());
  matching.counts.matched = static_cast<int>(matching.pairs.size());
  return matching;
}

std::string DocumentKey(const Claim& claim) {
  if (claim.evidence().empty()) return "";
  const Source& source = claim.evidence(0).source();
  if (!source.url().empty()) return source.url();
  return source.document_id();
}

std::string DescribeClaim(const Claim& claim) {
  std::string text = claim.subject().name() + " | " + claim.predicate() + " | ";
  if (claim.has_object()) {
    text += claim.object().name();
  } else if (claim.has_value()) {
    text += FormatQuantity(claim.value());
    if (!claim.value().unit().empty())
      text += " [" + claim.value().unit() + "]";
  }
  return text;
}

}  // namespace claimgraph
