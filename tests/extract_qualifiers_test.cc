// Time and place qualifiers for the strict own-gold score, each on a
// hand-written, hand-parsed sentence: date ranges and "since", dates and
// places the parse hung on the object, conjoined places, "the X area".

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

constexpr char kAcquired[] = "Kestrel LLC | acquire | Orvell Corp.";

// The values of `key` of the claim with `key_of_claim`; {"?"} if none.
std::vector<std::string> Values(const std::vector<ExtractedClaim>& claims,
                                const std::vector<std::string>& keys,
                                const std::string& key_of_claim,
                                const std::string& key) {
  auto it = std::find(keys.begin(), keys.end(), key_of_claim);
  if (it == keys.end()) return {"?"};
  std::vector<std::string> out;
  for (const auto& q : claims[it - keys.begin()].claim.qualifiers()) {
    if (q.key() == key) out.push_back(q.value());
  }
  return out;
}

// "Kestrel LLC acquired Orvell Corp. <words> ." with the words' parse
// items numbered from 6.
Sentence Acquired(const std::vector<std::string>& words) {
  std::vector<std::string> items = {
      "Kestrel/Kestrel/PROPN/NNP/2/compound", "LLC/LLC/PROPN/NNP/3/nsubj",
      "acquired/acquire/VERB/VBD/0/root", "Orvell/Orvell/PROPN/NNP/5/compound",
      "Corp./Corp./PROPN/NNP/3/obj"};
  items.insert(items.end(), words.begin(), words.end());
  items.push_back("././PUNCT/./3/punct");
  return Parsed(items);
}

TEST_F(ExtractRulesTest, SinceRunsToPublicationAndBetweenIsAnInterval) {
  // ... since 2019 .  (published 2024-03-15)
  std::vector<std::string> keys =
      Keys(Acquired({"since/since/ADP/IN/7/case", "2019/2019/NUM/CD/3/obl"}));
  EXPECT_EQ(Values(claims_, keys, kAcquired, "time"),
            std::vector<std::string>{"2019/2024-03-15"});
  // ... between 2020 and 2022 .
  keys =
      Keys(Acquired({"between/between/ADP/IN/7/case", "2020/2020/NUM/CD/3/obl",
                     "and/and/CCONJ/CC/9/cc", "2022/2022/NUM/CD/7/conj"}));
  EXPECT_EQ(Values(claims_, keys, kAcquired, "time"),
            std::vector<std::string>{"2020/2022"});
  // ... between January and February : months of the publication year.
  keys = Keys(Acquired(
      {"between/between/ADP/IN/7/case", "January/January/PROPN/NNP/3/obl",
       "and/and/CCONJ/CC/9/cc", "February/February/PROPN/NNP/7/conj"}));
  EXPECT_EQ(Values(claims_, keys, kAcquired, "time"),
            std::vector<std::string>{"2024-01/2024-02"});
}

// "Kestrel LLC opened 12 offices <prep> <place words> ." with the place
// hung on "offices" (nmod), as parsers often do; the preposition is on
// word `place_head`.
Sentence Opened(const std::string& prep, const std::vector<std::string>& place,
                int place_head = 7) {
  std::vector<std::string> items = {
      "Kestrel/Kestrel/PROPN/NNP/2/compound",
      "LLC/LLC/PROPN/NNP/3/nsubj",
      "opened/open/VERB/VBD/0/root",
      "12/12/NUM/CD/5/nummod",
      "offices/office/NOUN/NNS/3/obj",
      prep + "/" + prep + "/ADP/IN/" + std::to_string(place_head) + "/case"};
  items.insert(items.end(), place.begin(), place.end());
  items.push_back("././PUNCT/./3/punct");
  return Parsed(items);
}

TEST_F(ExtractRulesTest, PlaceAndDateHungOnTheObjectQualifyTheClaim) {
  lexicon_.AddPredicate("open", "open", "value");
  // ... 12 offices in Ohio .
  std::vector<std::string> keys =
      Keys(Opened("in", {"Ohio/Ohio/PROPN/NNP/5/nmod"}));
  ASSERT_FALSE(keys.empty());
  EXPECT_EQ(Values(claims_, keys, keys[0], "place"),
            std::vector<std::string>{"Ohio"});
  // ... 12 offices since 2021 .
  keys = Keys(Opened("since", {"2021/2021/NUM/CD/5/nmod"}));
  ASSERT_FALSE(keys.empty());
  EXPECT_EQ(Values(claims_, keys, keys[0], "time"),
            std::vector<std::string>{"2021/2024-03-15"});
}

