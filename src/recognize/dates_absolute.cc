// Absolute dates: month names ("June 5, 2025", "May 2024", "the 9th of
// May"), numeric forms ("5/17/2018", "2018-05-17", "Dec-2018"), years and
// their parts ("in 2014", "the 1990s", "Q3 2019", "mid-2019"), centuries,
// "week 31" and the bare day ending a range ("November 18-19").

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "recognize/dates_internal.h"
#include "recognize/internal.h"
#include "recognize/lexicon.h"

namespace claimgraph::recognize_internal::dates {

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
    if (k == i && BareMonth(k)) return MonthMatch(e, 0, m);
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

bool DateParser::BareMonth(size_t k) const {
  const std::string& w = s_.tokens[k].lower;
  bool verb_like = w == "may" || w == "march";
  bool cued =
      k > 0 &&
      (s_.Is(k - 1, "from") || s_.Is(k - 1, "since") || s_.Is(k - 1, "in") ||
       s_.Is(k - 1, "until") || s_.Is(k - 1, "to") || s_.Is(k - 1, "through") ||
       s_.Is(k - 1, "between") || s_.Is(k - 1, "of") || s_.Is(k - 1, "early") ||
       s_.Is(k - 1, "late") || s_.Is(k - 1, "mid") || s_.Is(k - 1, "and"));
  return (s_.tokens[k].upper_initial || cued) && (w.size() > 3 || verb_like) &&
         (!verb_like || cued);
}

// "5/17/2018", "11/12/35", "2018-05-17", "23.04.2022", "Sep-23-2020".
std::optional<DateMatch> DateParser::Numeric(size_t i) {
  if (IsDigits(i, 4, 4) && GluedSep(i + 1, "-") && IsDigits(i + 2, 1, 2) &&
      GluedSep(i + 3, "-") && IsDigits(i + 4, 1, 2)) {
    int y = Int(i), m = Int(i + 2), d = Int(i + 4);
    if (m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m)) {
      return DayMatch(i + 5, y, m, d);
    }
  }
  bool stop = false;
  if (auto r = SeparatedDate(i, &stop)) return r;
  if (stop) return std::nullopt;
  if (auto r = NumericYearMonth(i)) return r;
  return MonthNameNumeric(i);
}

