#include "text/parser.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "text/conllu.h"
#include "text/lemmatizer.h"
#include "text/pipeline.h"
#include "text/tagger.h"

namespace claimgraph {
namespace {

std::vector<Sentence> ReadTiny() {
  std::string path = std::string(CG_SOURCE_DIR) + "/tests/data/tiny.conllu";
  std::ifstream in(path);
  auto sentences = ReadConllu(in, path);
  EXPECT_TRUE(sentences.ok()) << sentences.status().ToString();
  return sentences.ok() ? *sentences : std::vector<Sentence>();
}

// True if heads form one tree over the words: in range, exactly one word on
// the root, and every word reaches the root.
bool IsTree(const std::vector<Word>& words) {
  const int n = static_cast<int>(words.size());
  int roots = 0;
  for (const Word& w : words) {
    if (w.head < 0 || w.head > n || w.deprel.empty()) return false;
    roots += w.head == 0;
  }
  if (roots != 1) return false;
  for (int i = 1; i <= n; ++i) {
    int node = i;
    for (int steps = 0; node != 0; ++steps) {
      if (steps > n) return false;  // A cycle.
      node = words[node - 1].head;
    }
  }
  return true;
}

TEST(ParserTest, FitsTinyTreebankExactly) {
  std::vector<Sentence> gold = ReadTiny();
  ParserOptions options;
  options.epochs = 15;
  auto parser = Parser::Train(gold, options);
  for (const Sentence& s : gold) {
    std::vector<Word> words = s.words;
    for (Word& w : words) {
      w.head = -1;
      w.deprel.clear();
    }
    parser->Parse(&words);
    ASSERT_TRUE(IsTree(words));
    for (size_t i = 0; i < words.size(); ++i) {
      EXPECT_EQ(words[i].head, s.words[i].head) << s.text << " word " << i + 1;
      EXPECT_EQ(words[i].deprel, s.words[i].deprel)
          << s.text << " word " << i + 1;
    }
  }
}

TEST(ParserTest, AlwaysBuildsOneTree) {
  std::vector<Sentence> gold = ReadTiny();
  ParserOptions options;
  options.epochs = 2;
  auto parser = Parser::Train(gold, options);
  // Shuffled words of the treebank, with their tags: nonsense sentences the
  // parser must still give a single rooted tree.
  std::vector<Word> pool;
  for (const Sentence& s : gold) {
    for (const Word& w : s.words) pool.push_back(w);
  }
  std::mt19937 rng(7);
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<Word> words(1 + rng() % 30);
    for (Word& w : words) w = pool[rng() % pool.size()];
    parser->Parse(&words);
    ASSERT_TRUE(IsTree(words)) << "trial " << trial;
  }
}

std::unique_ptr<Pipeline> TrainTinyPipeline(int epochs) {
  std::vector<Sentence> gold = ReadTiny();
  TaggerOptions tagger_options;
  tagger_options.epochs = epochs;
  ParserOptions parser_options;
  parser_options.epochs = epochs;
  return Pipeline::FromParts(Tagger::Train(gold, tagger_options),
                             Lemmatizer::Train(gold),
                             Parser::Train(gold, parser_options), "tiny");
}

Sentence FromForms(const std::vector<const char*>& forms) {
  Sentence s;
  for (const char* form : forms) {
    Word w;
    w.form = form;
    s.words.push_back(w);
  }
  return s;
}

TEST(PipelineTest, EncodeDecodeRoundTripKeepsPredictions) {
  auto pipeline = TrainTinyPipeline(3);
  std::string data = pipeline->Encode();
  auto loaded = Pipeline::Decode(data, "tiny.cgm");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->metadata(), "tiny");
  // Same bytes again: the format is deterministic.
  EXPECT_EQ((*loaded)->Encode(), data);
  for (const auto& forms : std::vector<std::vector<const char*>>{
           {"The", "council", "said", "prices", "would", "rise", "."},
           {"Police", "lost", "the", "report", "in", "2019", "?"},
           {"Smith", "has", "written", "a", "book", "."}}) {
    Sentence a = FromForms(forms), b = FromForms(forms);
    ASSERT_TRUE(pipeline->Annotate(&a).ok());
    ASSERT_TRUE((*loaded)->Annotate(&b).ok());
    EXPECT_TRUE(IsTree(a.words));
    for (size_t i = 0; i < a.words.size(); ++i) {
      EXPECT_EQ(a.words[i].upos, b.words[i].upos);
      EXPECT_EQ(a.words[i].xpos, b.words[i].xpos);
      EXPECT_EQ(a.words[i].lemma, b.words[i].lemma);
      EXPECT_EQ(a.words[i].head, b.words[i].head);
      EXPECT_EQ(a.words[i].deprel, b.words[i].deprel);
    }
  }
}

TEST(PipelineTest, BadModelsAreErrors) {
  auto missing = Pipeline::Load("/nonexistent/models");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);

  std::string data = TrainTinyPipeline(1)->Encode();
  for (std::string bad : {std::string("not a model"), data.substr(0, 100),
                          data.substr(0, data.size() - 3), data + "x"}) {
    auto decoded = Pipeline::Decode(bad, "bad.cgm");
    ASSERT_FALSE(decoded.ok());
    EXPECT_EQ(decoded.status().code(), StatusCode::kCorruption);
    EXPECT_NE(decoded.status().message().find("bad.cgm"), std::string::npos);
  }
}

TEST(PipelineTest, EmptyFormIsInvalidArgumentAndEmptySentenceIsOk) {
  auto pipeline = TrainTinyPipeline(1);
  Sentence empty;
  EXPECT_TRUE(pipeline->Annotate(&empty).ok());
  Sentence bad = FromForms({"a", ""});
  EXPECT_EQ(pipeline->Annotate(&bad).code(), StatusCode::kInvalidArgument);
}

// The model shipped in data/models loads and gives sensible analyses.
TEST(PipelineTest, ShippedModelWorks) {
  auto pipeline = Pipeline::Load(std::string(CG_SOURCE_DIR) + "/data/models");
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  Sentence s = FromForms({"The", "minister", "said", "prices", "rose", "by",
                          "5", "%", "last", "year", "."});
  ASSERT_TRUE((*pipeline)->Annotate(&s).ok());
  EXPECT_TRUE(IsTree(s.words));
  EXPECT_EQ(s.words[0].upos, "DET");
  EXPECT_EQ(s.words[1].upos, "NOUN");
  EXPECT_EQ(s.words[2].upos, "VERB");
  EXPECT_EQ(s.words[2].lemma, "say");
  EXPECT_EQ(s.words[4].lemma, "rise");
  EXPECT_EQ(s.words[2].head, 0);  // "said" is the root...
  EXPECT_EQ(s.words[1].head, 3);  // ...with "minister" as its subject.
  EXPECT_EQ(s.words[1].deprel, "nsubj");
  EXPECT_EQ(s.words[10].deprel, "punct");
}

}  // namespace
}  // namespace claimgraph
