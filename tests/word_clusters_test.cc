#include "text/word_clusters.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "text/model_io.h"

namespace claimgraph {
namespace {

// Four groups of eight words, each group's vectors near one axis of R^6 (a
// small deterministic wobble on the other axes), interleaved as a frequency
// list would be.
WordVectors FourGroups() {
  WordVectors v;
  v.dim = 6;
  for (int k = 0; k < 8; ++k) {
    for (int g = 0; g < 4; ++g) {
      v.words.push_back(std::string(1, static_cast<char>('a' + g)) +
                        std::to_string(k));
      for (int d = 0; d < v.dim; ++d) {
        const float wobble = 0.05f * static_cast<float>((k * 7 + d * 3) % 5);
        v.values.push_back(d == g ? 1.0f + wobble : wobble);
      }
    }
  }
  return v;
}

std::string Encoded(const WordClusters& clusters) {
  ModelWriter out;
  clusters.Save(&out);
  return out.data();
}

TEST(WordClustersTest, GroupsOfSimilarVectorsGetTheirOwnPaths) {
  ClusterOptions options;
  options.depth = 4;
  options.min_split = 9;  // A group of eight is not split further.
  const WordClusters clusters = WordClusters::Build(FourGroups(), options);
  EXPECT_EQ(clusters.size(), 32u);
  std::map<uint16_t, char> group_of_path;
  for (int g = 0; g < 4; ++g) {
    const char group = static_cast<char>('a' + g);
    const uint16_t path = clusters.Find(std::string(1, group) + "0");
    ASSERT_NE(path, 0);
    for (int k = 1; k < 8; ++k) {
      EXPECT_EQ(clusters.Find(std::string(1, group) + std::to_string(k)), path)
          << group << k;
    }
    EXPECT_TRUE(group_of_path.emplace(path, group).second)
        << "groups share path " << path;
  }
  EXPECT_EQ(clusters.Find("z1"), 0);
}

TEST(WordClustersTest, BuildIsDeterministicAndSeeded) {
  ClusterOptions options;
  options.depth = 5;
  options.min_split = 2;
  const std::string once = Encoded(WordClusters::Build(FourGroups(), options));
  EXPECT_EQ(Encoded(WordClusters::Build(FourGroups(), options)), once);
  // Depth 0: one cluster, every path is the root.
  options.depth = 0;
  const WordClusters root = WordClusters::Build(FourGroups(), options);
  EXPECT_EQ(root.Find("c3"), 1);
}

TEST(WordClustersTest, PrefixesAndLookup) {
  // 0b1'0110: the path 0, 1, 1, 0 under the root marker.
  EXPECT_EQ(WordClusters::Prefix(0b10110, 2), 0b101);
  EXPECT_EQ(WordClusters::Prefix(0b10110, 4), 0b10110);
  EXPECT_EQ(WordClusters::Prefix(0b10110, 10), 0b10110);
  EXPECT_EQ(WordClusters::Prefix(0b10110, 0), 1);
  EXPECT_EQ(WordClusters::Prefix(0, 4), 0);

  WordVectors v;
  v.dim = 2;
  v.words = {"obama", "1990", "0000", "42", "x"};
  v.values = {1, 0, 0, 1, 1, 1, 0, 1, -1, 0};
  ClusterOptions options;
  options.min_split = 2;
  const WordClusters clusters = WordClusters::Build(v, options);
  EXPECT_EQ(clusters.Find("Obama"), clusters.Find("obama"));
  EXPECT_NE(clusters.Find("OBAMA"), 0);
  // "1990" is known itself; "2024" falls back to "0000" (a word of its own,
  // so not "1990"'s), "17" to "00", which "42" gave first.
  EXPECT_EQ(clusters.Find("2024"), clusters.Find("0000"));
  EXPECT_EQ(clusters.Find("17"), clusters.Find("42"));
  EXPECT_EQ(clusters.Find("123"), 0);
}

TEST(WordClustersTest, SaveLoadRoundTrip) {
  ClusterOptions options;
  options.min_split = 2;
  const WordClusters clusters = WordClusters::Build(FourGroups(), options);
  const std::string bytes = Encoded(clusters);
  ModelReader in(bytes, "clusters");
  auto loaded = WordClusters::Load(&in);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_TRUE(in.at_end());
  EXPECT_EQ(Encoded(*loaded), bytes);
  EXPECT_EQ(loaded->Find("b5"), clusters.Find("b5"));

  ModelReader truncated(std::string_view(bytes).substr(0, bytes.size() - 1),
                        "clusters");
  auto bad = WordClusters::Load(&truncated);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kCorruption);
}

TEST(WordClustersTest, ReadsTextVectorsAndNamesBadLines) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("word_clusters_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string good = (dir / "good.txt").string();
  std::ofstream(good) << "the 0.5 -1\n, 1e-3 2\nof 3 4\n";
  auto vectors = ReadWordVectors(good, 2);
  ASSERT_TRUE(vectors.ok()) << vectors.status().ToString();
  EXPECT_EQ(vectors->dim, 2);
  EXPECT_EQ(vectors->words, (std::vector<std::string>{"the", ","}));
  EXPECT_EQ(vectors->values, (std::vector<float>{0.5f, -1, 1e-3f, 2}));

  const std::string bad = (dir / "bad.txt").string();
  std::ofstream(bad) << "the 0.5 -1\nof 3\n";
  auto short_row = ReadWordVectors(bad, 10);
  ASSERT_FALSE(short_row.ok());
  EXPECT_NE(short_row.status().message().find("bad.txt:2"), std::string::npos)
      << short_row.status().message();
  std::ofstream(bad) << "the 0.5 x1\n";
  EXPECT_EQ(ReadWordVectors(bad, 10).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(ReadWordVectors((dir / "none.txt").string(), 10).status().code(),
            StatusCode::kNotFound);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace claimgraph
