// Attribution and time rules for the strict own-gold score, each on a
// hand-written, hand-parsed sentence: a trailing "..., X said." whatever
// the parse hangs it on, "according to X" at either end of a sentence,
// documents as speakers, hedging adverbs, and bare months.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extract_rules_fixture.h"
#include "parsed_sentence_util.h"

namespace claimgraph {
namespace {

using testing_util::ExtractRulesTest;
using testing_util::Parsed;

// The claim with `key`, or null.
const Claim* Find(const std::vector<ExtractedClaim>& claims,
                  const std::vector<std::string>& keys,
                  const std::string& key) {
  auto it = std::find(keys.begin(), keys.end(), key);
  return it == keys.end() ? nullptr : &claims[it - keys.begin()].claim;
}

std::string Time(const Claim& c) {
  for (const auto& q : c.qualifiers()) {
    if (q.key() == "time") return q.value();
  }
  return "";
}

constexpr char kAcquired[] = "Kestrel LLC | acquire | Orvell Corp.";

// "Kestrel LLC acquired Orvell Corp. , Ana Ruiz said ." with `said` on
// `head` as `rel` and tagged `tag`; Ruiz is its nsubj unless `rel` is acl.
Sentence AcquiredSaid(const std::string& head, const std::string& rel,
                      const std::string& tag) {
  std::string ruiz = rel == "acl" ? "Ruiz/Ruiz/PROPN/NNP/" + head + "/obj"
                                  : "Ruiz/Ruiz/PROPN/NNP/9/nsubj";
  std::string said_head = rel == "acl" ? "8" : head;
  return Parsed(
      {"Kestrel/Kestrel/PROPN/NNP/2/compound", "LLC/LLC/PROPN/NNP/3/nsubj",
       "acquired/acquire/VERB/VBD/0/root", "Orvell/Orvell/PROPN/NNP/5/compound",
       "Corp./Corp./PROPN/NNP/3/obj", ",/,/PUNCT/,/9/punct",
       "Ana/Ana/PROPN/NNP/8/compound", ruiz,
       "said/say/VERB/" + tag + "/" + said_head + "/" + rel,
       "././PUNCT/./3/punct"});
}

TEST_F(ExtractRulesTest, TrailingSaidParsedAsConjunctReportsTheSentence) {
  std::vector<std::string> keys = Keys(AcquiredSaid("3", "conj", "VBD"));
  const Claim* c = Find(claims_, keys, kAcquired);
  ASSERT_NE(c, nullptr) << keys.size();
  EXPECT_EQ(c->attribution().stance(), REPORTED);
  EXPECT_EQ(c->attribution().speaker().name(), "Ana Ruiz");
  EXPECT_EQ(c->attribution().cue(), "said");
}

TEST_F(ExtractRulesTest, TrailingSaidParsedAsReducedRelativeReports) {
  // The parser made "Ana Ruiz said" a noun with a reduced relative, hung on
  // the object; a finite "said" still reports the sentence.
  std::vector<std::string> keys = Keys(AcquiredSaid("5", "acl", "VBD"));
  const Claim* c = Find(claims_, keys, kAcquired);
  ASSERT_NE(c, nullptr) << keys.size();
  EXPECT_EQ(c->attribution().stance(), REPORTED);
  EXPECT_EQ(c->attribution().speaker().name(), "Ana Ruiz");
  // A participle ("the man said to be ...") is a real reduced relative.
  keys = Keys(AcquiredSaid("5", "acl", "VBN"));
  c = Find(claims_, keys, kAcquired);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->attribution().stance(), ASSERTED);
}

TEST_F(ExtractRulesTest, TrailingSaidLeavesRelativeClausesAsserted) {
  // Kestrel LLC , which builds drones , acquired Orvell Corp. , Ana Ruiz
  // said .
  Sentence s = Parsed(
      {"Kestrel/Kestrel/PROPN/NNP/2/compound", "LLC/LLC/PROPN/NNP/7/nsubj",
       ",/,/PUNCT/,/5/punct", "which/which/PRON/WDT/5/nsubj",
       "builds/build/VERB/VBZ/2/acl:relcl", "drones/drone/NOUN/NNS/5/obj",
       "acquired/acquire/VERB/VBD/0/root", "Orvell/Orvell/PROPN/NNP/9/compound",
       "Corp./Corp./PROPN/NNP/7/obj", ",/,/PUNCT/,/13/punct",
       "Ana/Ana/PROPN/NNP/12/compound", "Ruiz/Ruiz/PROPN/NNP/13/nsubj",
       "said/say/VERB/VBD/7/conj", "././PUNCT/./7/punct"});
  std::vector<std::string> keys = Keys(s);
  const Claim* acquired = Find(claims_, keys, kAcquired);
  ASSERT_NE(acquired, nullptr) << keys.size();
  EXPECT_EQ(acquired->attribution().stance(), REPORTED);
  const Claim* builds = Find(claims_, keys, "Kestrel LLC | build | drones");
  ASSERT_NE(builds, nullptr) << keys.size();
  EXPECT_EQ(builds->attribution().stance(), ASSERTED);
  EXPECT_FALSE(builds->attribution().has_speaker());
}

// "Kestrel LLC acquired Orvell Corp. , according to court records ." with
// the source hung on the object (a common misparse).
Sentence AcquiredAccordingTo() {
  return Parsed(
      {"Kestrel/Kestrel/PROPN/NNP/2/compound", "LLC/LLC/PROPN/NNP/3/nsubj",
       "acquired/acquire/VERB/VBD/0/root", "Orvell/Orvell/PROPN/NNP/5/compound",
       "Corp./Corp./PROPN/NNP/3/obj", ",/,/PUNCT/,/10/punct",
       "according/accord/VERB/VBG/10/case", "to/to/ADP/IN/7/fixed",
       "court/court/NOUN/NN/10/compound", "records/record/NOUN/NNS/5/nmod",
       "././PUNCT/./3/punct"});
}

TEST_F(ExtractRulesTest, ClosingAccordingToIsTheSentencesDocumentSource) {
  std::vector<std::string> keys = Keys(AcquiredAccordingTo());
  const Claim* c = Find(claims_, keys, kAcquired);
  ASSERT_NE(c, nullptr) << keys.size();
  EXPECT_EQ(c->attribution().stance(), REPORTED);
  EXPECT_EQ(c->attribution().cue(), "according to");
  EXPECT_EQ(c->attribution().speaker().name(), "court records");
  EXPECT_EQ(c->attribution().speaker().type(), DOCUMENT);
}

TEST_F(ExtractRulesTest, HedgingAdverbStaysAllegedWithASource) {
  // Kestrel LLC allegedly acquired Orvell Corp. , according to court
  // records .
  std::vector<std::string> items = {"Kestrel/Kestrel/PROPN/NNP/2/compound",
                                    "LLC/LLC/PROPN/NNP/4/nsubj",
                                    "allegedly/allegedly/ADV/RB/4/advmod",
                                    "acquired/acquire/VERB/VBD/0/root",
                                    "Orvell/Orvell/PROPN/NNP/6/compound",
                                    "Corp./Corp./PROPN/NNP/4/obj",
                                    ",/,/PUNCT/,/11/punct",
                                    "according/accord/VERB/VBG/11/case",
                                    "to/to/ADP/IN/8/fixed",
                                    "court/court/NOUN/NN/11/compound",
                                    "records/record/NOUN/NNS/4/obl",
                                    "././PUNCT/./4/punct"};
  std::vector<std::string> keys = Keys(Parsed(items));
  const Claim* c = Find(claims_, keys, kAcquired);
  ASSERT_NE(c, nullptr) << keys.size();
  EXPECT_EQ(c->attribution().stance(), ALLEGED);
  EXPECT_EQ(c->attribution().cue(), "allegedly");
  EXPECT_EQ(c->attribution().speaker().name(), "court records");
  // "reportedly" hedges the same way.
  items[2] = "reportedly/reportedly/ADV/RB/4/advmod";
  keys = Keys(Parsed(items));
  c = Find(claims_, keys, kAcquired);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->attribution().stance(), ALLEGED);
}

