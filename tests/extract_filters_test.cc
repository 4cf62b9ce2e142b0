// Rules that keep clauses which state no fact out of the claims, and the
// repairs and coreference that let others through (docs/extraction.md,
// "Rules for news prose"), each on a hand-written, hand-parsed sentence.

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
using testing_util::Parsed;
using Keys_ = std::vector<std::string>;

// "Norland Corp. VERB(S) WH Vexa Systems sells drones ." with the
// question word (or none) as the clause's first word.
Sentence Embedded(const std::string& verb, const std::string& wh) {
  std::vector<std::string> items = {"Norland/Norland/PROPN/NNP/2/compound",
                                    "Corp./Corp./PROPN/NNP/3/nsubj",
                                    verb + "/0/root"};
  int base = wh.empty() ? 3 : 4;
  if (!wh.empty())
    items.push_back(wh + "/" + std::to_string(base + 3) + "/" +
                    (wh.rfind("whether", 0) == 0 ? "mark" : "advmod"));
  std::string sells = std::to_string(base + 3);
  items.push_back("Vexa/Vexa/PROPN/NNP/" + std::to_string(base + 2) +
                  "/compound");
  items.push_back("Systems/Systems/PROPN/NNPS/" + sells + "/nsubj");
  items.push_back("sells/sell/VERB/VBZ/3/ccomp");
  items.push_back("drones/drone/NOUN/NNS/" + sells + "/obj");
  items.push_back("././PUNCT/./3/punct");
  return Parsed(items);
}

TEST_F(ExtractRulesTest, EmbeddedYesNoQuestionAssertsNothing) {
  EXPECT_EQ(Keys(Embedded("studied/study/VERB/VBD", "")),
            Keys_({"Vexa Systems | sell | drones"}));
  EXPECT_TRUE(
      Keys(Embedded("studied/study/VERB/VBD", "whether/whether/SCONJ/IN"))
          .empty());
  // "why" takes its clause as given.
  EXPECT_EQ(Keys(Embedded("studied/study/VERB/VBD", "why/why/ADV/WRB")),
            Keys_({"Vexa Systems | sell | drones"}));
}

TEST_F(ExtractRulesTest, HowLongQuestionAssertsNothing) {
  // Norland Corp. asked how long Vexa Systems keeps logs .
  Sentence s = Parsed(
      {"Norland/Norland/PROPN/NNP/2/compound", "Corp./Corp./PROPN/NNP/3/nsubj",
       "asked/ask/VERB/VBD/0/root", "how/how/ADV/WRB/5/advmod",
       "long/long/ADV/RB/8/advmod", "Vexa/Vexa/PROPN/NNP/7/compound",
       "Systems/Systems/PROPN/NNPS/8/nsubj", "keeps/keep/VERB/VBZ/3/ccomp",
       "logs/log/NOUN/NNS/8/obj", "././PUNCT/./3/punct"});
  EXPECT_TRUE(Keys(s).empty());
}

TEST_F(ExtractRulesTest, QuestionLeftUnaddressedIsAlleged) {
  // Norland Corp. has not addressed whether Vexa Systems sells drones .
  Sentence s = Parsed(
      {"Norland/Norland/PROPN/NNP/2/compound", "Corp./Corp./PROPN/NNP/5/nsubj",
       "has/have/AUX/VBZ/5/aux", "not/not/PART/RB/5/advmod",
       "addressed/address/VERB/VBN/0/root", "whether/whether/SCONJ/IN/9/mark",
       "Vexa/Vexa/PROPN/NNP/8/compound", "Systems/Systems/PROPN/NNPS/9/nsubj",
       "sells/sell/VERB/VBZ/5/advcl", "drones/drone/NOUN/NNS/9/obj",
       "././PUNCT/./5/punct"});
  ASSERT_EQ(Keys(s), Keys_({"Vexa Systems | sell | drones"}));
  EXPECT_EQ(claims_[0].claim.attribution().stance(), ALLEGED);
  EXPECT_EQ(claims_[0].claim.attribution().cue(), "has not addressed");
}

TEST_F(ExtractRulesTest, NamingAndCharacterisingRelateNothing) {
  // Norland Corp. called the merger a mistake .
  Sentence s = Parsed(
      {"Norland/Norland/PROPN/NNP/2/compound", "Corp./Corp./PROPN/NNP/3/nsubj",
       "called/call/VERB/VBD/0/root", "the/the/DET/DT/5/det",
       "merger/merger/NOUN/NN/3/obj", "a/a/DET/DT/7/det",
       "mistake/mistake/NOUN/NN/3/xcomp", "././PUNCT/./3/punct"});
  EXPECT_TRUE(Keys(s).empty());
}

