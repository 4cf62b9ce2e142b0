#include "text/tagger.h"

#include <gtest/gtest.h>

#include <fstream>

#include "text/conllu.h"
#include "text/model_io.h"

namespace claimgraph {
namespace {

std::vector<Sentence> ReadTiny() {
  std::string path = std::string(CG_SOURCE_DIR) + "/tests/data/tiny.conllu";
  std::ifstream in(path);
  auto sentences = ReadConllu(in, path);
  EXPECT_TRUE(sentences.ok()) << sentences.status().ToString();
  return sentences.ok() ? *sentences : std::vector<Sentence>();
}

// Copies of the words with the tags removed.
std::vector<std::vector<Word>> Untagged(const std::vector<Sentence>& gold) {
  std::vector<std::vector<Word>> out;
  for (const Sentence& s : gold) {
    out.push_back(s.words);
    for (Word& w : out.back()) w.upos = w.xpos = "";
  }
  return out;
}

TEST(TaggerTest, FitsTinyTreebankExactly) {
  std::vector<Sentence> gold = ReadTiny();
  ASSERT_EQ(gold.size(), 10u);
  TaggerOptions options;
  options.epochs = 10;
  auto tagger = Tagger::Train(gold, options);
  auto words = Untagged(gold);
  long total = 0;
  for (size_t s = 0; s < gold.size(); ++s) {
    tagger->Tag(&words[s]);
    for (size_t i = 0; i < words[s].size(); ++i, ++total) {
      EXPECT_EQ(words[s][i].upos, gold[s].words[i].upos)
          << gold[s].words[i].form << " in sentence " << s + 1;
      EXPECT_EQ(words[s][i].xpos, gold[s].words[i].xpos)
          << gold[s].words[i].form << " in sentence " << s + 1;
    }
  }
  EXPECT_GT(total, 80);
}

TEST(TaggerTest, SaveLoadRoundTripKeepsPredictions) {
  std::vector<Sentence> gold = ReadTiny();
  TaggerOptions options;
  options.epochs = 3;  // Underfit on purpose, so predictions vary.
  auto tagger = Tagger::Train(gold, options);
  ModelWriter out;
  tagger->Save(&out);
  ModelReader in(out.data(), "tagger");
  auto loaded = Tagger::Load(&in);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_TRUE(in.at_end());

  std::vector<Word> sentence;
  for (const char* form : {"Officials", "said", "the", "new", "bridge", "would",
                           "open", "in", "2020", "."}) {
    Word w;
    w.form = form;
    sentence.push_back(w);
  }
  std::vector<Word> a = sentence, b = sentence;
  tagger->Tag(&a);
  (*loaded)->Tag(&b);
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_FALSE(a[i].upos.empty());
    EXPECT_EQ(a[i].upos, b[i].upos);
    EXPECT_EQ(a[i].xpos, b[i].xpos);
  }
}

TEST(TaggerTest, TwoPassTaggerFitsTinyTreebankExactly) {
  std::vector<Sentence> gold = ReadTiny();
  TaggerOptions options;
  options.epochs = 10;
  options.passes = 2;
  options.feature_set = 2;
  auto tagger = Tagger::Train(gold, options);
  auto words = Untagged(gold);
  for (size_t s = 0; s < gold.size(); ++s) {
    tagger->Tag(&words[s]);
    for (size_t i = 0; i < words[s].size(); ++i) {
      EXPECT_EQ(words[s][i].upos, gold[s].words[i].upos)
          << gold[s].words[i].form << " in sentence " << s + 1;
      EXPECT_EQ(words[s][i].xpos, gold[s].words[i].xpos)
          << gold[s].words[i].form << " in sentence " << s + 1;
    }
  }
}

// Both passes are saved: a loaded two-pass tagger predicts the same tags on
// unseen text, and its encoding is byte-identical.
TEST(TaggerTest, TwoPassSaveLoadRoundTrip) {
  TaggerOptions options;
  options.epochs = 2;
  options.passes = 2;
  options.feature_set = 2;
  auto tagger = Tagger::Train(ReadTiny(), options);
  ModelWriter out;
  tagger->Save(&out);
  ModelReader in(out.data(), "tagger");
  auto loaded = Tagger::Load(&in);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_TRUE(in.at_end());
  ModelWriter again;
  (*loaded)->Save(&again);
  EXPECT_EQ(again.data(), out.data());
  std::vector<Word> sentence;
  for (const char* form : {"Reporters", "asked", "whether", "the", "council",
                           "had", "closed", "the", "old", "bridge", "."}) {
    Word w;
    w.form = form;
    sentence.push_back(w);
  }
  std::vector<Word> a = sentence, b = sentence;
  tagger->Tag(&a);
  (*loaded)->Tag(&b);
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_FALSE(a[i].upos.empty());
    EXPECT_EQ(a[i].upos, b[i].upos);
    EXPECT_EQ(a[i].xpos, b[i].xpos);
  }
}

// Training is deterministic: the same data and options give the same bytes
// (the second pass's jackknifed folds included).
TEST(TaggerTest, TwoPassTrainingIsDeterministic) {
  TaggerOptions options;
  options.epochs = 3;
  options.passes = 2;
  options.feature_set = 2;
  ModelWriter a, b;
  Tagger::Train(ReadTiny(), options)->Save(&a);
  Tagger::Train(ReadTiny(), options)->Save(&b);
  EXPECT_EQ(a.data(), b.data());
}

TEST(TaggerTest, TruncatedModelIsCorruption) {
  TaggerOptions options;
  options.epochs = 1;
  auto tagger = Tagger::Train(ReadTiny(), options);
  ModelWriter out;
  tagger->Save(&out);
  std::string data = out.data().substr(0, out.data().size() / 2);
  ModelReader in(data, "half.cgm");
  auto loaded = Tagger::Load(&in);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), StatusCode::kCorruption);
  EXPECT_NE(loaded.status().message().find("half.cgm"), std::string::npos);
}

}  // namespace
}  // namespace claimgraph
