// The biaffine parser (text/biaffine_parser.h) trained on the hand-written
// tiny treebank (tests/data/tiny.conllu), and in a pipeline.

#include "text/biaffine_parser.h"

#include <gtest/gtest.h>

#include <random>

#include "text/lemmatizer.h"
#include "text/pipeline.h"
#include "text/tagger.h"
#include "tiny_treebank.h"

namespace claimgraph {
namespace {

// Pseudo-random vectors for the lower-cased forms of `sentences`: the
// tests need vectors of the right shape, not good ones.
WordVectors TinyVectors(const std::vector<Sentence>& sentences, int dim) {
  WordVectors v;
  v.dim = dim;
  std::mt19937_64 rng(3);
  std::normal_distribution<float> normal(0.0f, 1.0f);
  for (const Sentence& s : sentences) {
    for (const Word& w : s.words) {
      std::string lower = w.form;
      for (char& c : lower) c = static_cast<char>(std::tolower(c));
      v.words.push_back(lower);
      for (int k = 0; k < dim; ++k) v.values.push_back(normal(rng));
    }
  }
  return v;
}

BiaffineOptions TinyOptions() {
  BiaffineOptions o;
  o.shape.word_dim = 8;
  o.shape.tag_dim = 8;
  o.shape.layers = 2;
  o.shape.hidden = 24;
  o.shape.arc_dim = 24;
  o.shape.label_dim = 12;
  o.epochs = 200;
  o.adam.learning_rate = 0.01f;
  o.batch_sentences = 2;
  o.dropout = {0.0f, 0.0f, 0.0f};
  o.min_word_count = 1;
  o.threads = 1;
  return o;
}

std::vector<Word> Unparsed(const Sentence& s) {
  std::vector<Word> words = s.words;
  for (Word& w : words) {
    w.head = -1;
    w.deprel.clear();
  }
  return words;
}

std::unique_ptr<BiaffineParser> TrainTiny(const BiaffineOptions& o) {
  std::vector<Sentence> gold = ReadTinyTreebank();
  auto parser = BiaffineParser::Train(gold, TinyVectors(gold, 8), o);
  EXPECT_TRUE(parser.ok()) << parser.status().ToString();
  return parser.ok() ? std::move(*parser) : nullptr;
}

TEST(BiaffineParserTest, FitsTinyTreebankExactly) {
  auto parser = TrainTiny(TinyOptions());
  ASSERT_NE(parser, nullptr);
  for (const Sentence& s : ReadTinyTreebank()) {
    std::vector<Word> words = Unparsed(s);
    parser->Parse(&words);
    int roots = 0;
    for (size_t i = 0; i < words.size(); ++i) {
      roots += words[i].head == 0;
      EXPECT_EQ(words[i].head, s.words[i].head) << s.text << " word " << i + 1;
      EXPECT_EQ(words[i].deprel, s.words[i].deprel)
          << s.text << " word " << i + 1;
    }
    EXPECT_EQ(roots, 1);
  }
}

// With a tag head, the parser learns the gold tags even from input tags
// that say nothing (all "X"), and re-tags with them; the lemmatiser, which
// runs after it in a pipeline, then sees them too.
TEST(BiaffineParserTest, TagHeadLearnsGoldTags) {
  std::vector<Sentence> gold = ReadTinyTreebank();
  std::vector<Sentence> blind = gold;
  for (Sentence& s : blind) {
    for (Word& w : s.words) w.upos = w.xpos = "X";
  }
  BiaffineOptions o = TinyOptions();
  o.tag_head = true;
  o.gold_tags = &gold;
  auto parser = BiaffineParser::Train(blind, TinyVectors(gold, 8), o);
  ASSERT_TRUE(parser.ok()) << parser.status().ToString();
  EXPECT_TRUE((*parser)->retags());
  ModelWriter w;
  (*parser)->Save(&w);
  ModelReader in(w.data(), "tags");
  auto loaded = BiaffineParser::Load(&in);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_TRUE(in.at_end());
  for (size_t k = 0; k < gold.size(); ++k) {
    std::vector<Word> words = Unparsed(blind[k]);
    (*loaded)->Parse(&words);
    for (size_t i = 0; i < words.size(); ++i) {
      EXPECT_EQ(words[i].upos, gold[k].words[i].upos) << gold[k].text << i;
      EXPECT_EQ(words[i].xpos, gold[k].words[i].xpos) << gold[k].text << i;
      EXPECT_EQ(words[i].head, gold[k].words[i].head) << gold[k].text << i;
    }
  }
  // Without gold tags there is nothing to learn the head from.
  o.gold_tags = nullptr;
  EXPECT_FALSE(BiaffineParser::Train(blind, TinyVectors(gold, 8), o).ok());
}

TEST(BiaffineParserTest, TrainingIsDeterministicAndSavesExactly) {
  BiaffineOptions o = TinyOptions();
  o.epochs = 3;
  o.threads = 2;
  o.dropout = {0.2f, 0.2f, 0.2f};
  auto first = TrainTiny(o);
  auto second = TrainTiny(o);
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  ModelWriter a, b;
  first->Save(&a);
  second->Save(&b);
  EXPECT_EQ(a.data(), b.data());
  ModelReader in(a.data(), "tiny");
  auto loaded = BiaffineParser::Load(&in);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_TRUE(in.at_end());
  ModelWriter again;
  (*loaded)->Save(&again);
  EXPECT_EQ(again.data(), a.data());
  for (const Sentence& s : ReadTinyTreebank()) {
    std::vector<Word> x = Unparsed(s), y = Unparsed(s);
    first->Parse(&x);
    (*loaded)->Parse(&y);
    for (size_t i = 0; i < x.size(); ++i) {
      EXPECT_EQ(x[i].head, y[i].head);
      EXPECT_EQ(x[i].deprel, y[i].deprel);
    }
  }
}

TEST(BiaffineParserTest, TruncatedModelIsCorruption) {
  BiaffineOptions o = TinyOptions();
  o.epochs = 1;
  auto parser = TrainTiny(o);
  ASSERT_NE(parser, nullptr);
  ModelWriter w;
  parser->Save(&w);
  for (size_t cut : {size_t{3}, w.data().size() / 2, w.data().size() - 1}) {
    ModelReader in(std::string_view(w.data()).substr(0, cut), "cut");
    auto loaded = BiaffineParser::Load(&in);
    EXPECT_FALSE(loaded.ok()) << cut;
  }
}

TEST(BiaffineParserTest, RoundingToInt8IsIdempotentAndClose) {
  nn::Matrix m(3, 5);
  std::mt19937_64 rng(5);
  std::normal_distribution<float> normal(0.0f, 2.0f);
  for (float& x : m.v) x = normal(rng);
  m.At(2, 0) = 127.0f;  // A row whose largest value is a power-of-two step.
  nn::Matrix once = m;
  BiaffineParser::RoundToInt8Rows(&once);
  for (int r = 0; r < m.rows; ++r) {
    float top = 0.0f;
    for (int c = 0; c < m.cols; ++c) top = std::max(top, std::abs(m.At(r, c)));
    for (int c = 0; c < m.cols; ++c) {
      EXPECT_LE(std::abs(once.At(r, c) - m.At(r, c)), top / 126.0f);
    }
  }
  nn::Matrix twice = once;
  BiaffineParser::RoundToInt8Rows(&twice);
  EXPECT_EQ(twice.v, once.v);
}

TEST(BiaffineParserTest, EmptyAndOneWordSentences) {
  BiaffineOptions o = TinyOptions();
  o.epochs = 1;
  auto parser = TrainTiny(o);
  ASSERT_NE(parser, nullptr);
  std::vector<Word> none;
  parser->Parse(&none);
  EXPECT_TRUE(none.empty());
  std::vector<Word> one(1);
  one[0].form = "Hello";
  one[0].upos = "INTJ";
  one[0].xpos = "UH";
  parser->Parse(&one);
  EXPECT_EQ(one[0].head, 0);
  EXPECT_EQ(one[0].deprel, "root");
}

TEST(BiaffineParserTest, PipelineRoundTripKeepsPredictions) {
  std::vector<Sentence> gold = ReadTinyTreebank();
  TaggerOptions to;
  to.epochs = 5;
  auto pipeline =
      Pipeline::FromParts(Tagger::Train(gold, to), Lemmatizer::Train(gold),
                          TrainTiny(TinyOptions()), "tiny");
  ASSERT_TRUE(pipeline->biaffine());
  EXPECT_EQ(pipeline->parser_beam(), 0);
  auto loaded = Pipeline::Decode(pipeline->Encode(), "tiny");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_TRUE((*loaded)->biaffine());
  for (const Sentence& s : gold) {
    Sentence x = s, y = s;
    ASSERT_TRUE(pipeline->Annotate(&x).ok());
    ASSERT_TRUE((*loaded)->Annotate(&y).ok());
    for (size_t i = 0; i < x.words.size(); ++i) {
      EXPECT_EQ(x.words[i].head, y.words[i].head);
      EXPECT_EQ(x.words[i].deprel, y.words[i].deprel);
      EXPECT_EQ(x.words[i].xpos, y.words[i].xpos);
    }
  }
}

}  // namespace
}  // namespace claimgraph