TEST_F(ExtractRulesTest, SpanOfTimeAndMannerAreNoObjects) {
  // Vexa Systems waited months for permits .
  Sentence waited = Parsed(
      {"Vexa/Vexa/PROPN/NNP/2/compound", "Systems/Systems/PROPN/NNPS/3/nsubj",
       "waited/wait/VERB/VBD/0/root", "months/month/NOUN/NNS/3/obj",
       "for/for/ADP/IN/6/case", "permits/permit/NOUN/NNS/4/nmod",
       "././PUNCT/./3/punct"});
  EXPECT_TRUE(Keys(waited).empty());
  // Vexa Systems replied by letter .
  Sentence replied = Parsed(
      {"Vexa/Vexa/PROPN/NNP/2/compound", "Systems/Systems/PROPN/NNPS/3/nsubj",
       "replied/reply/VERB/VBD/0/root", "by/by/ADP/IN/5/case",
       "letter/letter/NOUN/NN/3/obl", "././PUNCT/./3/punct"});
  EXPECT_TRUE(Keys(replied).empty());
}

TEST_F(ExtractRulesTest, WhoseSubjectIsNotThePossessor) {
  // Ana Ruiz , a lawyer whose firm represents Vexa Systems , resigned .
  // (parsed, as news sentences often are, with "represents" as the root).
  Sentence s = Parsed(
      {"Ana/Ana/PROPN/NNP/8/nsubj", "Ruiz/Ruiz/PROPN/NNP/1/flat",
       ",/,/PUNCT/,/1/punct", "a/a/DET/DT/5/det",
       "lawyer/lawyer/NOUN/NN/1/appos", "whose/whose/PRON/WP$/7/nmod:poss",
       "firm/firm/NOUN/NN/8/nsubj", "represents/represent/VERB/VBZ/0/root",
       "Vexa/Vexa/PROPN/NNP/10/compound", "Systems/Systems/PROPN/NNPS/8/obj",
       ",/,/PUNCT/,/12/punct", "resigned/resign/VERB/VBD/8/conj",
       "././PUNCT/./8/punct"});
  for (const std::string& key : Keys(s))
    EXPECT_EQ(key.find("represent"), std::string::npos) << key;
}

TEST_F(ExtractRulesTest, InfinitiveOnANounHasNotHappened) {
  // Norland Corp. asked an auditor to check the books .
  Sentence s = Parsed({"Norland/Norland/PROPN/NNP/2/compound",
                       "Corp./Corp./PROPN/NNP/3/nsubj",
                       "asked/ask/VERB/VBD/0/root", "an/a/DET/DT/5/det",
                       "auditor/auditor/NOUN/NN/3/obj", "to/to/PART/TO/7/mark",
                       "check/check/VERB/VB/5/acl", "the/the/DET/DT/9/det",
                       "books/book/NOUN/NNS/7/obj", "././PUNCT/./3/punct"});
  EXPECT_EQ(Keys(s), Keys_({"Norland Corp. | ask | auditor"}));
}

TEST_F(ExtractRulesTest, ImperativeSentenceStatesNothing) {
  // Get the Norland Digest delivered to your door .
  Sentence s = Parsed({"Get/get/VERB/VB/0/root", "the/the/DET/DT/4/det",
                       "Norland/Norland/PROPN/NNP/4/compound",
                       "Digest/Digest/PROPN/NNP/1/obj",
                       "delivered/deliver/VERB/VBN/1/xcomp",
                       "to/to/ADP/IN/8/case", "your/your/PRON/PRP$/8/nmod:poss",
                       "door/door/NOUN/NN/5/obl", "././PUNCT/./1/punct"});
  EXPECT_TRUE(Keys(s).empty());
}

TEST_F(ExtractRulesTest, AppositionHoldingAClauseIsNoKind) {
  // Boats left Vexa Bay , where farmers long opposed offshore drilling .
  Sentence s = Parsed(
      {"Boats/boat/NOUN/NNS/2/nsubj", "left/leave/VERB/VBD/0/root",
       "Vexa/Vexa/PROPN/NNP/4/compound", "Bay/Bay/PROPN/NNP/2/obj",
       ",/,/PUNCT/,/11/punct", "where/where/ADV/WRB/9/advmod",
       "farmers/farmer/NOUN/NNS/9/nsubj", "long/long/ADV/RB/9/advmod",
       "opposed/oppose/VERB/VBN/11/amod", "offshore/offshore/ADJ/JJ/11/amod",
       "drilling/drilling/NOUN/NN/4/appos", "././PUNCT/./2/punct"});
  for (const std::string& key : Keys(s))
    EXPECT_EQ(key.find("is_a"), std::string::npos) << key;
}

TEST_F(ExtractRulesTest, BareMembersStandForTheirAgency) {
  // Harbor Safety Agency inspectors searched the ferry .
  Sentence first =
      Parsed({"Harbor/Harbor/PROPN/NNP/3/compound",
              "Safety/Safety/PROPN/NNP/3/compound",
              "Agency/Agency/PROPN/NNP/4/compound",
              "inspectors/inspector/NOUN/NNS/5/nsubj",
              "searched/search/VERB/VBD/0/root", "the/the/DET/DT/7/det",
              "ferry/ferry/NOUN/NN/5/obj", "././PUNCT/./5/punct"});
  EXPECT_EQ(Keys(first), Keys_({"Harbor Safety Agency | search | ferry"}));
  // Inspectors opened 40 crates .
  Sentence later =
      Parsed({"Inspectors/inspector/NOUN/NNS/2/nsubj",
              "opened/open/VERB/VBD/0/root", "40/40/NUM/CD/4/nummod",
              "crates/crate/NOUN/NNS/2/obj", "././PUNCT/./2/punct"});
  EXPECT_EQ(Keys(later), Keys_({"Harbor Safety Agency | open | 40"}));
}

