// Spelled numbers composed word by word ("one hundred and six", "4
// thousand 3 hundred and 21", "three dozens"), with the fractions that
// follow them ("two thirds", "and a half").

#include <string>

#include "recognize/internal.h"
#include "recognize/lexicon.h"

namespace claimgraph::recognize_internal::numbers {

using TK = TokenKind;

bool Composer::Accepts(NumWord kind, double v) const {
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

void Composer::Add(NumWord kind, double v) {
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

bool Composer::Dozen() {
  if (last_ == kStart || last_ == kScale || last_ == kHundred) return false;
  group_ += last_added_ * 11;
  last_added_ *= 12;
  return true;
}

namespace {

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

bool IsDozenWord(const std::string& w) {
  return w == "dozen" || w == "dozens" || w == "dzs" || w == "doz" ||
         w == "dozs";
}

// After "and", whether the cardinal of `kind` at token j starts something
// else than a continuation of `c`: another number ("3 hundred and 2
// hundred") or a fraction that AndFraction adds whole ("one hundred and
// three quarters").
bool AndStartsAnother(const Scan& s, const Composer& c, size_t j,
                      NumWord kind) {
  const auto& t = s.tokens;
  if (c.last() == Composer::kHundred &&
      (kind == NumWord::kUnit || kind == NumWord::kTeen ||
       kind == NumWord::kTens)) {
    double v2;
    NumWord next =
        IsWord(s, j + 1) ? LookupCardinal(t[j + 1].lower, &v2) : NumWord::kNone;
    if (next == NumWord::kHundred) return true;
  }
  size_t f = j + 1;
  double dv;
  while (
      IsDash(s, f) ||
      (IsWord(s, f) && (LookupCardinal(t[f].lower, &dv) == NumWord::kUnit ||
                        LookupCardinal(t[f].lower, &dv) == NumWord::kTeen))) {
    ++f;
  }
  bool plural = false;
  return IsWord(s, f) &&
         LookupOrdinal(t[f].lower, &dv, &plural) != NumWord::kNone &&
         (plural || t[f].lower.starts_with("half") ||
          t[f].lower.starts_with("quarter"));
}

}  // namespace

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
    if (!via_and && j == k && IsDozenWord(t[j].lower) && c.Dozen()) {
      k = j + 1;
      continue;
    }
    double v;
    NumWord kind = t[j].kind == TK::kWord ? LookupCardinal(t[j].lower, &v)
                                          : NumWord::kNone;
    if (kind != NumWord::kNone && kind != NumWord::kZero &&
        c.Accepts(kind, v)) {
      if (via_and && AndStartsAnother(s_, c, j, kind)) break;
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

}  // namespace claimgraph::recognize_internal::numbers
