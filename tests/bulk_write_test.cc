// The bulk path of a write (store/bulk_write.h): a write of at least
// StoreOptions::bulk_write_min_keys keys is ingested as SST files. These
// tests set the threshold to 1 (every write takes it) and compare with
// stores that never take it (0): the same keys and values, key by key,
// through loads, reloads, refusals, forget and merge.

#include "store/bulk_write.h"

#include <gtest/gtest.h>
#include <rocksdb/db.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "export/jsonl.h"
#include "model/claim.h"
#include "store/keys.h"
#include "store/store.h"
#include "store_test_util.h"

namespace claimgraph {
namespace {

using testing_util::Ent;
using testing_util::TestDir;

namespace keys = store_keys;

// The database at `path`, opened read-only with all its column families;
// `db` is null (and the test failed) when it cannot be opened.
struct ReadOnlyDb {
  explicit ReadOnlyDb(const std::string& path) {
    std::vector<rocksdb::ColumnFamilyDescriptor> families;
    for (const char* name : keys::kColumnFamilyNames) {
      families.emplace_back(name, rocksdb::ColumnFamilyOptions());
    }
    rocksdb::DB* raw = nullptr;
    rocksdb::Status s = rocksdb::DB::OpenForReadOnly(rocksdb::DBOptions(), path,
                                                     families, &handles, &raw);
    EXPECT_TRUE(s.ok()) << s.ToString();
    db.reset(raw);
  }
  ~ReadOnlyDb() {
    for (rocksdb::ColumnFamilyHandle* h : handles) {
      db->DestroyColumnFamilyHandle(h);
    }
  }

  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  std::unique_ptr<rocksdb::DB> db;
};

// Every (column family, key) -> value of the database at `path`.
using Dump = std::map<std::pair<int, std::string>, std::string>;

Dump DumpDatabase(const std::string& path) {
  ReadOnlyDb open(path);
  Dump dump;
  if (open.db == nullptr) return dump;
  for (size_t f = 0; f < open.handles.size(); ++f) {
    std::unique_ptr<rocksdb::Iterator> it(
        open.db->NewIterator(rocksdb::ReadOptions(), open.handles[f]));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      dump[{static_cast<int>(f), it->key().ToString()}] =
          it->value().ToString();
    }
    EXPECT_TRUE(it->status().ok());
  }
  return dump;
}

uint64_t LatestSequence(const std::string& path) {
  ReadOnlyDb open(path);
  return open.db == nullptr ? 0 : open.db->GetLatestSequenceNumber();
}

Claim Statement(const Entity& subject, const std::string& predicate,
                const Entity& object, const std::string& url,
                const std::string& outlet = "Outlet") {
  Claim c;
  *c.mutable_subject() = subject;
  c.set_predicate(predicate);
  *c.mutable_object() = object;
  c.set_recorded_at("2026-11-26T00:00:00Z");  // Not the clock: compared.
  Evidence* e = c.add_evidence();
  e->set_sentence("A sentence about " + subject.name() + ".");
  e->mutable_source()->set_outlet(outlet);
  e->mutable_source()->set_url(url);
  e->mutable_source()->set_published("2025-04-18");
  return c;
}

Claim Figure(const Entity& subject, const std::string& predicate, double amount,
             const std::string& url) {
  Claim c;
  *c.mutable_subject() = subject;
  c.set_predicate(predicate);
  c.mutable_value()->set_amount(amount);
  c.mutable_value()->set_unit("immigrants");
  c.set_recorded_at("2026-11-26T00:00:00Z");
  Evidence* e = c.add_evidence();
  e->set_sentence("A figure.");
  e->mutable_source()->set_outlet("Ledger");
  e->mutable_source()->set_url(url);
  return c;
}

std::vector<LocatedClaim> Located(const std::vector<Claim>& claims) {
  std::vector<LocatedClaim> out;
  for (size_t i = 0; i < claims.size(); ++i) {
    out.push_back({claims[i], "file.jsonl:" + std::to_string(i + 1)});
  }
  return out;
}

// A first file: new entities with aliases, a claim stated twice (merged
// inside the file), a denial, figures, several sources.
std::vector<Claim> FirstFile() {
  Entity ice = Ent("ICE", AGENCY, {"Immigration and Customs Enforcement"});
  Entity palantir = Ent("Palantir Technologies", COMPANY, {"Palantir"});
  std::vector<Claim> claims = {
      Statement(ice, "contract", palantir, "https://a.example/1", "Wire"),
      Statement(Ent("Immigration and Customs Enforcement"), "contract",
                Ent("Palantir"), "https://b.example/2", "Ledger"),
      Figure(ice, "detain", 1461, "https://a.example/1"),
  };
  Claim denial = Statement(Ent("Palantir"), "build", Ent("ImmigrationOS"),
                           "https://c.example/3");
  denial.mutable_attribution()->set_stance(DENIED);
  claims.push_back(denial);
  for (int i = 0; i < 30; ++i) {
    claims.push_back(Statement(Ent("Agency " + std::to_string(i % 7), AGENCY),
                               "fund", Ent("Program " + std::to_string(i)),
                               "https://d.example/" + std::to_string(i % 4)));
  }
  return claims;
}

// A second file: merges into stored claims, new aliases of stored
// entities, a source given more fields, new claims.
std::vector<Claim> SecondFile() {
  std::vector<Claim> claims = {
      Statement(
          Ent("ICE", AGENCY, {"U.S. Immigration and Customs Enforcement"}),
          "contract", Ent("Palantir"), "https://e.example/5", "Post"),
      Figure(Ent("ICE"), "detain", 1461, "https://e.example/5"),
      Statement(Ent("Agency 3"), "fund", Ent("Program 99"),
                "https://d.example/1", "Desk"),
  };
  return claims;
}

class BulkWriteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = TestDir("bulk_write_test");
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Path(const std::string& name) { return (dir_ / name).string(); }

