// Text helpers for the DOT exporter (internal to src/export/).

#ifndef CLAIMGRAPH_EXPORT_DOT_TEXT_H_
#define CLAIMGRAPH_EXPORT_DOT_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace claimgraph::dot_internal {

// `text` with every invalid UTF-8 sequence (stray or missing continuation
// bytes, overlong forms, surrogates, code points above U+10FFFF) replaced by
// U+FFFD, one replacement per invalid byte. Valid text is returned as is.
std::string ValidUtf8(std::string_view text);

// The first `max_chars` code points of valid UTF-8 `text`; when text is
// longer, the first max_chars - 1 code points, trailing spaces removed,
// followed by "…" (so the result has at most max_chars code points).
// max_chars 0 keeps everything.
std::string TruncateUtf8(std::string_view text, size_t max_chars);

// `text` as a quoted DOT string for an escString attribute (label,
// tooltip), to be shown literally: invalid UTF-8 is replaced (ValidUtf8),
// `\` becomes `\\`, `"` becomes `\"`, `&` becomes `&amp;`, CR LF, CR and LF
// become `\n`, and other ASCII control characters become a space.
std::string QuoteDot(std::string_view text);

// Appends QuoteDot(text) without its quotes to `out`. Escaping pieces one by
// one equals escaping their concatenation unless a piece ends with CR and
// the next starts with LF.
void AppendEscapedDot(std::string_view text, std::string& out);

}  // namespace claimgraph::dot_internal

#endif  // CLAIMGRAPH_EXPORT_DOT_TEXT_H_