std::optional<DateMatch> DateParser::SeparatedDate(size_t i, bool* stop) const {
  for (std::string_view sep : {"/", ".", "-"}) {
    if (!IsDigits(i, 1, 2) || !GluedSep(i + 1, sep) || !IsDigits(i + 2, 1, 2)) {
      continue;
    }
    int a = Int(i), b = Int(i + 2);
    int m = sep == "." ? b : a, d = sep == "." ? a : b;
    if (sep != "." && m > 12 && d <= 12) std::swap(m, d);  // "22/04".
    if (m < 1 || m > 12 || d < 1 || d > 31) continue;
    if (GluedSep(i + 3, sep) &&
        (IsDigits(i + 4, 4, 4) || IsDigits(i + 4, 2, 2))) {
      bool after_range = i >= 2 && s_.Is(i - 1, "-") && IsDigits(i - 2, 4, 4);
      if (i > 0 && s_.Glued(i) && s_.tokens[i - 1].kind != TK::kWord &&
          !s_.Is(i - 1, "(") && !after_range) {
        *stop = true;
        return std::nullopt;
      }
      if (i + 5 < s_.tokens.size() && s_.Glued(i + 5) &&
          (s_.Is(i + 5, sep) || s_.tokens[i + 5].kind == TK::kDigits)) {
        *stop = true;
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
    if (sep == "/" && !GluedSep(i + 3, sep) &&
        !(i > 0 && GluedSep(i - 1, sep))) {
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
  return std::nullopt;
}

std::optional<DateMatch> DateParser::NumericYearMonth(size_t i) const {
  // "2015-3", "12-2015": year and month.
  if (IsDigits(i, 4, 4) && GluedSep(i + 1, "-") && IsDigits(i + 2, 1, 2) &&
      !GluedSep(i + 3, "-")) {
    int y = Int(i), m = Int(i + 2);
    if (m >= 1 && m <= 12 && y >= 1900 && y <= 2100 &&
        s_.tokens[i + 2].lower.size() == 1) {
      return MonthMatch(i + 3, y, m);
    }
  }
  if (IsDigits(i, 1, 2) && GluedSep(i + 1, "-") && IsDigits(i + 2, 4, 4) &&
      !GluedSep(i + 3, "-") && !(i > 0 && s_.Glued(i))) {
    int m = Int(i), y = Int(i + 2);
    if (m >= 1 && m <= 12 && y >= 1900 && y <= 2100) {
      return MonthMatch(i + 3, y, m);
    }
  }
  return std::nullopt;
}

std::optional<DateMatch> DateParser::MonthNameNumeric(size_t i) const {
  // "Dec-2018", "Dec/2018", "Oct/2".
  size_t e;
  if (int m = Month(i, &e, false);
      m != 0 && (GluedSep(e, "-") || GluedSep(e, "/")) && IsDigits(e + 1)) {
    if (IsDigits(e + 1, 4, 4) && !GluedSep(e + 2, "-")) {
      return MonthMatch(e + 2, Int(e + 1), m);
    }
    if (IsDigits(e + 1, 1, 2) && !GluedSep(e + 2, "-") &&
        !GluedSep(e + 2, "/")) {
      int d = Int(e + 1);
      if (d >= 1 && d <= 31) return DayMatch(e + 2, 0, m, d);
    }
  }
  // "Sep-23-2020".
  if (int m = Month(i, &e, false);
      m != 0 && GluedSep(e, "-") && IsDigits(e + 1, 1, 2) &&
      GluedSep(e + 2, "-") && IsDigits(e + 3, 4, 4)) {
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
  size_t k = i;
  // Decades: "1990s", "the 1990s", "1990 s".
  if (IsDigits(k, 4, 4) && (s_.Is(k + 1, "s")) && Int(k) % 10 == 0) {
    int y = Int(k);
    return PeriodMatch(k + 2, {y, 1, 1}, {y + 10, 1, 1}, "P10Y", "decade");
  }
  if (auto r = YearPart(k)) return r;
  // "mid-2019", "early 2019", "late 2019".
  size_t ye;
  if (s_.Is(k, "mid") || s_.Is(k, "early") || s_.Is(k, "late")) {
    size_t j = k + 1;
    if (s_.Is(j, "-")) ++j;
    if (int y = Year(j, &ye)) {
      DateMatch r = YearMatch(ye, y);
      return r;
    }
  }
  return CuedYear(k);
}

int DateParser::QuarterAt(size_t q) const {
  const auto& t = s_.tokens;
  if (q >= t.size() || t[q].kind != TK::kWord || t[q].lower != "q" ||
      !IsDigits(q + 1, 1, 1) || !s_.Glued(q + 1)) {
    return 0;
  }
  int n = Int(q + 1);
  return n >= 1 && n <= 4 ? n : 0;
}

std::optional<DateMatch> DateParser::YearPart(size_t k) const {
  const auto& t = s_.tokens;
  size_t ye;
  if (int y = Year(k, &ye)) {
    if (int q = QuarterAt(ye)) return QuarterMatch(ye + 2, y, q);
    // "2017-q1", "2019 h2", "2019-h2".
    size_t h = s_.Is(ye, "-") && s_.Glued(ye) && s_.Glued(ye + 1) ? ye + 1 : ye;
    if (int q = QuarterAt(h); q != 0 && h != ye) {
      return QuarterMatch(h + 2, y, q);
    }
    if (s_.Is(h, "h") && IsDigits(h + 1, 1, 1) && s_.Glued(h + 1) &&
        (Int(h + 1) == 1 || Int(h + 1) == 2)) {
      Date from{y, Int(h + 1) == 1 ? 1 : 7, 1};
      return PeriodMatch(h + 2, from, AddMonths(from, 6), "P6M", "half");
    }
  }
  if (int q = QuarterAt(k)) {
    if (int y = Year(k + 2, &ye)) return QuarterMatch(ye, y, q);
    // "q1-2019".
    if (s_.Is(k + 2, "-") && s_.Glued(k + 2) && s_.Glued(k + 3)) {
      if (int y = Year(k + 3, &ye)) return QuarterMatch(ye, y, q);
    }
    // A bare "Q1": of an unknown year.
    bool before_ok = k == 0 || !s_.Glued(k);
    bool after_ok = k + 2 >= t.size() || !s_.Glued(k + 2);
    if (before_ok && after_ok) return OpenYearQuarter(k + 2, q);
  }
  return std::nullopt;
}

std::optional<DateMatch> DateParser::CuedYear(size_t k) const {
  const auto& t = s_.tokens;
  size_t ye;
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

}  // namespace claimgraph::recognize_internal::dates
