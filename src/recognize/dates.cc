// Dates: absolute ("June 5, 2025", "May 2024", "2014", "mid-2019",
// "5/17/2018") and relative to the reference date ("last week", "Tuesday",
// "this past Tuesday", "a day ago", "since 2014").

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>

#include "recognize/dates_internal.h"
#include "recognize/internal.h"
#include "recognize/lexicon.h"

namespace claimgraph::recognize_internal {
namespace dates {

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

}  // namespace dates

void FindDates(const Scan& scan, const RecognizeOptions& options,
               std::vector<Mention>* out) {
  using dates::DateParser;
  using dates::TK;
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
