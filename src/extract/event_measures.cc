// Measures of described events: how long an event lasted ("a 152-day
// test") and what share of cases a clause holds for ("captured images in
// only 76% of vehicles"). See docs/extraction.md, "Described things".

#include <cctype>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "extract/builder.h"
#include "extract/builder_internal.h"

namespace claimgraph {

using extract_internal::IsTimeNoun;

namespace {

// Nouns of events that run for a span of time: "a six-month pilot", "a
// 90-day review". (Not things that merely have a term: "a 10-year
// contract" states the contract's term, not that it ran.)
bool IsEventNoun(const std::string& lemma) {
  static const std::set<std::string> kNouns = {
      "test",       "pilot",    "trial",      "review",     "study",
      "experiment", "audit",    "probe",      "inquiry",    "investigation",
      "evaluation", "exercise", "assessment", "suspension", "moratorium",
      "freeze",     "ban",      "shutdown",   "strike",     "campaign",
      "operation",  "surge",    "deployment"};
  return kNouns.contains(lemma);
}

}  // namespace

int SentenceClaims::DurationUnit(int noun) const {
  // "152-day test": "day" is a compound of "test" with a number of its own.
  for (int k : Children(noun)) {
    const Word& kw = sentence_.words[k - 1];
    if (kw.deprel != "compound" || k > noun ||
        !IsTimeNoun(AsciiLower(kw.lemma)))
      continue;
    for (int c : Children(k)) {
      if (sentence_.words[c - 1].deprel == "nummod") return k;
    }
  }
  return 0;
}

std::vector<ExtractedClaim> SentenceClaims::EventDurations() {
  std::vector<ExtractedClaim> out;
  int n = static_cast<int>(sentence_.words.size());
  for (int i = 1; i <= n; ++i) {
    const Word& w = sentence_.words[i - 1];
    if (w.upos != "NOUN" || !IsEventNoun(AsciiLower(w.lemma))) continue;
    int unit = DurationUnit(i);
    if (unit == 0) continue;
    int number = 0;
    for (int c : Children(unit)) {
      if (sentence_.words[c - 1].deprel == "nummod") number = c;
    }
    // The amount is the recogniser's reading of the number ("152",
    // "six"), which must cover the number word.
    const Word& nw = sentence_.words[number - 1];
    std::optional<double> amount;
    for (const Mention* m : mentions_) {
      if (m->start <= nw.start && nw.end <= m->end && m->value &&
          extract_internal::IsQuantity(m->type))
        amount = m->value;
    }
    if (!amount) continue;
    // The event's noun phrase, without what the parse hangs on it beyond
    // the phrase (punctuation, conjuncts, a clause of its own).
    static const std::set<std::string> kBeyond = {
        "punct", "cc", "conj", "parataxis", "appos", "acl:relcl"};
    std::vector<int> beyond;
    for (int k : Children(i)) {
      if (kBeyond.contains(sentence_.words[k - 1].deprel)) beyond.push_back(k);
    }
    Phrase phrase{i, {}};
    for (int k = 1; k <= n; ++k) {
      bool out_of_phrase = false;
      for (int b : beyond) out_of_phrase = out_of_phrase || Dominates(b, k);
      if (Dominates(i, k) && !out_of_phrase) phrase.words.push_back(k);
    }
    auto event = EntityFor(phrase, true);
    if (!event) continue;
    // "a 152-day test at the Anzalduas border crossing": where it ran.
    for (int k : Children(i)) {
      const NameMention* place = NameAt(k);
      if (sentence_.words[k - 1].deprel != "nmod" || !place ||
          place->entity.type() != LOCATION)
        continue;
      std::string marker;
      for (int c : Children(k)) {
        if (sentence_.words[c - 1].deprel == "case")
          marker = AsciiLower(sentence_.words[c - 1].form);
      }
      if (marker != "at" && marker != "in") continue;
      ExtractedClaim c = Nominal("event-place", *event, "take_place_in", 0.65);
      *c.claim.mutable_object() = place->entity;
      out.push_back(std::move(c));
    }
    ExtractedClaim c = Nominal("event-duration", *event, "last", 0.65);
    Quantity* q = c.claim.mutable_value();
    q->set_amount(*amount);
    q->set_unit(AsciiLower(sentence_.words[unit - 1].lemma));
    std::string text;  // "152-day", "six month".
    for (int k = number; k <= unit; ++k) {
      const std::string& f = sentence_.words[k - 1].form;
      bool glued = text.empty() || f == "-" || text.back() == '-';
      text += (glued ? "" : " ") + f;
    }
    q->set_text(text);
    out.push_back(std::move(c));
  }
  return out;
}

std::optional<Phrase> SentenceClaims::SharePhrase(const Proposition& p) const {
  // "in only 76% of vehicles": a percentage of a counted noun after "in",
  // an oblique of the clause, or hung by the parse on the direct object
  // ("detected drones in 30% of incidents").
  auto share = [&](const Phrase& phrase) {
    const Mention* q = QuantityFor(phrase);
    return q && q->type == MentionType::kPercentage && !q->noun.empty();
  };
  for (const Argument& a : p.arguments) {
    if (a.role.rfind("obl", 0) == 0 && AsciiLower(a.marker) == "in" &&
        share(a.phrase))
      return a.phrase;
  }
  for (const Argument& a : p.arguments) {
    if (a.role != "obj") continue;
    for (int k : Children(a.phrase.head)) {
      if (sentence_.words[k - 1].deprel != "nmod") continue;
      Phrase sub = SubPhrase(k, a.phrase);
      if (!sub.words.empty() &&
          AsciiLower(sentence_.words[sub.words.front() - 1].form) == "in" &&
          share(sub))
        return sub;
    }
  }
  return std::nullopt;
}

namespace {

// "those", "them", "these" after "of": a pronoun for a set named before.
bool OfThose(const Sentence& s, int word) {
  const Word& w = s.words[word - 1];
  std::string f = AsciiLower(w.form);
  return w.upos == "PRON" && (f == "those" || f == "them" || f == "these");
}

}  // namespace

std::optional<ExtractedClaim> SentenceClaims::ShareOfThose(
    const Proposition& p) {
  if (p.subject.empty()) return std::nullopt;
  const Mention* q = QuantityFor(p.subject);
  if (q == nullptr || q->type != MentionType::kPercentage) return std::nullopt;
  // "Of those, only 81% met ..." (an oblique of the clause) or "81% of
  // them met ..." (a modifier of the share).
  bool of_those = false;
  for (const Argument& a : p.arguments) {
    of_those = of_those ||
               (a.role.rfind("obl", 0) == 0 && AsciiLower(a.marker) == "of" &&
                OfThose(sentence_, a.phrase.head));
  }
  for (int k : Children(p.subject.head)) {
    if (sentence_.words[k - 1].deprel != "nmod" || !OfThose(sentence_, k))
      continue;
    for (int c : Children(k)) {
      of_those = of_those || AsciiLower(sentence_.words[c - 1].form) == "of";
    }
  }
  if (!of_those) return std::nullopt;
  auto set = memory_->PreviousCountedSet();
  if (!set) return std::nullopt;
  const Argument* object = nullptr;
  for (const Argument& a : p.arguments) {
    if (a.role == "obj") object = &a;
  }
  Claim claim = NewClaim(p, "");
  *claim.mutable_subject() = set->first;
  *claim.mutable_value() = extract_internal::ToQuantity(*q);
  claim.set_predicate(CanonicalPredicate(p.lemma, true));
  extract_internal::AddQualifier("denominator", set->second, &claim);
  if (object)
    extract_internal::AddQualifier(
        "theme",
        extract_internal::QualifierText(sentence_, object->phrase.words),
        &claim);
  ExtractedClaim out;
  out.rule = p.rule + "+share-of-those";
  claim.set_extractor("claimgraph-extract:" + out.rule);
  claim.mutable_evidence(0)->set_extractor(claim.extractor());
  AddQualifiers(p, nullptr, &claim);
  AddAttribution(p, &claim);
  out.claim = std::move(claim);
  return out;
}

void SentenceClaims::RememberCountedSet(
    const std::vector<ExtractedClaim>& claims) {
  // The last share's denominator ("in 76% of vehicles"), else the last
  // counted unit ("detained 1,461 immigrants"); not money ("of those"
  // dollars is no set of things) nor a duration ("a 152-day test").
  const Claim* counted = nullptr;
  std::string set;
  for (const ExtractedClaim& e : claims) {
    const Claim& c = e.claim;
    if (!c.has_value()) continue;
    for (const Qualifier& q : c.qualifiers()) {
      if (q.key() == "denominator" && !q.value().empty()) {
        counted = &c;
        set = q.value();
      }
    }
  }
  for (auto it = claims.rbegin(); counted == nullptr && it != claims.rend();
       ++it) {
    const Claim& c = it->claim;
    const std::string& unit = c.value().unit();
    bool currency = unit.size() == 3 &&
                    std::isupper(static_cast<unsigned char>(unit[0])) &&
                    std::isupper(static_cast<unsigned char>(unit[2]));
    if (!c.has_value() || unit.empty() || unit == "%" || currency ||
        IsTimeNoun(AsciiLower(unit)))
      continue;
    counted = &c;
    set = unit;
  }
  if (counted) memory_->RememberCountedSet(counted->subject(), set);
}

}  // namespace claimgraph
