// Numbers and ordinals: digits ("1,234.5", "10k", "1.3e6", "3/4"), words
// ("one hundred and six", "two thirds", "a dozen") and mixtures ("2.5
// million", "4 thousand 3 hundred and 21").

#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

#include "recognize/internal.h"
#include "recognize/lexicon.h"

namespace claimgraph::recognize_internal {
namespace {

using TK = TokenKind;

bool IsWord(const Scan& s, size_t i) {
  return i < s.tokens.size() && s.tokens[i].kind == TK::kWord;
}
bool IsDigits(const Scan& s, size_t i) {
  return i < s.tokens.size() && s.tokens[i].kind == TK::kDigits;
}
bool IsDash(const Scan& s, size_t i) {
  return s.Is(i, "-") || s.Is(i, "\u2212") || s.Is(i, "\u2013");
}
bool IsAlnum(const Token& t) { return t.kind != TK::kPunct; }

// strtod never throws; a run of 400 digits is simply inf.
double ToDouble(const std::string& d) {
  return std::strtod(d.c_str(), nullptr);
}
double DigitsValue(const std::string& d) { return ToDouble(d); }

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

// A plain digits token usable inside a word number ("4 thousand 3 hundred").
bool SmallInteger(const Scan& s, size_t i, double* v) {
  if (!IsDigits(s, i) || s.tokens[i].lower.size() > 3) return false;
  if ((s.Is(i + 1, ",") || s.Is(i + 1, ".") || s.Is(i + 1, "/")) &&
      s.Glued(i + 1) && IsDigits(s, i + 2)) {
    return false;
  }
  if (IsWord(s, i + 1) && s.Glued(i + 1)) return false;
  *v = DigitsValue(s.tokens[i].lower);
  return true;
}

// State of a number being composed from words.
class Composer {
 public:
  enum Last { kStart, kUnit, kTeen, kTens, kTensUnit, kHundred, kScale, kNum };

  double value() const { return total_ + group_; }
  Last last() const { return last_; }
  bool empty() const { return last_ == kStart; }
  double last_scale() const { return last_scale_; }

  // Whether a cardinal of `kind` and value `v` can come next.
  bool Accepts(NumWord kind, double v) const {
    switch (kind) {
      case NumWord::kUnit:
        return last_ == kStart || last_ == kTens || last_ == kHundred ||
               last_ == kScale;
      case NumWord::kTeen:
      case NumWord::kTens:
        return last_ == kStart || last_ == kHundred || last_ == kScale;
      case NumWord::kHundred:
        if (last_ == kNum) return group_ > 0 && group_ < 1000;
        return last_ == kStart || ((last_ == kUnit || last_ == kTeen ||
                                    last_ == kTens || last_ == kTensUnit) &&
                                   group_ < 100 && group_ > 0);
      case NumWord::kScale:
        if (last_ == kScale) return group_ == 0 && v > last_scale_;
        return last_ == kStart ? false : (group_ > 0 && v < last_scale_);
      default:
        return false;
    }
  }
  void Add(NumWord kind, double v) {
    last_added_ = v;
    switch (kind) {
      case NumWord::kUnit:
        group_ += v;
        last_ = last_ == kTens ? kTensUnit : kUnit;
        break;
      case NumWord::kTeen:
        group_ += v;
        last_ = kTeen;
        break;
      case NumWord::kTens:
        group_ += v;
        last_ = kTens;
        break;
      case NumWord::kHundred:
        group_ = last_ == kStart ? 100 : group_ * 100;
        last_ = kHundred;
        break;
      case NumWord::kScale:
        if (last_ == kStart) {
          total_ = v;  // "trillionth".
        } else if (last_ == kScale) {
          total_ *= v;
        } else {
          total_ += group_ * v;
          group_ = 0;
        }
        last_scale_ = v;
        last_ = kScale;
        break;
      default:
        break;
    }
  }
  // A number given in digits, as the first part or after a scale.
  void AddNumber(double v) {
    group_ += v;
    last_added_ = v;
    last_ = kNum;
  }
  // "three dozens", "two hundred and two dozens".
  bool Dozen() {
    if (last_ == kStart || last_ == kScale || last_ == kHundred) return false;
    group_ += last_added_ * 11;
    last_added_ *= 12;
    return true;
  }
  bool AcceptsNumber() const {
    return last_ == kStart || last_ == kHundred || last_ == kScale;
  }
  void Multiply(double f) {
    total_ *= f;
    group_ *= f;
  }
  void AddFraction(double f) { group_ += f; }

