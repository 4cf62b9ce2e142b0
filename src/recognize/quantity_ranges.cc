// Number ranges: two quantities joined ("between 20 and 30", "1000-5000")
// and two one-sided bounds merged ("larger than 10 and smaller than 20").

#include <string>
#include <string_view>

#include "recognize/internal.h"

namespace claimgraph::recognize_internal {

// "between 20 and 30", "from 1,000 to 1,500", "1000-5000", "20 to 30".
bool TryJoinRange(const Scan& s, SpannedMention& a, const SpannedMention& b) {
  if (a.m.type != b.m.type || !a.m.value || !b.m.value) return false;
  MentionType type = a.m.type;
  if (type != MentionType::kNumber && type != MentionType::kCurrency &&
      type != MentionType::kPercentage && type != MentionType::kOrdinal) {
    return false;
  }
  if (a.m.unit != b.m.unit && type == MentionType::kCurrency) return false;
  size_t gap = b.first - a.last - 1;
  std::string_view joiner =
      gap == 1 ? std::string_view(s.tokens[a.last + 1].lower) : "";
  bool between = a.first > 0 && s.Is(a.first - 1, "between") && joiner == "and";
  bool from = a.first > 0 && s.Is(a.first - 1, "from") &&
              (joiner == "to" || joiner == "through");
  bool dash = joiner == "-" || joiner == "\u2013" || joiner == "~";
  bool plain = joiner == "to" || joiner == "through";
  if (!between && !from && !dash && !plain) return false;
  if (type == MentionType::kOrdinal && !between) return false;
  if (*a.m.value >= *b.m.value) return false;
  if (dash) {
    // Not phone numbers or codes: "+1-222-2222", "1995-01".
    if (a.first > 0 && s.Glued(a.first) &&
        s.tokens[a.first - 1].kind == TokenKind::kPunct) {
      return false;
    }
    if ((s.Is(b.last + 1, "-") || s.Is(b.last + 1, "/")) &&
        s.Glued(b.last + 1)) {
      return false;
    }
  }
  if (plain || from) {
    // "from 200 to 300 in 2008" reads as a date span; leave it.
    if (s.Is(b.last + 1, "in") && b.last + 2 < s.tokens.size() &&
        s.tokens[b.last + 2].kind == TokenKind::kDigits &&
        s.tokens[b.last + 2].lower.size() == 4 && *b.m.value < 1000) {
      return false;
    }
  }
  Mention& m = a.m;
  m.min = *a.m.value;
  m.max = *b.m.value;
  m.min_inclusive = true;
  m.max_inclusive = false;
  m.cue = between ? "between" : from ? "from" : std::string(joiner);
  m.type = type == MentionType::kCurrency || type == MentionType::kPercentage
               ? type
               : MentionType::kNumberRange;
  m.value.reset();
  if (between || from) ExtendStart(s, a, a.first - 1);
  ExtendEnd(s, a, b.last);
  return true;
}

// "larger than 10 and smaller than 20": one lower and one upper bound.
bool TryMergeBounds(const Scan& s, SpannedMention& a, const SpannedMention& b) {
  if (a.m.type != MentionType::kNumberRange ||
      b.m.type != MentionType::kNumberRange) {
    return false;
  }
  size_t gap = b.first - a.last - 1;
  if (gap != 1) return false;
  const std::string& j = s.tokens[a.last + 1].lower;
  if (j != "and" && j != "but" && j != ",") return false;
  bool a_lower = a.m.min && !a.m.max, a_upper = a.m.max && !a.m.min;
  bool b_lower = b.m.min && !b.m.max, b_upper = b.m.max && !b.m.min;
  if (!((a_lower && b_upper) || (a_upper && b_lower))) return false;
  const Mention& lo = a_lower ? a.m : b.m;
  const Mention& hi = a_lower ? b.m : a.m;
  if (*lo.min >= *hi.max) return false;
  Mention m = a.m;
  m.min = lo.min;
  m.min_inclusive = lo.min_inclusive;
  m.max = hi.max;
  m.max_inclusive = hi.max_inclusive;
  m.cue = a.m.cue + " ... " + b.m.cue;
  a.m = m;
  ExtendEnd(s, a, b.last);
  return true;
}

}  // namespace claimgraph::recognize_internal
