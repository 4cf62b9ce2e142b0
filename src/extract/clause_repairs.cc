// Repairs of a proposition's parse before it becomes a claim
// (SentenceClaims, builder.h): reduced relatives that are main verbs,
// prepositional phrases hung on the object, relative clauses hung on the
// place of "based in".

#include <algorithm>
#include <set>
#include <string>

#include "extract/builder.h"
#include "extract/builder_internal.h"
#include "model/names.h"

namespace claimgraph {

Proposition SentenceClaims::RepairReducedRelative(
    const Proposition& proposition) const {
  Proposition p = proposition;
  // (Not when the noun is itself an object: "leads the sector, credited
  // ..." is a misattached main verb of another subject.)
  int noun = sentence_.words[p.predicate - 1].head;
  std::string noun_rel =
      noun > 0 ? sentence_.words[noun - 1].deprel.substr(
                     0, sentence_.words[noun - 1].deprel.find(':'))
               : "";
  if (p.passive && p.rule == "clause:acl" && noun > 0 && noun_rel != "obj" &&
      noun_rel != "iobj" && noun_rel != "obl" && noun_rel != "nmod") {
    bool object = false;
    for (const Argument& a : p.arguments) object = object || a.role == "obj";
    if (object) p.passive = false;
  }
  return p;
}

Proposition SentenceClaims::ReattachToVerb(
    const Proposition& proposition) const {
  // "teaches constitutional law at Loyola University Chicago", the "at"
  // hung on "law": when the predicate table knows the verb with that
  // preposition ("teach at" -> work_for) and the phrase after it is a name,
  // the phrase is the verb's, and its object.
  Proposition p = proposition;
  const Lexicon& lexicon = memory_->lexicon();
  std::string verb = p.lemma.substr(p.lemma.rfind(' ') + 1);
  for (Argument& a : p.arguments) {
    if (a.role != "obj") continue;
    for (int k : Children(a.phrase.head)) {
      const Word& kw = sentence_.words[k - 1];
      if (kw.deprel != "nmod" || !NameAt(k)) continue;
      std::string marker;
      for (int c : Children(k)) {
        if (sentence_.words[c - 1].deprel == "case")
          marker = AsciiLower(sentence_.words[c - 1].form);
      }
      std::string phrase = verb + " " + marker;
      if (marker.empty() ||
          lexicon.CanonicalPredicate(phrase) == NormalizePredicate(phrase))
        continue;
      Argument moved;
      moved.role = "obl:moved";
      moved.marker = marker;
      moved.phrase.head = k;
      for (int j : a.phrase.words) {
        if (Dominates(k, j) &&
            AsciiLower(sentence_.words[j - 1].form) != marker)
          moved.phrase.words.push_back(j);
      }
      p.arguments.erase(p.arguments.begin() + (&a - p.arguments.data()));
      p.arguments.push_back(moved);
      return p;
    }
  }
  return p;
}

Proposition SentenceClaims::PlaceBehindGenericNoun(
    const Proposition& proposition) const {
  // "The towers stand on land near Sasabe and Nogales": an oblique headed
  // by a noun that only says "some place" stands for the places it names.
  static const std::set<std::string> kPlaceNouns = {
      "land", "area", "site", "territory", "property", "ground", "spot"};
  Proposition p = proposition;
  for (Argument& a : p.arguments) {
    if (a.role.rfind("obl", 0) != 0 ||
        !kPlaceNouns.contains(
            AsciiLower(sentence_.words[a.phrase.head - 1].lemma)))
      continue;
    for (int k : Children(a.phrase.head)) {
      const NameMention* place = NameAt(k);
      // (The places may be too small for the lexicon: "Sasabe".)
      if (sentence_.words[k - 1].deprel != "nmod" || !place ||
          place->entity.type() == PERSON)
        continue;
      Phrase named{k, {}};
      for (int j : a.phrase.words) {
        if (Dominates(k, j) && sentence_.words[j - 1].deprel != "case")
          named.words.push_back(j);
      }
      a.phrase = named;
      break;
    }
  }
  return p;
}

Proposition SentenceClaims::NewLevelOfMeasure(
    const Proposition& proposition) const {
  // "Palantir raised its forecast for the full year to about $3.9 billion":
  // a change of a measure to a level states the measure's value, when the
  // table has the measure as a predicate for values ("forecast").
  static const std::set<std::string> kChanges = {
      "raise", "lower", "cut", "increase", "reduce", "boost", "lift", "revise"};
  if (!kChanges.contains(proposition.lemma)) return proposition;
  Proposition p = proposition;
  auto object = std::find_if(p.arguments.begin(), p.arguments.end(),
                             [](const Argument& a) { return a.role == "obj"; });
  auto level = std::find_if(
      p.arguments.begin(), p.arguments.end(), [&](const Argument& a) {
        return a.role.rfind("obl", 0) == 0 && AsciiLower(a.marker) == "to" &&
               QuantityFor(a.phrase) != nullptr;
      });
  if (object == p.arguments.end() || level == p.arguments.end())
    return proposition;
  std::string measure =
      AsciiLower(sentence_.words[object->phrase.head - 1].lemma);
  if (!memory_->lexicon().HasValuePredicate(measure)) return proposition;
  level->role = "obj";
  level->marker.clear();
  p.arguments.erase(object);
  p.lemma = measure;
  return p;
}

Phrase SentenceClaims::RelativeOverPlace(const Proposition& p) const {
  // "Flock Safety, a company based in Atlanta that sells cameras": a
  // relative clause hung on the place of "based in" is about the thing
  // based there, not the place.
  if (p.rule != "clause:acl:relcl" || p.subject.empty()) return p.subject;
  const NameMention* place = NameAt(p.subject.head);
  int participle = sentence_.words[p.subject.head - 1].head;
  if (!place || place->entity.type() != LOCATION || participle < 1)
    return p.subject;
  const Word& pw = sentence_.words[participle - 1];
  std::string l = AsciiLower(pw.lemma);
  if (pw.deprel != "acl" || pw.head < 1 ||
      (l != "base" && l != "headquarter" && l != "locate"))
    return p.subject;
  return Phrase{pw.head, {pw.head}};
}

}  // namespace claimgraph
