// Recognisers for quantities, dates and acronyms in English news text.
//
// Recognize() finds numbers ("1,461", "thirty-five", "1.5 million", "10K"),
// ordinals ("third", "21st"), percentages, money, number ranges ("between 20
// and 30", "more than 2,200"), rates ("3,000 arrests per day"), durations
// ("152-day", "three years"), dates ("June 5, 2025", "last month") and
// acronym definitions ("Immigration and Customs Enforcement (ICE)").
//
// Contract:
//  - Input is one text in UTF-8. Invalid UTF-8 is an InvalidArgumentError;
//    control characters count as whitespace. Any valid input, however long,
//    gives a result (possibly empty), in time linear in its length.
//  - Offsets are Unicode code points, `end` exclusive.
//  - Mentions do not overlap; they are sorted by `start`. When several
//    readings compete, the longest span wins.
//  - Relative dates ("last week", "Tuesday") are resolved against
//    `RecognizeOptions::reference_date`; without one their timex keeps X
//    placeholders ("XXXX-10-02") or is left empty.

#ifndef CLAIMGRAPH_RECOGNIZE_RECOGNIZE_H_
#define CLAIMGRAPH_RECOGNIZE_RECOGNIZE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace claimgraph {

enum class MentionType {
  kNumber,
  kOrdinal,
  kPercentage,
  kCurrency,
  kNumberRange,
  kRate,
  kDuration,
  kDate,
  kDateRange,
  kAcronym,
};
inline constexpr int kNumMentionTypes = 10;

// "number", "ordinal", "percentage", "currency", "numberrange", "rate",
// "duration", "date", "daterange", "acronym".
std::string_view MentionTypeName(MentionType type);
// The inverse of MentionTypeName; NotFoundError for an unknown name.
StatusOr<MentionType> ParseMentionType(std::string_view name);

struct Mention {
  MentionType type = MentionType::kNumber;
  std::string text;  // The span's original text.
  int start = 0;     // Code point offsets, end exclusive.
  int end = 0;
  // The number: 76 for "76%", 30000000 for "$30 million", 21 for "21st",
  // the count for durations ("three years" -> 3). Absent for ranges with
  // no single value, dates and acronyms.
  std::optional<double> value;
  // ISO 4217 code for money, "%" for percentages, the counted noun where
  // there is one ("immigrants" in "1,461 immigrants"), the time unit of a
  // duration ("day", "hour").
  std::string unit;
  // The counted noun, also for percentages ("vehicles" in "76% of
  // vehicles", where `unit` stays "%").
  std::string noun;
  // For rates: what the quantity is per ("day" in "3,000 arrests per day").
  std::string per;
  // Bounds of ranges ("more than 2,200" -> min 2200, exclusive).
  std::optional<double> min, max;
  bool min_inclusive = true;
  bool max_inclusive = true;
  // Hedged quantities ("nearly", "about", "more than"): the flag and the cue,
  // lower-cased.
  bool approximate = false;
  std::string cue;
  // TIMEX3 value for dates and durations: "2016-10-02", "2016-10",
  // "XXXX-10-02", "2016-W40", "P152D", "PT3H".
  std::string timex;
  // For dates: "day", "month", "year", "week", "decade"; for date ranges
  // the precision of their ends.
  std::string precision;
  // For date ranges: first day and the day after the last (ISO dates).
  std::string range_from, range_to;
  // For acronyms: the expansion ("Immigration and Customs Enforcement").
  std::string long_form;
};

struct Date {
  int year = 0, month = 0, day = 0;
};

struct RecognizeOptions {
  // Publication date of the document, for relative dates.
  std::optional<Date> reference_date;
  // Which types to report. Empty means all. Competition between overlapping
  // readings only happens among the requested types, so asking for numbers
  // alone reports "20" inside "$20".
  std::vector<MentionType> types;
};

// Finds the mentions in one text. See the contract above.
StatusOr<std::vector<Mention>> Recognize(std::string_view utf8,
                                         const RecognizeOptions& options);

// "YYYY-MM-DD" -> Date, checking the calendar; InvalidArgumentError else.
StatusOr<Date> ParseIsoDate(std::string_view text);

// The mentions as one JSON array on one line (no trailing newline). Each
// object has text, start, end, type and, when set, value, unit, noun, per,
// min,
// max, min_inclusive, max_inclusive, approximate, cue, timex, precision,
// from, to, long_form.
std::string MentionsToJson(const std::vector<Mention>& mentions);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_RECOGNIZE_RECOGNIZE_H_
