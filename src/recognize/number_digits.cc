// Numbers written with digits: separators ("1,234.5", "1.111,11", "1 234
// 567"), decimals (".5"), fractions ("3/4", "2 1/4", "½"), exponents
// ("1.3e6", "x10^6"), ordinal suffixes ("21st") and scale suffixes ("10k",
// "3M", "2 bln").

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "recognize/internal.h"
#include "recognize/lexicon.h"

namespace claimgraph::recognize_internal::numbers {
namespace {

using TK = TokenKind;

bool IsAlnum(const Token& t) { return t.kind != TK::kPunct; }

// Decimal value of digit groups joined: {"1","234"} + "5" -> 1234.5.
double Join(const std::vector<const Token*>& ints, const Token* frac) {
  std::string s;
  for (const Token* t : ints) s += t->lower;
  if (frac != nullptr) s += "." + frac->lower;
  return ToDouble(s);
}

// Digits with separators, starting at i (a digits token). Sets `end` and
// returns the value, or nullopt if i is not digits.
std::optional<double> ParseDigitGroups(const Scan& s, size_t i, size_t* end) {
  std::vector<size_t> groups = {i};
  std::vector<char> seps;
  size_t k = i + 1;
  // Inside a dotted chain ("192.168.1.2") each part stands alone.
  if (i >= 2 && (s.Is(i - 1, ".") || s.Is(i - 1, ",")) && s.Glued(i) &&
      s.Glued(i - 1) && IsDigits(s, i - 2)) {
    *end = i + 1;
    return DigitsValue(s.tokens[i].lower);
  }
  while ((s.Is(k, ",") || s.Is(k, ".")) && s.Glued(k) && IsDigits(s, k + 1) &&
         s.Glued(k + 1)) {
    seps.push_back(s.tokens[k].lower[0]);
    groups.push_back(k + 1);
    k += 2;
  }
  auto len = [&](size_t g) { return s.tokens[groups[g]].lower.size(); };
  auto tok = [&](size_t g) { return &s.tokens[groups[g]]; };
  const size_t n = seps.size();
  *end = i + 1;
  if (n == 0) return DigitsValue(s.tokens[i].lower);
  // Are groups [1, upto) thousands groups after separator `sep`?
  auto thousands = [&](size_t upto, char sep) {
    if (len(0) > 3) return false;
    bool indian = len(0) <= 2;
    for (size_t g = 1; g < upto; ++g) {
      if (seps[g - 1] != sep) return false;
      bool last = g + 1 == upto;
      if (len(g) == 3) continue;
      if (len(g) == 2 && indian && !last) continue;
      return false;
    }
    return true;
  };
  std::vector<const Token*> ints;
  for (char sep : {',', '.'}) {
    char other = sep == ',' ? '.' : ',';
    if (thousands(n + 1, sep) && (n > 1 || sep == ',')) {
      for (size_t g = 0; g <= n; ++g) ints.push_back(tok(g));
      *end = groups[n] + 1;
      return Join(ints, nullptr);
    }
    // Thousands then a decimal part: "1,234.5" or "1.111,11".
    if (n >= 2 && seps[n - 1] == other && thousands(n, sep)) {
      for (size_t g = 0; g < n; ++g) ints.push_back(tok(g));
      *end = groups[n] + 1;
      return Join(ints, tok(n));
    }
  }
  if (n == 1 && (seps[0] == '.' || len(1) <= 2)) {
    *end = groups[1] + 1;
    return Join({tok(0)}, tok(1));
  }
  return DigitsValue(s.tokens[i].lower);
}

// "½", "¾", "⅔": 0 if token i is none of them.
double VulgarFraction(const Scan& s, size_t i) {
  static constexpr std::pair<std::string_view, double> kFractions[] = {
      {"\u00bd", 1.0 / 2}, {"\u00bc", 1.0 / 4}, {"\u00be", 3.0 / 4},
      {"\u2153", 1.0 / 3}, {"\u2154", 2.0 / 3}, {"\u2155", 1.0 / 5},
      {"\u2156", 2.0 / 5}, {"\u2157", 3.0 / 5}, {"\u2158", 4.0 / 5},
      {"\u2159", 1.0 / 6}, {"\u215a", 5.0 / 6}, {"\u215b", 1.0 / 8},
      {"\u215c", 3.0 / 8}, {"\u215d", 5.0 / 8}, {"\u215e", 7.0 / 8}};
  if (i >= s.tokens.size()) return 0;
  for (const auto& [text, value] : kFractions) {
    if (s.tokens[i].lower == text) return value;
  }
  return 0;
}

// A minus sign at *k that makes the number negative: "-5"; a spaced "- 5"
// only opening the text (else "10 - 5" is a range). Moves *k past it.
bool LeadingMinus(const Scan& s, size_t* k) {
  const size_t i = *k;
  if (IsDash(s, i) && IsDigits(s, i + 1) &&
      (i == 0 || !s.Glued(i) || !IsAlnum(s.tokens[i - 1]))) {
    if (s.Glued(i + 1) || i == 0) {
      ++*k;
      return true;
    }
  }
  return false;
}

// The digits at *k, ".5" or digit groups ("1,234.5"), moving *k past them;
// nullopt when there are none, or when they are glued to a word before and
// `flags` do not allow that ("USD115").
std::optional<double> Mantissa(const Scan& s, const NumberFlags& flags,
                               size_t* kp) {
  const auto& t = s.tokens;
  const size_t k = *kp;
  if (s.Is(k, ".") && IsDigits(s, k + 1) && s.Glued(k + 1) &&
      (k == 0 || !s.Glued(k) || !IsAlnum(t[k - 1]))) {
    *kp = k + 2;
    return ToDouble("0." + t[k + 1].lower);
  }
  if (!IsDigits(s, k)) return std::nullopt;
  if (k > 0 && s.Glued(k) && t[k - 1].kind == TK::kWord &&
      !flags.allow_glued_before) {
    return std::nullopt;
  }
  auto g = ParseDigitGroups(s, k, kp);
  return *g;
}

// A fraction completing the integer `v` that ends before token *k: "3/4"
// (but not "5/17/2018" or "2222/2222") or the mixed "2 1/4". Moves *k past
// it and sets p->fraction when there is one.
double DigitFraction(const Scan& s, size_t* kp, double v, NumParse* p) {
  const auto& t = s.tokens;
  const size_t k = *kp;
  if (s.Is(k, "/") && s.Glued(k) && IsDigits(s, k + 1) && s.Glued(k + 1) &&
      !(s.Is(k + 2, "/") && s.Glued(k + 2)) &&
      !(p->begin > 0 && s.Is(p->begin - 1, "/") && s.Glued(p->begin))) {
    double den = DigitsValue(t[k + 1].lower);
    if (den > 0 && v < den) {
      v /= den;
      *kp = k + 2;
      p->fraction = true;
    }
  } else if (IsDigits(s, k) && !s.Glued(k) && s.Is(k + 1, "/") &&
             s.Glued(k + 1) && IsDigits(s, k + 2) && s.Glued(k + 2)) {
    // Mixed fraction "2 1/4".
    double num = DigitsValue(t[k].lower), den = DigitsValue(t[k + 2].lower);
    if (den > 0 && num < den && !(s.Is(k + 3, "/") && s.Glued(k + 3))) {
      v += num / den;
      *kp = k + 3;
      p->fraction = true;
    }
  }
  return v;
}

// Thousands separated by single spaces after the integer `v` that ends
// before token *k ("1 234 567", "40 000"), with an optional decimal part.
// Moves *k past them.
double SpacedThousands(const Scan& s, size_t* kp, double v) {
  const auto& t = s.tokens;
  size_t k = *kp;
  while (IsDigits(s, k) && t[k].lower.size() == 3 &&
         t[k].begin == t[k - 1].end + 1 &&
         !((s.Is(k + 1, ",") || s.Is(k + 1, ".") || s.Is(k + 1, "/")) &&
           s.Glued(k + 1) && IsDigits(s, k + 2) &&
           t[k + 2].lower.size() != 2)) {
    v = v * 1000 + DigitsValue(t[k].lower);
    ++k;
    if (s.Is(k, ".") && s.Glued(k) && IsDigits(s, k + 1) && s.Glued(k + 1)) {
      v += ToDouble("0." + t[k + 1].lower);
      k += 2;
      break;
    }
  }
  *kp = k;
  return v;
}

// Completes `p` with the value `v` of the digits that end before token k
// and what follows them: an ordinal suffix ("21st") or a scale ("10k",
// "3M", "2 bln"). nullopt for an ordinal or other glued letters that
// `flags` do not allow.
std::optional<NumParse> WithSuffix(const Scan& s, const NumberFlags& flags,
                                   NumParse p, size_t k, double v) {
  const auto& t = s.tokens;
  // Ordinal suffix "21st".
  if (IsWord(s, k) && s.Glued(k)) {
    const std::string& w = t[k].lower;
    double scale = LookupSuffixScale(w);
    if (w == "st" || w == "nd" || w == "rd" || w == "th") {
      if (!flags.allow_ordinal) return std::nullopt;
      p.ordinal = true;
      p.value = v;
      p.end = k + 1;
      return p;
    }
    // Glued lower-case "m" is metres ("180m"), upper-case "M" millions.
    if (scale > 0 && !(w == "m" && !t[k].all_upper) && w != "t" &&
        !(IsWord(s, k + 1) && s.Glued(k + 1))) {
      v *= scale;
      ++k;
    } else if (!flags.allow_glued_letters) {
      return std::nullopt;
    }
  } else if (IsWord(s, k) &&
             (t[k].lower == "k" || t[k].lower == "bln" || t[k].lower == "tln" ||
              t[k].lower == "mln" || t[k].lower == "bn" ||
              (t[k].all_upper && t[k].lower.size() == 1 &&
               (t[k].lower == "g" || t[k].lower == "m"))) &&
             !(IsWord(s, k + 1) && s.Glued(k + 1))) {
    v *= LookupSuffixScale(t[k].lower);
    ++k;
  }
  p.value = v;
  p.end = k;
  return p;
}

}  // namespace

std::optional<NumParse> NumberParser::ParseDigits(size_t i) {
  NumParse p;
  p.begin = i;
  size_t k = i;
  const bool neg = LeadingMinus(s_, &k);
  if (double vf = VulgarFraction(s_, k); vf > 0) {
    p.value = neg ? -vf : vf;
    p.fraction = true;
    p.end = k + 1;
    return p;
  }
  std::optional<double> mantissa = Mantissa(s_, f_, &k);
  if (!mantissa) return std::nullopt;
  double v = *mantissa;
  const bool integer = k == p.begin + 1 + (neg ? 1 : 0);
  if (integer) v = DigitFraction(s_, &k, v, &p);
  if (integer && s_.tokens[k - 1].lower.size() <= 3) {
    v = SpacedThousands(s_, &k, v);
  }
  v *= Power(&k);
  if (neg) v = -v;
  return WithSuffix(s_, f_, p, k, v);
}

// Exponents after a mantissa: "e10", "e-1", "^23", "^--23", "x10^6".
double NumberParser::Power(size_t* kp) {
  size_t k = *kp;
  const auto& t = s_.tokens;
  auto exponent = [&](size_t j, double base) -> double {
    double sign = 1;
    while ((s_.Is(j, "-") || s_.Is(j, "+")) && s_.Glued(j)) {
      if (s_.Is(j, "-")) sign = -sign;
      ++j;
    }
    if (!IsDigits(s_, j) || !s_.Glued(j)) return 0;
    *kp = j + 1;
    return std::pow(base, sign * DigitsValue(t[j].lower));
  };
  if (s_.Is(k, "e") && s_.Glued(k)) {
    double r = exponent(k + 1, 10);
    return r == 0 ? 1 : r;
  }
  if (s_.Is(k, "^") && s_.Glued(k)) {
    // The mantissa itself is the base ("1.1^23"): the power is computed
    // by the caller, NumberParser::DigitsThenWords.
    return 1;
  }
  if (s_.Is(k, "x") && s_.Glued(k) && s_.Is(k + 1, "10") && s_.Glued(k + 1) &&
      s_.Is(k + 2, "^") && s_.Glued(k + 2)) {
    double r = exponent(k + 3, 10);
    return r == 0 ? 1 : r;
  }
  return 1;
}

}  // namespace claimgraph::recognize_internal::numbers
