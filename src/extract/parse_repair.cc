#include "extract/parse_repair.h"

#include <string>
#include <vector>

#include "base/ascii.h"
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
  if (v.upos != "VERB" || (v.xpos != "VBD" && v.xpos != "VBN")) return false;
  // Either the verb modifies its object noun ("searched" as an adjective of
  // "data") or it is a reduced relative of the root with an object of its
  // own ("agents searched data" with "searched" as the root's clause).
  int object = 0;
  if (v.deprel == "amod" && v.head > verb) {
    object = v.head;
    if (words[object - 1].upos != "NOUN" || words[object - 1].head != root)
      return false;
  } else if (v.deprel == "acl" && v.head == root) {
    for (int k = verb + 1; k <= n && object == 0; ++k) {
      // (A noun "compound" of a verb can only be its object.)
      if (words[k - 1].head == verb &&
          (words[k - 1].deprel == "obj" || words[k - 1].deprel == "compound") &&
          words[k - 1].upos == "NOUN")
        object = k;
    }
    if (object == 0) return false;
  } else {
    return false;
  }
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
  // ", [the] <proper or common nouns> [(<acronym>)] <verb of saying>
  // <modifiers without clauses>."
  int first = comma + 1;
  bool determiner = words[first - 1].upos == "DET" &&
                    (AsciiLower(words[first - 1].form) == "the");
  int verb = determiner ? first + 1 : first;
  while (verb < n && (words[verb - 1].upos == "PROPN" ||
                      (determiner && words[verb - 1].upos == "NOUN")))
    ++verb;
  int name = verb - 1;  // The last noun heads the name.
  int names = verb - first - (determiner ? 1 : 0);
  // Without "the" only proper nouns; with it, the phrase ends in a noun
  // ("the group", "the Accountability Office").
  if (names < 1 || names > 6 || verb >= n) return false;
  int acronym = 0;
  if (verb + 3 < n && words[verb - 1].form == "(" &&
      words[verb].upos == "PROPN" && words[verb + 1].form == ")") {
    acronym = verb + 1;
    verb += 3;
  }
  Word& v = words[verb - 1];
  if (v.upos != "VERB" || !IsSpeechLemma(v.lemma)) return false;
  for (int k = verb + 1; k < n; ++k) {
    const Word& w = words[k - 1];
    // (A participle modifying a noun of the tail is no clause of its own:
    // "said in a report released on Tuesday".)
    bool reduced = w.upos == "VERB" && w.xpos == "VBN" && w.deprel == "acl" &&
                   w.head > verb && w.head < k;
    if ((w.upos == "VERB" && !reduced) || w.upos == "PUNCT") return false;
  }
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
    words[k - 1].deprel = k == first && determiner ? "det" : "compound";
  }
  if (acronym != 0) {
    words[acronym - 1].head = name;
    words[acronym - 1].deprel = "appos";
    words[acronym - 2].head = acronym;
    words[acronym - 2].deprel = "punct";
    words[acronym].head = acronym;
    words[acronym].deprel = "punct";
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
