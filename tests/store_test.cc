// The RocksDB claim store: key order, idempotent loads, corroboration,
// atomic refusal, entity resolution and ambiguity, forget, merge, reopening
// and schema versions.

#include "store/store.h"

#include <gtest/gtest.h>
#include <rocksdb/db.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "export/jsonl.h"
#include "load/load.h"
#include "model/claim.h"
#include "store/keys.h"
#include "store_test_util.h"

namespace claimgraph {
namespace {

using testing_util::Ent;
using testing_util::TestDir;

namespace keys = store_keys;

// --- Builders ----------------------------------------------------------------

void AddEvidence(Claim* claim, const std::string& outlet,
                 const std::string& url, const std::string& sentence) {
  Evidence* e = claim->add_evidence();
  e->set_sentence(sentence);
  e->mutable_source()->set_outlet(outlet);
  e->mutable_source()->set_url(url);
  e->mutable_source()->set_published("2025-04-18");
}

Claim Rel(const Entity& subject, const std::string& predicate,
          const Entity& object, const std::string& outlet = "Outlet",
          const std::string& url = "https://example.org/1",
          const std::string& sentence = "A sentence.") {
  Claim c;
  *c.mutable_subject() = subject;
  c.set_predicate(predicate);
  *c.mutable_object() = object;
  if (!outlet.empty() || !url.empty()) AddEvidence(&c, outlet, url, sentence);
  return c;
}

Claim Val(const Entity& subject, const std::string& predicate, double amount,
          const std::string& unit, const std::string& outlet = "Outlet",
          const std::string& url = "https://example.org/1",
          const std::string& sentence = "A sentence.") {
  Claim c;
  *c.mutable_subject() = subject;
  c.set_predicate(predicate);
  c.mutable_value()->set_amount(amount);
  c.mutable_value()->set_unit(unit);
  if (!outlet.empty() || !url.empty()) AddEvidence(&c, outlet, url, sentence);
  return c;
}

std::vector<LocatedClaim> Located(const std::vector<Claim>& claims,
                                  const std::string& file = "test.jsonl") {
  std::vector<LocatedClaim> out;
  for (size_t i = 0; i < claims.size(); ++i) {
    out.push_back({claims[i], file + ":" + std::to_string(i + 1)});
  }
  return out;
}

bool SameStats(const StoreStats& a, const StoreStats& b) {
  return a.entities == b.entities && a.claims == b.claims &&
         a.sources == b.sources && a.aliases == b.aliases &&
         a.evidence == b.evidence &&
         a.corroborated_claims == b.corroborated_claims;
}

std::string Describe(const StoreStats& s) {
  return "entities=" + std::to_string(s.entities) +
         " claims=" + std::to_string(s.claims) +
         " sources=" + std::to_string(s.sources) +
         " aliases=" + std::to_string(s.aliases) +
         " evidence=" + std::to_string(s.evidence) +
         " corroborated=" + std::to_string(s.corroborated_claims);
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// --- Key encoding
// --------------------------------------------------------------

TEST(KeysTest, IdKeyOrderIsNumericOrder) {
  std::vector<uint64_t> ids = {0,
                               1,
                               2,
                               127,
                               128,
                               255,
                               256,
                               257,
                               65535,
                               65536,
                               (1ull << 32) - 1,
                               1ull << 32,
                               (1ull << 56) + 1,
                               std::numeric_limits<uint64_t>::max() - 1,
                               std::numeric_limits<uint64_t>::max()};
  for (uint64_t a : ids) {
    EXPECT_EQ(keys::IdKey(a).size(), 8u);
    EXPECT_EQ(DecodeFixed64BE(keys::IdKey(a)), a);
    for (uint64_t b : ids) {
      EXPECT_EQ(a < b, keys::IdKey(a) < keys::IdKey(b)) << a << " vs " << b;
    }
  }
  // Sorting keys bytewise sorts the ids numerically.
  std::vector<std::string> encoded;
  for (auto it = ids.rbegin(); it != ids.rend(); ++it) {
    encoded.push_back(keys::IdKey(*it));
  }
  std::sort(encoded.begin(), encoded.end());
  for (size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(DecodeFixed64BE(encoded[i]), ids[i]);
  }
}

TEST(KeysTest, PairKeyOrderIsFirstThenSecond) {
  std::vector<std::pair<uint64_t, uint64_t>> pairs = {
      {1, 1}, {1, 2}, {1, 256}, {2, 0}, {255, 9}, {256, 1}, {1ull << 40, 3}};
  for (const auto& a : pairs) {
    std::string ka = keys::PairKey(a.first, a.second);
    EXPECT_EQ(ka.size(), 16u);
    EXPECT_EQ(keys::TrailingId(ka), a.second);
    EXPECT_TRUE(ka.starts_with(keys::IdKey(a.first)));
    for (const auto& b : pairs) {
      EXPECT_EQ(a < b, ka < keys::PairKey(b.first, b.second))
          << a.first << "," << a.second << " vs " << b.first << "," << b.second;
    }
  }
}

TEST(KeysTest, TextIdKeysGroupByTextAndOrderById) {
  // All keys of one text share its prefix and sort by id; a text that is a
  // prefix of another does not capture the other's keys.
  std::string a1 = keys::TextIdKey("contract", 1);
  std::string a300 = keys::TextIdKey("contract", 300);
  std::string b1 = keys::TextIdKey("contractor", 1);
  EXPECT_TRUE(a1.starts_with(keys::TextPrefix("contract")));
  EXPECT_TRUE(a300.starts_with(keys::TextPrefix("contract")));
  EXPECT_FALSE(b1.starts_with(keys::TextPrefix("contract")));
  EXPECT_LT(a1, a300);
  EXPECT_LT(a300, b1);
  EXPECT_EQ(keys::TrailingId(a300), 300u);
}

// --- Store fixture
// -------------------------------------------------------------

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = TestDir("store_test");
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    db_path_ = (dir_ / "db").string();
    Reopen();
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  void Reopen(StoreOptions options = StoreOptions()) {
    store_.reset();
    StatusOr<std::unique_ptr<Store>> store = Store::Open(db_path_, options);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
  }

  StoreStats Stats() {
    StatusOr<StoreStats> stats = store_->NewReader()->Stats();
    EXPECT_TRUE(stats.ok()) << stats.status().ToString();
    return stats.ok() ? *stats : StoreStats();
  }

  WriteReport Add(const std::vector<Claim>& claims) {
    StatusOr<WriteReport> report =
        store_->AddClaims(Located(claims), /*skip_bad=*/false);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : WriteReport();
  }

  Entity Resolve(const std::string& name) {
    StatusOr<Entity> entity = store_->NewReader()->ResolveEntity(name);
    EXPECT_TRUE(entity.ok()) << name << ": " << entity.status().ToString();
    return entity.ok() ? *entity : Entity();
  }

  std::vector<Claim> ClaimsAbout(uint64_t id) {
    auto reader = store_->NewReader();
    std::vector<Claim> out;
    auto ids = reader->ClaimsBySubject(id);
    EXPECT_TRUE(ids.ok());
    for (uint64_t claim_id : *ids) out.push_back(*reader->GetClaim(claim_id));
    return out;
  }

  std::filesystem::path dir_;
  std::string db_path_;
  std::unique_ptr<Store> store_;
};

Entity Ice() {
  return Ent("ICE", AGENCY,
             {"U.S. Immigration and Customs Enforcement",
              "Immigration and Customs Enforcement"});
}
Entity Palantir() {
  return Ent("Palantir Technologies", COMPANY, {"Palantir"});
}

TEST_F(StoreTest, EmptyStore) {
  StoreStats stats = Stats();
  EXPECT_EQ(stats.entities, 0u);
  EXPECT_EQ(stats.claims, 0u);
  auto reader = store_->NewReader();
  EXPECT_EQ(reader->ResolveEntity("ICE").status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(reader->GetClaim(1).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(reader->GetEntity(1).status().code(), StatusCode::kNotFound);
}

TEST_F(StoreTest, AddClaimsStoresHydratedClaims) {
  WriteReport report =
      Add({Rel(Ice(), "Contract", Palantir(), "Capitol Tech Review",
               "https://example.org/ctr", "ICE has contracted Palantir."),
           Val(Ent("ImmigrationOS", PROGRAM), "cost", 30000000, "USD",
               "Capitol Tech Review", "https://example.org/ctr",
               "It costs $30 million.")});
  EXPECT_EQ(report.claims_added, 2);
  EXPECT_EQ(report.claims_merged, 0);
  EXPECT_EQ(report.entities_added, 3);
  EXPECT_EQ(report.sources_added, 1);

  StoreStats stats = Stats();
  EXPECT_EQ(stats.entities, 3u);
  EXPECT_EQ(stats.claims, 2u);
  EXPECT_EQ(stats.sources, 1u);
  EXPECT_EQ(stats.evidence, 2u);
  // ICE: 3 names, Palantir: 2, ImmigrationOS: 1.
  EXPECT_EQ(stats.aliases, 6u);
  EXPECT_EQ(stats.corroborated_claims, 0u);

  Entity ice = Resolve("ICE");
  EXPECT_EQ(ice.type(), AGENCY);
  std::vector<Claim> claims = ClaimsAbout(ice.id());
  ASSERT_EQ(claims.size(), 1u);
  const Claim& c = claims[0];
  EXPECT_NE(c.id(), 0u);
  EXPECT_EQ(c.predicate(), "contract");  // Normalised.
  EXPECT_EQ(c.subject().name(), "ICE");
  EXPECT_EQ(c.object().name(), "Palantir Technologies");
  EXPECT_EQ(c.object().type(), COMPANY);
  ASSERT_EQ(c.evidence_size(), 1);
  EXPECT_EQ(c.evidence(0).source().outlet(), "Capitol Tech Review");
  EXPECT_EQ(c.evidence(0).source().document_id(), "https://example.org/ctr");
  EXPECT_FALSE(c.recorded_at().empty());

  auto reader = store_->NewReader();
  auto by_predicate = reader->ClaimsByPredicate("CONTRACT");
  ASSERT_TRUE(by_predicate.ok());
  EXPECT_EQ(*by_predicate, std::vector<uint64_t>({c.id()}));
  auto by_object = reader->ClaimsByObject(c.object().id());
  ASSERT_TRUE(by_object.ok());
  EXPECT_EQ(*by_object, std::vector<uint64_t>({c.id()}));
  auto by_doc = reader->ClaimsByDocument("https://example.org/ctr");
  ASSERT_TRUE(by_doc.ok());
  EXPECT_EQ(by_doc->size(), 2u);
  auto source = reader->GetSource("https://example.org/ctr");
  ASSERT_TRUE(source.ok());
  EXPECT_EQ(source->outlet(), "Capitol Tech Review");
  auto agencies = reader->ListEntities(AGENCY);
  ASSERT_TRUE(agencies.ok());
  ASSERT_EQ(agencies->size(), 1u);
  EXPECT_EQ((*agencies)[0].name(), "ICE");
  auto all = reader->ListEntities(std::nullopt);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_LT((*all)[0].id(), (*all)[1].id());
  EXPECT_LT((*all)[1].id(), (*all)[2].id());
}

TEST_F(StoreTest, ReloadingTheSameClaimsChangesNothing) {
  std::vector<Claim> claims = {
      Rel(Ice(), "contract", Palantir(), "Capitol Tech Review",
          "https://example.org/ctr", "ICE has contracted Palantir."),
      Rel(Ent("Peter Thiel", PERSON), "found", Palantir(),
          "Capitol Tech Review", "https://example.org/ctr",
          "Thiel co-founded Palantir."),
      Val(Ice(), "detain", 1461, "immigrants", "Northeast Justice Report",
          "https://example.org/nejr", "ICE detained 1,461.")};
  Add(claims);
  StoreStats first = Stats();
  Entity ice = Resolve("ICE");
  std::vector<Claim> before = ClaimsAbout(ice.id());

  WriteReport again = Add(claims);
  EXPECT_EQ(again.claims_added, 0);
  EXPECT_EQ(again.claims_merged, 3);
  EXPECT_EQ(again.entities_added, 0);
  EXPECT_EQ(again.sources_added, 0);
  StoreStats second = Stats();
  EXPECT_TRUE(SameStats(first, second))
      << Describe(first) << " vs " << Describe(second);
  std::vector<Claim> after = ClaimsAbout(ice.id());
  ASSERT_EQ(before.size(), after.size());
  for (size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(before[i].SerializeAsString(), after[i].SerializeAsString());
  }

  // The same claim twice in one batch is one claim with one evidence.
  Reopen();
  Add({Rel(Ent("A"), "p", Ent("B")), Rel(Ent("A"), "p", Ent("B"))});
  StoreStats third = Stats();
  EXPECT_EQ(third.claims, second.claims + 1);
  EXPECT_EQ(third.evidence, second.evidence + 1);
}

// A name that normalises to nothing (only punctuation) cannot go into the
// alias index. Either it is refused on load, or reloading it must still
// change nothing.
// A claim a reader validated is not validated again in full, but the
// predicate, which normalisation folds, is checked again.
TEST_F(StoreTest, ValidatedClaimWithBlankPredicateIsStillRefused) {
  Claim claim = Rel(Ent("ICE"), " \t ", Ent("Palantir"));
  for (bool validated : {false, true}) {
    std::vector<LocatedClaim> located = {{claim, "f.jsonl:3", validated}};
    StatusOr<WriteReport> report =
        store_->AddClaims(std::move(located), /*skip_bad=*/false);
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(report.status().message().find("f.jsonl:3"), std::string::npos);
    EXPECT_NE(report.status().message().find("predicate"), std::string::npos);
  }
  EXPECT_EQ(Stats().claims, 0u);
}

TEST_F(StoreTest, PunctuationOnlyNameIsRefusedOrIdempotent) {
  std::vector<Claim> claims = {Rel(Ent("...", PERSON), "say", Ent("ICE"))};
  StatusOr<WriteReport> first =
      store_->AddClaims(Located(claims), /*skip_bad=*/false);
  if (!first.ok()) {
    EXPECT_EQ(first.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(Stats().claims, 0u);
    return;
  }
  StoreStats before = Stats();
  Add(claims);
  StoreStats after = Stats();
  EXPECT_TRUE(SameStats(before, after))
      << Describe(before) << " vs " << Describe(after);
}

// keys.h: "document ids never contain 0x00 (loaders reject control
// characters in ids)". Either such a document id is refused, or the
// by_document index must still keep the two documents apart.
TEST_F(StoreTest, DocumentIdWithNulIsRefusedOrKeptApart) {
  const std::string a = "https://example.org/a";
  const std::string ab = std::string("https://example.org/a\0b", 23);
  ASSERT_EQ(ab.size(), 23u);
  Add({Rel(Ent("A"), "p", Ent("B"), "Outlet", a, "One.")});
  StatusOr<WriteReport> report = store_->AddClaims(
      Located({Rel(Ent("C"), "q", Ent("D"), "Outlet", ab, "Two.")}), false);
  if (!report.ok()) {
    EXPECT_EQ(report.status().code(), StatusCode::kInvalidArgument);
    return;
  }
  auto reader = store_->NewReader();
  StatusOr<std::vector<uint64_t>> ids = reader->ClaimsByDocument(a);
  ASSERT_TRUE(ids.ok());
  EXPECT_EQ(ids->size(), 1u);
}

TEST_F(StoreTest, CorroborationMergesEvidenceFromTwoSources) {
  Claim ctr = Rel(Ice(), "contract", Palantir(), "Capitol Tech Review",
                  "https://example.org/ctr", "ICE has contracted Palantir.");
  ctr.set_confidence(0.8);
  Claim bm = Rel(Ent("U.S. Immigration and Customs Enforcement"), "contract",
                 Ent("Palantir"), "Border Monitor", "https://example.org/bm",
                 "Palantir's contract with ICE.");
  bm.set_confidence(0.9);
  Add({ctr});
  WriteReport report =
      *store_->AddClaims(Located({bm}, "other.jsonl"), /*skip_bad=*/false);
  EXPECT_EQ(report.claims_added, 0);
  EXPECT_EQ(report.claims_merged, 1);
  EXPECT_EQ(report.sources_added, 1);

  StoreStats stats = Stats();
  EXPECT_EQ(stats.claims, 1u);
  EXPECT_EQ(stats.entities, 2u);
  EXPECT_EQ(stats.evidence, 2u);
  EXPECT_EQ(stats.sources, 2u);
  EXPECT_EQ(stats.corroborated_claims, 1u);

  std::vector<Claim> claims = ClaimsAbout(Resolve("ICE").id());
  ASSERT_EQ(claims.size(), 1u);
  ASSERT_EQ(claims[0].evidence_size(), 2);
  EXPECT_EQ(claims[0].evidence(0).source().outlet(), "Capitol Tech Review");
  EXPECT_EQ(claims[0].evidence(1).source().outlet(), "Border Monitor");
  EXPECT_EQ(DistinctOutlets(claims[0]), 2);
  EXPECT_DOUBLE_EQ(claims[0].confidence(), 0.9);
}

// Two entities share the alias "CBP"; returns their ids (agency, program).
std::pair<uint64_t, uint64_t> MakeAmbiguousCbp(StoreTest* test, Store* store) {
  StatusOr<WriteReport> report = store->AddClaims(
      Located({Rel(Ent("U.S. Customs and Border Protection", AGENCY, {"CBP"}),
                   "operate", Ent("Anzalduas International Bridge", LOCATION)),
               Rel(Ent("Chesapeake Bay Program", PROGRAM, {"CBP"}), "monitor",
                   Ent("Chesapeake Bay", LOCATION))}),
      false);
  EXPECT_TRUE(report.ok()) << report.status().ToString();
  auto reader = store->NewReader();
  uint64_t agency =
      reader->ResolveEntity("U.S. Customs and Border Protection")->id();
  uint64_t program = reader->ResolveEntity("Chesapeake Bay Program")->id();
  EXPECT_NE(agency, program);
  (void)test;
  return {agency, program};
}

TEST_F(StoreTest, AmbiguousNameListsTheCandidates) {
  auto [agency, program] = MakeAmbiguousCbp(this, store_.get());
  auto reader = store_->NewReader();
  StatusOr<Entity> cbp = reader->ResolveEntity("CBP");
  ASSERT_FALSE(cbp.ok());
  EXPECT_EQ(cbp.status().code(), StatusCode::kAmbiguous);
  std::string message = cbp.status().message();
  EXPECT_TRUE(Contains(message, "#" + std::to_string(agency))) << message;
  EXPECT_TRUE(Contains(message, "#" + std::to_string(program))) << message;
  EXPECT_TRUE(Contains(message, "U.S. Customs and Border Protection"))
      << message;
  EXPECT_TRUE(Contains(message, "Chesapeake Bay Program")) << message;

  auto found = reader->FindEntities("c.b.p.");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->size(), 2u);

  // "#id" picks one.
  StatusOr<Entity> by_id = reader->ResolveEntity("#" + std::to_string(program));
  ASSERT_TRUE(by_id.ok()) << by_id.status().ToString();
  EXPECT_EQ(by_id->name(), "Chesapeake Bay Program");
  EXPECT_EQ(reader->ResolveEntity("#999").status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(reader->ResolveEntity("#12x").status().code(),
            StatusCode::kInvalidArgument);
}

TEST_F(StoreTest, DeclaredTypeDisambiguatesOnLoad) {
  auto [agency, program] = MakeAmbiguousCbp(this, store_.get());
  WriteReport report =
      Add({Rel(Ent("CBP", AGENCY), "operate", Ent("Integrated Fixed Towers")),
           Val(Ent("CBP", PROGRAM), "cost", 5, "USD")});
  EXPECT_EQ(report.entities_added, 1);  // Only the towers.
  std::vector<Claim> agency_claims = ClaimsAbout(agency);
  std::vector<Claim> program_claims = ClaimsAbout(program);
  ASSERT_EQ(agency_claims.size(), 2u);
  EXPECT_EQ(agency_claims[1].object().name(), "Integrated Fixed Towers");
  ASSERT_EQ(program_claims.size(), 2u);
  EXPECT_TRUE(program_claims[1].has_value());
}

TEST_F(StoreTest, AmbiguousNameRefusesTheWholeBatch) {
  MakeAmbiguousCbp(this, store_.get());
  StoreStats before = Stats();
  std::vector<Claim> batch = {
      Rel(Ent("Border Monitor Staff"), "cover", Ent("Tucson Sector"),
          "Border Monitor", "https://example.org/new", "New source."),
      Rel(Ent("CBP"), "operate", Ent("Brand New Towers")),
      Rel(Ent("Tucson Sector"), "part_of", Ent("Arizona"))};
  StatusOr<WriteReport> report =
      store_->AddClaims(Located(batch, "bad.jsonl"), /*skip_bad=*/false);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kAmbiguous);
  EXPECT_TRUE(report.status().message().starts_with("bad.jsonl:2:"))
      << report.status().message();
  StoreStats after = Stats();
  EXPECT_TRUE(SameStats(before, after))
      << Describe(before) << " vs " << Describe(after);
  auto reader = store_->NewReader();
  EXPECT_EQ(reader->ResolveEntity("Border Monitor Staff").status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(reader->ResolveEntity("Tucson Sector").status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(reader->GetSource("https://example.org/new").status().code(),
            StatusCode::kNotFound);

  // After a reopen: still nothing of the batch on disk.
  reader.reset();
  Reopen();
  EXPECT_TRUE(SameStats(before, Stats()));
}

TEST_F(StoreTest, AmbiguityArisingInsideTheBatchIsRefusedToo) {
  std::vector<Claim> batch = {
      Rel(Ent("Alpha Agency", AGENCY, {"AX"}), "p", Ent("One")),
      Rel(Ent("Alpha Program", PROGRAM, {"AX"}), "p", Ent("Two")),
      Rel(Ent("AX"), "p", Ent("Three"))};
  StatusOr<WriteReport> report =
      store_->AddClaims(Located(batch, "inner.jsonl"), /*skip_bad=*/false);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kAmbiguous);
  EXPECT_TRUE(report.status().message().starts_with("inner.jsonl:3:"))
      << report.status().message();
  StoreStats stats = Stats();
  EXPECT_EQ(stats.entities, 0u);
  EXPECT_EQ(stats.claims, 0u);
  EXPECT_EQ(stats.aliases, 0u);
}

TEST_F(StoreTest, SkipBadStoresTheGoodClaimsAndReportsTheBadOnes) {
  MakeAmbiguousCbp(this, store_.get());
  StoreStats before = Stats();
  std::vector<Claim> batch = {
      Rel(Ent("Valley Ledger Desk"), "cover", Ent("Hidalgo County")),
      Rel(Ent("CBP"), "operate", Ent("Brand New Towers")),
      Rel(Ent("Hidalgo County"), "part_of", Ent("Texas")),
      Rel(Ent("Tucson Sector"), "monitor", Ent("CBP"))};
  StatusOr<WriteReport> report =
      store_->AddClaims(Located(batch, "mixed.jsonl"), /*skip_bad=*/true);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->claims_added, 2);
  ASSERT_EQ(report->skipped.size(), 2u);
  EXPECT_EQ(report->skipped[0].where, "mixed.jsonl:2");
  EXPECT_EQ(report->skipped[0].status.code(), StatusCode::kAmbiguous);
  EXPECT_EQ(report->skipped[1].where, "mixed.jsonl:4");
  StoreStats after = Stats();
  EXPECT_EQ(after.claims, before.claims + 2);
  // Valley Ledger Desk, Hidalgo County, Texas; nothing of the skipped ones.
  EXPECT_EQ(after.entities, before.entities + 3);
  auto reader = store_->NewReader();
  EXPECT_EQ(reader->ResolveEntity("Brand New Towers").status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(reader->ResolveEntity("Tucson Sector").status().code(),
            StatusCode::kNotFound);
}

// A skipped claim leaves nothing behind, even when the ambiguity only
// appears once its own subject has been created: here the new subject
// "Alpha Program" declares the alias "AX", which makes the object "AX"
// (until then only "Alpha Agency") ambiguous.
TEST_F(StoreTest, SkippedClaimLeavesNoEntityBehind) {
  Add({Rel(Ent("Alpha Agency", AGENCY, {"AX"}), "p", Ent("One"))});
  StoreStats before = Stats();
  StatusOr<WriteReport> report = store_->AddClaims(
      Located({Rel(Ent("Alpha Program", PROGRAM, {"AX"}), "run", Ent("AX"))},
              "late.jsonl"),
      /*skip_bad=*/true);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->skipped.size(), 1u);
  EXPECT_EQ(report->skipped[0].status.code(), StatusCode::kAmbiguous);
  EXPECT_EQ(report->claims_added, 0);
  StoreStats after = Stats();
  EXPECT_TRUE(SameStats(before, after))
      << Describe(before) << " vs " << Describe(after);
  EXPECT_EQ(store_->NewReader()->ResolveEntity("Alpha Program").status().code(),
            StatusCode::kNotFound);
}

// Without --skip-bad the same claim fails the batch and nothing is written.
TEST_F(StoreTest, LateAmbiguityFailsTheBatch) {
  Add({Rel(Ent("Alpha Agency", AGENCY, {"AX"}), "p", Ent("One"))});
  StoreStats before = Stats();
  StatusOr<WriteReport> report = store_->AddClaims(
      Located({Rel(Ent("Alpha Program", PROGRAM, {"AX"}), "run", Ent("AX"))},
              "late.jsonl"),
      /*skip_bad=*/false);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kAmbiguous);
  EXPECT_TRUE(SameStats(before, Stats()));
}

TEST_F(StoreTest, MergeRewritesSpeakers) {
  Claim said = Val(Ice(), "detain", 1461, "immigrants");
  said.mutable_attribution()->mutable_speaker()->set_name("Leah Foley");
  said.mutable_attribution()->mutable_speaker()->set_type(PERSON);
  said.mutable_attribution()->set_cue("announced");
  said.mutable_attribution()->set_stance(REPORTED);
  Add({said, Rel(Ent("L. Foley", PERSON), "serve_as", Ent("U.S. Attorney"))});
  uint64_t keep = Resolve("Leah Foley").id();
  uint64_t drop = Resolve("L. Foley").id();
  ASSERT_TRUE(store_->Merge(keep, drop).ok());
  // Merged the other way: the speaker of the detain claim moves.
  Add({Rel(Ent("Someone Else", PERSON), "know", Ent("Leah Foley"))});
  uint64_t other = Resolve("Someone Else").id();
  ASSERT_TRUE(store_->Merge(other, keep).ok());
  std::vector<Claim> ice = ClaimsAbout(Resolve("ICE").id());
  ASSERT_EQ(ice.size(), 1u);
  EXPECT_EQ(ice[0].attribution().speaker().id(), other);
  EXPECT_EQ(ice[0].attribution().speaker().name(), "Someone Else");
  EXPECT_EQ(Resolve("L. Foley").id(), other);
  EXPECT_EQ(Resolve("Leah Foley").id(), other);
  EXPECT_EQ(ClaimsAbout(other).size(), 2u);  // serve_as and a self "know".
}

TEST_F(StoreTest, DeclaredAliasesResolveToOneEntity) {
  Add({Rel(Ice(), "contract", Palantir(), "Capitol Tech Review",
           "https://example.org/ctr", "One.")});
  Add({Rel(Ent("U.S. Immigration and Customs Enforcement"), "operate",
           Ent("Investigative Case Management", PROGRAM)),
       Val(Ent("IMMIGRATION AND CUSTOMS ENFORCEMENT"), "detain", 1104,
           "immigrants")});
  EXPECT_EQ(Stats().entities, 3u);
  uint64_t ice = Resolve("ICE").id();
  for (const char* name :
       {"ICE", "ice", "U.S. Immigration and Customs Enforcement",
        "u.s. immigration  and customs enforcement",
        "Immigration and Customs Enforcement",
        "US IMMIGRATION AND CUSTOMS ENFORCEMENT", "\uFF29\uFF23\uFF25"}) {
    EXPECT_EQ(Resolve(name).id(), ice) << name;
  }
  EXPECT_EQ(ClaimsAbout(ice).size(), 3u);
  EXPECT_EQ(Resolve("Palantir").name(), "Palantir Technologies");

  // An entity named by an alias first learns its other names later.
  Add({Rel(Ent("Anzalduas crossing"), "located_in", Ent("Texas"))});
  Add({Rel(
      Ent("Anzalduas International Bridge", LOCATION, {"Anzalduas crossing"}),
      "operated_by", Ent("CBP"))});
  EXPECT_EQ(Resolve("Anzalduas crossing").id(),
            Resolve("Anzalduas International Bridge").id());
  EXPECT_EQ(Resolve("Anzalduas crossing").type(), LOCATION);
}

TEST_F(StoreTest, AddAliasMakesANameResolve) {
  Add({Rel(Ent("Traveler Verification Service", PROGRAM), "use",
           Ent("facial recognition"))});
  uint64_t tvs = Resolve("Traveler Verification Service").id();
  EXPECT_EQ(store_->NewReader()->ResolveEntity("TVS").status().code(),
            StatusCode::kNotFound);
  ASSERT_TRUE(store_->AddAlias(tvs, "TVS").ok());
  EXPECT_EQ(Resolve("T.V.S.").id(), tvs);
  uint64_t before = Stats().aliases;
  ASSERT_TRUE(store_->AddAlias(tvs, "tvs").ok());  // Already known.
  EXPECT_EQ(Stats().aliases, before);
  EXPECT_EQ(store_->AddAlias(tvs, " ... ").code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->AddAlias(9999, "x").code(), StatusCode::kNotFound);

  // An alias shared with another entity becomes ambiguous.
  uint64_t fr = Resolve("facial recognition").id();
  ASSERT_TRUE(store_->AddAlias(fr, "TVS").ok());
  EXPECT_EQ(store_->NewReader()->ResolveEntity("TVS").status().code(),
            StatusCode::kAmbiguous);
}

TEST_F(StoreTest, ForgetRemovesEvidenceClaimsAndTheSource) {
  const std::string doc_a = "https://example.org/a";
  const std::string doc_b = "https://example.org/b";
  Add({Rel(Ice(), "contract", Palantir(), "Capitol Tech Review", doc_a,
           "Corroborated."),
       Rel(Ice(), "contract", Palantir(), "Border Monitor", doc_b,
           "Corroborated too."),
       Val(Ice(), "detain", 1461, "immigrants", "Capitol Tech Review", doc_a,
           "Only in a."),
       Rel(Palantir(), "build", Ent("ImmigrationOS", PROGRAM), "Border Monitor",
           doc_b, "Only in b.")});
  StoreStats before = Stats();
  EXPECT_EQ(before.claims, 3u);
  EXPECT_EQ(before.sources, 2u);
  EXPECT_EQ(before.corroborated_claims, 1u);
  uint64_t ice = Resolve("ICE").id();
  std::vector<Claim> ice_claims = ClaimsAbout(ice);
  ASSERT_EQ(ice_claims.size(), 2u);
  uint64_t contract_id = ice_claims[0].id();
  uint64_t detain_id = ice_claims[1].id();

  StatusOr<WriteReport> report = store_->Forget(doc_a);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->claims_removed, 1);

  auto reader = store_->NewReader();
  EXPECT_EQ(reader->GetSource(doc_a).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(reader->GetSource(doc_b).ok());
  EXPECT_EQ(reader->GetClaim(detain_id).status().code(), StatusCode::kNotFound);
  StatusOr<Claim> contract = reader->GetClaim(contract_id);
  ASSERT_TRUE(contract.ok()) << contract.status().ToString();
  ASSERT_EQ(contract->evidence_size(), 1);
  EXPECT_EQ(contract->evidence(0).source().outlet(), "Border Monitor");
  EXPECT_TRUE(reader->ClaimsByDocument(doc_a)->empty());
  EXPECT_EQ(reader->ClaimsByDocument(doc_b)->size(), 2u);
  EXPECT_EQ(*reader->ClaimsBySubject(ice),
            std::vector<uint64_t>({contract_id}));
  EXPECT_TRUE(reader->ClaimsByPredicate("detain")->empty());

  StoreStats after = Stats();
  EXPECT_EQ(after.claims, 2u);
  EXPECT_EQ(after.sources, 1u);
  EXPECT_EQ(after.evidence, 2u);
  EXPECT_EQ(after.corroborated_claims, 0u);

  // Forgetting it again, or an unknown document, is NotFound.
  EXPECT_EQ(store_->Forget(doc_a).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->Forget("https://example.org/never").status().code(),
            StatusCode::kNotFound);
  EXPECT_TRUE(SameStats(after, Stats()));

  // Loading the document again brings its claim back.
  Add({Val(Ice(), "detain", 1461, "immigrants", "Capitol Tech Review", doc_a,
           "Only in a.")});
  EXPECT_EQ(Stats().claims, 3u);
}

TEST_F(StoreTest, MergeRewritesClaimsAndMovesAliases) {
  Add({Rel(Ice(), "contract", Palantir(), "Capitol Tech Review",
           "https://example.org/a", "ICE contracted Palantir."),
       Rel(Ice(), "contract", Ent("Palantir Inc", COMPANY, {"PLTR"}),
           "Border Monitor", "https://example.org/b",
           "ICE contracted Palantir Inc."),
       Rel(Ent("Palantir Inc", COMPANY), "build", Ent("ImmigrationOS", PROGRAM),
           "Border Monitor", "https://example.org/b",
           "It builds ImmigrationOS."),
       Rel(Ent("Peter Thiel", PERSON), "found", Ent("Palantir Inc", COMPANY),
           "Border Monitor", "https://example.org/b", "Thiel founded it.")});
  uint64_t keep = Resolve("Palantir Technologies").id();
  uint64_t drop = Resolve("Palantir Inc").id();
  ASSERT_NE(keep, drop);
  StoreStats before = Stats();
  EXPECT_EQ(before.claims, 4u);
  EXPECT_EQ(before.corroborated_claims, 0u);

  StatusOr<WriteReport> report = store_->Merge(keep, drop);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->claims_removed, 1);  // The two contract claims merged.

  std::unique_ptr<StoreReader> reader = store_->NewReader();
  EXPECT_EQ(reader->GetEntity(drop).status().code(), StatusCode::kNotFound);
  for (const char* name :
       {"Palantir Inc", "PLTR", "Palantir", "Palantir Technologies"}) {
    StatusOr<Entity> e = reader->ResolveEntity(name);
    ASSERT_TRUE(e.ok()) << name << ": " << e.status().ToString();
    EXPECT_EQ(e->id(), keep) << name;
  }
  EXPECT_TRUE(reader->ClaimsBySubject(drop)->empty());
  EXPECT_TRUE(reader->ClaimsByObject(drop)->empty());

  StoreStats after = Stats();
  EXPECT_EQ(after.entities, before.entities - 1);
  EXPECT_EQ(after.claims, 3u);
  EXPECT_EQ(after.evidence, before.evidence);
  EXPECT_EQ(after.corroborated_claims, 1u);

  std::vector<Claim> ice_claims = ClaimsAbout(Resolve("ICE").id());
  ASSERT_EQ(ice_claims.size(), 1u);
  EXPECT_EQ(ice_claims[0].object().id(), keep);
  EXPECT_EQ(ice_claims[0].evidence_size(), 2);
  std::vector<Claim> kept_claims = ClaimsAbout(keep);
  ASSERT_EQ(kept_claims.size(), 1u);
  EXPECT_EQ(kept_claims[0].predicate(), "build");
  EXPECT_EQ(kept_claims[0].subject().name(), "Palantir Technologies");
  EXPECT_EQ(reader->ClaimsByObject(keep)->size(), 2u);

  EXPECT_EQ(store_->Merge(keep, keep).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->Merge(keep, drop).status().code(), StatusCode::kNotFound);

  // After a reopen, loading a claim about the dropped name lands on `keep`.
  reader.reset();  // A reader must not outlive its store.
  Reopen();
  Add({Rel(Ent("Palantir Inc"), "hire", Ent("Some Engineer", PERSON))});
  EXPECT_EQ(ClaimsAbout(keep).size(), 2u);
}

// export -> load into an empty store -> export gives the same bytes, for
// claims with awkward parts: a zero amount, bounds, a speaker, no evidence,
// UTF-8 and quotes, evidence without a url.
TEST_F(StoreTest, ExportLoadExportIsIdentical) {
  Claim zero = Val(Ent("Tohono O\u2019odham Nation", ORGANIZATION), "report", 0,
                   "arrests", "Desert Sentinel", "https://example.com/ds",
                   "No \"arrests\" \\ at all.");
  Claim bounded = Val(Ice(), "detain", 1000, "immigrants", "", "");
  bounded.mutable_value()->set_lower_bound(1000);
  bounded.mutable_value()->set_approximate(true);
  bounded.mutable_value()->set_approximate_cue("more than");
  Qualifier* q = bounded.add_qualifiers();
  q->set_key("place");
  q->set_value("Massachusetts");
  Claim said =
      Rel(Ent("Palantir spokesperson", PERSON), "deny",
          Ent("Luis Cant\u00fa", PERSON), "Valley Ledger", "", "Denied.");
  said.mutable_evidence(0)->mutable_source()->set_title("A title");
  said.mutable_attribution()->mutable_speaker()->set_name("Palantir");
  said.mutable_attribution()->set_stance(DENIED);
  said.mutable_attribution()->set_cue("denied");
  Add({Rel(Ice(), "contract", Palantir(), "Capitol Tech Review",
           "https://example.org/a", "One."),
       Rel(Ice(), "contract", Palantir(), "Border Monitor",
           "https://example.org/b", "Two."),
       zero, bounded, said});
  std::ostringstream first;
  ASSERT_TRUE(ExportJsonl(*store_->NewReader(), first).ok());
  ASSERT_FALSE(first.str().empty());

  std::istringstream in(first.str());
  StatusOr<ReadResult> read = ReadJsonl(in, "export.jsonl", ReadOptions());
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->claims.size(), Stats().claims);

