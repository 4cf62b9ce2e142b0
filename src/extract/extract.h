// Claims from news articles: the public entry point of src/extract.
//
// An article's stories are tokenised and parsed (src/text), quantities,
// dates and acronyms recognised (src/recognize), propositions extracted
// from each parse (clauses.h), and each proposition whose subject resolves
// to an entity and whose object resolves to an entity or a quantity becomes
// a Claim with its evidence (the exact sentence, its offsets, the source),
// attribution, qualifiers, confidence and the id of the rule that made it.
// See docs/extraction.md.

#ifndef CLAIMGRAPH_EXTRACT_EXTRACT_H_
#define CLAIMGRAPH_EXTRACT_EXTRACT_H_

#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "claimgraph.pb.h"
#include "extract/article.h"
#include "extract/lexicon.h"
#include "text/pipeline.h"

namespace claimgraph {

struct ExtractedClaim {
  Claim claim;
  // For --explain: the rule and the parse (CoNLL-U) it used.
  std::string rule;
  std::string parse;
  // For claims read from a noun phrase: the sentence word (1-based) they
  // were read from, or 0.
  int word = 0;
};

// Lines of a story that state no claim (extract.cc): a line without
// closing punctuation (a headline, a caption), and a short capitalised
// fragment ("JENA, La.") before a sentence that opens with a dash.
bool IsHeadline(const Sentence& sentence);
bool IsDatelineFragment(const Sentence& sentence, const Sentence* next);

class ClaimExtractor {
 public:
  // Loads the models (src/text) and lexicons.
  static StatusOr<std::unique_ptr<ClaimExtractor>> Load(
      const std::string& model_dir, const std::string& lexicon_dir);
  // From parts already loaded (tests).
  ClaimExtractor(std::unique_ptr<Pipeline> pipeline, Lexicon lexicon);

  // The claims of every story of the article. Relative dates resolve
  // against the article's published date (or none when it has none).
  StatusOr<std::vector<ExtractedClaim>> Extract(const Article& article) const;

 private:
  std::unique_ptr<Pipeline> pipeline_;
  Lexicon lexicon_;
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_EXTRACT_H_
