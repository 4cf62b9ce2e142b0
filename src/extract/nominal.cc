// Claims from noun phrases rather than clauses (SentenceClaims::
// NominalClaims): places, roles, kinds and costs.

#include <optional>

#include "extract/builder.h"
#include "extract/builder_internal.h"
#include "model/claim.h"
#include "model/names.h"

namespace claimgraph {

using extract_internal::IsOrganisation;
using extract_internal::IsRoleNoun;
using extract_internal::NamingVerbs;
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
  auto add = [&out](std::optional<ExtractedClaim> c) {
    if (c) out.push_back(std::move(*c));
  };
  // Each kind over the whole sentence in turn: the order of the output
  // decides which of two claims with one key is kept (Build).
  for (size_t i = 0; i + 1 < names_.size(); ++i)
    add(CityState(names_[i], names_[i + 1]));
  for (size_t i = 0; i + 1 < names_.size(); ++i)
    add(PlaceInRegion(names_[i], names_[i + 1]));
  for (size_t i = 0; i + 1 < names_.size(); ++i)
    add(PossessiveUnit(names_[i], names_[i + 1]));
  int n = static_cast<int>(sentence_.words.size());
  for (int i = 1; i <= n; ++i) {
    add(ContractWith(i));
    add(ContractorOf(i));
    add(PlaceOfCompany(i));
  }
  for (int i = 1; i <= n; ++i) {
    add(NamedCost(i));
    add(BasedCompound(i));
    ApposedKind(i, &out);
  }
  for (size_t i = 0; i < names_.size(); ++i) add(PersonRole(i));
  return out;
}

std::optional<ExtractedClaim> SentenceClaims::CityState(const NameMention& a,
                                                        const NameMention& b) {
  // "Mission, Texas": a place, a comma, and the state or country it is in.
  const KnownEntity* region = memory_->lexicon().FindEntity(b.entity.name());
  if (a.entity.type() != LOCATION || !region || !region->region ||
      b.first != a.last + 2 || AsciiLower(FormAt(a.last + 1)) != ",")
    return std::nullopt;
  ExtractedClaim c = Nominal("city-state", a.entity, "locate_in", 0.8);
  *c.claim.mutable_object() = b.entity;
  return c;
}

std::optional<ExtractedClaim> SentenceClaims::PlaceInRegion(
    const NameMention& a, const NameMention& b) {
  // "the Anzalduas border crossing in Texas": a named place and, after
  // "in", a state or country the lexicon knows: the place is in it.
  const auto& words = sentence_.words;
  const KnownEntity* region = memory_->lexicon().FindEntity(b.entity.name());
  if (a.entity.type() != LOCATION || !region || !region->region ||
      b.first != a.last + 2 || AsciiLower(FormAt(a.last + 1)) != "in")
    return std::nullopt;
  // The parse must hang the region on the place's phrase.
  int head = b.last;
  while (head > 0 && head >= b.first && words[head - 1].head >= b.first &&
         words[head - 1].head <= b.last)
    head = words[head - 1].head;
  int on = words[head - 1].head;
  if (on < a.first || on > a.last || words[head - 1].deprel != "nmod")
    return std::nullopt;
  ExtractedClaim c = Nominal("place-in-region", a.entity, "locate_in", 0.7);
  *c.claim.mutable_object() = b.entity;
  return c;
}

std::optional<ExtractedClaim> SentenceClaims::PossessiveUnit(
    const NameMention& whole, const NameMention& unit) {
  // "the University of Toronto's Citizen Lab": an organisation's unit.
  std::string clitic = AsciiLower(FormAt(whole.last + 1));
  if (!IsOrganizationType(whole.entity.type()) ||
      !IsOrganizationType(unit.entity.type()) || unit.first != whole.last + 2 ||
      (clitic != "'s" && clitic != "\u2019s"))
    return std::nullopt;
  ExtractedClaim c = Nominal("possessive-part", unit.entity, "part_of", 0.7);
  *c.claim.mutable_object() = whole.entity;
  return c;
}

std::optional<ExtractedClaim> SentenceClaims::NamedCost(int word) {
  // "a $30 million platform called ImmigrationOS": what it costs.
  const auto& words = sentence_.words;
  const Word& w = words[word - 1];
  if (w.deprel != "acl" || !NamingVerbs().contains(AsciiLower(w.lemma)) ||
      w.head <= 0)
    return std::nullopt;
  Phrase noun{w.head, {}};
  int n = static_cast<int>(words.size());
  for (int k = 1; k <= n; ++k) {
    for (int at = k, steps = 0; at > 0 && steps < 8;
         at = words[at - 1].head, ++steps) {
      if (at == w.head) {
        noun.words.push_back(k);
        break;
      }
    }
  }
  // (Resolved even without a cost: resolution remembers program names.)
  std::optional<Entity> named = EntityFor(noun, false);
  if (!named) return std::nullopt;
  for (const Mention* m : MentionsIn(noun)) {
    if (m->type != MentionType::kCurrency) continue;
    ExtractedClaim c = Nominal("named-cost", *named, "cost", 0.7);
    *c.claim.mutable_value() = ToQuantity(*m);
    return c;
  }
  return std::nullopt;
}

