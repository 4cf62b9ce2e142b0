// Claims from noun phrases rather than clauses (SentenceClaims::
// NominalClaims): places, roles, kinds and costs.

#include <optional>

#include "extract/builder.h"
#include "extract/builder_internal.h"
#include "model/claim.h"
#include "model/names.h"

namespace claimgraph {

using extract_internal::AddQualifier;
using extract_internal::IsActorNoun;
using extract_internal::IsDate;
using extract_internal::IsOrganisation;
using extract_internal::IsQuantity;
using extract_internal::IsRoleNoun;
using extract_internal::IsUnitNoun;
using extract_internal::NamingVerbs;
using extract_internal::PlaceMarkers;
using extract_internal::ProgramNouns;
using extract_internal::ToQuantity;

ExtractedClaim SentenceClaims::Nominal(const std::string& rule,
                                       const Entity& subject,
                                       const std::string& predicate,
                                       double confidence) const {
  Proposition p;
  p.confidence = confidence;
  ExtractedClaim out;
  out.rule = rule;
  out.claim = NewClaim(p, rule);
  out.claim.set_predicate_text("");
  *out.claim.mutable_subject() = subject;
  out.claim.set_predicate(predicate);
  out.claim.mutable_attribution()->set_stance(ASSERTED);
  return out;
}

std::vector<ExtractedClaim> SentenceClaims::NominalClaims() {
  std::vector<ExtractedClaim> out;
  const auto& words = sentence_.words;
  auto form = [&](int i) { return AsciiLower(words[i - 1].form); };
  int n = static_cast<int>(words.size());
  // "Mission, Texas": a place, a comma, and the state or country it is in.
  for (size_t i = 0; i + 1 < names_.size(); ++i) {
    const NameMention& a = names_[i];
    const NameMention& b = names_[i + 1];
    const KnownEntity* region = memory_->lexicon().FindEntity(b.entity.name());
    if (a.entity.type() == LOCATION && region && region->region &&
        b.first == a.last + 2 && form(a.last + 1) == ",") {
      ExtractedClaim c = Nominal("city-state", a.entity, "locate_in", 0.8);
      *c.claim.mutable_object() = b.entity;
      out.push_back(std::move(c));
    }
  }
  // "the Anzalduas border crossing in Texas": a named place and, after
  // "in", a state or country the lexicon knows: the place is in it.
  for (size_t i = 0; i + 1 < names_.size(); ++i) {
    const NameMention& a = names_[i];
    const NameMention& b = names_[i + 1];
    const KnownEntity* region = memory_->lexicon().FindEntity(b.entity.name());
    if (a.entity.type() != LOCATION || !region || !region->region ||
        b.first != a.last + 2 || form(a.last + 1) != "in")
      continue;
    // The parse must hang the region on the place's phrase.
    int head = b.last;
    while (head > 0 && head >= b.first && words[head - 1].head >= b.first &&
           words[head - 1].head <= b.last)
      head = words[head - 1].head;
    int on = words[head - 1].head;
    if (on < a.first || on > a.last || words[head - 1].deprel != "nmod")
      continue;
    ExtractedClaim c = Nominal("place-in-region", a.entity, "locate_in", 0.7);
    *c.claim.mutable_object() = b.entity;
    out.push_back(std::move(c));
  }
  // "the University of Toronto's Citizen Lab": an organisation's unit.
  for (size_t i = 0; i + 1 < names_.size(); ++i) {
    const NameMention& whole = names_[i];
    const NameMention& unit = names_[i + 1];
    if (IsOrganizationType(whole.entity.type()) &&
        IsOrganizationType(unit.entity.type()) &&
        unit.first == whole.last + 2 &&
        (form(whole.last + 1) == "'s" || form(whole.last + 1) == "\u2019s")) {
      ExtractedClaim c =
          Nominal("possessive-part", unit.entity, "part_of", 0.7);
      *c.claim.mutable_object() = whole.entity;
      out.push_back(std::move(c));
    }
  }
  for (int i = 1; i <= n; ++i) {
    if (auto c = ContractWith(i)) out.push_back(std::move(*c));
    if (auto c = ContractorOf(i)) out.push_back(std::move(*c));
    if (auto c = PlaceOfCompany(i)) out.push_back(std::move(*c));
  }
  for (int i = 1; i <= n; ++i) {
    const Word& w = words[i - 1];
    // "a $30 million platform called ImmigrationOS": what it costs.
    if (w.deprel == "acl" && NamingVerbs().contains(AsciiLower(w.lemma)) &&
        w.head > 0) {
      Phrase noun{w.head, {}};
      for (int k = 1; k <= n; ++k) {
        for (int at = k, steps = 0; at > 0 && steps < 8;
             at = words[at - 1].head, ++steps) {
          if (at == w.head) {
            noun.words.push_back(k);
            break;
          }
        }
      }
      std::optional<Entity> named = EntityFor(noun, false);
      for (const Mention* m : MentionsIn(noun)) {
        if (m->type != MentionType::kCurrency || !named) continue;
        ExtractedClaim c = Nominal("named-cost", *named, "cost", 0.7);
        *c.claim.mutable_value() = ToQuantity(*m);
        out.push_back(std::move(c));
        break;
      }
    }
    // "the Denver-based company": the phrase the adjective modifies.
    if (form(i) == "based" && i > 2 && form(i - 1) == "-") {
      const NameMention* place = NameAt(i - 2);
      int noun = w.head;
      if (place && place->entity.type() == LOCATION && noun > 0) {
        Phrase phrase{noun, {noun}};
        for (int k : Children(noun)) {
          if (form(k) == "the") phrase.words.insert(phrase.words.begin(), k);
        }
        if (auto e = EntityFor(phrase, false)) {
          ExtractedClaim c = Nominal("x-based", *e, "locate_in", 0.75);
          *c.claim.mutable_object() = place->entity;
          out.push_back(std::move(c));
        }
      }
    }
    // "X, a Y": X is a Y (when X is not a person).
    // (Not when the "apposition" holds a clause of its own: ", where
    // tribal leaders have long opposed border surveillance".)
    if (w.upos == "NOUN" && !HoldsClause(i)) {
      const NameMention* name =
          w.deprel == "appos" && w.head > 0 ? NameAt(w.head) : ApposedName(i);
      std::optional<ExtractedClaim> whole;
      if (name && name->entity.type() != PERSON)
        whole = WholeOf(i, name->entity);
      if (whole) out.push_back(std::move(*whole));
      if (name && name->entity.type() != PERSON && !whole &&
          !IsRoleNoun(AsciiLower(w.lemma))) {
        std::string core;
        for (int k = 1; k <= i; ++k) {
          const Word& kw = words[k - 1];
          // A modifier of i, directly or through other modifiers
          // ("digital rights group").
          auto is_modifier = [&](const Word& x) {
            return x.deprel == "compound" || x.deprel == "amod" ||
                   x.deprel == "nmod:npmod";
          };
          bool modifier = false;
          for (int at = k, steps = 0; at > 0 && at < i && steps < 4; ++steps) {
            const Word& aw = words[at - 1];
            if (!is_modifier(aw)) break;
            if (aw.head == i) modifier = true;
            at = aw.head;
          }
          if ((modifier || k == i) && !NameAt(k))
            core += (core.empty() ? "" : " ") + kw.form;
          if (modifier && NameAt(k) && NameAt(k)->entity.type() == LOCATION) {
            ExtractedClaim c =
                Nominal("appos-place", name->entity, "locate_in", 0.7);
            *c.claim.mutable_object() = NameAt(k)->entity;
            out.push_back(std::move(c));
          }
        }
        // "X, a company based in Atlanta".
        for (int acl : Children(i)) {
          std::string l = AsciiLower(words[acl - 1].lemma);
          if (words[acl - 1].deprel != "acl" ||
              (l != "base" && l != "headquarter" && l != "locate")) {
            continue;
          }
          for (int obl : Children(acl)) {
            const NameMention* place = NameAt(obl);
            if (place && place->entity.type() == LOCATION &&
                words[obl - 1].deprel.rfind("obl", 0) == 0) {
              ExtractedClaim c =
                  Nominal("appos-based-in", name->entity, "locate_in", 0.75);
              *c.claim.mutable_object() = place->entity;
              out.push_back(std::move(c));
              break;
            }
          }
        }
        // "a law and policy institute" parsed as "law" and a conjunct.
        core = CoordinatedKind(i, core);
        if (auto unit = UnitOf(i, name->entity)) out.push_back(*unit);
        // A lone generic noun ("a company") says little.
        if (core.find(' ') != std::string::npos) {
          ExtractedClaim c = Nominal("appos-is-a", name->entity, "is_a", 0.7);
          Entity kind;
          kind.set_name(core);
          kind.set_type(OTHER);
          *c.claim.mutable_object() = kind;
          out.push_back(std::move(c));
        }
      }
    }
  }
  // "ICE spokesperson Dana Whitaker", "TSA Administrator David Pekoske",
  // "Boston Mayor Carla Whitfield": an organisation or place, role words,
  // then a person.
  for (size_t i = 0; i < names_.size(); ++i) {
    const NameMention& person = names_[i];
    if (person.entity.type() != PERSON) continue;
    std::string title = person.entity.title();
    const NameMention* org = nullptr;
    std::string role;
    if (i > 0 && names_[i - 1].entity.type() != PERSON) {
      const NameMention& before = names_[i - 1];
      bool roles_between = person.first > before.last + 1;
      std::string between;
      for (int k = before.last + 1; k < person.first && roles_between; ++k) {
        roles_between =
            words[k - 1].upos == "NOUN" || words[k - 1].upos == "PROPN";
        between += (between.empty() ? "" : " ") + words[k - 1].form;
      }
      if (roles_between) {
        org = &before;
        role = between;
      }
    }
    // "Agency spokesperson Joanna Pruitt": a generic noun for the
    // organisation, then role words.
    std::optional<Entity> generic;
    if (!org && title.empty() && person.first > 2 && i == 0) {
      int noun = 0;
      for (int k = person.first - 1; k >= 1; --k) {
        const Word& kw = words[k - 1];
        if (kw.upos != "NOUN" && kw.upos != "PROPN") break;
        if (IsRoleNoun(AsciiLower(kw.lemma))) continue;
        noun = k;
        break;
      }
      if (noun > 0 && noun < person.first - 1) {
        generic = Antecedent(noun, "", AsciiLower(words[noun - 1].lemma));
        for (int k = noun + 1; k < person.first; ++k)
          role += (role.empty() ? "" : " ") + words[k - 1].form;
      }
    }
    if (generic) {
      ExtractedClaim c =
          Nominal("generic-role-person", person.entity, "hold_role", 0.65);
      *c.claim.mutable_object() = *generic;
      AddQualifier("role", role, &c.claim);
      out.push_back(std::move(c));
      continue;
    }
    if (!org && !title.empty()) {
      // The title may begin with a name: "Boston Mayor".
      size_t space = title.rfind(' ');
      if (space != std::string::npos) {
        std::string prefix = title.substr(0, space);
        const KnownEntity* known = memory_->lexicon().FindEntity(prefix);
        // "U.S. Attorney" names an office, not a role at the United States.
        if (known && known->region && NormalizeName(prefix) == "us")
          known = nullptr;
        if (known) {
          ExtractedClaim c =
              Nominal("title-role", person.entity, "hold_role", 0.7);
          Entity place;
          place.set_name(known->name);
          place.set_type(known->type);
          *c.claim.mutable_object() = place;
          AddQualifier("role", title.substr(space + 1), &c.claim);
          out.push_back(std::move(c));
        } else if (auto unit = UnitInTitle(title)) {
          ExtractedClaim c =
              Nominal("title-unit-role", person.entity, "hold_role", 0.65);
          *c.claim.mutable_object() = unit->first;
          AddQualifier("role", unit->second, &c.claim);
          out.push_back(std::move(c));
        }
      }
      continue;
    }
    if (!org) continue;
    ExtractedClaim c =
        Nominal("org-role-person", person.entity, "hold_role", 0.7);
    *c.claim.mutable_object() = org->entity;
    AddQualifier("role", role.empty() ? title : role, &c.claim);
    out.push_back(std::move(c));
  }
  return out;
}

bool SentenceClaims::HoldsClause(int head) const {
  // A subject or a wh-word among the words the head dominates before it.
  for (int k = 1; k < head; ++k) {
    const Word& kw = sentence_.words[k - 1];
    if (!Dominates(head, k)) continue;
    if (kw.deprel.rfind("nsubj", 0) == 0 || kw.xpos == "WRB" ||
        kw.xpos == "WDT" || kw.xpos == "WP")
      return true;
  }
  return false;
}

std::optional<ExtractedClaim> SentenceClaims::ContractWith(int noun) {
  // "ICE's contract with FaceTrace Inc.", "ICE has lifted a stop-work order
  // on a contract with Halyard": the owner (possessor, else the subject of
  // the clause) contracts the party after "with".
  const auto& words = sentence_.words;
  const Word& w = words[noun - 1];
  std::string lemma = AsciiLower(w.lemma);
  if (w.upos != "NOUN" ||
      (lemma != "contract" && lemma != "agreement" && lemma != "deal"))
    return std::nullopt;
  std::optional<Entity> party, owner;
  for (int k : Children(noun)) {
    const Word& kw = words[k - 1];
    if (kw.deprel == "nmod:poss") owner = EntityFor(Phrase{k, {k}}, false);
    if (kw.deprel != "nmod") continue;
    for (int c : Children(k)) {
      if (words[c - 1].deprel == "case" &&
          AsciiLower(words[c - 1].form) == "with")
        party = EntityFor(Phrase{k, {k}}, false);
    }
  }
  if (!IsOrganisation(party)) return std::nullopt;
  if (!owner) {
    // Up through "on"/"of" attachments to the verb, then its subject.
    int at = noun;
    for (int steps = 0; at > 0 && steps < 4; ++steps) {
      const Word& aw = words[at - 1];
      if (aw.upos == "VERB") break;
      at = aw.head;
    }
    if (at > 0 && words[at - 1].upos == "VERB") {
      for (int k : Children(at)) {
        if (words[k - 1].deprel == "nsubj")
          owner = EntityFor(Phrase{k, {k}}, false);
      }
    }
  }
  if (!IsOrganisation(owner) || owner->name() == party->name())
    return std::nullopt;
  // The government side is the one that contracts ("Palantir's contracts
  // with ICE": ICE contracted Palantir).
  if (owner->type() != AGENCY && party->type() == AGENCY)
    std::swap(owner, party);
  ExtractedClaim c = Nominal("contract-with", *owner, "contract", 0.65);
  *c.claim.mutable_object() = *party;
  return c;
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
