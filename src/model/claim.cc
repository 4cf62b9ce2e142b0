#include "model/claim.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <set>
#include <utility>
#include <vector>

#include "base/ascii.h"
#include "model/names.h"

namespace claimgraph {
namespace {

constexpr std::array<std::pair<EntityType, std::string_view>, 10>
    kEntityTypeNames = {{{AGENCY, "AGENCY"},
                         {PERSON, "PERSON"},
                         {COMPANY, "COMPANY"},
                         {ORGANIZATION, "ORGANIZATION"},
                         {PROGRAM, "PROGRAM"},
                         {LOCATION, "LOCATION"},
                         {STATISTIC, "STATISTIC"},
                         {EVENT, "EVENT"},
                         {DOCUMENT, "DOCUMENT"},
                         {OTHER, "OTHER"}}};

// A number without a trailing ".0" and with enough digits to round-trip.
std::string FormatNumber(double value) {
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.15g", value);
  return buf;
}

// 30000000 -> "30,000,000"; non-integers are printed as they are.
std::string GroupThousands(double value) {
  if (std::fabs(value) >= 1e15 || value != std::floor(value)) {
    return FormatNumber(value);
  }
  std::string digits = std::to_string(static_cast<long long>(std::fabs(value)));
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return value < 0 ? "-" + out : out;
}

void NormalizeEntity(Entity* entity) {
  entity->set_name(CollapseSpaces(entity->name()));
  for (std::string& alias : *entity->mutable_aliases()) {
    alias = CollapseSpaces(alias);
  }
}

std::string EvidenceKey(const Evidence& evidence) {
  return DocumentIdFor(evidence.source()) + '\x1f' + evidence.sentence();
}

}  // namespace

bool IsOrganizationType(EntityType type) {
  return type == AGENCY || type == COMPANY || type == ORGANIZATION;
}

std::string_view EntityTypeName(EntityType type) {
  for (const auto& [t, name] : kEntityTypeNames) {
    if (t == type) return name;
  }
  return "OTHER";
}

StatusOr<EntityType> ParseEntityType(std::string_view name) {
  std::string upper = AsciiUpper(name);
  for (const auto& [t, type_name] : kEntityTypeNames) {
    if (upper == type_name) return t;
  }
  return InvalidArgumentError(
      "unknown entity type \"" + std::string(name) +
      "\" (expected AGENCY, PERSON, COMPANY, ORGANIZATION, PROGRAM, "
      "LOCATION, STATISTIC, EVENT, DOCUMENT or OTHER)");
}

std::string_view StanceName(Stance stance) {
  switch (stance) {
    case ASSERTED:
      return "ASSERTED";
    case REPORTED:
      return "REPORTED";
    case ALLEGED:
      return "ALLEGED";
    case DENIED:
      return "DENIED";
    case QUESTIONED:
      return "QUESTIONED";
    default:
      return "";
  }
}

Status ValidateClaim(const Claim& claim) {
  if (CollapseSpaces(claim.subject().name()).empty()) {
    return InvalidArgumentError(
        "expected \"subject\" with a non-empty \"name\"");
  }
  if (CollapseSpaces(claim.predicate()).empty()) {
    return InvalidArgumentError("expected a non-empty \"predicate\"");
  }
  // A name that normalises to nothing could never be found again.
  for (const Entity* e :
       {&claim.subject(), &claim.object(), &claim.attribution().speaker()}) {
    if (!e->name().empty() && NormalizeName(e->name()).empty()) {
      return InvalidArgumentError("entity name \"" + e->name() +
                                  "\" has no letters or digits");
    }
  }
  // Document ids go into keys with a 0x00 separator.
  for (const Evidence& e : claim.evidence()) {
    for (char c : DocumentIdFor(e.source())) {
      if (static_cast<unsigned char>(c) < 0x20) {
        return InvalidArgumentError(
            "a source's document id, url or outlet contains a control "
            "character");
      }
    }
  }
  switch (claim.target_case()) {
    case Claim::kObject:
      if (CollapseSpaces(claim.object().name()).empty()) {
        return InvalidArgumentError(
            "expected \"object\" with a non-empty \"name\"");
      }
      break;
    case Claim::kValue:
      if (!std::isfinite(claim.value().amount())) {
        return InvalidArgumentError("\"value.amount\" is not a finite number");
      }
      break;
    default:
      return InvalidArgumentError("expected one of \"object\" or \"value\"");
  }
  if (claim.confidence() < 0 || claim.confidence() > 1) {
    return InvalidArgumentError("\"confidence\" must be between 0 and 1");
  }
  return OkStatus();
}

void NormalizeClaim(Claim* claim) {
  NormalizeEntity(claim->mutable_subject());
  if (claim->has_object()) NormalizeEntity(claim->mutable_object());
  if (claim->has_attribution() && claim->attribution().has_speaker()) {
    NormalizeEntity(claim->mutable_attribution()->mutable_speaker());
  }
  claim->set_predicate(NormalizePredicate(claim->predicate()));
  if (claim->confidence() == 0) claim->set_confidence(1.0);
  if (claim->attribution().stance() == STANCE_UNSPECIFIED) {
    claim->mutable_attribution()->set_stance(ASSERTED);
  }
  for (Evidence& evidence : *claim->mutable_evidence()) {
    Source* source = evidence.mutable_source();
    source->set_document_id(DocumentIdFor(*source));
  }
}

std::string DocumentIdFor(const Source& source) {
  if (!source.document_id().empty()) return source.document_id();
  if (!source.url().empty()) return source.url();
  if (source.outlet().empty() && source.title().empty()) return "";
  return source.outlet() + "|" + source.title() + "|" + source.published();
}

bool IsKeyQualifier(std::string_view key) {
  return key == "time" || key == "place" || key == "denominator";
}

namespace {

// Statements that deny or question a claim are kept apart from those that
// affirm it (ASSERTED, REPORTED, ALLEGED): a denial must never count as
// corroboration of what it denies.
std::string_view PolarityMark(Stance stance) {
  switch (stance) {
    case DENIED:
      return "!denied";
    case QUESTIONED:
      return "?questioned";
    default:
      return "";
  }
}

bool Denies(const Claim& claim) {
  return claim.attribution().stance() == DENIED;
}

bool Affirms(const Claim& claim) {
  return PolarityMark(claim.attribution().stance()).empty();
}

// The identity the claim would have if it were affirmed.
std::string AffirmedIdentity(const Claim& claim) {
  if (PolarityMark(claim.attribution().stance()).empty()) {
    return ClaimIdentity(claim);
  }
  Claim affirmed = claim;
  affirmed.mutable_attribution()->set_stance(ASSERTED);
  return ClaimIdentity(affirmed);
}

}  // namespace

std::string ClaimIdentity(const Claim& claim) {
  std::string id = std::to_string(claim.subject().id());
  id += '\x1f';
  id += claim.predicate();
  id += '\x1f';
  if (claim.has_object()) {
    id += "e" + std::to_string(claim.object().id());
  } else {
    const Quantity& v = claim.value();
    // Units keep their punctuation: "%" is a unit.
    id += "v" + FormatNumber(v.amount()) + ' ' + NormalizePredicate(v.unit());
    if (v.has_lower_bound()) id += " >" + FormatNumber(v.lower_bound());
    if (v.has_upper_bound()) id += " <" + FormatNumber(v.upper_bound());
  }
  std::vector<std::string> keys;
  for (const Qualifier& q : claim.qualifiers()) {
    if (IsKeyQualifier(q.key())) {
      keys.push_back(q.key() + "=" + NormalizeName(q.value()));
    }
  }
  std::sort(keys.begin(), keys.end());
  for (const std::string& k : keys) id += '\x1f' + k;
  std::string_view polarity = PolarityMark(claim.attribution().stance());
  if (!polarity.empty()) {
    id += '\x1f';
    id += polarity;
  }
  return id;
}

void MergeClaim(const Claim& from, Claim* into) {
  std::set<std::string> seen;
  for (const Evidence& e : into->evidence()) seen.insert(EvidenceKey(e));
  for (const Evidence& e : from.evidence()) {
    if (seen.insert(EvidenceKey(e)).second) *into->add_evidence() = e;
  }
  into->set_confidence(std::max(into->confidence(), from.confidence()));
  std::set<std::pair<std::string, std::string>> qualifiers;
  for (const Qualifier& q : into->qualifiers()) {
    qualifiers.emplace(q.key(), q.value());
  }
  for (const Qualifier& q : from.qualifiers()) {
    if (qualifiers.emplace(q.key(), q.value()).second) {
      *into->add_qualifiers() = q;
    }
  }
  bool into_bare =
      !into->attribution().has_speaker() && into->attribution().cue().empty();
  if (into_bare &&
      (from.attribution().has_speaker() || !from.attribution().cue().empty())) {
    *into->mutable_attribution() = from.attribution();
  }
  if (into->predicate_text().empty()) {
    into->set_predicate_text(from.predicate_text());
  }
}

std::string FormatQuantity(const Quantity& value) {
  if (!value.text().empty()) return value.text();
  std::string amount = GroupThousands(value.amount());
  if (value.unit() == "%") return amount + "%";
  std::string out = value.approximate_cue().empty()
                        ? amount
                        : value.approximate_cue() + " " + amount;
  if (!value.unit().empty()) out += " " + value.unit();
  return out;
}

bool IsAttributedOrDisputed(const Claim& claim) {
  switch (claim.attribution().stance()) {
    case REPORTED:
    case ALLEGED:
    case DENIED:
    case QUESTIONED:
      return true;
    default:
      return false;
  }
}

int DistinctOutlets(const Claim& claim) {
  std::set<std::string> outlets;
  for (const Evidence& e : claim.evidence()) {
    const Source& s = e.source();
    outlets.insert(s.outlet().empty() ? DocumentIdFor(s) : s.outlet());
  }
  outlets.erase("");
  return static_cast<int>(outlets.size());
}

std::map<uint64_t, std::vector<uint64_t>> FindContradictions(
    const std::vector<Claim>& claims) {
  // Claims that differ only in their value share this key.
  std::map<std::string, std::vector<const Claim*>> groups;
  for (const Claim& claim : claims) {
    if (!claim.has_value()) continue;
    Claim without_value = claim;
    without_value.mutable_value()->Clear();
    without_value.mutable_value()->set_unit(claim.value().unit());
    groups[ClaimIdentity(without_value)].push_back(&claim);
  }
  std::map<uint64_t, std::vector<uint64_t>> out;
  for (const auto& [key, group] : groups) {
    for (const Claim* a : group) {
      for (const Claim* b : group) {
        if (a != b && ClaimIdentity(*a) != ClaimIdentity(*b)) {
          out[a->id()].push_back(b->id());
        }
      }
    }
  }
  // A denial contradicts the claims that affirm what it denies.
  std::map<std::string, std::vector<const Claim*>> by_affirmed;
  for (const Claim& claim : claims) {
    by_affirmed[AffirmedIdentity(claim)].push_back(&claim);
  }
  for (const auto& [key, group] : by_affirmed) {
    for (const Claim* a : group) {
      for (const Claim* b : group) {
        if ((Denies(*a) && Affirms(*b)) || (Affirms(*a) && Denies(*b))) {
          out[a->id()].push_back(b->id());
        }
      }
    }
  }
  return out;
}

}  // namespace claimgraph
