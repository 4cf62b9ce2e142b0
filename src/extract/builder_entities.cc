// The entity side of SentenceClaims (builder_internal.h): which names,
// quantities and described things a phrase of the parse stands for, with
// coreference to earlier mentions. builder.cc turns propositions into claims.

#include <algorithm>
#include <set>

#include "extract/builder.h"
#include "extract/builder_internal.h"
#include "model/names.h"

namespace claimgraph {
using extract_internal::IsActorNoun;
using extract_internal::IsDate;
using extract_internal::IsQuantity;
using extract_internal::IsTransientAdjective;
using extract_internal::IsUnitNoun;
using extract_internal::NamingVerbs;
using extract_internal::PlaceMarkers;
using extract_internal::ProgramNouns;

const NameMention* SentenceClaims::NameAt(int word) const {
  for (const NameMention& n : names_) {
    if (word >= n.first && word <= n.last) return &n;
  }
  return nullptr;
}

std::vector<const Mention*> SentenceClaims::MentionsIn(
    const Phrase& phrase) const {
  std::vector<const Mention*> out;
  if (phrase.words.empty()) return out;
  long start = sentence_.words[phrase.words.front() - 1].start;
  long end = sentence_.words[phrase.words.back() - 1].end;
  for (const Mention* m : mentions_) {
    if (m->start >= start && m->end <= end) out.push_back(m);
  }
  return out;
}

const Mention* SentenceClaims::QuantityFor(const Phrase& phrase) const {
  if (phrase.head < 1) return nullptr;
  const Word& head = sentence_.words[phrase.head - 1];
  for (const Mention* m : MentionsIn(phrase)) {
    if (!IsQuantity(m->type)) continue;
    // "the CBP One app": a number inside a name counts nothing.
    bool in_name = false;
    for (const NameMention& n : names_) {
      long start = sentence_.words[n.first - 1].start;
      long end = sentence_.words[n.last - 1].end;
      in_name = in_name || (m->start >= start && m->end <= end);
    }
    if (in_name) continue;
    bool covers_head = m->start <= head.start && head.end <= m->end;
    bool counts_head =
        (!m->unit.empty() && AsciiLower(m->unit) == AsciiLower(head.form)) ||
        (!m->noun.empty() && AsciiLower(m->noun) == AsciiLower(head.form));
    if (covers_head || counts_head || NumberOf(phrase.head, *m)) return m;
  }
  return nullptr;
}

bool SentenceClaims::ByInside(const Argument& a) const {
  // "acquired in 2022 by Halvern Group" parsed with "by" on "Halvern": the
  // agent's "by" hangs on a word of the phrase before its head.
  for (int k : a.phrase.words) {
    const Word& kw = sentence_.words[k - 1];
    if (k < a.phrase.head && kw.deprel == "case" &&
        AsciiLower(kw.form) == "by" && kw.head != a.phrase.head) {
      const Word& owner = sentence_.words[kw.head - 1];
      if (owner.head == a.phrase.head && owner.deprel == "compound")
        return true;
    }
  }
  return false;
}

bool SentenceClaims::NumberOf(int head, const Mention& m) const {
  // "40 new autonomous surveillance towers": the parse says what the number
  // counts even when adjectives stand between them.
  for (int k : Children(head)) {
    const Word& kw = sentence_.words[k - 1];
    if (kw.deprel == "nummod" && m.start <= kw.start && kw.end <= m.end)
      return true;
  }
  return false;
}

std::optional<Entity> SentenceClaims::EntityFor(const Phrase& phrase,
                                                bool allow_common) {
  if (phrase.empty()) return std::nullopt;
  int head = phrase.head;
  const Word& w = sentence_.words[head - 1];
  if (const NameMention* name = NameAt(head)) {
    // "Trent, an Oregon Democrat": when the parse makes the description the
    // head, the person in apposition is meant.
    if (name->entity.type() != PERSON) {
      if (const NameMention* person = PersonInApposition(head)) {
        return person->entity;
      }
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
  std::string lower = AsciiLower(w.form);
  // "ICE agents", "the Investigative Case Management system": a name right
  // before a common noun head; the head may say what kind of thing it is.
  if (w.upos == "NOUN" && head > 1) {
    // A place names a thing of that place: "the El Paso sector", "U.S.
    // citizens" (not the United States).
    if (const NameMention* name = NameAt(head - 1);
        name && name->last == head - 1 && name->entity.type() == LOCATION) {
      // As a subject, only a unit of an organisation or a region ("the
      // sector recorded"); "U.S. citizens may opt out" names nobody.
      if (!allow_common && !IsUnitNoun(AsciiLower(w.lemma)))
        return std::nullopt;
      int start = name->first;
      for (int k : Children(head)) {  // "Halyard's U.S. subsidiary".
        if (sentence_.words[k - 1].deprel != "nmod:poss") continue;
        const NameMention* owner = NameAt(k);
        start = std::min(start, owner ? owner->first : k);
      }
      Entity e;
      std::vector<int> span;
      for (int k = start; k <= head; ++k) span.push_back(k);
      std::string text = WordsText(sentence_, span);
      for (size_t at; (at = text.find(" 's")) != std::string::npos;)
        text.erase(at, 1);
      e.set_name(text);
      e.set_type(OTHER);
      if (start == name->first)  // "the sector" later.
        memory_->RememberDescribed(AsciiLower(w.lemma), e);
      return e;
    }
    if (const NameMention* name = NameAt(head - 1);
        name && name->last == head - 1) {
      Entity e = name->entity;
      // "Border Patrol agents searched ...": later bare "agents" are its.
      if (IsActorNoun(AsciiLower(w.lemma)) && e.type() == AGENCY)
        memory_->RememberDescribed("members:" + AsciiLower(w.lemma), e);
      if (ProgramNouns().contains(AsciiLower(w.lemma)) && e.type() == OTHER) {
        e.set_type(PROGRAM);
        memory_->Remember(e);
      }
      return e;
    }
    // "the CBP One mobile app": a program's name, modifiers, then the kind.
    if (ProgramNouns().contains(AsciiLower(w.lemma))) {
      int k = head - 1;
      while (k > 1 && !NameAt(k) && Dominates(head, k) &&
             (sentence_.words[k - 1].upos == "ADJ" ||
              sentence_.words[k - 1].upos == "NOUN") &&
             !(sentence_.words[k - 1].form[0] >= 'A' &&
               sentence_.words[k - 1].form[0] <= 'Z'))
        --k;
      const NameMention* name = NameAt(k);
      if (name && name->last == k && k < head - 1 &&
          name->entity.type() != PERSON && name->entity.type() != LOCATION) {
        Entity e = name->entity;
        if (e.type() == OTHER || e.type() == ENTITY_TYPE_UNSPECIFIED) {
          e.set_type(PROGRAM);
          memory_->Remember(e);
        }
        return e;
      }
    }
  }
  // "a digital rights group" in apposition to a name denotes that name.
  if (w.deprel == "appos" && w.head > 0) {
    if (const NameMention* name = NameAt(w.head)) return name->entity;
  }
  for (int k : Children(head)) {
    if (sentence_.words[k - 1].deprel == "appos") {
      if (const NameMention* name = NameAt(k)) return name->entity;
    }
  }
  // "a platform called ImmigrationOS": the name it is called.
  for (int k : phrase.words) {
    const Word& kw = sentence_.words[k - 1];
    if (kw.head == head && kw.deprel.rfind("acl", 0) == 0 &&
        NamingVerbs().contains(AsciiLower(kw.lemma))) {
      for (int j : phrase.words) {
        if (j <= k) continue;
        if (const NameMention* name = NameAt(j)) {
          Entity e = name->entity;
          if (ProgramNouns().contains(AsciiLower(w.lemma)) &&
              (e.type() == OTHER || e.type() == ENTITY_TYPE_UNSPECIFIED)) {
            e.set_type(PROGRAM);
            memory_->Remember(e);
          }
          return e;
        }
      }
    }
  }
  if (w.upos == "PRON") return Antecedent(head, lower, "");
  // "Agents in the sector", "officials at the agency": people acting for an
  // organisation stand for it.
  if (IsActorNoun(AsciiLower(w.lemma))) {
    for (int k : Children(head)) {
      const Word& kw = sentence_.words[k - 1];
      if (kw.deprel != "nmod") continue;
      std::string marker;
      for (int c : Children(k)) {
        if (sentence_.words[c - 1].deprel == "case")
          marker = AsciiLower(sentence_.words[c - 1].form);
      }
      if (marker != "in" && marker != "of" && marker != "at" &&
          marker != "from")
        continue;
      if (auto body = EntityFor(SubPhrase(k, phrase), false)) {
        if (body->type() != PERSON && body->type() != LOCATION) return body;
      }
    }
  }
  if (auto agency = AgencyOfMembers(phrase)) return agency;
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
  if (definite && up_to_head <= 3) {
    if (auto e = Antecedent(head, "", AsciiLower(w.lemma))) return e;
    // "The towers were built by ...": the towers described before.
    if (auto e = memory_->Described(AsciiLower(w.lemma))) return e;
  }
  if (!allow_common || w.upos != "NOUN") return std::nullopt;
  std::vector<int> dated = DatedModifiers(phrase, false);
  if (phrase.words.size() - dated.size() > 6)
    dated = DatedModifiers(phrase, true);
  if (phrase.words.size() - dated.size() > 6) {
    // Still too long ("a stop-work order on a $2 million contract with
    // ..."): the head and the words before it that modify it, and an
    // "of" phrase right after it if short ("photos of U.S. citizens").
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
    dated.clear();
    for (int k : phrase.words) {
      if (std::find(kept.begin(), kept.end(), k) == kept.end())
        dated.push_back(k);
    }
  }
  if (phrase.words.size() - dated.size() > 6) return std::nullopt;
  std::string name;
  for (int k : phrase.words) {
    if (std::find(dated.begin(), dated.end(), k) != dated.end()) continue;
    const Word& kw = sentence_.words[k - 1];
    std::string f = kw.form;
    std::string lf = AsciiLower(f);
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
    name += (name.empty() || clitic ? "" : " ") + f;
  }
  if (name.empty()) return std::nullopt;
  Entity e;
  e.set_name(name);
  e.set_type(OTHER);
  return e;
}

void SentenceClaims::RememberCounted(const Phrase& phrase) {
  // "deployed 40 new autonomous surveillance towers": the towers are
  // "autonomous surveillance towers" for the rest of the story.
  const Word& head = sentence_.words[phrase.head - 1];
  if (head.upos != "NOUN") return;
  std::string name;
  for (int k : phrase.words) {
    const Word& kw = sentence_.words[k - 1];
    bool modifier = kw.head == phrase.head &&
                    (kw.deprel == "amod" || kw.deprel == "compound") &&
                    kw.upos != "NUM" &&
                    !IsTransientAdjective(AsciiLower(kw.form));
    if (modifier || k == phrase.head)
      name += (name.empty() ? "" : " ") + kw.form;
  }
  Entity e;
  e.set_name(name);
  e.set_type(OTHER);
  memory_->RememberDescribed(AsciiLower(head.lemma), e);
}

std::optional<Entity> SentenceClaims::AgencyOfMembers(const Phrase& phrase) {
  // Bare "agents" ("ICE has not addressed whether agents still use ...",
  // "The logs show that agents ran ..."): the members of the agency named
  // earlier in the sentence, else of the agency whose members were named
  // before ("Border Patrol agents"). Modified ones ("federal agents") are
  // left alone.
  const Word& w = sentence_.words[phrase.head - 1];
  if (phrase.words.size() != 1 || w.xpos != "NNS" ||
      !IsActorNoun(AsciiLower(w.lemma)))
    return std::nullopt;
  for (auto it = names_.rbegin(); it != names_.rend(); ++it) {
    if (it->last < phrase.head && it->entity.type() == AGENCY)
      return it->entity;
  }
  return memory_->Described("members:" + AsciiLower(w.lemma));
}

const NameMention* SentenceClaims::ApposedName(int head) const {
  const auto& words = sentence_.words;
  int first = head;
  while (first > 1 && Dominates(head, first - 1)) --first;
  while (first < head && words[first - 1].upos == "PUNCT") ++first;
  std::string det = AsciiLower(words[first - 1].form);
  bool possessive = false, listed = false;
  for (int k : Children(head)) {
    const std::string& d = words[k - 1].deprel;
    possessive = possessive || d == "nmod:poss";
    listed = listed || d == "cc" || d == "conj";
  }
  if (listed || first < 3 || words[first - 2].form != "," ||
      !(det == "a" || det == "an" || (det == "the" && possessive)))
    return nullptr;
  // "the Traveler Verification Service (TVS), a cloud system".
  int before = first - 2;
  if (words[before - 1].form == ")") {
    while (before > 1 && words[before - 1].form != "(") --before;
    --before;
  }
  const NameMention* name = before >= 1 ? NameAt(before) : nullptr;
  return name && name->last == before ? name : nullptr;
}

const NameMention* SentenceClaims::PersonInApposition(int word) const {
  const Word& w = sentence_.words[word - 1];
  if (const NameMention* n = ApposedName(word); n && n->entity.type() == PERSON)
    return n;
  if (w.deprel == "appos" && w.head > 0) {
    if (const NameMention* n = NameAt(w.head); n && n->entity.type() == PERSON)
      return n;
  }
  for (int k : Children(word)) {
    if (sentence_.words[k - 1].deprel != "appos") continue;
    if (const NameMention* n = NameAt(k); n && n->entity.type() == PERSON)
      return n;
  }
  return nullptr;
}

std::optional<Entity> SentenceClaims::Antecedent(int word,
                                                 const std::string& pronoun,
                                                 const std::string& noun) {
  // The nearest fitting name earlier in the sentence ("Halyard said that it
  // sells ..."), else the latest one of the sentences before.
  for (auto it = names_.rbegin(); it != names_.rend(); ++it) {
    if (it->last < word && memory_->Refers(pronoun, noun, it->entity))
      return it->entity;
  }
  return memory_->Resolve(pronoun, noun);
}

std::vector<int> SentenceClaims::DatedModifiers(const Phrase& phrase,
                                                bool drop_places) const {
  std::vector<int> out;
  for (int k : Children(phrase.head)) {
    const Word& kw = sentence_.words[k - 1];
    if (kw.deprel == "acl" || kw.deprel == "acl:relcl") {
      // "radar to detect people"; "license plate data collected by police":
      // who made or did a thing is a claim of its own, not its name.
      bool infinitive = false, agent = false;
      for (int c : Children(k)) {
        const Word& cw = sentence_.words[c - 1];
        infinitive =
            infinitive || (cw.deprel == "mark" && AsciiLower(cw.form) == "to");
        agent = agent || (kw.xpos == "VBN" && kw.deprel == "acl" &&
                          cw.deprel == "obl:agent");
      }
      if (infinitive || agent) {
        for (int j : phrase.words) {
          if (Dominates(k, j)) out.push_back(j);
        }
      }
      continue;
    }
    // "spyware capable of reading encrypted messages": an adjective phrase
    // after the noun says what it can do, not what it is.
    if (kw.deprel == "amod" && k > phrase.head) {
      for (int j : phrase.words) {
        if (Dominates(k, j)) out.push_back(j);
      }
      continue;
    }
    if (kw.deprel.rfind("nmod", 0) != 0) continue;
    Phrase sub{k, {}};
    for (int j : phrase.words) {
      for (int at = j, steps = 0; at > 0 && steps < 16;
           at = sentence_.words[at - 1].head, ++steps) {
        if (at == k) {
          sub.words.push_back(j);
          break;
        }
      }
    }
    if (sub.words.empty()) continue;
    bool dated = false;
    for (const Mention* m : MentionsIn(sub)) dated = dated || IsDate(m->type);
    // "guidance in 2023": a lone year the recogniser read as a number.
    const Word& kw_num = sentence_.words[k - 1];
    if (kw_num.upos == "NUM" && kw_num.form.size() == 4 &&
        std::all_of(kw_num.form.begin(), kw_num.form.end(),
                    [](char c) { return c >= '0' && c <= '9'; })) {
      int year = std::stoi(kw_num.form);
      dated = dated || (year >= 1900 && year <= 2099 && sub.words.size() == 2);
    }
    // "location data from apps": where a thing comes from is no part of
    // what it is; nor what it is used for ("radar to detect people").
    // Nor who says so ("according to audit logs"); and in a long phrase,
    // where it is ("data ... in at least 18 California cities").
    // (The marker is the modifier's first word; the parse may hang it on a
    // number: "in at least 18 cities".)
    const Word& first = sentence_.words[sub.words.front() - 1];
    std::string marker = AsciiLower(first.form);
    bool source = first.deprel == "case" &&
                  (marker == "from" || marker == "according" ||
                   (drop_places && PlaceMarkers().contains(marker)));
    if (dated || source)
      out.insert(out.end(), sub.words.begin(), sub.words.end());
  }
  return out;
}

}  // namespace claimgraph
