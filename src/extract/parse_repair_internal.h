// Helpers shared by the attachment repairs (parse_repair*.cc): questions
// about a parse's words, which are 1-based heads as in CoNLL-U (0 = root).
// Not a public API.

#ifndef CLAIMGRAPH_EXTRACT_PARSE_REPAIR_INTERNAL_H_
#define CLAIMGRAPH_EXTRACT_PARSE_REPAIR_INTERNAL_H_

#include <string>
#include <utility>
#include <vector>

#include "text/sentence.h"

namespace claimgraph {
namespace repair_internal {

// A noun or a proper noun.
bool IsNominal(const Word& w);

// True when some word has `head` as its head and `deprel` as its relation.
bool HasDependent(const std::vector<Word>& words, int head,
                  const std::string& deprel);

// True when some word has `head` as its head and a relation starting with
// `prefix` ("nsubj" also finds "nsubj:pass").
bool HasDependentStartingWith(const std::vector<Word>& words, int head,
                              const std::string& prefix);

// The first and last word (1-based) of the subtree of `top`, without the
// commas at its edges.
std::pair<int, int> Span(const std::vector<Word>& words, int top);

}  // namespace repair_internal
}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_PARSE_REPAIR_INTERNAL_H_