TEST_F(ExtractRulesTest, NounRootWithAParticipleIsReadAsAClause) {
  // Vexa Systems engineers tested drone batteries made by Norland Corp. ,
  // parsed with "engineers" as the root and "tested" modifying "batteries".
  Sentence s =
      Parsed({"Vexa/Vexa/PROPN/NNP/3/compound",
              "Systems/Systems/PROPN/NNPS/3/compound",
              "engineers/engineer/NOUN/NNS/0/root",
              "tested/test/VERB/VBN/6/amod", "drone/drone/NOUN/NN/6/compound",
              "batteries/battery/NOUN/NNS/3/nmod", "made/make/VERB/VBN/6/acl",
              "by/by/ADP/IN/10/case", "Norland/Norland/PROPN/NNP/10/compound",
              "Corp./Corp./PROPN/NNP/7/obl:agent", "././PUNCT/./3/punct"});
  ASSERT_TRUE(RepairNounRoot(&s));
  EXPECT_EQ(s.words[3].deprel, "root");
  EXPECT_EQ(s.words[2].head, 4);
  EXPECT_EQ(s.words[5].deprel, "obj");
  std::vector<std::string> keys = Keys(s);
  // The batteries are named without who made them.
  EXPECT_NE(std::find(keys.begin(), keys.end(),
                      "Vexa Systems | test | drone batteries"),
            keys.end());
  // A noun root with a copula is a sentence of its own.
  Sentence copula = Parsed(
      {"Vexa/Vexa/PROPN/NNP/2/nsubj", "is/be/AUX/VBZ/4/cop", "a/a/DET/DT/4/det",
       "supplier/supplier/NOUN/NN/0/root", "././PUNCT/./4/punct"});
  EXPECT_FALSE(RepairNounRoot(&copula));
}

TEST_F(ExtractRulesTest, WrittenAppositionDenotesTheName) {
  // Norland Corp. sold the Harbor Tracking Service ( HTS ) , a mapping tool
  // that Vexa Systems built . ("tool" parsed as a parataxis.)
  Sentence s = Parsed(
      {"Norland/Norland/PROPN/NNP/2/compound", "Corp./Corp./PROPN/NNP/3/nsubj",
       "sold/sell/VERB/VBD/0/root", "the/the/DET/DT/7/det",
       "Harbor/Harbor/PROPN/NNP/7/compound",
       "Tracking/Tracking/PROPN/NNP/7/compound",
       "Service/Service/PROPN/NNP/3/obj", "(/(/PUNCT/-LRB-/9/punct",
       "HTS/HTS/PROPN/NNP/7/appos", ")/)/PUNCT/-RRB-/9/punct",
       ",/,/PUNCT/,/14/punct", "a/a/DET/DT/14/det",
       "mapping/mapping/NOUN/NN/14/compound", "tool/tool/NOUN/NN/3/parataxis",
       "that/that/PRON/WDT/18/obj", "Vexa/Vexa/PROPN/NNP/17/compound",
       "Systems/Systems/PROPN/NNPS/18/nsubj",
       "built/build/VERB/VBD/14/acl:relcl", "././PUNCT/./3/punct"});
  std::vector<std::string> keys = Keys(s);
  for (const char* want : {"Vexa Systems | build | Harbor Tracking Service",
                           "Harbor Tracking Service | is_a | mapping tool"}) {
    EXPECT_NE(std::find(keys.begin(), keys.end(), want), keys.end()) << want;
  }
}

TEST_F(ExtractRulesTest, WrittenAppositionOfAPersonIsThePerson) {
  // Ana Ruiz , an Ohio Republican who sits on the Vexa Council , left .
  // ("Republican" parsed as a conjunct of the name.)
  Sentence s = Parsed(
      {"Ana/Ana/PROPN/NNP/0/root", "Ruiz/Ruiz/PROPN/NNP/1/flat",
       ",/,/PUNCT/,/1/punct", "an/a/DET/DT/6/det",
       "Ohio/Ohio/PROPN/NNP/6/compound",
       "Republican/Republican/PROPN/NNP/1/conj", "who/who/PRON/WP/8/nsubj",
       "sits/sit/VERB/VBZ/6/acl:relcl", "on/on/ADP/IN/12/case",
       "the/the/DET/DT/12/det", "Vexa/Vexa/PROPN/NNP/12/compound",
       "Council/Council/PROPN/NNP/8/obl", ",/,/PUNCT/,/14/punct",
       "left/leave/VERB/VBD/1/parataxis", "././PUNCT/./1/punct"});
  lexicon_.AddPredicate("sit on", "member_of", "entity");
  EXPECT_EQ(Keys(s), Keys_({"Ana Ruiz | member_of | Vexa Council"}));
}

