// Dates: absolute ("June 5, 2025", "May 2024", "2014", "mid-2019",
// "5/17/2018") and relative to the reference date ("last week", "Tuesday",
// "this past Tuesday", "a day ago", "since 2014").

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>

#include "recognize/internal.h"
#include "recognize/lexicon.h"

namespace claimgraph::recognize_internal {
namespace {

using TK = TokenKind;

// ---------------------------------------------------------------------------
// Calendar arithmetic (proleptic Gregorian, days since 1970-01-01).

int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date CivilFromDays(int64_t z) {
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

int64_t Days(const Date& d) { return DaysFromCivil(d.year, d.month, d.day); }
// 1 = Monday .. 7 = Sunday.
int Weekday(int64_t days) {
  return static_cast<int>(((days + 3) % 7 + 7) % 7) + 1;
}

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

Date AddMonths(Date d, int months) {
  int total = d.year * 12 + (d.month - 1) + months;
  d.year = total / 12;
  d.month = total % 12 + 1;
  d.day = std::min(d.day, DaysInMonth(d.year, d.month));
  return d;
}

std::string Ymd(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}
std::string Ym(int y, int m) {
  char buf[16];
  if (y == 0) {
    std::snprintf(buf, sizeof buf, "XXXX-%02d", m);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  }
  return buf;
}
std::string IsoWeek(const Date& d) {
  int64_t days = Days(d);
  int64_t thursday = days - Weekday(days) + 4;
  Date t = CivilFromDays(thursday);
  int week = static_cast<int>((thursday - DaysFromCivil(t.year, 1, 1)) / 7) + 1;
  char buf[16];
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

DateMatch DayMatch(size_t end, int y, int m, int d) {
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

DateMatch MonthMatch(size_t end, int y, int m) {
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

DateMatch YearMatch(size_t end, int y) {
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

// A period [from, to) given as an interval timex "(from,to,PnX)".
DateMatch PeriodMatch(size_t end, const Date& from, const Date& to,
                      const std::string& duration, const char* precision) {
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

// ---------------------------------------------------------------------------
// Token helpers.

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

 private:
  bool IsWord(size_t i) const {
    return i < s_.tokens.size() && s_.tokens[i].kind == TK::kWord;
  }
  bool IsDigits(size_t i, size_t min_len = 1, size_t max_len = 9) const {
    return i < s_.tokens.size() && s_.tokens[i].kind == TK::kDigits &&
           s_.tokens[i].lower.size() >= min_len &&
           s_.tokens[i].lower.size() <= max_len;
  }
  int Int(size_t i) const { return std::atoi(s_.tokens[i].lower.c_str()); }
  // Month name at i; sets *end past an abbreviation dot.
  int Month(size_t i, size_t* end, bool need_context) const;
  // Day of month at i: "5", "5th", "21st", "first", "twenty-first".
  int Day(size_t i, size_t* end) const;
  // A year at i: four digits 1000..2999, or "'90".
  int Year(size_t i, size_t* end) const;
  // The year after a month or day: ", 2015", "2015", "of 1995", "of 87".
  int YearAfter(size_t e, size_t* end) const;
  std::optional<DateMatch> Absolute(size_t i);

 public:
  // "later than" before token i; "or later" at token e.
  bool ComparedBefore(size_t i) const {
    return i >= 2 && s_.Is(i - 1, "than") && Comparative(i - 2);
  }
  bool ComparedAfter(size_t e) const {
    return (s_.Is(e, "or") || s_.Is(e, "and")) && Comparative(e + 1) &&
           (e + 2 >= s_.tokens.size() || s_.tokens[e + 2].kind == TK::kPunct);
  }

 private:
  bool Comparative(size_t i) const {
    return s_.Is(i, "later") || s_.Is(i, "earlier") || s_.Is(i, "greater") ||
           s_.Is(i, "after") || s_.Is(i, "before") || s_.Is(i, "sooner");
  }
  std::optional<DateMatch> Numeric(size_t i);
  std::optional<DateMatch> Relative(size_t i);
  std::optional<DateMatch> YearLike(size_t i);
  std::optional<DateMatch> Extra(size_t i);
  std::optional<DateMatch> Phrase(size_t i);
  std::optional<DateMatch> Weekend(size_t i);
  std::optional<DateMatch> Season(size_t i);
  std::optional<DateMatch> CurrentUnit(size_t i);
  std::optional<DateMatch> WeekOf(size_t i);
  std::optional<DateMatch> NthWeekOf(size_t i);
  std::optional<DateMatch> YearWord(size_t i);
  std::optional<DateMatch> QuarterOf(size_t k, int n);
  std::optional<DateMatch> WeekdayDay(size_t i);
  std::optional<DateMatch> Quarters(size_t i);
  std::optional<DateMatch> Holiday(size_t i);
  std::optional<DateMatch> WeekdayOfWeek(size_t i);
  std::optional<DateMatch> OffsetFromDate(size_t i);
  std::optional<DateMatch> DayOfMonth(size_t i);
  std::optional<DateMatch> Easter(size_t i);
  std::optional<DateMatch> SchoolFiscal(size_t i);
  std::optional<DateMatch> ToDate(size_t i);
  std::optional<DateMatch> MonthToMonth(size_t i);
  std::optional<DateMatch> Decades(size_t i);
  std::optional<DateMatch> Bound(size_t k, bool* marked);
  std::optional<DateMatch> PartPeriod(size_t i);
  std::optional<DateMatch> NamedNumeric(size_t i);
  std::optional<DateMatch> Fortnight(size_t i);
  std::optional<DateMatch> NthMonthOf(size_t i);
  std::optional<DateMatch> DayToDay(size_t i);
  std::optional<DateMatch> EdgeOfYear(size_t i);
  std::optional<DateMatch> OnWeekday(const DateMatch& w, size_t end,
                                     int wd) const;

 public:
  std::optional<DateMatch> WeekThenDay(const DateMatch& w) const;

 private:
  std::optional<DateMatch> Compact(size_t i);

  const Scan& s_;
  const RecognizeOptions& o_;
};

int DateParser::Month(size_t i, size_t* end, bool need_context) const {
  if (!IsWord(i)) return 0;
  const Token& t = s_.tokens[i];
  int m = LookupMonth(t.lower);
  if (m == 0) return 0;
  // "may", "march", "mar", "dec", "sun" are also ordinary words.
  bool ambiguous =
      t.lower == "may" || t.lower == "march" || t.lower.size() <= 4;
  if (ambiguous && !t.upper_initial && need_context) return 0;
  *end = i + 1;
  // "Oct." is an abbreviation; "May." ends a sentence.
  if (s_.Is(i + 1, ".") && s_.Glued(i + 1) && t.lower.size() <= 4 &&
      t.lower != "may" && t.lower != "june" && t.lower != "july") {
    *end = i + 2;
  }
  return m;
}

int DateParser::Day(size_t i, size_t* end) const {
  if (IsDigits(i, 1, 2)) {
    int d = Int(i);
    if (d < 1 || d > 31) return 0;
    *end = i + 1;
    if (IsWord(i + 1) && s_.Glued(i + 1)) {
      const std::string& w = s_.tokens[i + 1].lower;
      if (w != "st" && w != "nd" && w != "rd" && w != "th") return 0;
      *end = i + 2;
    }
    return d;
  }
  if (!IsWord(i)) return 0;
  auto p = ParseNumber(s_, i);
  if (!p || !p->ordinal || p->value < 1 || p->value > 31) return 0;
  *end = p->end;
  return static_cast<int>(p->value);
}

int DateParser::Year(size_t i, size_t* end) const {
  if (IsDigits(i, 4, 4)) {
    int y = Int(i);
    if (y < 1000 || y > 2999) return 0;
    if (IsWord(i + 1) && s_.Glued(i + 1)) return 0;
    *end = i + 1;
    return y;
  }
  return 0;
}

int DateParser::YearAfter(size_t e, size_t* end) const {
  if (int y = Year(s_.Is(e, ",") ? e + 1 : e, end)) return y;
  if (!s_.Is(e, "of")) return 0;
  if (int y = Year(e + 1, end)) return y;
  if (IsDigits(e + 1, 2, 2) &&
      (e + 2 >= s_.tokens.size() || s_.tokens[e + 2].kind == TK::kPunct)) {
    int yy = Int(e + 1);
    *end = e + 2;
    return yy < 50 ? 2000 + yy : 1900 + yy;
  }
  return 0;
}

std::optional<DateMatch> DateParser::Absolute(size_t i) {
  size_t k = i;
  // Optional weekday: "Tue May 9", "Friday, June 5".
  if (IsWord(k) && LookupWeekday(s_.tokens[k].lower) != 0 &&
      s_.tokens[k].upper_initial) {
    ++k;
    if (s_.Is(k, ",")) ++k;
  }
  size_t e;
  // "mid May", "early September", "late-July": the month.
  if (s_.Is(k, "mid") || s_.Is(k, "early") || s_.Is(k, "late")) {
    size_t j = s_.Is(k + 1, "-") ? k + 2 : k + 1;
    if (int m = Month(j, &e, false); m != 0 && s_.tokens[j].lower.size() > 3) {
      size_t y_start = s_.Is(e, ",") ? e + 1 : e;
      size_t ye;
      if (int y = Year(y_start, &ye)) return MonthMatch(ye, y, m);
      return MonthMatch(e, 0, m);
    }
  }
  // Month Day [,] [Year] | Month [,] Year | Month.
  if (int m = Month(k, &e, true)) {
    size_t d_end;
    int d = Day(e, &d_end);
    if (d != 0) {
      size_t ye;
      int y = YearAfter(d_end, &ye);
      if (y != 0) return DayMatch(ye, y, m, d);
      return DayMatch(d_end, 0, m, d);
    }
    size_t ye;
    if (int y = YearAfter(e, &ye)) return MonthMatch(ye, y, m);
    // A bare month; "May" and "March" only after a date preposition.
    const std::string& w = s_.tokens[k].lower;
    bool verb_like = w == "may" || w == "march";
    bool cued = k > 0 && (s_.Is(k - 1, "from") || s_.Is(k - 1, "since") ||
                          s_.Is(k - 1, "in") || s_.Is(k - 1, "until") ||
                          s_.Is(k - 1, "to") || s_.Is(k - 1, "through") ||
                          s_.Is(k - 1, "between") || s_.Is(k - 1, "of") ||
                          s_.Is(k - 1, "early") || s_.Is(k - 1, "late") ||
                          s_.Is(k - 1, "mid") || s_.Is(k - 1, "and"));
    if (k == i && (s_.tokens[k].upper_initial || cued) &&
        (w.size() > 3 || verb_like) && (!verb_like || cued)) {
      return MonthMatch(e, 0, m);
    }
    return std::nullopt;
  }
  // [the] Day [of] Month [,] [Year].
  size_t j = s_.Is(k, "the") ? k + 1 : k;  // "the 9th of May".
  size_t d_end;
  int d = Day(j, &d_end);
  if (d != 0) {
    size_t mk = s_.Is(d_end, "of") ? d_end + 1 : d_end;
    if (int m = Month(mk, &e, false)) {
      size_t ye;
      if (int y = YearAfter(e, &ye)) return DayMatch(ye, y, m, d);
      return DayMatch(e, 0, m, d);
    }
  }
  return std::nullopt;
}

// "5/17/2018", "11/12/35", "2018-05-17", "23.04.2022", "Sep-23-2020".
std::optional<DateMatch> DateParser::Numeric(size_t i) {
  auto glued = [&](size_t k, std::string_view sep) {
    return s_.Is(k, sep) && s_.Glued(k) && s_.Glued(k + 1);
  };
  if (IsDigits(i, 4, 4) && glued(i + 1, "-") && IsDigits(i + 2, 1, 2) &&
      glued(i + 3, "-") && IsDigits(i + 4, 1, 2)) {
    int y = Int(i), m = Int(i + 2), d = Int(i + 4);
    if (m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m)) {
      return DayMatch(i + 5, y, m, d);
    }
  }
  for (std::string_view sep : {"/", ".", "-"}) {
    if (!IsDigits(i, 1, 2) || !glued(i + 1, sep) || !IsDigits(i + 2, 1, 2)) {
      continue;
    }
    int a = Int(i), b = Int(i + 2);
    int m = sep == "." ? b : a, d = sep == "." ? a : b;
    if (sep != "." && m > 12 && d <= 12) std::swap(m, d);  // "22/04".
    if (m < 1 || m > 12 || d < 1 || d > 31) continue;
    if (glued(i + 3, sep) && (IsDigits(i + 4, 4, 4) || IsDigits(i + 4, 2, 2))) {
      bool after_range = i >= 2 && s_.Is(i - 1, "-") && IsDigits(i - 2, 4, 4);
      if (i > 0 && s_.Glued(i) && s_.tokens[i - 1].kind != TK::kWord &&
          !s_.Is(i - 1, "(") && !after_range) {
        return std::nullopt;
      }
      if (i + 5 < s_.tokens.size() && s_.Glued(i + 5) &&
          (s_.Is(i + 5, sep) || s_.tokens[i + 5].kind == TK::kDigits)) {
        return std::nullopt;
      }
      int y = Int(i + 4);
      if (s_.tokens[i + 4].lower.size() == 2) {
        DateMatch r = DayMatch(i + 5, 0, m, d);
        char buf[16];
        std::snprintf(buf, sizeof buf, "XX%02d-%02d-%02d", y, m, d);
        r.timex = buf;
        return r;
      }
      return DayMatch(i + 5, y, m, d);
    }
    if (sep == "/" && !glued(i + 3, sep) && !(i > 0 && glued(i - 1, sep))) {
      // "5/12": month/day only after a date word ("on 5/12").
      if (i > 0 && (s_.Is(i - 1, "on") || s_.Is(i - 1, "from") ||
                    s_.Is(i - 1, "until") || s_.Is(i - 1, "till") ||
                    s_.Is(i - 1, "through") || s_.Is(i - 1, "this") ||
                    s_.Is(i - 1, "between") || s_.Is(i - 1, "next") ||
                    ((s_.Is(i - 1, "to") || s_.Is(i - 1, "-")) && i >= 4 &&
                     s_.Is(i - 3, "/")) ||
                    LookupWeekday(s_.tokens[i - 1].lower))) {
        return DayMatch(i + 3, 0, m, d);
      }
    }
  }
  // "2015-3", "12-2015": year and month.
  if (IsDigits(i, 4, 4) && glued(i + 1, "-") && IsDigits(i + 2, 1, 2) &&
      !glued(i + 3, "-")) {
    int y = Int(i), m = Int(i + 2);
    if (m >= 1 && m <= 12 && y >= 1900 && y <= 2100 &&
        s_.tokens[i + 2].lower.size() == 1) {
      return MonthMatch(i + 3, y, m);
    }
  }
  if (IsDigits(i, 1, 2) && glued(i + 1, "-") && IsDigits(i + 2, 4, 4) &&
      !glued(i + 3, "-") && !(i > 0 && s_.Glued(i))) {
    int m = Int(i), y = Int(i + 2);
    if (m >= 1 && m <= 12 && y >= 1900 && y <= 2100) {
      return MonthMatch(i + 3, y, m);
    }
  }
  // "Dec-2018", "Dec/2018", "Oct/2".
  size_t e;
  if (int m = Month(i, &e, false);
      m != 0 && (glued(e, "-") || glued(e, "/")) && IsDigits(e + 1)) {
    if (IsDigits(e + 1, 4, 4) && !glued(e + 2, "-")) {
      return MonthMatch(e + 2, Int(e + 1), m);
    }
    if (IsDigits(e + 1, 1, 2) && !glued(e + 2, "-") && !glued(e + 2, "/")) {
      int d = Int(e + 1);
      if (d >= 1 && d <= 31) return DayMatch(e + 2, 0, m, d);
    }
  }
  // "Sep-23-2020".
  if (int m = Month(i, &e, false); m != 0 && glued(e, "-") &&
                                   IsDigits(e + 1, 1, 2) && glued(e + 2, "-") &&
                                   IsDigits(e + 3, 4, 4)) {
    return DayMatch(e + 4, Int(e + 3), m, Int(e + 1));
  }
  return std::nullopt;
}

// Words before a bare year that make it a year: "in 2014", "since 2014".
bool YearCue(std::string_view w) {
  static constexpr std::string_view kCues[] = {
      "in",    "since",  "by",        "until",   "till",  "during", "before",
      "after", "from",   "of",        "through", "year",  "early",  "late",
      "mid",   "summer", "spring",    "autumn",  "fall",  "winter", "between",
      "end",   "start",  "beginning", "around",  "circa", "to",     "and"};
  for (std::string_view c : kCues) {
    if (w == c) return true;
  }
  return false;
}

// "2014" after a cue, "the 1990s", "mid-2019", "early 2019", "Q3 2019".
std::optional<DateMatch> DateParser::YearLike(size_t i) {
  const auto& t = s_.tokens;
  size_t k = i;
  // Decades: "1990s", "the 1990s", "1990 s".
  if (IsDigits(k, 4, 4) && (s_.Is(k + 1, "s")) && Int(k) % 10 == 0) {
    int y = Int(k);
    return PeriodMatch(k + 2, {y, 1, 1}, {y + 10, 1, 1}, "P10Y", "decade");
  }
  // Quarters: "2019 q3", "Q3 2019".
  auto quarter = [&](size_t q) -> int {
    if (q >= t.size() || t[q].kind != TK::kWord || t[q].lower != "q" ||
        !IsDigits(q + 1, 1, 1) || !s_.Glued(q + 1)) {
      return 0;
    }
    int n = Int(q + 1);
    return n >= 1 && n <= 4 ? n : 0;
  };
  auto quarter_match = [&](size_t end, int y, int q) {
    Date from{y, 3 * (q - 1) + 1, 1};
    return PeriodMatch(end, from, AddMonths(from, 3), "P3M", "quarter");
  };
  size_t ye;
  if (int y = Year(k, &ye)) {
    if (int q = quarter(ye)) return quarter_match(ye + 2, y, q);
    // "2017-q1", "2019 h2", "2019-h2".
    size_t h = s_.Is(ye, "-") && s_.Glued(ye) && s_.Glued(ye + 1) ? ye + 1 : ye;
    if (int q = quarter(h); q != 0 && h != ye) {
      return quarter_match(h + 2, y, q);
    }
    if (s_.Is(h, "h") && IsDigits(h + 1, 1, 1) && s_.Glued(h + 1) &&
        (Int(h + 1) == 1 || Int(h + 1) == 2)) {
      Date from{y, Int(h + 1) == 1 ? 1 : 7, 1};
      return PeriodMatch(h + 2, from, AddMonths(from, 6), "P6M", "half");
    }
  }
  if (int q = quarter(k)) {
    if (int y = Year(k + 2, &ye)) return quarter_match(ye, y, q);
    // "q1-2019".
    if (s_.Is(k + 2, "-") && s_.Glued(k + 2) && s_.Glued(k + 3)) {
      if (int y = Year(k + 3, &ye)) return quarter_match(ye, y, q);
    }
    // A bare "Q1": of an unknown year.
    bool before_ok = k == 0 || !s_.Glued(k);
    bool after_ok = k + 2 >= t.size() || !s_.Glued(k + 2);
    if (before_ok && after_ok) {
      DateMatch r;
      r.end = k + 2;
      r.type = MentionType::kDateRange;
      r.precision = "quarter";
      char buf[48];
      std::snprintf(buf, sizeof buf, "(XXXX-%02d-01,XXXX-%02d-01,P3M)",
                    3 * (q - 1) + 1, q == 4 ? 1 : 3 * q + 1);
      r.timex = buf;
      return r;
    }
  }
  // "mid-2019", "early 2019", "late 2019".
  if (s_.Is(k, "mid") || s_.Is(k, "early") || s_.Is(k, "late")) {
    size_t j = k + 1;
    if (s_.Is(j, "-")) ++j;
    if (int y = Year(j, &ye)) {
      DateMatch r = YearMatch(ye, y);
      return r;
    }
  }
  if (int y = Year(k, &ye)) {
    if (ComparedBefore(k) || ComparedAfter(ye)) return YearMatch(ye, y);
    bool cue =
        k > 0 && (YearCue(t[k - 1].lower) ||
                  (t[k - 1].kind == TK::kPunct && t[k - 1].lower != "$" &&
                   t[k - 1].lower != "-" && t[k - 1].lower != "/"));
    bool end = ye >= t.size() || t[ye].kind == TK::kPunct;
    if (cue || (end && k > 0 && t[k - 1].kind == TK::kWord &&
                t[k - 1].lower != "than" && t[k - 1].lower != "about")) {
      if (ye < t.size() && t[ye].kind == TK::kWord && !YearCue(t[ye].lower) &&
          t[ye].lower != "and") {
        // "in 2014 people" could be a count; keep years before
        // function words or punctuation only.
        static constexpr std::string_view kAfter[] = {
            "the", "a",    "when", "while", "that", "as", "was",
            "is",  "for",  "with", "at",    "on",   "he", "she",
            "it",  "they", "we",   "i",     "but"};
        bool ok = false;
        for (auto w : kAfter) ok |= t[ye].lower == w;
        if (!ok) return std::nullopt;
      }
      return YearMatch(ye, y);
    }
  }
  return std::nullopt;
}

std::optional<DateMatch> DateParser::Relative(size_t i) {
  if (!o_.reference_date) return std::nullopt;
  const Date ref = *o_.reference_date;
  const int64_t today = Days(ref);
  const auto& t = s_.tokens;
  const std::string& w = t[i].lower;
  auto day = [&](size_t end, int64_t days) {
    Date d = CivilFromDays(days);
    return DayMatch(end, d.year, d.month, d.day);
  };
  if (w == "today") return day(i + 1, today);
  if (w == "yesterday") return day(i + 1, today - 1);
  if (w == "tomorrow") return day(i + 1, today + 1);
  // "last week", "next month", "this year", "the past Tuesday".
  size_t k = i;
  int dir = 0;
  bool is_this = false;
  if (w == "last" || w == "previous" || w == "past") {
    dir = -1;
  } else if (w == "next" || w == "coming" || w == "following" ||
             w == "upcoming") {
    dir = 1;
  } else if (w == "this" || w == "current") {
    is_this = true;
  } else {
    // "a day ago", "three years ago".

    auto p = ParseNumber(s_, k);
    size_t u = k;
    double n = 0;
    if (s_.Is(k, "a") || s_.Is(k, "an")) {
      n = 1;
      u = k + 1;
    } else if (p && !p->ordinal && p->value > 0 && p->value < 1000) {
      n = p->value;
      u = p->end;
    }
    // "2 upcoming months", "5 past years", "10 previous weeks".
    if (n >= 1 && n == static_cast<int>(n) && u + 1 < t.size() &&
        (s_.Is(u, "upcoming") || s_.Is(u, "next") || s_.Is(u, "past") ||
         s_.Is(u, "previous") || s_.Is(u, "last"))) {
      TimeUnit unit = LookupTimeUnit(t[u + 1].lower);
      if (unit.letter != 0 && !unit.time) {
        int amount = static_cast<int>(n * unit.multiplier);
        bool forward = s_.Is(u, "upcoming") || s_.Is(u, "next");
        char dur[32];
        std::snprintf(dur, sizeof dur, "P%d%c", amount, unit.letter);
        int64_t days = unit.letter == 'D'   ? amount
                       : unit.letter == 'W' ? 7 * amount
                                            : 0;
        int months = unit.letter == 'M'   ? amount
                     : unit.letter == 'Y' ? 12 * amount
                                          : 0;
        Date from, to;
        if (forward) {
          from = CivilFromDays(today + 1);
          to = months ? AddMonths(from, months)
                      : CivilFromDays(today + 1 + days);
        } else {
          to = CivilFromDays(today);
          from = months ? AddMonths(to, -months) : CivilFromDays(today - days);
        }
        return PeriodMatch(u + 2, from, to, dur, "day");
      }
    }
    if (n > 0 && u < t.size()) {
      TimeUnit unit = LookupTimeUnit(t[u].lower);
      // "two days after today", "three weeks from tomorrow".
      int64_t base = 0;
      bool anchored = false;
      if (unit.letter != 0 && !unit.time &&
          (s_.Is(u + 1, "from") || s_.Is(u + 1, "after") ||
           s_.Is(u + 1, "before"))) {
        const std::string& a = u + 2 < t.size() ? t[u + 2].lower : "";
        anchored = true;
        if (a == "today" || a == "now") {
          base = today;
        } else if (a == "tomorrow") {
          base = today + 1;
        } else if (a == "yesterday") {
          base = today - 1;
        } else {
          anchored = false;
        }
      }
      if (anchored) {
        int sign = s_.Is(u + 1, "before") ? -1 : 1;
        int amount = static_cast<int>(n * unit.multiplier) * sign;
        Date b = CivilFromDays(base);
        switch (unit.letter) {
          case 'D':
            return day(u + 3, base + amount);
          case 'W':
            return day(u + 3, base + 7 * amount);
          case 'M': {
            Date d = AddMonths(b, amount);
            return DayMatch(u + 3, d.year, d.month, d.day);
          }
          case 'Y': {
            Date d = AddMonths(b, 12 * amount);
            return DayMatch(u + 3, d.year, d.month, d.day);
          }
        }
      }
      if (unit.letter != 0 && !unit.time && s_.Is(u + 1, "ago")) {
        int amount = static_cast<int>(n * unit.multiplier);
        switch (unit.letter) {
          case 'D':
            return day(u + 2, today - amount);
          case 'W':
            return day(u + 2, today - 7 * amount);
          case 'M': {
            Date d = AddMonths(ref, -amount);
            return DayMatch(u + 2, d.year, d.month, d.day);
          }
          case 'Y': {
            Date d = AddMonths(ref, -12 * amount);
            return DayMatch(u + 2, d.year, d.month, d.day);
          }
        }
      }
    }
    return std::nullopt;
  }
  k = i + 1;
  // "this September", "last May": the month of this, the previous or the
  // next year.
  size_t me;
  if (int m = Month(k, &me, false);
      m != 0 && !s_.Is(me, ",") && !IsDigits(me)) {
    int y = ref.year;
    if (dir < 0 && m >= ref.month) --y;
    if (dir > 0 && m <= ref.month) ++y;
    return MonthMatch(me, y, m);
  }
  // "this past Tuesday".
  bool past = false;
  if (is_this && s_.Is(k, "past")) {
    past = true;
    dir = -1;
    is_this = false;
    ++k;
  }
  if (k >= t.size()) return std::nullopt;
  const std::string& u = t[k].lower;
  if (int wd = LookupWeekday(u); wd != 0) {
    int cur = Weekday(today);
    int64_t target;
    if (dir < 0 && past) {
      // "this past Tuesday": the most recent one.
      int back = (cur - wd + 7) % 7;
      target = today - (back == 0 ? 7 : back);
    } else if (dir != 0) {
      // "last Tuesday", "next Tuesday": in the previous or next week.
      target = today - cur + wd + 7 * dir;
    } else {
      target = today - cur + wd;  // Same ISO week.
    }
    return day(k + 1, target);
  }
  int delta = is_this ? 0 : dir;
  if (u == "week") {
    DateMatch r;
    r.end = k + 1;
    r.type = MentionType::kDateRange;
    r.precision = "week";
    int64_t monday = today - Weekday(today) + 1 + 7 * delta;
    r.timex = IsoWeek(CivilFromDays(monday));
    r.from = Ymd(CivilFromDays(monday));
    r.to = Ymd(CivilFromDays(monday + 7));
    return r;
  }
  if (u == "month") {
    Date d = AddMonths({ref.year, ref.month, 1}, delta);
    return MonthMatch(k + 1, d.year, d.month);
  }
  if (u == "year") return YearMatch(k + 1, ref.year + delta);
  if (u == "quarter") {
    Date from{ref.year, 3 * ((ref.month - 1) / 3) + 1, 1};
    from = AddMonths(from, 3 * delta);
    return PeriodMatch(k + 1, from, AddMonths(from, 3), "P3M", "quarter");
  }
  // "the last 3 weeks", "the past two years": the period up to today;
  // "the next five days": the period from tomorrow.
  if (dir > 0) {
    auto p = ParseNumber(s_, k);
    if (p && !p->ordinal && p->value >= 1 && p->value < 1000 &&
        p->value == static_cast<int>(p->value) && p->end < t.size()) {
      TimeUnit unit = LookupTimeUnit(t[p->end].lower);
      int n = static_cast<int>(p->value * unit.multiplier);
      if (unit.letter != 0 && !unit.time) {
        Date from = CivilFromDays(today + 1), to = from;
        char dur[32];
        std::snprintf(dur, sizeof dur, "P%d%c", n, unit.letter);
        if (unit.letter == 'D') to = CivilFromDays(today + 1 + n);
        if (unit.letter == 'W') to = CivilFromDays(today + 1 + 7 * n);
        if (unit.letter == 'M') to = AddMonths(from, n);
        if (unit.letter == 'Y') to = AddMonths(from, 12 * n);
        return PeriodMatch(p->end + 1, from, to, dur, "day");
      }
    }
  }
  if (dir < 0) {
    auto p = ParseNumber(s_, k);
    if (p && !p->ordinal && p->value >= 1 && p->value < 1000 &&
        p->value == static_cast<int>(p->value) && p->end < t.size()) {
      TimeUnit unit = LookupTimeUnit(t[p->end].lower);
      int n = static_cast<int>(p->value * unit.multiplier);
      if (unit.letter != 0 && !unit.time) {
        Date from = ref;
        char dur[32];
        std::snprintf(dur, sizeof dur, "P%d%c", n, unit.letter);
        if (unit.letter == 'D') from = CivilFromDays(today - n);
        if (unit.letter == 'W') from = CivilFromDays(today - 7 * n);
        if (unit.letter == 'M') from = AddMonths(ref, -n);
        if (unit.letter == 'Y') from = AddMonths(ref, -12 * n);
        return PeriodMatch(p->end + 1, from, ref, dur, "day");
      }
    }
  }
  return std::nullopt;
}

// "the 15th century", "week 31", "on the 18th".
std::optional<DateMatch> DateParser::Extra(size_t i) {
  const auto& t = s_.tokens;
  size_t k = s_.Is(i, "the") ? i + 1 : i;
  // Centuries: "21st century" -> (2000-01-01,2100-01-01,P100Y).
  if (auto p = ParseNumber(s_, i); p && p->ordinal && p->value >= 1 &&
                                   p->value <= 30 && s_.Is(p->end, "century")) {
    int c = static_cast<int>(p->value);
    return PeriodMatch(p->end + 1, {(c - 1) * 100, 1, 1}, {c * 100, 1, 1},
                       "P100Y", "century");
  }
  // "week 31" of the reference year.
  if (k == i && s_.Is(k, "week") && IsDigits(k + 1, 1, 2) &&
      o_.reference_date) {
    int w = Int(k + 1);
    if (w >= 1 && w <= 53) {
      DateMatch r;
      r.end = k + 2;
      r.type = MentionType::kDateRange;
      r.precision = "week";
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-W%02d", o_.reference_date->year, w);
      r.timex = buf;
      return r;
    }
  }
  // "on the 18th": a day of an unnamed month.
  if (i > 0 && s_.Is(i - 1, "on") && s_.Is(i, "the")) {
    size_t e;
    int d = Day(i + 1, &e);
    bool next_is_word = e < t.size() && t[e].kind == TK::kWord &&
                        !s_.Is(e, "at") && !s_.Is(e, "and") && !s_.Is(e, "or");
    if (d != 0 && !next_is_word) {
      DateMatch r = DayMatch(e, 0, 1, d);
      char buf[16];
      std::snprintf(buf, sizeof buf, "XXXX-XX-%02d", d);
      r.timex = buf;
      r.start.month = 0;
      return r;
    }
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// Phrases: weekends, seasons, "the day"/"the year", "the week of May 4",
// "the last week of July", "the year 2008", "20161016".

// -1, 0 or +1 for "last", "this", "next"; 2 when `w` is none of them.
int Direction(std::string_view w) {
  if (w == "last" || w == "past" || w == "previous") return -1;
  if (w == "next" || w == "following" || w == "coming" || w == "upcoming") {
    return 1;
  }
  if (w == "this" || w == "current") return 0;
  return 2;
}

// Whether a phrase can start with word `t` (a cheap filter, as Phrase runs
// at every token).
bool PhraseStart(const Token& t) {
  constexpr uint16_t kLex = kLexCardinal | kLexOrdinal | kLexMonth |
                            kLexWeekday | kLexDateWord | kLexNumberStart;
  if ((t.lex & kLex) != 0) return true;
  static constexpr std::string_view kWords[] = {
      "that",      "same",          "end",       "beginning", "start",
      "middle",    "eoy",           "w",         "week",      "year",
      "calendar",  "fiscal",        "school",    "sy",        "cy",
      "fy",        "summer",        "winter",    "spring",    "autumn",
      "fall",      "christmas",     "xmas",      "new",       "independence",
      "halloween", "juneteenth",    "valentine", "earth",     "saint",
      "st",        "international", "easter",    "to",        "till",
      "fortnight", "weekend",       "between",   "first"};
  for (std::string_view w : kWords) {
    if (t.lower == w) return true;
  }
  return false;
}

std::optional<DateMatch> DateParser::Phrase(size_t i) {
  const Token& t = s_.tokens[i];
  if (t.kind == TK::kDigits) {
    if (auto r = Compact(i)) return r;
    if (auto r = NamedNumeric(i)) return r;
    if (auto r = OffsetFromDate(i)) return r;
    // The rest start with an ordinal ("3rd") or "week N".
    if (!IsWord(i + 1) || !s_.Glued(i + 1)) return std::nullopt;
    if (auto r = NthMonthOf(i)) return r;
    if (auto r = DayOfMonth(i)) return r;
    return NthWeekOf(i);
  }
  if (t.kind != TK::kWord || !PhraseStart(t)) return std::nullopt;
  if (auto r = Weekend(i)) return r;
  if (auto r = WeekdayDay(i)) return r;
  if (auto r = Quarters(i)) return r;
  if (auto r = Holiday(i)) return r;
  if (auto r = WeekdayOfWeek(i)) return r;
  if (auto r = OffsetFromDate(i)) return r;
  if (auto r = DayOfMonth(i)) return r;
  if (auto r = Easter(i)) return r;
  if (auto r = SchoolFiscal(i)) return r;
  if (auto r = ToDate(i)) return r;
  if (auto r = MonthToMonth(i)) return r;
  if (auto r = Decades(i)) return r;
  if (auto r = PartPeriod(i)) return r;
  if (auto r = NamedNumeric(i)) return r;
  if (auto r = Fortnight(i)) return r;
  if (auto r = NthMonthOf(i)) return r;
  if (auto r = DayToDay(i)) return r;
  if (auto r = EdgeOfYear(i)) return r;
  if (auto r = Season(i)) return r;
  if (auto r = WeekOf(i)) return r;
  if (auto r = NthWeekOf(i)) return r;
  if (auto r = YearWord(i)) return r;
  if (auto r = CurrentUnit(i)) return r;
  return std::nullopt;
}

// "the weekend", "this weekend", "next weekend", "that weekend".
std::optional<DateMatch> DateParser::Weekend(size_t i) {
  const std::string& w = s_.tokens[i].lower;
  size_t k = i;
  int dir = 0;
  bool unknown = false;
  if (w == "that") {
    unknown = true;
    ++k;
  } else if (w == "the") {
    ++k;
  } else if (int d = Direction(w); d != 2) {
    dir = d;
    ++k;
  } else if (i > 0 && (s_.Is(i - 1, "a") || s_.Is(i - 1, "every") ||
                       s_.Is(i - 1, "each") || s_.Is(i - 1, "per"))) {
    return std::nullopt;
  }
  if (!s_.Is(k, "weekend")) return std::nullopt;
  DateMatch r;
  r.end = k + 1;
  r.type = MentionType::kDateRange;
  r.precision = "week";
  if (unknown) {
    r.timex = "XXXX-WXX-WE";
    return r;
  }
  if (!o_.reference_date) return std::nullopt;
  int64_t today = Days(*o_.reference_date);
  int64_t monday = today - Weekday(today) + 1 + 7 * dir;
  r.timex = IsoWeek(CivilFromDays(monday)) + "-WE";
  r.from = Ymd(CivilFromDays(monday + 5));
  r.to = Ymd(CivilFromDays(monday + 7));
  return r;
}

// "summer" -> SU, "this summer" -> 2016-SU, "summer 2016" -> 2016-SU.
std::optional<DateMatch> DateParser::Season(size_t i) {
  const std::string& w = s_.tokens[i].lower;
  int dir = Direction(w);
  size_t k = dir == 2 ? i : i + 1;
  if (k >= s_.tokens.size()) return std::nullopt;
  const Token& st = s_.tokens[k];
  const char* code = st.lower == "summer"   ? "SU"
                     : st.lower == "winter" ? "WI"
                     : st.lower == "spring" ? "SP"
                     : st.lower == "autumn" ? "FA"
                     : st.lower == "fall"   ? "FA"
                                            : nullptr;
  if (code == nullptr) return std::nullopt;
  DateMatch r;
  r.type = MentionType::kDateRange;
  r.precision = "season";
  r.end = k + 1;
  if (dir != 2) {
    if (!o_.reference_date) return std::nullopt;
    r.timex = std::to_string(o_.reference_date->year + dir) + "-" + code;
    return r;
  }
  // Bare "spring" and "fall" are common verbs and nouns.
  bool verb_like = st.lower == "spring" || st.lower == "fall";
  size_t ye;
  if (int y = Year(k + 1, &ye)) {
    r.end = ye;
    r.timex = std::to_string(y) + "-" + code;
    return r;
  }
  if (verb_like && !st.upper_initial) return std::nullopt;
  if (IsWord(k + 1) && LookupTimeUnit(s_.tokens[k + 1].lower).letter != 0) {
    return std::nullopt;  // "summer months" is left to durations.
  }
  r.timex = code;
  return r;
}

// "the day", "the week", "the month", "the year": the current ones;
// "the day before/after"; "same week"; "end of month", "eoy".
std::optional<DateMatch> DateParser::CurrentUnit(size_t i) {
  const auto& t = s_.tokens;
  const std::string& w = t[i].lower;
  if (w == "same" && i + 1 < t.size()) {
    const std::string& u = t[i + 1].lower;
    const char* timex = u == "week"    ? "XXXX-WXX"
                        : u == "month" ? "XXXX-XX"
                        : u == "year"  ? "XXXX"
                                       : nullptr;
    if (timex == nullptr) return std::nullopt;
    DateMatch r;
    r.end = i + 2;
    r.type = MentionType::kDateRange;
    r.precision = u;
    r.timex = timex;
    return r;
  }
  if (!o_.reference_date) return std::nullopt;
  const Date ref = *o_.reference_date;
  const int64_t today = Days(ref);
  size_t k;
  if (w == "eoy") {
    k = i;
  } else if ((w == "end" || w == "beginning" || w == "start" ||
              w == "middle") &&
             s_.Is(i + 1, "of")) {
    k = s_.Is(i + 2, "the") ? i + 3 : i + 2;
  } else if (w == "the") {
    k = i + 1;
  } else {
    return std::nullopt;
  }
  if (k >= t.size()) return std::nullopt;
  const std::string& u = w == "eoy" ? std::string("year") : t[k].lower;
  size_t e = k + 1;
  bool open_end = e >= t.size() || t[e].kind == TK::kPunct;
  if (IsDigits(e) || s_.Is(e, "of")) return std::nullopt;
  if (u == "day" && w == "the") {
    int64_t d = today;
    if ((s_.Is(e, "before") || s_.Is(e, "after")) &&
        (e + 1 >= t.size() || t[e + 1].kind == TK::kPunct)) {
      d += s_.Is(e, "before") ? -1 : 1;
      ++e;
    } else if (!open_end && (s_.Is(e, "before") || s_.Is(e, "after"))) {
      return std::nullopt;
    }
    Date x = CivilFromDays(d);
    return DayMatch(e, x.year, x.month, x.day);
  }
  if (u == "week") {
    int64_t monday = today - Weekday(today) + 1;
    if (s_.Is(e, "after") && s_.Is(e + 1, "next")) {
      monday += 14;  // "the week after next".
      e += 2;
    }
    DateMatch r;
    r.end = e;
    r.type = MentionType::kDateRange;
    r.precision = "week";
    r.timex = IsoWeek(CivilFromDays(monday));
    r.from = Ymd(CivilFromDays(monday));
    r.to = Ymd(CivilFromDays(monday + 7));
    return r;
  }
  if (u == "month") return MonthMatch(e, ref.year, ref.month);
  if (u == "year") return YearMatch(w == "eoy" ? i + 1 : e, ref.year);
  return std::nullopt;
}

// "the week of April 10th", "w/c Feb 4", "the week beginning February 4".
std::optional<DateMatch> DateParser::WeekOf(size_t i) {
  size_t k;
  if (s_.Is(i, "w") && s_.Is(i + 1, "/") && s_.Is(i + 2, "c") &&
      s_.Glued(i + 1) && s_.Glued(i + 2)) {
    k = i + 3;
  } else {
    size_t j = s_.Is(i, "the") ? i + 1 : i;
    if (!s_.Is(j, "week")) return std::nullopt;
    if (s_.Is(j + 1, "of") || s_.Is(j + 1, "beginning") ||
        s_.Is(j + 1, "starting") || s_.Is(j + 1, "commencing")) {
      k = j + 2;
      if (!s_.Is(j + 1, "of") && s_.Is(k, "on")) ++k;
    } else {
      return std::nullopt;
    }
  }
  if (k >= s_.tokens.size()) return std::nullopt;
  size_t de;
  if (s_.Is(k, "the") && s_.Is(k - 1, "of")) {
    if (int day = Day(k + 1, &de);
        day != 0 && !Month(de, &de, false) && !s_.Is(de, "of")) {
      DateMatch r = DayMatch(k + 2, 0, 1, day);
      r.end = k + 1;
      Day(k + 1, &r.end);
      char buf[16];
      std::snprintf(buf, sizeof buf, "XXXX-XX-%02d", day);
      r.timex = buf;
      r.start.month = 0;
      r.type = MentionType::kDateRange;
      return r;
    }
  }
  auto d = Absolute(k);
  if (!d) d = Numeric(k);
  if (!d || d->precision != "day") return std::nullopt;
  d->type = MentionType::kDateRange;
  if (d->start.year != 0) {
    int64_t first = Days(d->start);
    d->from = Ymd(d->start);
    d->to = Ymd(CivilFromDays(first + 7));
  }
  return d;
}

// "the first week of 2015" -> 2015-W01, "the last week of July" ->
// XXXX-07-W05, "week 3 of 2027" -> 2027-W03.
std::optional<DateMatch> DateParser::NthWeekOf(size_t i) {
  size_t k = s_.Is(i, "the") ? i + 1 : i;
  int n = 0;
  size_t of;
  if (s_.Is(k, "last")) {
    n = -1;
    of = k + 1;
  } else if (k == i && s_.Is(k, "week") && IsDigits(k + 1, 1, 2)) {
    n = Int(k + 1);
    of = k + 2;
    if (!s_.Is(of, "of")) return std::nullopt;
    ++of;
    auto x = Parse(of);
    if (!x || x->precision != "year" || n < 1 || n > 53) return std::nullopt;
    DateMatch r = YearMatch(x->end, x->start.year);
    r.precision = "week";
    r.from.clear();
    r.to.clear();
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-W%02d", x->start.year, n);
    r.timex = buf;
    return r;
  } else {
    auto p = ParseNumber(s_, k);
    if (!p || !p->ordinal || p->value < 1 || p->value > 5) return std::nullopt;
    n = static_cast<int>(p->value);
    of = p->end;
  }
  if (s_.Is(of, "quarter") && s_.Is(of + 1, "of") && n >= 1 && n <= 4) {
    return QuarterOf(of + 2, n);
  }
  if (!s_.Is(of, "week") || !s_.Is(of + 1, "of")) return std::nullopt;
  auto x = Parse(of + 2);
  size_t me;
  if (!x) {
    if (int m = Month(of + 2, &me, false)) {
      size_t ye;
      int y = Year(s_.Is(me, ",") ? me + 1 : me, &ye);
      x = y ? MonthMatch(ye, y, m) : MonthMatch(me, 0, m);
    }
  }
  if (!x) {
    size_t ye;
    if (int y = Year(of + 2, &ye)) x = YearMatch(ye, y);
  }
  if (!x) return std::nullopt;
  DateMatch r;
  r.end = x->end;
  r.type = MentionType::kDateRange;
  r.precision = "week";
  char buf[32];
  if (x->precision == "year") {
    int y = x->start.year;
    int w = n;
    if (n < 0) {
      std::string last = IsoWeek({y, 12, 28});
      w = std::atoi(last.c_str() + last.size() - 2);
    }
    std::snprintf(buf, sizeof buf, "%04d-W%02d", y, w);
  } else if (x->precision == "month" && x->start.month != 0) {
    int w = n < 0 ? 5 : n;
    if (x->start.year == 0) {
      std::snprintf(buf, sizeof buf, "XXXX-%02d-W%02d", x->start.month, w);
    } else {
      std::snprintf(buf, sizeof buf, "%04d-%02d-W%02d", x->start.year,
                    x->start.month, w);
    }
  } else {
    return std::nullopt;
  }
  r.timex = buf;
  return r;
}

// "1st quarter of 2013", "the first quarter of the year"; `k` is past "of".
std::optional<DateMatch> DateParser::QuarterOf(size_t k, int n) {
  size_t ye;
  if (int y = Year(k, &ye)) {
    Date from{y, 3 * (n - 1) + 1, 1};
    return PeriodMatch(ye, from, AddMonths(from, 3), "P3M", "quarter");
  }
  if (s_.Is(k, "the") && s_.Is(k + 1, "year")) {
    DateMatch r;
    r.end = k + 2;
    r.type = MentionType::kDateRange;
    r.precision = "quarter";
    char buf[48];
    std::snprintf(buf, sizeof buf, "(XXXX-%02d-01,XXXX-%02d-01,P3M)",
                  3 * (n - 1) + 1, 3 * n + 1);
    if (n == 4) std::snprintf(buf, sizeof buf, "(XXXX-10-01,XXXX-01-01,P3M)");
    r.timex = buf;
    return r;
  }
  return std::nullopt;
}

// "mon 13th" -> XXXX-WXX-1, "friday 7/6" -> XXXX-07-06.
std::optional<DateMatch> DateParser::WeekdayDay(size_t i) {
  const Token& t = s_.tokens[i];
  int wd = LookupWeekday(t.lower);
  if (wd == 0 || t.lower.ends_with("s") || i + 1 >= s_.tokens.size()) {
    return std::nullopt;
  }
  if (auto d = Numeric(i + 1); d && d->precision == "day") return d;
  size_t e;
  int day = Day(i + 1, &e);
  if (day == 0 || !IsDigits(i + 1)) return std::nullopt;
  size_t me;
  if (Month(e, &me, false) || s_.Is(e, "of")) return std::nullopt;
  bool suffixed = e == i + 3;
  bool closed = e >= s_.tokens.size() ||
                (s_.tokens[e].kind == TK::kPunct && !s_.Is(e, "/") &&
                 !s_.Is(e, "-") && !s_.Is(e, ":") && !s_.Is(e, "."));
  if (!suffixed && !closed) return std::nullopt;
  DateMatch r;
  r.end = e;
  r.precision = "day";
  r.timex = "XXXX-WXX-" + std::to_string(wd);
  return r;
}

// "last 2 quarters", "next 7 quarters": whole quarters before the current
// one or after it.
std::optional<DateMatch> DateParser::Quarters(size_t i) {
  int dir = Direction(s_.tokens[i].lower);
  if ((dir != 1 && dir != -1) || !o_.reference_date) return std::nullopt;
  auto p = ParseNumber(s_, i + 1);
  if (p && p->fraction && p->end > i + 2 && s_.Is(p->end - 1, "quarters")) {
    p->value = std::round(p->value * 4);  // "two quarters" is not 0.5 here.
    p->end -= 1;
  }
  if (!p || p->ordinal || p->value < 1 || p->value > 40 ||
      p->value != static_cast<int>(p->value) ||
      !(s_.Is(p->end, "quarters") || s_.Is(p->end, "quarter"))) {
    return std::nullopt;
  }
  int n = static_cast<int>(p->value);
  const Date ref = *o_.reference_date;
  Date current{ref.year, 3 * ((ref.month - 1) / 3) + 1, 1};
  Date from = dir < 0 ? AddMonths(current, -3 * n) : AddMonths(current, 3);
  Date to = AddMonths(from, 3 * n);
  return PeriodMatch(p->end + 1, from, to, "P" + std::to_string(3 * n) + "M",
                     "quarter");
}

// Holidays on a fixed date: "christmas", "christmas eve 2019".
std::optional<DateMatch> DateParser::Holiday(size_t i) {
  struct Entry {
    std::string_view words[5];
    int month, day;
  };
  static constexpr Entry kHolidays[] = {
      {{"christmas", "eve"}, 12, 24},
      {{"christmas", "day"}, 12, 25},
      {{"christmas"}, 12, 25},
      {{"xmas"}, 12, 25},
      {{"new", "year", "'", "s"}, 1, 1},
      {{"new", "years", "eve"}, 12, 31},
      {{"independence", "day"}, 7, 4},
      {{"halloween"}, 10, 31},
      {{"juneteenth"}, 6, 19},
      {{"valentine", "'", "s", "day"}, 2, 14},
      {{"earth", "day"}, 4, 22},
      {{"saint", "patrick"}, 3, 17},
      {{"st", "patrick", "'", "s", "day"}, 3, 17},
      {{"international", "workers", "'", "day"}, 5, 1},
  };
  for (const Entry& h : kHolidays) {
    size_t k = i;
    bool ok = true;
    for (std::string_view w : h.words) {
      if (w.empty()) break;
      if (!s_.Is(k, w)) {
        ok = false;
        break;
      }
      ++k;
    }
    if (!ok) continue;
    // "new year's" must go on with "day" or "eve".
    if (h.words[0] == "new") {
      if (s_.Is(k, "day")) {
        ++k;
      } else if (s_.Is(k, "eve")) {
        size_t ye;
        int y = Year(k + 1, &ye);
        return y ? DayMatch(ye, y, 12, 31) : DayMatch(k + 1, 0, 12, 31);
      } else {
        return std::nullopt;
      }
    }
    size_t ye;
    if (int y = Year(k, &ye)) return DayMatch(ye, y, h.month, h.day);
    return DayMatch(k, 0, h.month, h.day);
  }
  return std::nullopt;
}

// "tuesday of last week", "on monday of the following week".
std::optional<DateMatch> DateParser::WeekdayOfWeek(size_t i) {
  size_t k = s_.Is(i, "on") ? i + 1 : i;
  if (!IsWord(k) || !s_.Is(k + 1, "of")) return std::nullopt;
  int wd = LookupWeekday(s_.tokens[k].lower);
  if (wd == 0 || s_.tokens[k].lower.ends_with("s")) return std::nullopt;
  size_t j = s_.Is(k + 2, "the") ? k + 3 : k + 2;
  if (j >= s_.tokens.size()) return std::nullopt;
  auto w = Relative(j);
  if (!w) return std::nullopt;
  return OnWeekday(*w, w->end, wd);
}

// Day `wd` (1 = Monday) of the week `w`, ending at token `end`; nothing
// when `w` is not a calendar week.
std::optional<DateMatch> DateParser::OnWeekday(const DateMatch& w, size_t end,
                                               int wd) const {
  if (w.precision != "week" || w.from.empty() || w.timex.ends_with("-WE")) {
    return std::nullopt;
  }
  auto from = ParseIsoDate(w.from);
  if (!from.ok()) return std::nullopt;
  Date d = CivilFromDays(Days(*from) + wd - 1);
  return DayMatch(end, d.year, d.month, d.day);
}

// "next week Monday", "next week on Tuesday", "previous week - Monday".
std::optional<DateMatch> DateParser::WeekThenDay(const DateMatch& w) const {
  size_t j = w.end;
  if (s_.Is(j, "on") || s_.Is(j, "-") || s_.Is(j, ",")) ++j;
  if (!IsWord(j) || s_.tokens[j].lower.ends_with("s")) return std::nullopt;
  int wd = LookupWeekday(s_.tokens[j].lower);
  if (wd == 0) return std::nullopt;
  return OnWeekday(w, j + 1, wd);
}

// "2 weeks from January 15", "3 days after January 12th", "2 weeks before
// May 13 1999": a day counted from a date (a date without a year is its
// next occurrence from the reference date).
std::optional<DateMatch> DateParser::OffsetFromDate(size_t i) {
  auto p = ParseNumber(s_, i);
  if (!p || p->ordinal || p->value < 1 || p->value > 999 ||
      p->value != static_cast<int>(p->value) ||
      p->end + 2 >= s_.tokens.size()) {
    return std::nullopt;
  }
  TimeUnit unit = LookupTimeUnit(s_.tokens[p->end].lower);
  size_t c = p->end + 1;
  if (unit.letter == 0 || unit.time ||
      !(s_.Is(c, "from") || s_.Is(c, "after") || s_.Is(c, "before"))) {
    return std::nullopt;
  }
  auto base = Parse(c + 1);
  if (!base || base->precision != "day" || base->start.month == 0 ||
      base->start.day == 0) {
    return std::nullopt;
  }
  Date b = base->start;
  if (b.year == 0) {
    if (!o_.reference_date) return std::nullopt;
    const Date ref = *o_.reference_date;
    b.year = ref.year;
    if (b.day > DaysInMonth(b.year, b.month)) return std::nullopt;
    if (Days(b) < Days(ref)) ++b.year;
  }
  if (b.day > DaysInMonth(b.year, b.month)) return std::nullopt;
  int n = static_cast<int>(p->value * unit.multiplier);
  if (s_.Is(c, "before")) n = -n;
  Date d = b;
  switch (unit.letter) {
    case 'D':
      d = CivilFromDays(Days(b) + n);
      break;
    case 'W':
      d = CivilFromDays(Days(b) + 7 * n);
      break;
    case 'M':
      d = AddMonths(b, n);
      break;
    case 'Y':
      d = AddMonths(b, 12 * n);
      break;
    default:
      return std::nullopt;
  }
  return DayMatch(base->end, d.year, d.month, d.day);
}

// "the 15th day of next month", "twenty third day of September".
std::optional<DateMatch> DateParser::DayOfMonth(size_t i) {
  size_t k = s_.Is(i, "the") ? i + 1 : i;
  auto p = ParseNumber(s_, k);
  if (!p || !p->ordinal || p->value < 1 || p->value > 31 ||
      !s_.Is(p->end, "day") || !s_.Is(p->end + 1, "of")) {
    return std::nullopt;
  }
  int d = static_cast<int>(p->value);
  size_t j = p->end + 2;
  if (j >= s_.tokens.size()) return std::nullopt;
  std::optional<DateMatch> m = Parse(j);
  size_t me;
  if (!m) {
    if (int mm = Month(j, &me, false)) m = MonthMatch(me, 0, mm);
  }
  if (!m || m->precision != "month" || m->start.month == 0) {
    return std::nullopt;
  }
  return DayMatch(m->end, m->start.year, m->start.month, d);
}

// Easter Sunday of year y (the Gregorian computus).
Date EasterSunday(int y) {
  int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = (h + l - 7 * m + 114) % 31 + 1;
  return {y, month, day};
}

// "easter 2018", "last easter", "next easter".
std::optional<DateMatch> DateParser::Easter(size_t i) {
  int dir = Direction(s_.tokens[i].lower);
  size_t k = dir == 2 ? i : i + 1;
  if (!s_.Is(k, "easter") || dir == 0) return std::nullopt;
  if (dir == 2) {
    size_t ye;
    int y = Year(k + 1, &ye);
    if (y == 0) return std::nullopt;
    Date e = EasterSunday(y);
    return DayMatch(ye, e.year, e.month, e.day);
  }
  if (!o_.reference_date) return std::nullopt;
  const Date ref = *o_.reference_date;
  Date e = EasterSunday(ref.year);
  if (dir < 0 && Days(e) >= Days(ref)) e = EasterSunday(ref.year - 1);
  if (dir > 0 && Days(e) <= Days(ref)) e = EasterSunday(ref.year + 1);
  return DayMatch(k + 1, e.year, e.month, e.day);
}

// "fiscal year 2008" -> FY2008, "last fiscal year", "this school year"
// -> SY2019, "sy18", "cy 2008" -> 2008, "this calendar year".
std::optional<DateMatch> DateParser::SchoolFiscal(size_t i) {
  const auto& t = s_.tokens;
  int dir = Direction(t[i].lower);
  size_t k = dir == 2 ? i : i + 1;
  if (k >= t.size()) return std::nullopt;
  std::string prefix;
  size_t after;
  const std::string& w = t[k].lower;
  if ((w == "fiscal" || w == "school" || w == "calendar") &&
      s_.Is(k + 1, "year")) {
    prefix = w == "fiscal" ? "FY" : w == "school" ? "SY" : "";
    after = k + 2;
  } else if (dir == 2 && (w == "sy" || w == "cy" || w == "fy")) {
    prefix = w == "cy" ? "" : w == "sy" ? "SY" : "FY";
    after = k + 1;
  } else {
    return std::nullopt;
  }
  int y = 0;
  size_t end = after;
  if (dir != 2) {
    if (!o_.reference_date) return std::nullopt;
    y = o_.reference_date->year + dir;
  } else if (int yy = Year(after, &end)) {
    y = yy;
  } else if (w.size() == 2 && IsDigits(after, 2, 2) && s_.Glued(after)) {
    y = 2000 + Int(after);
    end = after + 1;
  } else if (w == "fiscal" && k == i) {
    DateMatch r;
    r.end = after;
    r.type = MentionType::kDateRange;
    r.precision = "year";
    r.timex = "FYXXXX";
    return r;
  } else {
    return std::nullopt;
  }
  DateMatch r = YearMatch(end, y);
  if (!prefix.empty()) {
    r.timex = prefix + std::to_string(y);
    r.from.clear();
    r.to.clear();
  }
  return r;
}

// "to date", "till date": up to the present; "year to date".
std::optional<DateMatch> DateParser::ToDate(size_t i) {
  const auto& t = s_.tokens;
  if (s_.Is(i, "year") && s_.Is(i + 1, "to") && s_.Is(i + 2, "date") &&
      o_.reference_date) {
    return YearMatch(i + 3, o_.reference_date->year);
  }
  if (!(s_.Is(i, "to") || s_.Is(i, "till")) || !s_.Is(i + 1, "date")) {
    return std::nullopt;
  }
  if (i + 2 < t.size() && t[i + 2].kind != TK::kPunct) return std::nullopt;
  DateMatch r;
  r.end = i + 2;
  r.type = MentionType::kDateRange;
  r.precision = "day";
  r.timex = "PRESENT_REF";
  return r;
}

// "Jan-Feb 2017", "Nov-Feb 2017" (Nov of 2016), "June-August 1992".
std::optional<DateMatch> DateParser::MonthToMonth(size_t i) {
  size_t e1, e2;
  int m1 = Month(i, &e1, false);
  if (m1 == 0 || !s_.Is(e1, "-") || !s_.Glued(e1) || !s_.Glued(e1 + 1)) {
    return std::nullopt;
  }
  int m2 = Month(e1 + 1, &e2, false);
  if (m2 == 0 || m2 == m1) return std::nullopt;
  size_t ye;
  int y = YearAfter(e2, &ye);
  if (y == 0) return std::nullopt;
  Date to{y, m2, 1};
  Date from{m1 < m2 ? y : y - 1, m1, 1};
  int months = (to.year - from.year) * 12 + m2 - m1;
  return PeriodMatch(ye, from, to, "P" + std::to_string(months) + "M", "month");
}

// "the next decade", "the next two decades", "the last decade": whole
// decades after or before the current one.
std::optional<DateMatch> DateParser::Decades(size_t i) {
  size_t k = s_.Is(i, "the") ? i + 1 : i;
  if (k >= s_.tokens.size() || !o_.reference_date) return std::nullopt;
  int dir = Direction(s_.tokens[k].lower);
  if (dir != 1 && dir != -1) return std::nullopt;
  int n = 1;
  size_t u = k + 1;
  if (!s_.Is(u, "decade")) {
    auto p = ParseNumber(s_, u);
    if (!p || p->ordinal || p->value < 1 || p->value > 10 ||
        p->value != static_cast<int>(p->value) || !s_.Is(p->end, "decades")) {
      return std::nullopt;
    }
    n = static_cast<int>(p->value);
    u = p->end;
  }
  int current = o_.reference_date->year / 10 * 10;
  int from = dir > 0 ? current + 10 : current - 10 * n;
  return PeriodMatch(u + 1, {from, 1, 1}, {from + 10 * n, 1, 1},
                     "P" + std::to_string(10 * n) + "Y", "decade");
}

// One end of "from the end of 2007 to the middle of 2008": the day the
// named part of a year or month begins ("end of 2008" -> 2009-01-01,
// "middle of March" -> 03-16). `*marked` tells whether a part was named.
std::optional<DateMatch> DateParser::Bound(size_t k, bool* marked) {
  size_t j = s_.Is(k, "the") ? k + 1 : k;
  std::string part;
  if ((s_.Is(j, "end") || s_.Is(j, "start") || s_.Is(j, "beginning") ||
       s_.Is(j, "middle")) &&
      s_.Is(j + 1, "of")) {
    part = s_.tokens[j].lower;
    j += 2;
  } else {
    j = k;
  }
  *marked = !part.empty();
  if (j >= s_.tokens.size()) return std::nullopt;
  std::optional<DateMatch> x;
  size_t e;
  if (int y = Year(j, &e)) {
    x = YearMatch(e, y);
  } else if (int m = Month(j, &e, false)) {
    size_t ye;
    int yy = YearAfter(e, &ye);
    x = yy ? MonthMatch(ye, yy, m) : MonthMatch(e, 0, m);
  }
  if (!x) return std::nullopt;
  Date s = x->start;
  bool year = x->precision == "year";
  if (part == "end") {
    x->start = year ? Date{s.year + 1, 1, 1}
                    : (s.month == 12 ? Date{s.year == 0 ? 0 : s.year + 1, 1, 1}
                                     : Date{s.year, s.month + 1, 1});
  } else if (part == "middle") {
    x->start = year ? Date{s.year, 7, 2} : Date{s.year, s.month, 16};
  }
  return x;
}

// "from 2007 to the end of 2008", "between the middle of March and the end
// of September": periods with a named part of a year or month at one end.
std::optional<DateMatch> DateParser::PartPeriod(size_t i) {
  bool between = s_.Is(i, "between");
  if (!between && !s_.Is(i, "from")) return std::nullopt;
  bool m1, m2;
  auto a = Bound(i + 1, &m1);
  if (!a) return std::nullopt;
  size_t sep = a->end;
  bool ok = between ? s_.Is(sep, "and")
                    : (s_.Is(sep, "to") || s_.Is(sep, "until") ||
                       s_.Is(sep, "till") || s_.Is(sep, "through"));
  if (!ok) return std::nullopt;
  auto b = Bound(sep + 1, &m2);
  if (!b || (!m1 && !m2)) return std::nullopt;
  Date x = a->start, y = b->start;
  bool unknown = x.year == 0 && y.year == 0;
  if (x.year == 0) x.year = y.year;
  if (y.year == 0) y.year = x.year;
  if (unknown) x.year = y.year = 2000;
  if (Days(y) <= Days(x)) return std::nullopt;
  int months = (y.year - x.year) * 12 + y.month - x.month;
  std::string dur = "P" + std::to_string(months) + "M";
  DateMatch r = PeriodMatch(b->end, x, y, dur, "month");
  if (unknown) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "(XXXX-%02d-%02d,XXXX-%02d-%02d,%s)",
                  x.month, x.day, y.month, y.day, dur.c_str());
    r.timex = buf;
    r.from.clear();
    r.to.clear();
  }
  return r;
}

// "2019/aug/01", "23/sep/2020", "05-aug-2016", "september-2020-23",
// "2020/23/sep": a day, a month name and a year joined by one separator.
std::optional<DateMatch> DateParser::NamedNumeric(size_t i) {
  const auto& t = s_.tokens;
  if (i + 4 >= t.size()) return std::nullopt;
  std::string_view sep = t[i + 1].lower;
  if ((sep != "/" && sep != "-") || !s_.Is(i + 3, sep)) return std::nullopt;
  for (size_t k = i + 1; k <= i + 4; ++k) {
    if (!s_.Glued(k)) return std::nullopt;
  }
  if (i + 5 < t.size() && s_.Glued(i + 5) && t[i + 5].kind != TK::kPunct) {
    return std::nullopt;
  }
  int y = 0, m = 0, d = 0;
  for (size_t k : {i, i + 2, i + 4}) {
    size_t e;
    if (IsDigits(k, 4, 4)) {
      if (y != 0) return std::nullopt;
      y = Int(k);
    } else if (IsDigits(k, 1, 2)) {
      if (d != 0) return std::nullopt;
      d = Int(k);
    } else if (int mm = Month(k, &e, false); mm != 0 && e == k + 1) {
      if (m != 0) return std::nullopt;
      m = mm;
    } else {
      return std::nullopt;
    }
  }
  if (y < 1000 || m == 0 || d < 1 || d > DaysInMonth(y, m)) {
    return std::nullopt;
  }
  return DayMatch(i + 5, y, m, d);
}

// "the past fortnight", "the next fortnight", "the fortnight".
std::optional<DateMatch> DateParser::Fortnight(size_t i) {
  const std::string& w = s_.tokens[i].lower;
  int dir = w == "the" ? 0 : Direction(w);
  if (dir == 2 || !s_.Is(i + 1, "fortnight") || !o_.reference_date) {
    return std::nullopt;
  }
  int64_t today = Days(*o_.reference_date);
  int64_t monday = today - Weekday(today) + 1;
  int64_t from = dir < 0 ? monday - 14 : dir > 0 ? monday + 7 : monday;
  return PeriodMatch(i + 2, CivilFromDays(from), CivilFromDays(from + 14),
                     "P2W", "week");
}

// "the third month of 2021", "the 9th month of next year".
std::optional<DateMatch> DateParser::NthMonthOf(size_t i) {
  size_t k = s_.Is(i, "the") ? i + 1 : i;
  auto p = ParseNumber(s_, k);
  if (!p || !p->ordinal || p->value < 1 || p->value > 12 ||
      !s_.Is(p->end, "month") || !s_.Is(p->end + 1, "of")) {
    return std::nullopt;
  }
  size_t j = p->end + 2;
  if (j >= s_.tokens.size()) return std::nullopt;
  auto x = Parse(j);
  if (!x) {
    size_t ye;
    if (int y = Year(j, &ye)) x = YearMatch(ye, y);
  }
  if (!x || x->precision != "year") return std::nullopt;
  return MonthMatch(x->end, x->start.year, static_cast<int>(p->value));
}

// "from ninth till seventeenth of April", "between 3 and 12 of Sept":
// a bare first day in the month of the second.
std::optional<DateMatch> DateParser::DayToDay(size_t i) {
  bool between = s_.Is(i, "between");
  if (!between && !s_.Is(i, "from")) return std::nullopt;
  size_t k = s_.Is(i + 1, "the") ? i + 2 : i + 1;
  size_t e;
  int d1 = Day(k, &e);
  if (d1 == 0) return std::nullopt;
  bool ok = between
                ? s_.Is(e, "and")
                : (s_.Is(e, "to") || s_.Is(e, "till") || s_.Is(e, "until") ||
                   s_.Is(e, "through") || s_.Is(e, "-"));
  if (!ok || e + 1 >= s_.tokens.size()) return std::nullopt;
  auto b = Absolute(e + 1);
  if (!b || b->precision != "day" || b->start.month == 0 ||
      b->start.day <= d1) {
    return std::nullopt;
  }
  DateMatch a = DayMatch(e, b->start.year, b->start.month, d1);
  Date x = a.start, y = b->start;
  bool unknown = y.year == 0;
  if (unknown) x.year = y.year = 2000;
  std::string dur = "P" + std::to_string(y.day - x.day) + "D";
  DateMatch r = PeriodMatch(b->end, x, y, dur, "day");
  if (unknown) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "(XXXX-%02d-%02d,XXXX-%02d-%02d,%s)",
                  x.month, x.day, y.month, y.day, dur.c_str());
    r.timex = buf;
    r.from.clear();
    r.to.clear();
  }
  return r;
}

// "the first 2 weeks of 2021", "the last four months of 2021", "first ten
// days of last year": the first or last whole units of a year (weeks are
// ISO weeks).
std::optional<DateMatch> DateParser::EdgeOfYear(size_t i) {
  size_t k = s_.Is(i, "the") ? i + 1 : i;
  bool first = s_.Is(k, "first");
  if (!first && !s_.Is(k, "last")) return std::nullopt;
  auto p = ParseNumber(s_, k + 1);
  if (!p || p->ordinal || p->fraction || p->value < 1 || p->value > 366 ||
      p->value != static_cast<int>(p->value) || !s_.Is(p->end + 1, "of")) {
    return std::nullopt;
  }
  TimeUnit unit = LookupTimeUnit(s_.tokens[p->end].lower);
  if (unit.letter == 0 || unit.time || unit.multiplier != 1) {
    return std::nullopt;
  }
  size_t j = p->end + 2;
  if (j >= s_.tokens.size()) return std::nullopt;
  auto x = Parse(j);
  if (!x) {
    size_t ye;
    if (int y = Year(j, &ye)) x = YearMatch(ye, y);
  }
  if (!x || x->precision != "year" || x->start.year == 0) return std::nullopt;
  int y = x->start.year, n = static_cast<int>(p->value);
  Date from, to;
  char dur[32];
  std::snprintf(dur, sizeof dur, "P%d%c", n, unit.letter);
  auto monday_of = [](Date d) {
    int64_t z = Days(d);
    return z - Weekday(z) + 1;
  };
  switch (unit.letter) {
    case 'D': {
      int64_t start = first ? Days({y, 1, 1}) : Days({y + 1, 1, 1}) - n;
      from = CivilFromDays(start);
      to = CivilFromDays(start + n);
      break;
    }
    case 'W': {
      int64_t start =
          first ? monday_of({y, 1, 4}) : monday_of({y, 12, 28}) - 7 * (n - 1);
      from = CivilFromDays(start);
      to = CivilFromDays(start + 7 * n);
      break;
    }
    case 'M':
      if (n > 12) return std::nullopt;
      from = first ? Date{y, 1, 1} : AddMonths({y + 1, 1, 1}, -n);
      to = AddMonths(from, n);
      break;
    default:
      return std::nullopt;
  }
  return PeriodMatch(x->end, from, to, dur, "day");
}

// "year 2008", "the year 2019", "calendar year 2008".
std::optional<DateMatch> DateParser::YearWord(size_t i) {
  size_t k = i;
  if (s_.Is(k, "the")) {
    bool cued = i > 0 && (s_.Is(i - 1, "before") || s_.Is(i - 1, "after") ||
                          s_.Is(i - 1, "since") || s_.Is(i - 1, "until"));
    if (!cued) return std::nullopt;
    ++k;
  } else if (s_.Is(k, "calendar")) {
    ++k;
  }
  if (!s_.Is(k, "year")) return std::nullopt;
  size_t ye;
  if (int y = Year(k + 1, &ye)) return YearMatch(ye, y);
  return std::nullopt;
}

// "20161016": eight digits as year, month and day.
std::optional<DateMatch> DateParser::Compact(size_t i) {
  if (!IsDigits(i, 8, 8)) return std::nullopt;
  if (i > 0 && s_.Glued(i) &&
      (s_.tokens[i - 1].kind != TK::kPunct || s_.Is(i - 1, ".") ||
       s_.Is(i - 1, ","))) {
    return std::nullopt;
  }
  if (i + 1 < s_.tokens.size() && s_.Glued(i + 1) &&
      s_.tokens[i + 1].kind != TK::kPunct) {
    return std::nullopt;
  }
  const std::string& v = s_.tokens[i].lower;
  int y = std::atoi(v.substr(0, 4).c_str());
  int m = std::atoi(v.substr(4, 2).c_str());
  int d = std::atoi(v.substr(6, 2).c_str());
  if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1 ||
      d > DaysInMonth(y, m)) {
    return std::nullopt;
  }
  return DayMatch(i + 1, y, m, d);
}

std::optional<DateMatch> DateParser::DayEnd(size_t i,
                                            const DateMatch& a) const {
  size_t e;
  int d = Day(i, &e);
  if (d == 0 || d <= a.start.day) return std::nullopt;
  size_t ys = s_.Is(e, ",") ? e + 1 : e;
  size_t ye;
  if (int y = Year(ys, &ye)) return DayMatch(ye, y, a.start.month, d);
  const auto& t = s_.tokens;
  if (e < t.size()) {
    const Token& n = t[e];
    if (n.kind == TK::kDigits) return std::nullopt;
    if (n.kind == TK::kPunct &&
        (s_.Glued(e) && (n.lower == "/" || n.lower == "-" || n.lower == ":" ||
                         n.lower == "."))) {
      if (n.lower != "." || IsDigits(e + 1)) return std::nullopt;
    }
    if (n.kind == TK::kWord) {
      static constexpr std::string_view kOk[] = {"and", "or",  "in",   "for",
                                                 "at",  "the", "with", "but"};
      bool ok = false;
      for (auto w : kOk) ok |= n.lower == w;
      if (!ok) return std::nullopt;
    }
  }
  return DayMatch(e, a.start.year, a.start.month, d);
}

std::optional<DateMatch> DateParser::Parse(size_t i) {
  if (auto r = Phrase(i)) return r;
  const Token& tok = s_.tokens[i];
  constexpr uint16_t kStarts = kLexMonth | kLexWeekday | kLexDateWord |
                               kLexCardinal | kLexOrdinal | kLexNumberStart;
  if (tok.kind == TK::kPunct) return std::nullopt;
  if (tok.kind == TK::kWord && (tok.lex & kStarts) == 0) return std::nullopt;
  if (auto r = Extra(i)) return r;
  if (auto r = Numeric(i)) return r;
  if (auto r = Absolute(i)) return r;
  if (auto r = YearLike(i)) return r;
  if (auto r = Relative(i)) return r;
  // A bare weekday: "Tuesday" -> XXXX-WXX-2, resolved when a reference
  // date is known (the most recent one, as news reports the past).
  const Token& t = s_.tokens[i];
  // Lower case only for full names ("monday", not "sat" or "sun").
  if (t.kind == TK::kWord && t.lower.size() > 3 &&
      (t.upper_initial || t.lower.ends_with("day"))) {
    if (int wd = LookupWeekday(t.lower); wd != 0 && !t.lower.ends_with("s")) {
      DateMatch r;
      r.end = i + 1;
      r.precision = "day";
      r.timex = "XXXX-WXX-" + std::to_string(wd);
      return r;
    }
  }
  return std::nullopt;
}

// The period from the start of `a` to the start of `b`, e.g.
// "(2014-01-01,2018-01-01,P4Y)". A missing year is taken from the other
// end ("from May to Oct 2020"), else left as XXXX.
std::optional<DateMatch> JoinDates(const DateMatch& a, const DateMatch& b,
                                   const RecognizeOptions& options) {
  Date x = a.start, y = b.start;
  if (x.year == 0) x.year = y.year;
  if (y.year == 0) y.year = x.year;
  bool unknown = x.year == 0;
  int base = options.reference_date ? options.reference_date->year : 2000;
  if (unknown) x.year = y.year = base;
  if (x.day > DaysInMonth(x.year, x.month) ||
      y.day > DaysInMonth(y.year, y.month)) {
    return std::nullopt;
  }
  int64_t dx = Days(x), dy = Days(y);
  if (dy <= dx) {
    if (!unknown && a.start.year != 0 && b.start.year != 0) return std::nullopt;
    ++y.year;  // "from November to March".
    dy = Days(y);
  }
  std::string dur;
  const char* precision = "day";
  if (a.precision == "year" && b.precision == "year") {
    dur = "P" + std::to_string(y.year - x.year) + "Y";
    precision = "year";
  } else if ((a.precision == "month" || a.precision == "year" ||
              a.precision == "quarter") &&
             (b.precision == "month" || b.precision == "year" ||
              b.precision == "quarter")) {
    dur =
        "P" + std::to_string((y.year - x.year) * 12 + y.month - x.month) + "M";
    precision = "month";
  } else {
    dur = "P" + std::to_string(dy - dx) + "D";
  }
  DateMatch r = PeriodMatch(b.end, x, y, dur, precision);
  if (unknown) {
    char fx[16], fy[16];
    std::snprintf(fx, sizeof fx, "XXXX-%02d-%02d", x.month, x.day);
    std::snprintf(fy, sizeof fy, "XXXX-%02d-%02d", y.month, y.day);
    r.timex = std::string("(") + fx + "," + fy + "," + dur + ")";
    r.from.clear();
    r.to.clear();
  }
  return r;
}

}  // namespace

void FindDates(const Scan& scan, const RecognizeOptions& options,
               std::vector<Mention>* out) {
  DateParser parser(scan, options);
  const auto& t = scan.tokens;
  for (size_t i = 0; i < t.size(); ++i) {
    auto r = parser.Parse(i);
    if (!r) continue;
    size_t first = i;
    // "since 2014", "since August": a period starting then.
    if (i > 0 && (scan.Is(i - 1, "since")) &&
        r->type == MentionType::kDateRange) {
      first = i - 1;
    }
    // "from 2014 to 2018", "between May and October", "2014-2018",
    // "from 10/1 to 11/7": a period from the first to the second start.
    size_t j = r->end;
    if (j + 1 < t.size() && r->start.month != 0 &&
        (scan.Is(j, "to") || scan.Is(j, "till") || scan.Is(j, "through") ||
         scan.Is(j, "until") || scan.Is(j, "and") || scan.Is(j, "-") ||
         scan.Is(j, "\u2013") || scan.Is(j, "~"))) {
      bool framed =
          i > 0 && (scan.Is(i - 1, "from") || scan.Is(i - 1, "between"));
      size_t k2 = scan.Is(j + 1, "the") ? j + 2 : j + 1;
      auto r2 = parser.ParseEnd(k2);
      bool years = r->precision == "year" && r2 && r2->precision == "year";
      if (!r2 && r->precision == "day" && r->start.month != 0) {
        r2 = parser.DayEnd(k2, *r);  // "November 18-19", "April 9th to 17th".
      }
      bool days = r->precision == "day" && r2 && r2->precision == "day";
      bool ok = r2 && r2->start.month != 0 &&
                (framed || ((years || days) && !scan.Is(j, "and"))) &&
                !(scan.Is(j, "and") && !scan.Is(i - 1, "between"));
      if (ok) {
        if (auto joined = JoinDates(*r, *r2, options)) {
          *r = *joined;
          if (framed) first = i - 1;
        }
      }
    }
    if (auto d = parser.WeekThenDay(*r)) *r = *d;
    // "next 5/12", "this 6th of April": the same day.
    if (first == i && i > 0 && r->precision == "day" &&
        r->timex.starts_with("XXXX-") && r->start.month != 0 &&
        (scan.Is(i - 1, "this") || scan.Is(i - 1, "next"))) {
      first = i - 1;
    }
    // "more than 2 weeks before today": open towards the past.
    if (first == i && i >= 2 && r->precision == "day" &&
        scan.Is(i - 2, "more") && scan.Is(i - 1, "than") &&
        t[i].kind == TK::kDigits && r->end >= 2 &&
        (scan.Is(r->end - 2, "before") || scan.Is(r->end - 2, "after"))) {
      first = i - 2;
      r->type = MentionType::kDateRange;
    }
    // "2018 or later", "1/1/2016 and after", "later than 2018", "no later
    // than January 1, 2010", "year greater than 2012": open periods.
    if (parser.ComparedAfter(r->end)) {
      r->end += 2;
      r->type = MentionType::kDateRange;
    }
    if (first == i && parser.ComparedBefore(i)) {
      first = i - 2;
      if (first > 0 &&
          (scan.Is(first - 1, "no") || scan.Is(first - 1, "year"))) {
        --first;
      }
      r->type = MentionType::kDateRange;
    }
    // "the end of 2000", "beginning of this year": the same period.
    size_t lead = i;
    if (first == i && i >= 2 && scan.Is(i - 1, "of") &&
        (r->precision == "year" || r->precision == "month") &&
        (scan.Is(i - 2, "end") || scan.Is(i - 2, "beginning") ||
         scan.Is(i - 2, "start") || scan.Is(i - 2, "middle"))) {
      lead = i - 2;
      // "since the end of 1989" keeps "the"; "at the end of 2000" does not.
      if (lead >= 2 && scan.Is(lead - 1, "the") &&
          (scan.Is(lead - 2, "since") || scan.Is(lead - 2, "after") ||
           scan.Is(lead - 2, "before") || scan.Is(lead - 2, "until") ||
           scan.Is(lead - 2, "till"))) {
        --lead;
      }
      first = lead;
      if (lead > 0 && scan.Is(lead - 1, "by")) first = lead - 1;
    }
    // "earlier in the week", "later in the year".
    if (first == i && i >= 2 && scan.Is(i, "the") && scan.Is(i - 1, "in") &&
        (scan.Is(i - 2, "earlier") || scan.Is(i - 2, "later"))) {
      lead = first = i - 2;
    }
    // "after 2016", "until April 27th", "starting on January 7th": a
    // period bounded by the date, with the same timex.
    if (first == lead && lead > 0) {
      static constexpr std::string_view kOpen[] = {
          "since", "after", "before", "until", "till", "starting", "beginning"};
      size_t p = lead - 1;
      if ((scan.Is(p, "on") || scan.Is(p, "from")) && p > 0 &&
          (scan.Is(p - 1, "starting") || scan.Is(p - 1, "beginning"))) {
        --p;
      }
      for (std::string_view w : kOpen) {
        if (scan.Is(p, w)) {
          first = p;
          r->type = MentionType::kDateRange;
          break;
        }
      }
      // "earlier this month", "later this year".
      if (first == lead && lead == i &&
          (scan.Is(p, "earlier") || scan.Is(p, "later")) &&
          scan.Is(i, "this")) {
        first = p;
      }
    }
    Mention m = SpanMention(scan, r->type, first, r->end - 1);
    m.timex = r->timex;
    m.precision = r->precision;
    m.range_from = r->from;
    m.range_to = r->to;
    if (first < i) m.cue = scan.tokens[first].lower;
    out->push_back(std::move(m));
    i = r->end - 1;
  }
}

}  // namespace claimgraph::recognize_internal