// "Kestrel LLC acquired Orvell Corp. , a spokesperson for Brightline Inc.
// said ." with the spokesperson hung on the object as an apposition and
// "said" the root over the clause (ccomp), as a parser did.
Sentence AcquiredSpokespersonSaid() {
  return Parsed(
      {"Kestrel/Kestrel/PROPN/NNP/2/compound", "LLC/LLC/PROPN/NNP/3/nsubj",
       "acquired/acquire/VERB/VBD/12/ccomp",
       "Orvell/Orvell/PROPN/NNP/5/compound", "Corp./Corp./PROPN/NNP/3/obj",
       ",/,/PUNCT/,/8/punct", "a/a/DET/DT/8/det",
       "spokesperson/spokesperson/NOUN/NN/5/appos", "for/for/ADP/IN/11/case",
       "Brightline/Brightline/PROPN/NNP/11/compound",
       "Inc./Inc./PROPN/NNP/8/nmod", "said/say/VERB/VBD/0/root",
       "././PUNCT/./12/punct"});
}

TEST_F(ExtractRulesTest, SpokespersonSpeaksForTheBodyAndIsRemembered) {
  std::vector<std::string> keys = Keys(AcquiredSpokespersonSaid());
  const Claim* c = Find(claims_, keys, kAcquired);
  ASSERT_NE(c, nullptr) << keys.size();
  EXPECT_EQ(c->attribution().stance(), REPORTED);
  EXPECT_EQ(c->attribution().speaker().name(), "Brightline Inc.");
  // Later, "..., the spokesperson said ." is the same body's.
  keys = Keys(Parsed(
      {"Kestrel/Kestrel/PROPN/NNP/2/compound", "LLC/LLC/PROPN/NNP/3/nsubj",
       "acquired/acquire/VERB/VBD/0/root", "Orvell/Orvell/PROPN/NNP/5/compound",
       "Corp./Corp./PROPN/NNP/3/obj", ",/,/PUNCT/,/9/punct",
       "the/the/DET/DT/8/det", "spokesperson/spokesperson/NOUN/NN/9/nsubj",
       "said/say/VERB/VBD/3/conj", "././PUNCT/./3/punct"}));
  c = Find(claims_, keys, kAcquired);
  ASSERT_NE(c, nullptr) << keys.size();
  EXPECT_EQ(c->attribution().speaker().name(), "Brightline Inc.");
}

