// Attachment repairs (parse_repair_attach.cc) and the rules that keep the
// claims the same whichever of two attachments the parser chose, each on a
// hand-written, hand-parsed sentence with the attachment the rule repairs.

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
using Keys_ = std::vector<std::string>;

TEST_F(ExtractRulesTest, NameCompoundedWithMoneyIsThePayee) {
  // Ohio paid Vexa Systems $ 5 million for drones .
  Sentence s =
      Parsed({"Ohio/Ohio/PROPN/NNP/2/nsubj", "paid/pay/VERB/VBD/0/root",
              "Vexa/Vexa/PROPN/NNP/4/compound",
              "Systems/Systems/PROPN/NNPS/5/compound", "$/$/SYM/$/2/obj",
              "5/5/NUM/CD/7/compound", "million/million/NUM/CD/5/nummod",
              "for/for/ADP/IN/9/case", "drones/drone/NOUN/NNS/2/obl",
              "././PUNCT/./2/punct"});
  ASSERT_TRUE(RepairMoneyCompound(&s));
  EXPECT_EQ(s.words[3].head, 2);
  EXPECT_EQ(s.words[3].deprel, "iobj");
  EXPECT_TRUE(Has(Keys(s), "Ohio | contract | Vexa Systems"));
  // A name that does not follow the verb is left alone.
  Sentence t = Parsed(
      {"Ohio/Ohio/PROPN/NNP/2/nsubj", "paid/pay/VERB/VBD/0/root",
       "back/back/ADP/RP/2/compound:prt", "Vexa/Vexa/PROPN/NNP/5/compound",
       "$/$/SYM/$/2/obj", "5/5/NUM/CD/5/nummod", "././PUNCT/./2/punct"});
  EXPECT_FALSE(RepairMoneyCompound(&t));
}

TEST_F(ExtractRulesTest, NameUnderMoneyInAnyRoleIsThePayee) {
  // Ohio paid Vexa $ 5 million . ("Vexa" as an adverbial of "$".)
  Sentence s =
      Parsed({"Ohio/Ohio/PROPN/NNP/2/nsubj", "paid/pay/VERB/VBD/0/root",
              "Vexa/Vexa/PROPN/NNP/4/advmod", "$/$/SYM/$/2/obj",
              "5/5/NUM/CD/6/compound", "million/million/NUM/CD/4/nummod",
              "././PUNCT/./2/punct"});
  ASSERT_TRUE(RepairMoneyCompound(&s));
  EXPECT_EQ(s.words[2].deprel, "iobj");
  EXPECT_TRUE(Has(Keys(s), "Ohio | contract | Vexa"));
}

TEST_F(ExtractRulesTest, ParticipleClauseBeforeASubjectlessVerb) {
  // Vexa , founded by Ana Ruiz , has built drones . ("founded" as a
  // parataxis of "built", which has no subject.)
  Sentence s = Parsed({"Vexa/Vexa/PROPN/NNP/3/vocative", ",/,/PUNCT/,/1/punct",
                       "founded/found/VERB/VBN/9/parataxis",
                       "by/by/ADP/IN/5/case", "Ana/Ana/PROPN/NNP/3/obl:agent",
                       "Ruiz/Ruiz/PROPN/NNP/5/flat", ",/,/PUNCT/,/3/punct",
                       "has/have/AUX/VBZ/9/aux", "built/build/VERB/VBN/0/root",
                       "drones/drone/NOUN/NNS/9/obj", "././PUNCT/./9/punct"});
  ASSERT_TRUE(RepairParticipleSubject(&s));
  EXPECT_EQ(s.words[0].deprel, "nsubj");
  EXPECT_TRUE(Has(Keys(s), "Vexa | build | drones"));
  // With a subject of its own, the verb's parataxis is left alone.
  Sentence t = Parsed({"Vexa/Vexa/PROPN/NNP/3/vocative", ",/,/PUNCT/,/1/punct",
                       "founded/found/VERB/VBN/6/parataxis",
                       ",/,/PUNCT/,/3/punct", "Ana/Ana/PROPN/NNP/6/nsubj",
                       "left/leave/VERB/VBD/0/root", "././PUNCT/./6/punct"});
  EXPECT_FALSE(RepairParticipleSubject(&t));
}

