// Internal: UTF-8 decoding and a simple tokeniser for the recognisers.
//
// Text is decoded to code points (all offsets are code point indices). A
// token is a run of ASCII digits, a run of letters (ASCII or any non-ASCII
// code point that is not punctuation or space), or a single other character.
// Whitespace separates tokens and is not a token.

#ifndef CLAIMGRAPH_RECOGNIZE_SCAN_H_
#define CLAIMGRAPH_RECOGNIZE_SCAN_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace claimgraph::recognize_internal {

enum class TokenKind { kDigits, kWord, kPunct };

struct Token {
  TokenKind kind;
  int begin;                   // First code point.
  int end;                     // One past the last code point.
  bool space_before = false;   // Whitespace between this and the previous.
  bool upper_initial = false;  // Word starting with an upper-case letter.
  bool all_upper = false;      // Word of only upper-case ASCII letters.
  std::string lower;           // Text, ASCII letters lower-cased.
  uint16_t lex = 0;            // Word classes (lexicon.h), words only.
};

// The decoded text and its tokens.
struct Scan {
  std::string_view utf8;
  std::vector<int> byte_offset;  // Code point index -> byte offset; size n+1.
  std::vector<Token> tokens;

  // Original text of code points [begin, end).
  std::string_view Slice(int begin, int end) const {
    return utf8.substr(byte_offset[begin],
                       byte_offset[end] - byte_offset[begin]);
  }
  // Whether token i exists and its lower-cased text equals `s`.
  bool Is(size_t i, std::string_view s) const {
    return i < tokens.size() && tokens[i].lower == s;
  }
  // Whether token i exists and is adjacent (no space) to token i-1.
  bool Glued(size_t i) const {
    return i < tokens.size() && i > 0 && !tokens[i].space_before;
  }
};

// Decodes and tokenises. Invalid UTF-8 is an InvalidArgumentError naming the
// byte offset. Control characters count as whitespace.
StatusOr<Scan> ScanText(std::string_view utf8);

}  // namespace claimgraph::recognize_internal

#endif  // CLAIMGRAPH_RECOGNIZE_SCAN_H_
