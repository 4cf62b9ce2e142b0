// Internals of the tokeniser (src/text/tokenizer.h), shared by
// tokenizer.cc (lines and tokens) and sentence_splitter.cc (sentences,
// headlines and page debris). Not part of the public API.

#ifndef CLAIMGRAPH_TEXT_TOKENIZER_INTERNAL_H_
#define CLAIMGRAPH_TEXT_TOKENIZER_INTERNAL_H_

#include <unicode/uchar.h>

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "text/sentence.h"
#include "text/tokenizer.h"

namespace claimgraph::tokenizer_internal {

// A surface token: code points [start, end). `cut` is the interior split
// point when the token is a multi-word token ("don't": cut at 2); EWT
// never needs more than two words per token in the cases we split.
struct Tok {
  long start = 0;
  long end = 0;
  long cut = -1;
  bool abbrev = false;  // Ends with a period that belongs to it ("Inc.").
};

// Longest sentence we emit; longer runs without a sentence end (a 10 MB line
// with no punctuation) are cut so later stages stay bounded.
constexpr size_t kMaxSentenceTokens = 400;

// Decodes and validates UTF-8 into code points, with the byte offset of
// each code point (and the total size at the end) in `byte_at`.
// InvalidArgument names the byte offset of the first bad sequence.
Status DecodeUtf8(std::string_view s, std::vector<char32_t>* cps,
                  std::vector<size_t>* byte_at);

inline bool IsSpace(char32_t c) {
  return u_isUWhiteSpace(c) || c == 0xFEFF || c == 0x200B;
}
inline bool IsLineBreak(char32_t c) {
  return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
}
inline bool IsAlpha(char32_t c) { return u_isalpha(c); }
inline bool IsDigit(char32_t c) { return u_isdigit(c); }
inline bool IsAlnum(char32_t c) { return IsAlpha(c) || IsDigit(c); }
inline bool IsUpper(char32_t c) { return u_isupper(c) || u_istitle(c); }
inline bool IsLower(char32_t c) { return u_islower(c); }
inline bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }
inline bool IsHyphen(char32_t c) {
  return c == '-' || c == 0x2010 || c == 0x2011;
}
inline bool IsOpeningQuote(char32_t c) {
  return c == 0x201C || c == 0x2018 || c == 0xAB || c == '`';
}
inline bool IsClosingQuote(char32_t c) {
  return c == 0x201D || c == 0x2019 || c == 0xBB;
}
inline bool IsBracketOpen(char32_t c) {
  return c == '(' || c == '[' || c == '{';
}
inline bool IsBracketClose(char32_t c) {
  return c == ')' || c == ']' || c == '}';
}
inline bool IsPunctOrSymbol(char32_t c) {
  if (u_ispunct(c)) return true;
  int8_t t = u_charType(c);
  return t == U_MATH_SYMBOL || t == U_CURRENCY_SYMBOL ||
         t == U_MODIFIER_SYMBOL || t == U_OTHER_SYMBOL;
}
// Punctuation that always stands alone, even inside a chunk.
inline bool IsAlwaysSplit(char32_t c) {
  return c == 0x2013 || c == 0x2014 || c == 0x2026 || c == '"' ||
         IsOpeningQuote(c) || c == 0x201D || IsBracketOpen(c) ||
         IsBracketClose(c) || c == 0xBB || c == '!' || c == '?';
}
// Characters that repeat into one token ("...", "--", "!!!", "?!").
inline bool IsRunChar(char32_t c) {
  return c == '.' || c == '-' || c == '!' || c == '?' || c == '*' || c == '=' ||
         c == '_' || c == '~' || c == '<' || c == '>' || c == '$';
}
// "!!!", "?!", "...?" and ".?" are one token each.
inline bool SameRun(char32_t a, char32_t b) {
  auto stop = [](char32_t c) { return c == '!' || c == '?'; };
  if ((stop(a) || a == '.') && (stop(b) || b == '.') && (stop(a) || stop(b))) {
    return true;
  }
  return a == b;
}

class Tokenizer {
 public:
  Tokenizer(std::string_view utf8, const TokenizerOptions& options,
            const SentenceSink& sink)
      : utf8_(utf8), options_(options), sink_(sink) {}

  Status Run();

 private:
  // ASCII-lowercased text of [a, b), with curly apostrophes made straight;
  // any other non-ASCII character becomes '\x01' so it never matches a list.
  std::string Lower(long a, long b) const;
  std::string Utf8(long a, long b) const {
    return std::string(utf8_.substr(byte_at_[a], byte_at_[b] - byte_at_[a]));
  }

  void ProcessLines();
  bool IsDebris(long a, long b) const;
  bool IsHardBreak(long prev_a, long prev_b, long next_a) const;
  void TokenizeLine(long a, long b);
  void SplitChunk(long a, long b);
  // Emits the punctuation that opens chunk [a, b) and returns where the
  // rest begins; notes an opening single quote.
  long EmitLeading(long a, long b, bool* opened_single_quote);
  // Collects the punctuation that closes [a, b) into `tail`, right to left,
  // and returns where it begins; notes a possessive "s'".
  long PeelTrailing(long a, long b, bool opened_single_quote,
                    std::vector<std::pair<long, long>>* tail, bool* possessive);
  long EmoticonLength(long a, long b, bool at_end) const;
  bool IsUrlOrEmail(long a, long b) const;
  bool KeepsPeriod(long a, long b) const;
  void SplitCore(long a, long b, bool possessive);
  void SplitHyphens(long a, long b);
  void AddWord(long a, long b);
  void Emit(long a, long b) { block_.push_back({a, b, -1, false}); }
  void FlushBlock(bool debris);
  void SplitSentences(bool debris);
  bool EndsSentence(size_t i, size_t* after) const;
  void MakeSentence(size_t first, size_t last, long split_period, bool debris);

  std::string_view utf8_;
  TokenizerOptions options_;
  std::vector<char32_t> cp_;
  std::vector<size_t> byte_at_;
  std::vector<Tok> block_;
  const SentenceSink& sink_;
  Status sink_status_;  // The first error of sink_; stops the work.
};

}  // namespace claimgraph::tokenizer_internal

#endif  // CLAIMGRAPH_TEXT_TOKENIZER_INTERNAL_H_
