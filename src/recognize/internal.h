// Internal: what the per-kind recognisers share.

#ifndef CLAIMGRAPH_RECOGNIZE_INTERNAL_H_
#define CLAIMGRAPH_RECOGNIZE_INTERNAL_H_

#include <cstddef>
#include <optional>
#include <vector>

#include "recognize/recognize.h"
#include "recognize/scan.h"

namespace claimgraph::recognize_internal {

// A number parsed from tokens [begin, end).
struct NumParse {
  size_t begin = 0;
  size_t end = 0;
  double value = 0;
  bool ordinal = false;          // "21st", "twenty-first".
  bool fraction = false;         // "two thirds", "3/4".
  bool spelled = false;          // Starts with a word ("thirty", "a dozen").
  bool fraction_scaled = false;  // "3 million and a half": scale applied.
};

// How ParseNumber treats letters glued to digits ("3day", "115USD").
struct NumberFlags {
  // Accept digits followed directly by letters that are not a scale suffix
  // ("3day"); the caller then decides what the letters mean.
  bool allow_glued_letters = false;
  // Accept digits preceded directly by letters ("USD115").
  bool allow_glued_before = false;
  // Accept ordinals; when false, "third" and "21st" are not numbers.
  bool allow_ordinal = true;
};

// The longest number starting exactly at token i, if any.
std::optional<NumParse> ParseNumber(const Scan& scan, size_t i,
                                    const NumberFlags& flags = {});

// Candidates of each kind, appended to `out` (offsets set, text not).
void FindNumbers(const Scan& scan, std::vector<Mention>* out);
void FindQuantities(const Scan& scan, std::vector<Mention>* out);
void FindDates(const Scan& scan, const RecognizeOptions& options,
               std::vector<Mention>* out);
void FindAcronyms(const Scan& scan, std::vector<Mention>* out);

// A mention spanning tokens [first, last] (inclusive).
Mention SpanMention(const Scan& scan, MentionType type, size_t first,
                    size_t last);

// ---------------------------------------------------------------------------
// After overlaps are resolved (recognize.cc): cues, ranges, counted nouns
// and rates, each of which may widen a mention.

// A mention with its token span.
struct SpannedMention {
  Mention m;
  size_t first;  // Token indices, inclusive.
  size_t last;
};

inline void ExtendStart(const Scan& s, SpannedMention& it, size_t first) {
  it.first = first;
  it.m.start = s.tokens[first].begin;
}
inline void ExtendEnd(const Scan& s, SpannedMention& it, size_t last) {
  it.last = last;
  it.m.end = s.tokens[last].end;
}

// quantity_cues.cc: "more than 2,200" -> numberrange (2200, inf) when
// `make_ranges`, "about $5" -> approximate; the cue widens the span of
// numbers turned into ranges and of durations.
void ApplyCues(const Scan& s, SpannedMention& it, bool make_ranges);

// quantity_ranges.cc: "between 20 and 30", "from 1,000 to 1,500",
// "1000-5000", "20 to 30": joins `b` into `a` and returns true, or leaves
// `a` alone and returns false.
bool TryJoinRange(const Scan& s, SpannedMention& a, const SpannedMention& b);
// "larger than 10 and smaller than 20": one lower and one upper bound
// joined into `a`; false when they do not form one range.
bool TryMergeBounds(const Scan& s, SpannedMention& a, const SpannedMention& b);

// quantity_nouns.cc: the noun a number or percentage counts ("1,461
// immigrants", "76% of vehicles"), set as `noun` (and `unit` if empty).
void AddCountedNoun(const Scan& s, SpannedMention& it);
// "3,000 arrests per day", "$2 a share": turns `it` into a rate and
// returns true, or leaves it alone and returns false.
bool TryRate(const Scan& s, SpannedMention& it);

}  // namespace claimgraph::recognize_internal

#endif  // CLAIMGRAPH_RECOGNIZE_INTERNAL_H_
