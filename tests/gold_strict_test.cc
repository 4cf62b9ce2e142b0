// Strict scoring of claimgraph-gold-eval (tools/gold_eval/gold_strict.h):
// matched pairs must also agree in stance, speaker and the time, place and
// denominator qualifiers.

#include "gold_strict.h"

#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "gold_match.h"

namespace claimgraph {
namespace {

Claim Parse(const std::string& json) {
  Claim claim;
  auto status = google::protobuf::util::JsonStringToMessage(json, &claim);
  EXPECT_TRUE(status.ok()) << json;
  return claim;
}

// The issue's Foley claim, written as the gold writes it.
const char kGold[] =
    R"({"subject":{"name":"federal officials","type":"AGENCY"},"predicate":"detain",)"
    R"("value":{"amount":1461,"unit":"immigrants"},)"
    R"("qualifiers":[{"key":"place","value":"Massachusetts"},{"key":"time","value":"2025-05"}],)"
    R"("attribution":{"cue":"announced","stance":"REPORTED",)"
    R"("speaker":{"name":"Leah Foley","type":"PERSON","aliases":["Foley"]}}})";

// The same claim as a system could write it: other cue, speaker by surname,
// qualifiers in another order, an extra note qualifier.
const char kAgrees[] =
    R"({"subject":{"name":"Federal officials","type":"AGENCY"},"predicate":"detain",)"
    R"("value":{"amount":1461,"unit":"immigrant"},)"
    R"("qualifiers":[{"key":"time","value":"2025-05"},{"key":"place","value":"the Massachusetts"},)"
    R"({"key":"purpose","value":"anything"}],)"
    R"("attribution":{"cue":"announce","stance":"REPORTED",)"
    R"("speaker":{"name":"Foley","type":"PERSON"}}})";

std::vector<std::string> Names(const std::vector<StrictAspect>& aspects) {
  std::vector<std::string> names;
  for (StrictAspect aspect : aspects) names.push_back(StrictAspectName(aspect));
  return names;
}

TEST(StrictDifferencesTest, AgreeingClaimHasNoDifferences) {
  EXPECT_TRUE(StrictDifferences(Parse(kAgrees), Parse(kGold)).empty());
}

TEST(StrictDifferencesTest, MissingAttributionLosesStanceAndSpeaker) {
  Claim system = Parse(kAgrees);
  system.clear_attribution();
  EXPECT_EQ(Names(StrictDifferences(system, Parse(kGold))),
            (std::vector<std::string>{"stance", "speaker"}));
}

TEST(StrictDifferencesTest, WrongSpeakerOrStance) {
  Claim system = Parse(kAgrees);
  system.mutable_attribution()->mutable_speaker()->set_name("Carla Whitfield");
  EXPECT_EQ(Names(StrictDifferences(system, Parse(kGold))),
            (std::vector<std::string>{"speaker"}));
  system = Parse(kAgrees);
  system.mutable_attribution()->set_stance(ALLEGED);
  EXPECT_EQ(Names(StrictDifferences(system, Parse(kGold))),
            (std::vector<std::string>{"stance"}));
}

TEST(StrictDifferencesTest, UnspecifiedStanceReadsAsAsserted) {
  Claim gold = Parse(kGold);
  gold.clear_attribution();
  Claim system = Parse(kAgrees);
  system.mutable_attribution()->clear_speaker();
  system.mutable_attribution()->set_stance(STANCE_UNSPECIFIED);
  EXPECT_TRUE(StrictDifferences(system, gold).empty());
  system.mutable_attribution()->set_stance(REPORTED);
  EXPECT_EQ(Names(StrictDifferences(system, gold)),
            (std::vector<std::string>{"stance"}));
}

TEST(StrictDifferencesTest, IdentityQualifiersCompareAsMultisets) {
  Claim system = Parse(kAgrees);
  system.mutable_qualifiers(0)->set_value("2025-06");  // time
  EXPECT_EQ(Names(StrictDifferences(system, Parse(kGold))),
            (std::vector<std::string>{"time"}));
  system = Parse(kAgrees);
  Qualifier* extra = system.add_qualifiers();
  extra->set_key("place");
  extra->set_value("Boston");
  EXPECT_EQ(Names(StrictDifferences(system, Parse(kGold))),
            (std::vector<std::string>{"place"}));
  system = Parse(kAgrees);
  Qualifier* denominator = system.add_qualifiers();
  denominator->set_key("denominator");
  denominator->set_value("vehicles");
  EXPECT_EQ(Names(StrictDifferences(system, Parse(kGold))),
            (std::vector<std::string>{"denominator"}));
  Claim gold = Parse(kGold);
  Qualifier* gold_denominator = gold.add_qualifiers();
  gold_denominator->set_key("denominator");
  gold_denominator->set_value("Vehicle");
  EXPECT_TRUE(StrictDifferences(system, gold).empty());
}

TEST(ScoreStrictTest, CountsOnlyAgreeingPairs) {
  std::vector<Claim> gold = {Parse(kGold)};
  Claim wrong = Parse(kAgrees);
  wrong.clear_attribution();
  std::vector<Claim> system = {wrong};
  Matching matching = MatchClaims(system, gold);
  ASSERT_EQ(matching.counts.matched, 1);
  StrictCounts strict = ScoreStrict(system, gold, matching);
  EXPECT_EQ(strict.counts.matched, 0);
  EXPECT_EQ(strict.counts.gold, 1);
  EXPECT_EQ(strict.counts.system, 1);
  EXPECT_EQ(strict.differ[static_cast<int>(StrictAspect::kStance)], 1);
  EXPECT_EQ(strict.differ[static_cast<int>(StrictAspect::kSpeaker)], 1);
  EXPECT_EQ(strict.differ[static_cast<int>(StrictAspect::kTime)], 0);

  system = {Parse(kAgrees)};
  matching = MatchClaims(system, gold);
  strict = ScoreStrict(system, gold, matching);
  EXPECT_EQ(strict.counts.matched, 1);
  StrictCounts sum;
  sum += strict;
  sum += strict;
  EXPECT_EQ(sum.counts.matched, 2);
  EXPECT_EQ(sum.counts.gold, 2);
}

}  // namespace
}  // namespace claimgraph
