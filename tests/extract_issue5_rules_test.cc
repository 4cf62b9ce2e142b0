// Issue 5's remaining rules, each on a hand-written, hand-parsed sentence:
// a share "of those" of the previous sentence's set, a gerund heading a
// place's name and the region it is in, coordinated organisations as
// subjects, and "X, a subsidiary / member / unit of Y".

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extract/parse_repair.h"
#include "extract_rules_fixture.h"
#include "parsed_sentence_util.h"

namespace claimgraph {
namespace {

using testing_util::ExtractRulesTest;
using testing_util::Has;
using testing_util::Parsed;

std::string Qualifier(const Claim& c, const std::string& key) {
  for (const auto& q : c.qualifiers()) {
    if (q.key() == key) return q.value();
  }
  return "";
}

// "Vexa Systems scanned the badges of workers in 64 % of shifts ."
Sentence ShareOfShifts() {
  return Parsed({"Vexa/Vexa/PROPN/NNP/2/compound",
                 "Systems/Systems/PROPN/NNPS/3/nsubj",
                 "scanned/scan/VERB/VBD/0/root", "the/the/DET/DT/5/det",
                 "badges/badge/NOUN/NNS/3/obj", "of/of/ADP/IN/7/case",
                 "workers/worker/NOUN/NNS/5/nmod", "in/in/ADP/IN/10/case",
                 "64/64/NUM/CD/10/nummod", "percent/percent/NOUN/NN/3/obl",
                 "of/of/ADP/IN/12/case", "shifts/shift/NOUN/NNS/10/nmod",
                 "././PUNCT/./3/punct"});
}

// "Of those , only 70 percent matched the records ."
Sentence OfThoseMatched() {
  return Parsed({"Of/of/ADP/IN/2/case", "those/that/PRON/DT/7/obl",
                 ",/,/PUNCT/,/2/punct", "only/only/ADV/RB/5/advmod",
                 "70/70/NUM/CD/6/nummod", "percent/percent/NOUN/NN/7/nsubj",
                 "matched/match/VERB/VBD/0/root", "the/the/DET/DT/9/det",
                 "records/record/NOUN/NNS/7/obj", "././PUNCT/./7/punct"});
}

TEST_F(ExtractRulesTest, ShareOfThoseIsOfThePreviousSentencesSet) {
  std::vector<std::string> first = Keys(ShareOfShifts());
  ASSERT_TRUE(Has(first, "Vexa Systems | scan | 64 percent")) << first.size();
  EXPECT_EQ(Qualifier(claims_[0].claim, "denominator"), "shifts");
  std::vector<std::string> keys = Keys(OfThoseMatched());
  auto it =
      std::find(keys.begin(), keys.end(), "Vexa Systems | match | 70 percent");
  ASSERT_NE(it, keys.end()) << (keys.empty() ? "" : keys.front());
  const Claim& c = claims_[it - keys.begin()].claim;
  EXPECT_EQ(c.value().amount(), 70);
  EXPECT_EQ(Qualifier(c, "denominator"), "shifts");
  EXPECT_EQ(Qualifier(c, "theme"), "the records");
}

TEST_F(ExtractRulesTest, ShareOfThoseNeedsASetInTheSentenceBefore) {
  // Without a share or count just before, "those" refers to nothing known.
  std::vector<std::string> keys = Keys(OfThoseMatched());
  EXPECT_TRUE(keys.empty()) << keys.front();
  // Nor two sentences back.
  Keys(ShareOfShifts());
  Keys(Parsed({"Vexa/Vexa/PROPN/NNP/2/nsubj", "grew/grow/VERB/VBD/0/root",
               "././PUNCT/./2/punct"}));
  keys = Keys(OfThoseMatched());
  EXPECT_FALSE(Has(keys, "Vexa Systems | match | 70 percent"));
}

TEST_F(ExtractRulesTest, GerundAfterANameAndANounHeadsThePlace) {
  // Vexa tested scanners at the Erie border crossing in Ohio .
  Sentence s =
      Parsed({"Vexa/Vexa/PROPN/NNP/2/nsubj", "tested/test/VERB/VBD/0/root",
              "scanners/scanner/NOUN/NNS/2/obj", "at/at/ADP/IN/7/case",
              "the/the/DET/DT/7/det", "Erie/Erie/PROPN/NNP/7/compound",
              "border/border/NOUN/NN/2/obl", "crossing/cross/VERB/VBG/7/acl",
              "in/in/ADP/IN/10/case", "Ohio/Ohio/PROPN/NNP/8/obl",
              "././PUNCT/./2/punct"});
  KnownEntity crossing;
  crossing.name = "Erie Bridge";
  crossing.type = LOCATION;
  crossing.aliases = {"Erie border crossing"};
  lexicon_.AddEntity(crossing);
  ASSERT_TRUE(RepairGerundInName(&s));
  EXPECT_EQ(s.words[7].upos, "NOUN");
  EXPECT_EQ(s.words[7].head, 2);
  EXPECT_EQ(s.words[7].deprel, "obl");
  EXPECT_EQ(s.words[6].head, 8);
  EXPECT_EQ(s.words[9].deprel, "nmod");
  EXPECT_TRUE(Has(Keys(s), "Erie Bridge | locate_in | Ohio"));
  // A participle with an object of its own is a clause ("the Erie border
  // agents crossing the river").
  Sentence t =
      Parsed({"the/the/DET/DT/3/det", "Erie/Erie/PROPN/NNP/3/compound",
              "agents/agent/NOUN/NNS/0/root", "crossing/cross/VERB/VBG/3/acl",
              "the/the/DET/DT/6/det", "river/river/NOUN/NN/4/obj"});
  EXPECT_FALSE(RepairGerundInName(&t));
}

TEST_F(ExtractRulesTest, CoordinatedOrganisationsAreTwoSubjects) {
  // The Ohio Law Center and Vexa Rights Project sued Norland .
  Sentence s =
      Parsed({"The/the/DET/DT/4/det", "Ohio/Ohio/PROPN/NNP/4/compound",
              "Law/Law/PROPN/NNP/4/compound", "Center/Center/PROPN/NNP/9/nsubj",
              "and/and/CCONJ/CC/8/cc", "Vexa/Vexa/PROPN/NNP/8/compound",
              "Rights/Rights/PROPN/NNPS/8/compound",
              "Project/Project/PROPN/NNP/4/conj", "sued/sue/VERB/VBD/0/root",
              "Norland/Norland/PROPN/NNP/9/obj", "././PUNCT/./9/punct"});
  lexicon_.AddCue("Center", ORGANIZATION);
  lexicon_.AddCue("Project", ORGANIZATION);
  lexicon_.AddPredicate("sue", "sue", "entity");
  std::vector<std::string> keys = Keys(s);
  EXPECT_TRUE(Has(keys, "Ohio Law Center | sue | Norland"));
  EXPECT_TRUE(Has(keys, "Vexa Rights Project | sue | Norland"));
  EXPECT_EQ(keys.size(), 2u);
}

TEST_F(ExtractRulesTest, NameWithAndInsideStaysOneName) {
  // The Office of Health and Human Services sued Norland . ("Health" is
  // no organisation's head word.)
  Sentence s =
      Parsed({"The/the/DET/DT/2/det", "Office/Office/PROPN/NNP/8/nsubj",
              "of/of/ADP/IN/4/case", "Health/Health/PROPN/NNP/2/nmod",
              "and/and/CCONJ/CC/7/cc", "Human/Human/PROPN/NNP/7/compound",
              "Services/Services/PROPN/NNPS/2/conj", "sued/sue/VERB/VBD/0/root",
              "Norland/Norland/PROPN/NNP/8/obj", "././PUNCT/./8/punct"});
  lexicon_.AddPredicate("sue", "sue", "entity");
  std::vector<std::string> keys = Keys(s);
  EXPECT_EQ(keys, std::vector<std::string>(
                      {"Office of Health and Human Services | sue | Norland"}));
}

// "<Name> , a <noun> of Norland Corp. , built drones ."
Sentence ApposedWhole(const std::string& noun) {
  return Parsed({"Vexa/Vexa/PROPN/NNP/2/compound",
                 "Systems/Systems/PROPN/NNPS/10/nsubj", ",/,/PUNCT/,/5/punct",
                 "a/a/DET/DT/5/det", noun + "/" + noun + "/NOUN/NN/2/appos",
                 "of/of/ADP/IN/8/case", "Norland/Norland/PROPN/NNP/8/compound",
                 "Corp./Corp./PROPN/NNP/5/nmod", ",/,/PUNCT/,/5/punct",
                 "built/build/VERB/VBD/0/root", "drones/drone/NOUN/NNS/10/obj",
                 "././PUNCT/./10/punct"});
}

TEST_F(ExtractRulesTest, ApposedSubsidiaryMemberOrUnitOfAWhole) {
  EXPECT_TRUE(Has(Keys(ApposedWhole("subsidiary")),
                  "Vexa Systems | subsidiary_of | Norland Corp."));
  EXPECT_TRUE(Has(Keys(ApposedWhole("member")),
                  "Vexa Systems | member_of | Norland Corp."));
  EXPECT_TRUE(Has(Keys(ApposedWhole("unit")),
                  "Vexa Systems | part_of | Norland Corp."));
  std::vector<std::string> keys = Keys(ApposedWhole("customer"));
  for (const std::string& k : keys) {
    EXPECT_EQ(k.find("Norland"), std::string::npos) << k;
  }
}

}  // namespace
}  // namespace claimgraph
