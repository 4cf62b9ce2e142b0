#include "extract/article.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/ascii.h"
#include "extract/html.h"
#include "model/claim.h"

namespace claimgraph {
namespace {

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

// Checks UTF-8 well-formedness; returns the byte offset of the first error
// or npos.
size_t InvalidUtf8At(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80         ? 1
              : (c >> 5) == 6  ? 2
              : (c >> 4) == 14 ? 3
              : (c >> 3) == 30 ? 4
                               : 0;
    if (len == 0 || i + len > s.size()) return i;
    for (int k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

void SetField(const std::string& key, const std::string& value, Source* source,
              std::vector<std::string>* warnings, std::string_view where) {
  if (key == "title") {
    source->set_title(value);
  } else if (key == "outlet") {
    source->set_outlet(value);
  } else if (key == "author") {
    source->set_author(value);
  } else if (key == "url") {
    source->set_url(value);
  } else if (key == "published") {
    source->set_published(value.substr(0, 10));
  } else if (key == "retrieved") {
    source->set_retrieved(value.substr(0, 10));
  } else {
    warnings->push_back(std::string(where) + ": unknown front-matter key \"" +
                        key + "\" ignored");
  }
}

// Reads a front-matter block at the top; returns the rest of the content.
std::string_view TakeFrontMatter(std::string_view content,
                                 std::string_view name, Source* source,
                                 std::vector<std::string>* warnings) {
  if (content.substr(0, 3) != "---") return content;
  size_t line_end = content.find('\n');
  if (line_end == std::string_view::npos ||
      Trim(content.substr(0, line_end)) != "---") {
    return content;
  }
  size_t pos = line_end + 1;
  int line = 2;
  while (pos < content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string text = Trim(content.substr(pos, end - pos));
    pos = end + 1;
    if (text == "---") return content.substr(std::min(pos, content.size()));
    size_t colon = text.find(':');
    std::string where = std::string(name) + ":" + std::to_string(line++);
    if (colon == std::string::npos) {
      if (!text.empty())
        warnings->push_back(where + ": expected \"key: value\"");
      continue;
    }
    std::string value = Trim(text.substr(colon + 1));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front()) {
      value = value.substr(1, value.size() - 2);
    }
    SetField(AsciiLower(Trim(text.substr(0, colon))), value, source, warnings,
             where);
  }
  warnings->push_back(std::string(name) +
                      ": front matter has no closing \"---\"");
  return content;
}

// Markdown inline markup to plain text: links, images, emphasis, headings,
// quotes and list markers.
std::string MarkdownLine(std::string_view line) {
  std::string s = Trim(line);
  size_t hashes = s.find_first_not_of('#');
  if (hashes != std::string::npos && hashes > 0 && hashes < s.size() &&
      s[hashes] == ' ') {
    s = s.substr(hashes + 1);
  }
  if (s.rfind("> ", 0) == 0) s = s.substr(2);
  if (s.rfind("- ", 0) == 0 || s.rfind("* ", 0) == 0 || s.rfind("+ ", 0) == 0) {
    s = s.substr(2);
  }
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    bool image = s[i] == '!' && i + 1 < s.size() && s[i + 1] == '[';
    if (s[i] == '[' || image) {
      size_t open = image ? i + 1 : i;
      size_t close = s.find("](", open);
      size_t paren = close == std::string::npos ? close : s.find(')', close);
      if (paren != std::string::npos) {
        if (!image) out += s.substr(open + 1, close - open - 1);
        i = paren;
        continue;
      }
    }
    if (s[i] == '*' || s[i] == '`' ||
        (s[i] == '_' &&
         (i == 0 || i + 1 == s.size() || s[i - 1] == ' ' || s[i + 1] == ' '))) {
      continue;
    }
    out += s[i];
  }
  return out;
}

bool IsStoryBreak(const std::string& line) {
  return line == "* * *" || line == "***" || line == "---";
}

// Splits text or Markdown into stories at story-break lines.
std::vector<Story> SplitStories(std::string_view body, bool markdown) {
  std::vector<Story> stories(1);
  std::istringstream in{std::string(body)};
  std::string line;
  while (std::getline(in, line)) {
    std::string trimmed = Trim(line);
    if (IsStoryBreak(trimmed)) {
      if (!Trim(stories.back().text).empty()) stories.emplace_back();
      continue;
    }
    if (markdown && trimmed.rfind("# ", 0) == 0 &&
        stories.back().title.empty() && Trim(stories.back().text).empty()) {
      stories.back().title = MarkdownLine(trimmed);
    }
    stories.back().text += (markdown ? MarkdownLine(line) : Trim(line)) + "\n";
  }
  std::vector<Story> out;
  for (Story& s : stories) {
    size_t b = s.text.find_first_not_of(" \t\r\n");
    size_t e = s.text.find_last_not_of(" \t\r\n");
    s.text = b == std::string::npos ? "" : s.text.substr(b, e - b + 1);
    if (!s.text.empty()) out.push_back(std::move(s));
  }
  return out;
}

void Override(const Source& overrides, Source* source) {
  if (!overrides.title().empty()) source->set_title(overrides.title());
  if (!overrides.outlet().empty()) source->set_outlet(overrides.outlet());
  if (!overrides.author().empty()) source->set_author(overrides.author());
  if (!overrides.url().empty()) source->set_url(overrides.url());
  if (!overrides.published().empty())
    source->set_published(overrides.published());
  if (!overrides.retrieved().empty())
    source->set_retrieved(overrides.retrieved());
}

std::string Fnv1a64Hex(std::string_view data) {
  uint64_t hash = 1469598103934665603ULL;
  for (unsigned char c : data) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  char buf[32];
  std::snprintf(buf, sizeof(buf), "fnv1a64:%016llx",
                static_cast<unsigned long long>(hash));
  return buf;
}

}  // namespace

StatusOr<ArticleKind> ArticleKindFor(std::string_view path) {
  std::string ext =
      AsciiLower(std::filesystem::path(path).extension().string());
  if (ext == ".txt") return ArticleKind::kText;
  if (ext == ".md" || ext == ".markdown") return ArticleKind::kMarkdown;
  if (ext == ".html" || ext == ".htm") return ArticleKind::kHtml;
  return InvalidArgumentError(std::string(path) +
                              ": not an article (expected .txt, .md or .html)");
}

bool IsArticlePath(std::string_view path) { return ArticleKindFor(path).ok(); }

StatusOr<Article> ParseArticle(std::string_view content, std::string_view name,
                               ArticleKind kind, const Source& overrides) {
  if (content.find('\0') != std::string_view::npos) {
    return InvalidArgumentError(std::string(name) +
                                ": binary data (NUL bytes), not an article");
  }
  if (size_t bad = InvalidUtf8At(content); bad != std::string_view::npos) {
    return InvalidArgumentError(std::string(name) + ": invalid UTF-8 at byte " +
                                std::to_string(bad));
  }
  Article article;
  article.path = std::string(name);
  std::string_view body =
      TakeFrontMatter(content, name, &article.source, &article.warnings);
  if (kind == ArticleKind::kHtml) {
    html::Page page = html::ParsePage(body);
    for (const auto& [key, value] : page.meta) {
      if (key == "title" && !article.source.title().empty()) continue;
      SetField(key, value, &article.source, &article.warnings, name);
    }
    for (std::string& text : page.stories) {
      if (!text.empty()) article.stories.push_back({"", std::move(text)});
    }
  } else {
    article.stories = SplitStories(body, kind == ArticleKind::kMarkdown);
  }
  Override(overrides, &article.source);
  article.source.set_content_hash(Fnv1a64Hex(content));
  article.source.set_document_id(
      article.source.url().empty() ? std::string(name) : article.source.url());
  return article;
}

StatusOr<Article> ReadArticle(const std::string& path,
                              const Source& overrides) {
  CG_ASSIGN_OR_RETURN(ArticleKind kind, ArticleKindFor(path));
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError(path + ": cannot open");
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return IoError(path + ": read error");
  return ParseArticle(content.str(), path, kind, overrides);
}

}  // namespace claimgraph
