// What a quantity counts: the noun after it ("1,461 immigrants", "76% of
// vehicles") and what it is per ("3,000 arrests per day", "$2 a share").

#include <string>
#include <string_view>

#include "recognize/internal.h"
#include "recognize/lexicon.h"

namespace claimgraph::recognize_internal {
namespace {

// Words that are not counted nouns after a number.
bool StopWord(std::string_view w) {
  static constexpr std::string_view kStop[] = {
      "and",  "or",      "of",    "to",    "in",    "on",     "at",    "for",
      "by",   "from",    "the",   "a",     "an",    "per",    "than",  "is",
      "are",  "was",     "were",  "be",    "been",  "has",    "have",  "had",
      "will", "would",   "that",  "this",  "which", "who",    "with",  "as",
      "but",  "percent", "cent",  "times", "more",  "less",   "each",  "every",
      "it",   "its",     "their", "his",   "her",   "over",   "into",  "out",
      "up",   "down",    "said",  "says",  "after", "before", "since", "until",
      "when", "while",   "if",    "so",    "not",   "no",     "s"};
  for (std::string_view s : kStop) {
    if (w == s) return true;
  }
  return false;
}

// Adjectives between a number and the noun it counts that say how new,
// many or distinct the things are, not what they are.
bool CountModifier(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "new",      "more",     "additional", "other",   "extra",
      "further",  "separate", "former",     "current", "existing",
      "previous", "total",    "different",  "fewer",   "distinct"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

}  // namespace

void AddCountedNoun(const Scan& s, SpannedMention& it) {
  MentionType t = it.m.type;
  if (t != MentionType::kNumber && t != MentionType::kNumberRange &&
      t != MentionType::kPercentage) {
    return;
  }
  size_t k = it.last + 1;
  if (t == MentionType::kPercentage) {
    if (!s.Is(k, "of")) return;
    ++k;
    if (s.Is(k, "the") || s.Is(k, "all") || s.Is(k, "its") ||
        s.Is(k, "their")) {
      ++k;
    }
  }
  // "40 new towers", "100 more towers": the noun after words that say how
  // new, many or distinct the counted things are (at most two).
  for (int skipped = 0;
       skipped < 2 && t != MentionType::kPercentage &&
       k + 1 < s.tokens.size() && s.tokens[k].kind == TokenKind::kWord &&
       !s.Glued(k) && CountModifier(s.tokens[k].lower);
       ++skipped) {
    ++k;
  }
  if (k >= s.tokens.size() || s.tokens[k].kind != TokenKind::kWord ||
      s.Glued(k) || StopWord(s.tokens[k].lower) ||
      CountModifier(s.tokens[k].lower) || LookupMonth(s.tokens[k].lower) != 0) {
    return;
  }
  it.m.noun = std::string(s.Slice(s.tokens[k].begin, s.tokens[k].end));
  if (it.m.unit.empty()) it.m.unit = it.m.noun;
}

// "3,000 arrests per day", "$2 a share".
bool TryRate(const Scan& s, SpannedMention& it) {
  MentionType t = it.m.type;
  if (t != MentionType::kNumber && t != MentionType::kCurrency &&
      t != MentionType::kPercentage) {
    return false;
  }
  size_t k = it.last + 1;
  std::string noun;
  if (t == MentionType::kNumber && k < s.tokens.size() &&
      s.tokens[k].kind == TokenKind::kWord && !StopWord(s.tokens[k].lower)) {
    noun = std::string(s.Slice(s.tokens[k].begin, s.tokens[k].end));
    ++k;
  }
  if (k + 1 >= s.tokens.size()) return false;
  const std::string& p = s.tokens[k].lower;
  const Token& unit = s.tokens[k + 1];
  if (unit.kind != TokenKind::kWord) return false;
  bool time = LookupTimeUnit(unit.lower).letter != 0;
  bool ok = (p == "per" && !StopWord(unit.lower) && unit.lower != "cent") ||
            ((p == "a" || p == "an" || p == "each" || p == "every") &&
             (time || unit.lower == "share" || unit.lower == "person" ||
              unit.lower == "head" || unit.lower == "barrel" ||
              unit.lower == "gallon" || unit.lower == "hour"));
  if (!ok) return false;
  // "three times a day" counts events; keep it a rate too.
  it.m.type = MentionType::kRate;
  if (!noun.empty()) it.m.unit = it.m.noun = noun;
  std::string per(unit.lower);
  TimeUnit tu = LookupTimeUnit(per);
  it.m.per = tu.letter != 0 ? std::string(tu.name) : per;
  ExtendEnd(s, it, k + 1);
  return true;
}

}  // namespace claimgraph::recognize_internal