TEST_F(ExtractRulesTest, RelativePronounBesideASubjectIsTheObject) {
  // The Vexa app , which farmers used , stopped .
  Sentence s =
      Parsed({"The/the/DET/DT/3/det", "Vexa/Vexa/PROPN/NNP/3/compound",
              "app/app/NOUN/NN/8/nsubj", ",/,/PUNCT/,/7/punct",
              "which/which/PRON/WDT/7/nsubj", "farmers/farmer/NOUN/NNS/7/nsubj",
              "used/use/VERB/VBD/3/acl:relcl", "stopped/stop/VERB/VBD/0/root",
              "././PUNCT/./8/punct"});
  ASSERT_TRUE(RepairDoubleSubject(&s));
  EXPECT_EQ(s.words[4].deprel, "obj");
  EXPECT_EQ(s.words[5].deprel, "nsubj");
  EXPECT_FALSE(RepairDoubleSubject(&s));
}

TEST_F(ExtractRulesTest, ParticipleIsNoSubject) {
  // Vexa , founded by Ana Ruiz , has built drones .
  Sentence s = Parsed({"Vexa/Vexa/PROPN/NNP/3/vocative", ",/,/PUNCT/,/1/punct",
                       "founded/found/VERB/VBN/9/nsubj", "by/by/ADP/IN/5/case",
                       "Ana/Ana/PROPN/NNP/3/obl:agent",
                       "Ruiz/Ruiz/PROPN/NNP/5/flat", ",/,/PUNCT/,/3/punct",
                       "has/have/AUX/VBZ/9/aux", "built/build/VERB/VBN/0/root",
                       "drones/drone/NOUN/NNS/9/obj", "././PUNCT/./9/punct"});
  ASSERT_TRUE(RepairParticipleSubject(&s));
  EXPECT_EQ(s.words[0].head, 9);
  EXPECT_EQ(s.words[0].deprel, "nsubj");
  EXPECT_EQ(s.words[2].head, 1);
  EXPECT_EQ(s.words[2].deprel, "acl");
  std::vector<std::string> keys = Keys(s);
  EXPECT_TRUE(Has(keys, "Ana Ruiz | found | Vexa")) << keys.size();
  EXPECT_TRUE(Has(keys, "Vexa | build | drones"));
}

TEST_F(ExtractRulesTest, VerbWithItsOwnSubjectIsNoSubject) {
  // Vexa has asked Ohio to publish rules on how long video is kept .
  Sentence s =
      Parsed({"Vexa/Vexa/PROPN/NNP/3/nsubj", "has/have/AUX/VBZ/3/aux",
              "asked/ask/VERB/VBN/12/nsubj:pass", "Ohio/Ohio/PROPN/NNP/3/iobj",
              "to/to/PART/TO/6/mark", "publish/publish/VERB/VB/3/xcomp",
              "rules/rule/NOUN/NNS/6/obj", "on/on/SCONJ/IN/10/case",
              "how/how/ADV/WRB/9/advmod", "long/long/ADV/RB/10/advmod",
              "video/video/NOUN/NN/6/obl", "kept/keep/VERB/VBN/0/root",
              "././PUNCT/./12/punct"});
  // ("is" left out; "video" hangs on "publish".)
  ASSERT_TRUE(RepairClauseAsSubject(&s));
  EXPECT_EQ(s.words[2].head, 0);
  EXPECT_EQ(s.words[11].head, 3);
  EXPECT_EQ(s.words[11].deprel, "ccomp");
  EXPECT_EQ(s.words[12].head, 3);
  // Ohio, the indirect object, controls "to publish": what one asks
  // another to do is no claim; the one asked is the object of asking.
  lexicon_.AddPredicate("ask", "request", "entity");
  std::vector<std::string> keys = Keys(s);
  EXPECT_FALSE(Has(keys, "Vexa | ask publish | rules"));
  EXPECT_FALSE(Has(keys, "Ohio | publish | rules"));
  EXPECT_TRUE(Has(keys, "Vexa | request | Ohio"));
}

