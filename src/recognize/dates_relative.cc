// Dates relative to the reference date: "today", "last week", "next
// month", "this past Tuesday", "a day ago", "two days after today", "2
// upcoming months", "the last 3 weeks". Without a reference date none of
// them is a date.

#include <cstdio>
#include <optional>
#include <string>

#include "recognize/dates_internal.h"
#include "recognize/internal.h"
#include "recognize/lexicon.h"

namespace claimgraph::recognize_internal::dates {
namespace {

// The day `days` (since 1970-01-01), ending at token `end`.
DateMatch DayAt(size_t end, int64_t days) {
  Date d = CivilFromDays(days);
  return DayMatch(end, d.year, d.month, d.day);
}

}  // namespace

std::optional<DateMatch> DateParser::Relative(size_t i) {
  if (!o_.reference_date) return std::nullopt;
  const int64_t today = Days(*o_.reference_date);
  const std::string& w = s_.tokens[i].lower;
  if (w == "today") return DayAt(i + 1, today);
  if (w == "yesterday") return DayAt(i + 1, today - 1);
  if (w == "tomorrow") return DayAt(i + 1, today + 1);
  // "last week", "next month", "this year", "the past Tuesday".
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
    return CountedOffset(i);
  }
  return LastNextThis(i + 1, dir, is_this);
}

std::optional<DateMatch> DateParser::CountedOffset(size_t k) {
  const auto& t = s_.tokens;
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
  if (auto r = UpcomingUnits(u, n)) return r;
  if (n > 0 && u < t.size()) {
    if (auto r = FromAnchorDay(u, n)) return r;
    if (auto r = UnitsAgo(u, n)) return r;
  }
  return std::nullopt;
}

std::optional<DateMatch> DateParser::UpcomingUnits(size_t u, double n) {
  const auto& t = s_.tokens;
  if (!(n >= 1 && n == static_cast<int>(n) && u + 1 < t.size() &&
        (s_.Is(u, "upcoming") || s_.Is(u, "next") || s_.Is(u, "past") ||
         s_.Is(u, "previous") || s_.Is(u, "last")))) {
    return std::nullopt;
  }
  TimeUnit unit = LookupTimeUnit(t[u + 1].lower);
  if (unit.letter == 0 || unit.time) return std::nullopt;
  const int64_t today = Days(*o_.reference_date);
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
    to = months ? AddMonths(from, months) : CivilFromDays(today + 1 + days);
  } else {
    to = CivilFromDays(today);
    from = months ? AddMonths(to, -months) : CivilFromDays(today - days);
  }
  return PeriodMatch(u + 2, from, to, dur, "day");
}

std::optional<DateMatch> DateParser::FromAnchorDay(size_t u, double n) {
  const auto& t = s_.tokens;
  TimeUnit unit = LookupTimeUnit(t[u].lower);
  if (unit.letter == 0 || unit.time ||
      !(s_.Is(u + 1, "from") || s_.Is(u + 1, "after") ||
        s_.Is(u + 1, "before"))) {
    return std::nullopt;
  }
  const int64_t today = Days(*o_.reference_date);
  const std::string& a = u + 2 < t.size() ? t[u + 2].lower : "";
  int64_t base = 0;
  if (a == "today" || a == "now") {
    base = today;
  } else if (a == "tomorrow") {
    base = today + 1;
  } else if (a == "yesterday") {
    base = today - 1;
  } else {
    return std::nullopt;
  }
  int sign = s_.Is(u + 1, "before") ? -1 : 1;
  int amount = static_cast<int>(n * unit.multiplier) * sign;
  Date b = CivilFromDays(base);
  switch (unit.letter) {
    case 'D':
      return DayAt(u + 3, base + amount);
    case 'W':
      return DayAt(u + 3, base + 7 * amount);
    case 'M': {
      Date d = AddMonths(b, amount);
      return DayMatch(u + 3, d.year, d.month, d.day);
    }
    case 'Y': {
      Date d = AddMonths(b, 12 * amount);
      return DayMatch(u + 3, d.year, d.month, d.day);
    }
  }
  return std::nullopt;
}

