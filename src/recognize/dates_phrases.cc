// Date phrases: weekends, seasons, holidays, "the day"/"the year", "the
// week of May 4", "the last week of July", compact and named-part periods,
// quarters, fortnights, offsets from a date.

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "recognize/dates_internal.h"
#include "recognize/internal.h"
#include "recognize/lexicon.h"

namespace claimgraph::recognize_internal::dates {
namespace {
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

}  // namespace

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

namespace {

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

}  // namespace

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
  if (unknown) MarkYearUnknown(x, y, dur, &r);
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
  if (unknown) MarkYearUnknown(x, y, dur, &r);
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

}  // namespace claimgraph::recognize_internal::dates
