// Open information extraction in CaRB's format: propositions rendered as
// (relation, arg1, arg2, ...) strings of the sentence's words.

#ifndef CLAIMGRAPH_EXTRACT_OPENIE_H_
#define CLAIMGRAPH_EXTRACT_OPENIE_H_

#include <string>
#include <vector>

#include "extract/clauses.h"
#include "text/sentence.h"

namespace claimgraph {

struct OpenIeTuple {
  double confidence = 0;
  std::string relation;
  std::vector<std::string> arguments;  // arg1 (the subject) first.
  std::string rule;
};

// Renders the propositions of a parsed sentence. When the first argument is
// introduced by a preposition and there is no direct object, the preposition
// joins the relation ("taught at", "the University").
std::vector<OpenIeTuple> OpenIe(const Sentence& sentence);

// "sentence \t confidence \t relation \t arg1 \t arg2 ...", CaRB's format.
std::string FormatCarbLine(const std::string& sentence, const OpenIeTuple& t);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_OPENIE_H_