TEST_F(ExtractRulesTest, BareNameAfterTheObjectIsItsApposition) {
  // Ohio hired an outside firm , Vexa Systems , to build drones .
  Sentence s =
      Parsed({"Ohio/Ohio/PROPN/NNP/2/nsubj", "hired/hire/VERB/VBD/0/root",
              "an/a/DET/DT/5/det", "outside/outside/ADJ/JJ/5/amod",
              "firm/firm/NOUN/NN/2/obj", ",/,/PUNCT/,/8/punct",
              "Vexa/Vexa/PROPN/NNP/8/compound",
              "Systems/Systems/PROPN/NNPS/2/obl", ",/,/PUNCT/,/11/punct",
              "to/to/PART/TO/11/mark", "build/build/VERB/VB/2/advcl",
              "drones/drone/NOUN/NNS/11/obj", "././PUNCT/./2/punct"});
  lexicon_.AddPredicate("hire", "contract", "entity");
  Sentence unmarked = s;
  unmarked.words[7].deprel = "obl:unmarked";
  ASSERT_TRUE(RepairBareObliqueName(&unmarked));
  EXPECT_EQ(unmarked.words[7].deprel, "appos");
  ASSERT_TRUE(RepairBareObliqueName(&s));
  EXPECT_EQ(s.words[7].head, 5);
  EXPECT_EQ(s.words[7].deprel, "appos");
  EXPECT_TRUE(Has(Keys(s), "Ohio | contract | Vexa Systems"));
  // With a preposition the name is a real oblique.
  Sentence t =
      Parsed({"Ohio/Ohio/PROPN/NNP/2/nsubj", "hired/hire/VERB/VBD/0/root",
              "a/a/DET/DT/4/det", "firm/firm/NOUN/NN/2/obj",
              ",/,/PUNCT/,/7/punct", "in/in/ADP/IN/7/case",
              "Toledo/Toledo/PROPN/NNP/2/obl", ",/,/PUNCT/,/9/punct",
              "quickly/quickly/ADV/RB/2/advmod", "././PUNCT/./2/punct"});
  EXPECT_FALSE(RepairBareObliqueName(&t));
}

TEST_F(ExtractRulesTest, ByPhraseOnAYearIsThePassiveAgent) {
  // The company was acquired in 2022 by Halvern Group .
  Sentence s =
      Parsed({"The/the/DET/DT/2/det", "company/company/NOUN/NN/4/nsubj:pass",
              "was/be/AUX/VBD/4/aux:pass", "acquired/acquire/VERB/VBN/0/root",
              "in/in/ADP/IN/6/case", "2022/2022/NUM/CD/4/obl",
              "by/by/ADP/IN/9/case", "Halvern/Halvern/PROPN/NNP/9/compound",
              "Group/Group/PROPN/NNP/6/nmod", "././PUNCT/./4/punct"});
  ASSERT_TRUE(RepairAgentOnNumber(&s));
  EXPECT_EQ(s.words[8].head, 4);
  EXPECT_EQ(s.words[8].deprel, "obl:agent");
  EXPECT_TRUE(Has(Keys(s), "Halvern Group | acquire | company"));
  // Another preposition on the year stays: "in 2022 of all years".
  Sentence t =
      Parsed({"The/the/DET/DT/2/det", "company/company/NOUN/NN/4/nsubj:pass",
              "was/be/AUX/VBD/4/aux:pass", "acquired/acquire/VERB/VBN/0/root",
              "in/in/ADP/IN/6/case", "2022/2022/NUM/CD/4/obl",
              "of/of/ADP/IN/9/case", "all/all/DET/DT/9/det",
              "years/year/NOUN/NNS/6/nmod", "././PUNCT/./4/punct"});
  EXPECT_FALSE(RepairAgentOnNumber(&t));
}

