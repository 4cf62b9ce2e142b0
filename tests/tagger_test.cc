#include "text/tagger.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <string>
#include <vector>

#include "text/model_io.h"
#include "text/word_clusters.h"
#include "tiny_treebank.h"

namespace claimgraph {
namespace {

// Copies of the words with the tags removed.
std::vector<std::vector<Word>> Untagged(const std::vector<Sentence>& gold) {
  std::vector<std::vector<Word>> out;
  for (const Sentence& s : gold) {
    out.push_back(s.words);
    for (Word& w : out.back()) w.upos = w.xpos = "";
  }
  return out;
}

// Both taggers tag the words (unseen text) alike, and tag every word.
void ExpectSameTags(const Tagger& a_tagger, const Tagger& b_tagger,
                    const std::vector<std::string>& forms) {
  std::vector<Word> a, b;
  for (const std::string& form : forms) {
    Word w;
    w.form = form;
    a.push_back(w);
  }
  b = a;
  a_tagger.Tag(&a);
  b_tagger.Tag(&b);
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_FALSE(a[i].upos.empty());
    EXPECT_EQ(a[i].upos, b[i].upos);
    EXPECT_EQ(a[i].xpos, b[i].xpos);
  }
}

// Tags the words of `gold` afresh and expects the gold XPOS (and UPOS when
// `check_upos`) on every word; returns the number of words compared.
long ExpectGoldTags(const Tagger& tagger, const std::vector<Sentence>& gold,
                    bool check_upos, const std::string& note = "") {
  auto words = Untagged(gold);
  long total = 0;
  for (size_t s = 0; s < gold.size(); ++s) {
    tagger.Tag(&words[s]);
    for (size_t i = 0; i < words[s].size(); ++i, ++total) {
      const Word& want = gold[s].words[i];
      if (check_upos) {
        EXPECT_EQ(words[s][i].upos, want.upos)
            << want.form << " in sentence " << s + 1 << note;
      }
      EXPECT_EQ(words[s][i].xpos, want.xpos)
          << want.form << " in sentence " << s + 1 << note;
    }
  }
  return total;
}

// Saves `tagger` into `*bytes`, loads it back (reading the whole encoding),
// and expects the loaded tagger to re-encode to the same bytes. Returns the
// loaded tagger, or null (the test has failed) when it does not load.
std::unique_ptr<Tagger> RoundTrip(const Tagger& tagger, std::string* bytes) {
  ModelWriter out;
  tagger.Save(&out);
  *bytes = out.data();
  ModelReader in(*bytes, "tagger");
  auto loaded = Tagger::Load(&in);
  EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
  if (!loaded.ok()) return nullptr;
  EXPECT_TRUE(in.at_end());
  ModelWriter again;
  (*loaded)->Save(&again);
  EXPECT_EQ(again.data(), *bytes);
  return std::move(*loaded);
}

TEST(TaggerTest, FitsTinyTreebankExactly) {
  std::vector<Sentence> gold = ReadTinyTreebank();
  ASSERT_EQ(gold.size(), 10u);
  TaggerOptions options;
  options.epochs = 10;
  auto tagger = Tagger::Train(gold, options);
  EXPECT_GT(ExpectGoldTags(*tagger, gold, /*check_upos=*/true), 80);
}

TEST(TaggerTest, SaveLoadRoundTripKeepsPredictions) {
  std::vector<Sentence> gold = ReadTinyTreebank();
  TaggerOptions options;
  options.epochs = 3;  // Underfit on purpose, so predictions vary.
  auto tagger = Tagger::Train(gold, options);
  ModelWriter out;
  tagger->Save(&out);
  ModelReader in(out.data(), "tagger");
  auto loaded = Tagger::Load(&in);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_TRUE(in.at_end());

  ExpectSameTags(*tagger, **loaded,
                 {"Officials", "said", "the", "new", "bridge", "would", "open",
                  "in", "2020", "."});
}

TEST(TaggerTest, TwoPassTaggerFitsTinyTreebankExactly) {
  std::vector<Sentence> gold = ReadTinyTreebank();
  TaggerOptions options;
  options.epochs = 10;
  options.passes = 2;
  options.feature_set = 2;
  auto tagger = Tagger::Train(gold, options);
  ExpectGoldTags(*tagger, gold, /*check_upos=*/true);
}

// Both passes are saved: a loaded two-pass tagger predicts the same tags on
// unseen text, and its encoding is byte-identical.
TEST(TaggerTest, TwoPassSaveLoadRoundTrip) {
  TaggerOptions options;
  options.epochs = 2;
  options.passes = 2;
  options.feature_set = 2;
  auto tagger = Tagger::Train(ReadTinyTreebank(), options);
  std::string bytes;
  auto loaded = RoundTrip(*tagger, &bytes);
  ASSERT_NE(loaded, nullptr);
  ExpectSameTags(*tagger, *loaded,
                 {"Reporters", "asked", "whether", "the", "council", "had",
                  "closed", "the", "old", "bridge", "."});
}

// Training is deterministic: the same data and options give the same bytes
// (the second pass's jackknifed folds included).
TEST(TaggerTest, TwoPassTrainingIsDeterministic) {
  TaggerOptions options;
  options.epochs = 3;
  options.passes = 2;
  options.feature_set = 2;
  ModelWriter a, b;
  Tagger::Train(ReadTinyTreebank(), options)->Save(&a);
  Tagger::Train(ReadTinyTreebank(), options)->Save(&b);
  EXPECT_EQ(a.data(), b.data());
}

// Byte offset of the passes byte in a saved tagger: after the classes, the
// tag dictionary and the ambiguity classes (layout in docs/nlp.md).
size_t PassesOffset(const std::string& data) {
  ModelReader in(data, "tagger");
  size_t offset = 4;
  uint32_t classes = in.U32();
  for (uint32_t c = 0; c < classes; ++c)
    offset += 8 + in.Str().size() + in.Str().size();
  uint32_t dict = in.U32();
  offset += 4;
  for (uint32_t k = 0; k < dict; ++k) {
    offset += 8 + in.Str().size();
    in.U32();
  }
  uint32_t amb = in.U32();
  offset += 4;
  for (uint32_t k = 0; k < amb; ++k) {
    offset += 12 + in.Str().size();
    in.U64();
  }
  EXPECT_TRUE(in.ok());
  return offset;
}

// A version 1 tagger section (no passes and feature-set bytes) loads as a
// one-pass tagger with feature set 1 and predicts as before.
TEST(TaggerTest, VersionOneSectionLoads) {
  TaggerOptions options;
  options.epochs = 3;
  auto tagger = Tagger::Train(ReadTinyTreebank(), options);
  ModelWriter out;
  tagger->Save(&out);
  std::string data = out.data();
  const size_t at = PassesOffset(data);
  ASSERT_LT(at + 2, data.size());
  ASSERT_EQ(data[at], 1);      // One pass...
  ASSERT_EQ(data[at + 1], 1);  // ...feature set 1.
  std::string v1 = data.substr(0, at) + data.substr(at + 2);
  ModelReader in(v1, "v1");
  auto loaded = Tagger::Load(&in, /*with_passes=*/false);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_TRUE(in.at_end());
  std::vector<Word> a, b;
  for (const char* form : {"Police", "said", "the", "report", "was", "lost"}) {
    Word w;
    w.form = form;
    a.push_back(w);
  }
  b = a;
  tagger->Tag(&a);
  (*loaded)->Tag(&b);
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].xpos, b[i].xpos);
  // A bad feature-set byte is an error, not a silent default.
  data[at + 1] = 7;
  ModelReader bad(data, "bad");
  auto refused = Tagger::Load(&bad);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kCorruption);
}

