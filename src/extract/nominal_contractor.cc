// Small nominal relations of companies (docs/extraction-gold.md): "X has
// become one of the contractors of Y", "X, a vendor to Y" (Y contracts X);
// "the Denver company" (the company is in Denver); "X, a law and policy
// institute at Y" (a kind written as a coordination; X part_of Y).

#include <optional>
#include <set>
#include <string>

#include "extract/builder.h"
#include "extract/builder_internal.h"

namespace claimgraph {

using extract_internal::IsOrganisation;

std::optional<ExtractedClaim> SentenceClaims::ContractorOf(int noun) {
  const auto& words = sentence_.words;
  const Word& w = words[noun - 1];
  std::string lemma = AsciiLower(w.lemma);
  if (w.upos != "NOUN" ||
      (lemma != "contractor" && lemma != "vendor" && lemma != "supplier"))
    return std::nullopt;
  std::optional<Entity> client;
  for (int k : Children(noun)) {
    if (words[k - 1].deprel != "nmod") continue;
    for (int c : Children(k)) {
      std::string marker = AsciiLower(words[c - 1].form);
      if (words[c - 1].deprel == "case" &&
          (marker == "of" || marker == "to" || marker == "for"))
        client = EntityFor(Phrase{k, {k}}, false);
    }
  }
  if (!IsOrganisation(client)) return std::nullopt;
  // Up from "one of the contractors" to what it is said of: the subject of
  // "become"/"remain"/a copula, or the name it is in apposition to.
  int at = noun;
  for (int steps = 0;
       steps < 3 && words[at - 1].deprel == "nmod" && words[at - 1].head > 0;
       ++steps) {
    at = words[at - 1].head;
  }
  int holder = 0;
  const Word& aw = words[at - 1];
  if (aw.deprel == "appos") holder = aw.head;
  int predicate = at;
  if ((aw.deprel == "obj" || aw.deprel == "xcomp") && aw.head > 0) {
    std::string verb = AsciiLower(words[aw.head - 1].lemma);
    if (verb == "become" || verb == "remain") predicate = aw.head;
  }
  for (int k : Children(predicate)) {
    if (holder == 0 && words[k - 1].deprel == "nsubj") holder = k;
  }
  if (holder == 0) return std::nullopt;
  std::optional<Entity> contractor = EntityFor(Phrase{holder, {holder}}, false);
  if (!IsOrganisation(contractor) || contractor->name() == client->name())
    return std::nullopt;
  ExtractedClaim c = Nominal("contractor-of", *client, "contract", 0.65);
  *c.claim.mutable_object() = *contractor;
  return c;
}

std::optional<ExtractedClaim> SentenceClaims::PlaceOfCompany(int noun) {
  // "The Denver company reported ...": a place right before a definite
  // noun for a company locates the company that noun refers to.
  const auto& words = sentence_.words;
  const Word& w = words[noun - 1];
  std::string lemma = AsciiLower(w.lemma);
  if (w.upos != "NOUN" || noun < 3 ||
      (lemma != "company" && lemma != "firm" && lemma != "contractor"))
    return std::nullopt;
  const NameMention* place = NameAt(noun - 1);
  if (!place || place->last != noun - 1 || place->entity.type() != LOCATION ||
      AsciiLower(words[place->first - 2].form) != "the" ||
      words[place->first - 2].head != noun)
    return std::nullopt;
  std::optional<Entity> company = Antecedent(noun, "", lemma);
  if (!IsOrganisation(company)) return std::nullopt;
  ExtractedClaim c = Nominal("place-company", *company, "locate_in", 0.7);
  *c.claim.mutable_object() = place->entity;
  return c;
}

std::string SentenceClaims::CoordinatedKind(int head,
                                            const std::string& core) const {
  // "a law and policy institute": the head, "and", and a conjunct right
  // after it with only its compound modifiers between read as one kind.
  const auto& words = sentence_.words;
  for (int c : Children(head)) {
    if (words[c - 1].deprel != "conj" || c < head + 2 ||
        AsciiLower(words[head].form) != "and")
      continue;
    bool compounds = true;
    for (int k = head + 2; k < c; ++k)
      compounds = compounds && words[k - 1].deprel == "compound" &&
                  words[k - 1].head == c;
    if (!compounds) continue;
    std::vector<int> span;
    for (int k = head; k <= c; ++k) span.push_back(k);
    std::string before = core.substr(0, core.rfind(words[head - 1].form));
    return before + WordsText(sentence_, span);
  }
  return core;
}

std::optional<ExtractedClaim> SentenceClaims::UnitOf(int head,
                                                     const Entity& unit) {
  // "the Brennan Center for Justice, a law and policy institute at New York
  // University": a unit-like kind "at"/"of" an organisation is part of it.
  static const std::set<std::string> kKinds = {
      "institute", "center", "lab",    "laboratory", "school",
      "program",   "unit",   "office", "division",   "clinic"};
  const auto& words = sentence_.words;
  std::vector<int> kinds = {head};
  for (int c : Children(head)) {
    if (words[c - 1].deprel == "conj") kinds.push_back(c);
  }
  bool kind = false;
  for (int k : kinds)
    kind = kind || kKinds.contains(AsciiLower(words[k - 1].lemma));
  if (!kind) return std::nullopt;
  for (int k : kinds) {
    for (int m : Children(k)) {
      const NameMention* whole = NameAt(m);
      if (words[m - 1].deprel != "nmod" || !whole ||
          whole->entity.type() != ORGANIZATION)
        continue;
      std::string marker;
      for (int c : Children(m)) {
        if (words[c - 1].deprel == "case")
          marker = AsciiLower(words[c - 1].form);
      }
      if (marker != "at" && marker != "of") continue;
      ExtractedClaim c = Nominal("appos-unit-of", unit, "part_of", 0.65);
      *c.claim.mutable_object() = whole->entity;
      return c;
    }
  }
  return std::nullopt;
}

std::optional<ExtractedClaim> SentenceClaims::WholeOf(int head,
                                                      const Entity& part) {
  // "Vexa, a subsidiary of Norland Corp.", "Kansas, a member of the
  // compact", "Harbor, a unit of Norland": X subsidiary_of / member_of /
  // part_of the named whole after "of".
  const auto& words = sentence_.words;
  std::string predicate =
      extract_internal::WholeRelation(AsciiLower(words[head - 1].lemma));
  if (predicate.empty()) return std::nullopt;
  for (int m : Children(head)) {
    const NameMention* whole = NameAt(m);
    if (words[m - 1].deprel != "nmod" || !whole ||
        whole->entity.type() == PERSON)
      continue;
    bool of = false;
    for (int c : Children(m)) {
      of = of || (words[c - 1].deprel == "case" &&
                  AsciiLower(words[c - 1].form) == "of");
    }
    if (!of) continue;
    ExtractedClaim c = Nominal("appos-" + predicate, part, predicate, 0.7);
    *c.claim.mutable_object() = whole->entity;
    return c;
  }
  return std::nullopt;
}

}  // namespace claimgraph