  StatusOr<std::unique_ptr<Store>> other =
      Store::Open((dir_ / "other").string(), StoreOptions());
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  StatusOr<WriteReport> report = (*other)->AddClaims(read->claims, false);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  std::ostringstream second;
  ASSERT_TRUE(ExportJsonl(*(*other)->NewReader(), second).ok());
  EXPECT_EQ(second.str(), first.str());
  StatusOr<StoreStats> other_stats = (*other)->NewReader()->Stats();
  ASSERT_TRUE(other_stats.ok());
  EXPECT_TRUE(SameStats(*other_stats, Stats()))
      << Describe(*other_stats) << " vs " << Describe(Stats());
}

TEST_F(StoreTest, ReopenKeepsEverything) {
  Add({Rel(Ice(), "contract", Palantir(), "Capitol Tech Review",
           "https://example.org/a", "One."),
       Val(Ice(), "detain", 1461, "immigrants")});
  StoreStats before = Stats();
  uint64_t ice = Resolve("ICE").id();
  Reopen();
  EXPECT_TRUE(SameStats(before, Stats()));
  EXPECT_EQ(Resolve("Immigration and Customs Enforcement").id(), ice);
  // New ids continue after the old ones.
  Add({Rel(Ent("New Entity"), "p", Ent("Other New"))});
  uint64_t fresh = Resolve("New Entity").id();
  EXPECT_GT(fresh, Resolve("Palantir").id());
  std::vector<Claim> claims = ClaimsAbout(fresh);
  ASSERT_EQ(claims.size(), 1u);
  for (const Claim& c : ClaimsAbout(ice)) EXPECT_LT(c.id(), claims[0].id());

  StoreOptions read_only;
  read_only.read_only = true;
  read_only.create_if_missing = false;
  Reopen(read_only);
  EXPECT_EQ(Stats().claims, before.claims + 1);
  StatusOr<WriteReport> write =
      store_->AddClaims(Located({Rel(Ent("X"), "p", Ent("Y"))}), false);
  ASSERT_FALSE(write.ok());
  EXPECT_EQ(write.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_FALSE(store_->Forget("https://example.org/a").ok());
  EXPECT_FALSE(store_->AddAlias(ice, "Z").ok());
}

// A load into a reopened store either reads the alias index and the claim
// identities in full first (a load large next to the store) or looks names
// and identities up one by one (a small one); either way, known names
// resolve to their entities and known claims are merged.
TEST_F(StoreTest, ReopenedStoreResolvesAndMergesForLargeAndSmallLoads) {
  Claim known = Rel(Ice(), "contract", Palantir(), "Capitol Tech Review",
                    "https://example.org/a", "One.");
  Add({known, Val(Ice(), "detain", 1461, "immigrants")});
  StoreStats before = Stats();
  uint64_t ice = Resolve("ICE").id();

  // Small: one claim, by an alias of each entity.
  Reopen();
  WriteReport small = Add({Rel(
      Ent("Immigration and Customs Enforcement"), "contract", Ent("Palantir"),
      "Capitol Tech Review", "https://example.org/a", "One.")});
  EXPECT_EQ(small.claims_merged, 1);
  EXPECT_EQ(small.claims_added, 0);
  EXPECT_EQ(small.entities_added, 0);

  // Large: the known claims again, then 40 new claims about known entities.
  Reopen();
  std::vector<Claim> large = {known, Val(Ice(), "detain", 1461, "immigrants")};
  for (int i = 0; i < 40; ++i) {
    large.push_back(Val(Ent("U.S. Immigration and Customs Enforcement"),
                        "report", i + 1, "cases", "Outlet",
                        "https://example.org/n" + std::to_string(i)));
  }
  WriteReport report = Add(large);
  EXPECT_EQ(report.claims_merged, 2);
  EXPECT_EQ(report.claims_added, 40);
  EXPECT_EQ(report.entities_added, 0);
  EXPECT_EQ(Stats().entities, before.entities);
  EXPECT_EQ(Stats().claims, before.claims + 40);
  EXPECT_EQ(ClaimsAbout(ice).size(), 42u);

  // And once more, in the same process: nothing changes.
  report = Add(large);
  EXPECT_EQ(report.claims_merged, 42);
  EXPECT_EQ(report.claims_added, 0);
  EXPECT_EQ(Stats().claims, before.claims + 40);
}

TEST_F(StoreTest, OneWriterManyReaders) {
  Add({Rel(Ent("A"), "p", Ent("B"))});
  // A second writer is refused while the first holds the lock.
  StatusOr<std::unique_ptr<Store>> second =
      Store::Open(db_path_, StoreOptions());
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), StatusCode::kIoError);
  // A read-only opener is not.
  StoreOptions read_only;
  read_only.read_only = true;
  StatusOr<std::unique_ptr<Store>> reader = Store::Open(db_path_, read_only);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  EXPECT_EQ((*reader)->NewReader()->Stats()->claims, 1u);
}

