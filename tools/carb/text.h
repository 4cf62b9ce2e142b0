// Text helpers that behave like the Python built-ins CaRB relies on:
// str.split(), str.strip(), text-mode line reading, float(), and CaRB's
// Benchmark.normalizeKey for matching sentences.

#ifndef CLAIMGRAPH_TOOLS_CARB_TEXT_H_
#define CLAIMGRAPH_TOOLS_CARB_TEXT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::carb {

// Python's str.split() without arguments: splits on runs of Unicode
// whitespace (as str.isspace defines it) and drops empty pieces. Bytes that
// are not valid UTF-8 count as non-whitespace.
std::vector<std::string> SplitWhitespace(std::string_view text);

// Python's str.strip() without arguments.
std::string_view StripWhitespace(std::string_view text);

// Python's str.split('\t'): keeps empty fields.
std::vector<std::string> SplitTabs(std::string_view text);

// Lines as Python's text mode yields them (universal newlines: "\n", "\r\n"
// and "\r" all end a line), without the terminators. A byte-order mark
// stays part of the first line, as in Python's "utf-8" codec.
std::vector<std::string> SplitLines(std::string_view text);

// Python's float() for the usual spellings (decimal, exponent, inf); nullopt
// if the text is not a number or is NaN.
std::optional<double> ParseConfidence(std::string_view text);

// CaRB's Benchmark.normalizeKey: removes spaces, turns -LRB- -RRB- -LSB-
// -RSB- -LCB- -RCB- back into brackets, then removes ASCII punctuation.
std::string NormalizeSentenceKey(std::string_view sentence);

// A double as Python's repr() prints it ("0.5", "1.0").
std::string FormatDouble(double value);

}  // namespace claimgraph::carb

#endif  // CLAIMGRAPH_TOOLS_CARB_TEXT_H_
