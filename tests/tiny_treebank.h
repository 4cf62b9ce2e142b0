// The hand-written ten-sentence treebank of tests/data/tiny.conllu
// (tests/data/README.md), which the tagger, lemmatiser and parser tests
// train on.

#ifndef CLAIMGRAPH_TESTS_TINY_TREEBANK_H_
#define CLAIMGRAPH_TESTS_TINY_TREEBANK_H_

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "text/conllu.h"

namespace claimgraph {

// Its sentences; a test failure (and no sentences) if it cannot be read.
inline std::vector<Sentence> ReadTinyTreebank() {
  const std::string path =
      std::string(CG_SOURCE_DIR) + "/tests/data/tiny.conllu";
  std::ifstream in(path);
  auto sentences = ReadConllu(in, path);
  EXPECT_TRUE(sentences.ok()) << sentences.status().ToString();
  return sentences.ok() ? *sentences : std::vector<Sentence>();
}

}  // namespace claimgraph

#endif  // CLAIMGRAPH_TESTS_TINY_TREEBANK_H_
