// Clause repairs (parse_repair_clause.cc) and the widened attachment and
// trailing-report repairs, each on a hand-written, hand-parsed sentence with
// the attachment the word-cluster parser model chose, and a sentence the
// repair must leave alone.

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

bool HasPredicate(const std::vector<std::string>& keys,
                  const std::string& predicate) {
  return std::any_of(keys.begin(), keys.end(), [&](const std::string& k) {
    return k.find(" | " + predicate + " | ") != std::string::npos;
  });
}

TEST_F(ExtractRulesTest, WhoClauseAsParataxisIsRelative) {
  // Ana Ruiz , who leads the unit , built drones .
  Sentence s =
      Parsed({"Ana/Ana/PROPN/NNP/9/nsubj", "Ruiz/Ruiz/PROPN/NNP/1/flat",
              ",/,/PUNCT/,/5/punct", "who/who/PRON/WP/5/nsubj",
              "leads/lead/VERB/VBZ/1/parataxis", "the/the/DET/DT/7/det",
              "unit/unit/NOUN/NN/5/obj", ",/,/PUNCT/,/5/punct",
              "built/build/VERB/VBD/0/root", "drones/drone/NOUN/NNS/9/obj",
              "././PUNCT/./9/punct"});
  ASSERT_TRUE(RepairRelativeParataxis(&s));
  EXPECT_EQ(s.words[4].deprel, "acl:relcl");
  EXPECT_EQ(s.words[4].head, 1);
  EXPECT_TRUE(Has(Keys(s), "Ana Ruiz | build | drones"));
  // A parataxis that does not open with "who"/"which" stays.
  Sentence t =
      Parsed({"Ana/Ana/PROPN/NNP/0/root", "Ruiz/Ruiz/PROPN/NNP/1/flat",
              ",/,/PUNCT/,/5/punct", "she/she/PRON/PRP/5/nsubj",
              "leads/lead/VERB/VBZ/1/parataxis", "././PUNCT/./1/punct"});
  EXPECT_FALSE(RepairRelativeParataxis(&t));
}

TEST_F(ExtractRulesTest, FiniteVerbWithSubjectIsNoAdjective) {
  // Ana Ruiz released documents on Monday . ("released" tagged VBN as an
  // adjective of the root "documents".)
  Sentence s =
      Parsed({"Ana/Ana/PROPN/NNP/3/nsubj", "Ruiz/Ruiz/PROPN/NNP/1/flat",
              "released/release/VERB/VBN/4/amod",
              "documents/document/NOUN/NNS/0/root", "on/on/ADP/IN/6/case",
              "Monday/Monday/PROPN/NNP/4/nmod", "././PUNCT/./4/punct"});
  ASSERT_TRUE(RepairFiniteModifier(&s));
  EXPECT_EQ(s.words[2].head, 0);
  EXPECT_EQ(s.words[2].xpos, "VBD");
  EXPECT_EQ(s.words[3].head, 3);
  EXPECT_EQ(s.words[3].deprel, "obj");
  EXPECT_EQ(s.words[6].head, 3);
  // "The released documents" has no subject of its own: an adjective.
  Sentence t =
      Parsed({"The/the/DET/DT/3/det", "released/release/VERB/VBN/3/amod",
              "documents/document/NOUN/NNS/0/root", "././PUNCT/./3/punct"});
  EXPECT_FALSE(RepairFiniteModifier(&t));
}

TEST_F(ExtractRulesTest, NounRootAfterItsSubjectIsAVerb) {
  // The drones stand on land near Ohio . ("stand" a noun, "on land" a
  // clause marked by "on".)
  Sentence s = Parsed({"The/the/DET/DT/2/det", "drones/drone/NOUN/NNS/3/nsubj",
                       "stand/stand/NOUN/NN/0/root", "on/on/ADP/IN/5/mark",
                       "land/land/NOUN/NN/3/acl", "near/near/ADP/IN/7/case",
                       "Ohio/Ohio/PROPN/NNP/5/obl", "././PUNCT/./3/punct"});
  ASSERT_TRUE(RepairNounPredicate(&s));
  EXPECT_EQ(s.words[2].upos, "VERB");
  EXPECT_EQ(s.words[2].xpos, "VBP");
  EXPECT_EQ(s.words[3].deprel, "case");
  EXPECT_EQ(s.words[4].deprel, "obl");
  EXPECT_EQ(s.words[6].deprel, "nmod");
  // A noun root with a determiner of its own is a noun phrase.
  Sentence t = Parsed({"Drones/drone/NOUN/NNS/3/nsubj", "the/the/DET/DT/3/det",
                       "stand/stand/NOUN/NN/0/root", "././PUNCT/./3/punct"});
  EXPECT_FALSE(RepairNounPredicate(&t));
}

