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
using extract_internal::PlaceMarkers;

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
