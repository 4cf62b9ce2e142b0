// Claims from copulas ("Border Patrol is part of CBP") and the phrase
// helpers that split conjoined arguments ("uses radar and cameras").

#include <algorithm>

#include "extract/builder.h"
#include "extract/builder_internal.h"

namespace claimgraph {

std::vector<int> SentenceClaims::Conjuncts(int head) const {
  std::vector<int> out;
  for (int k : Children(head)) {
    const Word& w = sentence_.words[k - 1];
    if (w.deprel != "conj" ||
        (w.upos != "NOUN" && w.upos != "PROPN" && w.upos != "PRON")) {
      continue;
    }
    // "Mission, Texas, with Reynosa": a state or country right after a
    // place and a comma says where that place is; it is no conjunct.
    const NameMention* name = NameAt(k);
    if (name && name->first > 2 &&
        sentence_.words[name->first - 2].form == "," &&
        NameAt(name->first - 2) &&
        NameAt(name->first - 2)->entity.type() == LOCATION) {
      const KnownEntity* region =
          memory_->lexicon().FindEntity(name->entity.name());
      if (region && region->region) continue;
    }
    out.push_back(k);
  }
  // "That order, which X signed, bars agencies ..." with "bars" tagged as a
  // noun and "agencies" as a conjunct of "order": a list ends with "and",
  // "or" or "nor"; conjuncts none of which has one are no list.
  bool listed = false;
  for (int k : Children(head)) {
    if (sentence_.words[k - 1].deprel != "conj") continue;
    for (int c : Children(k))
      listed = listed || sentence_.words[c - 1].deprel == "cc";
  }
  if (!listed) out.clear();
  return out;
}

bool SentenceClaims::Dominates(int top, int word) const {
  for (int at = word, steps = 0; at > 0 && steps < 64;
       at = sentence_.words[at - 1].head, ++steps) {
    if (at == top) return true;
  }
  return false;
}

Phrase SentenceClaims::SubPhrase(int head, const Phrase& within) const {
  Phrase out{head, {}};
  for (int w : within.words) {
    if (Dominates(head, w)) out.words.push_back(w);
  }
  // Without the coordinator that joins it ("and sensors" -> "sensors").
  while (!out.words.empty() && out.words.front() != head) {
    const Word& first = sentence_.words[out.words.front() - 1];
    if (first.deprel != "cc" && first.upos != "PUNCT") break;
    out.words.erase(out.words.begin());
  }
  return out;
}

Phrase SentenceClaims::FirstConjunct(const Phrase& phrase,
                                     const std::vector<int>& conjuncts) const {
  Phrase out{phrase.head, {}};
  for (int w : phrase.words) {
    bool in_other = std::any_of(conjuncts.begin(), conjuncts.end(),
                                [&](int c) { return Dominates(c, w); });
    if (!in_other) out.words.push_back(w);
  }
  while (!out.words.empty() && out.words.back() != out.head &&
         sentence_.words[out.words.back() - 1].upos == "PUNCT") {
    out.words.pop_back();
  }
  return out;
}

std::vector<ExtractedClaim> SentenceClaims::FromCopula(const Proposition& p) {
  // "X is part of Y", "X is a member of Y", "X is a division of Y", "X is a
  // subsidiary of Y" (subsidiary_of).
  const Argument* complement = nullptr;
  for (const Argument& a : p.arguments) {
    if (a.role == "attr") complement = &a;
  }
  if (complement == nullptr) return {};
  int head = complement->phrase.head;
  std::string noun = AsciiLower(sentence_.words[head - 1].lemma);
  std::string predicate = extract_internal::WholeRelation(noun);
  if (predicate.empty()) return {};
  auto subject = EntityFor(p.subject, false);
  if (!subject) return {};
  for (int k : Children(head)) {
    if (sentence_.words[k - 1].deprel.rfind("nmod", 0) != 0) continue;
    bool of = false;
    for (int c : Children(k)) {
      of = of || (sentence_.words[c - 1].deprel == "case" &&
                  AsciiLower(sentence_.words[c - 1].form) == "of");
    }
    if (!of) continue;
    auto whole = EntityFor(SubPhrase(k, complement->phrase), false);
    if (!whole) return {};
    ExtractedClaim out;
    out.rule = "copula-" + predicate;
    out.claim = NewClaim(p, out.rule);
    *out.claim.mutable_subject() = *subject;
    *out.claim.mutable_object() = *whole;
    out.claim.set_predicate(predicate);
    AddAttribution(p, &out.claim);
    return {std::move(out)};
  }
  return {};
}

}  // namespace claimgraph