// passes = 3: the second pass also sees a right-to-left first pass. It fits
// the tiny treebank, and a saved one (passes byte 3, three perceptrons)
// loads, re-encodes to the same bytes and tags unseen text alike.
TEST(TaggerTest, BackwardStackedTaggerFitsAndRoundTrips) {
  std::vector<Sentence> gold = ReadTinyTreebank();
  TaggerOptions options;
  options.epochs = 10;
  options.passes = 3;
  options.feature_set = 2;
  auto tagger = Tagger::Train(gold, options);
  ExpectGoldTags(*tagger, gold, /*check_upos=*/false);
  std::string bytes;
  auto loaded = RoundTrip(*tagger, &bytes);
  EXPECT_EQ(bytes[PassesOffset(bytes)], 3);
  ASSERT_NE(loaded, nullptr);
  ExpectSameTags(*tagger, *loaded,
                 {"Reporters", "asked", "whether", "the", "council", "had",
                  "closed", "the", "old", "bridge", "."});
  // Three perceptrons: more weights than a two-pass tagger's.
  options.passes = 2;
  EXPECT_GT(tagger->num_weights(), Tagger::Train(gold, options)->num_weights());
}

// A right-to-left first pass (alone: passes byte 4; with a forward second
// pass: 5) fits the tiny treebank and survives a save/load round trip.
TEST(TaggerTest, BackwardFirstPassFitsAndRoundTrips) {
  std::vector<Sentence> gold = ReadTinyTreebank();
  for (int passes : {1, 2}) {
    TaggerOptions options;
    options.epochs = 10;
    options.passes = passes;
    options.first_backward = true;
    options.feature_set = 2;
    auto tagger = Tagger::Train(gold, options);
    ExpectGoldTags(*tagger, gold, /*check_upos=*/false,
                   ", passes " + std::to_string(passes));
    std::string bytes;
    auto loaded = RoundTrip(*tagger, &bytes);
    EXPECT_EQ(bytes[PassesOffset(bytes)], 3 + passes);
    ASSERT_NE(loaded, nullptr);
    ExpectSameTags(*tagger, *loaded,
                   {"The", "mayor", "said", "that", "the", "bridge", "will",
                    "reopen", "soon", "."});
  }
}

