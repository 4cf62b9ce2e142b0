// Numbers and ordinals: digits ("1,234.5", "10k", "1.3e6", "3/4"), words
// ("one hundred and six", "two thirds", "a dozen") and mixtures ("2.5
// million", "4 thousand 3 hundred and 21"). This file holds the parser's
// entry points, ratios and the first words of spelled numbers; digits are
// read in number_digits.cc, number words composed in number_words.cc.

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "recognize/internal.h"
#include "recognize/lexicon.h"

namespace claimgraph::recognize_internal {
namespace numbers {
namespace {

using TK = TokenKind;

// Words that make a following "one" a pronoun: "the one you mentioned".
bool PronounOne(const Scan& s, size_t i) {
  if (i == 0 || !s.Is(i, "one")) return false;
  const std::string& w = s.tokens[i - 1].lower;
  return w == "the" || w == "this" || w == "that" || w == "which" ||
         w == "each" || w == "any" || w == "no" || w == "every" ||
         w == "another" || w == "only" || w == "last" || w == "next";
}

// "half" or "quarter" at k: "half a dozen", "quarter million", a bare
// "half"; nothing for a bare "quarter".
std::optional<NumParse> HalfOrQuarter(const Scan& s, size_t k, bool negative,
                                      NumParse p) {
  const std::string& w0 = s.tokens[k].lower;
  double f = w0 == "half" ? 0.5 : 0.25;
  if (s.Is(k + 1, "a") && s.Is(k + 2, "dozen")) {
    p.end = k + 3;
    p.value = 12 * f;
    return p;
  }
  double v;
  if (IsWord(s, k + 1) &&
      LookupCardinal(s.tokens[k + 1].lower, &v) == NumWord::kScale) {
    p.end = k + 2;
    p.value = f * v;
    return p;
  }
  if (w0 == "quarter" || negative) return std::nullopt;
  p.end = k + 1;
  p.value = 0.5;
  return p;
}

// Whether token k is a hundred or a scale word ("a hundred", "a million").
bool HundredOrScale(const Scan& s, size_t k) {
  double v;
  NumWord kind =
      IsWord(s, k) ? LookupCardinal(s.tokens[k].lower, &v) : NumWord::kNone;
  return kind == NumWord::kHundred || kind == NumWord::kScale;
}

// "point zero three", "point twenty-five": decimals spelled after the whole
// number in `c` ending at k. Adds them to `c` and returns their end (k if
// there are none).
size_t PointDigits(const Scan& s, Composer& c, size_t k) {
  if (!s.Is(k, "point")) return k;
  const auto& t = s.tokens;
  double v;
  std::string digits;
  size_t j = k + 1;
  while (IsWord(s, j)) {
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
        size_t h = IsDash(s, e) ? e + 1 : e;
        double u;
        if (IsWord(s, h) && LookupCardinal(t[h].lower, &u) == NumWord::kUnit) {
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
  if (digits.empty()) return k;
  c.AddFraction(ToDouble("0." + digits));
  return j;
}

}  // namespace

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

std::optional<NumParse> NumberParser::DigitsThenWords(size_t i, size_t k,
                                                      bool negative) {
  const auto& t = s_.tokens;
  auto d = ParseDigits(k);
  if (!d) return std::nullopt;
  d->begin = i;
  if (negative) d->value = -d->value;
  if (d->ordinal || d->fraction) return d;
  NumParse p = *d;
  Composer c;
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
      double r = std::pow(std::fabs(d->value), sign * DigitsValue(t[j].lower));
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

std::optional<NumParse> NumberParser::ArticleNumber(size_t k, bool negative,
                                                    NumParse p) {
  if (s_.Is(k + 1, "dozen")) {
    p.end = k + 2;
    p.value = negative ? -12 : 12;
    return p;
  }
  Composer c;
  c.AddNumber(1);
  size_t j = k + 1;
  if (!TryFraction(c, &j, &p, true)) return std::nullopt;
  double v1;
  if (scale_fractions_ && IsWord(s_, j) &&
      LookupCardinal(s_.tokens[j].lower, &v1) == NumWord::kScale) {
    c.Multiply(v1);  // "a quarter million".
    ++j;
  }
  p.end = j;
  p.value = negative ? -c.value() : c.value();
  return p;
}

std::optional<NumParse> NumberParser::OrdinalWords(size_t k, bool negative,
                                                   NumParse p) {
  const std::string& w0 = s_.tokens[k].lower;
  double v;
  bool plural;
  NumWord ord = LookupOrdinal(w0, &v, &plural);
  if (ord == NumWord::kNone || plural || w0.starts_with("half") ||
      w0.starts_with("quarter") || !f_.allow_ordinal || negative) {
    return std::nullopt;
  }
  Composer c;
  c.Add(ord, v);
  p.ordinal = true;
  k = Compose(c, k + 1, &p);  // "twentieth" stays as is.
  p.end = k;
  p.value = c.value();
  return p;
}

size_t NumberParser::FractionTail(Composer& c, size_t k, NumParse* p,
                                  bool single_one) {
  // Fractions: "two thirds", "one eighth", "and a half", "and three fifths".
  size_t j = k;
  if (TryFraction(c, &j, p, single_one)) {
    k = j;
  } else {
    k = AndFraction(c, k, p);
  }
  // "two thirds of a million", "half million".
  if (p->fraction && !p->fraction_scaled && scale_fractions_) {
    size_t m = k;
    double v;
    if (s_.Is(m, "of") && s_.Is(m + 1, "a")) m += 2;
    if (IsWord(s_, m) &&
        LookupCardinal(s_.tokens[m].lower, &v) == NumWord::kScale) {
      c.Multiply(v);
      k = m + 1;
    }
  }
  return k;
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
  if (t[k].kind != TK::kWord) return DigitsThenWords(i, k, negative);
  p.spelled = true;
  const std::string& w0 = t[k].lower;
  double v;
  bool single_one = false;
  NumWord kind = LookupCardinal(w0, &v);
  if (w0 == "a" || w0 == "an") {
    // "a hundred", "a million", "a dozen", "a half", "a fifth".
    if (!HundredOrScale(s_, k + 1)) return ArticleNumber(k, negative, p);
    c.Add(NumWord::kUnit, 1);
    k = Compose(c, k + 1, &p);
  } else if (w0 == "half" || w0 == "quarter") {
    return HalfOrQuarter(s_, k, negative, p);
  } else if (kind == NumWord::kZero) {
    c.AddNumber(0);
    k += 1;
  } else if (kind != NumWord::kNone && kind != NumWord::kScale) {
    if (!negative && PronounOne(s_, k) && !HundredOrScale(s_, k + 1)) {
      return std::nullopt;
    }
    single_one = w0 == "one";
    c.Add(kind, v);
    k = Compose(c, k + 1, &p);
    if (k > i + 1 + negative) single_one = false;
  } else {
    return OrdinalWords(k, negative, p);
  }
  if (p.ordinal) {
    if (single_one || !f_.allow_ordinal) return std::nullopt;
    p.end = k;
    p.value = c.value();
    return p;
  }
  k = PointDigits(s_, c, k);
  k = FractionTail(c, k, &p, single_one);
  p.end = k;
  p.value = negative ? -c.value() : c.value();
  return p;
}

}  // namespace numbers

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
  numbers::NumberParser parser(scan, flags);
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