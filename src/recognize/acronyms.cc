// Acronym definitions, after Schwartz and Hearst (2003): "long form
// (SHORT)", "SHORT (long form)", "long form, or SHORT," and "long form,
// known as SHORT". The long form is found by matching the short form's
// characters right to left, the first one at the start of a word.

#include <cctype>
#include <string>

#include "recognize/internal.h"

namespace claimgraph::recognize_internal {
namespace {

using TK = TokenKind;

char Lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
bool AlnumByte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Whether tokens [b, e) look like a short form: one to three glued tokens,
// 2..10 characters, starting with a letter or digit, with at least two
// capitals and no more than one lower-case run ("ICE", "NYPD", "DoJ",
// "COVID-19").
bool ShortForm(const Scan& s, size_t b, size_t e) {
  if (e <= b || e - b > 3) return false;
  for (size_t k = b + 1; k < e; ++k) {
    if (!s.Glued(k)) return false;
  }
  if (s.tokens[b].kind == TK::kPunct) return false;
  std::string_view text = s.Slice(s.tokens[b].begin, s.tokens[e - 1].end);
  if (text.size() < 2 || text.size() > 10) return false;
  int upper = 0, letters = 0;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') ++upper;
    if (std::isalpha(static_cast<unsigned char>(c))) ++letters;
  }
  return letters >= 1 && upper >= 2 && upper * 2 >= letters;
}

// The start (byte index into `lf`) of the shortest suffix of `lf` that
// contains the characters of `sf` in order, the first at a word start; -1
// if there is none.
int BestLongForm(std::string_view sf, std::string_view lf) {
  int si = static_cast<int>(sf.size()) - 1;
  int li = static_cast<int>(lf.size()) - 1;
  for (; si >= 0; --si) {
    char c = Lower(sf[si]);
    if (!AlnumByte(c)) continue;
    while (li >= 0 && (Lower(lf[li]) != c ||
                       (si == 0 && li > 0 && AlnumByte(lf[li - 1])))) {
      --li;
    }
    if (li < 0) return -1;
    --li;
  }
  // Back to the start of the word.
  ++li;
  while (li > 0 && lf[li - 1] != ' ' && lf[li - 1] != '-') --li;
  return li;
}

bool StopWord(std::string_view w) {
  return w == "the" || w == "a" || w == "an" || w == "of" || w == "and" ||
         w == "for" || w == "in" || w == "on" || w == "to" || w == "at";
}

// Long form candidate: the words before token `end` (exclusive), at most
// `max_words`, not crossing punctuation other than '-', '&', '\'' or '.'
// inside a word. Returns the matched long form as tokens [*first, end).
bool FindLongForm(const Scan& s, std::string_view sf, size_t end,
                  size_t max_words, size_t* first) {
  size_t b = end;
  size_t words = 0;
  while (b > 0 && words < max_words) {
    const Token& t = s.tokens[b - 1];
    if (t.kind == TK::kPunct && t.lower != "-" && t.lower != "&" &&
        t.lower != "'" && t.lower != "\u2019") {
      break;
    }
    if (t.kind != TK::kPunct && (b == end || !s.Glued(b))) ++words;
    --b;
  }
  while (b < end && s.tokens[b].kind == TK::kPunct) ++b;
  if (b >= end) return false;
  std::string_view lf = s.Slice(s.tokens[b].begin, s.tokens[end - 1].end);
  int start = BestLongForm(sf, lf);
  if (start < 0) return false;
  // Map the byte offset back to a token.
  size_t base = s.byte_offset[s.tokens[b].begin];
  size_t k = b;
  while (k < end &&
         s.byte_offset[s.tokens[k].begin] - base < static_cast<size_t>(start)) {
    ++k;
  }
  if (k >= end) return false;
  // The long form must be longer than the short form and not start with a
  // function word.
  if (StopWord(s.tokens[k].lower)) return false;
  std::string_view chosen = s.Slice(s.tokens[k].begin, s.tokens[end - 1].end);
  if (chosen.size() <= sf.size() ||
      chosen.find(' ') == std::string_view::npos) {
    // One-word long forms only when the short form is inside it as letters
    // at word-part starts ("Medicaid (MCD)" is rare): require two words.
    return false;
  }
  // "Department of Housing and Urban Development (HUD)": the head noun
  // before "of" belongs to the name.
  if (k >= b + 2 && s.Is(k - 1, "of") && s.tokens[k - 2].upper_initial &&
      !StopWord(s.tokens[k - 2].lower)) {
    k -= 2;
  }
  *first = k;
  return true;
}

Mention Acronym(const Scan& s, size_t sb, size_t se, size_t lb, size_t le) {
  Mention m = SpanMention(s, MentionType::kAcronym, sb, se - 1);
  m.long_form = std::string(s.Slice(s.tokens[lb].begin, s.tokens[le - 1].end));
  return m;
}

size_t MaxWords(std::string_view sf) {
  return std::min(sf.size() + 5, sf.size() * 2);
}

// "long form (SHORT)" or "SHORT (long form)" around the parenthesis at
// token i. Adds the acronym and returns the closing parenthesis, or 0.
size_t ParenthesisAcronym(const Scan& s, size_t i, std::vector<Mention>* out) {
  const auto& t = s.tokens;
  // Find the closing parenthesis within a few tokens.
  size_t close = i + 1;
  while (close < t.size() && close < i + 30 && !s.Is(close, ")") &&
         !s.Is(close, "(")) {
    ++close;
  }
  if (close >= t.size() || !s.Is(close, ")") || close == i + 1) return 0;
  // "long form (SHORT)".
  if (ShortForm(s, i + 1, close)) {
    std::string_view sf = s.Slice(t[i + 1].begin, t[close - 1].end);
    size_t lb;
    if (i > 0 && FindLongForm(s, sf, i, MaxWords(sf), &lb)) {
      out->push_back(Acronym(s, i + 1, close, lb, i));
      return close;
    }
  }
  // "SHORT (long form)".
  if (i > 0) {
    size_t sb = i - 1;
    while (sb > 0 && s.Glued(sb) && t[sb - 1].kind != TK::kPunct) --sb;
    if (ShortForm(s, sb, i)) {
      std::string_view sf = s.Slice(t[sb].begin, t[i - 1].end);
      size_t lb;
      size_t words = close - i - 1;
      if (words <= MaxWords(sf) + 2 &&
          FindLongForm(s, sf, close, MaxWords(sf), &lb) && lb == i + 1) {
        out->push_back(Acronym(s, sb, i, lb, close));
        return close;
      }
    }
  }
  return 0;
}

// "long form, or SHORT," and "long form, known as SHORT" after the comma
// at token i. Adds the acronym and returns its last token, or 0.
size_t KnownAsAcronym(const Scan& s, size_t i, std::vector<Mention>* out) {
  const auto& t = s.tokens;
  size_t k = i + 1;
  if (s.Is(k, "or")) {
    k += 1;
  } else if (s.Is(k, "known") && s.Is(k + 1, "as")) {
    k += 2;
  } else if (s.Is(k, "also") && s.Is(k + 1, "known") && s.Is(k + 2, "as")) {
    k += 3;
  } else {
    return 0;
  }
  if (s.Is(k, "the")) ++k;
  size_t e = k + 1;
  while (e < t.size() && s.Glued(e) && t[e].kind != TK::kPunct) ++e;
  if (!ShortForm(s, k, e)) return 0;
  // The short form ends the clause.
  if (e < t.size() && t[e].kind != TK::kPunct) return 0;
  std::string_view sf = s.Slice(t[k].begin, t[e - 1].end);
  size_t lb;
  if (!FindLongForm(s, sf, i, MaxWords(sf), &lb)) return 0;
  out->push_back(Acronym(s, k, e, lb, i));
  return e - 1;
}

}  // namespace

void FindAcronyms(const Scan& s, std::vector<Mention>* out) {
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    if (s.Is(i, "(")) {
      if (size_t close = ParenthesisAcronym(s, i, out)) i = close;
      continue;
    }
    if (s.Is(i, ",") && i > 0) {
      if (size_t last = KnownAsAcronym(s, i, out)) i = last;
    }
  }
}

}  // namespace claimgraph::recognize_internal
