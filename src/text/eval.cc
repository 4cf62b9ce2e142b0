#include "text/eval.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <string_view>

#include "base/ascii.h"

namespace claimgraph {
namespace {

struct Span {
  long start = 0;
  long end = 0;
  bool operator==(const Span&) const = default;
};

struct EvalWord {
  Span span;
  bool multiword = false;
  const Word* word = nullptr;
  long head = -1;  // Index into the file's word list of the head; -1 = root.
};

// One side of the comparison, flattened over all sentences.
struct Flat {
  std::string chars;  // All token forms, whitespace removed.
  std::vector<Span> sentences;
  std::vector<Span> tokens;
  std::vector<EvalWord> words;
  std::vector<std::string> sentence_names;  // For error messages.
};

// Appends `form` without its space separators (Unicode category Zs, as the
// CoNLL 2018 script does), so a token that contains a space still matches.
// Spans count bytes, which is as good as code points for equality.
Span AppendForm(const std::string& form, std::string* chars) {
  Span span{static_cast<long>(chars->size()), 0};
  int32_t i = 0;
  const int32_t n = form.size();
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(form.data(), i, n, c);
    if (c >= 0 && u_charType(c) == U_SPACE_SEPARATOR) continue;
    chars->append(form, start, i - start);
  }
  span.end = chars->size();
  return span;
}

std::string SentenceName(const Sentence& s, size_t index) {
  for (const std::string& c : s.comments) {
    if (c.rfind("sent_id = ", 0) == 0) return c.substr(10);
  }
  // Not "#" + to_string(...): GCC 12 at -O3 warns about that (-Wrestrict,
  // a false positive).
  std::string name = "#";
  name += std::to_string(index + 1);
  return name;
}

Flat Flatten(const std::vector<Sentence>& sentences) {
  Flat flat;
  for (size_t si = 0; si < sentences.size(); ++si) {
    const Sentence& s = sentences[si];
    if (s.words.empty()) continue;
    Span sentence{static_cast<long>(flat.chars.size()), 0};
    const long base = flat.words.size();
    size_t m = 0;  // Next multi-word token.
    for (size_t w = 0; w < s.words.size(); ++w) {
      const int id = w + 1;
      if (m < s.multiword_tokens.size() && s.multiword_tokens[m].first == id) {
        const MultiwordToken& token = s.multiword_tokens[m++];
        Span span = AppendForm(token.form, &flat.chars);
        flat.tokens.push_back(span);
        for (; w < s.words.size() && static_cast<int>(w) + 1 <= token.last;
             ++w) {
          flat.words.push_back({span, true, &s.words[w], -1});
        }
        --w;
        continue;
      }
      Span span = AppendForm(s.words[w].form, &flat.chars);
      flat.tokens.push_back(span);
      flat.words.push_back({span, false, &s.words[w], -1});
    }
    for (size_t w = base; w < flat.words.size(); ++w) {
      int head = flat.words[w].word->head;
      flat.words[w].head = head > 0 ? base + head - 1 : -1;
    }
    sentence.end = flat.chars.size();
    flat.sentences.push_back(sentence);
    flat.sentence_names.push_back(SentenceName(s, si));
  }
  return flat;
}

EvalScore SpanScore(const std::vector<Span>& gold,
                    const std::vector<Span>& system) {
  EvalScore score;
  score.gold = gold.size();
  score.system = system.size();
  size_t g = 0, s = 0;
  while (g < gold.size() && s < system.size()) {
    if (system[s].start < gold[g].start) {
      ++s;
    } else if (gold[g].start < system[s].start) {
      ++g;
    } else {  // Same start: correct if same end; both move on.
      if (gold[g].end == system[s].end) ++score.correct;
      ++g;
      ++s;
    }
  }
  return score;
}

// Word alignment; `to_gold[i]` is the gold word aligned to system word i or
// -1.
class Aligner {
 public:
  Aligner(const std::vector<EvalWord>& gold, const std::vector<EvalWord>& sys)
      : gold_(gold), sys_(sys), to_gold_(sys.size(), -1) {}

