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

}  // namespace claimgraph::recognize_internal

#endif  // CLAIMGRAPH_RECOGNIZE_INTERNAL_H_
