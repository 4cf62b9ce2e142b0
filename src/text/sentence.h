// The data the text pipeline passes between its stages: sentences of words
// with their tags, lemmas and dependency relations, in Universal
// Dependencies conventions (https://universaldependencies.org/format.html).
//
// Tokenisation fills `form`, `start`, `end`; the tagger fills `upos`,
// `xpos` and `lemma`; the parser fills `head` and `deprel`.

#ifndef CLAIMGRAPH_TEXT_SENTENCE_H_
#define CLAIMGRAPH_TEXT_SENTENCE_H_

#include <cstddef>
#include <string>
#include <vector>

namespace claimgraph {

// One syntactic word (a CoNLL-U word line).
struct Word {
  std::string form;
  std::string lemma;
  std::string upos;
  std::string xpos;
  std::string feats;  // "_" when unknown.
  int head = -1;      // 0 for the root, 1-based index of the head word, -1
                      // when not parsed.
  std::string deprel;
  std::string deps;  // Enhanced dependencies, passed through as given.
  std::string misc;  // Passed through; offsets are added here on output.
  // Character offsets (Unicode code points) into the original text; end is
  // exclusive. -1 when the word did not come from raw text.
  long start = -1;
  long end = -1;
};

// A multi-word token ("don't" -> do + n't when the treebank uses one): the
// surface token spanning words [first, last] (1-based, inclusive).
struct MultiwordToken {
  int first = 0;
  int last = 0;
  std::string form;
  std::string misc;
};

// An empty node line (e.g. "8.1"), kept verbatim so that CoNLL-U input
// round-trips; `after` is the index of the word it follows (0 = before all).
struct EmptyNode {
  int after = 0;
  std::string line;
};

struct Sentence {
  // Comment lines without the leading "# " ("sent_id = ...", "text = ...").
  std::vector<std::string> comments;
  std::string text;
  long start = -1;  // Offsets of the sentence in the original text.
  long end = -1;
  std::vector<Word> words;
  std::vector<MultiwordToken> multiword_tokens;
  std::vector<EmptyNode> empty_nodes;
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_TEXT_SENTENCE_H_