TEST_F(StoreTest, ReaderIsASnapshot) {
  Add({Rel(Ent("A"), "p", Ent("B"))});
  auto reader = store_->NewReader();
  Add({Rel(Ent("A"), "q", Ent("C"))});
  EXPECT_EQ(reader->Stats()->claims, 1u);
  EXPECT_EQ(store_->NewReader()->Stats()->claims, 2u);
}

TEST_F(StoreTest, MissingDatabaseIsNotFound) {
  store_.reset();
  std::string missing = (dir_ / "missing").string();
  StoreOptions read_only;
  read_only.read_only = true;
  StatusOr<std::unique_ptr<Store>> store = Store::Open(missing, read_only);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kNotFound);
  StoreOptions no_create;
  no_create.create_if_missing = false;
  store = Store::Open(missing, no_create);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(
      std::filesystem::exists(std::filesystem::path(missing) / "CURRENT"));
}

// Opens the claimgraph database at `path` with RocksDB directly and sets the
// schema version.
void WriteSchemaVersion(const std::string& path, const std::string& version) {
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const char* name : keys::kColumnFamilyNames) {
    families.emplace_back(name, rocksdb::ColumnFamilyOptions());
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  rocksdb::Status s =
      rocksdb::DB::Open(rocksdb::DBOptions(), path, families, &handles, &db);
  ASSERT_TRUE(s.ok()) << s.ToString();
  s = db->Put(rocksdb::WriteOptions(), handles[keys::kMeta],
              std::string(keys::kSchemaVersionKey), version);
  EXPECT_TRUE(s.ok()) << s.ToString();
  for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
  delete db;
}

