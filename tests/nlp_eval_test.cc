#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "text/conllu.h"
#include "text/eval.h"

namespace claimgraph {
namespace {

std::vector<Sentence> Read(const std::string& conllu) {
  std::istringstream in(conllu);
  StatusOr<std::vector<Sentence>> s = ReadConllu(in, "test");
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? *s : std::vector<Sentence>{};
}

// A word line: id form lemma upos xpos head deprel.
std::string W(int id, const std::string& form, const std::string& lemma,
              const std::string& upos, const std::string& xpos, int head,
              const std::string& deprel) {
  return std::to_string(id) + "\t" + form + "\t" + lemma + "\t" + upos + "\t" +
         xpos + "\t_\t" + std::to_string(head) + "\t" + deprel + "\t_\t_\n";
}

const std::string kGold = "# sent_id = a\n# text = She doesn't sleep.\n" +
                          W(1, "She", "she", "PRON", "PRP", 4, "nsubj") +
                          "2-3\tdoesn't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
                          W(2, "does", "do", "AUX", "VBZ", 4, "aux") +
                          W(3, "n't", "not", "PART", "RB", 4, "advmod") +
                          W(4, "sleep", "sleep", "VERB", "VB", 0, "root") +
                          W(5, ".", ".", "PUNCT", ".", 4, "punct") + "\n" +
                          "# sent_id = b\n# newpar\n# text = It was seen.\n" +
                          W(1, "It", "it", "PRON", "PRP", 3, "nsubj:pass") +
                          W(2, "was", "be", "AUX", "VBD", 3, "aux:pass") +
                          W(3, "seen", "see", "VERB", "VBN", 0, "root") +
                          W(4, ".", ".", "PUNCT", ".", 3, "punct") + "\n";

TEST(NlpEvalTest, IdenticalFilesScorePerfect) {
  StatusOr<EvalReport> r = Evaluate(Read(kGold), Read(kGold));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  for (const EvalScore* s : {&r->tokens, &r->sentences, &r->words, &r->upos,
                             &r->xpos, &r->lemmas, &r->uas, &r->las}) {
    EXPECT_DOUBLE_EQ(s->f1(), 1.0);
  }
  EXPECT_EQ(r->tokens.gold, 8);  // "doesn't" is one token.
  EXPECT_EQ(r->words.gold, 9);
  EXPECT_EQ(r->sentences.gold, 2);
}

TEST(NlpEvalTest, GoldTokensCountTagHeadAndUniversalRelation) {
  std::string sys = kGold;
  // One UPOS error, one head error ("." attached to "She"), and a relation
  // subtype difference that LAS ignores ("nsubj:pass" -> "nsubj").
  auto replace = [&](const std::string& from, const std::string& to) {
    size_t at = sys.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    sys.replace(at, from.size(), to);
  };
  replace(W(4, "sleep", "sleep", "VERB", "VB", 0, "root"),
          W(4, "sleep", "sleep", "NOUN", "VB", 0, "root"));
  replace(W(5, ".", ".", "PUNCT", ".", 4, "punct"),
          W(5, ".", ".", "PUNCT", ".", 1, "punct"));
  replace(W(1, "It", "it", "PRON", "PRP", 3, "nsubj:pass"),
          W(1, "It", "it", "PRON", "PRP", 3, "nsubj"));
  replace(W(2, "was", "be", "AUX", "VBD", 3, "aux:pass"),
          W(2, "was", "be", "AUX", "VBD", 3, "cop"));
  StatusOr<EvalReport> r = Evaluate(Read(kGold), Read(sys));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->upos.correct, 8);
  EXPECT_EQ(r->xpos.correct, 9);
  EXPECT_EQ(r->uas.correct, 8);
  EXPECT_EQ(r->las.correct, 7);  // "cop" vs "aux" is wrong; subtype is not.
  EXPECT_DOUBLE_EQ(r->upos.aligned_accuracy(), 8.0 / 9);
  EXPECT_DOUBLE_EQ(r->las.f1(), 7.0 / 9);
}

TEST(NlpEvalTest, DifferentTokenisationIsAlignedByCharacters) {
  // The system splits "doesn't" into two tokens, merges the sentences and
  // misses the split of "seen.".
  std::string sys = "# text = She doesn't sleep. It was seen.\n" +
                    W(1, "She", "she", "PRON", "PRP", 4, "nsubj") +
                    W(2, "does", "do", "AUX", "VBZ", 4, "aux") +
                    W(3, "n't", "not", "PART", "RB", 4, "advmod") +
                    W(4, "sleep", "sleep", "VERB", "VB", 0, "root") +
                    W(5, ".", ".", "PUNCT", ".", 4, "punct") +
                    W(6, "It", "it", "PRON", "PRP", 8, "nsubj") +
                    W(7, "was", "be", "AUX", "VBD", 8, "aux") +
                    W(8, "seen.", "see", "VERB", "VBN", 4, "parataxis") + "\n";
  StatusOr<EvalReport> r = Evaluate(Read(kGold), Read(sys));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  // Tokens: gold 8, system 8; matching: She sleep . It was = 5.
  EXPECT_EQ(r->tokens.gold, 8);
  EXPECT_EQ(r->tokens.system, 8);
  EXPECT_EQ(r->tokens.correct, 5);
  // Words: gold 9, system 8; "does" and "n't" align by LCS inside the
  // multi-word token: She does n't sleep . It was = 7.
  EXPECT_EQ(r->words.correct, 7);
  EXPECT_EQ(r->upos.correct, 7);
  // Sentences: none of the two gold spans is matched.
  EXPECT_EQ(r->sentences.gold, 2);
  EXPECT_EQ(r->sentences.system, 1);
  EXPECT_EQ(r->sentences.correct, 0);
  // Heads: She, does, n't, sleep, "." right; "It" -> "seen." has no aligned
  // gold word, "was" likewise: 5.
  EXPECT_EQ(r->uas.correct, 5);
}

// Sentences of words with dummy tags: "abc a b c" is a multi-word token
// "abc" with the words a, b, c; "ab" alone a plain word.
std::vector<Sentence> Tokens(const std::vector<std::string>& tokens) {
  std::string conllu;
  int id = 0;
  for (const std::string& token : tokens) {
    std::vector<std::string> parts;
    std::istringstream in(token);
    for (std::string p; in >> p;) parts.push_back(p);
    if (parts.size() > 1) {
      conllu += std::to_string(id + 1) + "-" +
                std::to_string(id + parts.size() - 1) + "\t" + parts[0] +
                "\t_\t_\t_\t_\t_\t_\t_\t_\n";
      parts.erase(parts.begin());
    }
    for (const std::string& word : parts) {
      ++id;
      conllu += W(id, word, "_", "X", "X", id > 1 ? 1 : 0, "dep");
    }
  }
  return Read(conllu + "\n");
}

long AlignedWords(const std::vector<std::string>& gold,
                  const std::vector<std::string>& system) {
  StatusOr<EvalReport> r = Evaluate(Tokens(gold), Tokens(system));
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? r->words.correct : -1;
}

TEST(NlpEvalTest, WordAlignmentAcrossMultiwordTokens) {
  EXPECT_EQ(AlignedWords({"abc a b c"}, {"a", "b", "c"}), 3);
  EXPECT_EQ(AlignedWords({"a", "bc b c", "d"}, {"a", "b", "c", "d"}), 4);
  EXPECT_EQ(AlignedWords({"abcd a b c d"}, {"ab a b", "cd c d"}), 4);
  EXPECT_EQ(AlignedWords({"abcd"}, {"a", "b", "c", "d"}), 0);
  EXPECT_EQ(AlignedWords({"abc", "d"}, {"a", "b", "c", "d"}), 1);
  EXPECT_EQ(AlignedWords({"a", "bc b c", "d"}, {"a", "b", "cd"}), 2);
  EXPECT_EQ(AlignedWords({"ab a b", "cd bc d"}, {"a", "bc", "d"}), 2);
  // Lower-cased forms are compared inside multi-word regions.
  EXPECT_EQ(AlignedWords({"ab A B"}, {"a", "b"}), 2);
}

TEST(NlpEvalTest, SpaceSeparatorsInFormsAreIgnored) {
  // A gold token "10 000" (with a no-break space) against two system tokens.
  StatusOr<EvalReport> r =
      Evaluate(Tokens({"10\u00a0000"}), Tokens({"10", "000"}));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->tokens.correct, 0);
  EXPECT_EQ(r->tokens.system, 2);
}