TEST_F(ExtractRulesTest, RelativeOnThePlaceOfBasedInIsAboutTheThing) {
  // Vexa Systems , a firm based in Ohio that builds drones , grew .
  Sentence s = Parsed(
      {"Vexa/Vexa/PROPN/NNP/2/compound", "Systems/Systems/PROPN/NNPS/13/nsubj",
       ",/,/PUNCT/,/5/punct", "a/a/DET/DT/5/det", "firm/firm/NOUN/NN/2/appos",
       "based/base/VERB/VBN/5/acl", "in/in/ADP/IN/8/case",
       "Ohio/Ohio/PROPN/NNP/6/obl", "that/that/PRON/WDT/10/nsubj",
       "builds/build/VERB/VBZ/8/acl:relcl", "drones/drone/NOUN/NNS/10/obj",
       ",/,/PUNCT/,/13/punct", "grew/grow/VERB/VBD/0/root",
       "././PUNCT/./13/punct"});
  std::vector<std::string> keys = Keys(s);
  EXPECT_NE(
      std::find(keys.begin(), keys.end(), "Vexa Systems | build | drones"),
      keys.end());
  EXPECT_EQ(std::find(keys.begin(), keys.end(), "Ohio | build | drones"),
            keys.end());
}

TEST_F(ExtractRulesTest, RecommendedAndObligedEventsHaveNotHappened) {
  // Norland Corp. recommended that Vexa Systems buy drones .
  Sentence recommended = Parsed(
      {"Norland/Norland/PROPN/NNP/2/compound", "Corp./Corp./PROPN/NNP/3/nsubj",
       "recommended/recommend/VERB/VBD/0/root", "that/that/SCONJ/IN/7/mark",
       "Vexa/Vexa/PROPN/NNP/6/compound", "Systems/Systems/PROPN/NNPS/7/nsubj",
       "buy/buy/VERB/VB/3/ccomp", "drones/drone/NOUN/NNS/7/obj",
       "././PUNCT/./3/punct"});
  EXPECT_TRUE(Keys(recommended).empty());
  // Vexa Systems must deliver drones .
  Sentence must = Parsed(
      {"Vexa/Vexa/PROPN/NNP/2/compound", "Systems/Systems/PROPN/NNPS/4/nsubj",
       "must/must/AUX/MD/4/aux", "deliver/deliver/VERB/VB/0/root",
       "drones/drone/NOUN/NNS/4/obj", "././PUNCT/./4/punct"});
  EXPECT_TRUE(Keys(must).empty());
  // Ohio cannot force Vexa Systems to sell drones ("to sell" parsed as an
  // adverbial clause).
  Sentence forced = Parsed(
      {"Ohio/Ohio/PROPN/NNP/4/nsubj", "can/can/AUX/MD/4/aux",
       "not/not/PART/RB/4/advmod", "force/force/VERB/VB/0/root",
       "Vexa/Vexa/PROPN/NNP/6/compound", "Systems/Systems/PROPN/NNPS/4/obj",
       "to/to/PART/TO/8/mark", "sell/sell/VERB/VB/4/advcl",
       "drones/drone/NOUN/NNS/8/obj", "././PUNCT/./4/punct"});
  EXPECT_TRUE(Keys(forced).empty());
}

TEST_F(ExtractRulesTest, LoneYearDatesTheThingNotNamesIt) {
  // Vexa Systems issued guidance in 2021 .
  Sentence s = Parsed({"Vexa/Vexa/PROPN/NNP/2/compound",
                       "Systems/Systems/PROPN/NNPS/3/nsubj",
                       "issued/issue/VERB/VBD/0/root",
                       "guidance/guidance/NOUN/NN/3/obj", "in/in/ADP/IN/6/case",
                       "2021/2021/NUM/CD/4/nmod", "././PUNCT/./3/punct"});
  EXPECT_EQ(Keys(s), Keys_({"Vexa Systems | issue | guidance"}));
}

TEST_F(ExtractRulesTest, PrepositionTheTableKnowsMovesToTheVerb) {
  // Ana Ruiz teaches law at Norland Corp. , "at" hung on "law".
  Sentence s =
      Parsed({"Ana/Ana/PROPN/NNP/3/nsubj", "Ruiz/Ruiz/PROPN/NNP/1/flat",
              "teaches/teach/VERB/VBZ/0/root", "law/law/NOUN/NN/3/obj",
              "at/at/ADP/IN/7/case", "Norland/Norland/PROPN/NNP/7/compound",
              "Corp./Corp./PROPN/NNP/4/nmod", "././PUNCT/./3/punct"});
  EXPECT_EQ(Keys(s), Keys_({"Ana Ruiz | teach | law at Norland Corp."}));
  lexicon_.AddPredicate("teach at", "work_for", "entity");
  EXPECT_EQ(Keys(s), Keys_({"Ana Ruiz | work_for | Norland Corp."}));
}

TEST_F(ExtractRulesTest, GenericPlaceNounStandsForThePlacesItNames) {
  // The sensors stand on ground near Avera and Beldon .
  Sentence s =
      Parsed({"The/the/DET/DT/2/det", "sensors/sensor/NOUN/NNS/3/nsubj",
              "stand/stand/VERB/VBP/0/root", "on/on/ADP/IN/5/case",
              "ground/ground/NOUN/NN/3/obl", "near/near/ADP/IN/7/case",
              "Avera/Avera/PROPN/NNP/5/nmod", "and/and/CCONJ/CC/9/cc",
              "Beldon/Beldon/PROPN/NNP/7/conj", "././PUNCT/./3/punct"});
  Sentence first = Parsed(
      {"Norland/Norland/PROPN/NNP/2/compound", "Corp./Corp./PROPN/NNP/3/nsubj",
       "built/build/VERB/VBD/0/root", "12/12/NUM/CD/5/nummod",
       "sensors/sensor/NOUN/NNS/3/obj", "././PUNCT/./3/punct"});
  Keys(first);
  lexicon_.AddPredicate("stand on", "locate_in", "entity");
  // Two names, not "Avera and Beldon"; one claim each.
  EXPECT_EQ(Keys(s), Keys_({"sensors | locate_in | Avera",
                            "sensors | locate_in | Beldon"}));
}

