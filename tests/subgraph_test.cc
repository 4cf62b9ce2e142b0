// Subgraph text storage: kept texts stay put while more are added, and
// copies share them.

#include "graph/subgraph.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace claimgraph {
namespace {

TEST(SubgraphTest, KeptTextsStayValidAsMoreAreKept) {
  Subgraph graph;
  std::vector<std::string> texts;
  std::vector<std::string_view> kept;
  // Small and large texts, enough to fill several chunks.
  for (int i = 0; i < 3000; ++i) {
    std::string text = "text " + std::to_string(i) + " ";
    if (i % 500 == 7) text += std::string(40000, 'a' + i % 26);
    texts.push_back(text);
    kept.push_back(graph.Keep(text));
    EXPECT_NE(kept.back().data(), texts.back().data());
  }
  texts.push_back("");
  kept.push_back(graph.Keep(""));
  for (size_t i = 0; i < texts.size(); ++i) {
    ASSERT_EQ(kept[i], texts[i]) << i;
  }
}

TEST(SubgraphTest, CopiesShareKeptTextsAndRetainedOwners) {
  auto owner = std::make_shared<std::string>("owned elsewhere");
  std::weak_ptr<std::string> watch = owner;
  Subgraph copy;
  {
    Subgraph graph;
    GraphNode& node = graph.nodes.emplace_back();
    node.label = graph.Keep(std::string("Palantir Technologies Inc."));
    node.entity_id = 7;
    GraphEdge& edge = graph.edges.emplace_back();
    edge.predicate = *owner;
    graph.Retain(owner);
    owner.reset();
    EXPECT_FALSE(watch.expired());
    copy = graph;
  }
  EXPECT_FALSE(watch.expired());
  EXPECT_EQ(copy.nodes[0].label, "Palantir Technologies Inc.");
  EXPECT_EQ(copy.edges[0].predicate, "owned elsewhere");
  copy = Subgraph();
  EXPECT_TRUE(watch.expired());
}

TEST(SubgraphTest, NodeKeys) {
  GraphNode entity;
  entity.entity_id = 42;
  EXPECT_EQ(entity.Key(), "e42");
  GraphNode statistic;
  statistic.type = STATISTIC;
  statistic.claim_id = 9000000001;
  EXPECT_EQ(statistic.Key(), "v9000000001");
}

}  // namespace
}  // namespace claimgraph
