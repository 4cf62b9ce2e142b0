#include "export/dot_text.h"

#include <cstdint>

namespace claimgraph::dot_internal {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";     // U+2026

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the valid UTF-8 sequence at text[pos], or 0 if invalid.
size_t ValidSequenceLength(std::string_view text, size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) return 1;
  size_t length = 0;
  uint32_t code_point = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    code_point = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    code_point = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    code_point = lead & 0x07;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  for (size_t i = 1; i < length; ++i) {
    const auto c = static_cast<unsigned char>(text[pos + i]);
    if (!IsContinuation(c)) return 0;
    code_point = (code_point << 6) | (c & 0x3F);
  }
  static constexpr uint32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
  if (code_point < kMinimum[length]) return 0;  // Overlong.
  if (code_point >= 0xD800 && code_point <= 0xDFFF) return 0;
  if (code_point > 0x10FFFF) return 0;
  return length;
}

bool IsAscii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

std::string ValidUtf8(std::string_view text) {
  if (IsAscii(text)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t length = ValidSequenceLength(text, pos);
    if (length == 0) {
      out += kReplacement;
      ++pos;
    } else {
      out.append(text.substr(pos, length));
      pos += length;
    }
  }
  return out;
}

std::string TruncateUtf8(std::string_view text, size_t max_chars) {
  if (max_chars == 0) return std::string(text);
  size_t chars = 0;
  size_t keep_end = 0;  // Byte end of the first max_chars - 1 code points.
  for (size_t pos = 0; pos < text.size(); ++pos) {
    if (IsContinuation(static_cast<unsigned char>(text[pos]))) continue;
    if (chars == max_chars - 1) keep_end = pos;
    if (++chars > max_chars) {
      std::string out(text.substr(0, keep_end));
      while (!out.empty() && out.back() == ' ') out.pop_back();
      out += kEllipsis;
      return out;
    }
  }
  return std::string(text);
}

void AppendEscapedDot(std::string_view text, std::string& out) {
  size_t i = 0;
  while (i < text.size()) {
    // Runs of bytes that need no escaping are copied whole.
    size_t plain = i;
    while (plain < text.size()) {
      const auto c = static_cast<unsigned char>(text[plain]);
      if (c < 0x20 || c >= 0x7F || c == '\\' || c == '"' || c == '&') break;
      ++plain;
    }
    out.append(text.data() + i, plain - i);
    i = plain;
    if (i == text.size()) break;
    const char c = text[i];
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      // Valid sequences hold no ASCII bytes, so validating while escaping
      // equals escaping ValidUtf8(text).
      const size_t length = ValidSequenceLength(text, i);
      if (length == 0) {
        out += kReplacement;
        ++i;
      } else {
        out.append(text.data() + i, length);
        i += length;
      }
      continue;
    }
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '&':
        out += "&amp;";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n':
        out += "\\n";
        break;
      default:  // Other control characters, and DEL.
        out += ' ';
    }
    ++i;
  }
}

std::string QuoteDot(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  AppendEscapedDot(text, out);
  out += '"';
  return out;
}

}  // namespace claimgraph::dot_internal
