// Internal: what the per-kind recognisers share.

#ifndef CLAIMGRAPH_RECOGNIZE_INTERNAL_H_
#define CLAIMGRAPH_RECOGNIZE_INTERNAL_H_

#include <cstddef>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "recognize/lexicon.h"
#include "recognize/recognize.h"
#include "recognize/scan.h"

namespace claimgraph::recognize_internal {

// A number parsed from tokens [begin, end).
struct NumParse {
  size_t begin = 0;
  size_t end = 0;
  double value = 0;
  bool ordinal = false;          // "21st", "twenty-first".
  bool fraction = false;         // "two thirds", "3/4".
  bool spelled = false;          // Starts with a word ("thirty", "a dozen").
  bool fraction_scaled = false;  // "3 million and a half": scale applied.
};

// How ParseNumber treats letters glued to digits ("3day", "115USD").
struct NumberFlags {
  // Accept digits followed directly by letters that are not a scale suffix
  // ("3day"); the caller then decides what the letters mean.
  bool allow_glued_letters = false;
  // Accept digits preceded directly by letters ("USD115").
  bool allow_glued_before = false;
  // Accept ordinals; when false, "third" and "21st" are not numbers.
  bool allow_ordinal = true;
};

// The longest number starting exactly at token i, if any.
std::optional<NumParse> ParseNumber(const Scan& scan, size_t i,
                                    const NumberFlags& flags = {});

// Token tests shared by the recognisers.
inline bool IsWord(const Scan& s, size_t i) {
  return i < s.tokens.size() && s.tokens[i].kind == TokenKind::kWord;
}
// A hyphen or an en dash at token i (numbers also take the minus sign).
inline bool IsHyphen(const Scan& s, size_t i) {
  return s.Is(i, "-") || s.Is(i, "\u2013");
}

// ---------------------------------------------------------------------------
// Inside the number parser: numbers.cc (the parser's entry and spelled
// numbers), number_digits.cc (digits, separators, fractions, exponents,
// suffixes) and number_words.cc (composing number words).
namespace numbers {

inline bool IsDigits(const Scan& s, size_t i) {
  return i < s.tokens.size() && s.tokens[i].kind == TokenKind::kDigits;
}
// A hyphen, a minus sign or an en dash at token i.
inline bool IsDash(const Scan& s, size_t i) {
  return s.Is(i, "-") || s.Is(i, "\u2212") || s.Is(i, "\u2013");
}

// strtod never throws; a run of 400 digits is simply inf.
inline double ToDouble(const std::string& d) {
  return std::strtod(d.c_str(), nullptr);
}
inline double DigitsValue(const std::string& d) { return ToDouble(d); }

// State of a number being composed from words (number_words.cc).
class Composer {
 public:
  enum Last { kStart, kUnit, kTeen, kTens, kTensUnit, kHundred, kScale, kNum };

  double value() const { return total_ + group_; }
  Last last() const { return last_; }
  bool empty() const { return last_ == kStart; }
  double last_scale() const { return last_scale_; }

  // Whether a cardinal of `kind` and value `v` can come next.
  bool Accepts(NumWord kind, double v) const;
  void Add(NumWord kind, double v);
  // A number given in digits, as the first part or after a scale.
  void AddNumber(double v) {
    group_ += v;
    last_added_ = v;
    last_ = kNum;
  }
  // "three dozens", "two hundred and two dozens".
  bool Dozen();
  bool AcceptsNumber() const {
    return last_ == kStart || last_ == kHundred || last_ == kScale;
  }
  void Multiply(double f) {
    total_ *= f;
    group_ *= f;
  }
  void AddFraction(double f) { group_ += f; }

 private:
  double total_ = 0;
  double group_ = 0;
  double last_scale_ = std::numeric_limits<double>::infinity();
  double last_added_ = 0;
  Last last_ = kStart;
};

class NumberParser {
 public:
  NumberParser(const Scan& s, const NumberFlags& flags) : s_(s), f_(flags) {}
  std::optional<NumParse> Parse(size_t i);
  // A number without a trailing ratio ("over 3").
  std::optional<NumParse> ParseSimple(size_t i);

