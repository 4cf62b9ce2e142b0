// Writing JSON string literals (the one piece of JSON output that several
// layers write by hand).

#ifndef CLAIMGRAPH_BASE_JSON_H_
#define CLAIMGRAPH_BASE_JSON_H_

#include <string>
#include <string_view>

namespace claimgraph {

// Appends `text` as a JSON string literal, quotes included: `"` and `\`
// escaped, control characters as \n, \r, \t or \u00XX; UTF-8 kept as is.
void AppendJsonString(std::string_view text, std::string* out);

// The same, returned.
std::string JsonQuote(std::string_view text);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_BASE_JSON_H_
