#include "text/parser.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <set>
#include <thread>

#include "text/lemmatizer.h"
#include "text/model_io.h"
#include "text/pipeline.h"
#include "text/tagger.h"
#include "text/word_clusters.h"
#include "tiny_treebank.h"

namespace claimgraph {
namespace {

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
  std::vector<Sentence> gold = ReadTinyTreebank();
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
  std::vector<Sentence> gold = ReadTinyTreebank();
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
  std::vector<Sentence> gold = ReadTinyTreebank();
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
  std::vector<Sentence> gold = ReadTinyTreebank();
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

// Beam decoding keeps its scratch (a memo of where feature rows lie) per
// thread from sentence to sentence and model to model; a parse must not
// depend on which models parsed on the thread before, or on a model that
// lived at the same address before.
TEST(ParserTest, ParsesDoNotDependOnEarlierModelsOnTheThread) {
  std::vector<Sentence> gold = ReadTinyTreebank();
  ParserOptions options;
  options.beam = 4;
  options.epochs = 3;
  auto first = Parser::Train(gold, options);
  options.epochs = 1;
  options.seed = 9;
  auto second = Parser::Train(gold, options);
  auto parse_all = [&gold](const Parser& parser) {
    std::vector<std::vector<Word>> out;
    for (const Sentence& s : gold) {
      out.push_back(s.words);
      parser.Parse(&out.back());
    }
    return out;
  };
  // References from fresh threads, which start with no scratch.
  std::vector<std::vector<Word>> want_first, want_second;
  std::thread([&] { want_first = parse_all(*first); }).join();
  std::thread([&] { want_second = parse_all(*second); }).join();
  auto same = [](const std::vector<std::vector<Word>>& a,
                 const std::vector<std::vector<Word>>& b) {
    for (size_t s = 0; s < a.size(); ++s) {
      for (size_t i = 0; i < a[s].size(); ++i) {
        if (a[s][i].head != b[s][i].head) return false;
        if (a[s][i].deprel != b[s][i].deprel) return false;
      }
    }
    return a.size() == b.size();
  };
  for (int round = 0; round < 3; ++round) {
    EXPECT_TRUE(same(parse_all(*first), want_first));
    EXPECT_TRUE(same(parse_all(*second), want_second));
  }
  // A new model, maybe where the first one was.
  first.reset();
  options.seed = 5;
  auto third = Parser::Train(gold, options);
  std::vector<std::vector<Word>> want_third;
  std::thread([&] { want_third = parse_all(*third); }).join();
  EXPECT_TRUE(same(parse_all(*third), want_third));
}

std::unique_ptr<Pipeline> TrainTinyPipeline(int epochs, int beam = 1) {
  std::vector<Sentence> gold = ReadTinyTreebank();
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

// Offset of the first byte after the metadata string (magic, u32 version,
// str metadata), where version 4 files have their word clusters.
size_t AfterMetadata(const std::string& data) {
  uint32_t length = 0;
  for (int k = 3; k >= 0; --k) {
    length = length << 8 | static_cast<uint8_t>(data[10 + k]);
  }
  return 14 + length;
}

// Version 2 files have no beam width in the parser section: they load and
// decode greedily. A beam width of 0 is a CorruptionError. Version 3 files
// have the beam but no word clusters and no parser feature set byte.
TEST(PipelineTest, OlderParserSectionsLoad) {
  auto pipeline = TrainTinyPipeline(2);
  const std::string greedy = pipeline->Encode();
  pipeline->set_parser_beam(7);
  const std::string beam7 = pipeline->Encode();
  ASSERT_EQ(greedy.size(), beam7.size());
  // The u32 beam field is where the two encodings differ; the parser
  // feature set byte (1) follows it.
  size_t at = 0;
  while (at < greedy.size() && greedy[at] == beam7[at]) ++at;
  ASSERT_LT(at, greedy.size());
  EXPECT_EQ(greedy.substr(at, 5), std::string("\x01\0\0\0\x01", 5));
  EXPECT_EQ(greedy.substr(at + 4), beam7.substr(at + 4));
  // No clusters: a zero count after the metadata.
  const size_t clusters_at = AfterMetadata(greedy);
  ASSERT_EQ(greedy.substr(clusters_at, 4), std::string(4, '\0'));

  // Version 5 put a parser kind byte (0: transition) before the parser.
  auto copy = Pipeline::Decode(greedy, "copy");
  ASSERT_TRUE(copy.ok()) << copy.status().ToString();
  ModelWriter parser_bytes;
  (*copy)->ReleaseParser()->Save(&parser_bytes);
  const size_t kind_at = greedy.size() - parser_bytes.data().size() - 1;
  ASSERT_EQ(greedy[kind_at], '\0');
  ASSERT_LT(kind_at, at);

  std::string v2 = greedy.substr(0, clusters_at) +
                   greedy.substr(clusters_at + 4, kind_at - clusters_at - 4) +
                   greedy.substr(kind_at + 1, at - kind_at - 1) +
                   greedy.substr(at + 5);
  v2[6] = 2;  // The u32 version after the 6-byte magic.
  std::string v3 = beam7.substr(0, clusters_at) +
                   beam7.substr(clusters_at + 4, kind_at - clusters_at - 4) +
                   beam7.substr(kind_at + 1, at + 4 - kind_at - 1) +
                   beam7.substr(at + 5);
  v3[6] = 3;
  auto loaded = Pipeline::Decode(v2, "v2.cgm");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->parser_beam(), 1);
  auto loaded3 = Pipeline::Decode(v3, "v3.cgm");
  ASSERT_TRUE(loaded3.ok()) << loaded3.status().ToString();
  EXPECT_EQ((*loaded3)->parser_beam(), 7);
  // Re-encoded as version 5, the same bytes as the model they came from.
  EXPECT_EQ((*loaded3)->Encode(), beam7);
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

// Synthetic word vectors for the tiny treebank's words (lower-cased): a
// deterministic function of the word's first letter and length, so words
// alike in those share clusters.
std::shared_ptr<const WordClusters> TinyClusters() {
  WordVectors v;
  v.dim = 4;
  std::set<std::string> seen;
  for (const Sentence& s : ReadTinyTreebank()) {
    for (const Word& w : s.words) {
      std::string lower = w.form;
      for (char& c : lower) c = static_cast<char>(std::tolower(c));
      if (!seen.insert(lower).second) continue;
      v.words.push_back(lower);
      const float first = static_cast<float>(lower[0] % 7);
      const float length = static_cast<float>(lower.size());
      for (float x : {first, length, first - length, 1.0f}) {
        v.values.push_back(x);
      }
    }
  }
  ClusterOptions options;
  options.depth = 6;
  options.min_split = 2;
  return std::make_shared<const WordClusters>(WordClusters::Build(v, options));
}

// A model with word clusters (tagger feature set 3, parser feature set 2)
// survives encoding: same predictions, same bytes, clusters included; and
// without its clusters section it is a CorruptionError.
TEST(PipelineTest, ClusterModelRoundTrip) {
  std::vector<Sentence> gold = ReadTinyTreebank();
  auto clusters = TinyClusters();
  TaggerOptions tagger_options;
  tagger_options.epochs = 8;
  tagger_options.feature_set = 3;
  tagger_options.clusters = clusters;
  ParserOptions parser_options;
  parser_options.epochs = 15;
  parser_options.beam = 4;
  parser_options.clusters = clusters;
  auto pipeline = Pipeline::FromParts(
      Tagger::Train(gold, tagger_options), Lemmatizer::Train(gold),
      Parser::Train(gold, parser_options), "tiny", clusters);
  const std::string data = pipeline->Encode();
  auto loaded = Pipeline::Decode(data, "clusters.cgm");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_NE((*loaded)->clusters(), nullptr);
  EXPECT_EQ((*loaded)->clusters()->size(), clusters->size());
  EXPECT_EQ((*loaded)->Encode(), data);
  // The tiny treebank is fitted with the cluster features too.
  for (const Sentence& s : gold) {
    Sentence a = s, b = s;
    ASSERT_TRUE(pipeline->Annotate(&a).ok());
    ASSERT_TRUE((*loaded)->Annotate(&b).ok());
    for (size_t i = 0; i < a.words.size(); ++i) {
      EXPECT_EQ(a.words[i].upos, s.words[i].upos) << s.words[i].form;
      EXPECT_EQ(a.words[i].head, s.words[i].head) << s.words[i].form;
      EXPECT_EQ(b.words[i].xpos, a.words[i].xpos);
      EXPECT_EQ(b.words[i].head, a.words[i].head);
      EXPECT_EQ(b.words[i].deprel, a.words[i].deprel);
    }
  }
  // The same model with an empty clusters section does not load.
  const size_t at = AfterMetadata(data);
  ModelWriter empty;
  empty.U32(0);
  const size_t clusters_bytes = [&] {
    ModelWriter w;
    clusters->Save(&w);
    return w.data().size();
  }();
  const std::string stripped =
      data.substr(0, at) + empty.data() + data.substr(at + clusters_bytes);
  auto bad = Pipeline::Decode(stripped, "stripped.cgm");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kCorruption);
  EXPECT_NE(bad.status().message().find("clusters"), std::string::npos)
      << bad.status().message();
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
