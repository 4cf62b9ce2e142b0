// SentenceClaims::EntityFor: the entity a phrase of the parse stands for, a
// name, a described thing or an earlier mention, tried in a fixed order.

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "extract/builder.h"
#include "extract/builder_internal.h"
#include "model/names.h"

namespace claimgraph {

using extract_internal::IsActorNoun;
using extract_internal::IsTransientAdjective;
using extract_internal::IsUnitNoun;
using extract_internal::NamingVerbs;
using extract_internal::ProgramNouns;

std::optional<Entity> SentenceClaims::EntityFor(const Phrase& phrase,
                                                bool allow_common) {
  if (phrase.empty()) return std::nullopt;
  int head = phrase.head;
  const Word& w = sentence_.words[head - 1];
  if (auto e = NamedHead(head)) return e;
  // "ICE agents", "the Investigative Case Management system": a name right
  // before a common noun head; the head may say what kind of thing it is.
  if (w.upos == "NOUN" && head > 1) {
    if (const NameMention* name = NameAt(head - 1);
        name && name->last == head - 1) {
      if (name->entity.type() == LOCATION)
        return ThingOfPlace(head, *name, allow_common);
      return NameWithKind(head, *name);
    }
    if (auto e = ProgramWithKind(head)) return e;
  }
  if (auto e = NameInApposition(head)) return e;
  if (auto e = CalledName(phrase)) return e;
  if (w.upos == "PRON") return Antecedent(head, AsciiLower(w.form), "");
  if (auto body = BodyOfActors(phrase)) return body;
  if (auto agency = AgencyOfMembers(phrase)) return agency;
  if (auto e = DefiniteReference(phrase)) return e;
  if (!allow_common || w.upos != "NOUN") return std::nullopt;
  return DescribedThing(phrase);
}

std::optional<Entity> SentenceClaims::NamedHead(int head) const {
  const Word& w = sentence_.words[head - 1];
  if (const NameMention* name = NameAt(head)) {
    // "Trent, an Oregon Democrat": when the parse makes the description the
    // head, the person in apposition is meant.
    if (name->entity.type() != PERSON) {
      if (const NameMention* person = PersonInApposition(head))
        return person->entity;
    }
    return name->entity;
  }
  if (w.upos == "NOUN") {
    if (const NameMention* name = ApposedName(head)) return name->entity;
  }
  // "Lt. Carlos Medina": a title word heading the name that follows it.
  if (w.upos == "PROPN" && head < static_cast<int>(sentence_.words.size())) {
    if (const NameMention* name = NameAt(head + 1);
        name && name->first == head + 1 && name->entity.type() == PERSON &&
        !name->entity.title().empty()) {
      return name->entity;
    }
  }
  return std::nullopt;
}

std::optional<Entity> SentenceClaims::ThingOfPlace(int head,
                                                   const NameMention& place,
                                                   bool allow_common) {
  // A place names a thing of that place: "the El Paso sector", "U.S.
  // citizens" (not the United States). As a subject, only a unit of an
  // organisation or a region ("the sector recorded"); "U.S. citizens may
  // opt out" names nobody.
  const Word& w = sentence_.words[head - 1];
  if (!allow_common && !IsUnitNoun(AsciiLower(w.lemma))) return std::nullopt;
  int start = place.first;
  for (int k : Children(head)) {  // "Halyard's U.S. subsidiary".
    if (sentence_.words[k - 1].deprel != "nmod:poss") continue;
    const NameMention* owner = NameAt(k);
    start = std::min(start, owner ? owner->first : k);
  }
  std::vector<int> span;
  for (int k = start; k <= head; ++k) span.push_back(k);
  std::string text = WordsText(sentence_, span);
  for (size_t at; (at = text.find(" 's")) != std::string::npos;)
    text.erase(at, 1);
  Entity e;
  e.set_name(text);
  e.set_type(OTHER);
  if (start == place.first)  // "the sector" later.
    memory_->RememberDescribed(AsciiLower(w.lemma), e);
  return e;
}

std::optional<Entity> SentenceClaims::NameWithKind(int head,
                                                   const NameMention& name) {
  std::string kind = AsciiLower(sentence_.words[head - 1].lemma);
  Entity e = name.entity;
  // "Border Patrol agents searched ...": later bare "agents" are its.
  if (IsActorNoun(kind) && e.type() == AGENCY)
    memory_->RememberDescribed("members:" + kind, e);
  if (ProgramNouns().contains(kind) && e.type() == OTHER) {
    e.set_type(PROGRAM);
    memory_->Remember(e);
  }
  return e;
}

std::optional<Entity> SentenceClaims::ProgramWithKind(int head) {
  // "the CBP One mobile app": a program's name, modifiers, then the kind.
  const auto& words = sentence_.words;
  if (!ProgramNouns().contains(AsciiLower(words[head - 1].lemma)))
    return std::nullopt;
  int k = head - 1;
  while (k > 1 && !NameAt(k) && Dominates(head, k) &&
         (words[k - 1].upos == "ADJ" || words[k - 1].upos == "NOUN") &&
         !(words[k - 1].form[0] >= 'A' && words[k - 1].form[0] <= 'Z'))
    --k;
  const NameMention* name = NameAt(k);
  if (!name || name->last != k || k >= head - 1 ||
      name->entity.type() == PERSON || name->entity.type() == LOCATION)
    return std::nullopt;
  Entity e = name->entity;
  if (e.type() == OTHER || e.type() == ENTITY_TYPE_UNSPECIFIED) {
    e.set_type(PROGRAM);
    memory_->Remember(e);
  }
  return e;
}

std::optional<Entity> SentenceClaims::NameInApposition(int head) const {
  // "a digital rights group" in apposition to a name denotes that name.
  const Word& w = sentence_.words[head - 1];
  if (w.deprel == "appos" && w.head > 0) {
    if (const NameMention* name = NameAt(w.head)) return name->entity;
  }
  for (int k : Children(head)) {
    if (sentence_.words[k - 1].deprel == "appos") {
      if (const NameMention* name = NameAt(k)) return name->entity;
    }
  }
  return std::nullopt;
}

std::optional<Entity> SentenceClaims::CalledName(const Phrase& phrase) {
  // "a platform called ImmigrationOS": the name it is called.
  int head = phrase.head;
  const Word& w = sentence_.words[head - 1];
  for (int k : phrase.words) {
    const Word& kw = sentence_.words[k - 1];
    if (kw.head != head || kw.deprel.rfind("acl", 0) != 0 ||
        !NamingVerbs().contains(AsciiLower(kw.lemma)))
      continue;
    for (int j : phrase.words) {
      if (j <= k) continue;
      const NameMention* name = NameAt(j);
      if (!name) continue;
      Entity e = name->entity;
      if (ProgramNouns().contains(AsciiLower(w.lemma)) &&
          (e.type() == OTHER || e.type() == ENTITY_TYPE_UNSPECIFIED)) {
        e.set_type(PROGRAM);
        memory_->Remember(e);
      }
      return e;
    }
  }
  return std::nullopt;
}

std::optional<Entity> SentenceClaims::BodyOfActors(const Phrase& phrase) {
  // "Agents in the sector", "officials at the agency": people acting for an
  // organisation stand for it.
  int head = phrase.head;
  if (!IsActorNoun(AsciiLower(sentence_.words[head - 1].lemma)))
    return std::nullopt;
  for (int k : Children(head)) {
    if (sentence_.words[k - 1].deprel != "nmod") continue;
    std::string marker;
    for (int c : Children(k)) {
      if (sentence_.words[c - 1].deprel == "case")
        marker = AsciiLower(sentence_.words[c - 1].form);
    }
    if (marker != "in" && marker != "of" && marker != "at" && marker != "from")
      continue;
    if (auto body = EntityFor(SubPhrase(k, phrase), false)) {
      if (body->type() != PERSON && body->type() != LOCATION) return body;
    }
  }
  return std::nullopt;
}

std::optional<Entity> SentenceClaims::DefiniteReference(const Phrase& phrase) {
  int head = phrase.head;
  bool definite = false;
  for (int k : phrase.words) {
    const Word& kw = sentence_.words[k - 1];
    std::string det = AsciiLower(kw.form);
    if (kw.head == head && (det == "the" || det == "each" || det == "these"))
      definite = true;
  }
  // ("the tool in criminal investigations of ...": what follows the head
  // does not make a definite description new.)
  int up_to_head = 0;
  for (int k : phrase.words) up_to_head += k <= head ? 1 : 0;
  if (!definite || up_to_head > 3) return std::nullopt;
  std::string lemma = AsciiLower(sentence_.words[head - 1].lemma);
  if (auto e = Antecedent(head, "", lemma)) return e;
  // "The towers were built by ...": the towers described before.
  return memory_->Described(lemma);
}

std::vector<int> SentenceClaims::LeftOutWords(const Phrase& phrase) const {
  std::vector<int> dated = DatedModifiers(phrase, false);
  if (phrase.words.size() - dated.size() > 6)
    dated = DatedModifiers(phrase, true);
  if (phrase.words.size() - dated.size() <= 6) return dated;
  // Still too long ("a stop-work order on a $2 million contract with
  // ..."): the head and the words before it that modify it, and an "of"
  // phrase right after it if short ("photos of U.S. citizens").
  int head = phrase.head;
  int of = 0;
  for (int k : Children(head)) {
    if (sentence_.words[k - 1].deprel == "nmod" &&
        head < static_cast<int>(sentence_.words.size()) &&
        AsciiLower(sentence_.words[head].form) == "of")
      of = k;
  }
  std::vector<int> kept, with_of;
  for (int k : phrase.words) {
    bool before = k <= head && Dominates(head, k);
    if (before) kept.push_back(k);
    if (before || (of > 0 && Dominates(of, k))) with_of.push_back(k);
  }
  if (with_of.size() <= 6) kept = with_of;
  std::vector<int> left_out;
  for (int k : phrase.words) {
    if (std::find(kept.begin(), kept.end(), k) == kept.end())
      left_out.push_back(k);
  }
  return left_out;
}

std::optional<Entity> SentenceClaims::DescribedThing(const Phrase& phrase) {
  std::vector<int> left_out = LeftOutWords(phrase);
  if (phrase.words.size() - left_out.size() > 6) return std::nullopt;
  int head = phrase.head;
  std::string name;
  for (int k : phrase.words) {
    if (std::find(left_out.begin(), left_out.end(), k) != left_out.end())
      continue;
    const Word& kw = sentence_.words[k - 1];
    std::string lf = AsciiLower(kw.form);
    if (name.empty() &&
        (lf == "a" || lf == "an" || lf == "the" || lf == "this" ||
         lf == "these" || lf == "those" || lf == "its" || lf == "their")) {
      continue;
    }
    // The preposition of an oblique ("in a database run by ...").
    if (name.empty() && k < head &&
        (kw.deprel == "case" || kw.deprel == "fixed"))
      continue;
    // A described thing is named by what it is, not by how new or separate
    // it is: "a new framework" -> "framework".
    if (kw.head == head && kw.deprel == "amod" && IsTransientAdjective(lf)) {
      continue;
    }
    // "a 152-day test" is a test; how long it ran is a claim of its own
    // (event_measures.cc).
    if (int unit = DurationUnit(head); unit > 0 && Dominates(unit, k)) continue;
    // "attorney general's office", as written.
    bool clitic = lf == "'s" || lf == "\u2019s";
    name += (name.empty() || clitic ? "" : " ") + kw.form;
  }
  if (name.empty()) return std::nullopt;
  Entity e;
  e.set_name(name);
  e.set_type(OTHER);
  return e;
}

}  // namespace claimgraph
