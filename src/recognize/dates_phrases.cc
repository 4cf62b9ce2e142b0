// Date phrases: the dispatch over all of them (Phrase), then weekends,
// seasons, holidays, Easter, school and fiscal years, "to date", "the year
// 2008" and compact forms ("20161016", "2019/aug/01"). Weeks and quarters
// are in dates_weeks.cc, periods and offsets in dates_periods.cc.

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

int Direction(std::string_view w) {
  if (w == "last" || w == "past" || w == "previous") return -1;
  if (w == "next" || w == "following" || w == "coming" || w == "upcoming") {
    return 1;
  }
  if (w == "this" || w == "current") return 0;
  return 2;
}

namespace {

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