TEST_F(ExtractRulesTest, ShareBeforeASubjectlessVerbIsItsSubject) {
  // Of those , only 40 % passed the test .
  Sentence s = Parsed({"Of/of/ADP/IN/2/case", "those/those/PRON/DT/7/obl",
                       ",/,/PUNCT/,/2/punct", "only/only/ADV/RB/7/advmod",
                       "40/40/NUM/CD/6/nummod", "%/%/SYM/NN/7/obl:unmarked",
                       "passed/pass/VERB/VBD/0/root", "the/the/DET/DT/9/det",
                       "test/test/NOUN/NN/7/obj", "././PUNCT/./7/punct"});
  ASSERT_TRUE(RepairQuantitySubject(&s));
  EXPECT_EQ(s.words[5].deprel, "nsubj");
  // A verb with a subject keeps its quantity an oblique.
  Sentence t = Parsed({"40/40/NUM/CD/2/nummod", "%/%/SYM/NN/4/obl:unmarked",
                       "Ohio/Ohio/PROPN/NNP/4/nsubj",
                       "passed/pass/VERB/VBD/0/root", "././PUNCT/./4/punct"});
  EXPECT_FALSE(RepairQuantitySubject(&t));
}

TEST_F(ExtractRulesTest, CountedNounAfterAClosedListIsItsApposition) {
  // Drones fly near Toledo and Dayton , two cities in Ohio .
  Sentence s =
      Parsed({"Drones/drone/NOUN/NNS/2/nsubj", "fly/fly/VERB/VBP/0/root",
              "near/near/ADP/IN/4/case", "Toledo/Toledo/PROPN/NNP/2/obl",
              "and/and/CCONJ/CC/6/cc", "Dayton/Dayton/PROPN/NNP/4/conj",
              ",/,/PUNCT/,/9/punct", "two/two/NUM/CD/9/nummod",
              "cities/city/NOUN/NNS/4/conj", "in/in/ADP/IN/11/case",
              "Ohio/Ohio/PROPN/NNP/9/nmod", "././PUNCT/./2/punct"});
  ASSERT_TRUE(RepairCountedApposition(&s));
  EXPECT_EQ(s.words[8].deprel, "appos");
  EXPECT_EQ(s.words[5].deprel, "conj");
  // Without "and" before it the counted noun may be a list's member.
  Sentence t =
      Parsed({"Drones/drone/NOUN/NNS/2/nsubj", "fly/fly/VERB/VBP/0/root",
              "near/near/ADP/IN/4/case", "Toledo/Toledo/PROPN/NNP/2/obl",
              ",/,/PUNCT/,/7/punct", "two/two/NUM/CD/7/nummod",
              "cities/city/NOUN/NNS/4/conj", "././PUNCT/./2/punct"});
  EXPECT_FALSE(RepairCountedApposition(&t));
}

TEST_F(ExtractRulesTest, TitleInsideAnOfNameIsACompound) {
  // The Office of Inspector General ( OIG ) said ... (with the acronym on
  // "General" and "Inspector" as its title).
  Sentence s =
      Parsed({"The/the/DET/DT/2/det", "Office/Office/PROPN/NNP/9/nsubj",
              "of/of/ADP/IN/5/case", "Inspector/inspector/NOUN/NN/5/nmod:desc",
              "General/General/PROPN/NNP/2/nmod", "(/(/PUNCT/-LRB-/7/punct",
              "OIG/OIG/PROPN/NNP/5/appos", ")/)/PUNCT/-RRB-/7/punct",
              "said/say/VERB/VBD/0/root", "././PUNCT/./9/punct"});
  ASSERT_TRUE(RepairTitleInName(&s));
  EXPECT_EQ(s.words[3].deprel, "compound");
  ASSERT_TRUE(RepairAcronymHead(&s));
  EXPECT_EQ(s.words[6].head, 2);
  // A title before a person's name after "of" is a title ("Sen." is no
  // common noun), and an acronym that spells no phrase stays.
  Sentence t = Parsed({"the/the/DET/DT/2/det", "office/office/NOUN/NN/0/root",
                       "of/of/ADP/IN/5/case", "Sen./Sen./PROPN/NNP/5/nmod:desc",
                       "Ruiz/Ruiz/PROPN/NNP/2/nmod", "(/(/PUNCT/-LRB-/7/punct",
                       "XYZ/XYZ/PROPN/NNP/5/appos", ")/)/PUNCT/-RRB-/7/punct",
                       "././PUNCT/./2/punct"});
  EXPECT_FALSE(RepairTitleInName(&t));
  EXPECT_FALSE(RepairAcronymHead(&t));
}

