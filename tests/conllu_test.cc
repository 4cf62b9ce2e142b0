#include "text/conllu.h"

#include <gtest/gtest.h>

#include <sstream>

namespace claimgraph {
namespace {

constexpr char kSample[] =
    "# sent_id = s1\n"
    "# text = Don't go.\n"
    "1-2\tDon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "1\tDo\tdo\tAUX\tVBP\tMood=Imp\t3\taux\t3:aux\t_\n"
    "2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t3:advmod\t_\n"
    "3\tgo\tgo\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No\n"
    "3.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t3:conj\t_\n"
    "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t3:punct\t_\n"
    "\n"
    "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t0:root\t_\n";

StatusOr<std::vector<Sentence>> Read(const std::string& text) {
  std::istringstream in(text);
  return ReadConllu(in, "x.conllu");
}

TEST(ConlluTest, ReadsWordsTokensAndNodes) {
  auto sentences = Read(kSample);
  ASSERT_TRUE(sentences.ok()) << sentences.status().ToString();
  ASSERT_EQ(sentences->size(), 2u);
  const Sentence& s = (*sentences)[0];
  EXPECT_EQ(s.text, "Don't go.");
  ASSERT_EQ(s.comments.size(), 2u);
  EXPECT_EQ(s.comments[0], "sent_id = s1");
  ASSERT_EQ(s.words.size(), 4u);
  EXPECT_EQ(s.words[1].form, "n't");
  EXPECT_EQ(s.words[1].lemma, "not");
  EXPECT_EQ(s.words[1].upos, "PART");
  EXPECT_EQ(s.words[1].xpos, "RB");
  EXPECT_EQ(s.words[1].head, 3);
  EXPECT_EQ(s.words[2].head, 0);
  EXPECT_EQ(s.words[2].misc, "SpaceAfter=No");
  ASSERT_EQ(s.multiword_tokens.size(), 1u);
  EXPECT_EQ(s.multiword_tokens[0].first, 1);
  EXPECT_EQ(s.multiword_tokens[0].last, 2);
  EXPECT_EQ(s.multiword_tokens[0].form, "Don't");
  ASSERT_EQ(s.empty_nodes.size(), 1u);
  EXPECT_EQ(s.empty_nodes[0].after, 3);
  EXPECT_EQ((*sentences)[1].words.size(), 1u);
}

TEST(ConlluTest, WriteThenReadRoundTrips) {
  auto sentences = Read(kSample);
  ASSERT_TRUE(sentences.ok());
  std::ostringstream out;
  for (const Sentence& s : *sentences) WriteConllu(s, out);
  // Same bytes, apart from the blank line the writer adds at the end.
  EXPECT_EQ(out.str(), std::string(kSample) + "\n");
}

TEST(ConlluTest, UnderscoreHeadIsMinusOne) {
  auto sentences = Read("1\ta\t_\t_\t_\t_\t_\t_\t_\t_\n");
  ASSERT_TRUE(sentences.ok());
  EXPECT_EQ((*sentences)[0].words[0].head, -1);
  std::ostringstream out;
  WriteConllu((*sentences)[0], out);
  EXPECT_EQ(out.str(), "1\ta\t_\t_\t_\t_\t_\t_\t_\t_\n\n");
}

// Each malformed input and the line its error must name.
struct BadCase {
  const char* text;
  const char* where;
};

TEST(ConlluTest, MalformedInputNamesLine) {
  const BadCase cases[] = {
      {"# c\n1\ta\t_\t_\t_\t_\t0\troot\t_\n", "x.conllu:2:"},  // 9 columns
      {"1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n3\tb\t_\t_\t_\t_\t1\tx\t_\t_\n",
       "x.conllu:2:"},  // id gap
      {"1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n\n1\tb\t_\t_\t_\t_\tq\tx\t_\t_\n",
       "x.conllu:3:"},  // non-numeric head
      {"1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n2\tb\t_\t_\t_\t_\t7\tx\t_\t_\n",
       "x.conllu:2:"},  // head beyond the sentence
      {"1\ta\t_\t_\t_\t_\t1\troot\t_\t_\n", "x.conllu:1:"},  // self head
      {"1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n3-2\tb\t_\t_\t_\t_\t_\t_\t_\t_\n",
       "x.conllu:2:"},                                       // bad range
      {"x\ta\t_\t_\t_\t_\t0\troot\t_\t_\n", "x.conllu:1:"},  // bad id
  };
  for (const BadCase& c : cases) {
    auto sentences = Read(c.text);
    ASSERT_FALSE(sentences.ok()) << c.text;
    EXPECT_EQ(sentences.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(sentences.status().message().find(c.where), std::string::npos)
        << sentences.status().message();
  }
}

}  // namespace
}  // namespace claimgraph
