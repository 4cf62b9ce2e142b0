// Dates: the date parser's token primitives and entry point, and
// FindDates, which widens each parsed date into ranges ("from 2014 to
// 2018"), open periods ("since 2014", "2018 or later") and named parts
// ("the end of 2000"). The forms themselves are parsed in
// dates_absolute.cc, dates_relative.cc and dates_phrases.cc (with
// dates_weeks.cc and dates_periods.cc).

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

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

namespace {

// "from 2014 to 2018", "between May and October", "2014-2018", "from 10/1
// to 11/7": `r`, parsed at token i, becomes the period from its start to
// the start of the date after the joiner. Moves *first to "from" or
// "between" when one frames the range.
void JoinRange(const Scan& scan, DateParser& parser,
               const RecognizeOptions& options, size_t i, DateMatch* r,
               size_t* first) {
  const auto& t = scan.tokens;
  size_t j = r->end;
  if (!(j + 1 < t.size() && r->start.month != 0 &&
        (scan.Is(j, "to") || scan.Is(j, "till") || scan.Is(j, "through") ||
         scan.Is(j, "until") || scan.Is(j, "and") || scan.Is(j, "-") ||
         scan.Is(j, "\u2013") || scan.Is(j, "~")))) {
    return;
  }
  bool framed = i > 0 && (scan.Is(i - 1, "from") || scan.Is(i - 1, "between"));
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
      if (framed) *first = i - 1;
    }
  }
}

// Comparisons around the date `r` parsed at token i: "next 5/12", "more than
// 2 weeks before today", "2018 or later", "later than 2018". Moves *first
// back over the words before the date that belong to it.
void WidenForComparisons(const Scan& scan, const DateParser& parser, size_t i,
                         DateMatch* r, size_t* first) {
  const auto& t = scan.tokens;
  // "next 5/12", "this 6th of April": the same day.
  if (*first == i && i > 0 && r->precision == "day" &&
      r->timex.starts_with("XXXX-") && r->start.month != 0 &&
      (scan.Is(i - 1, "this") || scan.Is(i - 1, "next"))) {
    *first = i - 1;
  }
  // "more than 2 weeks before today": open towards the past.
  if (*first == i && i >= 2 && r->precision == "day" &&
      scan.Is(i - 2, "more") && scan.Is(i - 1, "than") &&
      t[i].kind == TokenKind::kDigits && r->end >= 2 &&
      (scan.Is(r->end - 2, "before") || scan.Is(r->end - 2, "after"))) {
    *first = i - 2;
    r->type = MentionType::kDateRange;
  }
  // "2018 or later", "1/1/2016 and after", "later than 2018", "no later
  // than January 1, 2010", "year greater than 2012": open periods.
  if (parser.ComparedAfter(r->end)) {
    r->end += 2;
    r->type = MentionType::kDateRange;
  }
  if (*first == i && parser.ComparedBefore(i)) {
    *first = i - 2;
    if (*first > 0 &&
        (scan.Is(*first - 1, "no") || scan.Is(*first - 1, "year"))) {
      --*first;
    }
    r->type = MentionType::kDateRange;
  }
}

// "the end of 2000", "beginning of this year", "earlier in the week": the
// same period, with the words naming the part. Returns where the date's
// own words begin (i unless a part is named) and moves *first there or
// before "by".
size_t WidenForPart(const Scan& scan, size_t i, const DateMatch& r,
                    size_t* first) {
  size_t lead = i;
  if (*first == i && i >= 2 && scan.Is(i - 1, "of") &&
      (r.precision == "year" || r.precision == "month") &&
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
    *first = lead;
    if (lead > 0 && scan.Is(lead - 1, "by")) *first = lead - 1;
  }
  // "earlier in the week", "later in the year".
  if (*first == i && i >= 2 && scan.Is(i, "the") && scan.Is(i - 1, "in") &&
      (scan.Is(i - 2, "earlier") || scan.Is(i - 2, "later"))) {
    lead = *first = i - 2;
  }
  return lead;
}

// "after 2016", "until April 27th", "starting on January 7th": a period
// bounded by the date, with the same timex; "earlier this month". `lead`
// is where the date's words begin.
void WidenForOpenBound(const Scan& scan, size_t i, size_t lead, DateMatch* r,
                       size_t* first) {
  if (*first != lead || lead == 0) return;
  static constexpr std::string_view kOpen[] = {
      "since", "after", "before", "until", "till", "starting", "beginning"};
  size_t p = lead - 1;
  if ((scan.Is(p, "on") || scan.Is(p, "from")) && p > 0 &&
      (scan.Is(p - 1, "starting") || scan.Is(p - 1, "beginning"))) {
    --p;
  }
  for (std::string_view w : kOpen) {
    if (scan.Is(p, w)) {
      *first = p;
      r->type = MentionType::kDateRange;
      break;
    }
  }
  // "earlier this month", "later this year".
  if (*first == lead && lead == i &&
      (scan.Is(p, "earlier") || scan.Is(p, "later")) && scan.Is(i, "this")) {
    *first = p;
  }
}

}  // namespace
}  // namespace dates

void FindDates(const Scan& scan, const RecognizeOptions& options,
               std::vector<Mention>* out) {
  using dates::DateParser;
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
    dates::JoinRange(scan, parser, options, i, &*r, &first);
    if (auto d = parser.WeekThenDay(*r)) *r = *d;
    dates::WidenForComparisons(scan, parser, i, &*r, &first);
    size_t lead = dates::WidenForPart(scan, i, *r, &first);
    dates::WidenForOpenBound(scan, i, lead, &*r, &first);
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