 private:
  double total_ = 0;
  double group_ = 0;
  double last_scale_ = std::numeric_limits<double>::infinity();
  double last_added_ = 0;
  Last last_ = kStart;
};

class NumberParser {
 public:
  NumberParser(const Scan& s, const NumberFlags& flags) : s_(s), f_(flags) {}
  std::optional<NumParse> Parse(size_t i);
  // A number without a trailing ratio ("over 3").
  std::optional<NumParse> ParseSimple(size_t i);

 private:
  bool TryRatio(size_t* k, double* value);
  size_t AndFraction(Composer& c, size_t k, NumParse* p);
  std::optional<NumParse> ParseDigits(size_t i);
  // Continues `c` with number words from token k; returns the end.
  size_t Compose(Composer& c, size_t k, NumParse* p);
  // "two thirds", "a half": fraction words after a numerator.
  bool TryFraction(Composer& c, size_t* k, NumParse* p, bool single_one);
  double Power(size_t* k);
  const Scan& s_;
  NumberFlags f_;
  bool scale_fractions_ = true;  // "two thirds of a million".
  int and_depth_ = 0;            // Nesting of "and <fraction>".
};

std::optional<NumParse> NumberParser::ParseDigits(size_t i) {
  const auto& t = s_.tokens;
  NumParse p;
  p.begin = i;
  size_t k = i;
  bool neg = false;
  if (IsDash(s_, k) && IsDigits(s_, k + 1) &&
      (k == 0 || !s_.Glued(k) || !IsAlnum(t[k - 1]))) {
    // "-5"; a spaced "- 5" only opening the text (else "10 - 5" is a range).
    if (s_.Glued(k + 1) || k == 0) {
      neg = true;
      ++k;
    }
  }
  double v;
  if (double vf = VulgarFraction(s_, k); vf > 0) {
    p.value = neg ? -vf : vf;
    p.fraction = true;
    p.end = k + 1;
    return p;
  }
  if (s_.Is(k, ".") && IsDigits(s_, k + 1) && s_.Glued(k + 1) &&
      (k == 0 || !s_.Glued(k) || !IsAlnum(t[k - 1]))) {
    v = ToDouble("0." + t[k + 1].lower);
    k += 2;
  } else if (IsDigits(s_, k)) {
    if (k > 0 && s_.Glued(k) && t[k - 1].kind == TK::kWord &&
        !f_.allow_glued_before) {
      return std::nullopt;
    }
    auto g = ParseDigitGroups(s_, k, &k);
    v = *g;
  } else {
    return std::nullopt;
  }
  const bool integer = k == p.begin + 1 + (neg ? 1 : 0);
  // "3/4", but not "5/17/2018" or "2222/2222".
  if (integer && s_.Is(k, "/") && s_.Glued(k) && IsDigits(s_, k + 1) &&
      s_.Glued(k + 1) && !(s_.Is(k + 2, "/") && s_.Glued(k + 2)) &&
      !(p.begin > 0 && s_.Is(p.begin - 1, "/") && s_.Glued(p.begin))) {
    double den = DigitsValue(t[k + 1].lower);
    if (den > 0 && v < den) {
      v /= den;
      k += 2;
      p.fraction = true;
    }
  } else if (integer && IsDigits(s_, k) && !s_.Glued(k) && s_.Is(k + 1, "/") &&
             s_.Glued(k + 1) && IsDigits(s_, k + 2) && s_.Glued(k + 2)) {
    // Mixed fraction "2 1/4".
    double num = DigitsValue(t[k].lower), den = DigitsValue(t[k + 2].lower);
    if (den > 0 && num < den && !(s_.Is(k + 3, "/") && s_.Glued(k + 3))) {
      v += num / den;
      k += 3;
      p.fraction = true;
    }
  }
  // Thousands separated by single spaces: "1 234 567", "40 000".
  if (integer && t[k - 1].lower.size() <= 3) {
    while (IsDigits(s_, k) && t[k].lower.size() == 3 &&
           t[k].begin == t[k - 1].end + 1 &&
           !((s_.Is(k + 1, ",") || s_.Is(k + 1, ".") || s_.Is(k + 1, "/")) &&
             s_.Glued(k + 1) && IsDigits(s_, k + 2) &&
             t[k + 2].lower.size() != 2)) {
      v = v * 1000 + DigitsValue(t[k].lower);
      ++k;
      if (s_.Is(k, ".") && s_.Glued(k) && IsDigits(s_, k + 1) &&
          s_.Glued(k + 1)) {
        v += ToDouble("0." + t[k + 1].lower);
        k += 2;
        break;
      }
    }
  }
  v *= Power(&k);
  if (neg) v = -v;
  // Ordinal suffix "21st".
  if (IsWord(s_, k) && s_.Glued(k)) {
    const std::string& w = t[k].lower;
    double scale = LookupSuffixScale(w);
    if (w == "st" || w == "nd" || w == "rd" || w == "th") {
      if (!f_.allow_ordinal) return std::nullopt;
      p.ordinal = true;
      p.value = v;
      p.end = k + 1;
      return p;
    }
    // Glued lower-case "m" is metres ("180m"), upper-case "M" millions.
    if (scale > 0 && !(w == "m" && !t[k].all_upper) && w != "t" &&
        !(IsWord(s_, k + 1) && s_.Glued(k + 1))) {
      v *= scale;
      ++k;
    } else if (!f_.allow_glued_letters) {
      return std::nullopt;
    }
  } else if (IsWord(s_, k) &&
             (t[k].lower == "k" || t[k].lower == "bln" || t[k].lower == "tln" ||
              t[k].lower == "mln" || t[k].lower == "bn" ||
              (t[k].all_upper && t[k].lower.size() == 1 &&
               (t[k].lower == "g" || t[k].lower == "m"))) &&
             !(IsWord(s_, k + 1) && s_.Glued(k + 1))) {
    v *= LookupSuffixScale(t[k].lower);
    ++k;
  }
  p.value = v;
  p.end = k;
  return p;
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
    // The mantissa itself is the base: the caller multiplies, so return
    // base^(e-1) by computing from the previous value is not possible here;
    // handled by the caller through PowerOf.
    return 1;
  }
  if (s_.Is(k, "x") && s_.Glued(k) && s_.Is(k + 1, "10") && s_.Glued(k + 1) &&
      s_.Is(k + 2, "^") && s_.Glued(k + 2)) {
    double r = exponent(k + 3, 10);
    return r == 0 ? 1 : r;
  }
  return 1;
}

bool NumberParser::TryFraction(Composer& c, size_t* kp, NumParse* p,
                               bool single_one) {
  size_t k = *kp;
  if (IsDash(s_, k) && IsWord(s_, k + 1)) ++k;
  if (!IsWord(s_, k)) return false;
  double den;
  bool plural;
  // Compound denominators: "one twenty-fifth", "three twenty firsts".
  double tens = 0;
  if (LookupCardinal(s_.tokens[k].lower, &tens) == NumWord::kTens) {
    size_t j = k + 1;
    if (IsDash(s_, j)) ++j;
    double u;
    if (IsWord(s_, j) &&
        LookupOrdinal(s_.tokens[j].lower, &u, &plural) == NumWord::kUnit &&
        !s_.tokens[j].lower.starts_with("half") &&
        !s_.tokens[j].lower.starts_with("quarter")) {
      k = j;
    } else {
      return false;
    }
  }
  NumWord kind = LookupOrdinal(s_.tokens[k].lower, &den, &plural);
  if (kind == NumWord::kNone) return false;
  den += tens;
  const std::string& w = s_.tokens[k].lower;
  bool half_like = w.starts_with("half") || w.starts_with("quarter");
  // "second(s)" is a time unit far more often than a fraction, "a first
  // class seat" an ordinal.
  if (tens == 0 && (w == "second" || w == "seconds" || w == "first")) {
    return false;
  }
  if (!plural && !single_one && !half_like) return false;
  double num = c.value();
  if (num <= 0) return false;
  c = Composer();
  c.AddNumber(num / den);
  p->fraction = true;
  *kp = k + 1;
  return true;
}

size_t NumberParser::Compose(Composer& c, size_t k, NumParse* p) {
  const auto& t = s_.tokens;
  while (k < t.size()) {
    size_t j = k;
    bool via_and = false;
    if (s_.Is(j, "and") &&
        (c.last() == Composer::kHundred || c.last() == Composer::kScale)) {
      via_and = true;
      ++j;
    } else if (IsDash(s_, j) && c.last() == Composer::kTens) {
      ++j;
    }
    if (j >= t.size()) break;
    if (!via_and && j == k &&
        (t[j].lower == "dozen" || t[j].lower == "dozens" ||
         t[j].lower == "dzs" || t[j].lower == "doz" || t[j].lower == "dozs") &&
        c.Dozen()) {
      k = j + 1;
      continue;
    }
    double v;
    NumWord kind = t[j].kind == TK::kWord ? LookupCardinal(t[j].lower, &v)
                                          : NumWord::kNone;
    if (kind != NumWord::kNone && kind != NumWord::kZero &&
        c.Accepts(kind, v)) {
      // "3 hundred and 2 hundred": do not swallow the start of another
      // number after "and".
      if (via_and && c.last() == Composer::kHundred &&
          (kind == NumWord::kUnit || kind == NumWord::kTeen ||
           kind == NumWord::kTens)) {
        double v2;
        NumWord next = IsWord(s_, j + 1) ? LookupCardinal(t[j + 1].lower, &v2)
                                         : NumWord::kNone;
        if (next == NumWord::kHundred) break;
      }
      // "one hundred and three quarters": the fraction is added whole.
      if (via_and) {
        size_t f = j + 1;
        double dv;
        while (IsDash(s_, f) ||
               (IsWord(s_, f) &&
                (LookupCardinal(t[f].lower, &dv) == NumWord::kUnit ||
                 LookupCardinal(t[f].lower, &dv) == NumWord::kTeen))) {
          ++f;
        }
        bool plural = false;
        if (IsWord(s_, f) &&
            LookupOrdinal(t[f].lower, &dv, &plural) != NumWord::kNone &&
            (plural || t[f].lower.starts_with("half") ||
             t[f].lower.starts_with("quarter"))) {
          break;
        }
      }
      c.Add(kind, v);
      k = j + 1;
      continue;
    }
    if (kind == NumWord::kNone && c.AcceptsNumber() && !c.empty() &&
        SmallInteger(s_, j, &v)) {
      double v2;
      if (v == 0 ||
          (via_and && c.last() == Composer::kHundred && IsWord(s_, j + 1) &&
           LookupCardinal(t[j + 1].lower, &v2) == NumWord::kHundred)) {
        break;
      }
      c.AddNumber(v);
      k = j + 1;
      continue;
    }
    // Ordinals continuing the number: "one hundred twenty-fifth".
    bool plural;
    NumWord ord = t[j].kind == TK::kWord
                      ? LookupOrdinal(t[j].lower, &v, &plural)
                      : NumWord::kNone;
    const std::string& w = t[j].lower;
    if (ord != NumWord::kNone && !plural && !via_and && f_.allow_ordinal &&
        !w.starts_with("half") && !w.starts_with("quarter") &&
        c.Accepts(ord, v) && !c.empty()) {
      c.Add(ord, v);
      p->ordinal = true;
      return j + 1;
    }
    break;
  }
  return k;
}

// "and a half", "and three fifths" after a whole number. After a scale the
// fraction is of that scale ("3 million and a half"), unless another scale
// follows ("one billion and a half million").
size_t NumberParser::AndFraction(Composer& c, size_t k, NumParse* p) {
  if (and_depth_ >= 2 || !s_.Is(k, "and") || c.last() == Composer::kStart) {
    return k;
  }
  NumberFlags flags = f_;
  flags.allow_ordinal = false;
  NumberParser inner(s_, flags);
  inner.scale_fractions_ = false;
  inner.and_depth_ = and_depth_ + 1;  // Bounded: "and a half and ...".
  auto f = inner.ParseSimple(k + 1);
  if (!f || !f->fraction || !f->spelled) return k;
  if (f->value >= 1 && c.last() == Composer::kScale) return k;
  double frac = f->value;
  size_t e = f->end;
  double scale = c.last() == Composer::kScale ? c.last_scale() : 1;
  double v;
  if (IsWord(s_, e) &&
      LookupCardinal(s_.tokens[e].lower, &v) == NumWord::kScale &&
      c.last() == Composer::kScale && v < c.last_scale()) {
    scale = v;
    ++e;
  }
  double whole = c.value();
  c = Composer();
  c.AddNumber(whole + frac * scale);
  p->fraction = true;
  p->fraction_scaled = scale != 1;
  return e;
}

// "1 over 3", "one out of three", "1 in twenty-one": a ratio.
bool NumberParser::TryRatio(size_t* kp, double* value) {
  size_t k = *kp;
  size_t j;
  std::string_view kind;
  if (s_.Is(k, "over")) {
    j = k + 1;
    kind = "over";
  } else if (s_.Is(k, "out") && s_.Is(k + 1, "of")) {
    j = k + 2;
    kind = "out of";
  } else if (s_.Is(k, "in")) {
    j = k + 1;
    kind = "in";
  } else {
    return false;
  }
  if (*value != std::floor(*value) || *value <= 0) return false;
  NumberFlags flags = f_;
  flags.allow_ordinal = false;
  NumberParser inner(s_, flags);
  auto d = inner.ParseSimple(j);
  if (!d || d->fraction || d->value <= 0 || d->value != std::floor(d->value)) {
    return false;
  }
  if (kind == "over") {
    // "$2000 over 3 years" is a period, not a ratio.
    if (d->end < s_.tokens.size() && s_.tokens[d->end].kind != TK::kPunct) {
      return false;
    }
  } else {
    if (*value >= d->value) return false;
    if (kind == "in" && d->value >= 1000) return false;
  }
  *value /= d->value;
  *kp = d->end;
  return true;
}

std::optional<NumParse> NumberParser::Parse(size_t i) {
  auto p = ParseSimple(i);
  if (!p || p->ordinal || p->fraction) return p;
  double v = p->value;
  bool neg = v < 0;
  if (neg) v = -v;
  size_t k = p->end;
  if (TryRatio(&k, &v)) {
    p->value = neg ? -v : v;
    p->end = k;
    p->fraction = true;
  }
  return p;
}

// Words that make a following "one" a pronoun: "the one you mentioned".
bool PronounOne(const Scan& s, size_t i) {
  if (i == 0 || !s.Is(i, "one")) return false;
  const std::string& w = s.tokens[i - 1].lower;
  return w == "the" || w == "this" || w == "that" || w == "which" ||
         w == "each" || w == "any" || w == "no" || w == "every" ||
         w == "another" || w == "only" || w == "last" || w == "next";
}

std::optional<NumParse> NumberParser::ParseSimple(size_t i) {
  const auto& t = s_.tokens;
  if (i >= t.size()) return std::nullopt;
  NumParse p;
  p.begin = i;
  Composer c;
  size_t k = i;
  bool negative = false;
  if ((s_.Is(k, "negative") || s_.Is(k, "minus")) && k + 1 < t.size()) {
    negative = true;
    ++k;
  }
  if (t[k].kind != TK::kWord) {
    auto d = ParseDigits(k);
    if (!d) return std::nullopt;
    d->begin = i;
    if (negative) d->value = -d->value;
    if (d->ordinal || d->fraction) return d;
    p = *d;
    c.AddNumber(std::fabs(d->value));
    if (s_.Is(p.end, "^") && s_.Glued(p.end)) {
      // "1.1^23": the mantissa is the base.
      size_t j = p.end + 1;
      double sign = 1;
      while ((s_.Is(j, "-") || s_.Is(j, "+")) && s_.Glued(j)) {
        if (s_.Is(j, "-")) sign = -sign;
        ++j;
      }
      if (IsDigits(s_, j) && s_.Glued(j)) {
        double r =
            std::pow(std::fabs(d->value), sign * DigitsValue(t[j].lower));
        p.value = d->value < 0 ? -r : r;
        p.end = j + 1;
        return p;
      }
    }
    k = p.end;
    // Digits followed by scale words: "2 million", "3 hundred and 21".
    if (IsWord(s_, k) && !s_.Glued(k)) {
      size_t e = Compose(c, k, &p);
      e = AndFraction(c, e, &p);
      if (e > k) {
        p.end = e;
        p.value = d->value < 0 ? -c.value() : c.value();
      }
    }
    if (p.ordinal && !f_.allow_ordinal) return std::nullopt;
    return p;
  }
  p.spelled = true;
  const std::string& w0 = t[k].lower;
  double v;
  bool single_one = false;
  NumWord kind = LookupCardinal(w0, &v);
  if (w0 == "a" || w0 == "an") {
    // "a hundred", "a million", "a dozen", "a half", "a fifth".
    double v1;
    NumWord next = IsWord(s_, k + 1) ? LookupCardinal(t[k + 1].lower, &v1)
                                     : NumWord::kNone;
    if (next == NumWord::kHundred || next == NumWord::kScale) {
      c.Add(NumWord::kUnit, 1);
      k = Compose(c, k + 1, &p);
    } else if (s_.Is(k + 1, "dozen")) {
      p.end = k + 2;
      p.value = negative ? -12 : 12;
      return p;
    } else {
      c.AddNumber(1);
      size_t j = k + 1;
      if (!TryFraction(c, &j, &p, true)) return std::nullopt;
      if (scale_fractions_ && IsWord(s_, j) &&
          LookupCardinal(t[j].lower, &v1) == NumWord::kScale) {
        c.Multiply(v1);  // "a quarter million".
        ++j;
      }
      p.end = j;
      p.value = negative ? -c.value() : c.value();
      return p;
    }
  } else if (w0 == "half" || w0 == "quarter") {
    double f = w0 == "half" ? 0.5 : 0.25;
    if (s_.Is(k + 1, "a") && s_.Is(k + 2, "dozen")) {
      p.end = k + 3;
      p.value = 12 * f;
      return p;
    }
    if (IsWord(s_, k + 1) &&
        LookupCardinal(t[k + 1].lower, &v) == NumWord::kScale) {
      p.end = k + 2;
      p.value = f * v;
      return p;
    }
    if (w0 == "quarter" || negative) return std::nullopt;
    p.end = k + 1;
    p.value = 0.5;
    return p;
  } else if (kind == NumWord::kZero) {
    c.AddNumber(0);
    k += 1;
  } else if (kind != NumWord::kNone && kind != NumWord::kScale) {
    double v1;
    if (!negative && PronounOne(s_, k) &&
        !(IsWord(s_, k + 1) &&
          (LookupCardinal(t[k + 1].lower, &v1) == NumWord::kHundred ||
           LookupCardinal(t[k + 1].lower, &v1) == NumWord::kScale))) {
      return std::nullopt;
    }
    single_one = w0 == "one";
    c.Add(kind, v);
    k = Compose(c, k + 1, &p);
    if (k > i + 1 + negative) single_one = false;
  } else {
    bool plural;
    NumWord ord = LookupOrdinal(w0, &v, &plural);
    if (ord == NumWord::kNone || plural || w0.starts_with("half") ||
        w0.starts_with("quarter") || !f_.allow_ordinal || negative) {
      return std::nullopt;
    }
    c.Add(ord, v);
    p.ordinal = true;
    k = Compose(c, k + 1, &p);  // "twentieth" stays as is.
    p.end = k;
    p.value = c.value();
    return p;
  }
  if (p.ordinal) {
    if (single_one || !f_.allow_ordinal) return std::nullopt;
    p.end = k;
    p.value = c.value();
    return p;
  }
  // "point zero three".
  if (s_.Is(k, "point")) {
    std::string digits;
    size_t j = k + 1;
    while (IsWord(s_, j)) {
      NumWord dk = LookupCardinal(t[j].lower, &v);
      if (dk == NumWord::kZero || dk == NumWord::kUnit) {
        digits += std::to_string(static_cast<int>(v));
        ++j;
      } else if ((dk == NumWord::kTeen || dk == NumWord::kTens) &&
                 digits.empty()) {
        Composer d;
        d.Add(dk, v);
        size_t e = j + 1;
        if (dk == NumWord::kTens) {
          size_t h = IsDash(s_, e) ? e + 1 : e;
          double u;
          if (IsWord(s_, h) &&
              LookupCardinal(t[h].lower, &u) == NumWord::kUnit) {
            d.Add(NumWord::kUnit, u);
            e = h + 1;
          }
        }
        digits = std::to_string(static_cast<int>(d.value()));
        j = e;
        break;
      } else {
        break;
      }
    }
    if (!digits.empty()) {
      c.AddFraction(ToDouble("0." + digits));
      k = j;
    }
  }
  // Fractions: "two thirds", "one eighth", "and a half", "and three fifths".
  size_t j = k;
  if (TryFraction(c, &j, &p, single_one)) {
    k = j;
  } else {
    k = AndFraction(c, k, &p);
  }
  // "two thirds of a million", "half million".
  if (p.fraction && !p.fraction_scaled && scale_fractions_) {
    size_t m = k;
    if (s_.Is(m, "of") && s_.Is(m + 1, "a")) m += 2;
    if (IsWord(s_, m) && LookupCardinal(t[m].lower, &v) == NumWord::kScale) {
      c.Multiply(v);
      k = m + 1;
    }
  }
  p.end = k;
  p.value = negative ? -c.value() : c.value();
  return p;
}

}  // namespace