TEST_F(ExtractRulesTest, MoreThanAnAmountMakesTheAmountTheObject) {
  // Texas has spent more than $ 11 billion on the operation .
  Sentence s =
      Parsed({"Texas/Texas/PROPN/NNP/3/nsubj", "has/have/AUX/VBZ/3/aux",
              "spent/spend/VERB/VBN/0/root", "more/more/ADJ/JJR/3/obj",
              "than/than/ADP/IN/6/case", "$/$/SYM/$/3/obl",
              "11/11/NUM/CD/8/compound", "billion/billion/NUM/CD/6/nummod",
              "on/on/ADP/IN/11/case", "the/the/DET/DT/11/det",
              "operation/operation/NOUN/NN/3/obl", "././PUNCT/./3/punct"});
  ASSERT_TRUE(RepairMoreThan(&s));
  EXPECT_EQ(s.words[5].head, 3);
  EXPECT_EQ(s.words[5].deprel, "obj");
  EXPECT_EQ(s.words[3].head, 6);
  EXPECT_EQ(s.words[3].deprel, "advmod");
  EXPECT_EQ(s.words[4].head, 4);
  EXPECT_EQ(s.words[4].deprel, "fixed");
  EXPECT_FALSE(RepairMoreThan(&s));  // Already the usual shape.
}

TEST_F(ExtractRulesTest, AppositionRenamesTheNounBeforeTheComma) {
  // Scans are kept with badges stored in the Vexa Vault ( VV ) , a cloud
  // archive that Ohio built .
  Sentence s = Parsed({"Scans/scan/NOUN/NNS/3/nsubj:pass",
                       "are/be/AUX/VBP/3/aux:pass",
                       "kept/keep/VERB/VBN/0/root",
                       "with/with/ADP/IN/5/case",
                       "badges/badge/NOUN/NNS/3/obl",
                       "stored/store/VERB/VBN/5/acl",
                       "in/in/ADP/IN/10/case",
                       "the/the/DET/DT/10/det",
                       "Vexa/Vexa/PROPN/NNP/10/compound",
                       "Vault/Vault/PROPN/NNP/6/obl",
                       "(/(/PUNCT/-LRB-/12/punct",
                       "VV/VV/PROPN/NNP/10/appos",
                       ")/)/PUNCT/-RRB-/12/punct",
                       ",/,/PUNCT/,/17/punct",
                       "a/a/DET/DT/17/det",
                       "cloud/cloud/NOUN/NN/17/compound",
                       "archive/archive/NOUN/NN/5/appos",
                       "that/that/PRON/WDT/20/obj",
                       "Ohio/Ohio/PROPN/NNP/20/nsubj",
                       "built/build/VERB/VBD/17/acl:relcl",
                       "././PUNCT/./3/punct"});
  ASSERT_TRUE(RepairDistantApposition(&s));
  EXPECT_EQ(s.words[16].head, 10);
  std::vector<std::string> keys = Keys(s);
  EXPECT_TRUE(Has(keys, "Vexa Vault | is_a | cloud archive"));
  EXPECT_TRUE(Has(keys, "Ohio | build | Vexa Vault"));
  // Without a clause in between the apposition keeps its head: "the head
  // of the agency, a veteran" renames the head.
  Sentence t = Parsed({"Ana/Ana/PROPN/NNP/9/nsubj", ",/,/PUNCT/,/4/punct",
                       "the/the/DET/DT/4/det", "head/head/NOUN/NN/1/appos",
                       "of/of/ADP/IN/6/case", "Vexa/Vexa/PROPN/NNP/4/nmod",
                       ",/,/PUNCT/,/8/punct", "a/a/DET/DT/8/det",
                       "veteran/veteran/NOUN/NN/4/appos",
                       "left/leave/VERB/VBD/0/root", "././PUNCT/./10/punct"});
  t.words[0].head = 10;
  EXPECT_FALSE(RepairDistantApposition(&t));
}

