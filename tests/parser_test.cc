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

// Training must fit the tiny treebank exactly, greedily (beam 1) and with
// global beam training and beam decoding.
class ParserFitTest : public ::testing::TestWithParam<int> {};

TEST_P(ParserFitTest, FitsTinyTreebankExactly) {
  std::vector<Sentence> gold = ReadTiny();
  ParserOptions options;
  options.epochs = 15;
  options.beam = GetParam();
  auto parser = Parser::Train(gold, options);
  EXPECT_EQ(parser->beam(), GetParam());
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

INSTANTIATE_TEST_SUITE_P(Beams, ParserFitTest, ::testing::Values(1, 4, 8));

// Early stopping keeps an epoch's weights that still fit the tiny
// treebank (used as its own dev set), at beam 1 and with a beam.
TEST(ParserTest, KeepBestEpochStillFits) {
  std::vector<Sentence> gold = ReadTiny();
  std::vector<std::string> log;
  for (int beam : {1, 4}) {
    ParserOptions options;
    options.epochs = 20;
    options.beam = beam;
    options.dev = &gold;
    options.keep_best_epoch = true;
    options.log = [&](const std::string& line) { log.push_back(line); };
    auto parser = Parser::Train(gold, options);
    for (const Sentence& s : gold) {
      std::vector<Word> words = s.words;
      parser->Parse(&words);
      for (size_t i = 0; i < words.size(); ++i) {
        EXPECT_EQ(words[i].head, s.words[i].head) << "beam " << beam;
        EXPECT_EQ(words[i].deprel, s.words[i].deprel) << "beam " << beam;
      }
    }
  }
  // Both runs reach dev LAS 100 before the last epoch and keep that epoch.
  int kept = 0;
  for (const std::string& line : log) {
    kept += line.find("keeping the weights of epoch") != std::string::npos;
  }
  EXPECT_EQ(kept, 2);
}

TEST(ParserTest, AlwaysBuildsOneTree) {
  std::vector<Sentence> gold = ReadTiny();
  ParserOptions options;
  options.epochs = 2;
  auto parser = Parser::Train(gold, options);
  ParserOptions beam_options = options;
  beam_options.beam = 4;
  auto beam_parser = Parser::Train(gold, beam_options);
  // Shuffled words of the treebank, with their tags: nonsense sentences the
  // parser must still give a single rooted tree, at every beam width.
  std::vector<Word> pool;
  for (const Sentence& s : gold) {
    for (const Word& w : s.words) pool.push_back(w);
  }
  std::mt19937 rng(7);
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<Word> words(1 + rng() % 30);
    for (Word& w : words) w = pool[rng() % pool.size()];
    for (Parser* p : {parser.get(), beam_parser.get()}) {
      for (int beam : {1, 3, 8}) {
        p->set_beam(beam);
        p->Parse(&words);
        ASSERT_TRUE(IsTree(words)) << "trial " << trial << " beam " << beam;
      }
    }
  }
}

// Beam decoding gives the same parse every time (ties are broken by item
// and action order, not by memory layout).
TEST(ParserTest, BeamDecodingIsDeterministic) {
  std::vector<Sentence> gold = ReadTiny();
  ParserOptions options;
  options.epochs = 3;
  options.beam = 4;
  auto parser = Parser::Train(gold, options);
  for (const Sentence& s : gold) {
    std::vector<Word> a = s.words, b = s.words;
    parser->Parse(&a);
    parser->Parse(&b);
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].head, b[i].head);
      EXPECT_EQ(a[i].deprel, b[i].deprel);
    }
  }
}

std::unique_ptr<Pipeline> TrainTinyPipeline(int epochs, int beam = 1) {
  std::vector<Sentence> gold = ReadTiny();
  TaggerOptions tagger_options;
  tagger_options.epochs = epochs;
  ParserOptions parser_options;
  parser_options.epochs = epochs;
  parser_options.beam = beam;
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

class PipelineRoundTripTest : public ::testing::TestWithParam<int> {};

TEST_P(PipelineRoundTripTest, EncodeDecodeRoundTripKeepsPredictions) {
  auto pipeline = TrainTinyPipeline(3, GetParam());
  std::string data = pipeline->Encode();
  auto loaded = Pipeline::Decode(data, "tiny.cgm");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->metadata(), "tiny");
  EXPECT_EQ((*loaded)->parser_beam(), GetParam());
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

INSTANTIATE_TEST_SUITE_P(Beams, PipelineRoundTripTest, ::testing::Values(1, 4));

// Version 2 files have no beam width in the parser section: they load and
// decode greedily. A beam width of 0 is a CorruptionError.
TEST(PipelineTest, VersionTwoParserSectionLoadsAsGreedy) {
  auto pipeline = TrainTinyPipeline(2);
  const std::string greedy = pipeline->Encode();
  pipeline->set_parser_beam(7);
  const std::string beam7 = pipeline->Encode();
  ASSERT_EQ(greedy.size(), beam7.size());
  // The u32 beam field is where the two encodings differ.
  size_t at = 0;
  while (at < greedy.size() && greedy[at] == beam7[at]) ++at;
  ASSERT_LT(at, greedy.size());
  EXPECT_EQ(greedy.substr(at, 4), std::string("\x01\0\0\0", 4));
  EXPECT_EQ(greedy.substr(at + 4), beam7.substr(at + 4));

  std::string v2 = greedy.substr(0, at) + greedy.substr(at + 4);
  v2[6] = 2;  // The u32 version after the 6-byte magic.
  auto loaded = Pipeline::Decode(v2, "v2.cgm");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->parser_beam(), 1);
  pipeline->set_parser_beam(1);
  Sentence a = FromForms({"The", "council", "said", "prices", "rose", "."});
  Sentence b = a;
  ASSERT_TRUE(pipeline->Annotate(&a).ok());
  ASSERT_TRUE((*loaded)->Annotate(&b).ok());
  for (size_t i = 0; i < a.words.size(); ++i) {
    EXPECT_EQ(a.words[i].head, b.words[i].head);
    EXPECT_EQ(a.words[i].deprel, b.words[i].deprel);
  }

  std::string zero = greedy;
  zero[at] = 0;
  auto bad = Pipeline::Decode(zero, "zero.cgm");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kCorruption);
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