TEST_F(ExtractRulesTest, DescribedThingAsPatientOfAnAgent) {
  // Maps are kept in an archive run by Norland Corp. .
  Sentence s = Parsed(
      {"Maps/map/NOUN/NNS/3/nsubj:pass", "are/be/AUX/VBP/3/aux:pass",
       "kept/keep/VERB/VBN/0/root", "in/in/ADP/IN/6/case", "an/a/DET/DT/6/det",
       "archive/archive/NOUN/NN/3/obl", "run/run/VERB/VBN/6/acl",
       "by/by/ADP/IN/10/case", "Norland/Norland/PROPN/NNP/10/compound",
       "Corp./Corp./PROPN/NNP/7/obl:agent", "././PUNCT/./3/punct"});
  EXPECT_EQ(Keys(s), Keys_({"Norland Corp. | run | archive"}));
}

TEST_F(ExtractRulesTest, WhatTheOutletDidIsNoNews) {
  source_.set_outlet("Harbor Ledger");
  // Harbor Ledger obtained the memo .
  Sentence s = Parsed(
      {"Harbor/Harbor/PROPN/NNP/2/compound", "Ledger/Ledger/PROPN/NNP/3/nsubj",
       "obtained/obtain/VERB/VBD/0/root", "the/the/DET/DT/5/det",
       "memo/memo/NOUN/NN/3/obj", "././PUNCT/./3/punct"});
  EXPECT_TRUE(Keys(s).empty());
}

TEST_F(ExtractRulesTest, LongDescriptionsKeepTheirCore) {
  // Vexa Systems sells software able to read messages .
  Sentence able = Parsed(
      {"Vexa/Vexa/PROPN/NNP/2/compound", "Systems/Systems/PROPN/NNPS/3/nsubj",
       "sells/sell/VERB/VBZ/0/root", "software/software/NOUN/NN/3/obj",
       "able/able/ADJ/JJ/4/amod", "to/to/PART/TO/7/mark",
       "read/read/VERB/VB/5/xcomp", "messages/message/NOUN/NNS/7/obj",
       "././PUNCT/./3/punct"});
  EXPECT_EQ(Keys(able), Keys_({"Vexa Systems | sell | software"}));
  // Ohio ended a freeze on a large grant to the new Vexa harbor project .
  Sentence ended = Parsed(
      {"Ohio/Ohio/PROPN/NNP/2/nsubj", "ended/end/VERB/VBD/0/root",
       "a/a/DET/DT/4/det", "freeze/freeze/NOUN/NN/2/obj", "on/on/ADP/IN/8/case",
       "a/a/DET/DT/8/det", "large/large/ADJ/JJ/8/amod",
       "grant/grant/NOUN/NN/4/nmod", "to/to/ADP/IN/14/case",
       "the/the/DET/DT/14/det", "new/new/ADJ/JJ/14/amod",
       "Vexa/Vexa/PROPN/NNP/14/compound", "harbor/harbor/NOUN/NN/14/compound",
       "project/project/NOUN/NN/8/nmod", "././PUNCT/./2/punct"});
  EXPECT_EQ(Keys(ended), Keys_({"Ohio | end | freeze"}));
}

TEST_F(ExtractRulesTest, ReportedItOrKindNounIsTheSpeakingBody) {
  Sentence first = Parsed({"Ohio/Ohio/PROPN/NNP/2/nsubj",
                           "grew/grow/VERB/VBD/0/root", "././PUNCT/./2/punct"});
  Keys(first);
  // A Harbor Safety Agency spokesperson said that the agency uses drones .
  Sentence s = Parsed({"A/a/DET/DT/5/det", "Harbor/Harbor/PROPN/NNP/4/compound",
                       "Safety/Safety/PROPN/NNP/4/compound",
                       "Agency/Agency/PROPN/NNP/5/compound",
                       "spokesperson/spokesperson/NOUN/NN/6/nsubj",
                       "said/say/VERB/VBD/0/root", "that/that/SCONJ/IN/10/mark",
                       "the/the/DET/DT/9/det", "agency/agency/NOUN/NN/10/nsubj",
                       "uses/use/VERB/VBZ/6/ccomp",
                       "drones/drone/NOUN/NNS/10/obj", "././PUNCT/./6/punct"});
  EXPECT_EQ(Keys(s), Keys_({"Harbor Safety Agency | use | drones"}));
}

