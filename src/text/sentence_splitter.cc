// Sentence boundaries for the tokeniser (pass 3 of tokenizer.cc): which
// line breaks end a sentence (headlines), which lines are page debris, and
// where a block of tokens splits into sentences. See docs/tokenizer.md.

#include <string>
#include <utility>

#include "text/tokenizer_internal.h"
#include "text/tokenizer_lexicon.h"

namespace claimgraph::tokenizer_internal {

bool Tokenizer::IsDebris(long a, long b) const {
  // "Related: <links>", "**Read more:** ...": a debris label and a colon
  // make the whole line debris, however long.
  long k = a;
  while (k < b && k < a + 4 && !IsAlpha(cp_[k])) ++k;
  long label = k;
  while (k < b && k < label + 25 && (IsAlpha(cp_[k]) || cp_[k] == ' ')) ++k;
  if (k > label && k < b &&
      (cp_[k] == ':' || (cp_[k] == '*' && k + 1 < b && cp_[k + 1] == ':'))) {
    if (IsDebrisLabel(Lower(label, k))) return true;
  }
  if (b - a > 40) return false;
  std::string norm;
  bool has_letter = false, has_digit = false;
  for (long i = a; i < b; ++i) {
    char32_t c = cp_[i];
    if (IsAlpha(c)) {
      has_letter = true;
      if (c >= 0x80) return false;  // Lists are ASCII.
      norm.push_back(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else if (IsSpace(c) && !norm.empty() && norm.back() != ' ') {
      norm.push_back(' ');
    } else if (IsDigit(c)) {
      has_digit = true;
    } else if (!IsSpace(c) && !IsPunctOrSymbol(c)) {
      return false;
    }
  }
  // A line of only punctuation and symbols ("* * *", "|", "•") is debris.
  if (!has_letter) return !has_digit;
  if (!norm.empty() && norm.back() == ' ') norm.pop_back();
  if (IsDebrisLine(norm)) return true;
  for (std::string_view prefix :
       {"share on ", "follow us on ", "sign up for ", "click here "}) {
    if (norm.starts_with(prefix)) return true;
  }
  return false;
}

// Whether a single line break between the line [prev_a, prev_b) and the
// line starting at next_a ends the sentence (see docs/tokenizer.md).
bool Tokenizer::IsHardBreak(long prev_a, long prev_b, long next_a) const {
  if (options_.line_is_sentence) return true;
  if (IsLower(cp_[next_a])) return false;
  char32_t last = cp_[prev_b - 1];
  if (last == ',' || last == ';' || last == ':' || IsHyphen(last) ||
      last == 0x2013 || last == 0x2014 || last == '(' || last == '&' ||
      last == '/') {
    return false;
  }
  // Ends like a sentence: the sentence rules decide.
  long k = prev_b;
  while (k > prev_a && (IsClosingQuote(cp_[k - 1]) || cp_[k - 1] == '"' ||
                        IsBracketClose(cp_[k - 1]))) {
    --k;
  }
  if (k > prev_a && (cp_[k - 1] == '.' || cp_[k - 1] == '!' ||
                     cp_[k - 1] == '?' || cp_[k - 1] == 0x2026)) {
    return false;
  }
  // A line ending in a function word ("on", "the") goes on.
  long w = prev_b;
  while (w > prev_a && IsAlpha(cp_[w - 1])) --w;
  if (w < prev_b && IsContinuationWord(Lower(w, prev_b))) return false;
  if (prev_b - prev_a < 50) return true;  // A headline, byline, dateline.
  // A long line without a final period: a headline if in title case.
  int words = 0, capitalised = 0;
  for (long i = prev_a; i < prev_b; ++i) {
    if (IsAlpha(cp_[i]) && (i == prev_a || IsSpace(cp_[i - 1]))) {
      ++words;
      if (IsUpper(cp_[i])) ++capitalised;
    }
  }
  return words >= 2 && capitalised * 10 >= words * 6;
}

void Tokenizer::FlushBlock(bool debris) {
  if (!block_.empty()) SplitSentences(debris);
  block_.clear();
}

// Whether the sentence ends after token i; *after is the index of the first
// token of the next sentence (closing quotes and brackets stay with it).
bool Tokenizer::EndsSentence(size_t i, size_t* after) const {
  const Tok& t = block_[i];
  char32_t c = cp_[t.start];
  bool terminal = t.cut < 0;
  for (long k = t.start; k < t.end && terminal; ++k) {
    char32_t d = cp_[k];
    terminal = d == '.' || d == '!' || d == '?' || d == 0x2026;
  }
  if (!terminal && !t.abbrev) return false;
  size_t j = i + 1;
  while (j < block_.size()) {
    char32_t d = cp_[block_[j].start];
    bool attached = block_[j].start == block_[j - 1].end;
    if (IsClosingQuote(d) || IsBracketClose(d) ||
        ((d == '"' || d == '\'') && attached)) {
      ++j;
    } else {
      break;
    }
  }
  *after = j;
  if (j == block_.size()) return true;
  const Tok& next = block_[j];
  if (next.start == block_[j - 1].end) return false;  // No space: "U.S.-led".
  long w = next.start;
  // Skip an opening quote or bracket to the first word.
  for (size_t k = j; k < block_.size() && k < j + 2; ++k) {
    char32_t d = cp_[block_[k].start];
    if (IsOpeningQuote(d) || IsBracketOpen(d) || d == '"' || d == '\'') {
      if (k + 1 < block_.size()) w = block_[k + 1].start;
    } else {
      break;
    }
  }
  char32_t first = cp_[w];
  if (terminal) {
    bool ellipsis = (c == '.' && t.end - t.start > 1) || c == 0x2026;
    // "?" or "!" not inside quotes ends the sentence even before a
    // lower-case word (web text: "what happened to you? i used to...").
    bool stop = cp_[t.end - 1] == '?' || cp_[t.end - 1] == '!';
    if (stop && j == i + 1 && IsLower(first)) return true;
    // "... it was cool. i think": a period after a lower-case word of two
    // or more letters (not an abbreviation, which keeps its period) also
    // ends before a lower-case word.
    if (c == '.' && !ellipsis && j == i + 1 && IsLower(first) && i > 0) {
      const Tok& prev = block_[i - 1];
      bool word = prev.end == t.start && prev.end - prev.start >= 2;
      for (long k = prev.start; k < prev.end && word; ++k) {
        word = IsLower(cp_[k]);
      }
      if (word) return true;
    }
    return IsUpper(first) || (!ellipsis && IsDigit(first)) ||
           (!ellipsis && !IsAlnum(first) && !IsLower(first));
  }
  // An abbreviation ends a sentence only before a typical sentence opener.
  const long len = t.end - t.start - 1;
  std::string key = Lower(t.start, t.end - 1);
  if (len == 1 || IsTitleAbbreviation(key)) return false;
  if (key == "no" && IsDigit(first)) return false;  // "No. 5".
  if (!IsUpper(first)) return false;
  long we = w;
  while (we < static_cast<long>(cp_.size()) && IsAlpha(cp_[we])) ++we;
  return IsSentenceStarter(Lower(w, we));
}

void Tokenizer::SplitSentences(bool debris) {
  size_t first = 0;
  size_t i = 0;
  while (i < block_.size()) {
    size_t after = i + 1;
    bool ends = EndsSentence(i, &after);
    if (!ends && after - first >= kMaxSentenceTokens) ends = true;
    if (ends) {
      // A sentence-final abbreviation gives its period back: "Inc" ".".
      long split = block_[i].abbrev && block_[i].end - block_[i].start > 1
                       ? static_cast<long>(i)
                       : -1;
      MakeSentence(first, after, split, debris);
      first = after;
      i = after;
    } else {
      i = after > i + 1 ? after : i + 1;
    }
  }
  if (first < block_.size()) MakeSentence(first, block_.size(), -1, debris);
}

// Words of tokens [first, last); token `split_period` (or -1) is an
// abbreviation whose period becomes a word of its own.
void Tokenizer::MakeSentence(size_t first, size_t last, long split_period,
                             bool debris) {
  Sentence s;
  s.start = block_[first].start;
  s.end = block_[last - 1].end;
  s.text = Utf8(s.start, s.end);
  if (debris) s.comments.push_back("page_debris");
  for (size_t k = first; k < last; ++k) {
    const Tok& t = block_[k];
    bool space_after = k + 1 >= block_.size() || block_[k + 1].start > t.end;
    std::string misc = space_after ? "" : "SpaceAfter=No";
    size_t first_word = s.words.size() + 1;
    auto add = [&](long a, long b) {
      Word w;
      w.form = Utf8(a, b);
      w.start = a;
      w.end = b;
      s.words.push_back(std::move(w));
    };
    if (static_cast<long>(k) == split_period) {
      add(t.start, t.end - 1);
      s.words.back().misc = "SpaceAfter=No";
      add(t.end - 1, t.end);
      s.words.back().misc = misc;
    } else if (t.cut < 0) {
      add(t.start, t.end);
      s.words.back().misc = misc;
    } else {
      add(t.start, t.cut);
      add(t.cut, t.end);
      s.multiword_tokens.push_back({static_cast<int>(first_word),
                                    static_cast<int>(s.words.size()),
                                    Utf8(t.start, t.end), misc});
    }
  }
  if (sink_status_.ok()) sink_status_ = sink_(std::move(s));
}

}  // namespace claimgraph::tokenizer_internal
