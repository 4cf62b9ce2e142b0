// Reading and writing CoNLL-U (https://universaldependencies.org/format.html).

#ifndef CLAIMGRAPH_TEXT_CONLLU_H_
#define CLAIMGRAPH_TEXT_CONLLU_H_

#include <istream>
#include <ostream>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "text/sentence.h"

namespace claimgraph {

// Reads every sentence of a CoNLL-U stream. `name` (usually the file name)
// prefixes error messages: "name:LINE: ...". Fields are kept verbatim ("_"
// included) except HEAD, where "_" becomes -1. Comment lines are stored
// without "# "; a "# text = ..." comment also sets Sentence::text.
// Multiword token lines ("3-4") and empty nodes ("5.1") are kept.
// InvalidArgumentError for: a line without 10 tab-separated columns, word
// ids that are not 1, 2, 3... in order, a bad range or empty-node id, a HEAD
// that is not "_" or an integer in [0, number of words], a HEAD equal to the
// word's own id. The last sentence need not end with a blank line.
StatusOr<std::vector<Sentence>> ReadConllu(std::istream& in,
                                           std::string_view name);

// Writes one sentence followed by a blank line: comments ("# " + comment;
// "# text = " + text first when no comment starts with "text = " and text
// is not empty), then multiword token lines before their first word, words,
// and empty nodes after the word they follow. Empty fields print as "_",
// HEAD -1 as "_".
void WriteConllu(const Sentence& sentence, std::ostream& out);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_TEXT_CONLLU_H_
