// Percentages and money: a number plus what it counts. FindQuantities also
// runs the durations of durations.cc.

#include <cmath>
#include <cstdio>
#include <string>

#include "recognize/internal.h"
#include "recognize/lexicon.h"

namespace claimgraph::recognize_internal {
namespace {

using TK = TokenKind;

// ---------------------------------------------------------------------------
// Percentages.

void FindPercentages(const Scan& s, std::vector<Mention>* out) {
  const auto& t = s.tokens;
  NumberFlags flags;
  flags.allow_ordinal = false;
  for (size_t i = 0; i < t.size(); ++i) {
    // "percent of 10", "per cent of twenty-two".
    size_t k = i;
    if (s.Is(k, "per") && s.Is(k + 1, "cent")) ++k;
    if ((s.Is(k, "percent") || s.Is(k, "percents") || s.Is(k, "cent")) &&
        s.Is(k + 1, "of") && (i == 0 || !ParseNumber(s, i - 1, flags))) {
      if (auto p = ParseNumber(s, k + 2, flags); p && !p->fraction) {
        Mention m = SpanMention(s, MentionType::kPercentage, i, p->end - 1);
        m.value = p->value;
        m.unit = "%";
        out->push_back(std::move(m));
        i = p->end - 1;
        continue;
      }
    }
    auto p = ParseNumber(s, i, flags);
    if (!p) {
      // A bare "percent" names a percentage without a value.
      if ((s.Is(i, "percent") || s.Is(i, "percentage") || s.Is(i, "%")) &&
          !(i > 0 && t[i - 1].kind == TK::kWord && s.Glued(i))) {
        if (s.Is(i, "%") && i > 0 && s.Glued(i)) continue;
        out->push_back(SpanMention(s, MentionType::kPercentage, i, i));
        out->back().unit = "%";
      }
      continue;
    }
    size_t e = p->end;
    if (s.Is(e, "%") || s.Is(e, "percent") || s.Is(e, "percents") ||
        s.Is(e, "percentage") || s.Is(e, "pct")) {
      ++e;
    } else if (s.Is(e, "per") && s.Is(e + 1, "cent")) {
      e += 2;
    } else {
      continue;
    }
    Mention m = SpanMention(s, MentionType::kPercentage, i, e - 1);
    m.value = p->value;
    m.unit = "%";
    out->push_back(std::move(m));
    i = e - 1;
  }
}

// ---------------------------------------------------------------------------
// Money.

// Currency named by tokens [i, *end): "$", "US$", "c $", "usd",
// "australian dollars". Returns the ISO code or "".
std::string_view CurrencyAt(const Scan& s, size_t i, size_t* end, bool* minor,
                            bool prefix) {
  if (i >= s.tokens.size()) return {};
  const Token& a = s.tokens[i];
  if (a.kind == TK::kDigits) return {};
  if (a.kind == TK::kWord && (a.lex & kLexCurrency) == 0) return {};
  // "US$", "C $", "HK$", "mex$".
  if (a.kind == TK::kWord && s.Is(i + 1, "$") &&
      (s.Glued(i + 1) || a.lower != "a")) {
    std::string key = a.lower + "$";
    std::string_view iso = LookupCurrencyWord(key, minor);
    if (iso.empty() &&
        (a.lower == "usd" || a.lower == "cad" || a.lower == "aud" ||
         a.lower == "nzd" || a.lower == "mxn")) {
      iso = LookupCurrencyWord(a.lower, minor);
    }
    if (!iso.empty()) {
      *end = i + 2;
      return iso;
    }
  }
  if (i + 1 < s.tokens.size() && IsWord(s, i + 1)) {
    std::string two = a.lower + " " + s.tokens[i + 1].lower;
    std::string_view iso = LookupCurrencyWord(two, minor);
    if (!iso.empty()) {
      *end = i + 2;
      return iso;
    }
  }
  std::string_view iso = LookupCurrencyWord(a.lower, minor);
  if (!iso.empty()) {
    // Codes that are also English words count only in capitals.
    if ((a.lower == "try" || a.lower == "won" || a.lower == "rub") &&
        !a.all_upper) {
      return {};
    }
    if (prefix && a.kind == TK::kWord && a.lower.size() > 3 &&
        a.lower != "dollar" && a.lower != "dollars") {
      return {};
    }
    *end = i + 1;
    return iso;
  }
  // "MUSD", "MEUR": millions of a currency.
  if (a.kind == TK::kWord && a.all_upper && a.lower.size() == 4 &&
      a.lower[0] == 'm') {
    iso = LookupCurrencyWord(a.lower.substr(1), minor);
    if (!iso.empty() && !*minor) {
      *end = i + 1;
      return iso;
    }
  }
  return {};
}

// Whether the currency at [i, end) is an "M"-prefixed code (millions).
bool MillionsCode(const Scan& s, size_t i, size_t end) {
  return end == i + 1 && s.tokens[i].all_upper &&
         s.tokens[i].lower.size() == 4 && s.tokens[i].lower[0] == 'm';
}

// Cents after a whole amount: "3 dollars 50 cents", "and forty-five".
size_t AddCents(const Scan& s, size_t k, double* value, bool allow_bare) {
  if (std::floor(*value) != *value || *value >= 1e6) return k;
  size_t j = s.Is(k, "and") ? k + 1 : k;
  NumberFlags flags;
  flags.allow_ordinal = false;
  auto c = ParseNumber(s, j, flags);
  if (c && c->end > c->begin && IsWord(s, c->end) && s.Glued(c->end)) {
    return k;
  }
  if (!c || c->value >= 100 || c->value < 0 || c->fraction ||
      std::floor(c->value) != c->value) {
    return k;
  }
  size_t e = c->end;
  if (s.Is(e, "%") || s.Is(e, "percent")) return k;
  bool minor = false;
  size_t ce;
  if (!CurrencyAt(s, e, &ce, &minor, false).empty()) {
    if (!minor) return k;  // "10 $ 30 $": two amounts.
    e = ce;
  } else if (!allow_bare) {
    return k;  // "$5 and 7" are two numbers.
  }
  *value += c->value / 100;
  return e;
}

// Adds `v` of currency `iso` over tokens [i, e) and returns e.
size_t AddMoney(const Scan& s, size_t i, size_t e, double v,
                std::string_view iso, std::vector<Mention>* out) {
  Mention m = SpanMention(s, MentionType::kCurrency, i, e - 1);
  m.value = v;
  m.unit = iso;
  out->push_back(std::move(m));
  return e;
}

// Money with the currency first: "$30 million", "USD 200", "MAUD 60".
// Adds the mention starting at token i and returns its end, or returns 0.
size_t PrefixMoney(const Scan& s, size_t i, const NumberFlags& glued,
                   std::vector<Mention>* out) {
  const auto& t = s.tokens;
  bool minor = false;
  size_t ce;
  std::string_view iso = CurrencyAt(s, i, &ce, &minor, true);
  if (iso.empty() || minor) return 0;
  auto p = ParseNumber(s, ce, glued);
  if (!p || p->fraction ||
      (IsWord(s, p->end) && s.Glued(p->end) &&
       LookupSuffixScale(t[p->end].lower) == 0)) {
    return 0;
  }
  double v = p->value * (MillionsCode(s, i, ce) ? 1e6 : 1);
  size_t e = p->end;
  // "$ 10 dollars": the same currency repeated.
  size_t ce2;
  bool minor2;
  if (CurrencyAt(s, e, &ce2, &minor2, false) == iso && !minor2 &&
      t[e].kind == TK::kWord) {
    e = ce2;
  }
  e = AddCents(s, e, &v, false);
  return AddMoney(s, i, e, v, iso, out);
}

// Money with the currency after the amount: "30 million dollars", "10 €",
// "115USD", "12-cent"; or a currency named without an amount ("the dollar
// fell"). Adds the mention starting at token i and returns the end of an
// amount, or returns 0.
size_t SuffixMoney(const Scan& s, size_t i, const NumberFlags& glued,
                   std::vector<Mention>* out) {
  const auto& t = s.tokens;
  auto p = ParseNumber(s, i, glued);
  if (!p) {
    // A currency named without an amount: "the dollar fell".
    const std::string& w = t[i].lower;
    if (w == "dollar" || w == "dollars" || w == "euro" || w == "euros" ||
        w == "yen" || w == "yuan" || w == "rmb" || w == "renminbi") {
      Mention m = SpanMention(s, MentionType::kCurrency, i, i);
      bool minor_unused;
      m.unit = std::string(LookupCurrencyWord(w, &minor_unused));
      out->push_back(std::move(m));
    }
    return 0;
  }
  if (p->fraction && p->spelled && p->end > p->begin + 1) {
    // "a quarter million us dollars" is fine; "3/4 dollars" is not money.
  } else if (p->fraction) {
    return 0;
  }
  size_t k = p->end;
  if (IsHyphen(s, k) && s.Glued(k) && IsWord(s, k + 1) && s.Glued(k + 1)) ++k;
  double scale = 1;
  // "75 USD million".
  bool minor = false;
  size_t ce;
  std::string_view iso = CurrencyAt(s, k, &ce, &minor, false);
  if (iso.empty()) return 0;
  // "1 $10", "3 USD50": the sign belongs to the next amount.
  if (ce < t.size() && s.Glued(ce) && t[ce].kind == TK::kDigits) return 0;
  if (IsWord(s, ce)) {
    double v;
    if (LookupCardinal(t[ce].lower, &v) == NumWord::kScale) {
      scale = v;
      ++ce;
    }
  }
  if (MillionsCode(s, k, ce)) scale = 1e6;
  double v = p->value * scale;
  if (minor) v /= 100;
  size_t e = minor ? ce : AddCents(s, ce, &v, t[k].kind == TK::kWord);
  return AddMoney(s, i, e, v, iso, out);
}

void FindMoney(const Scan& s, std::vector<Mention>* out) {
  NumberFlags glued;
  glued.allow_ordinal = false;
  glued.allow_glued_letters = true;
  glued.allow_glued_before = true;
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    if (size_t e = PrefixMoney(s, i, glued, out)) {
      i = e - 1;
    } else if (size_t e = SuffixMoney(s, i, glued, out)) {
      i = e - 1;
    }
  }
}

}  // namespace

void FindQuantities(const Scan& scan, std::vector<Mention>* out) {
  FindPercentages(scan, out);
  FindMoney(scan, out);
  FindDurations(scan, out);
}

}  // namespace claimgraph::recognize_internal
