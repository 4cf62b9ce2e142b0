// Internal to the date recogniser: calendar arithmetic, match results and
// the parser, whose forms are spread over dates.cc (entry, FindDates),
// dates_absolute.cc, dates_relative.cc, dates_phrases.cc (named days and
// seasons), dates_weeks.cc (weeks and quarters) and dates_periods.cc
// (periods and offsets).

#ifndef CLAIMGRAPH_RECOGNIZE_DATES_INTERNAL_H_
#define CLAIMGRAPH_RECOGNIZE_DATES_INTERNAL_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "recognize/internal.h"
#include "recognize/lexicon.h"

namespace claimgraph::recognize_internal::dates {

using TK = TokenKind;

// ---------------------------------------------------------------------------
// Calendar arithmetic (proleptic Gregorian, days since 1970-01-01).

inline int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

inline Date CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  Date d;
  d.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  d.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  d.year = static_cast<int>(yoe + era * 400 + (d.month <= 2));
  return d;
}

inline int64_t Days(const Date& d) {
  return DaysFromCivil(d.year, d.month, d.day);
}
// 1 = Monday .. 7 = Sunday.
inline int Weekday(int64_t days) {
  return static_cast<int>(((days + 3) % 7 + 7) % 7) + 1;
}

inline int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

inline Date AddMonths(Date d, int months) {
  int total = d.year * 12 + (d.month - 1) + months;
  d.year = total / 12;
  d.month = total % 12 + 1;
  d.day = std::min(d.day, DaysInMonth(d.year, d.month));
  return d;
}

inline std::string Ymd(const Date& d) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}
inline std::string Ym(int y, int m) {
  char buf[48];
  if (y == 0) {
    std::snprintf(buf, sizeof buf, "XXXX-%02d", m);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  }
  return buf;
}
inline std::string IsoWeek(const Date& d) {
  int64_t days = Days(d);
  int64_t thursday = days - Weekday(days) + 4;
  Date t = CivilFromDays(thursday);
  int week = static_cast<int>((thursday - DaysFromCivil(t.year, 1, 1)) / 7) + 1;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", t.year, week);
  return buf;
}

// ---------------------------------------------------------------------------
// Results.

struct DateMatch {
  size_t end = 0;  // Token past the match.
  MentionType type = MentionType::kDate;
  std::string timex, precision, from, to;
  Date start;  // First day; year 0 if unknown (month 0: not a calendar date).
};

inline DateMatch DayMatch(size_t end, int y, int m, int d) {
  DateMatch r;
  r.end = end;
  r.start = {y, m, d};
  r.precision = "day";
  char buf[16];
  if (y == 0) {
    std::snprintf(buf, sizeof buf, "XXXX-%02d-%02d", m, d);
    r.timex = buf;
  } else {
    r.timex = Ymd({y, m, d});
  }
  return r;
}

inline DateMatch MonthMatch(size_t end, int y, int m) {
  DateMatch r;
  r.end = end;
  r.start = {y, m, 1};
  r.type = MentionType::kDateRange;
  r.precision = "month";
  r.timex = Ym(y, m);
  if (y != 0) {
    r.from = Ymd({y, m, 1});
    r.to = Ymd(AddMonths({y, m, 1}, 1));
  }
  return r;
}

inline DateMatch YearMatch(size_t end, int y) {
  DateMatch r;
  r.end = end;
  r.start = {y, 1, 1};
  r.type = MentionType::kDateRange;
  r.precision = "year";
  r.timex = std::to_string(y);
  r.from = Ymd({y, 1, 1});
  r.to = Ymd({y + 1, 1, 1});
  return r;
}

// The ISO week starting on the Monday `monday` (days since 1970-01-01).
inline DateMatch WeekMatch(size_t end, int64_t monday) {
  DateMatch r;
  r.end = end;
  r.type = MentionType::kDateRange;
  r.precision = "week";
  r.timex = IsoWeek(CivilFromDays(monday));
  r.from = Ymd(CivilFromDays(monday));
  r.to = Ymd(CivilFromDays(monday + 7));
  return r;
}

// A period [from, to) given as an interval timex "(from,to,PnX)".
inline DateMatch PeriodMatch(size_t end, const Date& from, const Date& to,
                             const std::string& duration,
                             const char* precision) {
  DateMatch r;
  r.end = end;
  r.start = from;
  r.type = MentionType::kDateRange;
  r.precision = precision;
  r.from = Ymd(from);
  r.to = Ymd(to);
  r.timex = "(" + r.from + "," + r.to + "," + duration + ")";
  return r;
}

