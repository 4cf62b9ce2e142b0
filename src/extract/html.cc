#include "extract/html.h"

#include <cctype>
#include <cstdlib>
#include <set>

#include "base/ascii.h"

namespace claimgraph::html {
namespace {

void AppendUtf8(unsigned cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x110000) {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

const std::map<std::string, unsigned>& NamedEntities() {
  static const auto* entities = new std::map<std::string, unsigned>{
      {"amp", '&'},       {"lt", '<'},       {"gt", '>'},
      {"quot", '"'},      {"apos", '\''},    {"nbsp", ' '},
      {"mdash", 0x2014},  {"ndash", 0x2013}, {"rsquo", 0x2019},
      {"lsquo", 0x2018},  {"rdquo", 0x201D}, {"ldquo", 0x201C},
      {"hellip", 0x2026}, {"copy", 0xA9},    {"eacute", 0xE9},
      {"middot", 0xB7},   {"bull", 0x2022},  {"euro", 0x20AC},
      {"pound", 0xA3},    {"reg", 0xAE},     {"trade", 0x2122}};
  return *entities;
}

// Elements whose content is never story text.
const std::set<std::string>& SkippedElements() {
  static const auto* names = new std::set<std::string>{
      "script", "style",  "noscript", "nav", "header",   "footer", "aside",
      "form",   "button", "select",   "svg", "template", "iframe", "figure"};
  return *names;
}

// Elements that break lines.
bool IsBlock(const std::string& name) {
  static const auto* names = new std::set<std::string>{
      "p",     "div",     "br",      "li",         "ul",   "ol",
      "h1",    "h2",      "h3",      "h4",         "h5",   "h6",
      "tr",    "section", "article", "blockquote", "main", "body",
      "title", "table",   "dd",      "dt",         "hr",   "pre"};
  return names->contains(name);
}

struct Tag {
  std::string name;  // Lower case, without "/".
  bool closing = false;
  bool self_closing = false;
  std::map<std::string, std::string> attributes;
};

// Parses the tag starting at html[pos] == '<'; returns the position after it.
size_t ParseTag(std::string_view html, size_t pos, Tag* tag) {
  size_t end = html.find('>', pos);
  if (end == std::string_view::npos) end = html.size();
  std::string_view body = html.substr(pos + 1, end - pos - 1);
  size_t i = 0;
  if (i < body.size() && body[i] == '/') {
    tag->closing = true;
    ++i;
  }
  size_t name_start = i;
  while (i < body.size() &&
         !std::isspace(static_cast<unsigned char>(body[i])) && body[i] != '/') {
    ++i;
  }
  tag->name = AsciiLower(body.substr(name_start, i - name_start));
  tag->self_closing = !body.empty() && body.back() == '/';
  while (i < body.size()) {
    while (
        i < body.size() &&
        (std::isspace(static_cast<unsigned char>(body[i])) || body[i] == '/'))
      ++i;
    size_t key_start = i;
    while (i < body.size() && body[i] != '=' &&
           !std::isspace(static_cast<unsigned char>(body[i]))) {
      ++i;
    }
    std::string key = AsciiLower(body.substr(key_start, i - key_start));
    std::string value;
    if (i < body.size() && body[i] == '=') {
      ++i;
      char quote = i < body.size() ? body[i] : 0;
      if (quote == '"' || quote == '\'') {
        size_t close = body.find(quote, i + 1);
        if (close == std::string_view::npos) close = body.size();
        value = std::string(body.substr(i + 1, close - i - 1));
        i = close + 1;
      } else {
        size_t v = i;
        while (i < body.size() &&
               !std::isspace(static_cast<unsigned char>(body[i])))
          ++i;
        value = std::string(body.substr(v, i - v));
      }
    }
    if (!key.empty()) tag->attributes[key] = DecodeEntities(value);
  }
  return end + 1;
}

void ReadMeta(const Tag& tag, std::map<std::string, std::string>* meta) {
  auto get = [&](const char* key) {
    auto it = tag.attributes.find(key);
    return it == tag.attributes.end() ? std::string() : it->second;
  };
  if (tag.name == "link" && AsciiLower(get("rel")) == "canonical") {
    meta->emplace("url", get("href"));
    return;
  }
  if (tag.name != "meta") return;
  std::string key =
      AsciiLower(get("name").empty() ? get("property") : get("name"));
  std::string content = get("content");
  static const std::map<std::string, std::string> kKeys = {
      {"author", "author"},       {"article:author", "author"},
      {"og:title", "title"},      {"title", "title"},
      {"og:site_name", "outlet"}, {"outlet", "outlet"},
      {"og:url", "url"},          {"article:published_time", "published"},
      {"published", "published"}, {"date", "published"}};
  auto it = kKeys.find(key);
  if (it != kKeys.end() && !content.empty()) meta->emplace(it->second, content);
}

// Collapses spaces within lines and keeps at most one blank line.
std::string TidyText(const std::string& raw) {
  std::string out;
  int newlines = 0;
  bool space = false;
  for (char c : raw) {
    if (c == '\n') {
      ++newlines;
      space = false;
    } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
      space = true;
    } else {
      if (!out.empty()) {
        if (newlines > 0) {
          out += newlines > 1 ? "\n\n" : "\n";
        } else if (space) {
          out += ' ';
        }
      }
      newlines = 0;
      space = false;
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string DecodeEntities(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out += text[i];
      continue;
    }
    size_t semi = text.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out += '&';
      continue;
    }
    std::string name(text.substr(i + 1, semi - i - 1));
    unsigned cp = 0;
    bool ok = false;
    if (!name.empty() && name[0] == '#') {
      bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
      std::string digits = name.substr(hex ? 2 : 1);
      char* end = nullptr;
      unsigned long value = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
      ok = !digits.empty() && *end == '\0' && value > 0 && value < 0x110000;
      cp = static_cast<unsigned>(value);
    } else {
      auto it = NamedEntities().find(name);
      ok = it != NamedEntities().end();
      if (ok) cp = it->second;
    }
    if (!ok) {
      out += '&';
      continue;
    }
    AppendUtf8(cp == 0xA0 ? ' ' : cp, &out);
    i = semi;
  }
  return out;
}

Page ParsePage(std::string_view html) {
  Page page;
  std::string body_text, article_text, title_text;
  std::vector<std::string> articles;
  int skip_depth = 0, article_depth = 0;
  bool in_title = false;
  std::string skipped_name;
  for (size_t pos = 0; pos < html.size();) {
    if (html.compare(pos, 4, "<!--") == 0) {
      size_t end = html.find("-->", pos + 4);
      pos = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    if (html[pos] == '<' && pos + 1 < html.size() &&
        (std::isalpha(static_cast<unsigned char>(html[pos + 1])) ||
         html[pos + 1] == '/' || html[pos + 1] == '!')) {
      Tag tag;
      pos = ParseTag(html, pos, &tag);
      ReadMeta(tag, &page.meta);
      if (SkippedElements().contains(tag.name) && !tag.self_closing) {
        skip_depth += tag.closing ? -1 : 1;
        if (skip_depth < 0) skip_depth = 0;
        continue;
      }
      if (tag.name == "title") in_title = !tag.closing;
      if (tag.name == "article") {
        if (!tag.closing && article_depth++ == 0) article_text.clear();
        if (tag.closing && article_depth > 0 && --article_depth == 0) {
          articles.push_back(TidyText(article_text));
        }
      }
      if (skip_depth == 0 && IsBlock(tag.name)) {
        const char* brk = (tag.name == "br") ? "\n" : "\n\n";
        body_text += brk;
        if (article_depth > 0) article_text += brk;
      }
      continue;
    }
    size_t next = html.find('<', pos + 1);
    if (next == std::string_view::npos) next = html.size();
    std::string text = DecodeEntities(html.substr(pos, next - pos));
    pos = next;
    if (in_title) title_text += text;
    if (skip_depth > 0 || in_title) continue;
    body_text += text;
    if (article_depth > 0) article_text += text;
  }
  if (!title_text.empty()) page.meta.emplace("title", TidyText(title_text));
  for (std::string& a : articles) {
    if (!a.empty()) page.stories.push_back(std::move(a));
  }
  if (articles.empty()) page.stories.push_back(TidyText(body_text));
  return page;
}

}  // namespace claimgraph::html
