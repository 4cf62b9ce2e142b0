// The matcher and the gold checks of claimgraph-gold-eval
// (tools/gold_eval), on tiny in-memory claims.

#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "gold_check.h"
#include "gold_match.h"

namespace claimgraph {
namespace {

Claim Parse(const std::string& json) {
  Claim claim;
  google::protobuf::util::JsonParseOptions options;
  auto status =
      google::protobuf::util::JsonStringToMessage(json, &claim, options);
  EXPECT_TRUE(status.ok()) << json;
  return claim;
}

Entity Named(const std::string& name, EntityType type,
             std::vector<std::string> aliases = {}) {
  Entity entity;
  entity.set_name(name);
  entity.set_type(type);
  for (const std::string& alias : aliases) entity.add_aliases(alias);
  return entity;
}

const char kGoldContract[] =
    R"({"subject":{"name":"Immigration and Customs Enforcement","type":"AGENCY","aliases":["ICE"]},)"
    R"("predicate":"contract","object":{"name":"Palantir Technologies","type":"COMPANY","aliases":["Palantir"]}})";
const char kGoldDetain[] =
    R"({"subject":{"name":"federal officials","type":"AGENCY"},"predicate":"detain",)"
    R"("value":{"amount":1461,"unit":"immigrants","text":"1,461 immigrants"}})";
const char kGoldFound[] =
    R"({"subject":{"name":"Palantir Technologies","type":"COMPANY"},"predicate":"found",)"
    R"("object":{"name":"Peter Thiel","type":"PERSON"}})";

TEST(NameMatchTest, EqualAfterNormalisation) {
  EXPECT_EQ(
      NameMatchScore(Named("U.S. immigration  and customs-enforcement", AGENCY),
                     Named("US Immigration and Customs Enforcement", AGENCY)),
      3);
}

TEST(NameMatchTest, LeadingArticleDropped) {
  EXPECT_EQ(NameMatchForm("The Towers"), "towers");
  EXPECT_EQ(NameMatchForm("an app"), "app");
  EXPECT_EQ(NameMatchForm("The"), "the");
  EXPECT_EQ(NameMatchForm("Theater"), "theater");
  EXPECT_EQ(NameMatchScore(Named("the autonomous towers", OTHER),
                           Named("autonomous surveillance towers", PROGRAM,
                                 {"autonomous towers"})),
            2);
  EXPECT_EQ(
      NameMatchScore(Named("these towers", OTHER), Named("towers", PROGRAM)),
      0);
}

TEST(NameMatchTest, AliasEitherWay) {
  Entity gold = Named("Immigration and Customs Enforcement", AGENCY, {"ICE"});
  EXPECT_EQ(NameMatchScore(Named("ICE", AGENCY), gold), 2);
  EXPECT_EQ(NameMatchScore(Named("I.C.E.", OTHER), gold), 2);
  EXPECT_EQ(
      NameMatchScore(Named("ICE", AGENCY,
                           {"Immigration and Customs "
                            "Enforcement"}),
                     Named("Immigration and Customs Enforcement", AGENCY)),
      2);
}

TEST(NameMatchTest, HeadOnlyForPersons) {
  EXPECT_EQ(NameMatchScore(Named("Maass", PERSON), Named("Dave Maass", PERSON)),
            1);
  EXPECT_EQ(NameMatchScore(Named("Maass", OTHER), Named("Dave Maass", PERSON)),
            1);
  // The head rule needs a PERSON on the gold side.
  EXPECT_EQ(NameMatchScore(Named("Technologies", COMPANY),
                           Named("Palantir Technologies", COMPANY)),
            0);
  EXPECT_EQ(
      NameMatchScore(Named("Jane Maass", PERSON), Named("Dave Maass", PERSON)),
      1);  // Documented leniency: heads only.
  EXPECT_EQ(NameMatchScore(Named("Dave", PERSON), Named("Dave Maass", PERSON)),
            0);
  EXPECT_EQ(NameMatchScore(Named("", PERSON), Named("Dave Maass", PERSON)), 0);
}

TEST(ValueMatchTest, AmountsWithinHalfAPercent) {
  Quantity gold;
  gold.set_amount(30000000);
  gold.set_unit("USD");
  Quantity sys = gold;
  sys.set_amount(30100000);  // 0.33% off
  sys.set_approximate(true);
  EXPECT_TRUE(ValuesMatch(sys, gold));
  sys.set_amount(30200000);  // 0.66% off
  EXPECT_FALSE(ValuesMatch(sys, gold));
  sys.set_amount(30000000);
  sys.set_unit("EUR");
  EXPECT_FALSE(ValuesMatch(sys, gold));
}

TEST(ValueMatchTest, Units) {
  EXPECT_EQ(CanonicalUnit("%"), "%");
  EXPECT_EQ(CanonicalUnit("percent"), "%");
  EXPECT_EQ(CanonicalUnit("Days"), "day");
  EXPECT_EQ(CanonicalUnit("immigrants"), "immigrant");
  Quantity pct, bare;
  pct.set_amount(76);
  pct.set_unit("%");
  bare.set_amount(76);
  EXPECT_FALSE(ValuesMatch(bare, pct));  // "%" is not the empty unit
  EXPECT_TRUE(ValuesMatch(pct, pct));
  Quantity zero;
  EXPECT_TRUE(ValuesMatch(zero, zero));
}

TEST(PredicateMatchTest, CaseSpacesUnderscores) {
  EXPECT_TRUE(PredicatesMatch("Hold  Role", "hold_role"));
  EXPECT_TRUE(PredicatesMatch("contract", "contract"));
  EXPECT_FALSE(PredicatesMatch("contracted", "contract"));
  EXPECT_FALSE(PredicatesMatch("", ""));
}

TEST(ClaimMatchTest, SubjectPredicateAndTarget) {
  Claim gold = Parse(kGoldContract);
  EXPECT_GT(ClaimMatchScore(
                Parse(R"({"subject":{"name":"ICE"},"predicate":"contract",)"
                      R"("object":{"name":"Palantir"}})"),
                gold),
            0);
  // Wrong predicate, wrong object, value instead of object.
  EXPECT_EQ(
      ClaimMatchScore(Parse(R"({"subject":{"name":"ICE"},"predicate":"pay",)"
                            R"("object":{"name":"Palantir"}})"),
                      gold),
      0);
  EXPECT_EQ(ClaimMatchScore(
                Parse(R"({"subject":{"name":"ICE"},"predicate":"contract",)"
                      R"("object":{"name":"Anduril Industries"}})"),
                gold),
            0);
  EXPECT_EQ(ClaimMatchScore(
                Parse(R"({"subject":{"name":"ICE"},"predicate":"contract",)"
                      R"("value":{"amount":30000000,"unit":"USD"}})"),
                gold),
            0);
  // Subject and object swapped.
  EXPECT_EQ(
      ClaimMatchScore(
          Parse(R"({"subject":{"name":"Palantir"},"predicate":"contract",)"
                R"("object":{"name":"ICE"}})"),
          gold),
      0);
  Claim detain = Parse(kGoldDetain);
  EXPECT_GT(
      ClaimMatchScore(Parse(R"({"subject":{"name":"Federal officials"},)"
                            R"("predicate":"detain","value":{"amount":1461,)"
                            R"("unit":"immigrant","approximate":true}})"),
                      detain),
      0);
  EXPECT_EQ(
      ClaimMatchScore(Parse(R"({"subject":{"name":"Federal officials"},)"
                            R"("predicate":"detain","value":{"amount":1641,)"
                            R"("unit":"immigrants"}})"),
                      detain),
      0);
}

TEST(MatchClaimsTest, OneToOneGreedy) {
  std::vector<Claim> gold = {Parse(kGoldContract), Parse(kGoldDetain),
                             Parse(kGoldFound)};
  // Two system claims could match the contract; only one may count. The
  // exact name is preferred over the alias.
  std::vector<Claim> system = {
      Parse(R"({"subject":{"name":"ICE"},"predicate":"contract",)"
            R"("object":{"name":"Palantir"}})"),
      Parse(
          R"({"subject":{"name":"Immigration and Customs Enforcement"},)"
          R"("predicate":"contract","object":{"name":"Palantir Technologies"}})"),
      Parse(R"({"subject":{"name":"Palantir"},"predicate":"found",)"
            R"("object":{"name":"Thiel"}})"),
      Parse(R"({"subject":{"name":"Massachusetts"},"predicate":"locate_in",)"
            R"("object":{"name":"United States"}})")};
  Matching m = MatchClaims(system, gold);
  ASSERT_EQ(m.pairs.size(), 1u);  // "Palantir" is an alias only in gold[0]
  EXPECT_EQ(m.pairs[0], std::make_pair(1, 0));
  EXPECT_EQ(m.unmatched_gold, (std::vector<int>{1, 2}));
  EXPECT_EQ(m.unmatched_system, (std::vector<int>{0, 2, 3}));
  EXPECT_EQ(m.counts.gold, 3);
  EXPECT_EQ(m.counts.system, 4);
  EXPECT_EQ(m.counts.matched, 1);
  EXPECT_DOUBLE_EQ(m.counts.Precision(), 0.25);
  EXPECT_DOUBLE_EQ(m.counts.Recall(), 1.0 / 3);
  EXPECT_NEAR(m.counts.F1(), 2 * 0.25 / 3 / (0.25 + 1.0 / 3), 1e-12);
}

TEST(MatchClaimsTest, EmptySides) {
  Matching none = MatchClaims({}, {});
  EXPECT_EQ(none.counts.F1(), 0.0);
  Matching only_gold = MatchClaims({}, {Parse(kGoldFound)});
  EXPECT_EQ(only_gold.unmatched_gold, std::vector<int>{0});
  EXPECT_EQ(only_gold.counts.Recall(), 0.0);
}

TEST(DocumentKeyTest, UrlThenId) {
  Claim claim = Parse(kGoldFound);
  EXPECT_EQ(DocumentKey(claim), "");
  claim.add_evidence()->mutable_source()->set_document_id("doc-7");
  EXPECT_EQ(DocumentKey(claim), "doc-7");
  claim.mutable_evidence(0)->mutable_source()->set_url("https://example.org/a");
  EXPECT_EQ(DocumentKey(claim), "https://example.org/a");
}

TEST(GoldCheckTest, FrontMatterAndMetaTags) {
  auto fm = ReadArticleMetadata(
      "---\ntitle: A: b\noutlet: Valley Ledger\nurl: https://example.com/x\n"
      "published: 2025-06-12\n---\nText.\n");
  EXPECT_EQ(fm["title"], "A: b");
  EXPECT_EQ(fm["outlet"], "Valley Ledger");
  EXPECT_EQ(fm["published"], "2025-06-12");
  auto meta = ReadArticleMetadata(
      "<html><head><meta property=\"og:url\" content=\"https://example.org/p\">"
      "<meta property=\"article:published_time\" "
      "content=\"2025-06-12T08:00:00Z\"></head></html>");
  EXPECT_EQ(meta["url"], "https://example.org/p");
  EXPECT_EQ(meta["published"], "2025-06-12");
}

TEST(GoldCheckTest, SentenceMustOccurVerbatim) {
  std::string article =
      "---\noutlet: O\nurl: https://example.org/a\npublished: 2025-06-12\n"
      "---\nPalantir, founded by Peter Thiel, won the bid.\n";
  auto metadata = ReadArticleMetadata(article);
  Claim claim = Parse(kGoldFound);
  Evidence* e = claim.add_evidence();
  e->set_sentence("Palantir, founded by Peter Thiel, won the bid.");
  e->mutable_source()->set_url("https://example.org/a");
  e->mutable_source()->set_outlet("O");
  e->mutable_source()->set_published("2025-06-12");
  EXPECT_TRUE(CheckGoldClaim(claim, article, metadata, {}).empty());
  EXPECT_EQ(CheckGoldClaim(claim, article, metadata, {"contract"}).size(), 1u);
  e->set_sentence("Palantir, founded by Peter Thiel,  won the bid.");
  EXPECT_EQ(CheckGoldClaim(claim, article, metadata, {}).size(), 1u);
  e->set_sentence("Palantir, founded by Peter Thiel, won the bid.");
  e->mutable_source()->set_published("2025-06-13");
  EXPECT_EQ(CheckGoldClaim(claim, article, metadata, {}).size(), 1u);
  e->mutable_source()->set_published("2025-06-12");
  Qualifier* q = claim.add_qualifiers();
  q->set_key("time");
  q->set_value("last month");
  EXPECT_EQ(CheckGoldClaim(claim, article, metadata, {}).size(), 1u);
  q->set_value("2025-05");
  EXPECT_TRUE(CheckGoldClaim(claim, article, metadata, {}).empty());
  claim.mutable_subject()->clear_type();
  EXPECT_EQ(CheckGoldClaim(claim, article, metadata, {}).size(), 1u);
}

TEST(GoldCheckTest, PlainTextOfMarkdownAndHtml) {
  EXPECT_EQ(ArticlePlainText("a.md",
                             "Built by [Anduril](https://x.org/a), **really** "
                             "*new*.\n"),
            "Built by Anduril, really new.\n");
  EXPECT_EQ(
      ArticlePlainText("a.html",
                       "<head><script>var s = \"<p>no</p>\";</script></head>"
                       "<p>ICE &amp; CBP <b>said</b>.</p><STYLE>p{}</STYLE>"),
      "ICE & CBP said.");
  EXPECT_EQ(ArticlePlainText("a.txt", "<p>kept</p>"), "<p>kept</p>");
}

// The shipped gold: every file parses, has its article, uses canonical
// predicates, and every evidence sentence occurs in the article.
TEST(GoldDataTest, ShippedGoldChecksClean) {
  namespace fs = std::filesystem;
  const std::string root = CG_SOURCE_DIR;
  StatusOr<std::set<std::string>> predicates =
      ReadCanonicalPredicates(root + "/data/lexicons/predicates.tsv");
  ASSERT_TRUE(predicates.ok()) << predicates.status().message();
  int files = 0, claims = 0;
  std::vector<std::string> problems;
  for (const auto& entry : fs::directory_iterator(root + "/data/articles")) {
    std::string path = entry.path().string();
    if (path.size() < 11 || path.substr(path.size() - 11) != ".gold.jsonl") {
      continue;
    }
    StatusOr<int> checked = CheckGoldFile(path, *predicates, &problems);
    ASSERT_TRUE(checked.ok()) << checked.status().message();
    ++files;
    claims += *checked;
  }
  EXPECT_GE(files, 15);
  EXPECT_GE(claims, 150);
  for (const std::string& problem : problems) ADD_FAILURE() << problem;
}

// Every lexicon is a header row and rows of the same width; comments and
// blank lines are ignored.
TEST(GoldDataTest, LexiconsAreRectangular) {
  namespace fs = std::filesystem;
  int lexicons = 0;
  for (const auto& entry :
       fs::directory_iterator(std::string(CG_SOURCE_DIR) + "/data/lexicons")) {
    if (entry.path().extension() != ".tsv") continue;
    ++lexicons;
    std::ifstream in(entry.path());
    std::string line;
    size_t width = 0;
    int rows = 0, number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (line.empty() || line[0] == '#') continue;
      size_t cells = 1;
      for (char c : line) cells += c == '\t';
      if (width == 0) {
        width = cells;
        continue;
      }
      ++rows;
      EXPECT_EQ(cells, width) << entry.path() << ":" << number;
    }
    EXPECT_GT(rows, 20) << entry.path();
  }
  EXPECT_GE(lexicons, 7);
}

}  // namespace
}  // namespace claimgraph