TEST_F(ExtractRulesTest, ConjoinedPlacesAreRepeatedQualifiers) {
  lexicon_.AddPredicate("open", "open", "value");
  KnownEntity utah;
  utah.name = "Utah";
  utah.type = LOCATION;
  utah.region = true;
  lexicon_.AddEntity(utah);
  // ... 12 offices in Ohio and Utah .
  std::vector<std::string> keys =
      Keys(Opened("in", {"Ohio/Ohio/PROPN/NNP/5/nmod", "and/and/CCONJ/CC/9/cc",
                         "Utah/Utah/PROPN/NNP/7/conj"}));
  ASSERT_FALSE(keys.empty());
  EXPECT_EQ(Values(claims_, keys, keys[0], "place"),
            (std::vector<std::string>{"Ohio", "Utah"}));
}

TEST_F(ExtractRulesTest, AreaOfANamedPlaceIsAPlaceOfItsOwn) {
  lexicon_.AddPredicate("open", "open", "value");
  // ... 12 offices in the Ohio area .
  std::vector<std::string> keys =
      Keys(Opened("in",
                  {"the/the/DET/DT/9/det", "Ohio/Ohio/PROPN/NNP/9/compound",
                   "area/area/NOUN/NN/5/nmod"},
                  9));
  ASSERT_FALSE(keys.empty());
  EXPECT_EQ(Values(claims_, keys, keys[0], "place"),
            std::vector<std::string>{"Ohio area"});
}

TEST_F(ExtractRulesTest, SeasonsAndQuartersResolveAgainstPublication) {
  // ... this spring .  (published 2024-03-15)
  std::vector<std::string> keys = Keys(
      Acquired({"this/this/DET/DT/7/det", "spring/spring/NOUN/NN/3/obl:tmod"}));
  EXPECT_EQ(Values(claims_, keys, kAcquired, "time"),
            std::vector<std::string>{"2024"});
  // ... in the first quarter : this year's; the second: last year's.
  std::vector<std::string> quarter = {
      "in/in/ADP/IN/9/case", "the/the/DET/DT/9/det",
      "first/first/ADJ/JJ/9/amod", "quarter/quarter/NOUN/NN/3/obl"};
  keys = Keys(Acquired(quarter));
  EXPECT_EQ(Values(claims_, keys, kAcquired, "time"),
            std::vector<std::string>{"2024-Q1"});
  quarter[2] = "second/second/ADJ/JJ/9/amod";
  keys = Keys(Acquired(quarter));
  EXPECT_EQ(Values(claims_, keys, kAcquired, "time"),
            std::vector<std::string>{"2023-Q2"});
}

TEST_F(ExtractRulesTest, FiscalYearIsItsYear) {
  // ... in the current fiscal year .
  std::vector<std::string> keys = Keys(
      Acquired({"in/in/ADP/IN/10/case", "the/the/DET/DT/10/det",
                "current/current/ADJ/JJ/10/amod",
                "fiscal/fiscal/ADJ/JJ/10/amod", "year/year/NOUN/NN/3/obl"}));
  EXPECT_EQ(Values(claims_, keys, kAcquired, "time"),
            std::vector<std::string>{"2024"});
}

TEST_F(ExtractRulesTest, ToInfinitiveAdverbialClauseIsThePurpose) {
  // ... to build a platform , according to a filing .  The parse hung the
  // attribution inside the purpose clause; it is not part of the purpose.
  std::vector<std::string> keys = Keys(
      Acquired({"to/to/PART/TO/7/mark", "build/build/VERB/VB/3/advcl",
                "a/a/DET/DT/9/det", "platform/platform/NOUN/NN/7/obj",
                ",/,/PUNCT/,/14/punct", "according/accord/VERB/VBG/14/case",
                "to/to/ADP/IN/11/fixed", "a/a/DET/DT/14/det",
                "filing/filing/NOUN/NN/9/nmod"}));
  EXPECT_EQ(Values(claims_, keys, kAcquired, "purpose"),
            std::vector<std::string>{"build a platform"});
  // ... because it wanted a platform : a reason, not a purpose.
  keys =
      Keys(Acquired({"because/because/SCONJ/IN/8/mark",
                     "it/it/PRON/PRP/8/nsubj", "wanted/want/VERB/VBD/3/advcl",
                     "a/a/DET/DT/10/det", "platform/platform/NOUN/NN/8/obj"}));
  EXPECT_EQ(Values(claims_, keys, kAcquired, "purpose"),
            std::vector<std::string>{});
}

}  // namespace
}  // namespace claimgraph
