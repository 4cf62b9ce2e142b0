#include "scores.h"

#include <cassert>
#include <cstdio>
#include <string_view>

namespace claimgraph {
namespace {
std::string_view Universal(std::string_view deprel) {
  return deprel.substr(0, deprel.find(':'));
}
}  // namespace

std::string Scores::ToString() const {
  char buf[200];
  std::snprintf(buf, sizeof(buf),
                "UPOS %.2f XPOS %.2f lemma %.2f UAS %.2f LAS %.2f (%ld words)",
                Pct(upos), Pct(xpos), Pct(lemma), Pct(uas), Pct(las), words);
  return buf;
}

Scores Score(const std::vector<Sentence>& predicted,
             const std::vector<Sentence>& gold) {
  assert(predicted.size() == gold.size());
  Scores s;
  for (size_t i = 0; i < gold.size(); ++i) {
    assert(predicted[i].words.size() == gold[i].words.size());
    for (size_t j = 0; j < gold[i].words.size(); ++j) {
      const Word& p = predicted[i].words[j];
      const Word& g = gold[i].words[j];
      ++s.words;
      s.upos += p.upos == g.upos;
      s.xpos += p.xpos == g.xpos;
      s.lemma += p.lemma == g.lemma;
      if (p.head == g.head) {
        ++s.uas;
        s.las += Universal(p.deprel) == Universal(g.deprel);
      }
    }
  }
  return s;
}

}  // namespace claimgraph
