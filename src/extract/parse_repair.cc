#include "extract/parse_repair.h"

#include <string>
#include <vector>

#include "extract/clauses.h"

namespace claimgraph {
namespace {

// The 1-based index of the only root, or 0.
int OnlyRoot(const std::vector<Word>& words) {
  int root = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i].head != 0) continue;
    if (root != 0) return 0;
    root = static_cast<int>(i) + 1;
  }
  return root;
}

}  // namespace

bool RepairNounRoot(Sentence* sentence) {
  auto& words = sentence->words;
  int n = static_cast<int>(words.size());
  if (n < 4 || words.back().upos != "PUNCT" ||
      (words.back().form != "." && words.back().form != "!"))
    return false;
  int root = OnlyRoot(words);
  if (root == 0 || root >= n || words[root - 1].upos != "NOUN") return false;
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

bool RepairTrailingReport(Sentence* sentence) {
  auto& words = sentence->words;
  int n = static_cast<int>(words.size());
  if (n < 6 || words.back().form != ".") return false;
  int root = OnlyRoot(words);
  if (root == 0 || words[root - 1].upos != "VERB") return false;
  int comma = 0;
  for (int i = n - 1; i >= 1; --i) {
    if (words[i - 1].form == ",") {
      comma = i;
      break;
    }
  }
  if (comma <= root) return false;
  // ", <proper nouns> <verb of saying> <modifiers without verbs>."
  int verb = comma + 1;
  while (verb < n && words[verb - 1].upos == "PROPN") ++verb;
  int names = verb - comma - 1;
  if (names < 1 || names > 6 || verb >= n) return false;
  Word& v = words[verb - 1];
  if (v.upos != "VERB" || !IsSpeechLemma(v.lemma)) return false;
  for (int k = verb + 1; k < n; ++k) {
    const Word& w = words[k - 1];
    if (w.upos == "VERB" || w.upos == "PUNCT") return false;
  }
  int name = verb - 1;  // The last proper noun heads the name.
  if (v.head == root && v.deprel == "parataxis" &&
      words[name - 1].head == verb && words[name - 1].deprel == "nsubj")
    return false;  // Already read this way.
  for (int k = 1; k <= n; ++k) {
    Word& w = words[k - 1];
    bool in_tail = k >= comma;
    if (!in_tail && w.head >= comma && w.head < n) w.head = root;
    if (k > verb && k < n && (w.head < verb || w.head >= n)) {
      w.head = verb;
      if (w.deprel.rfind("obl", 0) != 0) w.deprel = "obl";
    }
  }
  for (int k = comma + 1; k < name; ++k) {
    words[k - 1].head = name;
    words[k - 1].deprel = "compound";
  }
  words[name - 1].head = verb;
  words[name - 1].deprel = "nsubj";
  words[comma - 1].head = verb;
  words[comma - 1].deprel = "punct";
  v.head = root;
  v.deprel = "parataxis";
  return true;
}

}  // namespace claimgraph