 private:
  // numbers.cc.
  bool TryRatio(size_t* k, double* value);
  // Digits at token k (after "negative" when `negative`), then any number
  // words: "2 million", "3 hundred and 21".
  std::optional<NumParse> DigitsThenWords(size_t i, size_t k, bool negative);
  // "a" or "an" at k before no scale word: "a dozen", "a half", "a fifth".
  std::optional<NumParse> ArticleNumber(size_t k, bool negative, NumParse p);
  // An ordinal word at k and what continues it: "twentieth".
  std::optional<NumParse> OrdinalWords(size_t k, bool negative, NumParse p);
  // "two thirds", "and a half", then "of a million": the fraction after the
  // whole number in `c` ending at k; returns the end.
  size_t FractionTail(Composer& c, size_t k, NumParse* p, bool single_one);
  // number_digits.cc.
  std::optional<NumParse> ParseDigits(size_t i);
  double Power(size_t* k);
  // number_words.cc.
  size_t AndFraction(Composer& c, size_t k, NumParse* p);
  // Continues `c` with number words from token k; returns the end.
  size_t Compose(Composer& c, size_t k, NumParse* p);
  // "two thirds", "a half": fraction words after a numerator.
  bool TryFraction(Composer& c, size_t* k, NumParse* p, bool single_one);

  const Scan& s_;
  NumberFlags f_;
  bool scale_fractions_ = true;  // "two thirds of a million".
  int and_depth_ = 0;            // Nesting of "and <fraction>".
};

}  // namespace numbers

// Candidates of each kind, appended to `out` (offsets set, text not).
void FindNumbers(const Scan& scan, std::vector<Mention>* out);
void FindQuantities(const Scan& scan, std::vector<Mention>* out);
// durations.cc; FindQuantities runs it.
void FindDurations(const Scan& scan, std::vector<Mention>* out);
void FindDates(const Scan& scan, const RecognizeOptions& options,
               std::vector<Mention>* out);
void FindAcronyms(const Scan& scan, std::vector<Mention>* out);

// A mention spanning tokens [first, last] (inclusive).
Mention SpanMention(const Scan& scan, MentionType type, size_t first,
                    size_t last);

// ---------------------------------------------------------------------------
// After overlaps are resolved (recognize.cc): cues, ranges, counted nouns
// and rates, each of which may widen a mention.

// A mention with its token span.
struct SpannedMention {
  Mention m;
  size_t first;  // Token indices, inclusive.
  size_t last;
};

inline void ExtendStart(const Scan& s, SpannedMention& it, size_t first) {
  it.first = first;
  it.m.start = s.tokens[first].begin;
}
inline void ExtendEnd(const Scan& s, SpannedMention& it, size_t last) {
  it.last = last;
  it.m.end = s.tokens[last].end;
}

// quantity_cues.cc: "more than 2,200" -> numberrange (2200, inf) when
// `make_ranges`, "about $5" -> approximate; the cue widens the span of
// numbers turned into ranges and of durations.
void ApplyCues(const Scan& s, SpannedMention& it, bool make_ranges);

// quantity_ranges.cc: "between 20 and 30", "from 1,000 to 1,500",
// "1000-5000", "20 to 30": joins `b` into `a` and returns true, or leaves
// `a` alone and returns false.
bool TryJoinRange(const Scan& s, SpannedMention& a, const SpannedMention& b);
// "larger than 10 and smaller than 20": one lower and one upper bound
// joined into `a`; false when they do not form one range.
bool TryMergeBounds(const Scan& s, SpannedMention& a, const SpannedMention& b);

// quantity_nouns.cc: the noun a number or percentage counts ("1,461
// immigrants", "76% of vehicles"), set as `noun` (and `unit` if empty).
void AddCountedNoun(const Scan& s, SpannedMention& it);
// "3,000 arrests per day", "$2 a share": turns `it` into a rate and
// returns true, or leaves it alone and returns false.
bool TryRate(const Scan& s, SpannedMention& it);

}  // namespace claimgraph::recognize_internal

#endif  // CLAIMGRAPH_RECOGNIZE_INTERNAL_H_
