// Cues around a quantity: "more than", "at least", "about" before it, "or
// more" after it. A bound turns a number into a range; a hedge only marks
// it approximate.

#include <string>
#include <string_view>

#include "recognize/internal.h"

namespace claimgraph::recognize_internal {
namespace {

enum class CueKind { kApprox, kLower, kUpper, kEqual };

struct Cue {
  std::string_view phrase;
  CueKind kind;
  bool inclusive;
  bool approximate;
};

// Phrases before a quantity; the longest match wins.
constexpr Cue kCues[] = {
    {"more than", CueKind::kLower, false, true},
    {"greater than", CueKind::kLower, false, true},
    {"higher than", CueKind::kLower, false, true},
    {"larger than", CueKind::kLower, false, true},
    {"bigger than", CueKind::kLower, false, true},
    {"over", CueKind::kLower, false, true},
    {"just over", CueKind::kLower, false, true},
    {"above", CueKind::kLower, false, true},
    {"exceed", CueKind::kLower, false, true},
    {"exceeds", CueKind::kLower, false, true},
    {"exceeding", CueKind::kLower, false, true},
    {"exceeded", CueKind::kLower, false, true},
    {"surpass", CueKind::kLower, false, true},
    {"in excess of", CueKind::kLower, false, true},
    {">", CueKind::kLower, false, true},
    {"at least", CueKind::kLower, true, true},
    {"no less than", CueKind::kLower, true, true},
    {"not less than", CueKind::kLower, true, true},
    {"no fewer than", CueKind::kLower, true, true},
    {"> =", CueKind::kLower, true, true},
    {"greater than or equal to", CueKind::kLower, true, true},
    {"more than or equal to", CueKind::kLower, true, true},
    {"equal to or more than", CueKind::kLower, true, true},
    {"equal to or greater than", CueKind::kLower, true, true},
    {"at least or equal to", CueKind::kLower, true, true},
    {"bigger or equal than", CueKind::kLower, true, true},
    {"higher or equal than", CueKind::kLower, true, true},
    {"greater or equal than", CueKind::kLower, true, true},
    {"less than", CueKind::kUpper, false, true},
    {"fewer than", CueKind::kUpper, false, true},
    {"smaller than", CueKind::kUpper, false, true},
    {"lower than", CueKind::kUpper, false, true},
    {"under", CueKind::kUpper, false, true},
    {"just under", CueKind::kUpper, false, true},
    {"below", CueKind::kUpper, false, true},
    {"<", CueKind::kUpper, false, true},
    {"at most", CueKind::kUpper, true, true},
    {"up to", CueKind::kUpper, true, true},
    {"no more than", CueKind::kUpper, true, true},
    {"not more than", CueKind::kUpper, true, true},
    {"< =", CueKind::kUpper, true, true},
    {"less than or equal to", CueKind::kUpper, true, true},
    {"equal to or less than", CueKind::kUpper, true, true},
    {"smaller or equal than", CueKind::kUpper, true, true},
    {"less or equal than", CueKind::kUpper, true, true},
    {"lower or equal than", CueKind::kUpper, true, true},
    {"larger or equal than", CueKind::kLower, true, true},
    {"more or equal than", CueKind::kLower, true, true},
    {"equal to", CueKind::kEqual, true, false},
    {"equals", CueKind::kEqual, true, false},
    {"equals to", CueKind::kEqual, true, false},
    {"equaling to", CueKind::kEqual, true, false},
    {"nearly", CueKind::kApprox, true, true},
    {"almost", CueKind::kApprox, true, true},
    {"about", CueKind::kApprox, true, true},
    {"around", CueKind::kApprox, true, true},
    {"roughly", CueKind::kApprox, true, true},
    {"approximately", CueKind::kApprox, true, true},
    {"an estimated", CueKind::kApprox, true, true},
    {"some", CueKind::kApprox, true, true},
    {"close to", CueKind::kApprox, true, true},
    {"circa", CueKind::kApprox, true, true},
};

// Phrases after a quantity: "five hundred or more".
constexpr Cue kPostCues[] = {
    {"or more", CueKind::kLower, true, true},
    {"and more", CueKind::kLower, true, true},
    {"or greater", CueKind::kLower, true, true},
    {"or above", CueKind::kLower, true, true},
    {"or higher", CueKind::kLower, true, true},
    {"or greater than", CueKind::kLower, true, true},
    {"or more than", CueKind::kLower, true, true},
    {"or equal to", CueKind::kLower, true, true},
    {"or less", CueKind::kUpper, true, true},
    {"or fewer", CueKind::kUpper, true, true},
    {"or below", CueKind::kUpper, true, true},
    {"or lower", CueKind::kUpper, true, true},
    {"or less than", CueKind::kUpper, true, true},
    {"or equal", CueKind::kUpper, true, true},
};

// Number of tokens of `phrase` matching the tokens ending at `last`
// (inclusive), or 0. Compares word by word from the end, without copying.
size_t MatchBefore(const Scan& s, std::string_view phrase, size_t last) {
  size_t n = 0;
  size_t e = phrase.size();
  while (true) {
    size_t sp = phrase.rfind(' ', e == 0 ? 0 : e - 1);
    size_t b = sp == std::string_view::npos || sp >= e ? 0 : sp + 1;
    if (n > last || s.tokens[last - n].lower != phrase.substr(b, e - b)) {
      return 0;
    }
    ++n;
    if (b == 0) return n;
    e = b - 1;
  }
}

size_t MatchAfter(const Scan& s, std::string_view phrase, size_t first) {
  size_t k = first, b = 0;
  while (b <= phrase.size()) {
    size_t e = phrase.find(' ', b);
    if (e == std::string_view::npos) e = phrase.size();
    if (!s.Is(k, phrase.substr(b, e - b))) return 0;
    ++k;
    b = e + 1;
  }
  return k - first;
}

bool IsQuantity(MentionType t) {
  return t == MentionType::kNumber || t == MentionType::kCurrency ||
         t == MentionType::kPercentage || t == MentionType::kDuration ||
         t == MentionType::kOrdinal;
}

void SetBound(Mention& m, const Cue& cue, double v) {
  m.approximate = cue.approximate;
  if (cue.kind == CueKind::kLower || cue.kind == CueKind::kEqual) {
    m.min = v;
    m.min_inclusive = cue.inclusive;
  }
  if (cue.kind == CueKind::kUpper || cue.kind == CueKind::kEqual) {
    m.max = v;
    m.max_inclusive = cue.inclusive;
  }
}

// The longest cue before the quantity (nullptr if none) and its length in
// tokens.
const Cue* CueBefore(const Scan& s, const SpannedMention& it, size_t* len) {
  const Cue* best = nullptr;
  size_t best_len = 0;
  if (it.first > 0) {
    for (const Cue& c : kCues) {
      size_t n = MatchBefore(s, c.phrase, it.first - 1);
      if (n > best_len) {
        best = &c;
        best_len = n;
      }
    }
  }
  *len = best_len;
  return best;
}

// The longest cue after the quantity that does not belong to a following
// number (nullptr if none) and its length in tokens.
const Cue* CueAfter(const Scan& s, const SpannedMention& it, size_t* len) {
  const Cue* post = nullptr;
  size_t post_len = 0;
  for (const Cue& c : kPostCues) {
    size_t n = MatchAfter(s, c.phrase, it.last + 1);
    // "200 or greater than 190": the cue belongs to the next number.
    size_t after = it.last + 1 + n;
    if (n > post_len && !ParseNumber(s, after) &&
        !(s.Is(after, "than") || s.Is(after, "to")) &&
        !((s.Is(after, "than") || s.Is(after, "to")) &&
          ParseNumber(s, after + 1))) {
      post = &c;
      post_len = n;
    }
  }
  *len = post_len;
  return post;
}

// Applies the cues found before (`best`, `best_len` tokens) and after
// (`post`, `post_len` tokens) the quantity; at least one is set.
void ApplyCuePair(const Scan& s, SpannedMention& it, const Cue* best,
                  size_t best_len, const Cue* post, size_t post_len,
                  bool make_ranges) {
  Mention& m = it.m;
  bool or_equal = post != nullptr && post->phrase.starts_with("or equal");
  // "about five hundred or more": the postfix cue decides the bound.
  if (best != nullptr && best->kind == CueKind::kApprox && post != nullptr &&
      !or_equal) {
    best = nullptr;
  }
  if (best == nullptr && or_equal) return;
  const Cue& cue = best != nullptr ? *best : *post;
  // A postfix cue on "equal to 5000 or less" sets the other side.
  const Cue* bound = &cue;
  if (best != nullptr && best->kind == CueKind::kEqual && post != nullptr &&
      !or_equal) {
    bound = post;
  }
  Cue inclusive_cue;
  if (best != nullptr && or_equal &&
      (best->kind == CueKind::kLower || best->kind == CueKind::kUpper)) {
    // "more than 5000 or equal to".
    inclusive_cue = *best;
    inclusive_cue.inclusive = true;
    bound = &inclusive_cue;
  } else if (or_equal) {
    post = nullptr;
  }
  m.cue = std::string(cue.phrase);
  if (post != nullptr && best != nullptr) {
    m.cue += " ... " + std::string(post->phrase);
  }
  if (bound->kind == CueKind::kApprox) {
    m.approximate = true;
    return;
  }
  SetBound(m, *bound, *m.value);
  bool extend = (m.type == MentionType::kNumber && make_ranges) ||
                m.type == MentionType::kDuration;
  if (m.type == MentionType::kNumber && make_ranges) {
    m.type = MentionType::kNumberRange;
    m.value.reset();
  }
  if (extend) {
    if (best != nullptr) ExtendStart(s, it, it.first - best_len);
    if (post != nullptr) {
      ExtendEnd(s, it, it.last + post_len);
    }
  }
}

}  // namespace

void ApplyCues(const Scan& s, SpannedMention& it, bool make_ranges) {
  Mention& m = it.m;
  if (!IsQuantity(m.type) || !m.value) return;
  if (m.type == MentionType::kOrdinal) return;
  size_t best_len = 0;
  const Cue* best = CueBefore(s, it, &best_len);
  // "some" is a cue only before digits or number words, "over" not after
  // a verb of handing ("hand over 5") -- kept simple: accepted.
  if (best != nullptr && best->phrase == "some" &&
      m.type != MentionType::kNumber) {
    best = nullptr;
  }
  // "<>30", "=>30" are not comparisons we know.
  if (best != nullptr && (best->phrase[0] == '>' || best->phrase[0] == '<')) {
    size_t c = it.first - best_len;
    if (c > 0 && s.Glued(c) && s.tokens[c - 1].kind == TokenKind::kPunct) {
      return;
    }
  }
  size_t post_len = 0;
  const Cue* post = CueAfter(s, it, &post_len);
  if (best == nullptr && post == nullptr) return;
  ApplyCuePair(s, it, best, best_len, post, post_len, make_ranges);
}

}  // namespace claimgraph::recognize_internal
