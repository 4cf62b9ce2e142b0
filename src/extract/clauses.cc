#include "extract/clauses.h"

#include <algorithm>
#include <functional>
#include <set>

#include "base/ascii.h"

namespace claimgraph {
namespace {

std::string Base(const std::string& deprel) {
  return deprel.substr(0, deprel.find(':'));
}

// The parse as a tree with children lists.
class Tree {
 public:
  explicit Tree(const Sentence& s) : s_(s), kids_(s.words.size() + 1) {
    for (size_t i = 0; i < s.words.size(); ++i) {
      int head = s.words[i].head;
      if (head >= 0 && head <= static_cast<int>(s.words.size())) {
        kids_[head].push_back(static_cast<int>(i) + 1);
      }
    }
  }
  int size() const { return static_cast<int>(s_.words.size()); }
  const Word& word(int i) const { return s_.words[i - 1]; }
  int head(int i) const { return word(i).head; }
  const std::string& rel(int i) const { return word(i).deprel; }
  std::string base(int i) const { return Base(word(i).deprel); }
  std::string lemma(int i) const {
    return AsciiLower(word(i).lemma.empty() ? word(i).form : word(i).lemma);
  }
  const std::vector<int>& kids(int i) const { return kids_[i]; }

  // The first child of `i` whose relation (full or base) is one of `rels`.
  int Child(int i, std::initializer_list<const char*> rels) const {
    for (int k : kids_[i]) {
      for (const char* r : rels) {
        if (rel(k) == r || base(k) == r) return k;
      }
    }
    return 0;
  }

