// Claims from hand-parsed sentences (no trained model needed).

#include <gtest/gtest.h>

#include <sstream>

#include "extract/builder.h"
#include "extract/lexicon.h"
#include "extract/mentions.h"
#include "parsed_sentence_util.h"
#include "recognize/recognize.h"

namespace claimgraph {
namespace {

using testing_util::Parsed;

class ExtractTest : public ::testing::Test {
 protected:
  ExtractTest() {
    lexicon_.AddPredicate("award", "contract");
    lexicon_.AddGivenName("Peter", 'm');
    source_.set_outlet("Capitol Tech Review");
    source_.set_url("https://example.org/a");
    source_.set_published("2025-04-18");
  }

  std::vector<ExtractedClaim> Claims(const Sentence& s,
                                     DocumentMemory* memory) {
    RecognizeOptions options;
    options.reference_date = Date{2025, 4, 18};
    StatusOr<std::vector<Mention>> found = Recognize(s.text, options);
    EXPECT_TRUE(found.ok());
    mentions_ = *found;
    return SentenceClaims(s, mentions_, memory, source_, 100).Build();
  }

  Lexicon lexicon_;
  Source source_;
  std::vector<Mention> mentions_;
};

TEST_F(ExtractTest, CanonicalPredicateAndTypedEntities) {
  DocumentMemory memory(&lexicon_);
  Sentence s = Parsed(
      {"ICE/ICE/PROPN/NNP/2/nsubj", "awarded/award/VERB/VBD/0/root",
       "Palantir/Palantir/PROPN/NNP/2/obj",
       "Technologies/Technologies/PROPN/NNPS/3/flat", "././PUNCT/./2/punct"});
  std::vector<ExtractedClaim> claims = Claims(s, &memory);
  ASSERT_EQ(claims.size(), 1u);
  const Claim& c = claims[0].claim;
  EXPECT_EQ(c.subject().name(), "ICE");
  EXPECT_EQ(c.predicate(), "contract");
  EXPECT_EQ(c.object().name(), "Palantir Technologies");
  EXPECT_EQ(c.object().type(), COMPANY);
  ASSERT_EQ(c.evidence_size(), 1);
  EXPECT_EQ(c.evidence(0).sentence(), s.text);
  EXPECT_EQ(c.evidence(0).start(), 100u);
  EXPECT_EQ(c.evidence(0).source().outlet(), "Capitol Tech Review");
  EXPECT_EQ(c.extractor(), "claimgraph-extract:clause");
}

TEST_F(ExtractTest, PassiveAgentBecomesSubject) {
  DocumentMemory memory(&lexicon_);
  Sentence s =
      Parsed({"Palantir/Palantir/PROPN/NNP/7/nsubj", ",/,/PUNCT/,/3/punct",
              "founded/found/VERB/VBN/1/acl", "by/by/ADP/IN/5/case",
              "Peter/Peter/PROPN/NNP/3/obl", "Thiel/Thiel/PROPN/NNP/5/flat",
              "grew/grow/VERB/VBD/0/root", "././PUNCT/./7/punct"});
  std::vector<ExtractedClaim> claims = Claims(s, &memory);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].claim.subject().name(), "Peter Thiel");
  EXPECT_EQ(claims[0].claim.subject().type(), PERSON);
  EXPECT_EQ(claims[0].claim.predicate(), "found");
  EXPECT_EQ(claims[0].claim.object().name(), "Palantir");
}

TEST_F(ExtractTest, ValueClaimWithTimeAndSpeaker) {
  DocumentMemory memory(&lexicon_);
  // Officials detained 1,461 immigrants last month , Foley said .
  Sentence s =
      Parsed({"Officials/official/NOUN/NNS/2/nsubj",
              "detained/detain/VERB/VBD/9/ccomp", "1,461/1,461/NUM/CD/4/nummod",
              "immigrants/immigrant/NOUN/NNS/2/obj", "last/last/ADJ/JJ/6/amod",
              "month/month/NOUN/NN/2/obl:tmod", ",/,/PUNCT/,/2/punct",
              "Foley/Foley/PROPN/NNP/9/nsubj", "said/say/VERB/VBD/0/root",
              "././PUNCT/./9/punct"});
  std::vector<ExtractedClaim> claims = Claims(s, &memory);
  ASSERT_EQ(claims.size(), 1u);
  const Claim& c = claims[0].claim;
  EXPECT_EQ(c.subject().name(), "Officials");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c.value().amount(), 1461);
  EXPECT_EQ(c.value().unit(), "immigrants");
  bool has_time = false;
  for (const Qualifier& q : c.qualifiers()) {
    if (q.key() == "time") {
      has_time = true;
      EXPECT_EQ(q.value(), "2025-03");
    }
  }
  EXPECT_TRUE(has_time);
  EXPECT_EQ(c.attribution().speaker().name(), "Foley");
  EXPECT_EQ(c.attribution().cue(), "said");
  EXPECT_EQ(c.attribution().stance(), REPORTED);
}

TEST_F(ExtractTest, AcronymAndSurnameCoreference) {
  DocumentMemory memory(&lexicon_);
  memory.AddAcronym("EFF", "Electronic Frontier Foundation");
  Sentence first =
      Parsed({"Peter/Peter/PROPN/NNP/3/nsubj", "Thiel/Thiel/PROPN/NNP/1/flat",
              "joined/join/VERB/VBD/0/root", "EFF/EFF/PROPN/NNP/3/obj",
              "././PUNCT/./3/punct"});
  std::vector<ExtractedClaim> a = Claims(first, &memory);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].claim.object().name(), "Electronic Frontier Foundation");
  EXPECT_EQ(a[0].claim.object().type(), ORGANIZATION);
  Sentence second =
      Parsed({"He/he/PRON/PRP/2/nsubj", "left/leave/VERB/VBD/0/root",
              "EFF/EFF/PROPN/NNP/2/obj", "././PUNCT/./2/punct"});
  std::vector<ExtractedClaim> b = Claims(second, &memory);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].claim.subject().name(), "Peter Thiel");
  EXPECT_EQ(b[0].claim.object().name(), "Electronic Frontier Foundation");
  // A surname alone denotes the person named before.
  Sentence third =
      Parsed({"Thiel/Thiel/PROPN/NNP/2/nsubj", "left/leave/VERB/VBD/0/root",
              "EFF/EFF/PROPN/NNP/2/obj", "././PUNCT/./2/punct"});
  std::vector<ExtractedClaim> c = Claims(third, &memory);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].claim.subject().name(), "Peter Thiel");
}

}  // namespace
}  // namespace claimgraph