  // A writable store whose writes all take the bulk path (or none does).
  std::unique_ptr<Store> Open(const std::string& name, bool bulk) {
    StoreOptions options;
    options.bulk_write_min_keys = bulk ? 1 : 0;
    StatusOr<std::unique_ptr<Store>> store = Store::Open(Path(name), options);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(*store) : nullptr;
  }

  std::filesystem::path dir_;
};

std::string Export(const Store& store) {
  std::ostringstream out;
  EXPECT_TRUE(ExportJsonl(*store.NewReader(), out).ok());
  return out.str();
}

TEST_F(BulkWriteTest, BulkAndNormalWritesStoreTheSameKeys) {
  std::string exports[2];
  for (bool bulk : {false, true}) {
    std::string name = bulk ? "bulk" : "normal";
    std::unique_ptr<Store> store = Open(name, bulk);
    ASSERT_NE(store, nullptr);
    StatusOr<WriteReport> first = store->AddClaims(Located(FirstFile()), false);
    ASSERT_TRUE(first.ok()) << first.status().ToString();
    EXPECT_EQ(first->claims_merged, 1);
    StatusOr<WriteReport> second =
        store->AddClaims(Located(SecondFile()), false);
    ASSERT_TRUE(second.ok()) << second.status().ToString();
    EXPECT_EQ(second->claims_merged, 2);
    EXPECT_EQ(second->claims_added, 1);
    // Deletes: a forget removes evidence, claims and a source; a merge
    // deletes an entity and moves its aliases and claims.
    ASSERT_TRUE(store->Forget("https://d.example/2").ok());
    StatusOr<Entity> a0 = store->NewReader()->ResolveEntity("Agency 0");
    StatusOr<Entity> a1 = store->NewReader()->ResolveEntity("Agency 1");
    ASSERT_TRUE(a0.ok() && a1.ok());
    ASSERT_TRUE(store->Merge(a0->id(), a1->id()).ok());
    exports[bulk] = Export(*store);
  }
  EXPECT_FALSE(exports[0].empty());
  EXPECT_EQ(exports[1], exports[0]);
  Dump normal = DumpDatabase(Path("normal"));
  Dump bulk = DumpDatabase(Path("bulk"));
  EXPECT_GT(normal.size(), 100u);
  EXPECT_TRUE(bulk == normal)
      << bulk.size() << " keys against " << normal.size();
  EXPECT_FALSE(
      std::filesystem::exists(store_internal::BulkDirectory(Path("bulk"))));
}

TEST_F(BulkWriteTest, ReloadThroughTheBulkPathChangesNothing) {
  std::unique_ptr<Store> store = Open("db", true);
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->AddClaims(Located(FirstFile()), false).ok());
  store.reset();
  Dump once = DumpDatabase(Path("db"));
  store = Open("db", true);
  StatusOr<WriteReport> again = store->AddClaims(Located(FirstFile()), false);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->claims_added, 0);
  EXPECT_EQ(again->entities_added, 0);
  EXPECT_EQ(again->claims_merged, static_cast<int>(FirstFile().size()));
  store.reset();
  EXPECT_TRUE(DumpDatabase(Path("db")) == once);
}

