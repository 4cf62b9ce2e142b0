// The public entry points and the pipeline: scan, collect candidates of
// every kind, keep the longest non-overlapping ones, then attach cues
// (quantity_cues.cc), ranges (quantity_ranges.cc), rates and counted nouns
// (quantity_nouns.cc).

#include "recognize/recognize.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <cstdint>
#include <limits>

#include "recognize/internal.h"
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

// The first token that does not begin before code point `cp`.
size_t TokenAt(const ri::Scan& s, int cp) {
  auto it =
      std::lower_bound(s.tokens.begin(), s.tokens.end(), cp,
                       [](const ri::Token& t, int v) { return t.begin < v; });
  return static_cast<size_t>(it - s.tokens.begin());
}

// Over the kept mentions in order: joins ranges (or else applies cues),
// merges lower and upper bounds, then makes rates or adds counted nouns.
std::vector<Mention> PostProcess(const ri::Scan& s, std::vector<Mention> ms,
                                 const Types& want) {
  std::vector<ri::SpannedMention> items;
  for (Mention& m : ms) {
    size_t first = TokenAt(s, m.start);
    size_t last = TokenAt(s, m.end) - 1;
    items.push_back({std::move(m), first, last});
  }
  bool ranges = want[Bit(MentionType::kNumberRange)];
  std::vector<ri::SpannedMention> out;
  for (size_t i = 0; i < items.size(); ++i) {
    ri::SpannedMention it = std::move(items[i]);
    if (ranges && i + 1 < items.size() &&
        ri::TryJoinRange(s, it, items[i + 1])) {
      ++i;
    } else {
      ri::ApplyCues(s, it, want[Bit(MentionType::kNumberRange)]);
    }
    if (!out.empty() && ri::TryMergeBounds(s, out.back(), it)) continue;
    out.push_back(std::move(it));
  }
  std::vector<Mention> result;
  for (ri::SpannedMention& it : out) {
    if (want[Bit(MentionType::kRate)] && ri::TryRate(s, it)) {
    } else {
      ri::AddCountedNoun(s, it);
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
