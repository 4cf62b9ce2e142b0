// Tests of the CaRB scorer port (tools/carb). Expected figures are worked
// out by hand in the comments; tests/data/carb holds the tiny files.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "carb/attribution.h"
#include "carb/benchmark.h"
#include "carb/matcher.h"
#include "carb/reader.h"
#include "carb/text.h"

namespace claimgraph::carb {
namespace {

const std::string kDataDir = std::string(CG_SOURCE_DIR) + "/tests/data/carb/";

Extraction Ex(std::string relation, std::vector<std::string> args,
              double confidence = 1.0) {
  return {std::move(relation), std::move(args), confidence};
}

ExtractionSet ReadGold(const std::string& name) {
  StatusOr<std::string> text = ReadWholeFile(kDataDir + name);
  EXPECT_TRUE(text.ok()) << text.status().ToString();
  StatusOr<ExtractionSet> set = ParseGold(text.ok() ? *text : "", name);
  EXPECT_TRUE(set.ok()) << set.status().ToString();
  return set.ok() ? *set : ExtractionSet();
}

ExtractionSet ReadSystem(const std::string& name) {
  StatusOr<std::string> text = ReadWholeFile(kDataDir + name);
  EXPECT_TRUE(text.ok()) << text.status().ToString();
  StatusOr<ExtractionSet> set = ParseSystem(text.ok() ? *text : "", name);
  EXPECT_TRUE(set.ok()) << set.status().ToString();
  return set.ok() ? *set : ExtractionSet();
}

TEST(CarbTextTest, SplitsAndStripsLikePython) {
  EXPECT_EQ(SplitWhitespace("  a\tb \xC2\xA0 c\n"),
            (std::vector<std::string>{"a", "b", "c"}));  // U+00A0 is space.
  EXPECT_EQ(SplitWhitespace("\xE2\x80\x98s x"),          // U+2018 is not.
            (std::vector<std::string>{"\xE2\x80\x98s", "x"}));
  EXPECT_EQ(StripWhitespace(" \x1f a b \r"), "a b");
  EXPECT_EQ(SplitTabs("a\t\tb"), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_EQ(SplitLines("a\r\nb\rc\n\nd"),
            (std::vector<std::string>{"a", "b", "c", "", "d"}));
}

TEST(CarbTextTest, NormalizesSentenceKeysLikeCarb) {
  EXPECT_EQ(NormalizeSentenceKey("He -LRB- a `` b '' -RRB- , c ."), "Heabc");
  EXPECT_EQ(NormalizeSentenceKey("He ( a `` b '' ) , c ."), "Heabc");
  // Escapes are found after spaces go, so "- LRB -" is an escape too.
  EXPECT_EQ(NormalizeSentenceKey("x - LRB - y"), "xy");
}

TEST(CarbTextTest, ParsesConfidencesAndPrintsThemLikeRepr) {
  EXPECT_EQ(ParseConfidence(" 0.25 "), 0.25);
  EXPECT_EQ(ParseConfidence("+1e-3"), 0.001);
  EXPECT_FALSE(ParseConfidence("high").has_value());
  EXPECT_FALSE(ParseConfidence("nan").has_value());
  EXPECT_EQ(FormatDouble(0.5), "0.5");
  EXPECT_EQ(FormatDouble(1), "1.0");
  EXPECT_EQ(FormatDouble(0.0001), "0.0001");
  EXPECT_EQ(FormatDouble(0.00001), "1e-05");
  EXPECT_EQ(FormatDouble(123.25), "123.25");
  EXPECT_EQ(FormatDouble(1e16), "1e+16");
}

TEST(CarbMatcherTest, CountsSharedTokensInEachPart) {
  // Relation: born, in shared (2 of system 2, gold 3); arg1: Obama (1 of 2,
  // 1); object: Hawaii (1 of 3, 1). P = 4/7, R = 4/5.
  MatchScore s = BinaryLenientTupleMatch(
      Ex("was born in", {"Obama", "Hawaii"}),
      Ex("born in", {"Barack Obama", "Hawaii in 1961"}));
  EXPECT_DOUBLE_EQ(s.precision, 4.0 / 7);
  EXPECT_DOUBLE_EQ(s.recall, 4.0 / 5);
}

TEST(CarbMatcherTest, SystemBeMatchesAnyFormOfBe) {
  // be~is 1, Bush 1, President 1 of "the President": P = 3/4, R = 3/3.
  MatchScore s = BinaryLenientTupleMatch(Ex("is", {"Bush", "President"}),
                                         Ex("be", {"Bush", "the President"}));
  EXPECT_DOUBLE_EQ(s.precision, 3.0 / 4);
  EXPECT_DOUBLE_EQ(s.recall, 1.0);
  // Only a system "be" is special: "was" does not match "is".
  EXPECT_EQ(BinaryLenientTupleMatch(Ex("is", {"Bush", "President"}),
                                    Ex("was", {"Bush", "President"})),
            MatchScore{});
}

TEST(CarbMatcherTest, RelationMustShareATokenArgumentsNeedNot) {
  EXPECT_EQ(BinaryLenientTupleMatch(Ex("founded", {"Thiel", "Palantir"}),
                                    Ex("started", {"Thiel", "Palantir"})),
            MatchScore{});
  // CaRB's default matcher has its argument checks commented out: a shared
  // relation word alone scores P = 1/3, R = 1/4.
  MatchScore s =
      BinaryLenientTupleMatch(Ex("founded", {"Peter Thiel", "Palantir"}),
                              Ex("founded", {"Musk", "SpaceX"}));
  EXPECT_DOUBLE_EQ(s.precision, 1.0 / 3);
  EXPECT_DOUBLE_EQ(s.recall, 1.0 / 4);
}

TEST(CarbMatcherTest, OptionallyRequiresArgumentOverlap) {
  MatchOptions strict;
  strict.require_argument_overlap = true;
  EXPECT_EQ(BinaryLenientTupleMatch(Ex("founded", {"Peter Thiel", "Palantir"}),
                                    Ex("founded", {"Musk", "SpaceX"}), strict),
            MatchScore{});
  EXPECT_EQ(BinaryLenientTupleMatch(Ex("founded", {"Peter Thiel", "Palantir"}),
                                    Ex("founded", {"Thiel", "SpaceX"}), strict),
            MatchScore{});
  // Both share a token: the same counts as without the option, P = 3/3,
  // R = 3/4.
  MatchScore s =
      BinaryLenientTupleMatch(Ex("founded", {"Peter Thiel", "Palantir"}),
                              Ex("founded", {"Thiel", "Palantir"}), strict);
  EXPECT_DOUBLE_EQ(s.precision, 1.0);
  EXPECT_DOUBLE_EQ(s.recall, 3.0 / 4);
}

TEST(CarbMatcherTest, MissingObjectIsNoMatchAndCaseCounts) {
  EXPECT_EQ(BinaryLenientTupleMatch(Ex("visited", {"Ann", "Rome"}),
                                    Ex("visited", {"Ann"})),
            MatchScore{});
  // "ann" and "rome" do not match "Ann" and "Rome": P = R = 1/3.
  MatchScore s = BinaryLenientTupleMatch(Ex("visited", {"Ann", "Rome"}),
                                         Ex("visited", {"ann", "rome"}));
  EXPECT_DOUBLE_EQ(s.precision, 1.0 / 3);
  EXPECT_DOUBLE_EQ(s.recall, 1.0 / 3);
}

TEST(CarbMatcherTest, JoinsObjectsAndCountsTokensAsAMultiset) {
  EXPECT_EQ(JoinObject({"a", "b c", "d"}),
            (std::vector<std::string>{"a", "b c d"}));
  // Gold object "to Paris in May" against "Paris in May to to": 4 shared;
  // relation "went went" vs "went": 1. P = (1+1+4)/(1+1+5), R = 6/(2+1+4).
  MatchScore s =
      BinaryLenientTupleMatch(Ex("went went", {"Jo", "to Paris", "in May"}),
                              Ex("went", {"Jo", "Paris in May", "to to"}));
  EXPECT_DOUBLE_EQ(s.precision, 6.0 / 7);
  EXPECT_DOUBLE_EQ(s.recall, 6.0 / 7);
}

TEST(CarbMatcherTest, SaidTypeGoldAlsoTriesReversedArguments) {
  const Extraction gold = Ex("said", {"he", "prices will rise"});
  // Straight: only "said" shares, P = R = 1/5; reversed: everything.
  MatchScore s =
      BinaryLenientTupleMatch(gold, Ex("said", {"prices will rise", "he"}));
  EXPECT_DOUBLE_EQ(s.precision, 1.0);
  EXPECT_DOUBLE_EQ(s.recall, 1.0);
  // Not said-type: no reversal, so P = R = 1/5.
  s = BinaryLenientTupleMatch(Ex("claimed", {"he", "prices will rise"}),
                              Ex("claimed", {"prices will rise", "he"}));
  EXPECT_DOUBLE_EQ(s.precision, 1.0 / 5);
  EXPECT_DOUBLE_EQ(s.recall, 1.0 / 5);
}

TEST(CarbBenchmarkTest, GreedyAssignmentIsNotOptimal) {
  // Greedy takes 0.9 (row 0, column 0), then row 1 gets column 1: 0.1.
  // The best one-to-one assignment would have been 0.8 + 0.85.
  const std::vector<std::vector<MatchScore>> scores = {
      {{0.9, 0.2}, {0.8, 0.7}}, {{0.85, 0.5}, {0.1, 0.4}}};
  EXPECT_DOUBLE_EQ(GreedyPrecisionSum(scores, {0, 1}), 1.0);
  EXPECT_DOUBLE_EQ(GreedyPrecisionSum(scores, {1}), 0.8);
  EXPECT_DOUBLE_EQ(BestRecallSum(scores, {0, 1}), 0.7 + 0.5);
  EXPECT_DOUBLE_EQ(BestRecallSum(scores, {0}), 0.2 + 0.5);
}

TEST(CarbBenchmarkTest, ScoresTheTinyFilesAsWorkedOutByHand) {
  // 4 gold extractions; thresholds 0.5, 0.7, 0.8, 0.9 (0.7 from a sentence
  // without gold). Matches: Obama 4/7, 4/5; "be" vs "is" 3/4, 1; "said"
  // reversed 1, 1.
  //   >= 0.9: P = (4/7)/1, R = 0.8/4
  //   >= 0.8 and 0.7: P = (4/7 + 3/4)/2 = 37/56, R = 1.8/4
  //   >= 0.5: greedy takes said (1) then be (3/4): P = (4/7 + 7/4)/3 =
  //           65/84, R = 2.8/4
  const CarbResult r = Score(ReadGold("gold.tsv"), ReadSystem("system.tsv"));
  ASSERT_EQ(r.curve.size(), 4u);
  EXPECT_DOUBLE_EQ(r.curve[0].threshold, 0.5);
  EXPECT_DOUBLE_EQ(r.curve[0].precision, 65.0 / 84);
  EXPECT_DOUBLE_EQ(r.curve[0].recall, 0.7);
  EXPECT_DOUBLE_EQ(r.curve[1].precision, 37.0 / 56);
  EXPECT_DOUBLE_EQ(r.curve[1].recall, 0.45);
  EXPECT_DOUBLE_EQ(r.curve[2].precision, 37.0 / 56);
  EXPECT_DOUBLE_EQ(r.curve[3].precision, 4.0 / 7);
  EXPECT_DOUBLE_EQ(r.curve[3].recall, 0.2);
  EXPECT_DOUBLE_EQ(r.best.threshold, 0.5);
  EXPECT_DOUBLE_EQ(r.best.f1, 2 * (65.0 / 84) * 0.7 / (65.0 / 84 + 0.7));
  // Trapezoids down to the added point (recall 0, precision 1).
  const double auc = 0.25 * (37.0 / 56 + 65.0 / 84) / 2 +
                     0.25 * (4.0 / 7 + 37.0 / 56) / 2 + 0.2 * (1 + 4.0 / 7) / 2;
  EXPECT_NEAR(r.auc, auc, 1e-12);
  // The curve file: rows sorted by recall, ties in threshold order.
  const std::string p7 = FormatDouble(37.0 / 56);
  EXPECT_EQ(FormatCurve(r),
            "Precision\tRecall\tConfidence\n" + FormatDouble(4.0 / 7) +
                "\t0.2\t0.9\n" + p7 + "\t0.45\t0.7\n" + p7 + "\t0.45\t0.8\n" +
                FormatDouble(r.curve[0].precision) + "\t0.7\t0.5\n");
}

TEST(CarbBenchmarkTest, GoldAgainstItselfScoresOne) {
  for (const std::string name : {"gold.tsv", "said_gold.tsv"}) {
    StatusOr<std::string> text = ReadWholeFile(kDataDir + name);
    ASSERT_TRUE(text.ok());
    std::string as_system;  // sentence \t 1 \t relation \t args ...
    for (const std::string& line : SplitLines(*text)) {
      const size_t tab = line.find('\t');
      as_system += line.substr(0, tab) + "\t1" + line.substr(tab) + "\n";
    }
    StatusOr<ExtractionSet> sys = ParseSystem(as_system, name);
    ASSERT_TRUE(sys.ok());
    const CarbResult r = Score(ReadGold(name), *sys);
    EXPECT_DOUBLE_EQ(r.best.precision, 1.0) << name;
    EXPECT_DOUBLE_EQ(r.best.recall, 1.0) << name;
    EXPECT_DOUBLE_EQ(r.best.f1, 1.0) << name;
    EXPECT_DOUBLE_EQ(r.auc, 1.0) << name;
  }
}

TEST(CarbBenchmarkTest, NoPredictionsScoreZero) {
  const CarbResult r = Score(ReadGold("gold.tsv"), ExtractionSet());
  EXPECT_TRUE(r.curve.empty());
  EXPECT_EQ(r.auc, 0);
  EXPECT_EQ(r.best.f1, 0);
}

TEST(CarbBenchmarkTest, ZeroPrecisionAndRecallGiveF1ZeroNotNan) {
  EXPECT_EQ(F1(0, 0), 0);
  EXPECT_DOUBLE_EQ(F1(0.5, 1), 2.0 / 3);
}

TEST(CarbReaderTest, LaterSpellingOfASentenceReplacesTheEarlier) {
  // "S ." and "S . " (trailing space kept by TabReader) share a key: as in
  // CaRB's normalizeDict, only the later group survives.
  StatusOr<ExtractionSet> set =
      ParseSystem("S .\t0.5\tr\ta\nS . \t0.6\tr\tb\nS .\t0.7\tr\tc\n", "x");
  ASSERT_TRUE(set.ok());
  ASSERT_EQ(set->groups().size(), 1u);
  EXPECT_EQ(set->replaced_groups(), 1);
  ASSERT_EQ(set->groups()[0].extractions.size(), 1u);
  EXPECT_EQ(set->groups()[0].extractions[0].args[0], "b");
}

TEST(CarbReaderTest, MalformedLinesNameTheirPlace) {
  StatusOr<ExtractionSet> gold = ParseGold("a\tb\tc\n\njust a sentence\n", "g");
  ASSERT_FALSE(gold.ok());
  EXPECT_NE(gold.status().message().find("g:3:"), std::string::npos);
  StatusOr<ExtractionSet> sys = ParseSystem("s\thigh\tr\ta\n", "s");
  ASSERT_FALSE(sys.ok());
  EXPECT_NE(sys.status().message().find("s:1:"), std::string::npos);
  EXPECT_FALSE(ParseSystem("s\t0.5\n", "s").ok());
  EXPECT_EQ(ReadWholeFile(kDataDir + "absent.tsv").status().code(),
            StatusCode::kNotFound);
}

TEST(CarbAttributionTest, FindsSpeakersInRelationsAndContexts) {
  EXPECT_EQ(Speakers(Ex("also said", {"Mr. Meek", "x"})),
            (std::vector<std::string>{"Mr. Meek"}));
  EXPECT_EQ(Speakers(Ex("will rise", {"Prices", "C: Mr. Meek also said"})),
            (std::vector<std::string>{"Mr. Meek"}));
  EXPECT_EQ(Speakers(Ex("according to", {"x", "the report"})),
            (std::vector<std::string>{"the report"}));
  EXPECT_TRUE(Speakers(Ex("was told that", {"the board", "x"})).empty());
  EXPECT_TRUE(Speakers(Ex("is too early to say", {"it", "x"})).empty());
  EXPECT_TRUE(Speakers(Ex("y", {"x", "C: the board was told that"})).empty());
  EXPECT_EQ(SpeakerTokens("A Coca - Cola spokesman"),
            (std::vector<std::string>{"coca", "cola", "spokesman"}));
}

TEST(CarbAttributionTest, ScoresTheTinySaidFiles) {
  // Gold speakers: "the minister" (twice, once as a C: context) and "a
  // spokesman". System: 6 extractions, 5 name a speaker: "the minister"
  // (exact), "Prices" (wrong), "Acme Corp." (wrong), "the spokesman" via
  // according to (exact), "Acme 's spokesman Bob" (shares "spokesman").
  const AttributionReport a = ScoreAttribution(ReadGold("said_gold.tsv"),
                                               ReadSystem("said_system.tsv"));
  EXPECT_EQ(a.sentences, 2);
  EXPECT_EQ(a.gold_speakers, 2);
  EXPECT_EQ(a.gold_speakers_found, 2);
  EXPECT_EQ(a.system_extractions, 6);
  EXPECT_EQ(a.attributed, 5);
  EXPECT_EQ(a.speaker_overlap, 3);
  EXPECT_EQ(a.speaker_exact, 2);
}

}  // namespace
}  // namespace claimgraph::carb