std::optional<ExtractedClaim> SentenceClaims::BasedCompound(int word) {
  // "the Denver-based company": the phrase the adjective modifies.
  if (word <= 2 || AsciiLower(FormAt(word)) != "based" ||
      FormAt(word - 1) != "-")
    return std::nullopt;
  const NameMention* place = NameAt(word - 2);
  int noun = sentence_.words[word - 1].head;
  if (!place || place->entity.type() != LOCATION || noun <= 0)
    return std::nullopt;
  Phrase phrase{noun, {noun}};
  for (int k : Children(noun)) {
    if (AsciiLower(FormAt(k)) == "the")
      phrase.words.insert(phrase.words.begin(), k);
  }
  auto e = EntityFor(phrase, false);
  if (!e) return std::nullopt;
  ExtractedClaim c = Nominal("x-based", *e, "locate_in", 0.75);
  *c.claim.mutable_object() = place->entity;
  return c;
}

void SentenceClaims::ApposedKind(int word, std::vector<ExtractedClaim>* out) {
  // "X, a Y": X is a Y (when X is not a person).
  // (Not when the "apposition" holds a clause of its own: ", where
  // tribal leaders have long opposed border surveillance".)
  const Word& w = sentence_.words[word - 1];
  if (w.upos != "NOUN" || HoldsClause(word)) return;
  const NameMention* name =
      w.deprel == "appos" && w.head > 0 ? NameAt(w.head) : ApposedName(word);
  if (!name || name->entity.type() == PERSON) return;
  if (auto whole = WholeOf(word, name->entity)) {
    out->push_back(std::move(*whole));
    return;
  }
  if (IsRoleNoun(AsciiLower(w.lemma))) return;
  std::string core = KindWords(word, name->entity, out);
  if (auto based = BasedInClause(word, name->entity))
    out->push_back(std::move(*based));
  // "a law and policy institute" parsed as "law" and a conjunct.
  core = CoordinatedKind(word, core);
  if (auto unit = UnitOf(word, name->entity)) out->push_back(*unit);
  // A lone generic noun ("a company") says little.
  if (core.find(' ') == std::string::npos) return;
  ExtractedClaim c = Nominal("appos-is-a", name->entity, "is_a", 0.7);
  c.word = word;
  Entity kind;
  kind.set_name(core);
  kind.set_type(OTHER);
  *c.claim.mutable_object() = kind;
  out->push_back(std::move(c));
}

std::string SentenceClaims::KindWords(int head, const Entity& name,
                                      std::vector<ExtractedClaim>* out) {
  // The head and its unnamed modifiers, directly or through other modifiers
  // ("digital rights group"); a named place among the modifiers is where
  // the named thing is ("a Texas company").
  const auto& words = sentence_.words;
  auto is_modifier = [](const Word& x) {
    return x.deprel == "compound" || x.deprel == "amod" ||
           x.deprel == "nmod:npmod";
  };
  std::string core;
  for (int k = 1; k <= head; ++k) {
    bool modifier = false;
    for (int at = k, steps = 0; at > 0 && at < head && steps < 4; ++steps) {
      const Word& aw = words[at - 1];
      if (!is_modifier(aw)) break;
      if (aw.head == head) modifier = true;
      at = aw.head;
    }
    const NameMention* named = NameAt(k);
    if ((modifier || k == head) && !named)
      core += (core.empty() ? "" : " ") + words[k - 1].form;
    if (modifier && named && named->entity.type() == LOCATION) {
      ExtractedClaim c = Nominal("appos-place", name, "locate_in", 0.7);
      *c.claim.mutable_object() = named->entity;
      out->push_back(std::move(c));
    }
  }
  return core;
}

std::optional<ExtractedClaim> SentenceClaims::BasedInClause(
    int head, const Entity& name) {
  // "X, a company based in Atlanta".
  const auto& words = sentence_.words;
  for (int acl : Children(head)) {
    std::string l = AsciiLower(words[acl - 1].lemma);
    if (words[acl - 1].deprel != "acl" ||
        (l != "base" && l != "headquarter" && l != "locate")) {
      continue;
    }
    for (int obl : Children(acl)) {
      const NameMention* place = NameAt(obl);
      if (place && place->entity.type() == LOCATION &&
          words[obl - 1].deprel.rfind("obl", 0) == 0) {
        ExtractedClaim c = Nominal("appos-based-in", name, "locate_in", 0.75);
        *c.claim.mutable_object() = place->entity;
        return c;
      }
    }
  }
  return std::nullopt;
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

}  // namespace claimgraph
