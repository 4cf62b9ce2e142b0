// The pipeline: scan, collect candidates of every kind, keep the longest
// non-overlapping ones, then attach cues ("more than", "between ... and"),
// rates ("per day") and counted nouns.

#include "recognize/recognize.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <cstdint>
#include <limits>

#include "recognize/internal.h"
#include "recognize/lexicon.h"
#include "recognize/scan.h"

namespace claimgraph {

namespace ri = recognize_internal;

namespace {

constexpr std::array<std::string_view, kNumMentionTypes> kTypeNames = {
    "number", "ordinal",  "percentage", "currency",  "numberrange",
    "rate",   "duration", "date",       "daterange", "acronym"};

using Types = std::bitset<kNumMentionTypes>;
int Bit(MentionType t) { return static_cast<int>(t); }

// When spans are equal, the more specific reading wins.
int Priority(MentionType t) {
  switch (t) {
    case MentionType::kDate:
    case MentionType::kDateRange:
      return 6;
    case MentionType::kCurrency:
      return 5;
    case MentionType::kPercentage:
      return 4;
    case MentionType::kDuration:
      return 3;
    case MentionType::kOrdinal:
      return 2;
    case MentionType::kNumber:
      return 1;
    default:
      return 0;
  }
}

std::vector<Mention> Resolve(std::vector<Mention> cands, int n) {
  // Sort indices, not the (large) mentions themselves.
  std::vector<uint32_t> order(cands.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
    const Mention& a = cands[x];
    const Mention& b = cands[y];
    int la = a.end - a.start, lb = b.end - b.start;
    if (la != lb) return la > lb;
    if (Priority(a.type) != Priority(b.type)) {
      return Priority(a.type) > Priority(b.type);
    }
    return a.start < b.start;
  });
  // Code points already covered; spans are short, so checking each one is
  // linear overall.
  std::vector<bool> taken(n);
  std::vector<uint32_t> kept;
  for (uint32_t i : order) {
    const Mention& m = cands[i];
    bool overlap = false;
    for (int c = m.start; c < m.end && !overlap; ++c) overlap = taken[c];
    if (overlap) continue;
    for (int c = m.start; c < m.end; ++c) taken[c] = true;
    kept.push_back(i);
  }
  std::sort(kept.begin(), kept.end(), [&](uint32_t x, uint32_t y) {
    return cands[x].start < cands[y].start;
  });
  std::vector<Mention> out;
  out.reserve(kept.size());
  for (uint32_t i : kept) out.push_back(std::move(cands[i]));
  return out;
}

// Numbers inside URLs and e-mail addresses ("...?q=30%25") are not
// quantities: drop candidates inside a run of glued tokens that contains
// "://", "www." or "@".
void DropInsideUrls(const ri::Scan& s, std::vector<Mention>* cands) {
  std::vector<std::pair<int, int>> urls;
  const auto& t = s.tokens;
  for (size_t i = 0; i < t.size();) {
    size_t j = i + 1;
    while (j < t.size() && s.Glued(j)) ++j;
    std::string_view chunk = s.Slice(t[i].begin, t[j - 1].end);
    if (j - i > 2 && (chunk.find("://") != std::string_view::npos ||
                      chunk.starts_with("www.") ||
                      (chunk.find('@') != std::string_view::npos &&
                       chunk.find('.') != std::string_view::npos))) {
      urls.emplace_back(t[i].begin, t[j - 1].end);
    }
    i = j;
  }
  if (urls.empty()) return;
  std::erase_if(*cands, [&](const Mention& m) {
    for (const auto& [b, e] : urls) {
      if (m.start < e && b < m.end) return true;
    }
    return false;
  });
}

// ---------------------------------------------------------------------------
// Cues and ranges.

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
size_t MatchBefore(const ri::Scan& s, std::string_view phrase, size_t last) {
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

size_t MatchAfter(const ri::Scan& s, std::string_view phrase, size_t first) {
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

// Mentions with their token spans.
struct Item {
  Mention m;
  size_t first;  // Token indices, inclusive.
  size_t last;
};

size_t TokenAt(const ri::Scan& s, int cp) {
  auto it =
      std::lower_bound(s.tokens.begin(), s.tokens.end(), cp,
                       [](const ri::Token& t, int v) { return t.begin < v; });
  return static_cast<size_t>(it - s.tokens.begin());
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

void ExtendStart(const ri::Scan& s, Item& it, size_t first) {
  it.first = first;
  it.m.start = s.tokens[first].begin;
}
void ExtendEnd(const ri::Scan& s, Item& it, size_t last) {
  it.last = last;
  it.m.end = s.tokens[last].end;
}

// "more than 2,200" -> numberrange (2200, inf); "about $5" -> approximate.
void ApplyCues(const ri::Scan& s, Item& it, bool make_ranges) {
  Mention& m = it.m;
  if (!IsQuantity(m.type) || !m.value) return;
  if (m.type == MentionType::kOrdinal) return;
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
  // "some" is a cue only before digits or number words, "over" not after
  // a verb of handing ("hand over 5") -- kept simple: accepted.
  if (best != nullptr && best->phrase == "some" &&
      m.type != MentionType::kNumber) {
    best = nullptr;
  }
  // "<>30", "=>30" are not comparisons we know.
  if (best != nullptr && (best->phrase[0] == '>' || best->phrase[0] == '<')) {
    size_t c = it.first - best_len;
    if (c > 0 && s.Glued(c) && s.tokens[c - 1].kind == ri::TokenKind::kPunct) {
      return;
    }
  }
  const Cue* post = nullptr;
  size_t post_len = 0;
  for (const Cue& c : kPostCues) {
    size_t n = MatchAfter(s, c.phrase, it.last + 1);
    // "200 or greater than 190": the cue belongs to the next number.
    size_t after = it.last + 1 + n;
    if (n > post_len && !ri::ParseNumber(s, after) &&
        !(s.Is(after, "than") || s.Is(after, "to")) &&
        !((s.Is(after, "than") || s.Is(after, "to")) &&
          ri::ParseNumber(s, after + 1))) {
      post = &c;
      post_len = n;
    }
  }
  if (best == nullptr && post == nullptr) return;
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

// "between 20 and 30", "from 1,000 to 1,500", "1000-5000", "20 to 30".
bool TryJoinRange(const ri::Scan& s, Item& a, const Item& b) {
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
        s.tokens[a.first - 1].kind == ri::TokenKind::kPunct) {
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
        s.tokens[b.last + 2].kind == ri::TokenKind::kDigits &&
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
bool TryMergeBounds(const ri::Scan& s, Item& a, const Item& b) {
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

void AddCountedNoun(const ri::Scan& s, Item& it) {
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
       k + 1 < s.tokens.size() && s.tokens[k].kind == ri::TokenKind::kWord &&
       !s.Glued(k) && CountModifier(s.tokens[k].lower);
       ++skipped) {
    ++k;
  }
  if (k >= s.tokens.size() || s.tokens[k].kind != ri::TokenKind::kWord ||
      s.Glued(k) || StopWord(s.tokens[k].lower) ||
      CountModifier(s.tokens[k].lower) ||
      ri::LookupMonth(s.tokens[k].lower) != 0) {
    return;
  }
  it.m.noun = std::string(s.Slice(s.tokens[k].begin, s.tokens[k].end));
  if (it.m.unit.empty()) it.m.unit = it.m.noun;
}

// "3,000 arrests per day", "$2 a share".
bool TryRate(const ri::Scan& s, Item& it) {
  MentionType t = it.m.type;
  if (t != MentionType::kNumber && t != MentionType::kCurrency &&
      t != MentionType::kPercentage) {
    return false;
  }
  size_t k = it.last + 1;
  std::string noun;
  if (t == MentionType::kNumber && k < s.tokens.size() &&
      s.tokens[k].kind == ri::TokenKind::kWord &&
      !StopWord(s.tokens[k].lower)) {
    noun = std::string(s.Slice(s.tokens[k].begin, s.tokens[k].end));
    ++k;
  }
  if (k + 1 >= s.tokens.size()) return false;
  const std::string& p = s.tokens[k].lower;
  const ri::Token& unit = s.tokens[k + 1];
  if (unit.kind != ri::TokenKind::kWord) return false;
  bool time = ri::LookupTimeUnit(unit.lower).letter != 0;
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
  ri::TimeUnit tu = ri::LookupTimeUnit(per);
  it.m.per = tu.letter != 0 ? std::string(tu.name) : per;
  ExtendEnd(s, it, k + 1);
  return true;
}

std::vector<Mention> PostProcess(const ri::Scan& s, std::vector<Mention> ms,
                                 const Types& want) {
  std::vector<Item> items;
  for (Mention& m : ms) {
    size_t first = TokenAt(s, m.start);
    size_t last = TokenAt(s, m.end) - 1;
    items.push_back({std::move(m), first, last});
  }
  bool ranges = want[Bit(MentionType::kNumberRange)];
  std::vector<Item> out;
  for (size_t i = 0; i < items.size(); ++i) {
    Item it = std::move(items[i]);
    if (ranges && i + 1 < items.size() && TryJoinRange(s, it, items[i + 1])) {
      ++i;
    } else {
      ApplyCues(s, it, want[Bit(MentionType::kNumberRange)]);
    }
    if (!out.empty() && TryMergeBounds(s, out.back(), it)) continue;
    out.push_back(std::move(it));
  }
  std::vector<Mention> result;
  for (Item& it : out) {
    if (want[Bit(MentionType::kRate)] && TryRate(s, it)) {
    } else {
      AddCountedNoun(s, it);
    }
    result.push_back(std::move(it.m));
  }
  return result;
}

}  // namespace

std::string_view MentionTypeName(MentionType type) {
  return kTypeNames[static_cast<int>(type)];
}

StatusOr<MentionType> ParseMentionType(std::string_view name) {
  for (int i = 0; i < kNumMentionTypes; ++i) {
    if (kTypeNames[i] == name) return static_cast<MentionType>(i);
  }
  return NotFoundError("unknown mention type '" + std::string(name) + "'");
}

StatusOr<Date> ParseIsoDate(std::string_view text) {
  auto bad = [&] {
    return InvalidArgumentError("expected a date YYYY-MM-DD, got '" +
                                std::string(text) + "'");
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  int parts[3] = {0, 0, 0};
  int idx = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i == 4 || i == 7) {
      ++idx;
      continue;
    }
    if (text[i] < '0' || text[i] > '9') return bad();
    parts[idx] = parts[idx] * 10 + (text[i] - '0');
  }
  Date d{parts[0], parts[1], parts[2]};
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > kDays[d.month - 1]) {
    return bad();
  }
  bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  if (d.month == 2 && d.day == 29 && !leap) return bad();
  return d;
}

StatusOr<std::vector<Mention>> Recognize(std::string_view utf8,
                                         const RecognizeOptions& options) {
  CG_ASSIGN_OR_RETURN(ri::Scan scan, ri::ScanText(utf8));
  Types want;
  if (options.types.empty()) want.set();
  for (MentionType t : options.types) want.set(Bit(t));
  // Ranges and rates are built from numbers, money and percentages.
  Types base = want;
  if (want[Bit(MentionType::kNumberRange)] || want[Bit(MentionType::kRate)]) {
    base.set(Bit(MentionType::kNumber));
    base.set(Bit(MentionType::kOrdinal));
  }
  std::vector<Mention> cands;
  ri::FindNumbers(scan, &cands);
  ri::FindQuantities(scan, &cands);
  if (base[Bit(MentionType::kDate)] || base[Bit(MentionType::kDateRange)]) {
    ri::FindDates(scan, options, &cands);
  }
  if (base[Bit(MentionType::kAcronym)]) ri::FindAcronyms(scan, &cands);
  std::erase_if(cands, [&](const Mention& m) { return !base[Bit(m.type)]; });
  DropInsideUrls(scan, &cands);
  std::vector<Mention> ms = PostProcess(
      scan,
      Resolve(std::move(cands), static_cast<int>(scan.byte_offset.size())),
      want);
  std::erase_if(ms, [&](const Mention& m) { return !want[Bit(m.type)]; });
  for (Mention& m : ms) m.text = std::string(scan.Slice(m.start, m.end));
  return ms;
}

}  // namespace claimgraph