std::optional<DateMatch> DateParser::UnitsAgo(size_t u, double n) {
  TimeUnit unit = LookupTimeUnit(s_.tokens[u].lower);
  if (unit.letter == 0 || unit.time || !s_.Is(u + 1, "ago")) {
    return std::nullopt;
  }
  const Date ref = *o_.reference_date;
  const int64_t today = Days(ref);
  int amount = static_cast<int>(n * unit.multiplier);
  switch (unit.letter) {
    case 'D':
      return DayAt(u + 2, today - amount);
    case 'W':
      return DayAt(u + 2, today - 7 * amount);
    case 'M': {
      Date d = AddMonths(ref, -amount);
      return DayMatch(u + 2, d.year, d.month, d.day);
    }
    case 'Y': {
      Date d = AddMonths(ref, -12 * amount);
      return DayMatch(u + 2, d.year, d.month, d.day);
    }
  }
  return std::nullopt;
}

std::optional<DateMatch> DateParser::LastNextThis(size_t k, int dir,
                                                  bool is_this) {
  const Date ref = *o_.reference_date;
  const int64_t today = Days(ref);
  const auto& t = s_.tokens;
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
  if (int wd = LookupWeekday(t[k].lower); wd != 0) {
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
    return DayAt(k + 1, target);
  }
  if (auto r = UnitOffset(k, is_this ? 0 : dir)) return r;
  return UnitsAroundToday(k, dir);
}

std::optional<DateMatch> DateParser::UnitOffset(size_t k, int delta) {
  const Date ref = *o_.reference_date;
  const int64_t today = Days(ref);
  const std::string& u = s_.tokens[k].lower;
  if (u == "week") {
    return WeekMatch(k + 1, today - Weekday(today) + 1 + 7 * delta);
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
  return std::nullopt;
}

std::optional<DateMatch> DateParser::UnitsAroundToday(size_t k, int dir) {
  if (dir == 0) return std::nullopt;
  const auto& t = s_.tokens;
  auto p = ParseNumber(s_, k);
  if (!p || p->ordinal || p->value < 1 || p->value >= 1000 ||
      p->value != static_cast<int>(p->value) || p->end >= t.size()) {
    return std::nullopt;
  }
  TimeUnit unit = LookupTimeUnit(t[p->end].lower);
  if (unit.letter == 0 || unit.time) return std::nullopt;
  const Date ref = *o_.reference_date;
  const int64_t today = Days(ref);
  int n = static_cast<int>(p->value * unit.multiplier);
  char dur[32];
  std::snprintf(dur, sizeof dur, "P%d%c", n, unit.letter);
  if (dir > 0) {
    // "the next five days": the period from tomorrow.
    Date from = CivilFromDays(today + 1), to = from;
    if (unit.letter == 'D') to = CivilFromDays(today + 1 + n);
    if (unit.letter == 'W') to = CivilFromDays(today + 1 + 7 * n);
    if (unit.letter == 'M') to = AddMonths(from, n);
    if (unit.letter == 'Y') to = AddMonths(from, 12 * n);
    return PeriodMatch(p->end + 1, from, to, dur, "day");
  }
  // "the last 3 weeks", "the past two years": the period up to today.
  Date from = ref;
  if (unit.letter == 'D') from = CivilFromDays(today - n);
  if (unit.letter == 'W') from = CivilFromDays(today - 7 * n);
  if (unit.letter == 'M') from = AddMonths(ref, -n);
  if (unit.letter == 'Y') from = AddMonths(ref, -12 * n);
  return PeriodMatch(p->end + 1, from, ref, dur, "day");
}

}  // namespace claimgraph::recognize_internal::dates
