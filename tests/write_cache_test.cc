// The writer's cache (src/store/write_cache.h) must leave every write's
// outcome as it would be without it. The same operations run on two
// stores: one kept open throughout (its cache warm, carried across writes)
// and one reopened before every operation (its cache empty each time).
// Results, errors and the final export must be identical.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "export/jsonl.h"
#include "model/claim.h"
#include "store/store.h"
#include "store_test_util.h"

namespace claimgraph {
namespace {

using testing_util::Ent;

Claim Rel(const Entity& subject, const std::string& predicate,
          const Entity& object, const std::string& url,
          const std::string& outlet = "Outlet") {
  Claim c;
  *c.mutable_subject() = subject;
  c.set_predicate(predicate);
  *c.mutable_object() = object;
  c.set_recorded_at("2026-01-01T00:00:00Z");
  Evidence* e = c.add_evidence();
  e->set_sentence("About " + subject.name() + ".");
  e->mutable_source()->set_url(url);
  e->mutable_source()->set_outlet(outlet);
  return c;
}

std::vector<LocatedClaim> Located(const std::vector<Claim>& claims) {
  std::vector<LocatedClaim> out;
  for (size_t i = 0; i < claims.size(); ++i) {
    out.push_back({claims[i], "f.jsonl:" + std::to_string(i + 1)});
  }
  return out;
}

std::string Outcome(const StatusOr<WriteReport>& report) {
  if (!report.ok()) return "error: " + report.status().ToString();
  std::string out = "added " + std::to_string(report->claims_added) +
                    " merged " + std::to_string(report->claims_merged) +
                    " entities " + std::to_string(report->entities_added) +
                    " sources " + std::to_string(report->sources_added) +
                    " removed " + std::to_string(report->claims_removed);
  for (const SkippedClaim& s : report->skipped) {
    out += " skipped " + s.where + " " + s.status.ToString();
  }
  return out;
}

std::string Outcome(const Status& status) {
  return status.ok() ? "ok" : "error: " + status.ToString();
}

class WriteCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("cg_write_cache_test_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    warm_ = Open("warm");
  }
  void TearDown() override {
    warm_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::unique_ptr<Store> Open(const std::string& name) {
    StatusOr<std::unique_ptr<Store>> store =
        Store::Open((dir_ / name).string(), StoreOptions());
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(*store) : nullptr;
  }

  uint64_t Id(const std::string& name, EntityType type) {
    auto found = warm_->NewReader()->FindEntities(name);
    EXPECT_TRUE(found.ok());
    for (const Entity& e : *found) {
      if (e.type() == type) return e.id();
    }
    ADD_FAILURE() << "no " << name;
    return 0;
  }

  // Runs `op` on the warm store and on a freshly opened cold one; the two
  // outcomes must be equal.
  void Both(const std::function<std::string(Store&)>& op) {
    std::string warm = op(*warm_);
    std::unique_ptr<Store> cold = Open("cold");
    ASSERT_NE(cold, nullptr);
    EXPECT_EQ(warm, op(*cold));
  }
  void AddBoth(const std::vector<Claim>& claims, bool skip_bad = false) {
    Both([&](Store& s) {
      return Outcome(s.AddClaims(Located(claims), skip_bad));
    });
  }

  std::string Export(Store& store) {
    std::ostringstream out;
    EXPECT_TRUE(ExportJsonl(*store.NewReader(), out).ok());
    return out.str();
  }

  std::filesystem::path dir_;
  std::unique_ptr<Store> warm_;
};

TEST_F(WriteCacheTest, WarmAndColdStoresAgreeOnEveryWrite) {
  Entity ice = Ent("ICE", AGENCY, {"Immigration and Customs Enforcement"});
  Entity thiel = Ent("Peter Thiel", PERSON);
  AddBoth({Rel(ice, "contract", Ent("Palantir", COMPANY), "https://a/1"),
           Rel(Ent("ICE"), "meet", thiel, "https://a/2")});
  // Through a declared alias, and a new alias declared on a known entity.
  AddBoth({Rel(Ent("Immigration and Customs Enforcement"), "hire",
               Ent("Bob Lee", PERSON), "https://a/3"),
           Rel(Ent("Palantir", COMPANY, {"Palantir Technologies"}), "build",
               Ent("ImmigrationOS", PROGRAM), "https://a/1", "Wire")});
  AddBoth({Rel(Ent("palantir technologies"), "sue", Ent("Bob Lee"),
               "https://a/4")});
  // An alias makes "ICE" ambiguous: untyped mentions fail, typed ones pass.
  uint64_t thiel_id = Id("Peter Thiel", PERSON);
  Both([&](Store& s) { return Outcome(s.AddAlias(thiel_id, "I.C.E.")); });
  AddBoth({Rel(Ent("ICE"), "buy", Ent("Drones"), "https://a/5")});
  AddBoth({Rel(Ent("ICE"), "buy", Ent("Drones"), "https://a/5"),
           Rel(Ent("CBP", AGENCY), "buy", Ent("Drones"), "https://a/5")},
          /*skip_bad=*/true);
  AddBoth({Rel(Ent("ICE", AGENCY), "buy", Ent("Drones"), "https://a/5")});
  // Merge, then names of the dropped entity resolve to the kept one.
  uint64_t ice_id = Id("ICE", AGENCY);
  uint64_t cbp_id = Id("CBP", AGENCY);
  Both([&](Store& s) { return Outcome(s.Merge(ice_id, cbp_id)); });
  AddBoth({Rel(Ent("CBP", AGENCY), "fund", Ent("Drones"), "https://a/6"),
           Rel(Ent("Immigration and Customs Enforcement", AGENCY), "fund",
               Ent("Drones"), "https://a/6")});
  // Forget a document; a later write to its url creates it again.
  Both([&](Store& s) {
    StatusOr<WriteReport> r = s.Forget("https://a/5");
    return Outcome(r);
  });
  AddBoth({Rel(Ent("Drones"), "cost", Ent("Money"), "https://a/5", "Late")});
  // Reloading everything changes nothing.
  AddBoth({Rel(ice, "contract", Ent("Palantir", COMPANY), "https://a/1"),
           Rel(Ent("palantir technologies"), "sue", Ent("Bob Lee"),
               "https://a/4")});

  std::unique_ptr<Store> cold = Open("cold");
  ASSERT_NE(cold, nullptr);
  std::string warm_export = Export(*warm_);
  EXPECT_FALSE(warm_export.empty());
  EXPECT_EQ(warm_export, Export(*cold));
}

}  // namespace
}  // namespace claimgraph
