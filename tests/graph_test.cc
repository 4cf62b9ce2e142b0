// Walks over a small known claim graph: neighbours with filters, statistic
// nodes, node limits, components and shortest paths.

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "graph/walk.h"
#include "store/store.h"
#include "store_test_util.h"

namespace claimgraph {
namespace {

using testing_util::Ent;
using testing_util::TestDir;

Claim Rel(const Entity& subject, const std::string& predicate,
          const Entity& object, double confidence = 1.0,
          const std::string& outlet = "Outlet") {
  Claim c;
  *c.mutable_subject() = subject;
  c.set_predicate(predicate);
  *c.mutable_object() = object;
  c.set_confidence(confidence);
  Evidence* e = c.add_evidence();
  e->set_sentence(subject.name() + " " + predicate + " " + object.name() + ".");
  e->mutable_source()->set_outlet(outlet);
  e->mutable_source()->set_url("https://example.org/" + outlet);
  e->mutable_source()->set_published("2025-05-01");
  return c;
}

// The known graph (claims in this order, so claim ids follow it):
//   1 Peter Thiel -found-> Palantir
//   2 Palantir -build-> ImmigrationOS              (0.9)
//   3 ICE -contract-> Palantir                     (0.92, two outlets)
//   4 ICE -detain-> 1,461 immigrants               (a value)
//   5 ICE -part_of-> DHS                           (REPORTED)
//   6 CBP -part_of-> DHS
//   7 CBP -operate-> TVS
//   8 Lonely Island -near-> Other Island           (another component)
std::vector<Claim> KnownGraph() {
  Entity thiel = Ent("Peter Thiel", PERSON);
  Entity palantir = Ent("Palantir", COMPANY);
  Entity ios = Ent("ImmigrationOS", PROGRAM);
  Entity ice = Ent("ICE", AGENCY);
  Entity dhs = Ent("DHS", AGENCY);
  Entity cbp = Ent("CBP", AGENCY);
  Entity tvs = Ent("TVS", PROGRAM);
  std::vector<Claim> claims;
  claims.push_back(Rel(thiel, "found", palantir));
  claims.push_back(Rel(palantir, "build", ios, 0.9));
  Claim contract = Rel(ice, "contract", palantir, 0.92, "Capitol Tech Review");
  Evidence* second = contract.add_evidence();
  second->set_sentence("Border Monitor says so.");
  second->mutable_source()->set_outlet("Border Monitor");
  second->mutable_source()->set_url("https://example.org/bm");
  claims.push_back(contract);
  Claim detain;
  *detain.mutable_subject() = ice;
  detain.set_predicate("detain");
  detain.mutable_value()->set_amount(1461);
  detain.mutable_value()->set_unit("immigrants");
  claims.push_back(detain);
  Claim part_of = Rel(ice, "part_of", dhs);
  part_of.mutable_attribution()->set_stance(REPORTED);
  part_of.mutable_attribution()->set_cue("said");
  claims.push_back(part_of);
  claims.push_back(Rel(cbp, "part_of", dhs));
  claims.push_back(Rel(cbp, "operate", tvs));
  claims.push_back(Rel(Ent("Lonely Island", LOCATION), "near",
                       Ent("Other Island", LOCATION)));
  return claims;
}

// An edge as (from label, predicate, to label).
using EdgeView = std::tuple<std::string, std::string, std::string>;

std::map<std::string, int> NodeDepths(const Subgraph& g) {
  std::map<std::string, int> out;
  for (const GraphNode& n : g.nodes) out[std::string(n.label)] = n.depth;
  return out;
}

std::set<std::string> NodeLabels(const Subgraph& g) {
  std::set<std::string> out;
  for (const GraphNode& n : g.nodes) out.emplace(n.label);
  return out;
}

std::set<EdgeView> Edges(const Subgraph& g) {
  std::set<EdgeView> out;
  for (const GraphEdge& e : g.edges) {
    out.emplace(g.nodes.at(e.from).label, e.predicate, g.nodes.at(e.to).label);
  }
  return out;
}

class GraphTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = TestDir("graph_test");
    std::filesystem::remove_all(dir_);
    StatusOr<std::unique_ptr<Store>> store =
        Store::Open(dir_.string(), StoreOptions());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
    Load(KnownGraph());
  }
  void TearDown() override {
    reader_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  void Load(const std::vector<Claim>& claims) {
    std::vector<LocatedClaim> located;
    for (size_t i = 0; i < claims.size(); ++i) {
      located.push_back({claims[i], "graph:" + std::to_string(i + 1)});
    }
    StatusOr<WriteReport> report = store_->AddClaims(located, false);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    reader_ = store_->NewReader();
  }

  uint64_t Id(const std::string& name) {
    StatusOr<Entity> e = reader_->ResolveEntity(name);
    EXPECT_TRUE(e.ok()) << name << ": " << e.status().ToString();
    return e.ok() ? e->id() : 0;
  }

  WalkResult Walk(const std::string& start, WalkOptions options) {
    StatusOr<WalkResult> result = Neighbors(*reader_, Id(start), options);
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    return result.ok() ? *result : WalkResult();
  }

  Path FindPath(const std::string& from, const std::string& to,
                PathOptions options = PathOptions()) {
    StatusOr<Path> path = ShortestPath(*reader_, Id(from), Id(to), options);
    EXPECT_TRUE(path.ok()) << path.status().ToString();
    return path.ok() ? *path : Path();
  }

  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<StoreReader> reader_;
};

TEST_F(GraphTest, NeighborsDepthOne) {
  WalkOptions options;
  options.depth = 1;
  WalkResult r = Walk("ICE", options);
  EXPECT_FALSE(r.truncated);
  std::map<std::string, int> expected_nodes = {
      {"ICE", 0}, {"Palantir", 1}, {"1,461 immigrants", 1}, {"DHS", 1}};
  EXPECT_EQ(NodeDepths(r.graph), expected_nodes);
  EXPECT_EQ(r.graph.nodes.size(), 4u);
  EXPECT_EQ(r.graph.nodes[0].label, "ICE");
  EXPECT_EQ(r.graph.nodes[0].type, AGENCY);
  std::set<EdgeView> expected_edges = {{"ICE", "contract", "Palantir"},
                                       {"ICE", "detain", "1,461 immigrants"},
                                       {"ICE", "part_of", "DHS"}};
  EXPECT_EQ(Edges(r.graph), expected_edges);
}

TEST_F(GraphTest, NeighborsDepthTwo) {
  WalkOptions options;
  options.depth = 2;
  WalkResult r = Walk("ICE", options);
  std::map<std::string, int> expected_nodes = {
      {"ICE", 0}, {"Palantir", 1},    {"1,461 immigrants", 1},
      {"DHS", 1}, {"Peter Thiel", 2}, {"ImmigrationOS", 2},
      {"CBP", 2}};
  EXPECT_EQ(NodeDepths(r.graph), expected_nodes);
  EXPECT_EQ(r.graph.nodes.size(), expected_nodes.size());  // No duplicates.
  std::set<EdgeView> expected_edges = {{"ICE", "contract", "Palantir"},
                                       {"ICE", "detain", "1,461 immigrants"},
                                       {"ICE", "part_of", "DHS"},
                                       {"Peter Thiel", "found", "Palantir"},
                                       {"Palantir", "build", "ImmigrationOS"},
                                       {"CBP", "part_of", "DHS"}};
  EXPECT_EQ(Edges(r.graph), expected_edges);
  EXPECT_EQ(r.graph.edges.size(), expected_edges.size());  // Each claim once.

  // Depth 0 is the start alone.
  options.depth = 0;
  WalkResult alone = Walk("ICE", options);
  EXPECT_EQ(NodeLabels(alone.graph), std::set<std::string>({"ICE"}));
  EXPECT_TRUE(alone.graph.edges.empty());

  options.depth = -1;
  EXPECT_FALSE(Neighbors(*reader_, Id("ICE"), options).ok());
}

TEST_F(GraphTest, WalksAreDeterministic) {
  WalkOptions options;
  options.depth = 3;
  WalkResult a = Walk("DHS", options);
  WalkResult b = Walk("DHS", options);
  ASSERT_EQ(a.graph.nodes.size(), b.graph.nodes.size());
  for (size_t i = 0; i < a.graph.nodes.size(); ++i) {
    EXPECT_EQ(a.graph.nodes[i].Key(), b.graph.nodes[i].Key());
  }
  ASSERT_EQ(a.graph.edges.size(), b.graph.edges.size());
  for (size_t i = 0; i < a.graph.edges.size(); ++i) {
    EXPECT_EQ(a.graph.edges[i].claim_id, b.graph.edges[i].claim_id);
  }
}

TEST_F(GraphTest, EdgesCarryClaimDetails) {
  WalkOptions options;
  WalkResult r = Walk("ICE", options);
  std::map<std::string, const GraphEdge*> by_predicate;
  for (const GraphEdge& e : r.graph.edges) {
    by_predicate[std::string(e.predicate)] = &e;
  }
  ASSERT_EQ(by_predicate.size(), 3u);

  const GraphEdge& contract = *by_predicate["contract"];
  EXPECT_NE(contract.claim_id, 0u);
  EXPECT_DOUBLE_EQ(contract.confidence, 0.92);
  EXPECT_FALSE(contract.attributed_or_disputed);
  ASSERT_EQ(contract.sources.size(), 2u);
  EXPECT_EQ(contract.sources[0].outlet, "Capitol Tech Review");
  EXPECT_EQ(contract.sources[0].published, "2025-05-01");
  EXPECT_EQ(contract.sources[1].outlet, "Border Monitor");

  EXPECT_TRUE(by_predicate["part_of"]->attributed_or_disputed);

  const GraphEdge& detain = *by_predicate["detain"];
  EXPECT_EQ(detain.detail, "1,461 immigrants");
  const GraphNode& stat = r.graph.nodes.at(detain.to);
  EXPECT_EQ(stat.type, STATISTIC);
  EXPECT_EQ(stat.entity_id, 0u);
  EXPECT_EQ(stat.Key(), "v" + std::to_string(detain.claim_id));
  EXPECT_EQ(r.graph.nodes.at(detain.from).label, "ICE");
}

TEST_F(GraphTest, PredicateFilter) {
  WalkOptions options;
  options.depth = 3;
  options.predicates = {"part_of"};
  WalkResult r = Walk("ICE", options);
  EXPECT_EQ(NodeLabels(r.graph), std::set<std::string>({"ICE", "DHS", "CBP"}));
  std::set<EdgeView> expected = {{"ICE", "part_of", "DHS"},
                                 {"CBP", "part_of", "DHS"}};
  EXPECT_EQ(Edges(r.graph), expected);

  options.predicates = {"part_of", "operate"};
  r = Walk("ICE", options);
  EXPECT_EQ(NodeLabels(r.graph),
            std::set<std::string>({"ICE", "DHS", "CBP", "TVS"}));

  options.predicates = {"no_such_predicate"};
  r = Walk("ICE", options);
  EXPECT_EQ(NodeLabels(r.graph), std::set<std::string>({"ICE"}));
}

TEST_F(GraphTest, TypeFilter) {
  WalkOptions options;
  options.depth = 2;
  options.types = {COMPANY};
  WalkResult r = Walk("ICE", options);
  EXPECT_EQ(NodeLabels(r.graph), std::set<std::string>({"ICE", "Palantir"}));
  EXPECT_EQ(Edges(r.graph),
            std::set<EdgeView>({{"ICE", "contract", "Palantir"}}));

  options.types = {STATISTIC};
  r = Walk("ICE", options);
  EXPECT_EQ(NodeLabels(r.graph),
            std::set<std::string>({"ICE", "1,461 immigrants"}));

  // The start is kept even when its type is filtered out.
  options.types = {AGENCY};
  options.depth = 3;
  r = Walk("ICE", options);
  EXPECT_EQ(NodeLabels(r.graph), std::set<std::string>({"ICE", "DHS", "CBP"}));
  options.types = {PERSON, COMPANY};
  r = Walk("DHS", options);
  EXPECT_EQ(NodeLabels(r.graph), std::set<std::string>({"DHS"}));
}

TEST_F(GraphTest, DirectionFilter) {
  WalkOptions options;
  options.depth = 2;
  options.direction = Direction::kOut;
  WalkResult r = Walk("ICE", options);
  EXPECT_EQ(NodeLabels(r.graph),
            std::set<std::string>({"ICE", "Palantir", "1,461 immigrants", "DHS",
                                   "ImmigrationOS"}));

  options.direction = Direction::kIn;
  r = Walk("Palantir", options);
  EXPECT_EQ(NodeLabels(r.graph),
            std::set<std::string>({"Palantir", "Peter Thiel", "ICE"}));
  // Edges still point from subject to object.
  EXPECT_EQ(Edges(r.graph),
            std::set<EdgeView>({{"Peter Thiel", "found", "Palantir"},
                                {"ICE", "contract", "Palantir"}}));

  options.direction = Direction::kIn;
  options.depth = 1;
  r = Walk("DHS", options);
  EXPECT_EQ(NodeLabels(r.graph), std::set<std::string>({"DHS", "ICE", "CBP"}));
  options.direction = Direction::kOut;
  r = Walk("DHS", options);
  EXPECT_EQ(NodeLabels(r.graph), std::set<std::string>({"DHS"}));

  EXPECT_EQ(*ParseDirection("in"), Direction::kIn);
  EXPECT_EQ(*ParseDirection("out"), Direction::kOut);
  EXPECT_EQ(*ParseDirection("both"), Direction::kBoth);
  EXPECT_FALSE(ParseDirection("sideways").ok());
}

TEST_F(GraphTest, NodeLimitTruncates) {
  WalkOptions options;
  options.depth = 2;
  WalkResult full = Walk("ICE", options);
  EXPECT_FALSE(full.truncated);
  ASSERT_EQ(full.graph.nodes.size(), 7u);

  options.node_limit = 3;
  WalkResult r = Walk("ICE", options);
  EXPECT_TRUE(r.truncated);
  EXPECT_EQ(r.graph.nodes.size(), 3u);
  EXPECT_EQ(r.graph.nodes[0].label, "ICE");
  // Every edge joins kept nodes.
  for (const GraphEdge& e : r.graph.edges) {
    EXPECT_LT(e.from, r.graph.nodes.size());
    EXPECT_LT(e.to, r.graph.nodes.size());
  }

  // A limit that is not reached does not truncate.
  options.node_limit = 7;
  r = Walk("ICE", options);
  EXPECT_FALSE(r.truncated);
  EXPECT_EQ(r.graph.nodes.size(), 7u);
}

TEST_F(GraphTest, ComponentReachesEverythingConnected) {
  WalkOptions options;
  StatusOr<WalkResult> r = Component(*reader_, Id("TVS"), options);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(NodeLabels(r->graph),
            std::set<std::string>({"TVS", "CBP", "DHS", "ICE", "Palantir",
                                   "1,461 immigrants", "Peter Thiel",
                                   "ImmigrationOS"}));
  EXPECT_EQ(r->graph.edges.size(), 7u);
  EXPECT_FALSE(r->truncated);

  r = Component(*reader_, Id("Lonely Island"), options);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(NodeLabels(r->graph),
            std::set<std::string>({"Lonely Island", "Other Island"}));

  // Filters apply to components too.
  options.predicates = {"part_of", "operate"};
  r = Component(*reader_, Id("TVS"), options);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(NodeLabels(r->graph),
            std::set<std::string>({"TVS", "CBP", "DHS", "ICE"}));

  EXPECT_EQ(Component(*reader_, 9999, WalkOptions()).status().code(),
            StatusCode::kNotFound);
}

TEST_F(GraphTest, ShortestPathHopsAndDirections) {
  Path path = FindPath("Peter Thiel", "ICE");
  ASSERT_EQ(path.entities.size(), 3u);
  EXPECT_EQ(path.entities[0].name(), "Peter Thiel");
  EXPECT_EQ(path.entities[1].name(), "Palantir");
  EXPECT_EQ(path.entities[2].name(), "ICE");
  ASSERT_EQ(path.hops.size(), 2u);
  EXPECT_EQ(path.hops[0].claim.predicate(), "found");
  EXPECT_TRUE(path.hops[0].forward);
  EXPECT_EQ(path.hops[1].claim.predicate(), "contract");
  EXPECT_FALSE(path.hops[1].forward);  // ICE -contract-> Palantir, walked back.
  // Hops are hydrated.
  EXPECT_EQ(path.hops[1].claim.subject().name(), "ICE");
  EXPECT_EQ(path.hops[1].claim.evidence_size(), 2);
  // Each hop costs 1 + (1 - confidence) / (max_depth + 1); max_depth is 6.
  EXPECT_NEAR(path.cost, 1.0 + 1.0 + (1.0 - 0.92) / 7, 1e-9);

  // The subgraph of a path keeps the claims' directions.
  Subgraph g = PathToSubgraph(path);
  EXPECT_EQ(Edges(g), std::set<EdgeView>({{"Peter Thiel", "found", "Palantir"},
                                          {"ICE", "contract", "Palantir"}}));

  // The other way round.
  Path back = FindPath("ICE", "Peter Thiel");
  ASSERT_EQ(back.hops.size(), 2u);
  EXPECT_TRUE(back.hops[0].forward);
  EXPECT_FALSE(back.hops[1].forward);

  // Five hops to TVS.
  Path longer = FindPath("Peter Thiel", "TVS");
  std::vector<std::string> names;
  for (const Entity& e : longer.entities) names.push_back(e.name());
  EXPECT_EQ(names, std::vector<std::string>({"Peter Thiel", "Palantir", "ICE",
                                             "DHS", "CBP", "TVS"}));
  ASSERT_EQ(longer.hops.size(), 5u);
  std::vector<bool> forward;
  for (const PathHop& h : longer.hops) forward.push_back(h.forward);
  EXPECT_EQ(forward, std::vector<bool>({true, false, true, false, true}));

  // From an entity to itself: no hops.
  Path self = FindPath("ICE", "ICE");
  EXPECT_EQ(self.entities.size(), 1u);
  EXPECT_TRUE(self.hops.empty());
}

TEST_F(GraphTest, ShortestPathDirectionAndPredicateFilters) {
  PathOptions out;
  out.direction = Direction::kOut;
  Path p = FindPath("ICE", "ImmigrationOS", out);
  ASSERT_EQ(p.hops.size(), 2u);
  EXPECT_TRUE(p.hops[0].forward);
  EXPECT_TRUE(p.hops[1].forward);
  EXPECT_EQ(ShortestPath(*reader_, Id("ImmigrationOS"), Id("ICE"), out)
                .status()
                .code(),
            StatusCode::kNotFound);
  EXPECT_EQ(
      ShortestPath(*reader_, Id("Peter Thiel"), Id("ICE"), out).status().code(),
      StatusCode::kNotFound);

  PathOptions in;
  in.direction = Direction::kIn;
  Path q = FindPath("ImmigrationOS", "ICE", in);
  ASSERT_EQ(q.hops.size(), 2u);
  EXPECT_FALSE(q.hops[0].forward);
  EXPECT_FALSE(q.hops[1].forward);

  PathOptions only_part_of;
  only_part_of.predicates = {"part_of"};
  Path r = FindPath("ICE", "CBP", only_part_of);
  EXPECT_EQ(r.hops.size(), 2u);
  EXPECT_EQ(ShortestPath(*reader_, Id("ICE"), Id("TVS"), only_part_of)
                .status()
                .code(),
            StatusCode::kNotFound);
}

TEST_F(GraphTest, ShortestPathNotFoundBeyondMaxDepth) {
  PathOptions options;
  options.max_depth = 5;
  EXPECT_EQ(FindPath("Peter Thiel", "TVS", options).hops.size(), 5u);
  options.max_depth = 4;
  StatusOr<Path> p =
      ShortestPath(*reader_, Id("Peter Thiel"), Id("TVS"), options);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), StatusCode::kNotFound);
  options.max_depth = 1;
  EXPECT_EQ(ShortestPath(*reader_, Id("Peter Thiel"), Id("ICE"), options)
                .status()
                .code(),
            StatusCode::kNotFound);

  // Another component is never reached.
  StatusOr<Path> none =
      ShortestPath(*reader_, Id("ICE"), Id("Lonely Island"), PathOptions());
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(
      ShortestPath(*reader_, Id("ICE"), 9999, PathOptions()).status().code(),
      StatusCode::kNotFound);
}

