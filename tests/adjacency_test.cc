// The adjacency snapshot of read-only stores (store/adjacency.h): walks,
// paths, edge records and labels read from it equal those read from the
// index, byte for byte; a stale or damaged snapshot is rebuilt.

#include <gtest/gtest.h>
#include <rocksdb/db.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "export/dot.h"
#include "graph/walk.h"
#include "store/keys.h"
#include "store/store.h"
#include "store_test_util.h"

namespace claimgraph {
namespace {

using testing_util::Ent;
using testing_util::TestDir;

void AddSource(Claim* c, const std::string& outlet,
               const std::string& published) {
  Evidence* e = c->add_evidence();
  e->set_sentence(c->subject().name() + " " + c->predicate() + " (" + outlet +
                  ").");
  e->mutable_source()->set_outlet(outlet);
  e->mutable_source()->set_url("https://example.org/" + outlet + published);
  e->mutable_source()->set_published(published);
}

Claim Rel(const Entity& subject, const std::string& predicate,
          const Entity& object, double confidence = 1.0) {
  Claim c;
  *c.mutable_subject() = subject;
  c.set_predicate(predicate);
  *c.mutable_object() = object;
  c.set_confidence(confidence);
  AddSource(&c, "Outlet", "2025-05-01");
  return c;
}

// A small graph with every kind of edge record: values, qualifiers,
// attribution, a self-loop, several confidences, and a claim with more
// distinct sources than an edge value lists (its records come from the
// claim itself).
std::vector<Claim> Graph() {
  Entity thiel = Ent("Peter Thiel", PERSON);
  Entity palantir = Ent("Palantir", COMPANY);
  Entity ios = Ent("ImmigrationOS", PROGRAM);
  Entity ice = Ent("ICE", AGENCY);
  Entity dhs = Ent("DHS", AGENCY);
  Entity cbp = Ent("CBP", AGENCY);
  Entity tvs = Ent("TVS \"quoted\"", PROGRAM);
  std::vector<Claim> claims;
  claims.push_back(Rel(thiel, "found", palantir));
  claims.push_back(Rel(palantir, "build", ios, 0.9));
  Claim contract = Rel(ice, "contract", palantir, 0.92);
  Qualifier* amount = contract.add_qualifiers();
  amount->set_key("amount");
  amount->set_value("$30 million");
  for (int i = 0; i < 5; ++i) {
    AddSource(&contract, "Outlet " + std::to_string(i),
              "2025-06-0" + std::to_string(i));
  }
  claims.push_back(contract);
  Claim detain;
  *detain.mutable_subject() = ice;
  detain.set_predicate("detain");
  detain.mutable_value()->set_amount(1461);
  detain.mutable_value()->set_unit("immigrants");
  detain.set_confidence(0.7);
  AddSource(&detain, "Border Monitor", "");
  claims.push_back(detain);
  Claim part_of = Rel(ice, "part_of", dhs);
  part_of.mutable_attribution()->set_stance(REPORTED);
  part_of.mutable_attribution()->set_cue("said");
  claims.push_back(part_of);
  claims.push_back(Rel(cbp, "part_of", dhs, 0.55));
  claims.push_back(Rel(cbp, "operate", tvs));
  claims.push_back(Rel(dhs, "oversee", dhs));  // A self-loop.
  claims.push_back(Rel(tvs, "scan", Ent("Travelers", ORGANIZATION), 0.31));
  claims.push_back(Rel(Ent("Lonely Island", LOCATION), "near",
                       Ent("Other Island", LOCATION)));
  return claims;
}

bool SameRecord(const EdgeRecord& a, const EdgeRecord& b) {
  return a.claim_id == b.claim_id && a.outgoing == b.outgoing &&
         a.other_id == b.other_id && a.predicate == b.predicate &&
         a.detail == b.detail && a.value_label == b.value_label &&
         a.attributed_or_disputed == b.attributed_or_disputed &&
         a.confidence == b.confidence && a.sources == b.sources;
}

// Every field of a subgraph, as text.
std::string Describe(const Subgraph& g) {
  std::string out;
  for (const GraphNode& n : g.nodes) {
    out += "N " + n.Key() + "|" + std::string(n.label) + "|" +
           std::to_string(n.type) + "|" + std::to_string(n.entity_id) + "|" +
           std::to_string(n.depth) + "\n";
  }
  for (const GraphEdge& e : g.edges) {
    out += "E " + std::to_string(e.from) + ">" + std::to_string(e.to) + "|" +
           std::to_string(e.claim_id) + "|" + std::string(e.predicate) + "|" +
           std::string(e.detail) + "|" +
           std::to_string(e.attributed_or_disputed) + "|" +
           std::to_string(e.confidence);
    for (const EdgeSource& s : e.sources) {
      out += "|" + std::string(s.outlet) + "@" + std::string(s.published);
    }
    out += "\n";
  }
  return out;
}

class AdjacencyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = TestDir("adjacency_test");
    std::filesystem::remove_all(dir_);
    Write(Graph());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void Write(const std::vector<Claim>& claims) {
    StatusOr<std::unique_ptr<Store>> store =
        Store::Open(dir_.string(), StoreOptions());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    std::vector<LocatedClaim> located;
    for (size_t i = 0; i < claims.size(); ++i) {
      located.push_back({claims[i], "test:" + std::to_string(i + 1)});
    }
    StatusOr<WriteReport> report = (*store)->AddClaims(located, false);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
  }