TEST_F(StoreTest, RefusesAnotherSchemaVersion) {
  Add({Rel(Ent("A"), "p", Ent("B"))});
  store_.reset();
  WriteSchemaVersion(db_path_, "77");
  for (bool read_only : {false, true}) {
    StoreOptions options;
    options.read_only = read_only;
    StatusOr<std::unique_ptr<Store>> store = Store::Open(db_path_, options);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), StatusCode::kFailedPrecondition);
    EXPECT_TRUE(Contains(store.status().message(), "77"))
        << store.status().message();
  }
  // Back to the right version, it opens again with its data.
  WriteSchemaVersion(db_path_, std::to_string(Store::kSchemaVersion));
  Reopen();
  EXPECT_EQ(Stats().claims, 1u);
}

TEST_F(StoreTest, RefusesAnotherRocksDbDatabase) {
  store_.reset();
  std::string other = (dir_ / "other").string();
  {
    rocksdb::Options options;
    options.create_if_missing = true;
    rocksdb::DB* db = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(options, other, &db).ok());
    rocksdb::ColumnFamilyHandle* cf = nullptr;
    ASSERT_TRUE(
        db->CreateColumnFamily(rocksdb::ColumnFamilyOptions(), "not_ours", &cf)
            .ok());
    db->DestroyColumnFamilyHandle(cf);
    delete db;
  }
  StatusOr<std::unique_ptr<Store>> store = Store::Open(other, StoreOptions());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_TRUE(Contains(store.status().message(), "not_ours"))
      << store.status().message();

  // A RocksDB database with only the default column family and no schema
  // version is not ours either.
  std::string plain = (dir_ / "plain").string();
  {
    rocksdb::Options options;
    options.create_if_missing = true;
    rocksdb::DB* db = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(options, plain, &db).ok());
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), "k", "v").ok());
    delete db;
  }
  store = Store::Open(plain, StoreOptions());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kFailedPrecondition);
}

// A refused database is left as it was: opening it must not add claimgraph's
// column families to somebody else's RocksDB database.
TEST_F(StoreTest, RefusalLeavesAForeignDatabaseUnchanged) {
  store_.reset();
  std::string plain = (dir_ / "plain").string();
  {
    rocksdb::Options options;
    options.create_if_missing = true;
    rocksdb::DB* db = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(options, plain, &db).ok());
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), "k", "v").ok());
    delete db;
  }
  StatusOr<std::unique_ptr<Store>> store = Store::Open(plain, StoreOptions());
  ASSERT_FALSE(store.ok());
  std::vector<std::string> names;
  ASSERT_TRUE(
      rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), plain, &names)
          .ok());
  EXPECT_EQ(names, std::vector<std::string>({"default"}));
}

}  // namespace
}  // namespace claimgraph
