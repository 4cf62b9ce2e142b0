// Weeks and quarters: "the week", "same week", "the week of April 10th",
// "the last week of July", "week 3 of 2027", "1st quarter of 2013", "mon
// 13th", "last 2 quarters", "tuesday of last week", "next week Monday",
// "the past fortnight".

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "recognize/dates_internal.h"
#include "recognize/internal.h"
#include "recognize/lexicon.h"

namespace claimgraph::recognize_internal::dates {

// "the day", "the week", "the month", "the year": the current ones;
// "the day before/after"; "same week"; "end of month", "eoy".
std::optional<DateMatch> DateParser::CurrentUnit(size_t i) {
  const auto& t = s_.tokens;
  const std::string& w = t[i].lower;
  if (w == "same" && i + 1 < t.size()) return SameUnit(i);
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
    return WeekMatch(e, monday);
  }
  if (u == "month") return MonthMatch(e, ref.year, ref.month);
  if (u == "year") return YearMatch(w == "eoy" ? i + 1 : e, ref.year);
  return std::nullopt;
}

std::optional<DateMatch> DateParser::SameUnit(size_t i) const {
  const std::string& u = s_.tokens[i + 1].lower;
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

namespace {

// Week `n` (-1: the last) of the year or month `x`: "2015-W01",
// "XXXX-07-W05"; nothing when `x` is neither.
std::optional<DateMatch> NthWeekIn(const DateMatch& x, int n) {
  DateMatch r;
  r.end = x.end;
  r.type = MentionType::kDateRange;
  r.precision = "week";
  char buf[32];
  if (x.precision == "year") {
    int y = x.start.year;
    int w = n;
    if (n < 0) {
      std::string last = IsoWeek({y, 12, 28});
      w = std::atoi(last.c_str() + last.size() - 2);
    }
    std::snprintf(buf, sizeof buf, "%04d-W%02d", y, w);
  } else if (x.precision == "month" && x.start.month != 0) {
    int w = n < 0 ? 5 : n;
    if (x.start.year == 0) {
      std::snprintf(buf, sizeof buf, "XXXX-%02d-W%02d", x.start.month, w);
    } else {
      std::snprintf(buf, sizeof buf, "%04d-%02d-W%02d", x.start.year,
                    x.start.month, w);
    }
  } else {
    return std::nullopt;
  }
  r.timex = buf;
  return r;
}

}  // namespace

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
    return WeekNumberOf(k);
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
  return NthWeekIn(*x, n);
}

std::optional<DateMatch> DateParser::WeekNumberOf(size_t k) {
  int n = Int(k + 1);
  size_t of = k + 2;
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
}

// "1st quarter of 2013", "the first quarter of the year"; `k` is past "of".
std::optional<DateMatch> DateParser::QuarterOf(size_t k, int n) {
  size_t ye;
  if (int y = Year(k, &ye)) return QuarterMatch(ye, y, n);
  if (s_.Is(k, "the") && s_.Is(k + 1, "year")) return OpenYearQuarter(k + 2, n);
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

}  // namespace claimgraph::recognize_internal::dates
