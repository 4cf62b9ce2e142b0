// Periods and offsets: a day counted from a date ("2 weeks from January
// 15"), ordinal parts ("the 15th day of next month", "the third month of
// 2021"), spans between two ends ("Jan-Feb 2017", "from 2007 to the end of
// 2008", "from ninth till seventeenth of April"), decades ("the next two
// decades") and the edges of a year ("the first 2 weeks of 2021").

#include <cstdio>
#include <optional>
#include <string>

#include "recognize/dates_internal.h"
#include "recognize/internal.h"
#include "recognize/lexicon.h"

namespace claimgraph::recognize_internal::dates {

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
  auto x = ParseEnd(j);
  if (!x || x->precision != "year") return std::nullopt;
  return MonthMatch(x->end, x->start.year, static_cast<int>(p->value));
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
  if (unknown) MarkYearUnknown(x, y, dur, &r);
  return r;
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
  if (unknown) MarkYearUnknown(x, y, dur, &r);
  return r;
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
  auto x = ParseEnd(j);
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

}  // namespace claimgraph::recognize_internal::dates
