// Attachment repairs: parses where one word hangs on the wrong head in a way
// that no reading of the sentence allows (a proper noun compounded with a
// money sign, two subjects of one relative clause, a participle as a
// subject, a bare proper noun as an oblique, an apposition that skips the
// clause it follows).

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "base/ascii.h"
#include "extract/parse_repair.h"
#include "extract/parse_repair_internal.h"

namespace claimgraph {
namespace {

using repair_internal::HasDependent;
using repair_internal::IsNominal;
using repair_internal::Span;

bool IsRelativePronoun(const Word& w) {
  return w.upos == "PRON" && (w.lemma == "which" || w.lemma == "that" ||
                              w.lemma == "who" || w.lemma == "whom");
}

// True when the phrase of `k`, an oblique or nominal modifier hung
// elsewhere, starts with its preposition right after word `end` and only
// commas lie between.
bool DirectlyAfter(const std::vector<Word>& words, int k, int end) {
  const Word& w = words[k - 1];
  if (w.deprel != "obl" && w.deprel != "nmod") return false;
  int first = Span(words, k).first;
  if (first <= end + 1) return false;
  for (int j = end + 1; j < first; ++j) {
    if (words[j - 1].form != ",") return false;
  }
  return true;
}

}  // namespace

bool RepairMoneyCompound(Sentence* sentence) {
  auto& words = sentence->words;
  bool changed = false;
  for (int k = 1; k <= static_cast<int>(words.size()); ++k) {
    Word& w = words[k - 1];
    // (A proper noun under the sign in any role: compound, advmod, ...)
    bool modifier =
        w.deprel == "compound" || (w.upos == "PROPN" && w.deprel != "conj" &&
                                   w.deprel != "appos" && w.deprel != "nmod");
    if (!modifier || !IsNominal(w) || w.head <= k) continue;
    const Word& money = words[w.head - 1];
    if (money.upos != "SYM" || money.deprel != "obj") continue;
    int verb = money.head;
    if (verb <= 0 || words[verb - 1].upos != "VERB") continue;
    // The name's phrase runs from right after the verb up to the sign.
    auto [first, last] = Span(words, k);
    if (last != w.head - 1) continue;
    bool adjacent = first == verb + 1;
    if (!adjacent && first == verb + 2 && words[verb].deprel == "det" &&
        words[verb].head == k)
      adjacent = true;
    if (!adjacent) continue;
    w.head = verb;
    w.deprel = "iobj";
    changed = true;
  }
  return changed;
}

bool RepairDoubleSubject(Sentence* sentence) {
  auto& words = sentence->words;
  bool changed = false;
  for (int v = 1; v <= static_cast<int>(words.size()); ++v) {
    if (words[v - 1].upos != "VERB" || HasDependent(words, v, "obj")) continue;
    int relative = 0, other = 0;
    for (int k = 1; k < v; ++k) {
      const Word& w = words[k - 1];
      if (w.head != v || w.deprel != "nsubj") continue;
      if (IsRelativePronoun(w) && relative == 0) {
        relative = k;
      } else if (IsNominal(w) || w.upos == "PRON") {
        other = k;
      }
    }
    if (relative == 0 || other <= relative) continue;
    words[relative - 1].deprel = "obj";
    changed = true;
  }
  return changed;
}

bool RepairParticipleSubject(Sentence* sentence) {
  auto& words = sentence->words;
  int n = static_cast<int>(words.size());
  for (int p = 2; p <= n; ++p) {
    Word& part = words[p - 1];
    if (part.upos != "VERB" || part.xpos != "VBN") continue;
    int root = part.head;
    if (root <= p || words[root - 1].upos != "VERB") continue;
    // A subject, or a clause set off before a verb that has no subject
    // ("Vexa, founded by ..., has worked", the participle as a parataxis).
    bool loose = (part.deprel == "parataxis" || part.deprel == "dep" ||
                  part.deprel == "advcl") &&
                 !HasDependent(words, root, "nsubj") &&
                 !HasDependent(words, root, "nsubj:pass");
    if (part.deprel != "nsubj" && !loose) continue;
    // The noun before ", <participle>" that hangs on the participle.
    if (words[p - 2].form != ",") continue;
    int noun = 0;
    for (int k = 1; k < p - 1; ++k) {
      const Word& w = words[k - 1];
      if (w.head == p && IsNominal(w) && w.deprel != "obl" &&
          w.deprel != "obl:agent")
        noun = k;
    }
    if (noun == 0 || Span(words, noun).second != p - 2) continue;
    words[noun - 1].head = root;
    words[noun - 1].deprel = "nsubj";
    words[p - 2].head = p;  // The comma before the participle.
    part.head = noun;
    part.deprel = "acl";
    return true;
  }
  return false;
}

bool RepairClauseAsSubject(Sentence* sentence) {
  auto& words = sentence->words;
  int n = static_cast<int>(words.size());
  for (int root = 2; root <= n; ++root) {
    if (words[root - 1].head != 0 || words[root - 1].upos != "VERB") continue;
    for (int v = 1; v < root; ++v) {
      Word& verb = words[v - 1];
      if (verb.head != root || verb.upos != "VERB" ||
          verb.deprel.rfind("nsubj", 0) != 0 ||
          !HasDependent(words, v, "nsubj"))
        continue;
      // The verb with its own subject heads the sentence; the old root is
      // its complement, and the closing punctuation moves with the head.
      for (int k = root + 1; k <= n; ++k) {
        if (words[k - 1].head == root && words[k - 1].upos == "PUNCT" && k == n)
          words[k - 1].head = v;
      }
      verb.head = 0;
      verb.deprel = "root";
      words[root - 1].head = v;
      words[root - 1].deprel = "ccomp";
      return true;
    }
  }
  return false;
}

bool RepairJoinedPartner(Sentence* sentence) {
  auto& words = sentence->words;
  int n = static_cast<int>(words.size());
  bool changed = false;
  for (int o = 2; o <= n; ++o) {
    const Word& object = words[o - 1];
    if (object.deprel != "obj" || object.head <= 0) continue;
    const std::string& verb = words[object.head - 1].lemma;
    if (verb != "connect" && verb != "link") continue;
    int object_end = Span(words, o).second;
    for (int k = o + 1; k <= n; ++k) {
      Word& w = words[k - 1];
      if (w.upos != "PROPN") continue;
      bool on_object =
          w.head == o && (w.deprel == "nmod" || w.deprel == "conj");
      if (!on_object && !DirectlyAfter(words, k, object_end)) continue;
      for (int c = 1; c < k; ++c) {
        Word& cw = words[c - 1];
        if (cw.head == k && cw.deprel == "case" &&
            (cw.form == "with" || cw.form == "to")) {
          cw.deprel = "cc";
          w.head = o;
          w.deprel = "conj";
          changed = true;
        }
      }
    }
  }
  return changed;
}

bool RepairBareObliqueName(Sentence* sentence) {
  auto& words = sentence->words;
  int n = static_cast<int>(words.size());
  bool changed = false;
  for (int k = 3; k < n; ++k) {
    Word& w = words[k - 1];
    // (Also "obl:unmarked", "obl:npmod": an oblique without a preposition.)
    if ((w.deprel != "obl" && w.deprel != "obl:unmarked" &&
         w.deprel != "obl:npmod") ||
        w.upos != "PROPN")
      continue;
    if (HasDependent(words, k, "case") || HasDependent(words, k, "mark"))
      continue;
    auto [first, last] = Span(words, k);
    // ", <name> ," right after the verb's object.
    if (first < 3 || last >= n) continue;
    if (words[first - 2].form != "," || words[last].form != ",") continue;
    int object = 0;
    for (int o = 1; o < first; ++o) {
      if (words[o - 1].head == w.head && words[o - 1].deprel == "obj")
        object = o;
    }
    if (object == 0 || !IsNominal(words[object - 1])) continue;
    if (Span(words, object).second != first - 2) continue;
    w.head = object;
    w.deprel = "appos";
    changed = true;
  }
  return changed;
}

namespace {

// The noun whose phrase ends at word `end` ("the Service (TVS)": the
// acronym in brackets is the noun's own apposition), or 0.
int NounEndingAt(const std::vector<Word>& words, int end) {
  int noun = end;
  if (words[noun - 1].form == ")") noun = words[noun - 1].head;
  if (noun <= 0 || noun > end) return 0;
  if (words[end - 1].form == ")" && words[noun - 1].deprel == "appos" &&
      words[noun - 1].head < noun)
    noun = words[noun - 1].head;
  while ((words[noun - 1].deprel == "flat" ||
          words[noun - 1].deprel == "compound") &&
         words[noun - 1].head > noun && words[noun - 1].head <= end)
    noun = words[noun - 1].head;
  if (!IsNominal(words[noun - 1]) || Span(words, noun).second != end) return 0;
  return noun;
}

// Moves the modifier `m` (an apposition or a relative clause) to the noun
// phrase that ends right before it (after one comma when `comma`) when the
// parse's head is reached from that noun only through a clause, or, for a
// relative clause, through an apposition.
bool ReattachToNearestNoun(std::vector<Word>* words_in, int m, bool comma) {
  std::vector<Word>& words = *words_in;
  Word& mod = words[m - 1];
  int first = Span(words, m).first;
  int end = first - 1;
  if (comma) {
    if (first < 3 || words[first - 2].form != ",") return false;
    end = first - 2;
  }
  if (end < 1) return false;
  int noun = NounEndingAt(words, end);
  if (noun == 0 || noun == mod.head) return false;
  bool relative = mod.deprel == "acl:relcl";
  bool skipped = false;
  int h = noun;
  for (int guard = 0; h != 0 && h != mod.head && guard < 200; ++guard) {
    if (words[h - 1].upos == "VERB") skipped = true;
    if (relative && words[h - 1].deprel == "appos") skipped = true;
    h = words[h - 1].head;
  }
  if (h != mod.head || !skipped) return false;
  mod.head = noun;
  return true;
}

}  // namespace

bool RepairDistantApposition(Sentence* sentence) {
  auto& words = sentence->words;
  bool changed = false;
  for (int a = 3; a <= static_cast<int>(words.size()); ++a) {
    const Word& w = words[a - 1];
    if (w.head >= a || w.head <= 0) continue;
    if (w.deprel == "appos" && IsNominal(w)) {
      changed |= ReattachToNearestNoun(&words, a, true);
    } else if (w.deprel == "acl:relcl" && w.upos == "VERB") {
      // The clause opens with its relative pronoun, after a comma or not.
      int first = Span(words, a).first;
      if (!IsRelativePronoun(words[first - 1])) continue;
      changed |= first >= 3 && words[first - 2].form == ","
                     ? ReattachToNearestNoun(&words, a, true)
                     : ReattachToNearestNoun(&words, a, false);
    }
  }
  return changed;
}

bool RepairGerundInName(Sentence* sentence) {
  auto& words = sentence->words;
  int n = static_cast<int>(words.size());
  bool changed = false;
  for (int i = 4; i <= n; ++i) {
    Word& g = words[i - 1];
    Word& noun = words[i - 2];
    const std::string& det = words[i - 4].form;
    if (g.upos != "VERB" || g.xpos != "VBG" || noun.upos != "NOUN" ||
        words[i - 3].upos != "PROPN" ||
        (AsciiLower(det) != "the" && AsciiLower(det) != "a" &&
         AsciiLower(det) != "an"))
      continue;
    // A participle of its own would have an object or a subject.
    bool clause = false;
    for (const Word& w : words) {
      if (&w == &g) continue;
      clause =
          clause || (w.head == i &&
                     (w.deprel == "obj" || w.deprel.rfind("nsubj", 0) == 0 ||
                      w.deprel == "ccomp" || w.deprel == "xcomp"));
    }
    if (clause || noun.head == i || noun.head <= 0) continue;
    // The gerund heads the noun phrase: it takes the noun's place, the
    // noun and the phrase's words before it hang on it, and its obliques
    // become its modifiers.
    int noun_at = i - 1;
    for (int k = 1; k <= n; ++k) {
      Word& w = words[k - 1];
      if (w.head == noun_at && k < noun_at) w.head = i;
      if (w.head == i && w.deprel.rfind("obl", 0) == 0) w.deprel = "nmod";
    }
    g.head = noun.head;
    g.deprel = noun.deprel;
    g.upos = "NOUN";
    g.xpos = "NN";
    g.lemma = AsciiLower(g.form);
    noun.head = i;
    noun.deprel = "compound";
    changed = true;
  }
  return changed;
}

// "The company was acquired in 2022 by Halvern Group": a by-phrase hung
// on a number (the year) as its modifier is the agent of the passive
// participle the number depends on.
bool RepairAgentOnNumber(Sentence* sentence) {
  auto& words = sentence->words;
  const int n = static_cast<int>(words.size());
  bool changed = false;
  for (int k = 1; k <= n; ++k) {
    Word& w = words[k - 1];
    if (w.deprel.rfind("nmod", 0) != 0 || w.head < 1) continue;
    const Word& number = words[w.head - 1];
    if (number.upos != "NUM" || number.head < 1 ||
        number.deprel.rfind("obl", 0) != 0 ||
        words[number.head - 1].xpos != "VBN")
      continue;
    bool by = false;
    for (int c = 1; c < k; ++c) {
      by = by || (words[c - 1].head == k && words[c - 1].deprel == "case" &&
                  AsciiLower(words[c - 1].form) == "by");
    }
    if (!by) continue;
    w.head = number.head;
    w.deprel = "obl:agent";
    changed = true;
  }
  return changed;
}

// "spent more than $11 billion": "more than" parsed as the object ("more")
// with the amount an oblique marked by "than" becomes the amount as the
// object, "more" its modifier and "than" fixed to "more" (as EWT mostly
// has it, and as the claim rules read amounts). Also "less", "fewer".
bool RepairMoreThan(Sentence* sentence) {
  auto& words = sentence->words;
  const int n = static_cast<int>(words.size());
  bool changed = false;
  for (int k = 1; k + 2 <= n; ++k) {
    Word& more = words[k - 1];
    Word& than = words[k];
    const std::string lower = AsciiLower(more.form);
    if ((lower != "more" && lower != "less" && lower != "fewer") ||
        AsciiLower(than.form) != "than" || than.deprel != "case" ||
        than.head <= k + 1)
      continue;
    Word& amount = words[than.head - 1];
    if (amount.head != more.head || amount.deprel.rfind("obl", 0) != 0 ||
        more.deprel == "advmod" || more.deprel == "amod")
      continue;
    amount.head = more.head;
    amount.deprel = more.deprel;
    more.head = than.head;
    more.deprel = "advmod";
    than.head = k;
    than.deprel = "fixed";
    changed = true;
  }
  return changed;
}

bool RepairAttachments(Sentence* sentence) {
  bool changed = RepairRelativeParataxis(sentence);
  changed |= RepairFiniteModifier(sentence);
  changed |= RepairNounPredicate(sentence);
  changed |= RepairQuantitySubject(sentence);
  changed |= RepairCountedApposition(sentence);
  changed |= RepairTitleInName(sentence);
  changed |= RepairBareRelative(sentence);
  changed |= RepairAcronymHead(sentence);
  changed |= RepairMoneyCompound(sentence);
  changed |= RepairDoubleSubject(sentence);
  changed |= RepairParticipleSubject(sentence);
  changed |= RepairClauseAsSubject(sentence);
  changed |= RepairJoinedPartner(sentence);
  changed |= RepairGerundInName(sentence);
  changed |= RepairBareObliqueName(sentence);
  changed |= RepairDistantApposition(sentence);
  changed |= RepairAgentOnNumber(sentence);
  changed |= RepairMoreThan(sentence);
  return changed;
}

}  // namespace claimgraph
