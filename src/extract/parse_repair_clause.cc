// Clause-level attachment repairs: parses where the parser's choice of
// relation or part of speech leaves a clause without its head verb, its
// subject or its relative reading, in a way no reading of the sentence
// allows (see parse_repair.h for the contracts).

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "extract/clauses.h"
#include "extract/parse_repair.h"
#include "extract/parse_repair_internal.h"

namespace claimgraph {
namespace {

using repair_internal::HasDependentStartingWith;
using repair_internal::IsNominal;
using repair_internal::Span;

bool IsFiniteVerb(const Word& w) {
  return w.upos == "VERB" &&
         (w.xpos == "VBD" || w.xpos == "VBZ" || w.xpos == "VBP");
}

}  // namespace

bool RepairRelativeParataxis(Sentence* sentence) {
  auto& words = sentence->words;
  int n = static_cast<int>(words.size());
  bool changed = false;
  for (int v = 2; v <= n; ++v) {
    Word& verb = words[v - 1];
    if (verb.upos != "VERB" || verb.head <= 0 || verb.head >= v) continue;
    if (verb.deprel != "parataxis" && verb.deprel != "appos" &&
        verb.deprel != "dep" && verb.deprel != "advcl")
      continue;
    if (!IsNominal(words[verb.head - 1])) continue;
    int first = Span(words, v).first;
    const Word& opener = words[first - 1];
    if (opener.head != v || opener.deprel != "nsubj" ||
        (opener.lemma != "who" && opener.lemma != "which"))
      continue;
    verb.deprel = "acl:relcl";
    changed = true;
  }
  return changed;
}

bool RepairFiniteModifier(Sentence* sentence) {
  auto& words = sentence->words;
  int n = static_cast<int>(words.size());
  for (int v = 1; v < n; ++v) {
    Word& verb = words[v - 1];
    // (A past participle with an active subject and no auxiliary is the
    // past tense the tagger missed.)
    bool participle = verb.upos == "VERB" && verb.xpos == "VBN" &&
                      !HasDependentStartingWith(words, v, "aux");
    if ((!IsFiniteVerb(verb) && !participle) || verb.deprel != "amod") continue;
    int noun = verb.head;
    if (noun <= v || words[noun - 1].head != 0 || !IsNominal(words[noun - 1]) ||
        !HasDependentStartingWith(words, v, "nsubj") ||
        HasDependentStartingWith(words, v, "nsubj:pass"))
      continue;
    if (participle) verb.xpos = "VBD";
    // The verb heads the sentence; the noun is its object and the closing
    // punctuation moves with the head.
    verb.head = 0;
    verb.deprel = "root";
    words[noun - 1].head = v;
    words[noun - 1].deprel = "obj";
    for (int k = noun + 1; k <= n; ++k) {
      if (words[k - 1].head == noun && words[k - 1].deprel == "punct" && k == n)
        words[k - 1].head = v;
    }
    return true;
  }
  return false;
}

bool RepairNounPredicate(Sentence* sentence) {
  auto& words = sentence->words;
  int n = static_cast<int>(words.size());
  for (int r = 2; r <= n; ++r) {
    Word& root = words[r - 1];
    if (root.head != 0 || root.upos != "NOUN") continue;
    if (HasDependentStartingWith(words, r, "cop") ||
        HasDependentStartingWith(words, r, "case") ||
        HasDependentStartingWith(words, r, "det"))
      continue;
    // Its subject's phrase ends right before it.
    int subject = 0;
    for (int k = 1; k < r; ++k) {
      if (words[k - 1].head == r && words[k - 1].deprel == "nsubj" &&
          IsNominal(words[k - 1]))
        subject = k;
    }
    if (subject != r - 1) continue;
    root.upos = "VERB";
    root.xpos = words[subject - 1].xpos == "NNS" ? "VBP" : "VBZ";
    // "on land" read as a clause marked by "on": an oblique of the verb,
    // whose own obliques modify it.
    // (Also "on land" as a noun modifier of the noun root.)
    for (int k = r + 1; k <= n; ++k) {
      Word& w = words[k - 1];
      if (w.head != r || (w.deprel != "acl" && w.deprel != "nmod") ||
          !IsNominal(w))
        continue;
      bool marked = false;
      for (Word& m : words) {
        if (&m - &words[0] + 1 < k && m.head == k &&
            (m.deprel == "mark" || m.deprel == "case") && m.upos == "ADP") {
          m.deprel = "case";
          marked = true;
        }
      }
      if (!marked) continue;
      w.deprel = "obl";
      for (Word& d : words) {
        if (d.head == k && d.deprel == "obl") d.deprel = "nmod";
      }
    }
    return true;
  }
  return false;
}

bool RepairQuantitySubject(Sentence* sentence) {
  auto& words = sentence->words;
  int n = static_cast<int>(words.size());
  bool changed = false;
  for (int v = 2; v <= n; ++v) {
    if (!IsFiniteVerb(words[v - 1]) ||
        HasDependentStartingWith(words, v, "nsubj") ||
        HasDependentStartingWith(words, v, "expl") ||
        HasDependentStartingWith(words, v, "csubj"))
      continue;
    for (int q = v - 1; q >= 1; --q) {
      Word& w = words[q - 1];
      if (w.head != v) continue;
      if (w.upos == "ADV") continue;  // "only 81% met"
      bool quantity = w.upos == "SYM" && (w.form == "%" || w.form == "$");
      if (quantity &&
          (w.deprel == "obl:unmarked" || w.deprel == "obl:npmod" ||
           w.deprel == "obl") &&
          !HasDependentStartingWith(words, q, "case")) {
        w.deprel = "nsubj";
        changed = true;
      }
      break;
    }
  }
  return changed;
}

bool RepairCountedApposition(Sentence* sentence) {
  auto& words = sentence->words;
  int n = static_cast<int>(words.size());
  bool changed = false;
  for (int c = 3; c <= n; ++c) {
    Word& counted = words[c - 1];
    int h = counted.head;
    if (counted.deprel != "conj" || counted.upos != "NOUN" || h <= 0 ||
        h >= c || words[h - 1].upos != "PROPN" ||
        HasDependentStartingWith(words, c, "cc") ||
        !HasDependentStartingWith(words, c, "nummod"))
      continue;
    if (words[Span(words, c).first - 2].form != ",") continue;
    // The list was closed before: a conjunct of the same head with its
    // own "and"/"or".
    bool closed = false;
    for (int k = h + 1; k < c; ++k) {
      if (words[k - 1].head == h && words[k - 1].deprel == "conj" &&
          HasDependentStartingWith(words, k, "cc"))
        closed = true;
    }
    if (!closed) continue;
    counted.deprel = "appos";
    // Later conjuncts of the head belong to the apposition's phrase.
    for (int k = c + 1; k <= n; ++k) {
      if (words[k - 1].head == h && words[k - 1].deprel == "conj")
        words[k - 1].head = c;
    }
    changed = true;
  }
  return changed;
}

bool RepairTitleInName(Sentence* sentence) {
  auto& words = sentence->words;
  int n = static_cast<int>(words.size());
  bool changed = false;
  for (int k = 1; k < n; ++k) {
    Word& w = words[k - 1];
    int h = w.head;
    if (w.deprel != "nmod:desc" || w.upos != "NOUN" || h != k + 1 ||
        words[h - 1].upos != "PROPN" ||
        HasDependentStartingWith(words, h, "flat"))
      continue;
    // The pair is the object of "of" inside a name ("Office of Inspector
    // General"): a title before a person's name never is.
    bool of = false;
    for (int j = 1; j < k; ++j) {
      if (words[j - 1].head == h && words[j - 1].deprel == "case" &&
          (words[j - 1].form == "of" || words[j - 1].form == "Of"))
        of = true;
    }
    if (!of || !std::isupper(static_cast<unsigned char>(w.form[0]))) continue;
    w.deprel = "compound";
    changed = true;
  }
  return changed;
}

bool RepairBareRelative(Sentence* sentence) {
  auto& words = sentence->words;
  int n = static_cast<int>(words.size());
  bool changed = false;
  for (int v = 3; v <= n; ++v) {
    Word& verb = words[v - 1];
    int head = verb.head;
    if (verb.upos != "VERB" || verb.deprel != "ccomp" || head <= 0 ||
        head > v || HasDependentStartingWith(words, v, "mark") ||
        HasDependentStartingWith(words, v, "ccomp") ||
        IsSpeechLemma(words[head - 1].lemma))
      continue;
    // "<noun> it collects": a personal pronoun subject right after the
    // head verb's object (or a noun the parse made the clause's own
    // object) and right before the verb.
    const Word& subject = words[v - 2];
    Word& noun = words[v - 3];
    if (subject.head != v || subject.deprel != "nsubj" ||
        subject.upos != "PRON" || subject.xpos != "PRP" ||
        noun.deprel != "obj" || (noun.head != head && noun.head != v) ||
        !IsNominal(noun))
      continue;
    bool other_object = false;
    for (int k = v + 1; k <= n; ++k) {
      if (words[k - 1].head == v && words[k - 1].deprel == "obj")
        other_object = true;
    }
    if (other_object) continue;
    noun.head = head;
    verb.head = v - 2;  // The noun (words are 1-based).
    verb.deprel = "acl:relcl";
    changed = true;
  }
  return changed;
}

namespace {

// The initials of the capitalised words from `first` to `last`, skipping
// "of", "and", "for", "the" and "&".
std::string Initials(const std::vector<Word>& words, int first, int last) {
  std::string out;
  for (int k = first; k <= last; ++k) {
    const std::string& f = words[k - 1].form;
    if (f.empty() || !std::isupper(static_cast<unsigned char>(f[0]))) continue;
    if (f == "The" && k == first) continue;
    out += f[0];
  }
  return out;
}

}  // namespace

bool RepairAcronymHead(Sentence* sentence) {
  auto& words = sentence->words;
  int n = static_cast<int>(words.size());
  bool changed = false;
  for (int a = 4; a < n; ++a) {
    Word& acronym = words[a - 1];
    if (acronym.deprel != "appos" || acronym.upos != "PROPN" ||
        words[a - 2].form != "(" || words[a].form != ")" ||
        acronym.head != a - 2 || acronym.form.size() < 2)
      continue;
    bool caps = true;
    for (char c : acronym.form)
      caps = caps && std::isupper(static_cast<unsigned char>(c));
    if (!caps) continue;
    // The name ends right before the bracket; find the word of the name
    // (the parse's head or one of its heads) whose phrase's initials the
    // acronym spells.
    int end = a - 2;
    int first = end;
    while (
        first > 1 && !words[first - 2].form.empty() &&
        (std::isupper(static_cast<unsigned char>(words[first - 2].form[0])) ||
         words[first - 2].form == "of" || words[first - 2].form == "and" ||
         words[first - 2].form == "for" || words[first - 2].form == "&"))
      --first;
    for (int start = first; start < end; ++start) {
      if (Initials(words, start, end) != acronym.form) continue;
      // The head of that phrase: the word of it whose head lies outside.
      int top = 0;
      for (int k = start; k <= end; ++k) {
        if (words[k - 1].head < start || words[k - 1].head > end) {
          top = top == 0 ? k : -1;
        }
      }
      if (top > 0 && top != acronym.head) {
        acronym.head = top;
        changed = true;
      }
      break;
    }
  }
  return changed;
}

}  // namespace claimgraph