  std::vector<long> Run() {
    size_t gi = 0, si = 0;
    while (gi < gold_.size() && si < sys_.size()) {
      if (gold_[gi].multiword || sys_[si].multiword) {
        size_t gs, ss;
        FindMultiwordRegion(&gi, &si, &gs, &ss);
        AlignByLcs(gs, gi, ss, si);
      } else if (gold_[gi].span == sys_[si].span) {
        to_gold_[si++] = gi++;
      } else if (gold_[gi].span.start <= sys_[si].span.start) {
        ++gi;
      } else {
        ++si;
      }
    }
    return std::move(to_gold_);
  }

 private:
  static bool BeyondEnd(const std::vector<EvalWord>& words, size_t i,
                        long end) {
    if (i >= words.size()) return true;
    if (words[i].multiword) return words[i].span.start >= end;
    return words[i].span.end > end;
  }

  // The smallest region [gs, gi) x [ss, si) around the multi-word tokens at
  // the current position that both sides cover completely.
  void FindMultiwordRegion(size_t* gi, size_t* si, size_t* gs, size_t* ss) {
    long end;
    if (gold_[*gi].multiword) {
      end = gold_[*gi].span.end;
      if (!sys_[*si].multiword &&
          sys_[*si].span.start < gold_[*gi].span.start) {
        ++*si;
      }
    } else {
      end = sys_[*si].span.end;
      if (!gold_[*gi].multiword &&
          gold_[*gi].span.start < sys_[*si].span.start) {
        ++*gi;
      }
    }
    *gs = *gi;
    *ss = *si;
    while (!BeyondEnd(gold_, *gi, end) || !BeyondEnd(sys_, *si, end)) {
      if (*gi < gold_.size() &&
          (*si >= sys_.size() ||
           gold_[*gi].span.start <= sys_[*si].span.start)) {
        if (gold_[*gi].multiword) end = std::max(end, gold_[*gi].span.end);
        ++*gi;
      } else {
        if (sys_[*si].multiword) end = std::max(end, sys_[*si].span.end);
        ++*si;
      }
    }
  }

  void AlignByLcs(size_t gs, size_t ge, size_t ss, size_t se) {
    const size_t ng = ge - gs, ns = se - ss;
    if (ng == 0 || ns == 0) return;
    std::vector<std::string> gf(ng), sf(ns);
    for (size_t g = 0; g < ng; ++g)
      gf[g] = AsciiLower(gold_[gs + g].word->form);
    for (size_t s = 0; s < ns; ++s) sf[s] = AsciiLower(sys_[ss + s].word->form);
    // lcs[g][s]: LCS length of gf[g:] and sf[s:].
    std::vector<std::vector<int>> lcs(ng + 1, std::vector<int>(ns + 1, 0));
    for (size_t g = ng; g-- > 0;) {
      for (size_t s = ns; s-- > 0;) {
        int best = std::max(lcs[g + 1][s], lcs[g][s + 1]);
        if (gf[g] == sf[s]) best = std::max(best, 1 + lcs[g + 1][s + 1]);
        lcs[g][s] = best;
      }
    }
    size_t g = 0, s = 0;
    while (g < ng && s < ns) {
      if (gf[g] == sf[s]) {
        to_gold_[ss + s] = gs + g;
        ++g;
        ++s;
      } else if (lcs[g][s] == lcs[g + 1][s]) {
        ++g;
      } else {
        ++s;
      }
    }
  }

