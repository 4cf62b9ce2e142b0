#include "text/lemmatizer.h"

#include <gtest/gtest.h>

#include <array>

#include "text/model_io.h"
#include "tiny_treebank.h"

namespace claimgraph {
namespace {

std::unique_ptr<Lemmatizer> TrainTiny() {
  return Lemmatizer::Train(ReadTinyTreebank());
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

// Suffix rules learnt from ASCII words never cut a multi-byte character:
// "said" -> "say" strips two bytes, which would split the three bytes of
// "’" in "’d".
TEST(LemmatizerTest, SuffixRulesKeepUtf8Whole) {
  auto lemmatizer = TrainTiny();
  EXPECT_EQ(lemmatizer->Lemma("paid", "VBD"), "pay");  // The rule applies.
  const std::string would =
      "\xE2\x80\x99"
      "d";  // "’d"
  EXPECT_EQ(lemmatizer->Lemma(would, "VBD"), would);
}

// A form known as VBD but tagged VBN (or the reverse) takes the known
// lemma instead of a suffix rule's guess; non-verb tags do not borrow.
TEST(LemmatizerTest, PastTenseAndParticipleShareForms) {
  auto lemmatizer = TrainTiny();
  EXPECT_EQ(lemmatizer->Lemma("lost", "VBN"), "lose");
  EXPECT_EQ(lemmatizer->Lemma("Lost", "VBN"), "lose");
  EXPECT_EQ(lemmatizer->Lemma("written", "VBD"), "write");
  EXPECT_NE(lemmatizer->Lemma("lost", "NN"), "lose");
  EXPECT_NE(lemmatizer->Lemma("has", "NNS"), "have");
}

// Any verb tag borrows from the others: "has" is known only as VBZ, so
// tagged VB (where the suffix rules would keep the form) it is still "have".
TEST(LemmatizerTest, VerbTagsShareForms) {
  auto lemmatizer = TrainTiny();
  EXPECT_EQ(lemmatizer->Lemma("has", "VB"), "have");
  EXPECT_EQ(lemmatizer->Lemma("has", "VBP"), "have");
  EXPECT_EQ(lemmatizer->Lemma("rose", "VBZ"), "rise");
  EXPECT_EQ(lemmatizer->Lemma("receive", "VBG"), "receive");
}

Sentence Words(const std::vector<std::array<const char*, 3>>& form_xpos_lemma) {
  Sentence s;
  for (const auto& [form, xpos, lemma] : form_xpos_lemma) {
    Word w;
    w.form = form;
    w.xpos = xpos;
    w.lemma = lemma;
    s.words.push_back(w);
  }
  return s;
}

// An unknown verb form takes the suffix rule of the verb tag that knows the
// longest suffix of it: "collects" mis-tagged VB looks like a VBZ form.
// Ties keep the form's own tag.
TEST(LemmatizerTest, UnknownVerbFormTakesTheLongestSuffixTag) {
  auto lemmatizer = Lemmatizer::Train({Words({{"selects", "VBZ", "select"},
                                              {"reflects", "VBZ", "reflect"},
                                              {"comment", "VB", "comment"},
                                              {"open", "VB", "open"}})});
  EXPECT_EQ(lemmatizer->Lemma("collects", "VB"), "collect");
  EXPECT_EQ(lemmatizer->Lemma("collects", "VBP"), "collect");
  EXPECT_EQ(lemmatizer->Lemma("document", "VB"), "document");
  // A non-verb tag keeps its own rules (here none: the form).
  EXPECT_EQ(lemmatizer->Lemma("collects", "NNS"), "collects");
}

// VBD and VBN (like VB and VBP) share their forms, so they do not lend
// each other suffix rules: "credited" tagged VBD keeps VBD's "-ed" rule
// rather than VBN's longer "ited" -> "ite" learnt from "united".
TEST(LemmatizerTest, TagsOfTheSameFormsDoNotLendSuffixRules) {
  auto lemmatizer = Lemmatizer::Train({Words({{"walked", "VBD", "walk"},
                                              {"united", "VBN", "unite"},
                                              {"ignited", "VBN", "ignite"},
                                              {"talks", "VBZ", "talk"},
                                              {"go", "VB", "go"}})});
  EXPECT_EQ(lemmatizer->Lemma("credited", "VBD"), "credit");
  EXPECT_EQ(lemmatizer->Lemma("credited", "VBN"), "credite");
  // Another inflection still lends its rule.
  EXPECT_EQ(lemmatizer->Lemma("walks", "VB"), "walk");
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