TEST_F(ExtractRulesTest, RelativeClauseFollowsTheNearestNoun) {
  // Bids went to a network run by Vexa , a firm based in Ohio that sells
  // drones . ("that sells" hung on "network".)
  Sentence s =
      Parsed({"Bids/bid/NOUN/NNS/2/nsubj", "went/go/VERB/VBD/0/root",
              "to/to/ADP/IN/5/case", "a/a/DET/DT/5/det",
              "network/network/NOUN/NN/2/obl", "run/run/VERB/VBN/5/acl",
              "by/by/ADP/IN/8/case", "Vexa/Vexa/PROPN/NNP/6/obl:agent",
              ",/,/PUNCT/,/11/punct", "a/a/DET/DT/11/det",
              "firm/firm/NOUN/NN/8/appos", "based/base/VERB/VBN/11/acl",
              "in/in/ADP/IN/14/case", "Ohio/Ohio/PROPN/NNP/12/obl",
              "that/that/PRON/WDT/16/nsubj", "sells/sell/VERB/VBZ/5/acl:relcl",
              "drones/drone/NOUN/NNS/16/obj", "././PUNCT/./2/punct"});
  lexicon_.AddPredicate("sell", "sell", "entity");
  ASSERT_TRUE(RepairDistantApposition(&s));
  EXPECT_EQ(s.words[15].head, 14);
  EXPECT_TRUE(Has(Keys(s), "Vexa | sell | drones"));
  // "X, the state's plan, which Y launched", the clause hung on the
  // predicate: it goes to the apposition.
  Sentence t =
      Parsed({"Aid/aid/NOUN/NN/3/nsubj", "is/be/AUX/VBZ/3/cop",
              "part/part/NOUN/NN/0/root", "of/of/ADP/IN/5/case",
              "Harvest/Harvest/PROPN/NNP/3/nmod", ",/,/PUNCT/,/9/punct",
              "the/the/DET/DT/8/det", "state/state/NOUN/NN/9/nmod:poss",
              "plan/plan/NOUN/NN/5/appos", ",/,/PUNCT/,/13/punct",
              "which/which/PRON/WDT/13/obj", "Ana/Ana/PROPN/NNP/13/nsubj",
              "launched/launch/VERB/VBD/3/acl:relcl", "././PUNCT/./3/punct"});
  ASSERT_TRUE(RepairDistantApposition(&t));
  EXPECT_EQ(t.words[12].head, 9);
}

TEST_F(ExtractRulesTest, WhatAJoiningVerbJoinsWithItsObjectIsJoined) {
  // The bridge connects Toledo with Dayton .
  Sentence s =
      Parsed({"The/the/DET/DT/2/det", "Erie/Erie/PROPN/NNP/3/nsubj",
              "connects/connect/VERB/VBZ/0/root",
              "Toledo/Toledo/PROPN/NNP/3/obj", "with/with/ADP/IN/6/case",
              "Dayton/Dayton/PROPN/NNP/4/nmod", "././PUNCT/./3/punct"});
  ASSERT_TRUE(RepairJoinedPartner(&s));
  EXPECT_EQ(s.words[5].deprel, "conj");
  std::vector<std::string> keys = Keys(s);
  EXPECT_TRUE(Has(keys, "Erie | connect | Toledo"));
  EXPECT_TRUE(Has(keys, "Erie | connect | Dayton"));
  // Other verbs keep "with" on the object ("compared Toledo with Dayton").
  s.words[2].lemma = "compare";
  s.words[4].deprel = "case";
  s.words[5].deprel = "nmod";
  EXPECT_FALSE(RepairJoinedPartner(&s));
}

TEST_F(ExtractRulesTest, NoListWithoutAConjunction) {
  // The plan , which Ana signed , bars firms ... with "bars" as a noun and
  // "firms" as a conjunct of "plan".
  Sentence s =
      Parsed({"The/the/DET/DT/2/det", "plan/plan/NOUN/NN/0/root",
              ",/,/PUNCT/,/5/punct", "which/which/PRON/WDT/5/obj",
              "Ana/Ana/PROPN/NNP/5/nsubj", "signed/sign/VERB/VBD/2/acl:relcl",
              ",/,/PUNCT/,/8/punct", "bars/bar/NOUN/NNS/8/compound",
              "firms/firm/NOUN/NNS/2/conj", "././PUNCT/./2/punct"});
  s.words[3].head = 6;
  s.words[4].head = 6;
  s.words[2].head = 6;
  std::vector<std::string> keys = Keys(s);
  EXPECT_FALSE(Has(keys, "Ana | sign | bars firms"));
}