TEST_F(ExtractRulesTest, DescribedObjectIsRememberedForTheDefiniteNoun) {
  // Vexa Systems sold its digital mapping tool .
  Sentence sold = Parsed(
      {"Vexa/Vexa/PROPN/NNP/2/compound", "Systems/Systems/PROPN/NNPS/3/nsubj",
       "sold/sell/VERB/VBD/0/root", "its/its/PRON/PRP$/7/nmod:poss",
       "digital/digital/ADJ/JJ/7/amod", "mapping/mapping/NOUN/NN/7/compound",
       "tool/tool/NOUN/NN/3/obj", "././PUNCT/./3/punct"});
  EXPECT_EQ(Keys(sold), Keys_({"Vexa Systems | sell | digital mapping tool"}));
  // Norland Corp. used the tool in audits of ports .
  Sentence used = Parsed({"Norland/Norland/PROPN/NNP/2/compound",
                          "Corp./Corp./PROPN/NNP/3/nsubj",
                          "used/use/VERB/VBD/0/root", "the/the/DET/DT/5/det",
                          "tool/tool/NOUN/NN/3/obj", "in/in/ADP/IN/7/case",
                          "audits/audit/NOUN/NNS/5/nmod", "of/of/ADP/IN/9/case",
                          "ports/port/NOUN/NNS/7/nmod", "././PUNCT/./3/punct"});
  EXPECT_EQ(Keys(used), Keys_({"Norland Corp. | use | digital mapping tool"}));
}

TEST_F(ExtractRulesTest, ProgramNameBeforeModifiersAndKind) {
  // Migrants used the Vexa Go mobile app .
  Sentence s =
      Parsed({"Migrants/migrant/NOUN/NNS/2/nsubj", "used/use/VERB/VBD/0/root",
              "the/the/DET/DT/7/det", "Vexa/Vexa/PROPN/NNP/5/compound",
              "Go/Go/PROPN/NNP/7/compound", "mobile/mobile/ADJ/JJ/7/amod",
              "app/app/NOUN/NN/2/obj", "././PUNCT/./2/punct"});
  EXPECT_EQ(Keys(s), Keys_({"Migrants | use | Vexa Go"}));
  EXPECT_EQ(claims_[0].claim.object().type(), PROGRAM);
}

TEST_F(ExtractRulesTest, MadeEventsAndProposedActionsAreNoClaims) {
  // Inspectors made arrests in Ohio .
  Sentence made = Parsed(
      {"Inspectors/inspector/NOUN/NNS/2/nsubj", "made/make/VERB/VBD/0/root",
       "arrests/arrest/NOUN/NNS/2/obj", "in/in/ADP/IN/5/case",
       "Ohio/Ohio/PROPN/NNP/3/nmod", "././PUNCT/./2/punct"});
  EXPECT_TRUE(Keys(made).empty());
  // Norland Corp. proposed requiring pilots to file logs .
  Sentence proposed = Parsed(
      {"Norland/Norland/PROPN/NNP/2/compound", "Corp./Corp./PROPN/NNP/3/nsubj",
       "proposed/propose/VERB/VBD/0/root", "requiring/require/VERB/VBG/3/xcomp",
       "pilots/pilot/NOUN/NNS/4/obj", "to/to/PART/TO/7/mark",
       "file/file/VERB/VB/4/xcomp", "logs/log/NOUN/NNS/7/obj",
       "././PUNCT/./3/punct"});
  for (const std::string& key : Keys(proposed))
    EXPECT_EQ(key.find("Norland"), std::string::npos) << key;
}

TEST_F(ExtractRulesTest, RaisingAMeasureToALevelIsItsValue) {
  lexicon_.AddPredicate("forecast", "forecast", "value");
  // Vexa Systems raised its forecast to $2 billion .
  Sentence s = Parsed(
      {"Vexa/Vexa/PROPN/NNP/2/compound", "Systems/Systems/PROPN/NNPS/3/nsubj",
       "raised/raise/VERB/VBD/0/root", "its/its/PRON/PRP$/5/nmod:poss",
       "forecast/forecast/NOUN/NN/3/obj", "to/to/ADP/IN/7/case",
       "$/$/SYM/$/3/obl", "2/2/NUM/CD/9/compound",
       "billion/billion/NUM/CD/7/nummod", "././PUNCT/./3/punct"});
  std::vector<std::string> keys = Keys(s);
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_EQ(claims_[0].claim.predicate(), "forecast");
  EXPECT_EQ(claims_[0].claim.value().unit(), "USD");
}

TEST_F(ExtractRulesTest, ContractorOfAClient) {
  // Vexa Systems has become one of the contractors of the Harbor Safety
  // Agency .
  Sentence s = Parsed(
      {"Vexa/Vexa/PROPN/NNP/2/compound", "Systems/Systems/PROPN/NNPS/4/nsubj",
       "has/have/AUX/VBZ/4/aux", "become/become/VERB/VBN/0/root",
       "one/one/NUM/CD/4/obj", "of/of/ADP/IN/8/case", "the/the/DET/DT/8/det",
       "contractors/contractor/NOUN/NNS/5/nmod", "of/of/ADP/IN/13/case",
       "the/the/DET/DT/13/det", "Harbor/Harbor/PROPN/NNP/13/compound",
       "Safety/Safety/PROPN/NNP/13/compound", "Agency/Agency/PROPN/NNP/8/nmod",
       "././PUNCT/./4/punct"});
  EXPECT_EQ(Keys(s), Keys_({"Harbor Safety Agency | contract | Vexa Systems"}));
}

