// A small, forgiving HTML-to-text converter for news pages (internal to
// src/extract). Not a full HTML5 parser: it scans tags, drops the content of
// non-text elements, turns block elements into line breaks, and decodes
// character references.

#ifndef CLAIMGRAPH_EXTRACT_HTML_H_
#define CLAIMGRAPH_EXTRACT_HTML_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::html {

struct Page {
  // Metadata: "title", "author", "outlet", "url", "published".
  std::map<std::string, std::string> meta;
  // The text of each <article> element, or of the <body> when there is
  // none; paragraphs separated by blank lines.
  std::vector<std::string> stories;
};

Page ParsePage(std::string_view html);

// Decodes &amp; &lt; &#8217; &#x2014; &nbsp; ... (unknown ones are kept).
std::string DecodeEntities(std::string_view text);

}  // namespace claimgraph::html

#endif  // CLAIMGRAPH_EXTRACT_HTML_H_
