#include "extract/parse_repair.h"

#include <string>

namespace claimgraph {

bool RepairNounRoot(Sentence* sentence) {
  auto& words = sentence->words;
  int n = static_cast<int>(words.size());
  if (n < 4 || words.back().upos != "PUNCT" ||
      (words.back().form != "." && words.back().form != "!"))
    return false;
  int root = 0;
  for (int i = 1; i <= n; ++i) {
    if (words[i - 1].head == 0) root = root == 0 ? i : -1;
  }
  if (root <= 0 || root >= n || words[root - 1].upos != "NOUN") return false;
  for (const Word& w : words) {
    if (w.head == root && (w.deprel == "cop" || w.deprel == "nsubj"))
      return false;
  }
  int verb = root + 1;
  Word& v = words[verb - 1];
  if (v.upos != "VERB" || (v.xpos != "VBD" && v.xpos != "VBN") ||
      v.deprel != "amod" || v.head <= verb)
    return false;
  int object = v.head;
  if (words[object - 1].upos != "NOUN" || words[object - 1].head != root)
    return false;
  // The verb heads the clause; the rest of the root's right side hangs on
  // it (a noun modifier of a noun becomes an oblique of the verb).
  for (int k = verb + 1; k <= n; ++k) {
    Word& w = words[k - 1];
    if (w.head != root) continue;
    w.head = verb;
    if (w.deprel == "nmod") w.deprel = "obl";
  }
  words[object - 1].deprel = "obj";
  v.head = 0;
  v.deprel = "root";
  v.xpos = "VBD";
  words[root - 1].head = verb;
  words[root - 1].deprel = "nsubj";
  return true;
}

}  // namespace claimgraph
