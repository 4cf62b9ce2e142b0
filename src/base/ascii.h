// ASCII case mapping for keys and word lists (locale-independent; bytes
// outside A-Z, including UTF-8, are left as they are). For Unicode case
// folding of names use NormalizeName (model/names.h).

#ifndef CLAIMGRAPH_BASE_ASCII_H_
#define CLAIMGRAPH_BASE_ASCII_H_

#include <string>
#include <string_view>

namespace claimgraph {

inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

inline std::string AsciiUpper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

}  // namespace claimgraph

#endif  // CLAIMGRAPH_BASE_ASCII_H_