TEST_F(ExtractRulesTest, PlaceBeforeTheCompanyLocatesIt) {
  Sentence first = Parsed({"Norland/Norland/PROPN/NNP/2/compound",
                           "Corp./Corp./PROPN/NNP/3/nsubj",
                           "grew/grow/VERB/VBD/0/root", "././PUNCT/./3/punct"});
  Keys(first);
  // The Ohio company hired 40 engineers .
  Sentence s =
      Parsed({"The/the/DET/DT/3/det", "Ohio/Ohio/PROPN/NNP/3/compound",
              "company/company/NOUN/NN/4/nsubj", "hired/hire/VERB/VBD/0/root",
              "40/40/NUM/CD/6/nummod", "engineers/engineer/NOUN/NNS/4/obj",
              "././PUNCT/./4/punct"});
  std::vector<std::string> keys = Keys(s);
  EXPECT_NE(
      std::find(keys.begin(), keys.end(), "Norland Corp. | locate_in | Ohio"),
      keys.end());
}

TEST_F(ExtractRulesTest, KindWrittenAsACoordinationAndItsOrganisation) {
  // The Marsh Center , a data and policy lab at Ohio State University ,
  // grew . ("data" heads the apposition, "lab" its conjunct.)
  Sentence s = Parsed(
      {"The/the/DET/DT/3/det", "Marsh/Marsh/PROPN/NNP/3/compound",
       "Center/Center/PROPN/NNP/15/nsubj", ",/,/PUNCT/,/6/punct",
       "a/a/DET/DT/6/det", "data/data/NOUN/NN/3/appos", "and/and/CCONJ/CC/9/cc",
       "policy/policy/NOUN/NN/9/compound", "lab/lab/NOUN/NN/6/conj",
       "at/at/ADP/IN/13/case", "Ohio/Ohio/PROPN/NNP/13/compound",
       "State/State/PROPN/NNP/13/compound",
       "University/University/PROPN/NNP/6/nmod", ",/,/PUNCT/,/3/punct",
       "grew/grow/VERB/VBD/0/root", "././PUNCT/./15/punct"});
  std::vector<std::string> keys = Keys(s);
  for (const char* want : {"Marsh Center | is_a | data and policy lab",
                           "Marsh Center | part_of | Ohio State University"}) {
    EXPECT_NE(std::find(keys.begin(), keys.end(), want), keys.end()) << want;
  }
}

}  // namespace
}  // namespace claimgraph

