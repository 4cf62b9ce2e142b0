// The tokeniser works in three passes over code points, all linear:
//  1. decode and validate UTF-8 (keeping the byte offset of each code point);
//  2. cut the text into lines and group lines into blocks (a blank line,
//     page debris or a headline-like line ends a block), and cut each line
//     into tokens (see SplitChunk);
//  3. split each block's tokens into sentences (see SplitSentences).
//
// This file does passes 1 and 2; sentence_splitter.cc does pass 3 and the
// line classification (headlines, page debris).

#include "text/tokenizer.h"

#include <algorithm>
#include <string>
#include <utility>

#include "text/tokenizer_internal.h"
#include "text/tokenizer_lexicon.h"

namespace claimgraph {
namespace tokenizer_internal {

Status DecodeUtf8(std::string_view s, std::vector<char32_t>* cps,
                  std::vector<size_t>* byte_at) {
  cps->reserve(s.size());
  byte_at->reserve(s.size() + 1);
  size_t i = 0;
  const size_t n = s.size();
  auto bad = [&](size_t at) {
    return InvalidArgumentError("invalid UTF-8 at byte offset " +
                                std::to_string(at));
  };
  while (i < n) {
    unsigned char b = s[i];
    size_t len;
    char32_t c;
    if (b < 0x80) {
      len = 1;
      c = b;
    } else if (b >= 0xC2 && b <= 0xDF) {
      len = 2;
      c = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
      len = 3;
      c = b & 0x0F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      len = 4;
      c = b & 0x07;
    } else {
      return bad(i);
    }
    if (i + len > n) return bad(i);
    for (size_t k = 1; k < len; ++k) {
      unsigned char cont = s[i + k];
      if ((cont & 0xC0) != 0x80) return bad(i);
      c = (c << 6) | (cont & 0x3F);
    }
    if ((len == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) ||
        (len == 4 && (c < 0x10000 || c > 0x10FFFF))) {
      return bad(i);
    }
    cps->push_back(c);
    byte_at->push_back(i);
    i += len;
  }
  byte_at->push_back(n);
  return OkStatus();
}

namespace {

// Emoticons EWT keeps whole (":)", ":-D"). Those starting with a bracket
// only count as a whole chunk, so "(see above):" keeps its "):" apart.
constexpr std::u32string_view kEmoticons[] = {
    U":-)", U":-(", U":-D", U":-P", U";-)", U":)", U":(",  U":D", U":P",
    U":p",  U";)",  U":/",  U":'(", U"=)",  U"<3", U"^_^", U"(:", U"):"};

}  // namespace

std::string Tokenizer::Lower(long a, long b) const {
  std::string s;
  s.reserve(b - a);
  for (long i = a; i < b; ++i) {
    char32_t c = cp_[i];
    if (c == 0x2019) c = '\'';
    if (c >= 0x80) {
      s.push_back('\x01');
    } else {
      s.push_back(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
  }
  return s;
}

Status Tokenizer::Run() {
  CG_RETURN_IF_ERROR(DecodeUtf8(utf8_, &cp_, &byte_at_));
  ProcessLines();
  return sink_status_;
}

// Groups lines into blocks; a block never shares a sentence with another.
void Tokenizer::ProcessLines() {
  const long n = cp_.size();
  long prev_a = -1, prev_b = -1;  // The last non-blank line of the block.
  // YAML front matter ("---" first, up to the next "---"): every line is a
  // sentence of its own ("title: ...", "author: ...").
  enum { kUnknown, kInside, kNone } front_matter = kUnknown;
  long i = 0;
  while (i < n && sink_status_.ok()) {
    long a = i;
    while (i < n && !IsLineBreak(cp_[i])) ++i;
    long b = i;
    bool paragraph_sep = i < n && cp_[i] == 0x2029;
    if (i < n && cp_[i] == '\r' && i + 1 < n && cp_[i + 1] == '\n') ++i;
    if (i < n) ++i;
    while (a < b && IsSpace(cp_[a])) ++a;
    while (b > a && IsSpace(cp_[b - 1])) --b;
    if (a == b) {  // Blank line: a paragraph break.
      FlushBlock(false);
      prev_a = -1;
      continue;
    }
    bool dashes =
        b - a == 3 && cp_[a] == '-' && cp_[a + 1] == '-' && cp_[a + 2] == '-';
    if (front_matter == kUnknown) {
      front_matter = dashes ? kInside : kNone;
    } else if (front_matter == kInside) {
      if (dashes) {
        front_matter = kNone;  // The closing line; debris below.
      } else {
        TokenizeLine(a, b);
        FlushBlock(false);
        continue;
      }
    }
    if (IsDebris(a, b)) {
      FlushBlock(false);
      if (options_.keep_debris) {
        TokenizeLine(a, b);
        FlushBlock(true);
      }
      prev_a = -1;
      continue;
    }
    if (prev_a >= 0 && IsHardBreak(prev_a, prev_b, a)) FlushBlock(false);
    TokenizeLine(a, b);
    prev_a = a;
    prev_b = b;
    if (paragraph_sep) {
      FlushBlock(false);
      prev_a = -1;
    }
  }
  FlushBlock(false);
}

void Tokenizer::TokenizeLine(long a, long b) {
  long i = a;
  while (i < b) {
    while (i < b && IsSpace(cp_[i])) ++i;
    long start = i;
    while (i < b && !IsSpace(cp_[i])) ++i;
    if (start < i) SplitChunk(start, i);
  }
}

bool Tokenizer::IsUrlOrEmail(long a, long b) const {
  std::string s = Lower(a, b);
  if (s.starts_with("http://") || s.starts_with("https://") ||
      s.starts_with("ftp://") || s.starts_with("www.") ||
      s.starts_with("mailto:")) {
    return s.size() > 7;
  }
  size_t at = s.find('@');
  if (at != std::string::npos && at > 0) {
    size_t dot = s.find('.', at);
    return dot != std::string::npos && dot > at + 1 && dot + 1 < s.size() &&
           IsAlpha(cp_[a + dot + 1]);
  }
  // A bare domain name with a common top-level domain ("nytimes.com/x").
  size_t slash = s.find('/');
  std::string host = s.substr(0, slash);
  size_t dot = host.rfind('.');
  if (dot == std::string::npos || dot == 0) return false;
  std::string tld = host.substr(dot + 1);
  for (std::string_view t : {"com", "org", "net", "gov", "edu", "io", "uk"}) {
    if (tld == t) return IsAlnum(cp_[a]);
  }
  return false;
}

// Whether [a, b) followed by a period is an abbreviation that keeps it:
// a listed one, an initial ("J"), or letters joined by periods ("U.S").
bool Tokenizer::KeepsPeriod(long a, long b) const {
  if (b - a == 1) return IsAlpha(cp_[a]);
  std::string key = Lower(a, b);
  if (key == "no") return cp_[a] == 'N';  // "No. 5", not "said no."
  if (IsAbbreviation(key)) {
    // "Sun." but not "the sun.": listed abbreviations must be capitalised
    // unless they are written in lower case ("etc.", "vs.").
    return IsUpper(cp_[a]) || IsLowercaseAbbreviation(key);
  }
  bool dotted = false;
  long run = 0;
  for (long i = a; i < b; ++i) {
    if (cp_[i] == '.') {
      if (run == 0) return false;
      dotted = true;
      run = 0;
    } else if (IsAlpha(cp_[i]) && run < 3) {
      ++run;
    } else {
      return false;
    }
  }
  return dotted && run > 0;
}

// The length of an emoticon at the start (or, with at_end, the end) of
// [a, b), or 0.
long Tokenizer::EmoticonLength(long a, long b, bool at_end) const {
  // Fast exit: every emoticon starts with one of ":;=<^()" and ends with
  // one of ")(DPp/3^:".
  char32_t c = at_end ? cp_[b - 1] : cp_[a];
  std::u32string_view ends = at_end ? U")(DPp/3^:" : U":;=<^()";
  if (ends.find(c) == std::u32string_view::npos) return 0;
  for (std::u32string_view e : kEmoticons) {
    const long n = e.size();
    if (n > b - a) continue;
    long from = at_end ? b - n : a;
    if (std::u32string_view(&cp_[from], n) != e) continue;
    if ((e[0] == '(' || e[0] == ')') && n != b - a) continue;
    // ":D" must not start a word (":Dallas"), nor ":P" end one ("Note:P").
    if (!at_end && from + n < b && IsAlnum(cp_[from + n])) continue;
    if (at_end && from > a && IsAlnum(e[n - 1]) && IsAlnum(cp_[from - 1])) {
      continue;
    }
    return n;
  }
  return 0;
}

// Cuts one whitespace-free chunk into tokens: leading punctuation, the core
// and trailing punctuation (peeled from the end, emitted in order).
void Tokenizer::SplitChunk(long a, long b) {
  bool opened_single_quote = false;
  a = EmitLeading(a, b, &opened_single_quote);
  if (a == b) return;
  std::vector<std::pair<long, long>> tail;
  bool possessive = false;
  b = PeelTrailing(a, b, opened_single_quote, &tail, &possessive);
  if (a < b) {
    if (IsUrlOrEmail(a, b)) {
      Emit(a, b);
    } else {
      SplitCore(a, b, possessive);
    }
  }
  for (auto it = tail.rbegin(); it != tail.rend(); ++it) {
    Emit(it->first, it->second);
  }
}

long Tokenizer::EmitLeading(long a, long b, bool* opened_single_quote) {
  while (a < b) {
    char32_t c = cp_[a];
    if (IsAlnum(c)) break;
    if (long n = EmoticonLength(a, b, false)) {
      Emit(a, a + n);
      a += n;
      continue;
    }
    if (IsApostrophe(c) && a + 1 < b && IsAlnum(cp_[a + 1])) {
      // "'s", "'re" standing alone, or "'90s": not a quote.
      std::string rest = Lower(a, b);
      if (IsDigit(cp_[a + 1]) || rest == "'s" || rest == "'re" ||
          rest == "'ll" || rest == "'ve" || rest == "'m" || rest == "'d" ||
          rest == "'em" || rest == "'n") {
        break;
      }
      *opened_single_quote = true;
    }
    if (c == 0x2018) *opened_single_quote = true;
    // Hashtags and handles stay whole; "#10461" is "#" "10461" in EWT.
    if (c == '#' && a + 1 < b && IsAlpha(cp_[a + 1])) break;
    if (c == '@' && a + 1 < b && IsAlnum(cp_[a + 1])) break;
    if ((c == '-' || c == '+' || c == '.') && a + 1 < b &&
        IsDigit(cp_[a + 1])) {
      break;  // "-5", "+1", ".5".
    }
    if (!IsPunctOrSymbol(c) && !IsApostrophe(c)) break;
    long e = a + 1;
    if (IsRunChar(c)) {
      while (e < b && SameRun(cp_[e], c)) ++e;
    }
    Emit(a, e);
    a = e;
  }
  return a;
}

long Tokenizer::PeelTrailing(long a, long b, bool opened_single_quote,
                             std::vector<std::pair<long, long>>* tail,
                             bool* possessive) {
  while (b > a) {
    char32_t c = cp_[b - 1];
    if (long n = EmoticonLength(a, b, true)) {
      tail->push_back({b - n, b});
      b -= n;
      continue;
    }
    if (IsAlnum(c)) break;
    if (c == '.') {
      long s = b - 1;
      while (s > a && cp_[s - 1] == '.') --s;
      if (b - s == 1 && KeepsPeriod(a, b - 1)) break;
      tail->push_back({s, b});
      b = s;
      continue;
    }
    if (IsApostrophe(c) && !opened_single_quote && b - a >= 3 &&
        (cp_[b - 2] == 's' || cp_[b - 2] == 'S') && IsAlpha(cp_[b - 3])) {
      *possessive = true;  // "Edwards'": Edwards + '.
      break;
    }
    if (c == '/' && b - a > 1) break;  // "http://x.org/dir/".
    if (!IsPunctOrSymbol(c) && !IsApostrophe(c)) break;
    long s = b - 1;
    if (IsRunChar(c)) {
      while (s > a && SameRun(cp_[s - 1], c)) --s;
    }
    tail->push_back({s, b});
    b = s;
  }
  return b;
}

// Splits a core at internal punctuation: "/", "," ";" ":" (except between
// digits), dashes, quotes, brackets, "..." and hyphens (see SplitHyphens).
void Tokenizer::SplitCore(long a, long b, bool possessive) {
  long seg = a;
  long i = a;
  while (i < b) {
    // A URL after a bracket or quote ("[text](http://...)") runs to the end.
    if (i == seg && i > a && cp_[i] != '.') {
      std::string head = Lower(i, std::min(b, i + 8));
      if (head.starts_with("http://") || head.starts_with("https://") ||
          head.starts_with("www.")) {
        Emit(i, b);
        return;
      }
    }
    char32_t c = cp_[i];
    bool digits_around =
        i > a && i + 1 < b && IsDigit(cp_[i - 1]) && IsDigit(cp_[i + 1]);
    long e = i + 1;
    bool split = false;
    if (IsAlwaysSplit(c)) {
      split = true;
      if (IsRunChar(c)) {
        while (e < b && SameRun(cp_[e], c)) ++e;
      }
    } else if (c == '/' || c == ',' || c == ';' || c == ':') {
      split = !digits_around && i > a && i + 1 < b;
      // "b/c", "w/o", "L/C": letter pairs stay whole.
      if (c == '/' && split && IsAlpha(cp_[i - 1]) && IsAlpha(cp_[i + 1]) &&
          (i - 1 == a || !IsAlnum(cp_[i - 2])) &&
          (i + 2 == b || !IsAlnum(cp_[i + 2]))) {
        split = false;
      }
    } else if (c == '.' && i + 1 < b && cp_[i + 1] == '.') {
      split = true;
      while (e < b && cp_[e] == '.') ++e;
    }
    if (split) {
      if (seg < i) SplitHyphens(seg, i);
      Emit(i, e);
      seg = e;
    }
    i = e;
  }
  if (seg < b) {
    if (possessive && b - seg > 1) {
      SplitHyphens(seg, b - 1);
      // Re-attach the apostrophe as the second word of the last token.
      Tok& last = block_.back();
      if (last.end == b - 1 && last.cut < 0) {
        last.cut = b - 1;
        last.end = b;
      } else {
        Emit(b - 1, b);
      }
    } else {
      SplitHyphens(seg, b);
    }
  }
}

// Hyphens: split unless the word is a phone number or date ("713-853-1234",
// "853-7906", "01-Feb-02"), a ZIP+4 code ("20006-3700"), starts with a
// prefix EWT keeps ("non-stop") or has a letter-digit code part ("EB-4a").
void Tokenizer::SplitHyphens(long a, long b) {
  std::vector<long> hyphens;
  for (long i = a; i < b; ++i) {
    if (IsHyphen(cp_[i])) hyphens.push_back(i);
  }
  if (hyphens.empty()) {
    AddWord(a, b);
    return;
  }
  bool keep = true;
  bool has_code = false;
  std::vector<long> digit_parts;  // Length of each all-digit part, else 0.
  long part = a;
  for (size_t k = 0; k <= hyphens.size(); ++k) {
    long end = k < hyphens.size() ? hyphens[k] : b;
    if (end == part) keep = false;  // "--", a leading or trailing hyphen.
    bool letters = false, digits = false;
    for (long i = part; i < end; ++i) {
      letters |= IsAlpha(cp_[i]);
      digits |= IsDigit(cp_[i]);
    }
    digit_parts.push_back(digits && !letters ? end - part : 0);
    has_code |= letters && digits;
    part = end + 1;
  }
  bool number = digit_parts[0] > 0 && hyphens.size() >= 2;
  if (hyphens.size() == 1 && digit_parts[1] == 4) {
    // The digits right before the hyphen: "853" in "713/853-5025".
    long run = 0;
    while (hyphens[0] - run > a && IsDigit(cp_[hyphens[0] - run - 1])) ++run;
    number = run == 3 || run == 5;
  }
  if (keep &&
      (number || has_code || IsKeptHyphenPrefix(Lower(a, hyphens[0])))) {
    AddWord(a, b);
    return;
  }
  long seg = a;
  size_t k = 0;
  while (k < hyphens.size()) {
    long h = hyphens[k];
    long e = h + 1;
    while (k + 1 < hyphens.size() && hyphens[k + 1] == e) {
      ++k;
      ++e;
    }
    if (seg < h) AddWord(seg, h);
    Emit(h, e);
    seg = e;
    ++k;
  }
  if (seg < b) AddWord(seg, b);
}

// One word-like token; clitics make it a multi-word token.
void Tokenizer::AddWord(long a, long b) {
  Tok tok{a, b, -1, false};
  std::string s = Lower(a, b);
  const long n = b - a;
  auto has_alnum_before = [&](long len) {
    for (long i = a; i < b - len; ++i) {
      if (IsAlnum(cp_[i])) return true;
    }
    return false;
  };
  if (s == "cannot" || s == "gonna" || s == "wanna" || s == "gotta") {
    tok.cut = a + 3;
  } else if (n > 3 && s.ends_with("n't") && has_alnum_before(3)) {
    tok.cut = b - 3;
  } else if (n > 3 &&
             (s.ends_with("'re") || s.ends_with("'ve") || s.ends_with("'ll")) &&
             has_alnum_before(3)) {
    tok.cut = b - 3;
  } else if (n > 2 &&
             (s.ends_with("'s") || s.ends_with("'m") || s.ends_with("'d")) &&
             has_alnum_before(2)) {
    tok.cut = b - 2;
  }
  // A period kept by SplitChunk ends the core: mark the abbreviation.
  tok.abbrev = cp_[b - 1] == '.';
  block_.push_back(std::move(tok));
}

}  // namespace tokenizer_internal

Status TokenizeEach(std::string_view utf8_text, const TokenizerOptions& options,
                    const SentenceSink& sink) {
  tokenizer_internal::Tokenizer tokenizer(utf8_text, options, sink);
  return tokenizer.Run();
}

StatusOr<std::vector<Sentence>> Tokenize(std::string_view utf8_text,
                                         const TokenizerOptions& options) {
  std::vector<Sentence> out;
  CG_RETURN_IF_ERROR(TokenizeEach(utf8_text, options, [&](Sentence&& s) {
    out.push_back(std::move(s));
    return OkStatus();
  }));
  return out;
}

}  // namespace claimgraph
