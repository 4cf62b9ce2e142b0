#include "recognize/scan.h"

#include <string>

#include "recognize/lexicon.h"

namespace claimgraph::recognize_internal {
namespace {

// Decodes one code point at `i`; returns its length or 0 if invalid.
int DecodeOne(std::string_view s, size_t i, uint32_t* cp) {
  unsigned char c = s[i];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  int len;
  uint32_t v;
  if ((c & 0xE0) == 0xC0) {
    len = 2;
    v = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3;
    v = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4;
    v = c & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (int k = 1; k < len; ++k) {
    unsigned char cc = s[i + k];
    if ((cc & 0xC0) != 0x80) return 0;
    v = (v << 6) | (cc & 0x3F);
  }
  // Reject overlong forms, surrogates and values beyond U+10FFFF.
  static constexpr uint32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (v < kMin[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  *cp = v;
  return len;
}

bool IsSpace(uint32_t cp) {
  return cp <= 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0xA0 ||
         cp == 0x2007 || cp == 0x202F || cp == 0x3000 ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 ||
         cp == 0xFEFF;
}

bool IsAsciiLetter(uint32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

// Non-ASCII code points that are symbols or punctuation, not letters. The
// list is small on purpose: what matters are currency signs, dashes, quotes
// and vulgar fractions.
bool IsNonAsciiPunct(uint32_t cp) {
  return (cp >= 0x2010 && cp <= 0x206F) ||  // Dashes, quotes, bullets.
         (cp >= 0x20A0 && cp <= 0x20CF) ||  // Currency signs.
         (cp >= 0x00A1 && cp <= 0x00BF) ||  // ¢ £ ¥ « » ½ ¼ ¾ ...
         cp == 0x00D7 || cp == 0x00F7 ||    // × ÷
         (cp >= 0x2150 && cp <= 0x218F) ||  // Vulgar fractions.
         (cp >= 0x2190 && cp <= 0x22FF) ||  // Arrows, maths.
         (cp >= 0x3000 && cp <= 0x303F) ||  // CJK punctuation.
         (cp >= 0xFF01 && cp <= 0xFF0F);
}

enum class Class { kSpace, kDigit, kLetter, kPunct };

Class Classify(uint32_t cp) {
  if (IsSpace(cp)) return Class::kSpace;
  if (cp >= '0' && cp <= '9') return Class::kDigit;
  if (IsAsciiLetter(cp)) return Class::kLetter;
  if (cp < 0x80 || IsNonAsciiPunct(cp)) return Class::kPunct;
  return Class::kLetter;
}

}  // namespace

StatusOr<Scan> ScanText(std::string_view utf8) {
  Scan scan;
  scan.utf8 = utf8;
  std::vector<uint32_t> cps;
  cps.reserve(utf8.size());
  scan.byte_offset.reserve(utf8.size() + 1);
  for (size_t i = 0; i < utf8.size();) {
    uint32_t cp;
    int len = DecodeOne(utf8, i, &cp);
    if (len == 0) {
      return InvalidArgumentError("invalid UTF-8 at byte " + std::to_string(i));
    }
    scan.byte_offset.push_back(static_cast<int>(i));
    cps.push_back(cp);
    i += len;
  }
  scan.byte_offset.push_back(static_cast<int>(utf8.size()));

  const int n = static_cast<int>(cps.size());
  bool space = false;
  for (int i = 0; i < n;) {
    Class c = Classify(cps[i]);
    if (c == Class::kSpace) {
      space = true;
      ++i;
      continue;
    }
    int j = i + 1;
    if (c != Class::kPunct) {
      while (j < n && Classify(cps[j]) == c) ++j;
    }
    Token t;
    t.kind = c == Class::kDigit    ? TokenKind::kDigits
             : c == Class::kLetter ? TokenKind::kWord
                                   : TokenKind::kPunct;
    t.begin = i;
    t.end = j;
    t.space_before = space;
    std::string_view raw = scan.Slice(i, j);
    t.lower.assign(raw);
    bool all_upper = c == Class::kLetter;
    for (char& ch : t.lower) {
      if (ch >= 'A' && ch <= 'Z') {
        ch = static_cast<char>(ch - 'A' + 'a');
      } else if (ch >= 'a' && ch <= 'z') {
        all_upper = false;
      } else if (static_cast<unsigned char>(ch) >= 0x80) {
        all_upper = false;
      }
    }
    t.all_upper = all_upper;
    t.upper_initial = c == Class::kLetter && raw[0] >= 'A' && raw[0] <= 'Z';
    if (c == Class::kLetter) t.lex = LexiconBits(t.lower);
    scan.tokens.push_back(std::move(t));
    space = false;
    i = j;
  }
  return scan;
}

}  // namespace claimgraph::recognize_internal
