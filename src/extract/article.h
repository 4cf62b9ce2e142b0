// Reading news articles: plain text (.txt), Markdown (.md) and HTML (.html,
// .htm) files, with their metadata, into the plain text that extraction
// reads.
//
// Metadata comes from, in increasing priority: the file itself (a
// front-matter block, or <meta>/<title>/<link rel=canonical> in HTML; see
// docs/extraction.md), then `overrides` (command-line flags). A front-matter
// block is the first lines of the file between two lines "---", holding
// "key: value" lines with keys title, outlet, author, url, published,
// retrieved.
//
// A page may hold several stories: each HTML <article> element is one; in
// text and Markdown a line "* * *" or "---" (after the front matter)
// separates stories. Everything outside <article> elements is ignored when a
// page has any; <script>, <style>, <nav>, <header>, <footer>, <aside>,
// <form> and comments are always dropped.

#ifndef CLAIMGRAPH_EXTRACT_ARTICLE_H_
#define CLAIMGRAPH_EXTRACT_ARTICLE_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "claimgraph.pb.h"

namespace claimgraph {

enum class ArticleKind { kText, kMarkdown, kHtml };

struct Story {
  std::string title;  // A heading found at its top, if any.
  std::string text;   // Plain UTF-8 text; paragraphs separated by "\n\n".
};

struct Article {
  std::string path;
  Source source;  // document_id filled (url, else the path).
  std::vector<Story> stories;
  std::vector<std::string> warnings;  // E.g. an unknown front-matter key.
};

// The kind by file extension; InvalidArgument for other extensions.
StatusOr<ArticleKind> ArticleKindFor(std::string_view path);

// True when `path` has an article extension (.txt, .md, .html, .htm).
bool IsArticlePath(std::string_view path);

// Parses article content. InvalidArgument (naming `name`) for binary data
// (NUL bytes) or invalid UTF-8.
StatusOr<Article> ParseArticle(std::string_view content, std::string_view name,
                               ArticleKind kind, const Source& overrides);

// Reads and parses a file.
StatusOr<Article> ReadArticle(const std::string& path, const Source& overrides);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_ARTICLE_H_