  const std::vector<EvalWord>& gold_;
  const std::vector<EvalWord>& sys_;
  std::vector<long> to_gold_;
};

std::string_view Universal(std::string_view deprel) {
  return deprel.substr(0, deprel.find(':'));
}

Status CharacterMismatch(const Flat& gold, const Flat& sys) {
  size_t i = 0;
  while (i < gold.chars.size() && i < sys.chars.size() &&
         gold.chars[i] == sys.chars[i]) {
    ++i;
  }
  size_t sentence = 0;
  while (sentence + 1 < gold.sentences.size() &&
         gold.sentences[sentence + 1].start <= static_cast<long>(i)) {
    ++sentence;
  }
  size_t from = i > 20 ? i - 20 : 0;
  std::string where = gold.sentence_names.empty()
                          ? std::string("end")
                          : "sentence " + gold.sentence_names[sentence];
  return InvalidArgumentError(
      "gold and system texts differ (whitespace ignored) at character " +
      std::to_string(i) + ", in gold " + where + ": gold \"" +
      gold.chars.substr(from, 40) + "\" vs system \"" +
      sys.chars.substr(from, 40) + "\"");
}

}  // namespace

StatusOr<EvalReport> Evaluate(const std::vector<Sentence>& gold,
                              const std::vector<Sentence>& system) {
  Flat g = Flatten(gold);
  Flat s = Flatten(system);
  if (g.chars != s.chars) return CharacterMismatch(g, s);
  EvalReport r;
  r.tokens = SpanScore(g.tokens, s.tokens);
  r.sentences = SpanScore(g.sentences, s.sentences);
  std::vector<long> to_gold = Aligner(g.words, s.words).Run();
  EvalScore base;
  base.gold = g.words.size();
  base.system = s.words.size();
  r.words = r.upos = r.xpos = r.lemmas = r.uas = r.las = base;
  for (size_t i = 0; i < s.words.size(); ++i) {
    if (to_gold[i] < 0) continue;
    const EvalWord& sw = s.words[i];
    const EvalWord& gw = g.words[to_gold[i]];
    for (EvalScore* score : {&r.upos, &r.xpos, &r.lemmas, &r.uas, &r.las}) {
      ++score->aligned;
    }
    ++r.words.correct;
    ++r.words.aligned;
    const Word& a = *gw.word;
    const Word& b = *sw.word;
    if (a.upos == b.upos) ++r.upos.correct;
    if (a.xpos == b.xpos) ++r.xpos.correct;
    if (a.lemma == "_" || a.lemma == b.lemma) ++r.lemmas.correct;
    bool head_ok =
        (gw.head < 0 && sw.head < 0 && b.head == 0) ||
        (sw.head >= 0 && to_gold[sw.head] >= 0 && to_gold[sw.head] == gw.head);
    if (head_ok) {
      ++r.uas.correct;
      if (Universal(a.deprel) == Universal(b.deprel)) ++r.las.correct;
    }
  }
  return r;
}

std::string FormatReport(const EvalReport& r) {
  std::string out =
      "Metric     | Precision |    Recall |  F1 Score | AligndAcc\n"
      "-----------+-----------+-----------+-----------+-----------\n";
  auto row = [&](const char* name, const EvalScore& s, bool aligned) {
    char line[128];
    std::snprintf(line, sizeof line, "%-10s | %9.2f | %9.2f | %9.2f |", name,
                  100 * s.precision(), 100 * s.recall(), 100 * s.f1());
    out += line;
    if (aligned) {
      std::snprintf(line, sizeof line, " %9.2f", 100 * s.aligned_accuracy());
      out += line;
    }
    out += "\n";
  };
  row("Tokens", r.tokens, false);
  row("Sentences", r.sentences, false);
  row("Words", r.words, false);
  row("UPOS", r.upos, true);
  row("XPOS", r.xpos, true);
  row("Lemmas", r.lemmas, true);
  row("UAS", r.uas, true);
  row("LAS", r.las, true);
  return out;
}

std::string RawText(const std::vector<Sentence>& sentences) {
  std::string out;
  bool first = true;
  for (const Sentence& s : sentences) {
    if (s.text.empty()) continue;
    bool new_paragraph = false;
    for (const std::string& c : s.comments) {
      if (c.rfind("newdoc", 0) == 0 || c.rfind("newpar", 0) == 0) {
        new_paragraph = true;
      }
    }
    if (!first) out += new_paragraph ? "\n\n" : " ";
    out += s.text;
    first = false;
  }
  if (!out.empty()) out += "\n";
  return out;
}

}  // namespace claimgraph
