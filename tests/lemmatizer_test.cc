#include "text/lemmatizer.h"

#include <gtest/gtest.h>

#include <fstream>

#include "text/conllu.h"
#include "text/model_io.h"

namespace claimgraph {
namespace {

std::unique_ptr<Lemmatizer> TrainTiny() {
  std::string path = std::string(CG_SOURCE_DIR) + "/tests/data/tiny.conllu";
  std::ifstream in(path);
  auto sentences = ReadConllu(in, path);
  EXPECT_TRUE(sentences.ok()) << sentences.status().ToString();
  return Lemmatizer::Train(*sentences);
}

TEST(LemmatizerTest, KnownWordsComeFromTheDictionary) {
  auto lemmatizer = TrainTiny();
  EXPECT_EQ(lemmatizer->Lemma("men", "NNS"), "man");
  EXPECT_EQ(lemmatizer->Lemma("lost", "VBD"), "lose");
  EXPECT_EQ(lemmatizer->Lemma("Is", "VBZ"), "be");
  EXPECT_EQ(lemmatizer->Lemma("n't", "RB"), "not");
  // Same form, other case: the lower-cased dictionary.
  EXPECT_EQ(lemmatizer->Lemma("PRICES", "NNS"), "price");
}

TEST(LemmatizerTest, UnknownWordsFollowSuffixRules) {
  auto lemmatizer = TrainTiny();
  EXPECT_EQ(lemmatizer->Lemma("walked", "VBD"), "walk");
  EXPECT_EQ(lemmatizer->Lemma("cars", "NNS"), "car");
  EXPECT_EQ(lemmatizer->Lemma("Cars", "NNS"), "car");
  EXPECT_EQ(lemmatizer->Lemma("Jones", "NNP"), "Jones");
  EXPECT_EQ(lemmatizer->Lemma("quickly", "RB"), "quickly");
  // An unseen tag keeps the form.
  EXPECT_EQ(lemmatizer->Lemma("xyz", "FW"), "xyz");
}

// A form known as VBD but tagged VBN (or the reverse) takes the known
// lemma instead of a suffix rule's guess; other tags do not borrow.
TEST(LemmatizerTest, PastTenseAndParticipleShareForms) {
  auto lemmatizer = TrainTiny();
  EXPECT_EQ(lemmatizer->Lemma("lost", "VBN"), "lose");
  EXPECT_EQ(lemmatizer->Lemma("Lost", "VBN"), "lose");
  EXPECT_EQ(lemmatizer->Lemma("written", "VBD"), "write");
  EXPECT_NE(lemmatizer->Lemma("lost", "VBZ"), "lose");
}

TEST(LemmatizerTest, SaveLoadRoundTrip) {
  auto lemmatizer = TrainTiny();
  ModelWriter out;
  lemmatizer->Save(&out);
  ModelReader in(out.data(), "lemmas");
  auto loaded = Lemmatizer::Load(&in);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_TRUE(in.at_end());
  for (auto [form, xpos] :
       std::vector<std::pair<const char*, const char*>>{{"men", "NNS"},
                                                        {"walked", "VBD"},
                                                        {"Books", "NNS"},
                                                        {"The", "DT"},
                                                        {"resigns", "VBZ"}}) {
    EXPECT_EQ(lemmatizer->Lemma(form, xpos), (*loaded)->Lemma(form, xpos))
        << form;
  }
}

}  // namespace
}  // namespace claimgraph
