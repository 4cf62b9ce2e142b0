// Repairs of parses that the tagger and parser get wrong in a way the
// claim rules can recognise (used by `claimgraph extract` only; `openie`
// keeps the parser's tree).

#ifndef CLAIMGRAPH_EXTRACT_PARSE_REPAIR_H_
#define CLAIMGRAPH_EXTRACT_PARSE_REPAIR_H_

#include "text/sentence.h"

namespace claimgraph {

// "Border Patrol agents searched license plate data ...", parsed with
// "agents" as the root and "searched" as a participle modifying "data": a
// sentence of reporting (closing punctuation) whose root is a noun without
// a copula, followed right away by a past-tense or participle verb that
// modifies a later noun attached to the root, is re-read with the verb as
// the root, the noun as its subject and the modified noun as its object.
// Returns true when it changed the tree.
bool RepairNounRoot(Sentence* sentence);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_PARSE_REPAIR_H_
