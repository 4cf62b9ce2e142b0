// The --check mode of claimgraph-gold-eval: every gold file parses, names
// its article, and every evidence sentence occurs verbatim in the article.

#ifndef CLAIMGRAPH_TOOLS_GOLD_EVAL_GOLD_CHECK_H_
#define CLAIMGRAPH_TOOLS_GOLD_EVAL_GOLD_CHECK_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/status.h"
#include "claimgraph.pb.h"

namespace claimgraph {

// An article's metadata: the front-matter block ("---" lines with
// "key: value") or, in HTML, the <meta> tags og:title, og:site_name,
// author, og:url and article:published_time.
std::map<std::string, std::string> ReadArticleMetadata(const std::string& text);

// The text of an article as a reader sees it, by extension: ".md" without
// link targets and emphasis markers ("[Anduril](url)" -> "Anduril"),
// ".html" without scripts, styles and tags, with entities decoded; other
// files unchanged. Evidence sentences are looked up in this text.
std::string ArticlePlainText(const std::string& path, const std::string& text);

// The article beside a gold file: NAME.gold.jsonl -> NAME.txt, NAME.md or
// NAME.html (exactly one must exist).
StatusOr<std::string> ArticleFor(const std::string& gold_path);

// Problems with one gold claim of `article_text` (empty when it is fine).
// `predicates` is the set of canonical predicates; empty means unchecked.
std::vector<std::string> CheckGoldClaim(
    const Claim& claim, const std::string& article_text,
    const std::map<std::string, std::string>& metadata,
    const std::set<std::string>& predicates);

// Checks every claim of one gold file against its article (ArticleFor) and
// appends "file:line: problem" to `problems`. Returns the number of claims;
// an error when the file does not parse or has no article.
StatusOr<int> CheckGoldFile(const std::string& gold_path,
                            const std::set<std::string>& predicates,
                            std::vector<std::string>* problems);

// The canonical predicates (second column) of a predicates.tsv lexicon.
StatusOr<std::set<std::string>> ReadCanonicalPredicates(
    const std::string& path);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_TOOLS_GOLD_EVAL_GOLD_CHECK_H_
