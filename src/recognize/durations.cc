// Durations: "152-day", "three years", "2 hours and 30 minutes", with
// their TIMEX3 value ("P152D", "P3Y", "PT2H30M").

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "recognize/internal.h"
#include "recognize/lexicon.h"

namespace claimgraph::recognize_internal {
namespace {

using TK = TokenKind;

std::string FormatNumber(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

struct DurationPart {
  double amount;
  TimeUnit unit;
};

std::string Timex(const std::vector<DurationPart>& parts) {
  // Order: Y M W D, then T H M S.
  static constexpr char kDateOrder[] = {'Y', 'M', 'W', 'D'};
  static constexpr char kTimeOrder[] = {'H', 'M', 'S'};
  std::string out = "P";
  for (char c : kDateOrder) {
    for (const auto& p : parts) {
      if (!p.unit.time && p.unit.letter == c) {
        out += FormatNumber(p.amount * p.unit.multiplier) + c;
      }
    }
  }
  bool t = false;
  for (char c : kTimeOrder) {
    for (const auto& p : parts) {
      if (p.unit.time && p.unit.letter == c) {
        if (!t) out += "T";
        t = true;
        out += FormatNumber(p.amount * p.unit.multiplier) + c;
      }
    }
  }
  return out;
}

// One "<amount> <unit>" at i: "3 hours", "3h", "152-day", "an hour",
// "two and a half hours", "a couple of days", "half an hour".
std::optional<size_t> DurationPartAt(const Scan& s, size_t i,
                                     DurationPart* part) {
  const auto& t = s.tokens;
  size_t k = i;
  double amount = 0;
  if (s.Is(k, "a") || s.Is(k, "an") || s.Is(k, "another") || s.Is(k, "all") ||
      s.Is(k, "full") || s.Is(k, "whole")) {
    amount = 1;
    ++k;
    if (IsHyphen(s, k) && s.Glued(k)) ++k;
    if (s.Is(k, "couple") && s.Is(k + 1, "of")) {
      amount = 2;
      k += 2;
    }
  } else if (s.Is(k, "couple") && s.Is(k + 1, "of")) {
    amount = 2;
    k += 2;
  } else if (s.Is(k, "half")) {
    amount = 0.5;
    ++k;
    if (s.Is(k, "a") || s.Is(k, "an")) ++k;
  } else {
    NumberFlags flags;
    flags.allow_ordinal = false;
    flags.allow_glued_letters = true;
    auto p = ParseNumber(s, k, flags);
    if (!p || p->value < 0) return std::nullopt;
    // "two and a half hours" is parsed as 2.5 already; "five" "-" "year".
    amount = p->value;
    k = p->end;
    if (IsHyphen(s, k) && IsWord(s, k + 1)) ++k;
  }
  if (!IsWord(s, k)) return std::nullopt;
  TimeUnit unit = LookupTimeUnit(t[k].lower);
  if (unit.letter == 0) return std::nullopt;
  // "a second attempt" is an ordinal, not a duration.
  if (amount == 1 && k > i && t[i].kind == TK::kWord && unit.name == "second") {
    return std::nullopt;
  }
  ++k;
  // "an hour and a half".
  if (s.Is(k, "and") && (s.Is(k + 1, "a") && s.Is(k + 2, "half"))) {
    amount += 0.5;
    k += 3;
  } else if (s.Is(k, "and") && s.Is(k + 1, "half")) {
    amount += 0.5;
    k += 2;
  }
  part->amount = amount;
  part->unit = unit;
  return k;
}

}  // namespace

void FindDurations(const Scan& s, std::vector<Mention>* out) {
  const auto& t = s.tokens;
  for (size_t i = 0; i < t.size(); ++i) {
    // "monthlong", "yearlong".
    const std::string& w = t[i].lower;
    if (w.size() > 4 && w.ends_with("long")) {
      TimeUnit u = LookupTimeUnit(w.substr(0, w.size() - 4));
      if (u.letter != 0) {
        Mention m = SpanMention(s, MentionType::kDuration, i, i);
        m.value = 1;
        m.unit = u.name;
        m.timex = Timex({{1, u}});
        out->push_back(std::move(m));
        continue;
      }
    }
    if (t[i].kind == TK::kPunct) continue;
    std::vector<DurationPart> parts;
    DurationPart part;
    auto e = DurationPartAt(s, i, &part);
    if (!e) continue;
    parts.push_back(part);
    // "1 year 1 month 21 days", "one week three days".
    while (true) {
      size_t j = *e;
      if (s.Is(j, "and") || s.Is(j, ",")) ++j;
      DurationPart next;
      auto e2 = DurationPartAt(s, j, &next);
      if (!e2) break;
      bool repeated = false;
      for (const auto& p : parts) {
        repeated |=
            p.unit.letter == next.unit.letter && p.unit.time == next.unit.time;
      }
      if (repeated || s.Is(j, "a") || s.Is(j, "an")) break;
      parts.push_back(next);
      e = e2;
    }
    Mention m = SpanMention(s, MentionType::kDuration, i, *e - 1);
    m.timex = Timex(parts);
    if (parts.size() == 1) {
      m.value = parts[0].amount * parts[0].unit.multiplier;
      m.unit = parts[0].unit.name;
    }
    out->push_back(std::move(m));
    i = *e - 1;
  }
}

}  // namespace claimgraph::recognize_internal
