// Small nominal relations of companies (docs/extraction-gold.md): "X has
// become one of the contractors of Y", "X, a vendor to Y" (Y contracts X);
// "the Denver company" (the company is in Denver).

#include <optional>
#include <string>

#include "extract/builder.h"
#include "extract/builder_internal.h"

namespace claimgraph {
namespace {

bool Organisation(const std::optional<Entity>& e) {
  return e && (e->type() == AGENCY || e->type() == COMPANY ||
               e->type() == ORGANIZATION);
}

}  // namespace

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
  if (!Organisation(client)) return std::nullopt;
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
  if (!Organisation(contractor) || contractor->name() == client->name())
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
  if (!Organisation(company)) return std::nullopt;
  ExtractedClaim c = Nominal("place-company", *company, "locate_in", 0.7);
  *c.claim.mutable_object() = place->entity;
  return c;
}

}  // namespace claimgraph