namespace claimgraph {
namespace {

// Norland Corp. acquired Vexa Systems last week , Chairwoman Ana Ruiz said
// on Friday . -- parsed with "Chairwoman" as an apposition of "week" and
// "said" as an adverbial clause with "week" under it.
Sentence TrailingReportMisparsed() {
  return Parsed(
      {"Norland/Norland/PROPN/NNP/2/compound", "Corp./Corp./PROPN/NNP/3/nsubj",
       "acquired/acquire/VERB/VBD/0/root", "Vexa/Vexa/PROPN/NNP/5/compound",
       "Systems/Systems/PROPN/NNPS/3/obj", "last/last/ADJ/JJ/7/amod",
       "week/week/NOUN/NN/12/obl:unmarked", ",/,/PUNCT/,/9/punct",
       "Chairwoman/Chairwoman/PROPN/NNP/7/appos", "Ana/Ana/PROPN/NNP/9/flat",
       "Ruiz/Ruiz/PROPN/NNP/9/flat", "said/say/VERB/VBD/3/advcl",
       "on/on/ADP/IN/14/case", "Friday/Friday/PROPN/NNP/12/obl",
       "././PUNCT/./3/punct"});
}

TEST_F(ExtractRulesTest, TrailingReportGivesTheSpeaker) {
  Sentence s = TrailingReportMisparsed();
  ASSERT_TRUE(RepairTrailingReport(&s));
  EXPECT_EQ(s.words[6].head, 3);  // "week" dates the acquisition.
  EXPECT_EQ(s.words[10].head, 12);
  EXPECT_EQ(s.words[10].deprel, "nsubj");
  EXPECT_EQ(s.words[11].head, 3);
  EXPECT_EQ(s.words[11].deprel, "parataxis");
  EXPECT_EQ(s.words[13].head, 12);  // "on Friday" dates the saying.
  std::vector<std::string> keys = Keys(s);
  auto it = std::find(keys.begin(), keys.end(),
                      "Norland Corp. | acquire | Vexa Systems");
  ASSERT_NE(it, keys.end());
  const Claim& c = claims_[it - keys.begin()].claim;
  EXPECT_NE(c.attribution().speaker().name().find("Ana Ruiz"),
            std::string::npos);
  EXPECT_EQ(c.attribution().cue(), "said");
  // A second repair changes nothing.
  EXPECT_FALSE(RepairTrailingReport(&s));
}

TEST_F(ExtractRulesTest, TrailingReportNeedsAVerbOfSaying) {
  Sentence s = TrailingReportMisparsed();
  s.words[11].form = "left";
  s.words[11].lemma = "leave";
  EXPECT_FALSE(RepairTrailingReport(&s));
  // A verb after the speaker's modifiers is another clause.
  Sentence t = TrailingReportMisparsed();
  t.words[12].upos = "VERB";
  EXPECT_FALSE(RepairTrailingReport(&t));
}

// "A 90-day pilot at the Hollow Creek depot in Ohio scanned the badges of
// workers in 64 percent of shifts ."
Sentence PilotWithShare() {
  return Parsed({"A/a/DET/DT/5/det",
                 "90/90/NUM/CD/4/nummod",
                 "-/-/PUNCT/HYPH/2/punct",
                 "day/day/NOUN/NN/5/compound",
                 "pilot/pilot/NOUN/NN/13/nsubj",
                 "at/at/ADP/IN/10/case",
                 "the/the/DET/DT/10/det",
                 "Hollow/Hollow/PROPN/NNP/9/compound",
                 "Creek/Creek/PROPN/NNP/10/compound",
                 "depot/depot/NOUN/NN/5/nmod",
                 "in/in/ADP/IN/12/case",
                 "Ohio/Ohio/PROPN/NNP/10/nmod",
                 "scanned/scan/VERB/VBD/0/root",
                 "the/the/DET/DT/15/det",
                 "badges/badge/NOUN/NNS/13/obj",
                 "of/of/ADP/IN/17/case",
                 "workers/worker/NOUN/NNS/15/nmod",
                 "in/in/ADP/IN/20/case",
                 "64/64/NUM/CD/20/nummod",
                 "percent/percent/NOUN/NN/13/obl",
                 "of/of/ADP/IN/22/case",
                 "shifts/shift/NOUN/NNS/20/nmod",
                 "././PUNCT/./13/punct"});
}

TEST_F(ExtractRulesTest, DurationOfADescribedEventIsAValue) {
  std::vector<std::string> keys = Keys(PilotWithShare());
  auto it = std::find(keys.begin(), keys.end(), "pilot | last | 90-day");
  ASSERT_NE(it, keys.end());
  const Quantity& q = claims_[it - keys.begin()].claim.value();
  EXPECT_EQ(q.amount(), 90);
  EXPECT_EQ(q.unit(), "day");
  // A term of a thing that is no event states no duration.
  Sentence contract = PilotWithShare();
  contract.words[4].form = "contract";
  contract.words[4].lemma = "contract";
  for (const std::string& key : Keys(contract))
    EXPECT_EQ(key.find(" | last | "), std::string::npos) << key;
}

TEST_F(ExtractRulesTest, PlaceOfADescribedEventByItsKnownName) {
  // Without a known place, no place of the pilot.
  for (const std::string& key : Keys(PilotWithShare()))
    EXPECT_EQ(key.find("take_place_in"), std::string::npos) << key;
  // "the Hollow Creek depot": the name with the common noun after it is
  // the lexicon's alias of a place, where the pilot ran.
  KnownEntity terminal;
  terminal.name = "Hollow Creek Freight Terminal";
  terminal.type = LOCATION;
  terminal.aliases = {"Hollow Creek depot"};
  lexicon_.AddEntity(terminal);
  std::vector<std::string> keys = Keys(PilotWithShare());
  EXPECT_NE(std::find(keys.begin(), keys.end(),
                      "pilot | take_place_in | Hollow Creek Freight Terminal"),
            keys.end())
      << ::testing::PrintToString(keys);
}

TEST_F(ExtractRulesTest, ShareOfCasesIsTheClauseValue) {
  std::vector<std::string> keys = Keys(PilotWithShare());
  auto it = std::find_if(keys.begin(), keys.end(), [](const std::string& k) {
    return k.rfind("pilot | scan | 64", 0) == 0;
  });
  ASSERT_NE(it, keys.end()) << ::testing::PrintToString(keys);
  const Claim c = claims_[it - keys.begin()].claim;
  EXPECT_EQ(c.value().amount(), 64);
  EXPECT_EQ(c.value().unit(), "%");
  bool denominator = false;
  for (const Qualifier& q : c.qualifiers())
    denominator =
        denominator || (q.key() == "denominator" && q.value() == "shifts");
  EXPECT_TRUE(denominator);
  // The parse may hang the share on the object: the same claim, and the
  // theme is the object without it.
  Sentence on_object = PilotWithShare();
  on_object.words[19].head = 15;
  on_object.words[19].deprel = "nmod";
  keys = Keys(on_object);
  it = std::find(
      keys.begin(), keys.end(),
      c.subject().name() + " | " + c.predicate() + " | " + c.value().text());
  ASSERT_NE(it, keys.end()) << ::testing::PrintToString(keys);
  bool theme = false;
  for (const Qualifier& q : claims_[it - keys.begin()].claim.qualifiers())
    theme =
        theme || (q.key() == "theme" && q.value() == "the badges of workers");
  EXPECT_TRUE(theme);
  // Without the share, the described subject states nothing of its own.
  Sentence during = PilotWithShare();
  during.words[17].form = "during";
  during.words[17].lemma = "during";
  for (const std::string& key : Keys(during))
    EXPECT_EQ(key.find(" | scan"), std::string::npos) << key;
}

}  // namespace
}  // namespace claimgraph