  // The subtree of `i` minus the subtrees of children for which `cut`
  // returns true, sorted.
  std::vector<int> Subtree(int i, const std::function<bool(int)>& cut) const {
    std::vector<int> out;
    std::vector<int> stack = {i};
    while (!stack.empty()) {
      int w = stack.back();
      stack.pop_back();
      out.push_back(w);
      for (int k : kids_[w]) {
        if (!cut(k)) stack.push_back(k);
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  const Sentence& s_;
  std::vector<std::vector<int>> kids_;
};

bool IsPunct(const Tree& t, int w) { return t.word(w).upos == "PUNCT"; }

// Drops punctuation and coordinators at the edges of a phrase.
Phrase Trimmed(const Tree& t, int head, std::vector<int> words) {
  auto edge = [&](int w) {
    return IsPunct(t, w) || t.base(w) == "cc" || t.base(w) == "mark";
  };
  while (!words.empty() && words.front() != head && edge(words.front()))
    words.erase(words.begin());
  while (!words.empty() && words.back() != head && edge(words.back()))
    words.pop_back();
  return Phrase{head, words};
}

// A nominal phrase: the subtree without relative clauses, appositions and
// clausal attachments.
Phrase NounPhrase(const Tree& t, int head, int exclude = 0) {
  auto cut = [&](int k) {
    if (k == exclude) return true;
    const std::string r = t.rel(k);
    std::string b = t.base(k);
    return r == "acl:relcl" || b == "appos" || b == "parataxis" ||
           b == "advcl" || b == "dep" ||
           (b == "punct" && t.head(k) == head && t.word(k).form == ",");
  };
  return Trimmed(t, head, t.Subtree(head, cut));
}

// The words of an argument headed by `head`, minus its case/mark word(s),
// which become the marker.
Argument MakeArgument(const Tree& t, int head) {
  Argument arg;
  arg.role = t.rel(head);
  std::vector<int> markers;
  for (int k : t.kids(head)) {
    std::string b = t.base(k);
    if ((b == "case" || b == "mark") && k < head) {
      markers.push_back(k);
      for (int f : t.kids(k)) {
        if (t.base(f) == "fixed") markers.push_back(f);
      }
    }
  }
  std::sort(markers.begin(), markers.end());
  std::string marker;
  for (int m : markers) marker += (marker.empty() ? "" : " ") + t.word(m).form;
  arg.marker = marker;
  bool clausal =
      arg.role == "ccomp" || arg.role == "xcomp" || t.base(head) == "advcl";
  auto cut = [&](int k) {
    if (std::find(markers.begin(), markers.end(), k) != markers.end())
      return true;
    if (clausal) return false;
    std::string b = t.base(k);
    return t.rel(k) == "acl:relcl" || b == "appos" || b == "parataxis";
  };
  arg.phrase = Trimmed(t, head, t.Subtree(head, cut));
  return arg;
}

bool IsRelativePronoun(const Tree& t, int w) {
  std::string l = t.lemma(w);
  return (l == "who" || l == "which" || l == "that" || l == "whom") &&
         (t.word(w).xpos == "WP" || t.word(w).xpos == "WDT");
}

class Extractor {
 public:
  explicit Extractor(const Sentence& s) : s_(s), t_(s) {}

  std::vector<Proposition> Run() {
    for (int p = 1; p <= t_.size(); ++p) {
      if (IsPredicate(p)) AddPredicate(p);
    }
    for (int w = 1; w <= t_.size(); ++w) {
      if (t_.base(w) == "appos") AddApposition(w);
    }
    AttachSpeakers();
    return std::move(out_);
  }

 private:
  bool HasCopula(int p) const { return t_.Child(p, {"cop"}) != 0; }

  bool IsPredicate(int p) const {
    const Word& w = t_.word(p);
    bool verbal = w.upos == "VERB" || (w.upos == "AUX" && t_.base(p) == "root");
    if (!verbal && !HasCopula(p)) return false;
    std::string b = t_.base(p);
    if (b == "xcomp" && MergedIntoHead(p)) return false;
    if (b == "amod" || b == "compound" || b == "case") return false;
    return true;
  }

  // An xcomp whose head has no object: its words join the head's relation.
  // ("asked users to submit", with "users" parsed as an indirect object,
  // has an object that controls the complement.)
  bool MergedIntoHead(int x) const {
    int h = t_.head(x);
    return h > 0 && t_.base(x) == "xcomp" && t_.word(x).upos == "VERB" &&
           t_.Child(h, {"obj", "iobj"}) == 0 && !HasCopula(x);
  }

  // The subject of predicate p, following the rules in the header.
  Phrase SubjectOf(int p, int depth = 0) const {
    if (depth > 8) return {};
    int subj = t_.Child(p, {"nsubj", "csubj"});
    std::string b = t_.base(p);
    if (subj != 0) {
      if (IsRelativePronoun(t_, subj) && t_.rel(p) == "acl:relcl") {
        return NounPhrase(t_, t_.head(p), p);
      }
      return t_.base(subj) == "csubj" ? MakeArgument(t_, subj).phrase
                                      : NounPhrase(t_, subj);
    }
    int h = t_.head(p);
    if (h == 0) return {};
    // "contracted Palantir to build X": the object of the head builds
    // (object control of a purpose clause).
    int mark = t_.Child(p, {"mark"});
    if (b == "advcl" && mark != 0 && t_.lemma(mark) == "to" &&
        t_.Child(h, {"obj"}) != 0) {
      return NounPhrase(t_, t_.Child(h, {"obj"}));
    }
    if (b == "conj" || b == "advcl" ||
        (b == "xcomp" && t_.Child(h, {"obj", "iobj"}) == 0)) {
      return SubjectOf(h, depth + 1);
    }
    if (b == "xcomp") return NounPhrase(t_, t_.Child(h, {"obj", "iobj"}));
    if (t_.rel(p) == "acl:relcl" || b == "acl") return NounPhrase(t_, h, p);
    return {};
  }

  void AddRelationWords(int p, Proposition* prop) const {
    prop->relation.push_back(p);
    for (int k : t_.kids(p)) {
      std::string b = t_.base(k);
      std::string l = t_.lemma(k);
      if (b == "aux" || b == "cop" || t_.rel(k) == "compound:prt") {
        prop->relation.push_back(k);
        if (t_.rel(k) == "aux:pass") prop->passive = true;
      } else if (b == "advmod" && (l == "not" || l == "never" || l == "n't")) {
        prop->relation.push_back(k);
        prop->negated = true;
      }
    }
  }

  void AddArguments(int p, Proposition* prop) const {
    for (int k : t_.kids(p)) {
      std::string b = t_.base(k);
      std::string r = t_.rel(k);
      if (b == "obj" || b == "iobj" || b == "obl" || b == "ccomp" ||
          (b == "xcomp" && !MergedIntoHead(k)) || r == "nmod:tmod" ||
          (b == "advcl" && t_.Child(k, {"mark"}) != 0)) {
        if (r == "acl:relcl") continue;
        prop->arguments.push_back(MakeArgument(t_, k));
      }
    }
  }

  void AddPredicate(int p) {
    Proposition prop;
    prop.predicate = p;
    prop.subject = SubjectOf(p);
    if (prop.subject.empty()) return;
    prop.lemma = HasCopula(p) ? "be" : t_.lemma(p);
    if (t_.Child(p, {"nsubj:pass"}) != 0) prop.passive = true;
    std::string b = t_.base(p);
    if (HasCopula(p)) {
      prop.relation.push_back(t_.Child(p, {"cop"}));
      for (int k : t_.kids(p)) {
        std::string l = t_.lemma(k);
        if (t_.base(k) == "aux") prop.relation.push_back(k);
        if (t_.base(k) == "advmod" &&
            (l == "not" || l == "never" || l == "n't")) {
          prop.relation.push_back(k);
          prop.negated = true;
        }
      }
      Argument complement;
      complement.role = "attr";
      auto cut = [&](int k) {
        std::string kb = t_.base(k);
        return kb == "nsubj" || kb == "cop" || kb == "aux" || kb == "punct" ||
               kb == "advcl" || kb == "ccomp" || kb == "conj" || kb == "cc" ||
               kb == "parataxis" || t_.rel(k) == "acl:relcl" || kb == "mark" ||
               kb == "csubj" || (kb == "advmod" && t_.lemma(k) == "not");
      };
      complement.phrase = Trimmed(t_, p, t_.Subtree(p, cut));
      prop.arguments.push_back(complement);
      prop.rule = "copula";
    } else {
      AddRelationWords(p, &prop);
      for (int k : t_.kids(p)) {
        if (MergedIntoHead(k)) {
          AddRelationWords(k, &prop);
          if (int mark = t_.Child(k, {"mark"})) prop.relation.push_back(mark);
          AddArguments(k, &prop);
          prop.lemma += " " + t_.lemma(k);
        }
      }
      AddArguments(p, &prop);
      if (b == "acl" && t_.word(p).xpos == "VBN") prop.passive = true;
      if (t_.rel(p) == "acl:relcl") {
        int subj = t_.Child(p, {"nsubj"});
        int obj = t_.Child(p, {"obj"});
        if (subj != 0 && obj != 0 && IsRelativePronoun(t_, obj)) {
          Argument antecedent{"", NounPhrase(t_, t_.head(p), p), "obj"};
          std::erase_if(prop.arguments, [&](const Argument& a) {
            return a.phrase.head == obj;
          });
          prop.arguments.insert(prop.arguments.begin(), antecedent);
        }
      }
      prop.rule = b == "root" ? "clause" : "clause:" + t_.rel(p);
    }
    std::sort(prop.relation.begin(), prop.relation.end());
    prop.relation.erase(std::unique(prop.relation.begin(), prop.relation.end()),
                        prop.relation.end());
    std::sort(prop.arguments.begin(), prop.arguments.end(),
              [](const Argument& a, const Argument& b) {
                return a.phrase.head < b.phrase.head;
              });
    std::erase_if(prop.arguments,
                  [](const Argument& a) { return a.phrase.empty(); });
    prop.confidence = Confidence(prop);
    out_.push_back(std::move(prop));
  }

  void AddApposition(int a) {
    int h = t_.head(a);
    if (h == 0) return;
    Proposition prop;
    prop.predicate = a;
    prop.subject = NounPhrase(t_, h, a);
    prop.lemma = "be";
    Argument arg;
    arg.role = "appos";
    arg.phrase = NounPhrase(t_, a);
    prop.arguments.push_back(arg);
    prop.rule = "appos";
    prop.confidence = Confidence(prop);
    out_.push_back(std::move(prop));
  }

  // Attaches the speaker of "X said (that) ...", of a trailing "..., X
  // said." and of "according to X" to the propositions of the reported
  // clause. "X show(s) (that)" of a document reports like "said".
  void AttachSpeakers() {
    for (int v = 1; v <= t_.size(); ++v) {
      std::string lemma = t_.lemma(v);
      if (t_.word(v).upos != "VERB" ||
          (!IsSpeechLemma(lemma) && lemma != "show"))
        continue;
      Phrase speaker;
      for (const Proposition& p : out_) {
        if (p.predicate == v && p.rule != "appos") {
          speaker = p.subject;
          break;
        }
      }
      if (speaker.empty()) speaker = StrandedSubject(v);
      std::set<int> reported;
      for (int k : t_.kids(v)) {
        if (t_.base(k) == "ccomp") reported.insert(k);
      }
      if (t_.base(v) == "parataxis") reported.insert(t_.head(v));
      bool tail = reported.empty() && ReportingTail(v);
      if (tail) reported.insert(Root());
      for (Proposition& prop : out_) {
        if (prop.cue == 0 && prop.predicate != v &&
            Dominated(prop.predicate, reported) &&
            (!tail || InMainClause(prop.predicate))) {
          prop.speaker = speaker;
          prop.cue = v;
        }
      }
    }
    Phrase according;
    for (Proposition& prop : out_) {
      for (auto it = prop.arguments.begin(); it != prop.arguments.end(); ++it) {
        if (AsciiLower(it->marker) == "according to") {
          prop.speaker = it->phrase;
          prop.cue = it->phrase.head;
          if (according.empty() && InMainClause(prop.predicate))
            according = it->phrase;
          prop.arguments.erase(it);
          break;
        }
      }
    }
    // "according to X" in the main clause, or set off at either end of the
    // sentence wherever the parse hangs it, vouches for the whole sentence
    // ("ICE has contracted Palantir to build ..., according to a notice"),
    // but not for the descriptions in relative clauses and appositions.
    if (Phrase edge = EdgeAccordingTo(); !edge.empty()) according = edge;
    if (according.empty()) return;
    for (Proposition& prop : out_) {
      if (prop.cue == 0 && InMainClause(prop.predicate)) {
        prop.speaker = according;
        prop.cue = according.head;
      }
    }
  }

  // The source of an "according to X" that opens the sentence or closes it
  // after a comma; empty if there is none.
  Phrase EdgeAccordingTo() const {
    for (int w = 1; w < t_.size(); ++w) {
      if (AsciiLower(t_.word(w).form) != "according" ||
          AsciiLower(t_.word(w + 1).form) != "to" || t_.base(w) != "case")
        continue;
      int h = t_.head(w);
      std::vector<int> words;
      for (int k : NounPhrase(t_, h).words) {
        if (k != w && k != w + 1) words.push_back(k);
      }
      if (words.empty()) continue;
      bool opens = w == 1 || (w == 2 && IsPunct(t_, 1));
      bool closes = w > 1 && t_.word(w - 1).form == ",";
      for (int k = words.back() + 1; closes && k <= t_.size(); ++k) {
        if (!IsPunct(t_, k)) closes = false;
      }
      if (opens || closes) return Phrase{h, words};
    }
    return Phrase{};
  }

  // "..., a spokesperson for the department said.": a speech verb without
  // a subject, right after a comma-set noun phrase the parse hung on the
  // clause before as an apposition; that phrase is its subject.
  Phrase StrandedSubject(int v) const {
    for (int a = 1; a < v; ++a) {
      if (t_.base(a) != "appos") continue;
      std::vector<int> words = t_.Subtree(a, [](int) { return false; });
      bool set_off =
          t_.word(words.front()).form == "," ||
          (words.front() > 1 && t_.word(words.front() - 1).form == ",");
      if (words.back() != v - 1 || !set_off) continue;
      return NounPhrase(t_, a);
    }
    return Phrase{};
  }

  int Root() const {
    for (int w = 1; w <= t_.size(); ++w) {
      if (t_.head(w) == 0) return w;
    }
    return 0;
  }

  // True when w's clause is the sentence's main clause or one of its
  // complements and conjuncts, not a relative clause, an apposition or a
  // modifier of a noun.
  bool InMainClause(int w) const {
    for (int steps = 0; w > 0 && steps < 64; ++steps, w = t_.head(w)) {
      std::string b = t_.base(w);
      if (b == "acl" || b == "appos" || b == "nmod" || b == "parataxis")
        return false;
      if (b == "root") return true;
    }
    return false;
  }

  // "..., the agency said.": a speech verb after the main clause, set off
  // by a comma, with its own subject, no complement clause and nothing of
  // the sentence after it but its own words and punctuation. The parse
  // often hangs it on the main clause or on an object (conj, appos).
  bool ReportingTail(int v) const {
    int root = Root();
    if (v == root || v < root || t_.Child(v, {"ccomp", "cc"}) != 0)
      return false;
    int subject = t_.Child(v, {"nsubj"});
    // "..., the GAO said in a report.": a finite verb parsed as a reduced
    // relative of its subject.
    const std::string& tag = t_.word(v).xpos;
    bool finite = tag == "VBD" || tag == "VBZ" || tag == "VBP";
    if (subject == 0 && t_.base(v) == "acl" && finite && t_.head(v) < v)
      subject = t_.head(v);
    if (subject == 0 || subject > v) return false;
    auto all = [](int) { return false; };
    std::vector<int> own = t_.Subtree(v, all);
    std::vector<int> said_by = t_.Subtree(subject, all);
    int first = std::min(own.front(), said_by.front());
    int last = std::max(own.back(), said_by.back());
    if (first < 2 || t_.word(first - 1).form != ",") {
      if (t_.word(first).form != ",") return false;
    }
    for (int w = last + 1; w <= t_.size(); ++w) {
      if (t_.word(w).upos != "PUNCT") return false;
    }
    return true;
  }

  // True when w is one of `roots` or below one of them (through clauses).
  bool Dominated(int w, const std::set<int>& roots) const {
    for (int steps = 0; w > 0 && steps < 64; ++steps, w = t_.head(w)) {
      if (roots.contains(w)) return true;
    }
    return false;
  }

  double Confidence(const Proposition& p) const {
    double c = p.rule == "clause"   ? 0.8
               : p.rule == "copula" ? 0.7
               : p.rule == "appos"  ? 0.65
                                    : 0.6;
    if (p.arguments.empty()) c -= 0.25;
    bool has_object = std::any_of(
        p.arguments.begin(), p.arguments.end(),
        [](const Argument& a) { return a.role == "obj" || a.role == "attr"; });
    if (has_object) c += 0.05;
    if (p.subject.words.size() == 1 && t_.word(p.subject.head).upos == "PRON")
      c -= 0.1;
    size_t longest = p.subject.words.size();
    for (const Argument& a : p.arguments)
      longest = std::max(longest, a.phrase.words.size());
    if (longest > 12) c -= 0.1;
    if (p.arguments.size() > 3) c -= 0.05;
    return std::clamp(c, 0.05, 0.95);
  }

  const Sentence& s_;
  Tree t_;
  std::vector<Proposition> out_;
};

}  // namespace

bool IsSpeechLemma(const std::string& lemma) {
  static const std::set<std::string> kLemmas = {
      "say",     "tell",     "announce", "state",   "claim",       "report",
      "add",     "note",     "write",    "confirm", "deny",        "allege",
      "argue",   "explain",  "warn",     "testify", "acknowledge", "insist",
      "suggest", "estimate", "predict",  "contend", "assert",      "maintain",
      "reveal",  "disclose", "admit",    "recall",  "declare",     "indicate"};
  return kLemmas.contains(lemma);
}

std::vector<Proposition> ExtractPropositions(const Sentence& sentence) {
  for (const Word& w : sentence.words) {
    if (w.head < 0) return {};  // Not parsed.
  }
  return Extractor(sentence).Run();
}

std::string WordsText(const Sentence& sentence, const std::vector<int>& words) {
  std::string out;
  for (int w : words) {
    if (w < 1 || w > static_cast<int>(sentence.words.size())) continue;
    out += (out.empty() ? "" : " ") + sentence.words[w - 1].form;
  }
  return out;
}

std::string PhraseText(const Sentence& sentence, const Phrase& phrase) {
  return WordsText(sentence, phrase.words);
}

}  // namespace claimgraph