TEST_F(ExtractRulesTest, PronounClauseAfterAnObjectIsRelative) {
  // The agency will keep the records it collects .
  Sentence s =
      Parsed({"The/the/DET/DT/2/det", "agency/agency/NOUN/NN/4/nsubj",
              "will/will/AUX/MD/4/aux", "keep/keep/VERB/VB/0/root",
              "the/the/DET/DT/6/det", "records/record/NOUN/NNS/8/obj",
              "it/it/PRON/PRP/8/nsubj", "collects/collect/VERB/VBZ/4/ccomp",
              "././PUNCT/./4/punct"});
  ASSERT_TRUE(RepairBareRelative(&s));
  EXPECT_EQ(s.words[7].deprel, "acl:relcl");
  EXPECT_EQ(s.words[7].head, 6);
  EXPECT_EQ(s.words[5].head, 4);
  // After a verb of saying the clause is what was said.
  Sentence t = Parsed({"Ana/Ana/PROPN/NNP/2/nsubj", "told/tell/VERB/VBD/0/root",
                       "the/the/DET/DT/4/det", "agency/agency/NOUN/NN/2/obj",
                       "it/it/PRON/PRP/6/nsubj", "lied/lie/VERB/VBD/2/ccomp",
                       "././PUNCT/./2/punct"});
  EXPECT_FALSE(RepairBareRelative(&t));
}

TEST_F(ExtractRulesTest, JoinedPartnerHungOnAnotherVerb) {
  // Ohio built the bridge , which connects Toledo , with Dayton . (with
  // "with Dayton" on "built")
  Sentence s = Parsed(
      {"Ohio/Ohio/PROPN/NNP/2/nsubj", "built/build/VERB/VBD/0/root",
       "the/the/DET/DT/4/det", "bridge/bridge/NOUN/NN/2/obj",
       ",/,/PUNCT/,/7/punct", "which/which/PRON/WDT/7/nsubj",
       "connects/connect/VERB/VBZ/4/acl:relcl", "Toledo/Toledo/PROPN/NNP/7/obj",
       ",/,/PUNCT/,/11/punct", "with/with/ADP/IN/11/case",
       "Dayton/Dayton/PROPN/NNP/2/obl", "././PUNCT/./2/punct"});
  ASSERT_TRUE(RepairJoinedPartner(&s));
  EXPECT_EQ(s.words[10].head, 8);
  EXPECT_EQ(s.words[10].deprel, "conj");
  EXPECT_EQ(s.words[9].deprel, "cc");
  // Words between the object and "with" keep the phrase where it was.
  Sentence t = Parsed(
      {"Ohio/Ohio/PROPN/NNP/2/nsubj", "built/build/VERB/VBD/0/root",
       "the/the/DET/DT/4/det", "bridge/bridge/NOUN/NN/2/obj",
       ",/,/PUNCT/,/7/punct", "which/which/PRON/WDT/7/nsubj",
       "connects/connect/VERB/VBZ/4/acl:relcl", "Toledo/Toledo/PROPN/NNP/7/obj",
       "today/today/NOUN/NN/2/obl:tmod", "with/with/ADP/IN/11/case",
       "Dayton/Dayton/PROPN/NNP/2/obl", "././PUNCT/./2/punct"});
  EXPECT_FALSE(RepairJoinedPartner(&t));
}

