// Claims from appositions (SentenceClaims::FromApposition): "Dana
// Whitaker, a spokesperson for ICE" -> hold_role; "X, a member of Y".

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "extract/builder.h"
#include "extract/builder_internal.h"
#include "model/claim.h"
#include "model/names.h"

namespace claimgraph {

using extract_internal::AddQualifier;
using extract_internal::IsRoleNoun;

std::optional<ExtractedClaim> SentenceClaims::FromApposition(
    const Proposition& p) {
  auto person = EntityFor(p.subject, false);
  if (!person || p.arguments.empty()) return std::nullopt;
  bool role_noun = IsRoleNoun(
      AsciiLower(sentence_.words[p.arguments[0].phrase.head - 1].lemma));
  if (person->type() != PERSON && !(person->type() == OTHER && role_noun)) {
    return std::nullopt;
  }
  if (person->type() == OTHER) {
    person->set_type(PERSON);
    memory_->Remember(*person);
  }
  const Phrase& role = p.arguments[0].phrase;
  for (int k : role.words) {
    const NameMention* org = NameAt(k);
    if (!org || org->entity.type() == PERSON || org->entity.type() == LOCATION)
      continue;
    // "Sen. Jeff Merkley, an Oregon Democrat": no role without a role noun
    // or an organisation.
    EntityType t = org->entity.type();
    if (!role_noun && t != AGENCY && t != COMPANY && t != ORGANIZATION)
      continue;
    std::vector<int> role_words;
    for (int j : role.words) {
      if (j < org->first - 1 ||
          (j < org->first &&
           !std::set<std::string>{"at", "of", "for", "with", "the"}.contains(
               AsciiLower(sentence_.words[j - 1].form)))) {
        role_words.push_back(j);
      }
    }
    while (!role_words.empty() &&
           std::set<std::string>{"at", "of", "for", "with", "the", "a", "an"}
               .contains(
                   AsciiLower(sentence_.words[role_words.back() - 1].form))) {
      role_words.pop_back();
    }
    return RoleClaim(p, *person, org->entity, role_words);
  }
  // "Holly Beckett, the company's head of communications"; "a spokesperson
  // for the department": the organisation by coreference.
  for (int k : role.words) {
    const Word& kw = sentence_.words[k - 1];
    if (kw.upos != "NOUN" || k == role.head) continue;
    bool definite = false;
    for (int c : Children(k))
      definite = definite || AsciiLower(sentence_.words[c - 1].form) == "the";
    if (!definite) continue;
    auto org = Antecedent(k, "", AsciiLower(kw.lemma));
    if (!org) continue;
    std::vector<int> role_words;
    for (int j : role.words) {
      if (!Dominates(k, j)) role_words.push_back(j);
    }
    while (!role_words.empty() &&
           std::set<std::string>{"for", "of", "at", "with"}.contains(
               AsciiLower(sentence_.words[role_words.back() - 1].form))) {
      role_words.pop_back();
    }
    return RoleClaim(p, *person, *org, role_words);
  }
  return std::nullopt;
}

ExtractedClaim SentenceClaims::RoleClaim(const Proposition& p,
                                         const Entity& person,
                                         const Entity& org,
                                         const std::vector<int>& role_words) {
  std::string role_text = WordsText(sentence_, role_words);
  for (const char* article : {"a ", "an ", "the "}) {
    if (AsciiLower(role_text).rfind(article, 0) == 0)
      role_text = role_text.substr(std::string(article).size());
  }
  // "a member of the council" is membership, not a role.
  bool member =
      AsciiLower(sentence_.words[p.arguments[0].phrase.head - 1].lemma) ==
      "member";
  ExtractedClaim out;
  out.rule = member ? "appos-member" : "appos-role";
  out.claim = NewClaim(p, out.rule);
  *out.claim.mutable_subject() = person;
  out.claim.set_predicate(member ? "member_of" : "hold_role");
  out.claim.set_predicate_text("");
  *out.claim.mutable_object() = org;
  if (!member) AddQualifier("role", role_text, &out.claim);
  AddAttribution(p, &out.claim);
  return out;
}

}  // namespace claimgraph
