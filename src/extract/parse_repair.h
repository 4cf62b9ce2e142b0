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

// "Officials detained 1,461 people last month, U.S. Attorney Jane Roe
// announced on Tuesday.", parsed with the trailing name as an apposition of
// a noun before the comma and the verb of saying as an adverbial clause: a
// sentence of reporting that ends in ", <proper nouns> <verb of saying>
// <its modifiers>." after a verbal root is re-read with the names as the
// verb's subject and the verb as a parataxis of the root (how UD attaches a
// trailing "X said"), so the root's clause is attributed to X. Words before
// the comma that hung on the trailing part move to the root. Returns true
// when it changed the tree.
bool RepairTrailingReport(Sentence* sentence);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_PARSE_REPAIR_H_