TEST_F(BulkWriteTest, RefusedFileWritesNothingAndSkipBadMatchesNormalPath) {
  std::vector<Claim> bad = SecondFile();
  // "Twin" names two entities: ambiguous, so the file is refused.
  bad.push_back(Statement(Ent("Twin", PERSON), "visit", Ent("Place A"),
                          "https://f.example/1"));
  bad.push_back(Statement(Ent("Twin", COMPANY), "visit", Ent("Place B"),
                          "https://f.example/2"));
  bad.push_back(
      Statement(Ent("Twin"), "visit", Ent("Place C"), "https://f.example/3"));
  std::string exports[2];
  for (bool bulk : {false, true}) {
    std::string name = bulk ? "bulk" : "normal";
    std::unique_ptr<Store> store = Open(name, bulk);
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->AddClaims(Located(FirstFile()), false).ok());
    store.reset();
    Dump before = DumpDatabase(Path(name));
    store = Open(name, bulk);
    StatusOr<WriteReport> refused = store->AddClaims(Located(bad), false);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.status().message().find("file.jsonl:6"),
              std::string::npos)
        << refused.status().ToString();
    store.reset();
    EXPECT_TRUE(DumpDatabase(Path(name)) == before);
    store = Open(name, bulk);
    StatusOr<WriteReport> skipped = store->AddClaims(Located(bad), true);
    ASSERT_TRUE(skipped.ok()) << skipped.status().ToString();
    ASSERT_EQ(skipped->skipped.size(), 1u);
    EXPECT_EQ(skipped->skipped[0].where, "file.jsonl:6");
    exports[bulk] = Export(*store);
  }
  EXPECT_EQ(exports[1], exports[0]);
  EXPECT_TRUE(DumpDatabase(Path("bulk")) == DumpDatabase(Path("normal")));
}

// What an interrupted bulk write leaves (files in the work directory, never
// ingested) is not part of the database, and opening removes it.
TEST_F(BulkWriteTest, LeftoverFilesAreRemovedAndNotRead) {
  std::unique_ptr<Store> store = Open("db", true);
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->AddClaims(Located(FirstFile()), false).ok());
  store.reset();
  Dump before = DumpDatabase(Path("db"));
  std::string work = store_internal::BulkDirectory(Path("db"));
  std::filesystem::create_directories(work);
  { std::ofstream(work + "/claims.sst") << "half a file"; }
  store = Open("db", true);
  ASSERT_NE(store, nullptr);
  EXPECT_FALSE(std::filesystem::exists(work));
  store.reset();
  EXPECT_TRUE(DumpDatabase(Path("db")) == before);
}

// Readers tell databases apart by their latest sequence number (the
// adjacency snapshot's stamp): a bulk write must increase it, even when its
// files overlap nothing.
TEST_F(BulkWriteTest, BulkWriteIncreasesTheSequenceNumber) {
  std::unique_ptr<Store> store = Open("db", true);
  ASSERT_NE(store, nullptr);
  store.reset();
  uint64_t empty = LatestSequence(Path("db"));
  store = Open("db", true);
  ASSERT_TRUE(store->AddClaims(Located(FirstFile()), false).ok());
  store.reset();
  uint64_t loaded = LatestSequence(Path("db"));
  EXPECT_GT(loaded, empty);

  // A read-only store builds its adjacency snapshot; a bulk write after it
  // must be seen by the next one.
  StoreOptions read_only;
  read_only.read_only = true;
  {
    StatusOr<std::unique_ptr<Store>> reading =
        Store::Open(Path("db"), read_only);
    ASSERT_TRUE(reading.ok());
    StatusOr<Entity> ice = (*reading)->NewReader()->ResolveEntity("ICE");
    ASSERT_TRUE(ice.ok());
    ASSERT_TRUE((*reading)->NewReader()->Edges(ice->id(), true, true).ok());
  }
  ASSERT_TRUE(std::filesystem::exists(Path("db") + "/claimgraph.adjacency"));
  store = Open("db", true);
  ASSERT_TRUE(
      store
          ->AddClaims(Located({Statement(Ent("ICE"), "fund", Ent("New Program"),
                                         "https://g.example/1")}),
                      false)
          .ok());
  store.reset();
  EXPECT_GT(LatestSequence(Path("db")), loaded);
  StatusOr<std::unique_ptr<Store>> reading = Store::Open(Path("db"), read_only);
  ASSERT_TRUE(reading.ok());
  auto reader = (*reading)->NewReader();
  StatusOr<Entity> fresh = reader->ResolveEntity("New Program");
  ASSERT_TRUE(fresh.ok());
  StatusOr<std::vector<EdgeRecord>> edges =
      reader->Edges(fresh->id(), true, true);
  ASSERT_TRUE(edges.ok());
  ASSERT_EQ(edges->size(), 1u);
  EXPECT_EQ((*edges)[0].predicate, "fund");
}

}  // namespace
}  // namespace claimgraph