// Quarter q (1..4) of year y.
inline DateMatch QuarterMatch(size_t end, int y, int q) {
  Date from{y, 3 * (q - 1) + 1, 1};
  return PeriodMatch(end, from, AddMonths(from, 3), "P3M", "quarter");
}

// Quarter q (1..4) of a year the text leaves open:
// "(XXXX-01-01,XXXX-04-01,P3M)", no resolved bounds.
inline DateMatch OpenYearQuarter(size_t end, int q) {
  DateMatch r;
  r.end = end;
  r.type = MentionType::kDateRange;
  r.precision = "quarter";
  char buf[48];
  std::snprintf(buf, sizeof buf, "(XXXX-%02d-01,XXXX-%02d-01,P3M)",
                3 * (q - 1) + 1, q == 4 ? 1 : 3 * q + 1);
  r.timex = buf;
  return r;
}

// Turns a PeriodMatch into the same period in a year the text leaves open:
// timex "(XXXX-MM-DD,XXXX-MM-DD,PnX)" and no resolved bounds.
inline void MarkYearUnknown(const Date& from, const Date& to,
                            const std::string& duration, DateMatch* r) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "(XXXX-%02d-%02d,XXXX-%02d-%02d,%s)",
                from.month, from.day, to.month, to.day, duration.c_str());
  r->timex = buf;
  r->from.clear();
  r->to.clear();
}

// -1, 0 or +1 for "last", "this", "next"; 2 when `w` is none of them.
int Direction(std::string_view w);

// ---------------------------------------------------------------------------
// The parser. Each form returns the match starting at token i, if any.

class DateParser {
 public:
  DateParser(const Scan& s, const RecognizeOptions& o) : s_(s), o_(o) {}
  std::optional<DateMatch> Parse(size_t i);
  // A bare day ending a range that began with `a`: "19" in "November
  // 18-19", "17th" in "April 9th through 17th", with an optional year.
  std::optional<DateMatch> DayEnd(size_t i, const DateMatch& a) const;
  // Parse, or a bare four-digit year (the second end of "2014-2018").
  std::optional<DateMatch> ParseEnd(size_t i) {
    if (auto r = Parse(i)) return r;
    size_t e;
    if (int y = Year(i, &e)) return YearMatch(e, y);
    return std::nullopt;
  }
  // "later than" before token i; "or later" at token e.
  bool ComparedBefore(size_t i) const {
    return i >= 2 && s_.Is(i - 1, "than") && Comparative(i - 2);
  }
  bool ComparedAfter(size_t e) const {
    return (s_.Is(e, "or") || s_.Is(e, "and")) && Comparative(e + 1) &&
           (e + 2 >= s_.tokens.size() || s_.tokens[e + 2].kind == TK::kPunct);
  }
  // "next week Monday", "next week on Tuesday", "previous week - Monday".
  std::optional<DateMatch> WeekThenDay(const DateMatch& w) const;

 private:
  // Token helpers (dates.cc).
  bool IsWord(size_t i) const {
    return i < s_.tokens.size() && s_.tokens[i].kind == TK::kWord;
  }
  bool IsDigits(size_t i, size_t min_len = 1, size_t max_len = 9) const {
    return i < s_.tokens.size() && s_.tokens[i].kind == TK::kDigits &&
           s_.tokens[i].lower.size() >= min_len &&
           s_.tokens[i].lower.size() <= max_len;
  }
  int Int(size_t i) const { return std::atoi(s_.tokens[i].lower.c_str()); }
  // Separator `sep` at k glued to the tokens on both sides.
  bool GluedSep(size_t k, std::string_view sep) const {
    return s_.Is(k, sep) && s_.Glued(k) && s_.Glued(k + 1);
  }
  // Month name at i; sets *end past an abbreviation dot.
  int Month(size_t i, size_t* end, bool need_context) const;
  // Day of month at i: "5", "5th", "21st", "first", "twenty-first".
  int Day(size_t i, size_t* end) const;
  // A year at i: four digits 1000..2999 not glued to a word (not "2014km").
  int Year(size_t i, size_t* end) const;
  // The year after a month or day: ", 2015", "2015", "of 1995", "of 87".
  int YearAfter(size_t e, size_t* end) const;
  bool Comparative(size_t i) const {
    return s_.Is(i, "later") || s_.Is(i, "earlier") || s_.Is(i, "greater") ||
           s_.Is(i, "after") || s_.Is(i, "before") || s_.Is(i, "sooner");
  }