  std::unique_ptr<Store> OpenReadOnly(bool snapshot) {
    StoreOptions options;
    options.read_only = true;
    options.create_if_missing = false;
    options.adjacency_snapshot = snapshot;
    StatusOr<std::unique_ptr<Store>> store =
        Store::Open(dir_.string(), options);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(*store) : nullptr;
  }

  std::filesystem::path SnapshotFile() const {
    return dir_ / "claimgraph.adjacency";
  }

  // Compares everything walks read, and every walk, between a reader of
  // the snapshot and a reader of the index; returns the entities checked.
  size_t ExpectSameAsIndex() {
    std::unique_ptr<Store> fast_store = OpenReadOnly(true);
    std::unique_ptr<Store> index_store = OpenReadOnly(false);
    if (fast_store == nullptr || index_store == nullptr) return 0;
    auto fast = fast_store->NewReader();
    auto index = index_store->NewReader();
    StatusOr<std::vector<Entity>> entities = index->ListEntities(std::nullopt);
    EXPECT_TRUE(entities.ok());
    std::vector<uint64_t> ids;
    for (const Entity& e : *entities) ids.push_back(e.id());
    ids.push_back(ids.back() + 1);  // No such entity.
    for (uint64_t id : ids) {
      SCOPED_TRACE("entity #" + std::to_string(id));
      for (int dir = 1; dir <= 3; ++dir) {
        bool out = (dir & 1) != 0, in = (dir & 2) != 0;
        StatusOr<std::vector<EdgeRecord>> a = fast->Edges(id, out, in);
        StatusOr<std::vector<EdgeRecord>> b = index->Edges(id, out, in);
        EXPECT_TRUE(a.ok() && b.ok());
        EXPECT_EQ(a->size(), b->size());
        if (a->size() == b->size()) {
          EXPECT_TRUE(std::equal(a->begin(), a->end(), b->begin(), SameRecord));
        }
      }
      std::string fast_name = "x", index_name = "y";
      StatusOr<EntityType> fast_type = fast->EntityLabel(id, &fast_name);
      StatusOr<EntityType> index_type = index->EntityLabel(id, &index_name);
      EXPECT_EQ(fast_type.ok(), index_type.ok());
      if (fast_type.ok() && index_type.ok()) {
        EXPECT_EQ(*fast_type, *index_type);
        EXPECT_EQ(fast_name, index_name);
      } else {
        EXPECT_EQ(fast_type.status().ToString(),
                  index_type.status().ToString());
      }
    }
    ids.pop_back();
    std::vector<WalkOptions> walks(7);
    walks[0].depth = 1;
    walks[1].depth = 2;
    walks[2].depth = 3;
    walks[3].depth = 2;
    walks[3].direction = Direction::kOut;
    walks[4].depth = 2;
    walks[4].direction = Direction::kIn;
    walks[4].predicates = {"part_of", "oversee"};
    walks[5].depth = 3;
    walks[5].types = {AGENCY, PROGRAM, STATISTIC};
    walks[6].depth = 3;
    walks[6].node_limit = 4;
    for (uint64_t id : ids) {
      for (size_t w = 0; w < walks.size(); ++w) {
        SCOPED_TRACE("walk " + std::to_string(w) + " from #" +
                     std::to_string(id));
        StatusOr<WalkResult> a = Neighbors(*fast, id, walks[w]);
        StatusOr<WalkResult> b = Neighbors(*index, id, walks[w]);
        EXPECT_TRUE(a.ok() && b.ok());
        EXPECT_EQ(Describe(a->graph), Describe(b->graph));
        EXPECT_EQ(a->truncated, b->truncated);
        EXPECT_EQ(*ToDot(a->graph, DotOptions()),
                  *ToDot(b->graph, DotOptions()));
      }
      StatusOr<WalkResult> a = Component(*fast, id, WalkOptions());
      StatusOr<WalkResult> b = Component(*index, id, WalkOptions());
      EXPECT_EQ(Describe(a->graph), Describe(b->graph));
      for (uint64_t to : ids) {
        StatusOr<Path> p = ShortestPath(*fast, id, to, PathOptions());
        StatusOr<Path> q = ShortestPath(*index, id, to, PathOptions());
        EXPECT_EQ(p.ok(), q.ok());
        if (p.ok() && q.ok()) {
          EXPECT_EQ(Describe(PathToSubgraph(*p)), Describe(PathToSubgraph(*q)));
          EXPECT_EQ(p->cost, q->cost);
        }
      }
    }
    return ids.size();
  }