TEST_F(ExtractRulesTest, LettingAndChargesAndHelpingStateNoFact) {
  // Ohio bought the app to let drivers file forms .
  Sentence let =
      Parsed({"Ohio/Ohio/PROPN/NNP/2/nsubj", "bought/buy/VERB/VBD/0/root",
              "the/the/DET/DT/4/det", "app/app/NOUN/NN/2/obj",
              "to/to/PART/TO/6/mark", "let/let/VERB/VB/2/advcl",
              "drivers/driver/NOUN/NNS/6/obj", "file/file/NOUN/NN/9/compound",
              "forms/form/NOUN/NNS/7/obj", "././PUNCT/./2/punct"});
  std::vector<std::string> keys = Keys(let);
  EXPECT_EQ(std::count_if(keys.begin(), keys.end(),
                          [](const std::string& k) {
                            return k.find("| let |") != std::string::npos;
                          }),
            0);
  // Ohio charged 3 people with assaulting or impeding agents , Ana said .
  Sentence charge = Parsed(
      {"Ohio/Ohio/PROPN/NNP/2/nsubj", "charged/charge/VERB/VBD/11/ccomp",
       "3/3/NUM/CD/4/nummod", "people/people/NOUN/NNS/2/obj",
       "with/with/SCONJ/IN/6/mark", "assaulting/assault/VERB/VBG/11/advcl",
       "or/or/CCONJ/CC/8/cc", "impeding/impede/VERB/VBG/6/conj",
       "agents/agent/NOUN/NNS/8/obj", ",/,/PUNCT/,/11/punct",
       "said/say/VERB/VBD/0/root", "././PUNCT/./11/punct"});
  charge.words[9].form = ",";
  keys = Keys(charge);
  for (const std::string& k : keys) {
    EXPECT_EQ(k.find("imped"), std::string::npos) << k;
    EXPECT_EQ(k.find("assault"), std::string::npos) << k;
  }
  // Ohio hired Vexa to help design the plan .
  Sentence help =
      Parsed({"Ohio/Ohio/PROPN/NNP/2/nsubj", "hired/hire/VERB/VBD/0/root",
              "Vexa/Vexa/PROPN/NNP/2/obj", "to/to/PART/TO/5/mark",
              "help/help/VERB/VB/2/advcl", "design/design/VERB/VB/5/xcomp",
              "the/the/DET/DT/8/det", "plan/plan/NOUN/NN/6/obj",
              "././PUNCT/./2/punct"});
  keys = Keys(help);
  for (const std::string& k : keys) {
    EXPECT_EQ(k.find("help"), std::string::npos) << k;
  }
}

TEST_F(ExtractRulesTest, WhoseThingIsSubjectWhereverTheParseHungIt) {
  // Ana Ruiz , a Republican whose district includes Toledo , left .
  Sentence s = Parsed(
      {"Ana/Ana/PROPN/NNP/9/nsubj", "Ruiz/Ruiz/PROPN/NNP/1/flat",
       ",/,/PUNCT/,/7/punct", "a/a/DET/DT/7/det",
       "Republican/Republican/PROPN/NNP/7/compound",
       "whose/whose/PRON/WP$/7/compound", "district/district/NOUN/NN/1/appos",
       "includes/include/VERB/VBZ/0/root", "Toledo/Toledo/PROPN/NNP/8/obj",
       ",/,/PUNCT/,/11/punct", "left/leave/VERB/VBD/8/parataxis",
       "././PUNCT/./8/punct"});
  s.words[0].head = 8;
  std::vector<std::string> keys = Keys(s);
  for (const std::string& k : keys) {
    EXPECT_EQ(k.find("include"), std::string::npos) << k;
  }
}

}  // namespace
}  // namespace claimgraph