TEST_F(GraphTest, ShortestPathPrefersTheMoreConfidentOfEqualLengthPaths) {
  Entity a = Ent("Alpha", ORGANIZATION);
  Entity z = Ent("Zulu", ORGANIZATION);
  Entity b1 = Ent("Bravo One", ORGANIZATION);
  Entity b2 = Ent("Bravo Two", ORGANIZATION);
  Entity b3 = Ent("Bravo Three", ORGANIZATION);
  // The least confident route has the lowest ids, the most confident one is
  // in the middle.
  Load({Rel(a, "link", b1, 0.5), Rel(b1, "link", z, 0.5),
        Rel(a, "link", b2, 0.95), Rel(z, "link", b2, 0.95),
        Rel(a, "link", b3, 0.7), Rel(b3, "link", z, 0.7)});
  Path p = FindPath("Alpha", "Zulu");
  ASSERT_EQ(p.entities.size(), 3u);
  EXPECT_EQ(p.entities[1].name(), "Bravo Two");
  EXPECT_TRUE(p.hops[0].forward);
  EXPECT_FALSE(p.hops[1].forward);
  EXPECT_NEAR(p.cost, 2 * (1.0 + 0.05 / 7), 1e-9);

  // Reversed, the same route.
  Path back = FindPath("Zulu", "Alpha");
  ASSERT_EQ(back.entities.size(), 3u);
  EXPECT_EQ(back.entities[1].name(), "Bravo Two");
}