TEST_F(ExtractRulesTest, DocumentsShowReportsWhatTheyShow) {
  // Court records show that Kestrel LLC acquired Orvell Corp. .
  std::vector<std::string> keys = Keys(Parsed(
      {"Court/court/NOUN/NN/2/compound", "records/record/NOUN/NNS/3/nsubj",
       "show/show/VERB/VBP/0/root", "that/that/SCONJ/IN/7/mark",
       "Kestrel/Kestrel/PROPN/NNP/6/compound", "LLC/LLC/PROPN/NNP/7/nsubj",
       "acquired/acquire/VERB/VBD/3/ccomp",
       "Orvell/Orvell/PROPN/NNP/9/compound", "Corp./Corp./PROPN/NNP/7/obj",
       "././PUNCT/./3/punct"}));
  const Claim* c = Find(claims_, keys, kAcquired);
  ASSERT_NE(c, nullptr) << keys.size();
  EXPECT_EQ(c->attribution().stance(), REPORTED);
  EXPECT_EQ(c->attribution().speaker().name(), "Court records");
  EXPECT_EQ(c->attribution().speaker().type(), DOCUMENT);
}

TEST_F(ExtractRulesTest, NounPhraseClaimsShareTheMainClausesSource) {
  // Kestrel LLC signed a contract with Orvell Corp. , according to court
  // records .
  std::vector<std::string> keys = Keys(Parsed(
      {"Kestrel/Kestrel/PROPN/NNP/2/compound", "LLC/LLC/PROPN/NNP/3/nsubj",
       "signed/sign/VERB/VBD/0/root", "a/a/DET/DT/5/det",
       "contract/contract/NOUN/NN/3/obj", "with/with/ADP/IN/8/case",
       "Orvell/Orvell/PROPN/NNP/8/compound", "Corp./Corp./PROPN/NNP/5/nmod",
       ",/,/PUNCT/,/13/punct", "according/accord/VERB/VBG/13/case",
       "to/to/ADP/IN/10/fixed", "court/court/NOUN/NN/13/compound",
       "records/record/NOUN/NNS/3/obl", "././PUNCT/./3/punct"}));
  const Claim* c = Find(claims_, keys, "Kestrel LLC | contract | Orvell Corp.");
  ASSERT_NE(c, nullptr) << keys.size();
  EXPECT_EQ(c->attribution().stance(), REPORTED);
  EXPECT_EQ(c->attribution().speaker().name(), "court records");
}