TEST_F(ExtractRulesTest, TrailingDefiniteSpeakerIsParataxis) {
  // Ohio bought drones , the group said in a letter released Monday .
  // ("the group" as a conjunct of "drones", "said" as its clause.)
  Sentence s = Parsed(
      {"Ohio/Ohio/PROPN/NNP/2/nsubj", "bought/buy/VERB/VBD/0/root",
       "drones/drone/NOUN/NNS/2/obj", ",/,/PUNCT/,/6/punct",
       "the/the/DET/DT/6/det", "group/group/NOUN/NN/3/conj",
       "said/say/VERB/VBD/3/acl", "in/in/ADP/IN/10/case", "a/a/DET/DT/10/det",
       "letter/letter/NOUN/NN/7/obl", "released/release/VERB/VBN/10/acl",
       "Monday/Monday/PROPN/NNP/11/obl", "././PUNCT/./2/punct"});
  ASSERT_TRUE(RepairTrailingReport(&s));
  EXPECT_EQ(s.words[6].head, 2);
  EXPECT_EQ(s.words[6].deprel, "parataxis");
  EXPECT_EQ(s.words[5].head, 7);
  EXPECT_EQ(s.words[5].deprel, "nsubj");
  EXPECT_EQ(s.words[4].deprel, "det");
  // A tail with a clause of its own ("said it would buy more") is no
  // trailing report.
  Sentence t =
      Parsed({"Ohio/Ohio/PROPN/NNP/2/nsubj", "bought/buy/VERB/VBD/0/root",
              "drones/drone/NOUN/NNS/2/obj", ",/,/PUNCT/,/6/punct",
              "the/the/DET/DT/6/det", "group/group/NOUN/NN/3/conj",
              "said/say/VERB/VBD/3/acl", "it/it/PRON/PRP/9/nsubj",
              "would/would/AUX/MD/9/aux", "buy/buy/VERB/VB/7/ccomp",
              "more/more/ADJ/JJR/9/obj", "././PUNCT/./2/punct"});
  EXPECT_FALSE(RepairTrailingReport(&t));
}

TEST_F(ExtractRulesTest, NounRootWithReducedRelativeVerb) {
  // Patrol agents searched plate data . ("searched" a participle of the
  // root "agents" with an object of its own.)
  Sentence s = Parsed(
      {"Patrol/Patrol/PROPN/NNP/2/compound", "agents/agent/NOUN/NNS/0/root",
       "searched/search/VERB/VBN/2/acl", "plate/plate/NOUN/NN/5/compound",
       "data/data/NOUN/NNS/3/obj", "././PUNCT/./2/punct"});
  ASSERT_TRUE(RepairNounRoot(&s));
  EXPECT_EQ(s.words[2].head, 0);
  EXPECT_EQ(s.words[1].head, 3);
  EXPECT_EQ(s.words[1].deprel, "nsubj");
  // Without an object the participle may well modify the noun.
  Sentence t =
      Parsed({"Patrol/Patrol/PROPN/NNP/2/compound",
              "agents/agent/NOUN/NNS/0/root", "searched/search/VERB/VBN/2/acl",
              "yesterday/yesterday/NOUN/NN/3/obl", "././PUNCT/./2/punct"});
  EXPECT_FALSE(RepairNounRoot(&t));
}

TEST_F(ExtractRulesTest, JudgingVerbsGiveNoClaim) {
  // Ana Ruiz credited new cameras . / Ana Ruiz built new cameras .
  std::vector<std::string> judged =
      Keys(Parsed({"Ana/Ana/PROPN/NNP/3/nsubj", "Ruiz/Ruiz/PROPN/NNP/1/flat",
                   "credited/credit/VERB/VBD/0/root", "new/new/ADJ/JJ/5/amod",
                   "cameras/camera/NOUN/NNS/3/obj", "././PUNCT/./3/punct"}));
  EXPECT_FALSE(HasPredicate(judged, "credit"));
  std::vector<std::string> built =
      Keys(Parsed({"Ana/Ana/PROPN/NNP/3/nsubj", "Ruiz/Ruiz/PROPN/NNP/1/flat",
                   "built/build/VERB/VBD/0/root", "new/new/ADJ/JJ/5/amod",
                   "cameras/camera/NOUN/NNS/3/obj", "././PUNCT/./3/punct"}));
  EXPECT_TRUE(HasPredicate(built, "build"));
}

