// The claim rules added for news prose (docs/extraction.md), each on a
// hand-written, hand-parsed sentence (no trained model needed).

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "extract/builder.h"
#include "extract/extract.h"
#include "extract/lexicon.h"
#include "extract/mentions.h"
#include "extract_rules_fixture.h"
#include "parsed_sentence_util.h"
#include "recognize/recognize.h"

namespace claimgraph {
namespace {

using testing_util::ExtractRulesTest;
using testing_util::Parsed;

using Keys_ = std::vector<std::string>;

TEST_F(ExtractRulesTest, PayeeOfMoneyIsTheObject) {
  // Ohio paid Vexa Systems $4 million .
  Sentence named = Parsed(
      {"Ohio/Ohio/PROPN/NNP/2/nsubj", "paid/pay/VERB/VBD/0/root",
       "Vexa/Vexa/PROPN/NNP/4/compound", "Systems/Systems/PROPN/NNPS/2/iobj",
       "$/$/SYM/$/2/obj", "4/4/NUM/CD/7/compound",
       "million/million/NUM/CD/5/nummod", "././PUNCT/./2/punct"});
  EXPECT_EQ(Keys(named), Keys_({"Ohio | contract | Vexa Systems"}));
  bool amount = false;
  for (const Qualifier& q : claims_[0].claim.qualifiers())
    amount = amount || (q.key() == "amount" && !q.value().empty());
  EXPECT_TRUE(amount);
}

TEST_F(ExtractRulesTest, ConjoinedObjectsAreSeparateClaims) {
  // Norland Corp. builds boats and sensors .
  Sentence s =
      Parsed({"Norland/Norland/PROPN/NNP/2/compound",
              "Corp./Corp./PROPN/NNP/3/nsubj", "builds/build/VERB/VBZ/0/root",
              "boats/boat/NOUN/NNS/3/obj", "and/and/CCONJ/CC/6/cc",
              "sensors/sensor/NOUN/NNS/4/conj", "././PUNCT/./3/punct"});
  EXPECT_EQ(Keys(s), Keys_({"Norland Corp. | build | boats",
                            "Norland Corp. | build | sensors"}));
}

TEST_F(ExtractRulesTest, DefiniteDescriptionLooksBack) {
  Sentence first = Parsed({"Kestrel/Kestrel/PROPN/NNP/2/compound",
                           "LLC/LLC/PROPN/NNP/3/nsubj",
                           "grew/grow/VERB/VBD/0/root", "././PUNCT/./3/punct"});
  Keys(first);
  // The company was acquired by Orvell Corp. : "the company" is Kestrel,
  // named before, not Orvell, named after it.
  Sentence s =
      Parsed({"The/the/DET/DT/2/det", "company/company/NOUN/NN/4/nsubj:pass",
              "was/be/AUX/VBD/4/aux:pass", "acquired/acquire/VERB/VBN/0/root",
              "by/by/ADP/IN/7/case", "Orvell/Orvell/PROPN/NNP/7/compound",
              "Corp./Corp./PROPN/NNP/4/obl", "././PUNCT/./4/punct"});
  EXPECT_EQ(Keys(s), Keys_({"Orvell Corp. | acquire | Kestrel LLC"}));
}

TEST_F(ExtractRulesTest, PronounPrefersTheNameBeforeItInTheSentence) {
  Sentence first = Parsed({"Kestrel/Kestrel/PROPN/NNP/2/compound",
                           "LLC/LLC/PROPN/NNP/3/nsubj",
                           "grew/grow/VERB/VBD/0/root", "././PUNCT/./3/punct"});
  Keys(first);
  // Brightline Inc. said that it builds drones .
  Sentence s =
      Parsed({"Brightline/Brightline/PROPN/NNP/2/compound",
              "Inc./Inc./PROPN/NNP/3/nsubj", "said/say/VERB/VBD/0/root",
              "that/that/SCONJ/IN/6/mark", "it/it/PRON/PRP/6/nsubj",
              "builds/build/VERB/VBZ/3/ccomp", "drones/drone/NOUN/NNS/6/obj",
              "././PUNCT/./3/punct"});
  EXPECT_EQ(Keys(s), Keys_({"Brightline Inc. | build | drones"}));
}

TEST_F(ExtractRulesTest, AspectVerbGivesWayAndIntentionIsNoClaim) {
  // Norland Corp. began building drones .
  Sentence begun = Parsed(
      {"Norland/Norland/PROPN/NNP/2/compound", "Corp./Corp./PROPN/NNP/3/nsubj",
       "began/begin/VERB/VBD/0/root", "building/build/VERB/VBG/3/xcomp",
       "drones/drone/NOUN/NNS/4/obj", "././PUNCT/./3/punct"});
  EXPECT_EQ(Keys(begun), Keys_({"Norland Corp. | build | drones"}));
  // Norland Corp. hoped to build drones .
  Sentence hoped =
      Parsed({"Norland/Norland/PROPN/NNP/2/compound",
              "Corp./Corp./PROPN/NNP/3/nsubj", "hoped/hope/VERB/VBD/0/root",
              "to/to/PART/TO/5/mark", "build/build/VERB/VB/3/xcomp",
              "drones/drone/NOUN/NNS/5/obj", "././PUNCT/./3/punct"});
  EXPECT_TRUE(Keys(hoped).empty());
}

TEST_F(ExtractRulesTest, CopulaPartOf) {
  // The Harbor Unit is part of Norland Corp. .
  Sentence s =
      Parsed({"The/the/DET/DT/3/det", "Harbor/Harbor/PROPN/NNP/3/compound",
              "Unit/Unit/PROPN/NNP/5/nsubj", "is/be/AUX/VBZ/5/cop",
              "part/part/NOUN/NN/0/root", "of/of/ADP/IN/8/case",
              "Norland/Norland/PROPN/NNP/8/compound",
              "Corp./Corp./PROPN/NNP/5/nmod", "././PUNCT/./5/punct"});
  EXPECT_EQ(Keys(s), Keys_({"Harbor Unit | part_of | Norland Corp."}));
}

TEST_F(ExtractRulesTest, AppositionMemberAndRoleNeeds) {
  // Ana Ruiz , a member of the Ohio Water Council , resigned .
  Sentence member = Parsed(
      {"Ana/Ana/PROPN/NNP/11/nsubj", "Ruiz/Ruiz/PROPN/NNP/1/flat",
       ",/,/PUNCT/,/5/punct", "a/a/DET/DT/5/det",
       "member/member/NOUN/NN/1/appos", "of/of/ADP/IN/10/case",
       "the/the/DET/DT/10/det", "Ohio/Ohio/PROPN/NNP/10/compound",
       "Water/Water/PROPN/NNP/10/compound", "Council/Council/PROPN/NNP/5/nmod",
       "resigned/resign/VERB/VBD/0/root", "././PUNCT/./11/punct"});
  EXPECT_EQ(Keys(member), Keys_({"Ana Ruiz | member_of | Ohio Water Council"}));
  // Ana Ruiz , an Ohio Republican , resigned : no role at "Ohio Republican".
  Sentence party =
      Parsed({"Ana/Ana/PROPN/NNP/7/nsubj", "Ruiz/Ruiz/PROPN/NNP/1/flat",
              ",/,/PUNCT/,/5/punct", "an/a/DET/DT/5/det",
              "Ohio/Ohio/PROPN/NNP/5/compound",
              "Republican/Republican/PROPN/NNP/1/appos",
              "resigned/resign/VERB/VBD/0/root", "././PUNCT/./7/punct"});
  EXPECT_TRUE(Keys(party).empty());
}

TEST_F(ExtractRulesTest, RoleAtTheCompanyByCoreference) {
  Sentence first = Parsed({"Kestrel/Kestrel/PROPN/NNP/2/compound",
                           "LLC/LLC/PROPN/NNP/3/nsubj",
                           "grew/grow/VERB/VBD/0/root", "././PUNCT/./3/punct"});
  Keys(first);
  // Ana Ruiz , the company 's director , resigned .
  Sentence d =
      Parsed({"Ana/Ana/PROPN/NNP/8/nsubj", "Ruiz/Ruiz/PROPN/NNP/1/flat",
              ",/,/PUNCT/,/7/punct", "the/the/DET/DT/5/det",
              "company/company/NOUN/NN/7/nmod:poss", "'s/'s/PART/POS/5/case",
              "director/director/NOUN/NN/1/appos",
              "resigned/resign/VERB/VBD/0/root", "././PUNCT/./8/punct"});
  EXPECT_EQ(Keys(d), Keys_({"Ana Ruiz | hold_role | Kestrel LLC"}));
}

TEST_F(ExtractRulesTest, PossessiveOrganisationIsTheWhole) {
  // The Carver Institute 's Data Lab grew .
  Sentence s = Parsed(
      {"The/the/DET/DT/3/det", "Carver/Carver/PROPN/NNP/3/compound",
       "Institute/Institute/PROPN/NNP/7/nmod:poss", "'s/'s/PART/POS/3/case",
       "Data/Data/PROPN/NNP/6/compound", "Lab/Lab/PROPN/NNP/7/nsubj",
       "grew/grow/VERB/VBD/0/root", "././PUNCT/./7/punct"});
  lexicon_.AddCue("lab", ORGANIZATION);
  EXPECT_EQ(Keys(s), Keys_({"Data Lab | part_of | Carver Institute"}));
}

TEST_F(ExtractRulesTest, DescribedThingsDropNewnessAndDates) {
  // Norland Corp. built a new platform in May 2023 .
  Sentence s = Parsed(
      {"Norland/Norland/PROPN/NNP/2/compound", "Corp./Corp./PROPN/NNP/3/nsubj",
       "built/build/VERB/VBD/0/root", "a/a/DET/DT/6/det",
       "new/new/ADJ/JJ/6/amod", "platform/platform/NOUN/NN/3/obj",
       "in/in/ADP/IN/8/case", "May/May/PROPN/NNP/6/nmod",
       "2023/2023/NUM/CD/8/nummod", "././PUNCT/./3/punct"});
  EXPECT_EQ(Keys(s), Keys_({"Norland Corp. | build | platform"}));
}

TEST_F(ExtractRulesTest, PlaceBeforeAUnitNamesTheUnit) {
  // Ana Ruiz leads the Ohio office .
  lexicon_.AddPredicate("lead", "lead", "entity");
  Sentence s =
      Parsed({"Ana/Ana/PROPN/NNP/3/nsubj", "Ruiz/Ruiz/PROPN/NNP/1/flat",
              "leads/lead/VERB/VBZ/0/root", "the/the/DET/DT/6/det",
              "Ohio/Ohio/PROPN/NNP/6/compound", "office/office/NOUN/NN/3/obj",
              "././PUNCT/./3/punct"});
  EXPECT_EQ(Keys(s), Keys_({"Ana Ruiz | lead | Ohio office"}));
}

TEST_F(ExtractRulesTest, ShorterFormsOfKnownNames) {
  // "Department of Revenue" after "Ohio Department of Revenue" is the same
  // agency; "Ohio" stays the state (a lexicon entity of its own).
  Sentence first =
      Parsed({"Ohio/Ohio/PROPN/NNP/2/compound",
              "Department/Department/PROPN/NNP/5/nsubj", "of/of/ADP/IN/4/case",
              "Revenue/Revenue/PROPN/NNP/2/nmod", "grew/grow/VERB/VBD/0/root",
              "././PUNCT/./5/punct"});
  Keys(first);
  std::vector<NameMention> names = memory_.FindNames(Parsed(
      {"Department/Department/PROPN/NNP/4/nsubj", "of/of/ADP/IN/3/case",
       "Revenue/Revenue/PROPN/NNP/1/nmod", "grew/grow/VERB/VBD/0/root"}));
  ASSERT_EQ(names.size(), 1u);
  EXPECT_EQ(names[0].entity.name(), "Ohio Department of Revenue");
  names = memory_.FindNames(
      Parsed({"Ohio/Ohio/PROPN/NNP/2/nsubj", "grew/grow/VERB/VBD/0/root"}));
  ASSERT_EQ(names.size(), 1u);
  EXPECT_EQ(names[0].entity.name(), "Ohio");
}

TEST_F(ExtractRulesTest, SubjectlessParticipleClauseIsNoClaim) {
  // Norland Corp. built boats , ending a program .
  Sentence s = Parsed(
      {"Norland/Norland/PROPN/NNP/2/compound", "Corp./Corp./PROPN/NNP/3/nsubj",
       "built/build/VERB/VBD/0/root", "boats/boat/NOUN/NNS/3/obj",
       ",/,/PUNCT/,/6/punct", "ending/end/VERB/VBG/3/advcl", "a/a/DET/DT/8/det",
       "program/program/NOUN/NN/6/obj", "././PUNCT/./3/punct"});
  EXPECT_EQ(Keys(s), Keys_({"Norland Corp. | build | boats"}));
}

TEST_F(ExtractRulesTest, CountedThingsAreRememberedAndUnitsFollowTheParse) {
  // Norland Corp. bought 12 new patrol boats .
  Sentence bought = Parsed(
      {"Norland/Norland/PROPN/NNP/2/compound", "Corp./Corp./PROPN/NNP/3/nsubj",
       "bought/buy/VERB/VBD/0/root", "12/12/NUM/CD/7/nummod",
       "new/new/ADJ/JJ/7/amod", "patrol/patrol/NOUN/NN/7/compound",
       "boats/boat/NOUN/NNS/3/obj", "././PUNCT/./3/punct"});
  Keys(bought);
  ASSERT_EQ(claims_.size(), 1u);
  ASSERT_TRUE(claims_[0].claim.has_value());
  EXPECT_EQ(claims_[0].claim.value().amount(), 12);
  // The counted compound as written, past "new" (docs/extraction-gold.md:
  // "camera poles").
  EXPECT_EQ(claims_[0].claim.value().unit(), "patrol boats");
  // The boats were built by Vexa Systems .
  Sentence built =
      Parsed({"The/the/DET/DT/2/det", "boats/boat/NOUN/NNS/4/nsubj:pass",
              "were/be/AUX/VBD/4/aux:pass", "built/build/VERB/VBN/0/root",
              "by/by/ADP/IN/7/case", "Vexa/Vexa/PROPN/NNP/7/compound",
              "Systems/Systems/PROPN/NNPS/4/obl", "././PUNCT/./4/punct"});
  EXPECT_EQ(Keys(built), Keys_({"Vexa Systems | build | patrol boats"}));
}

TEST_F(ExtractRulesTest, NumberInsideANameCountsNothing) {
  // Migrants used the Border One app .
  lexicon_.AddPredicate("use", "use", "entity");
  Sentence s =
      Parsed({"Migrants/migrant/NOUN/NNS/2/nsubj", "used/use/VERB/VBD/0/root",
              "the/the/DET/DT/6/det", "Border/Border/PROPN/NNP/6/compound",
              "One/one/NUM/CD/6/nummod", "app/app/NOUN/NN/2/obj",
              "././PUNCT/./2/punct"});
  std::vector<std::string> keys = Keys(s);
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_FALSE(claims_[0].claim.has_value());
}

TEST_F(ExtractRulesTest, TheAgencyIsTheMostNamedOneUnlessJustNamed) {
  KnownEntity a;
  a.name = "Harbor Agency";
  a.type = AGENCY;
  lexicon_.AddEntity(a);
  KnownEntity b;
  b.name = "River Agency";
  b.type = AGENCY;
  lexicon_.AddEntity(b);
  auto two = [&](const std::string& first) {
    Sentence s = Parsed({first + "/" + first + "/PROPN/NNP/2/compound",
                         "Agency/Agency/PROPN/NNP/3/nsubj",
                         "grew/grow/VERB/VBD/0/root", "././PUNCT/./3/punct"});
    return s;
  };
  Keys(two("Harbor"));
  Keys(two("Harbor"));
  Keys(two("River"));
  Sentence other = Parsed({"Prices/price/NOUN/NNS/2/nsubj",
                           "rose/rise/VERB/VBD/0/root", "././PUNCT/./2/punct"});
  // The agency bought boats .
  Sentence s = Parsed({"The/the/DET/DT/2/det", "agency/agency/NOUN/NN/3/nsubj",
                       "bought/buy/VERB/VBD/0/root",
                       "boats/boat/NOUN/NNS/3/obj", "././PUNCT/./3/punct"});
  lexicon_.AddPredicate("buy", "buy", "entity");
  // Named in the sentence before: the River Agency.
  EXPECT_EQ(Keys(s), Keys_({"River Agency | buy | boats"}));
  Keys(other);
  // Later: the Harbor Agency, named most.
  EXPECT_EQ(Keys(s), Keys_({"Harbor Agency | buy | boats"}));
}

TEST_F(ExtractRulesTest, SentenceInitialGenericNounIsNoName) {
  KnownEntity a;
  a.name = "Harbor Agency";
  a.type = AGENCY;
  lexicon_.AddEntity(a);
  Keys(Parsed({"Harbor/Harbor/PROPN/NNP/2/compound",
               "Agency/Agency/PROPN/NNP/3/nsubj", "grew/grow/VERB/VBD/0/root",
               "././PUNCT/./3/punct"}));
  // Agency spokesperson Ana Ruiz resigned .
  Sentence s =
      Parsed({"Agency/agency/NOUN/NN/2/compound",
              "spokesperson/spokesperson/NOUN/NN/3/compound",
              "Ana/Ana/PROPN/NNP/5/nsubj", "Ruiz/Ruiz/PROPN/NNP/3/flat",
              "resigned/resign/VERB/VBD/0/root", "././PUNCT/./5/punct"});
  EXPECT_EQ(Keys(s), Keys_({"Ana Ruiz | hold_role | Harbor Agency"}));
}

TEST_F(ExtractRulesTest, AgentByHungOnACompound) {
  Keys(Parsed({"Kestrel/Kestrel/PROPN/NNP/2/compound",
               "LLC/LLC/PROPN/NNP/3/nsubj", "grew/grow/VERB/VBD/0/root",
               "././PUNCT/./3/punct"}));
  // The company was acquired by Orvell Corp. , with "by" on "Orvell".
  Sentence s =
      Parsed({"The/the/DET/DT/2/det", "company/company/NOUN/NN/4/nsubj:pass",
              "was/be/AUX/VBD/4/aux:pass", "acquired/acquire/VERB/VBN/0/root",
              "by/by/ADP/IN/6/case", "Orvell/Orvell/PROPN/NNP/7/compound",
              "Corp./Corp./PROPN/NNP/4/obj", "././PUNCT/./4/punct"});
  EXPECT_EQ(Keys(s), Keys_({"Orvell Corp. | acquire | Kestrel LLC"}));
}

TEST_F(ExtractRulesTest, ActorsStandForTheirUnitAndUnitsAreRemembered) {
  lexicon_.AddPredicate("arrest", "arrest", "value");
  // Arrests in the Ohio district rose .
  Keys(Parsed({"Arrests/arrest/NOUN/NNS/5/nsubj", "in/in/ADP/IN/4/case",
               "the/the/DET/DT/4/det", "Ohio/Ohio/PROPN/NNP/5/compound",
               "district/district/NOUN/NN/1/nmod", "rose/rise/VERB/VBD/0/root",
               "././PUNCT/./6/punct"}));
  // Officers in the district arrested 40 people .
  Sentence s =
      Parsed({"Officers/officer/NOUN/NNS/5/nsubj", "in/in/ADP/IN/4/case",
              "the/the/DET/DT/4/det", "district/district/NOUN/NN/1/nmod",
              "arrested/arrest/VERB/VBD/0/root", "40/40/NUM/CD/7/nummod",
              "people/people/NOUN/NNS/5/obj", "././PUNCT/./5/punct"});
  std::vector<std::string> keys = Keys(s);
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_EQ(claims_[0].claim.subject().name(), "Ohio district");
}

TEST_F(ExtractRulesTest, SourceIsNoPartOfADescribedThing) {
  lexicon_.AddPredicate("collect", "collect", "entity");
  // Norland Corp. collects weather data from phones .
  Sentence s = Parsed(
      {"Norland/Norland/PROPN/NNP/2/compound", "Corp./Corp./PROPN/NNP/3/nsubj",
       "collects/collect/VERB/VBZ/0/root", "weather/weather/NOUN/NN/5/compound",
       "data/data/NOUN/NNS/3/obj", "from/from/ADP/IN/7/case",
       "phones/phone/NOUN/NNS/5/nmod", "././PUNCT/./3/punct"});
  EXPECT_EQ(Keys(s), Keys_({"Norland Corp. | collect | weather data"}));
}

TEST_F(ExtractRulesTest, ContractWithGoesFromTheGovernmentSide) {
  KnownEntity agency;
  agency.name = "Harbor Agency";
  agency.type = AGENCY;
  lexicon_.AddEntity(agency);
  // Vexa Systems 's contract with the Harbor Agency grew .
  Sentence s =
      Parsed({"Vexa/Vexa/PROPN/NNP/2/compound",
              "Systems/Systems/PROPN/NNPS/4/nmod:poss", "'s/'s/PART/POS/2/case",
              "contract/contract/NOUN/NN/9/nsubj", "with/with/ADP/IN/8/case",
              "the/the/DET/DT/8/det", "Harbor/Harbor/PROPN/NNP/8/compound",
              "Agency/Agency/PROPN/NNP/4/nmod", "grew/grow/VERB/VBD/0/root",
              "././PUNCT/./9/punct"});
  EXPECT_EQ(Keys(s), Keys_({"Harbor Agency | contract | Vexa Systems"}));
}

TEST_F(ExtractRulesTest, LettingAndUrgingStateNoEvent) {
  lexicon_.AddPredicate("close", "close", "entity");
  // The drones let pilots see the river .
  Sentence let = Parsed(
      {"Norland/Norland/PROPN/NNP/2/compound", "Corp./Corp./PROPN/NNP/3/nsubj",
       "let/let/VERB/VBD/0/root", "pilots/pilot/NOUN/NNS/3/obj",
       "see/see/VERB/VB/3/xcomp", "the/the/DET/DT/7/det",
       "river/river/NOUN/NN/5/obj", "././PUNCT/./3/punct"});
  EXPECT_TRUE(Keys(let).empty());
  // Norland Corp. urged Vexa Systems to close the plant .
  Sentence urged = Parsed(
      {"Norland/Norland/PROPN/NNP/2/compound", "Corp./Corp./PROPN/NNP/3/nsubj",
       "urged/urge/VERB/VBD/0/root", "Vexa/Vexa/PROPN/NNP/5/compound",
       "Systems/Systems/PROPN/NNPS/3/obj", "to/to/PART/TO/7/mark",
       "close/close/VERB/VB/3/xcomp", "the/the/DET/DT/9/det",
       "plant/plant/NOUN/NN/7/obj", "././PUNCT/./3/punct"});
  for (const std::string& k : Keys(urged))
    EXPECT_EQ(k.find("| close |"), std::string::npos) << k;
  // Norland Corp. urged Vexa Systems to close the plant and sell boats .
  Sentence both = Parsed(
      {"Norland/Norland/PROPN/NNP/2/compound", "Corp./Corp./PROPN/NNP/3/nsubj",
       "urged/urge/VERB/VBD/0/root", "Vexa/Vexa/PROPN/NNP/5/compound",
       "Systems/Systems/PROPN/NNPS/3/obj", "to/to/PART/TO/7/mark",
       "close/close/VERB/VB/3/xcomp", "the/the/DET/DT/9/det",
       "plant/plant/NOUN/NN/7/obj", "and/and/CCONJ/CC/11/cc",
       "sell/sell/VERB/VB/7/conj", "boats/boat/NOUN/NNS/11/obj",
       "././PUNCT/./3/punct"});
  lexicon_.AddPredicate("sell", "sell", "entity");
  for (const std::string& k : Keys(both))
    EXPECT_EQ(k.find("| sell |"), std::string::npos) << k;
}

TEST_F(ExtractRulesTest, AnsweringAStatementIsNoClaim) {
  // Norland Corp. denied the allegations .
  Sentence s = Parsed(
      {"Norland/Norland/PROPN/NNP/2/compound", "Corp./Corp./PROPN/NNP/3/nsubj",
       "denied/deny/VERB/VBD/0/root", "the/the/DET/DT/5/det",
       "allegations/allegation/NOUN/NNS/3/obj", "././PUNCT/./3/punct"});
  EXPECT_TRUE(Keys(s).empty());
}

TEST_F(ExtractRulesTest, PurposeIsNoPartOfADescribedThing) {
  lexicon_.AddPredicate("use", "use", "entity");
  // Norland Corp. uses sonar to find wrecks .
  Sentence s = Parsed({"Norland/Norland/PROPN/NNP/2/compound",
                       "Corp./Corp./PROPN/NNP/3/nsubj",
                       "uses/use/VERB/VBZ/0/root", "sonar/sonar/NOUN/NN/3/obj",
                       "to/to/PART/TO/6/mark", "find/find/VERB/VB/4/acl",
                       "wrecks/wreck/NOUN/NNS/6/obj", "././PUNCT/./3/punct"});
  std::vector<std::string> keys = Keys(s);
  ASSERT_FALSE(keys.empty());
  EXPECT_EQ(keys[0], "Norland Corp. | use | sonar");
}

TEST_F(ExtractRulesTest, ParticipleWithAnObjectIsActive) {
  lexicon_.AddPredicate("use", "use", "entity");
  // NORCO used drone footage . -- parsed with the acronym as a noun root
  // and "used" as its reduced relative.
  Sentence s = Parsed({"NORCO/norco/NOUN/NN/0/root", "used/use/VERB/VBN/1/acl",
                       "drone/drone/NOUN/NN/4/compound",
                       "footage/footage/NOUN/NN/2/obj", "././PUNCT/./1/punct"});
  EXPECT_EQ(Keys(s), Keys_({"NORCO | use | drone footage"}));
}

TEST_F(ExtractRulesTest, StateAfterAPlaceIsNoConjunct) {
  lexicon_.AddPredicate("serve", "serve", "entity");
  KnownEntity dayton;
  dayton.name = "Dayton";
  dayton.type = LOCATION;
  lexicon_.AddEntity(dayton);
  KnownEntity toledo;
  toledo.name = "Toledo";
  toledo.type = LOCATION;
  lexicon_.AddEntity(toledo);
  // Norland Corp. serves Dayton , Ohio , and Toledo .
  Sentence s = Parsed(
      {"Norland/Norland/PROPN/NNP/2/compound", "Corp./Corp./PROPN/NNP/3/nsubj",
       "serves/serve/VERB/VBZ/0/root", "Dayton/Dayton/PROPN/NNP/3/obj",
       ",/,/PUNCT/,/6/punct", "Ohio/Ohio/PROPN/NNP/4/conj",
       ",/,/PUNCT/,/9/punct", "and/and/CCONJ/CC/9/cc",
       "Toledo/Toledo/PROPN/NNP/4/conj", "././PUNCT/./3/punct"});
  std::vector<std::string> keys = Keys(s);
  EXPECT_EQ(
      std::count(keys.begin(), keys.end(), "Norland Corp. | serve | Ohio"), 0);
  EXPECT_EQ(
      std::count(keys.begin(), keys.end(), "Norland Corp. | serve | Toledo"),
      1);
}

TEST_F(ExtractRulesTest, AppositiveKindNounTypesTheName) {
  // Blue Finch , a company in Ohio , grew .
  Sentence s =
      Parsed({"Blue/Blue/PROPN/NNP/2/compound", "Finch/Finch/PROPN/NNP/9/nsubj",
              ",/,/PUNCT/,/5/punct", "a/a/DET/DT/5/det",
              "company/company/NOUN/NN/2/appos", "in/in/ADP/IN/7/case",
              "Ohio/Ohio/PROPN/NNP/5/nmod", ",/,/PUNCT/,/2/punct",
              "grew/grow/VERB/VBD/0/root", "././PUNCT/./9/punct"});
  Keys(s);
  // It builds boats : "it" is an organisation, now Blue Finch.
  Sentence it =
      Parsed({"It/it/PRON/PRP/2/nsubj", "builds/build/VERB/VBZ/0/root",
              "boats/boat/NOUN/NNS/2/obj", "././PUNCT/./2/punct"});
  EXPECT_EQ(Keys(it), Keys_({"Blue Finch | build | boats"}));
}

TEST_F(ExtractRulesTest, SpeechVerbWithoutCanonicalPredicateIsNoClaim) {
  // Norland Corp. says on its website .
  Sentence s =
      Parsed({"Norland/Norland/PROPN/NNP/2/compound",
              "Corp./Corp./PROPN/NNP/3/nsubj", "says/say/VERB/VBZ/0/root",
              "on/on/ADP/IN/6/case", "its/its/PRON/PRP$/6/nmod:poss",
              "website/website/NOUN/NN/3/obl", "././PUNCT/./3/punct"});
  EXPECT_TRUE(Keys(s).empty());
}

TEST_F(ExtractRulesTest, MeasuredQuantityIsTheSubjectOfItsChange) {
  lexicon_.AddPredicate("rise", "increase", "value");
  // Boat sales rose 12 % .
  Sentence s =
      Parsed({"Boat/boat/NOUN/NN/2/compound", "sales/sale/NOUN/NNS/3/nsubj",
              "rose/rise/VERB/VBD/0/root", "12/12/NUM/CD/5/nummod",
              "%/%/SYM/NN/3/obj", "././PUNCT/./3/punct"});
  std::vector<std::string> keys = Keys(s);
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_EQ(claims_[0].claim.subject().name(), "Boat sales");
  EXPECT_EQ(claims_[0].claim.subject().type(), STATISTIC);
  EXPECT_EQ(claims_[0].claim.predicate(), "increase");
  // Boat sales hurt Norland Corp. : no change of a quantity, no claim.
  Sentence hurt = Parsed(
      {"Boat/boat/NOUN/NN/2/compound", "sales/sale/NOUN/NNS/3/nsubj",
       "hurt/hurt/VERB/VBD/0/root", "Norland/Norland/PROPN/NNP/5/compound",
       "Corp./Corp./PROPN/NNP/3/obj", "././PUNCT/./3/punct"});
  EXPECT_TRUE(Keys(hurt).empty());
}

TEST_F(ExtractRulesTest, TitleBeginningWithAUnitGivesTheRole) {
  // Dayton Office Director Ana Ruiz resigned .
  Sentence s =
      Parsed({"Dayton/Dayton/PROPN/NNP/2/compound",
              "Office/Office/PROPN/NNP/4/compound",
              "Director/Director/PROPN/NNP/4/compound",
              "Ana/Ana/PROPN/NNP/6/nsubj", "Ruiz/Ruiz/PROPN/NNP/4/flat",
              "resigned/resign/VERB/VBD/0/root", "././PUNCT/./6/punct"});
  EXPECT_EQ(Keys(s), Keys_({"Ana Ruiz | hold_role | Dayton Office"}));
  bool role = false;
  for (const Qualifier& q : claims_[0].claim.qualifiers())
    role = role || (q.key() == "role" && q.value() == "Director");
  EXPECT_TRUE(role);
}

TEST(StoryLinesTest, HeadlinesAndDatelineFragments) {
  Sentence headline;
  headline.text = "Agency buys drones for border patrols";
  EXPECT_TRUE(IsHeadline(headline));
  Sentence reporting;
  reporting.text = "The agency bought drones.";
  EXPECT_FALSE(IsHeadline(reporting));
  Sentence quote;
  quote.text = "\"We bought drones,\" she said.\u201d";
  EXPECT_FALSE(IsHeadline(quote));

  Sentence place =
      Parsed({"TOLEDO/TOLEDO/PROPN/NNP/0/root", ",/,/PUNCT/,/1/punct",
              "Ohio/Ohio/PROPN/NNP/1/appos", "././PUNCT/./1/punct"});
  Sentence rest = Parsed({"\u2014/\u2014/PUNCT/:/3/punct",
                          "Officials/official/NOUN/NNS/3/nsubj",
                          "met/meet/VERB/VBD/0/root", "././PUNCT/./3/punct"});
  EXPECT_TRUE(IsDatelineFragment(place, &rest));
  EXPECT_FALSE(IsDatelineFragment(place, nullptr));
  EXPECT_FALSE(IsDatelineFragment(rest, &place));
}

}  // namespace
}  // namespace claimgraph