TEST_F(ExtractRulesTest, SurnameTaggedAsANounIsTheNamedPerson) {
  Keys(Parsed({"Ana/Ana/PROPN/NNP/2/compound", "Ruiz/Ruiz/PROPN/NNP/3/nsubj",
               "spoke/speak/VERB/VBD/0/root", "././PUNCT/./3/punct"}));
  // Ruiz said that Kestrel LLC acquired Orvell Corp. , with "Ruiz" tagged
  // as a plural common noun.
  std::vector<std::string> keys = Keys(Parsed(
      {"Ruiz/ruiz/NOUN/NNS/2/nsubj", "said/say/VERB/VBD/0/root",
       "that/that/SCONJ/IN/6/mark", "Kestrel/Kestrel/PROPN/NNP/5/compound",
       "LLC/LLC/PROPN/NNP/6/nsubj", "acquired/acquire/VERB/VBD/2/ccomp",
       "Orvell/Orvell/PROPN/NNP/8/compound", "Corp./Corp./PROPN/NNP/6/obj",
       "././PUNCT/./2/punct"}));
  const Claim* c = Find(claims_, keys, kAcquired);
  ASSERT_NE(c, nullptr) << keys.size();
  EXPECT_EQ(c->attribution().speaker().name(), "Ana Ruiz");
}

TEST_F(ExtractRulesTest, AnOfficeSpeaksForItself) {
  // The Ohio governor 's office said that Kestrel LLC acquired Orvell
  // Corp. .
  std::vector<std::string> keys = Keys(Parsed(
      {"The/the/DET/DT/3/det", "Ohio/Ohio/PROPN/NNP/3/compound",
       "governor/governor/NOUN/NN/5/nmod:poss", "'s/'s/PART/POS/3/case",
       "office/office/NOUN/NN/6/nsubj", "said/say/VERB/VBD/0/root",
       "that/that/SCONJ/IN/10/mark", "Kestrel/Kestrel/PROPN/NNP/9/compound",
       "LLC/LLC/PROPN/NNP/10/nsubj", "acquired/acquire/VERB/VBD/6/ccomp",
       "Orvell/Orvell/PROPN/NNP/12/compound", "Corp./Corp./PROPN/NNP/10/obj",
       "././PUNCT/./6/punct"}));
  const Claim* c = Find(claims_, keys, kAcquired);
  ASSERT_NE(c, nullptr) << keys.size();
  EXPECT_EQ(c->attribution().stance(), REPORTED);
  EXPECT_EQ(c->attribution().speaker().name(), "Ohio governor's office");
}

// "Kestrel LLC acquired Orvell Corp. in <month> ."
Sentence AcquiredIn(const std::string& month) {
  return Parsed(
      {"Kestrel/Kestrel/PROPN/NNP/2/compound", "LLC/LLC/PROPN/NNP/3/nsubj",
       "acquired/acquire/VERB/VBD/0/root", "Orvell/Orvell/PROPN/NNP/5/compound",
       "Corp./Corp./PROPN/NNP/3/obj", "in/in/ADP/IN/7/case",
       month + "/" + month + "/PROPN/NNP/3/obl", "././PUNCT/./3/punct"});
}

TEST_F(ExtractRulesTest, BareMonthIsTheLastOneBeforePublication) {
  // Published 2024-03-15: February is this year's, May last year's.
  std::vector<std::string> keys = Keys(AcquiredIn("February"));
  const Claim* c = Find(claims_, keys, kAcquired);
  ASSERT_NE(c, nullptr) << keys.size();
  EXPECT_EQ(Time(*c), "2024-02");
  keys = Keys(AcquiredIn("May"));
  c = Find(claims_, keys, kAcquired);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(Time(*c), "2023-05");
}

}  // namespace
}  // namespace claimgraph