  std::filesystem::path dir_;
};

// Walk results hold views into the snapshot, which they keep mapped: they
// stay whole after the reader and the store are gone (a dangling view would
// read unmapped memory).
TEST_F(AdjacencyTest, WalkResultsOutliveTheStore) {
  std::unique_ptr<Store> index_store = OpenReadOnly(false);
  ASSERT_NE(index_store, nullptr);
  WalkOptions options;
  options.depth = 3;
  StatusOr<WalkResult> expected =
      Neighbors(*index_store->NewReader(), 1, options);
  ASSERT_TRUE(expected.ok());
  std::string want = Describe(expected->graph);
  index_store.reset();
  EXPECT_EQ(Describe(expected->graph), want);

  std::unique_ptr<Store> store = OpenReadOnly(true);
  ASSERT_NE(store, nullptr);
  auto reader = store->NewReader();
  ASSERT_NE(reader->adjacency(), nullptr);
  StatusOr<WalkResult> walked = Neighbors(*reader, 1, options);
  ASSERT_TRUE(walked.ok());
  Subgraph copy = walked->graph;
  reader.reset();
  store.reset();
  EXPECT_EQ(Describe(walked->graph), want);
  walked = NotFoundError("gone");
  EXPECT_EQ(Describe(copy), want);
}

TEST_F(AdjacencyTest, WalksEqualIndexWalks) {
  EXPECT_EQ(ExpectSameAsIndex(), 10u);
  // The first walk of a read-only store saved the snapshot ...
  EXPECT_TRUE(std::filesystem::exists(SnapshotFile()));
  // ... which the next store opened reads, with the same results.
  EXPECT_EQ(ExpectSameAsIndex(), 10u);
}

// Parallel claims between two entities, both ways round, and claims between
// entities found at the same level: the snapshot exploration takes every
// claim once (it keeps no set of claim ids), so the most confident of the
// parallel claims wins, as over the index.
TEST_F(AdjacencyTest, PathsTakeEveryParallelClaim) {
  Entity a = Ent("Alpha", ORGANIZATION), b = Ent("Bravo", ORGANIZATION);
  Entity c = Ent("Charlie", ORGANIZATION), d = Ent("Delta", ORGANIZATION);
  Write({Rel(a, "link", b, 0.5), Rel(b, "link", a, 0.95),
         Rel(a, "fund", b, 0.7), Rel(a, "link", c, 0.6),
         Rel(c, "link", b, 0.99), Rel(b, "link", c, 0.98),
         Rel(c, "link", d, 0.4), Rel(d, "link", b, 0.9)});
  std::unique_ptr<Store> store = OpenReadOnly(true);
  std::unique_ptr<Store> index_store = OpenReadOnly(false);
  ASSERT_NE(store, nullptr);
  ASSERT_NE(index_store, nullptr);
  auto fast = store->NewReader();
  auto index = index_store->NewReader();
  ASSERT_NE(fast->adjacency(), nullptr);
  auto id = [&](const std::string& name) {
    StatusOr<Entity> e = index->ResolveEntity(name);
    EXPECT_TRUE(e.ok()) << name;
    return e.ok() ? e->id() : 0;
  };
  StatusOr<Path> p = ShortestPath(*fast, id("Alpha"), id("Bravo"), {});
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  ASSERT_EQ(p->hops.size(), 1u);
  EXPECT_EQ(p->hops[0].claim.confidence(), 0.95);
  EXPECT_FALSE(p->hops[0].forward);
  for (const char* from : {"Alpha", "Bravo", "Charlie", "Delta"}) {
    for (const char* to : {"Alpha", "Bravo", "Charlie", "Delta"}) {
      for (Direction direction :
           {Direction::kBoth, Direction::kOut, Direction::kIn}) {
        SCOPED_TRACE(std::string(from) + " -> " + to);
        PathOptions options;
        options.direction = direction;
        StatusOr<Path> x = ShortestPath(*fast, id(from), id(to), options);
        StatusOr<Path> y = ShortestPath(*index, id(from), id(to), options);
        ASSERT_EQ(x.ok(), y.ok());
        if (!x.ok()) continue;
        EXPECT_EQ(Describe(PathToSubgraph(*x)), Describe(PathToSubgraph(*y)));
        EXPECT_EQ(x->cost, y->cost);
      }
    }
  }
}

TEST_F(AdjacencyTest, NoSnapshotWhenDisabledOrWritable) {
  {
    std::unique_ptr<Store> store = OpenReadOnly(false);
    auto reader = store->NewReader();
    ASSERT_TRUE(Neighbors(*reader, 1, WalkOptions()).ok());
  }
  {
    StatusOr<std::unique_ptr<Store>> store =
        Store::Open(dir_.string(), StoreOptions());
    ASSERT_TRUE(store.ok());
    auto reader = (*store)->NewReader();
    ASSERT_TRUE(Neighbors(*reader, 1, WalkOptions()).ok());
  }
  EXPECT_FALSE(std::filesystem::exists(SnapshotFile()));
}

TEST_F(AdjacencyTest, StaleSnapshotIsRebuilt) {
  ExpectSameAsIndex();
  ASSERT_TRUE(std::filesystem::exists(SnapshotFile()));
  auto before = std::filesystem::file_size(SnapshotFile());
  // A write after the snapshot: the next read-only store must see it.
  Write({Rel(Ent("ICE", AGENCY), "fund", Ent("New Program", PROGRAM), 0.8)});
  EXPECT_EQ(ExpectSameAsIndex(), 11u);
  EXPECT_GT(std::filesystem::file_size(SnapshotFile()), before);
  std::unique_ptr<Store> store = OpenReadOnly(true);
  auto reader = store->NewReader();
  StatusOr<Entity> fresh = reader->ResolveEntity("New Program");
  ASSERT_TRUE(fresh.ok());
  StatusOr<std::vector<EdgeRecord>> edges =
      reader->Edges(fresh->id(), true, true);
  ASSERT_TRUE(edges.ok());
  ASSERT_EQ(edges->size(), 1u);
  EXPECT_EQ((*edges)[0].predicate, "fund");
}

TEST_F(AdjacencyTest, DamagedSnapshotIsIgnored) {
  ExpectSameAsIndex();
  ASSERT_TRUE(std::filesystem::exists(SnapshotFile()));
  auto size = std::filesystem::file_size(SnapshotFile());
  // Cut in half, then filled with garbage after a valid header.
  std::filesystem::resize_file(SnapshotFile(), size / 2);
  EXPECT_EQ(ExpectSameAsIndex(), 10u);
  EXPECT_EQ(std::filesystem::file_size(SnapshotFile()), size);
  {
    std::fstream file(SnapshotFile(),
                      std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(static_cast<std::streamoff>(size / 2));
    std::string garbage(size / 2 - 8, '\xff');
    file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  EXPECT_EQ(ExpectSameAsIndex(), 10u);
}

// Edits the index with RocksDB directly: the first entry of column family
// `family` (keys: entity id, claim id) is copied under a key whose id at
// byte `at` (0: the entity's, 8: the claim's) is `id`.
void CopyFirstEntry(const std::filesystem::path& dir, int family, int at,
                    uint64_t id) {
  namespace keys = store_keys;
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const char* name : keys::kColumnFamilyNames) {
    families.emplace_back(name, rocksdb::ColumnFamilyOptions());
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  rocksdb::Status s = rocksdb::DB::Open(rocksdb::DBOptions(), dir.string(),
                                        families, &handles, &db);
  ASSERT_TRUE(s.ok()) << s.ToString();
  std::unique_ptr<rocksdb::Iterator> it(
      db->NewIterator(rocksdb::ReadOptions(), handles[family]));
  it->SeekToFirst();
  ASSERT_TRUE(it->Valid());
  std::string key = it->key().ToString();
  ASSERT_EQ(key.size(), 16u);
  for (int i = 0; i < 8; ++i) {
    key[at + 7 - i] = static_cast<char>((id >> (8 * i)) & 0xFF);
  }
  s = db->Put(rocksdb::WriteOptions(), handles[family], key,
              it->value().ToString());
  EXPECT_TRUE(s.ok()) << s.ToString();
  it.reset();
  for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
  delete db;
}

// An index that does not map onto a snapshot exactly (an object entry with
// no subject entry; a claim under two subjects) gives no snapshot: walks
// then read the index, and still work.
TEST_F(AdjacencyTest, NoSnapshotOfAnInexactIndex) {
  struct Edit {
    int family, at;
    uint64_t id;
  };
  // An in edge of a claim no subject entry has; the first out edge's claim
  // also under entity 2.
  for (Edit edit : {Edit{store_keys::kByObject, 8, 1'000'000},
                    Edit{store_keys::kBySubject, 0, 2}}) {
    SCOPED_TRACE(edit.family);
    std::filesystem::remove_all(dir_);
    Write(Graph());
    CopyFirstEntry(dir_, edit.family, edit.at, edit.id);
    std::unique_ptr<Store> store = OpenReadOnly(true);
    ASSERT_NE(store, nullptr);
    auto reader = store->NewReader();
    EXPECT_EQ(reader->adjacency(), nullptr);
    StatusOr<Entity> ice = reader->ResolveEntity("ICE");
    ASSERT_TRUE(ice.ok());
    EXPECT_TRUE(Neighbors(*reader, ice->id(), WalkOptions()).ok());
  }
  // The same graph, untouched, has one.
  std::filesystem::remove_all(dir_);
  Write(Graph());
  std::unique_ptr<Store> store = OpenReadOnly(true);
  EXPECT_NE(store->NewReader()->adjacency(), nullptr);
}

}  // namespace
}  // namespace claimgraph
