// Article handling shared by `extract` and `load`: metadata flags, reading
// an article, and resolving relative dates against its publication date.

#ifndef CLAIMGRAPH_TOOLS_CLAIMGRAPH_ARTICLES_H_
#define CLAIMGRAPH_TOOLS_CLAIMGRAPH_ARTICLES_H_

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "extract/extract.h"

namespace claimgraph::cli {

struct ArticleFlags {
  std::string outlet, published, url, title, author;
  std::string models;    // Model directory; default DefaultModelDir().
  std::string lexicons;  // Lexicon directory; default DefaultLexiconDir().
};

// Adds --outlet, --published, --url, --title, --author, --models, --lexicons.
void AddArticleFlags(CLI::App& app, ArticleFlags* flags);

StatusOr<std::unique_ptr<ClaimExtractor>> LoadExtractor(
    const ArticleFlags& flags);

// Reads an article with the flags' metadata; without a published date, the
// file's modification date is used and a warning printed to stderr.
StatusOr<Article> ReadArticleWithFlags(const std::string& path,
                                       const ArticleFlags& flags);

// Files named on the command line, with directories expanded to the claim
// and article files inside them, in name order; inside directories, gold
// files (*.gold.*) and README files are left out.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& paths,
                                      bool with_claim_files);

}  // namespace claimgraph::cli

#endif  // CLAIMGRAPH_TOOLS_CLAIMGRAPH_ARTICLES_H_