  // dates_absolute.cc.
  std::optional<DateMatch> Absolute(size_t i);
  // Whether the month name at k stands alone as a date: capitalised or
  // after a date word, and "May" and "March" only after a date word.
  bool BareMonth(size_t k) const;
  std::optional<DateMatch> Numeric(size_t i);
  // "5/17/2018", "23.04.2022", "11/12/35", "5/12" after a date word. Sets
  // *stop when the digits at i belong to something else, so that no
  // numeric date starts there.
  std::optional<DateMatch> SeparatedDate(size_t i, bool* stop) const;
  // "2015-3", "12-2015".
  std::optional<DateMatch> NumericYearMonth(size_t i) const;
  // "Dec-2018", "Dec/2018", "Oct/2", "Sep-23-2020".
  std::optional<DateMatch> MonthNameNumeric(size_t i) const;
  std::optional<DateMatch> YearLike(size_t i);
  // The quarter 1..4 of "q3" at token q, or 0.
  int QuarterAt(size_t q) const;
  // Quarters and halves of a year: "2019 q3", "Q3 2019", "2019-h2", "Q1".
  std::optional<DateMatch> YearPart(size_t k) const;
  // A bare year that the words around make a year: "in 2014", "2014 or
  // later", "was founded 2014.".
  std::optional<DateMatch> CuedYear(size_t k) const;
  std::optional<DateMatch> Extra(size_t i);

  // dates_relative.cc.
  std::optional<DateMatch> Relative(size_t i);
  // "a day ago", "three years ago", "two days after today", "2 upcoming
  // months", starting with the count at k.
  std::optional<DateMatch> CountedOffset(size_t k);
  // "2 upcoming months", "5 past years": `n` units after the count, which
  // ends at u.
  std::optional<DateMatch> UpcomingUnits(size_t u, double n);
  // "two days after today", "three weeks from tomorrow".
  std::optional<DateMatch> FromAnchorDay(size_t u, double n);
  // "a day ago", "three years ago".
  std::optional<DateMatch> UnitsAgo(size_t u, double n);
  // What follows "last" (dir -1), "next" (dir 1) or "this" (`is_this`) at
  // k: "this September", "this past Tuesday", "next week", "the last 3
  // weeks".
  std::optional<DateMatch> LastNextThis(size_t k, int dir, bool is_this);
  // The week, month, year or quarter at k, `delta` of them from the current
  // one.
  std::optional<DateMatch> UnitOffset(size_t k, int delta);
  // "the last 3 weeks" up to today, "the next five days" from tomorrow.
  std::optional<DateMatch> UnitsAroundToday(size_t k, int dir);

  // dates_phrases.cc.
  std::optional<DateMatch> Phrase(size_t i);
  std::optional<DateMatch> Weekend(size_t i);
  std::optional<DateMatch> Season(size_t i);
  std::optional<DateMatch> Holiday(size_t i);
  std::optional<DateMatch> Easter(size_t i);
  std::optional<DateMatch> SchoolFiscal(size_t i);
  std::optional<DateMatch> ToDate(size_t i);
  std::optional<DateMatch> YearWord(size_t i);
  std::optional<DateMatch> NamedNumeric(size_t i);
  std::optional<DateMatch> Compact(size_t i);

  // dates_weeks.cc.
  std::optional<DateMatch> CurrentUnit(size_t i);
  // "same week", "same month", "same year".
  std::optional<DateMatch> SameUnit(size_t i) const;
  std::optional<DateMatch> WeekOf(size_t i);
  std::optional<DateMatch> NthWeekOf(size_t i);
  // "week 3 of 2027", with "week" at k.
  std::optional<DateMatch> WeekNumberOf(size_t k);
  std::optional<DateMatch> QuarterOf(size_t k, int n);
  std::optional<DateMatch> WeekdayDay(size_t i);
  std::optional<DateMatch> Quarters(size_t i);
  std::optional<DateMatch> WeekdayOfWeek(size_t i);
  std::optional<DateMatch> OnWeekday(const DateMatch& w, size_t end,
                                     int wd) const;
  std::optional<DateMatch> Fortnight(size_t i);

  // dates_periods.cc.
  std::optional<DateMatch> OffsetFromDate(size_t i);
  std::optional<DateMatch> DayOfMonth(size_t i);
  std::optional<DateMatch> MonthToMonth(size_t i);
  std::optional<DateMatch> Decades(size_t i);
  std::optional<DateMatch> Bound(size_t k, bool* marked);
  std::optional<DateMatch> PartPeriod(size_t i);
  std::optional<DateMatch> NthMonthOf(size_t i);
  std::optional<DateMatch> DayToDay(size_t i);
  std::optional<DateMatch> EdgeOfYear(size_t i);

  const Scan& s_;
  const RecognizeOptions& o_;
};

}  // namespace claimgraph::recognize_internal::dates

#endif  // CLAIMGRAPH_RECOGNIZE_DATES_INTERNAL_H_
