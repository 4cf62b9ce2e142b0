// The beam scorer's feature groups (parser_internal.h): each group's key
// determines the group's features, the groups together are exactly the
// features of Features(), and GroupedScorer scores like a plain sum.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>
#include <tuple>

#include "text/parser_internal.h"
#include "text/word_clusters.h"
#include "tiny_treebank.h"

namespace claimgraph {
namespace parser_internal {
namespace {

constexpr int kLabels = 5;

// Clusters of the tiny treebank's lower-cased forms, from made-up vectors
// (a word's vector depends on its length and first letter).
WordClusters TinyClusters(const std::vector<Sentence>& sentences) {
  WordVectors v;
  v.dim = 3;
  std::set<std::string> seen;
  for (const Sentence& s : sentences) {
    for (const Word& w : s.words) {
      std::string lower = w.form;
      for (char& c : lower) c = static_cast<char>(std::tolower(c));
      if (!seen.insert(lower).second) continue;
      v.words.push_back(lower);
      v.values.push_back(static_cast<float>(lower.size()));
      v.values.push_back(static_cast<float>(lower[0] % 7));
      v.values.push_back(1.0f);
    }
  }
  ClusterOptions options;
  options.min_split = 2;
  return WordClusters::Build(v, options);
}

// Calls f(sentence, state, atoms) for every configuration met on `walks`
// random transition sequences over each sentence, for each feature set (1
// without clusters, 2-4 with); `sentence` numbers the (set, sentence) pairs.
template <typename F>
void ForRandomStates(int walks, F&& f) {
  const std::vector<Sentence> sentences = ReadTinyTreebank();
  ASSERT_FALSE(sentences.empty());
  const WordClusters clusters = TinyClusters(sentences);
  std::mt19937_64 rng(11);
  int sentence = 0;
  for (int set = 1; set <= 4; ++set) {
    for (const Sentence& s : sentences) {
      ++sentence;
      Atoms atoms;
      MakeAtoms(s.words, &clusters, set, &atoms);
      for (int walk = 0; walk < walks; ++walk) {
        State st(static_cast<int>(s.words.size()));
        while (!st.Terminal()) {
          f(sentence, st, atoms);
          std::vector<int> allowed;
          ForEachAllowed(st, kLabels, /*root_label=*/0,
                         [&](int act) { allowed.push_back(act); });
          st.Apply(allowed[rng() % allowed.size()], kLabels);
        }
      }
    }
  }
}

TEST(ParserScorerTest, GroupsAreExactlyTheFeatures) {
  GroupedFeatureLists grouped;
  std::vector<uint64_t> flat, labelled;
  int states = 0;
  ForRandomStates(3, [&](int, const State& st, const Atoms& atoms) {
    ++states;
    const size_t unlabelled = Features(st, atoms, &flat);
    GroupedFeatures(st, atoms, (1u << kNumGroups) - 1, &grouped);
    std::vector<uint64_t> all, first;
    for (int g = 0; g < kNumGroups; ++g) {
      all.insert(all.end(), grouped[g].begin(), grouped[g].end());
      if (g < kNumUnlabelledGroups) {
        first.insert(first.end(), grouped[g].begin(), grouped[g].end());
      }
    }
    std::vector<uint64_t> want(flat),
        want_first(flat.begin(), flat.begin() + unlabelled);
    std::sort(all.begin(), all.end()), std::sort(want.begin(), want.end());
    std::sort(first.begin(), first.end());
    std::sort(want_first.begin(), want_first.end());
    ASSERT_EQ(all, want);
    ASSERT_EQ(first, want_first);
    // A mask leaves the other groups empty.
    GroupedFeatures(st, atoms, 1u << kGroupS0Buffer, &grouped);
    for (int g = 0; g < kNumGroups; ++g) {
      if (g != kGroupS0Buffer) {
        ASSERT_TRUE(grouped[g].empty());
      }
    }
    Features(st, atoms, &labelled, /*labelled_only=*/true);
    ASSERT_EQ(labelled.size(), flat.size() - unlabelled);
  });
  EXPECT_GT(states, 1000);
}

// The property the caches rest on: configurations (of one sentence) with
// equal GroupKey(g) have equal features in group g. A template put in a
// group whose key does not cover what it reads breaks it.
TEST(ParserScorerTest, EqualGroupKeysMeanEqualGroupFeatures) {
  GroupedFeatureLists grouped;
  std::map<std::tuple<int, int, uint64_t>, std::vector<uint64_t>> seen;
  std::vector<int> shared(kNumGroups, 0);
  ForRandomStates(8, [&](int sentence, const State& st, const Atoms& atoms) {
    GroupedFeatures(st, atoms, (1u << kNumGroups) - 1, &grouped);
    for (int g = 0; g < kNumGroups; ++g) {
      const uint64_t key = GroupKey(static_cast<FeatureGroup>(g), st);
      auto [it, inserted] =
          seen.emplace(std::make_tuple(sentence, g, key), grouped[g]);
      if (!inserted) {
        ++shared[g];
        ASSERT_EQ(it->second, grouped[g]) << "group " << g;
      }
    }
  });
  // Every group's key is shared by some configurations, or the test proves
  // nothing about it.
  for (int g = 0; g < kNumGroups; ++g) EXPECT_GT(shared[g], 10) << g;
}

TEST(ParserScorerTest, GroupedScorerScoresLikeThePlainSum) {
  constexpr int kClasses = 1 + 2 * kLabels;
  Perceptron model(kClasses);
  std::vector<uint64_t> features;
  std::mt19937_64 rng(5);
  // Weights for the features of random configurations: frequent ones get
  // dense rows.
  ForRandomStates(2, [&](int, const State& st, const Atoms& atoms) {
    Features(st, atoms, &features);
    model.Update(features.data(), features.size(),
                 static_cast<int>(rng() % kClasses),
                 static_cast<int>(rng() % kClasses));
  });
  model.Finish(1e-3f);
  std::vector<float> want(kClasses), got(kClasses);
  int current = 0;
  std::unique_ptr<GroupedScorer> scorer;
  int compared = 0;
  ForRandomStates(2, [&](int sentence, const State& st, const Atoms& atoms) {
    if (sentence != current) {  // A new sentence: a new scorer.
      scorer = std::make_unique<GroupedScorer>(model);
      current = sentence;
    }
    Features(st, atoms, &features);
    std::fill(want.begin(), want.end(), 0.0f);
    model.Score(features.data(), features.size(), want.data());
    scorer->Score(st, atoms, got.data());
    for (int k = 0; k < kClasses; ++k) {
      // Only the order of the float additions differs.
      ASSERT_NEAR(got[k], want[k], 1e-4f * (1 + std::fabs(want[k])));
    }
    ++compared;
  });
  EXPECT_GT(compared, 500);
}

}  // namespace
}  // namespace parser_internal
}  // namespace claimgraph
