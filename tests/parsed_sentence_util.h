// A hand-parsed sentence for the extraction tests, which then need no
// trained model.

#ifndef CLAIMGRAPH_TESTS_PARSED_SENTENCE_UTIL_H_
#define CLAIMGRAPH_TESTS_PARSED_SENTENCE_UTIL_H_

#include <sstream>
#include <string>
#include <vector>

#include "text/sentence.h"

namespace claimgraph::testing_util {

// A parsed sentence from "form/lemma/upos/xpos/head/deprel" items; the text
// is the forms joined by spaces, and each word's offsets point into it.
inline Sentence Parsed(const std::vector<std::string>& items) {
  Sentence s;
  s.start = 0;
  for (const std::string& item : items) {
    std::istringstream in(item);
    Word w;
    std::string head;
    std::getline(in, w.form, '/');
    std::getline(in, w.lemma, '/');
    std::getline(in, w.upos, '/');
    std::getline(in, w.xpos, '/');
    std::getline(in, head, '/');
    std::getline(in, w.deprel, '/');
    w.head = std::stoi(head);
    if (!s.text.empty()) s.text += ' ';
    w.start = static_cast<long>(s.text.size());
    s.text += w.form;
    w.end = static_cast<long>(s.text.size());
    s.words.push_back(w);
  }
  s.end = static_cast<long>(s.text.size());
  return s;
}

}  // namespace claimgraph::testing_util

#endif  // CLAIMGRAPH_TESTS_PARSED_SENTENCE_UTIL_H_
