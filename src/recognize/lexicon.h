// Internal: English word lists of the recognisers (number words, ordinals,
// months, weekdays, currencies, time units). Keys are lower case.

#ifndef CLAIMGRAPH_RECOGNIZE_LEXICON_H_
#define CLAIMGRAPH_RECOGNIZE_LEXICON_H_

#include <cstdint>
#include <string_view>

namespace claimgraph::recognize_internal {

enum class NumWord {
  kNone,
  kZero,     // zero, nought, naught
  kUnit,     // one .. nine
  kTeen,     // ten .. nineteen
  kTens,     // twenty .. ninety
  kHundred,  // hundred
  kScale,    // thousand, million, billion, trillion, lakh, crore
};

// Cardinal number words: the kind and the value (0 if kNone). Accepts
// plurals of scales ("hundreds", "millions").
NumWord LookupCardinal(std::string_view w, double* value);

// Ordinal words ("first", "twentieth", "hundredth", "millionth") and their
// plurals as fraction denominators ("thirds"): the cardinal kind and value.
// `plural` tells "fifths" from "fifth". "half"/"halves" give 2 with
// kind kUnit, "quarter(s)" 4.
NumWord LookupOrdinal(std::string_view w, double* value, bool* plural);

// Scale letters after digits: "k" 1e3, "m"/"mm"/"mil"/"mln" 1e6, "b"/"bn"/
// "bln" 1e9, "t"/"tln" 1e12, "g" 1e9; 0 if none.
double LookupSuffixScale(std::string_view w);

// 1..12 for month names and abbreviations ("sept", "jan"), 0 otherwise.
int LookupMonth(std::string_view w);
// 1 (Monday) .. 7 for weekday names and abbreviations, 0 otherwise.
int LookupWeekday(std::string_view w);

// Time units: "day(s)", "hr", "weeks", "decade" ... Returns the TIMEX letter
// ("Y", "M", "W", "D", "H", "MIN"->"M" with time=true, "S"), the multiplier
// (decade -> 10 years, fortnight -> 2 weeks) and the canonical name.
struct TimeUnit {
  char letter = 0;  // 0 if not a unit.
  bool time = false;
  double multiplier = 1;
  std::string_view name;
};
TimeUnit LookupTimeUnit(std::string_view w);

// Currency words and codes: the ISO 4217 code ("USD") or "" if none.
// Covers names ("dollars", "euros", "yen"), codes ("usd", "eur") and signs
// ("$", "€", "£", "¥", "₿"). `minor` is set for cents/pence (value / 100
// of the main unit but reported as such).
std::string_view LookupCurrencyWord(std::string_view w, bool* minor);

// Word classes, computed once per token (Token::lex) so that recognisers
// can skip tokens that cannot start what they look for.
inline constexpr uint16_t kLexCardinal = 1 << 0;
inline constexpr uint16_t kLexOrdinal = 1 << 1;  // Also plurals ("fifths").
inline constexpr uint16_t kLexMonth = 1 << 2;
inline constexpr uint16_t kLexWeekday = 1 << 3;
inline constexpr uint16_t kLexTimeUnit = 1 << 4;     // Also "monthlong".
inline constexpr uint16_t kLexCurrency = 1 << 5;     // Names, codes, prefixes.
inline constexpr uint16_t kLexNumberStart = 1 << 6;  // "a", "half", "minus".
inline constexpr uint16_t kLexDateWord = 1 << 7;     // "last", "today", "mid".
uint16_t LexiconBits(std::string_view lower_word);

}  // namespace claimgraph::recognize_internal

#endif  // CLAIMGRAPH_RECOGNIZE_LEXICON_H_