TEST_F(GraphTest, ShortestPathFewerHopsBeatConfidence) {
  Entity a = Ent("Start Point", ORGANIZATION);
  Entity m = Ent("Middle Point", ORGANIZATION);
  Entity z = Ent("End Point", ORGANIZATION);
  Load({Rel(a, "link", m, 1.0), Rel(m, "link", z, 1.0),
        Rel(a, "link", z, 0.01)});
  Path p = FindPath("Start Point", "End Point");
  EXPECT_EQ(p.hops.size(), 1u);
}

// walk.h promises "fewer hops always win". With hop costs between 1 and 1.5
// that holds for paths of up to 3 hops only: here the target is 4 hops away
// along low-confidence claims (cost 4 x 1.495 = 5.98), and the explored part
// also holds a 5-hop route of confident claims through a same-level edge
// (cost 4 x 1.0 + 1.495 = 5.495), which Dijkstra prefers.
TEST_F(GraphTest, ShortestPathFewerHopsAlwaysWinAtFourHops) {
  auto org = [](const std::string& name) { return Ent(name, ORGANIZATION); };
  Load({Rel(org("Start"), "link", org("Whiskey 1"), 0.01),
        Rel(org("Whiskey 1"), "link", org("Whiskey 2"), 0.01),
        Rel(org("Whiskey 2"), "link", org("Zulu 3"), 0.01),
        Rel(org("Zulu 3"), "link", org("Target"), 0.01),
        Rel(org("Start"), "link", org("Yankee 1"), 1.0),
        Rel(org("Yankee 1"), "link", org("Yankee 2"), 1.0),
        Rel(org("Yankee 2"), "link", org("Yankee 3"), 1.0),
        Rel(org("Yankee 3"), "link", org("Zulu 3"), 1.0)});
  Path p = FindPath("Start", "Target");
  std::string route;
  for (const Entity& e : p.entities) route += e.name() + " / ";
  EXPECT_EQ(p.hops.size(), 4u) << route;
}

}  // namespace
}  // namespace claimgraph