TEST_F(ExtractRulesTest, SourcesOwnAppositionIsTheWriters) {
  // Drones flew over Ohio , according to a report by Vexa Watch , an
  // advocacy group . (Vexa Watch is_a advocacy group: the writer's
  // description of the source, not what the report says.)
  std::vector<std::string> keys = Keys(
      Parsed({"Drones/drone/NOUN/NNS/2/nsubj", "flew/fly/VERB/VBD/0/root",
              "over/over/ADP/IN/4/case", "Ohio/Ohio/PROPN/NNP/2/obl",
              ",/,/PUNCT/,/9/punct", "according/accord/VERB/VBG/9/case",
              "to/to/ADP/IN/6/fixed", "a/a/DET/DT/9/det",
              "report/report/NOUN/NN/2/obl", "by/by/ADP/IN/12/case",
              "Vexa/Vexa/PROPN/NNP/12/compound", "Watch/Watch/PROPN/NNP/9/nmod",
              ",/,/PUNCT/,/16/punct", "an/a/DET/DT/16/det",
              "advocacy/advocacy/NOUN/NN/16/compound",
              "group/group/NOUN/NN/12/appos", "././PUNCT/./2/punct"}));
  bool found = false;
  for (const ExtractedClaim& c : claims_) {
    if (testing_util::Key(c.claim) != "Vexa Watch | is_a | advocacy group")
      continue;
    found = true;
    EXPECT_EQ(c.claim.attribution().stance(), ASSERTED);
    EXPECT_FALSE(c.claim.attribution().has_speaker());
  }
  EXPECT_TRUE(found) << ::testing::PrintToString(keys);
}

TEST_F(ExtractRulesTest, NounModifierOfANounPredicateIsItsOblique) {
  // The drones stand on land near Ohio . ("on land" a noun modifier.)
  Sentence s = Parsed({"The/the/DET/DT/2/det", "drones/drone/NOUN/NNS/3/nsubj",
                       "stand/stand/NOUN/NN/0/root", "on/on/ADP/IN/5/case",
                       "land/land/NOUN/NN/3/nmod", "near/near/ADP/IN/7/case",
                       "Ohio/Ohio/PROPN/NNP/5/nmod", "././PUNCT/./3/punct"});
  ASSERT_TRUE(RepairNounPredicate(&s));
  EXPECT_EQ(s.words[4].deprel, "obl");
  EXPECT_EQ(s.words[6].deprel, "nmod");
}

TEST_F(ExtractRulesTest, NounCompoundOfAParticipleIsItsObject) {
  // Patrol agents searched plate data . ("data" a compound of the verb.)
  Sentence s = Parsed(
      {"Patrol/Patrol/PROPN/NNP/2/compound", "agents/agent/NOUN/NNS/0/root",
       "searched/search/VERB/VBN/2/acl", "plate/plate/NOUN/NN/5/compound",
       "data/data/NOUN/NNS/3/compound", "././PUNCT/./2/punct"});
  ASSERT_TRUE(RepairNounRoot(&s));
  EXPECT_EQ(s.words[2].head, 0);
  EXPECT_EQ(s.words[4].deprel, "obj");
}

TEST_F(ExtractRulesTest, CallingWithTheNameAsAppositionRelatesNothing) {
  // Ana Ruiz called the drones " a waste " . / Ana Ruiz built the drones .
  std::vector<std::string> called =
      Keys(Parsed({"Ana/Ana/PROPN/NNP/3/nsubj", "Ruiz/Ruiz/PROPN/NNP/1/flat",
                   "called/call/VERB/VBD/0/root", "the/the/DET/DT/5/det",
                   "drones/drone/NOUN/NNS/3/obj", "\"/\"/PUNCT/``/8/punct",
                   "a/a/DET/DT/8/det", "waste/waste/NOUN/NN/5/appos",
                   "\"/\"/PUNCT/''/8/punct", "././PUNCT/./3/punct"}));
  EXPECT_FALSE(HasPredicate(called, "call"));
  std::vector<std::string> built =
      Keys(Parsed({"Ana/Ana/PROPN/NNP/3/nsubj", "Ruiz/Ruiz/PROPN/NNP/1/flat",
                   "called/call/VERB/VBD/0/root", "the/the/DET/DT/5/det",
                   "drones/drone/NOUN/NNS/3/obj", "././PUNCT/./3/punct"}));
  EXPECT_TRUE(HasPredicate(built, "call"));
}

}  // namespace
}  // namespace claimgraph