std::optional<NumParse> ParseNumber(const Scan& scan, size_t i,
                                    const NumberFlags& flags) {
  if (i >= scan.tokens.size()) return std::nullopt;
  const Token& t = scan.tokens[i];
  constexpr uint16_t kStarts = kLexCardinal | kLexOrdinal | kLexNumberStart;
  if (t.kind == TokenKind::kWord && (t.lex & kStarts) == 0) return std::nullopt;
  if (t.kind == TokenKind::kPunct && t.lower != "-" && t.lower != "." &&
      t.lower != "\u2212" && t.lower.size() == 1) {
    return std::nullopt;
  }
  NumberParser parser(scan, flags);
  auto p = parser.Parse(i);
  if (p && p->end <= p->begin) return std::nullopt;
  return p;
}

Mention SpanMention(const Scan& scan, MentionType type, size_t first,
                    size_t last) {
  Mention m;
  m.type = type;
  m.start = scan.tokens[first].begin;
  m.end = scan.tokens[last].end;
  return m;
}

void FindNumbers(const Scan& scan, std::vector<Mention>* out) {
  const auto& t = scan.tokens;
  for (size_t i = 0; i < t.size();) {
    // Only start at a token boundary that is not inside a word or number.
    auto p = ParseNumber(scan, i);
    if (!p) {
      ++i;
      continue;
    }
    Mention m = SpanMention(
        scan, p->ordinal ? MentionType::kOrdinal : MentionType::kNumber,
        p->begin, p->end - 1);
    m.value = p->value;
    out->push_back(std::move(m));
    // "forty two and a third": the ordinal inside the fraction is a
    // candidate too (it only wins when numbers are not asked for).
    if (p->fraction) {
      for (size_t k = p->begin + 1; k < p->end; ++k) {
        double v;
        bool plural;
        if (scan.Is(k - 1, "a") &&
            LookupOrdinal(t[k].lower, &v, &plural) != NumWord::kNone &&
            !plural && !t[k].lower.starts_with("half") &&
            !t[k].lower.starts_with("quarter") && k + 1 == p->end) {
          Mention o = SpanMention(scan, MentionType::kOrdinal, k, k);
          o.value = v;
          out->push_back(std::move(o));
        }
      }
    }
    i = p->end;
  }
}

}  // namespace claimgraph::recognize_internal