TEST(NlpEvalTest, DifferentCharactersAreAnError) {
  std::string sys = kGold;
  sys.replace(sys.find("\tsleep\t"), 7, "\tslept\t");
  StatusOr<EvalReport> r = Evaluate(Read(kGold), Read(sys));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("sentence a"), std::string::npos)
      << r.status().message();
}

TEST(NlpEvalTest, RawTextJoinsParagraphs) {
  EXPECT_EQ(RawText(Read(kGold)), "She doesn't sleep.\n\nIt was seen.\n");
  std::string one_paragraph = kGold;
  one_paragraph.erase(one_paragraph.find("# newpar\n"), 9);
  EXPECT_EQ(RawText(Read(one_paragraph)), "She doesn't sleep. It was seen.\n");
}

TEST(NlpEvalTest, ReportHasEveryMetric) {
  StatusOr<EvalReport> r = Evaluate(Read(kGold), Read(kGold));
  ASSERT_TRUE(r.ok());
  std::string table = FormatReport(*r);
  for (const char* metric : {"Tokens", "Sentences", "Words", "UPOS", "XPOS",
                             "Lemmas", "UAS", "LAS"}) {
    EXPECT_NE(table.find(metric), std::string::npos) << metric;
  }
  EXPECT_NE(table.find("100.00"), std::string::npos);
}

}  // namespace
}  // namespace claimgraph