// Word clusters over the lower-cased forms of `gold` (vectors from the
// bytes of each form, so deterministic).
std::shared_ptr<const WordClusters> TinyClusters(
    const std::vector<Sentence>& gold) {
  WordVectors v;
  v.dim = 4;
  for (const Sentence& s : gold) {
    for (const Word& w : s.words) {
      std::string lower;
      for (char c : w.form) lower.push_back(static_cast<char>(std::tolower(c)));
      if (std::find(v.words.begin(), v.words.end(), lower) != v.words.end())
        continue;
      v.words.push_back(lower);
      for (int d = 0; d < v.dim; ++d) {
        v.values.push_back(static_cast<float>(
            static_cast<unsigned char>(lower[d % lower.size()]) % (7 + d)));
      }
    }
  }
  ClusterOptions options;
  options.depth = 4;
  return std::make_shared<const WordClusters>(WordClusters::Build(v, options));
}

uint32_t AmbiguityEntries(const std::string& data) {
  ModelReader in(data, "tagger");
  uint32_t classes = in.U32();
  for (uint32_t c = 0; c < classes; ++c) {
    in.Str();
    in.Str();
  }
  uint32_t dict = in.U32();
  for (uint32_t k = 0; k < dict; ++k) {
    in.Str();
    in.U32();
  }
  return in.U32();
}

// Feature set 4 is set 3 with ambiguity classes only for forms seen at
// least 8 times: fewer entries than set 3 on the same data. Set 5 keeps
// set 3's classes but trains on classes from the other folds: the same
// entries, other weights. Each fits the tiny treebank, saves its
// feature-set byte, and loads (with its clusters, not without) to the same
// predictions.
TEST(TaggerTest, FeatureSetsFourAndFiveChangeTheAmbiguityClasses) {
  std::vector<Sentence> gold = ReadTinyTreebank();
  auto clusters = TinyClusters(gold);
  ASSERT_FALSE(clusters->empty());
  std::string bytes[3];
  for (int set : {3, 4, 5}) {
    TaggerOptions options;
    options.epochs = 10;
    options.first_backward = true;
    options.feature_set = set;
    options.clusters = clusters;
    auto tagger = Tagger::Train(gold, options);
    ExpectGoldTags(*tagger, gold, /*check_upos=*/false,
                   ", feature set " + std::to_string(set));
    ModelWriter out;
    tagger->Save(&out);
    bytes[set - 3] = out.data();
    EXPECT_EQ(bytes[set - 3][PassesOffset(bytes[set - 3]) + 1], set);
    ModelReader in(bytes[set - 3], "tagger");
    auto loaded = Tagger::Load(&in, true, clusters);
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    EXPECT_TRUE(in.at_end());
    ExpectSameTags(*tagger, **loaded,
                   {"The", "mayor", "said", "that", "the", "bridge", "will",
                    "reopen", "soon", "."});
    ModelReader bare(bytes[set - 3], "tagger");
    EXPECT_FALSE(Tagger::Load(&bare, true, nullptr).ok());
  }
  const uint32_t set3 = AmbiguityEntries(bytes[0]);
  const uint32_t set4 = AmbiguityEntries(bytes[1]);
  EXPECT_GT(set4, 0u);
  EXPECT_LT(set4, set3);
  EXPECT_EQ(AmbiguityEntries(bytes[2]), set3);
  // Only the feature-set byte would differ if the folds changed nothing.
  std::string set5 = bytes[2];
  set5[PassesOffset(set5) + 1] = 3;
  EXPECT_NE(set5, bytes[0]);
}

TEST(TaggerTest, TruncatedModelIsCorruption) {
  TaggerOptions options;
  options.epochs = 1;
  auto tagger = Tagger::Train(ReadTinyTreebank(), options);
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
