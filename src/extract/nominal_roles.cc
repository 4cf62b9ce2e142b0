// Roles of people named in noun phrases (SentenceClaims::PersonRole):
// "ICE spokesperson Dana Whitaker", "Boston Mayor Carla Whitfield",
// "Agency spokesperson Joanna Pruitt".

#include <optional>
#include <string>

#include "extract/builder.h"
#include "extract/builder_internal.h"
#include "model/claim.h"
#include "model/names.h"

namespace claimgraph {

using extract_internal::AddQualifier;
using extract_internal::IsRoleNoun;
using extract_internal::IsUnitNoun;

std::optional<ExtractedClaim> SentenceClaims::PersonRole(size_t name_index) {
  const NameMention& person = names_[name_index];
  if (person.entity.type() != PERSON) return std::nullopt;
  std::string role;
  const NameMention* org = OrganisationBefore(name_index, &role);
  const std::string& title = person.entity.title();
  if (!org && title.empty() && name_index == 0) {
    if (auto c = GenericBodyRole(person)) return c;
  }
  if (!org && !title.empty()) return TitleRole(person.entity, title);
  if (!org) return std::nullopt;
  ExtractedClaim c =
      Nominal("org-role-person", person.entity, "hold_role", 0.7);
  *c.claim.mutable_object() = org->entity;
  AddQualifier("role", role.empty() ? title : role, &c.claim);
  return c;
}

const NameMention* SentenceClaims::OrganisationBefore(size_t name_index,
                                                      std::string* role) const {
  // "ICE spokesperson Dana Whitaker", "TSA Administrator David Pekoske": a
  // name that is no person, role words (nouns), then the person.
  if (name_index == 0) return nullptr;
  const NameMention& person = names_[name_index];
  const NameMention& before = names_[name_index - 1];
  if (before.entity.type() == PERSON || person.first <= before.last + 1)
    return nullptr;
  std::string between;
  for (int k = before.last + 1; k < person.first; ++k) {
    const std::string& upos = sentence_.words[k - 1].upos;
    if (upos != "NOUN" && upos != "PROPN") return nullptr;
    between += (between.empty() ? "" : " ") + FormAt(k);
  }
  *role = between;
  return &before;
}

std::optional<ExtractedClaim> SentenceClaims::GenericBodyRole(
    const NameMention& person) {
  // "Agency spokesperson Joanna Pruitt": a generic noun for the
  // organisation, then role words.
  if (person.first <= 2) return std::nullopt;
  const auto& words = sentence_.words;
  int noun = 0;
  for (int k = person.first - 1; k >= 1; --k) {
    const Word& kw = words[k - 1];
    if (kw.upos != "NOUN" && kw.upos != "PROPN") break;
    if (IsRoleNoun(AsciiLower(kw.lemma))) continue;
    noun = k;
    break;
  }
  if (noun == 0 || noun >= person.first - 1) return std::nullopt;
  std::optional<Entity> body =
      Antecedent(noun, "", AsciiLower(words[noun - 1].lemma));
  if (!body) return std::nullopt;
  std::string role;
  for (int k = noun + 1; k < person.first; ++k)
    role += (role.empty() ? "" : " ") + FormAt(k);
  ExtractedClaim c =
      Nominal("generic-role-person", person.entity, "hold_role", 0.65);
  *c.claim.mutable_object() = *body;
  AddQualifier("role", role, &c.claim);
  return c;
}

std::optional<ExtractedClaim> SentenceClaims::TitleRole(
    const Entity& person, const std::string& title) const {
  // The title may begin with a name: "Boston Mayor", "Tucson Sector Chief
  // Patrol Agent".
  size_t space = title.rfind(' ');
  if (space == std::string::npos) return std::nullopt;
  std::string prefix = title.substr(0, space);
  const KnownEntity* known = memory_->lexicon().FindEntity(prefix);
  // "U.S. Attorney" names an office, not a role at the United States.
  if (known && known->region && NormalizeName(prefix) == "us") known = nullptr;
  if (known) {
    ExtractedClaim c = Nominal("title-role", person, "hold_role", 0.7);
    Entity place;
    place.set_name(known->name);
    place.set_type(known->type);
    *c.claim.mutable_object() = place;
    AddQualifier("role", title.substr(space + 1), &c.claim);
    return c;
  }
  if (auto unit = UnitInTitle(title)) {
    ExtractedClaim c = Nominal("title-unit-role", person, "hold_role", 0.65);
    *c.claim.mutable_object() = unit->first;
    AddQualifier("role", unit->second, &c.claim);
    return c;
  }
  return std::nullopt;
}

std::optional<std::pair<Entity, std::string>> SentenceClaims::UnitInTitle(
    const std::string& title) const {
  // "Tucson Sector Chief Patrol Agent": a place and a unit noun ("Sector",
  // "Office"), then the role.
  std::vector<std::string> words;
  for (size_t start = 0; start < title.size();) {
    size_t space = title.find(' ', start);
    if (space == std::string::npos) space = title.size();
    words.push_back(title.substr(start, space - start));
    start = space + 1;
  }
  for (size_t k = 1; k + 1 < words.size(); ++k) {
    if (!IsUnitNoun(AsciiLower(words[k]))) continue;
    std::string unit, role;
    for (size_t j = 0; j < words.size(); ++j) {
      std::string& part = j <= k ? unit : role;
      part += (part.empty() ? "" : " ") + words[j];
    }
    Entity e;
    e.set_name(unit);
    e.set_type(OTHER);
    return std::make_pair(e, role);
  }
  return std::nullopt;
}

}  // namespace claimgraph
