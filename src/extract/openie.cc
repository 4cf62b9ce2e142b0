#include "extract/openie.h"

#include <cstdio>

namespace claimgraph {
namespace {

std::string Join(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return a + " " + b;
}

}  // namespace

std::vector<OpenIeTuple> OpenIe(const Sentence& sentence) {
  std::vector<OpenIeTuple> out;
  for (const Proposition& p : ExtractPropositions(sentence)) {
    OpenIeTuple t;
    t.confidence = p.confidence;
    t.rule = p.rule;
    t.relation = WordsText(sentence, p.relation);
    if (t.relation.empty() && p.rule == "appos") t.relation = "is";
    t.arguments.push_back(PhraseText(sentence, p.subject));
    bool first = true;
    for (const Argument& a : p.arguments) {
      std::string text = PhraseText(sentence, a.phrase);
      if (first && !a.marker.empty() && a.role.rfind("obl", 0) == 0) {
        t.relation = Join(t.relation, a.marker);
      } else {
        text = Join(a.marker, text);
      }
      first = false;
      t.arguments.push_back(text);
    }
    if (t.arguments.size() < 2 || t.relation.empty()) continue;
    out.push_back(std::move(t));
  }
  return out;
}

std::string FormatCarbLine(const std::string& sentence, const OpenIeTuple& t) {
  char confidence[32];
  std::snprintf(confidence, sizeof(confidence), "%.4f", t.confidence);
  std::string line = sentence + "\t" + confidence + "\t" + t.relation;
  for (const std::string& a : t.arguments) line += "\t" + a;
  return line;
}

}  // namespace claimgraph
