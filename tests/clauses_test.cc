#include "extract/clauses.h"

#include <gtest/gtest.h>

#include <sstream>

#include "extract/openie.h"
#include "parsed_sentence_util.h"

namespace claimgraph {
namespace {

using testing_util::Parsed;

TEST(ClausesTest, SubjectVerbObjectWithOblique) {
  // ICE contracted Palantir in 2024 .
  Sentence s = Parsed(
      {"ICE/ICE/PROPN/NNP/2/nsubj", "contracted/contract/VERB/VBD/0/root",
       "Palantir/Palantir/PROPN/NNP/2/obj", "in/in/ADP/IN/5/case",
       "2024/2024/NUM/CD/2/obl", "././PUNCT/./2/punct"});
  std::vector<Proposition> props = ExtractPropositions(s);
  ASSERT_EQ(props.size(), 1u);
  EXPECT_EQ(PhraseText(s, props[0].subject), "ICE");
  EXPECT_EQ(props[0].lemma, "contract");
  ASSERT_EQ(props[0].arguments.size(), 2u);
  EXPECT_EQ(PhraseText(s, props[0].arguments[0].phrase), "Palantir");
  EXPECT_EQ(props[0].arguments[1].marker, "in");
  EXPECT_EQ(PhraseText(s, props[0].arguments[1].phrase), "2024");
}

TEST(ClausesTest, ConjoinedVerbInheritsSubject) {
  // Maass wrote and published it .
  Sentence s =
      Parsed({"Maass/Maass/PROPN/NNP/2/nsubj", "wrote/write/VERB/VBD/0/root",
              "and/and/CCONJ/CC/4/cc", "published/publish/VERB/VBD/2/conj",
              "it/it/PRON/PRP/4/obj", "././PUNCT/./2/punct"});
  std::vector<Proposition> props = ExtractPropositions(s);
  ASSERT_EQ(props.size(), 2u);
  EXPECT_EQ(props[1].lemma, "publish");
  EXPECT_EQ(PhraseText(s, props[1].subject), "Maass");
}

TEST(ClausesTest, ReducedRelativeIsPassiveWithAgent) {
  // Palantir , founded by Thiel , grew .
  Sentence s = Parsed({"Palantir/Palantir/PROPN/NNP/6/nsubj",
                       ",/,/PUNCT/,/3/punct", "founded/found/VERB/VBN/1/acl",
                       "by/by/ADP/IN/5/case", "Thiel/Thiel/PROPN/NNP/3/obl",
                       "grew/grow/VERB/VBD/0/root", "././PUNCT/./6/punct"});
  std::vector<Proposition> props = ExtractPropositions(s);
  ASSERT_EQ(props.size(), 2u);
  const Proposition& founded = props[0];
  EXPECT_EQ(founded.lemma, "found");
  EXPECT_TRUE(founded.passive);
  EXPECT_EQ(PhraseText(s, founded.subject), "Palantir");
  ASSERT_EQ(founded.arguments.size(), 1u);
  EXPECT_EQ(founded.arguments[0].marker, "by");
}

TEST(ClausesTest, ReportedSpeechCarriesTheSpeaker) {
  // Foley said ICE detained 40 .
  Sentence s =
      Parsed({"Foley/Foley/PROPN/NNP/2/nsubj", "said/say/VERB/VBD/0/root",
              "ICE/ICE/PROPN/NNP/4/nsubj", "detained/detain/VERB/VBD/2/ccomp",
              "40/40/NUM/CD/4/obj", "././PUNCT/./2/punct"});
  std::vector<Proposition> props = ExtractPropositions(s);
  ASSERT_EQ(props.size(), 2u);
  const Proposition& detained = props[1];
  EXPECT_EQ(detained.lemma, "detain");
  EXPECT_EQ(PhraseText(s, detained.speaker), "Foley");
  EXPECT_EQ(detained.cue, 2);
}

TEST(ClausesTest, AppositionAndCarbFormat) {
  // Maass , director at EFF , spoke .
  Sentence s =
      Parsed({"Maass/Maass/PROPN/NNP/7/nsubj", ",/,/PUNCT/,/3/punct",
              "director/director/NOUN/NN/1/appos", "at/at/ADP/IN/5/case",
              "EFF/EFF/PROPN/NNP/3/nmod", ",/,/PUNCT/,/3/punct",
              "spoke/speak/VERB/VBD/0/root", "././PUNCT/./7/punct"});
  std::vector<OpenIeTuple> tuples = OpenIe(s);
  bool found = false;
  for (const OpenIeTuple& t : tuples) {
    if (t.rule == "appos") {
      found = true;
      EXPECT_EQ(t.relation, "is");
      ASSERT_EQ(t.arguments.size(), 2u);
      EXPECT_EQ(t.arguments[0], "Maass");
      EXPECT_EQ(t.arguments[1], "director at EFF");
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(FormatCarbLine("S", {0.5, "is", {"a", "b"}, "x"}),
            "S\t0.5000\tis\ta\tb");
}

TEST(ClausesTest, UnparsedSentenceGivesNothing) {
  Sentence s;
  Word hello;
  hello.form = "Hello";
  s.words.push_back(hello);
  EXPECT_TRUE(ExtractPropositions(s).empty());
}

}  // namespace
}  // namespace claimgraph
