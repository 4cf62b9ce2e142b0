#include "extract/parse_repair_internal.h"

#include <algorithm>

namespace claimgraph {
namespace repair_internal {

bool IsNominal(const Word& w) { return w.upos == "NOUN" || w.upos == "PROPN"; }

bool HasDependent(const std::vector<Word>& words, int head,
                  const std::string& deprel) {
  for (const Word& w : words) {
    if (w.head == head && w.deprel == deprel) return true;
  }
  return false;
}

bool HasDependentStartingWith(const std::vector<Word>& words, int head,
                              const std::string& prefix) {
  for (const Word& w : words) {
    if (w.head == head && w.deprel.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

std::pair<int, int> Span(const std::vector<Word>& words, int top) {
  int first = top, last = top;
  for (int k = 1; k <= static_cast<int>(words.size()); ++k) {
    int h = k;
    for (int guard = 0; h != 0 && h != top && guard < 200; ++guard)
      h = words[h - 1].head;
    if (h != top) continue;
    first = std::min(first, k);
    last = std::max(last, k);
  }
  while (first < top && words[first - 1].form == ",") ++first;
  while (last > top && words[last - 1].form == ",") --last;
  return {first, last};
}

}  // namespace repair_internal
}  // namespace claimgraph
