#include "carb/text.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>

namespace claimgraph::carb {
namespace {

// The code point starting at text[pos] and its length in bytes; an invalid
// sequence is one byte with code point -1.
std::pair<int32_t, size_t> DecodeAt(std::string_view text, size_t pos) {
  const auto b0 = static_cast<unsigned char>(text[pos]);
  if (b0 < 0x80) return {b0, 1};
  size_t len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
  if (len == 0 || b0 > 0xF4 || pos + len > text.size()) return {-1, 1};
  int32_t cp = b0 & (0x7F >> len);
  for (size_t i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(text[pos + i]);
    if ((b & 0xC0) != 0x80) return {-1, 1};
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, len};
}

// Python's str.isspace() for one code point.
bool IsPythonSpace(int32_t cp) {
  return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20) ||
         cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

// Python's string.punctuation.
bool IsAsciiPunctuation(char c) {
  static constexpr std::string_view kPunct =
      "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
  return kPunct.find(c) != std::string_view::npos;
}

// Python's str.replace(from, to): left to right, non-overlapping.
std::string ReplaceAll(std::string_view text, std::string_view from,
                       std::string_view to) {
  std::string out;
  size_t pos = 0;
  for (size_t hit; (hit = text.find(from, pos)) != std::string_view::npos;
       pos = hit + from.size()) {
    out.append(text.substr(pos, hit - pos)).append(to);
  }
  out.append(text.substr(pos));
  return out;
}

}  // namespace

std::vector<std::string> SplitWhitespace(std::string_view text) {
  std::vector<std::string> tokens;
  size_t start = std::string_view::npos;
  for (size_t pos = 0; pos < text.size();) {
    auto [cp, len] = DecodeAt(text, pos);
    if (IsPythonSpace(cp)) {
      if (start != std::string_view::npos) {
        tokens.emplace_back(text.substr(start, pos - start));
        start = std::string_view::npos;
      }
    } else if (start == std::string_view::npos) {
      start = pos;
    }
    pos += len;
  }
  if (start != std::string_view::npos) tokens.emplace_back(text.substr(start));
  return tokens;
}

std::string_view StripWhitespace(std::string_view text) {
  size_t begin = 0;
  size_t end = 0;  // One past the last non-space code point.
  bool seen = false;
  for (size_t pos = 0; pos < text.size();) {
    auto [cp, len] = DecodeAt(text, pos);
    if (!IsPythonSpace(cp)) {
      if (!seen) begin = pos;
      seen = true;
      end = pos + len;
    }
    pos += len;
  }
  return seen ? text.substr(begin, end - begin) : std::string_view();
}

std::vector<std::string> SplitTabs(std::string_view text) {
  std::vector<std::string> fields;
  size_t pos = 0;
  for (size_t tab; (tab = text.find('\t', pos)) != std::string_view::npos;
       pos = tab + 1) {
    fields.emplace_back(text.substr(pos, tab - pos));
  }
  fields.emplace_back(text.substr(pos));
  return fields;
}

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    if (text[pos] != '\n' && text[pos] != '\r') continue;
    lines.emplace_back(text.substr(start, pos - start));
    if (text[pos] == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n') {
      ++pos;
    }
    start = pos + 1;
  }
  if (start < text.size()) lines.emplace_back(text.substr(start));
  return lines;
}

std::optional<double> ParseConfidence(std::string_view text) {
  text = StripWhitespace(text);
  if (text.starts_with('+')) text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(),
                                   value, std::chars_format::general);
  if (ec != std::errc() || end != text.data() + text.size() ||
      std::isnan(value)) {
    return std::nullopt;
  }
  return value;
}

std::string NormalizeSentenceKey(std::string_view sentence) {
  std::string key = ReplaceAll(sentence, " ", "");
  static constexpr std::pair<std::string_view, std::string_view> kEscapes[] = {
      {"-LRB-", "("}, {"-RRB-", ")"}, {"-LSB-", "["},
      {"-RSB-", "]"}, {"-LCB-", "{"}, {"-RCB-", "}"}};
  for (const auto& [escape, bracket] : kEscapes) {
    key = ReplaceAll(key, escape, bracket);
  }
  std::erase_if(key, IsAsciiPunctuation);
  return key;
}

std::string FormatDouble(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  // Shortest round-trip digits, then laid out the way repr() does: fixed
  // notation for exponents -4..15, scientific otherwise.
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof(buf), value,
                           std::chars_format::scientific);
  std::string sci(buf, res.ptr);
  const size_t e = sci.find('e');
  const int exponent = std::atoi(sci.c_str() + e + 1);
  std::string sign = sci[0] == '-' ? "-" : "";
  std::string digits;
  for (size_t i = sign.size(); i < e; ++i) {
    if (sci[i] != '.') digits += sci[i];
  }
  if (exponent < -4 || exponent >= 16) {
    std::string mantissa = digits.substr(0, 1);
    if (digits.size() > 1) mantissa += "." + digits.substr(1);
    std::string exp = std::to_string(std::abs(exponent));
    if (exp.size() < 2) exp = "0" + exp;
    return sign + mantissa + (exponent < 0 ? "e-" : "e+") + exp;
  }
  if (exponent < 0) {
    return sign + "0." + std::string(-exponent - 1, '0') + digits;
  }
  const size_t int_digits = static_cast<size_t>(exponent) + 1;
  if (digits.size() <= int_digits) {
    return sign + digits + std::string(int_digits - digits.size(), '0') + ".0";
  }
  return sign + digits.substr(0, int_digits) + "." + digits.substr(int_digits);
}

}  // namespace claimgraph::carb
