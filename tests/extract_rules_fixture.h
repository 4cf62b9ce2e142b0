// The fixture of the claim-rule tests (extract_rules_test.cc,
// extract_filters_test.cc): a small lexicon, a document memory, and the
// claims SentenceClaims builds from a hand-parsed sentence.

#ifndef CLAIMGRAPH_TESTS_EXTRACT_RULES_FIXTURE_H_
#define CLAIMGRAPH_TESTS_EXTRACT_RULES_FIXTURE_H_

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extract/builder.h"
#include "extract/lexicon.h"
#include "extract/mentions.h"
#include "recognize/recognize.h"

namespace claimgraph::testing_util {

inline std::string Key(const Claim& c) {
  std::string target = c.has_object() ? c.object().name() : c.value().text();
  return c.subject().name() + " | " + c.predicate() + " | " + target;
}

// True when `keys` (of Keys) hold `key`.
inline bool Has(const std::vector<std::string>& keys, const std::string& key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

class ExtractRulesTest : public ::testing::Test {
 protected:
  ExtractRulesTest() : memory_(&lexicon_) {
    lexicon_.AddPredicate("pay", "contract", "entity");
    lexicon_.AddPredicate("pay", "spend", "value");
    lexicon_.AddPredicate("acquire", "acquire", "entity");
    lexicon_.AddPredicate("build", "build", "entity");
    lexicon_.AddGivenName("Ana", 'f');
    KnownEntity ohio;
    ohio.name = "Ohio";
    ohio.type = LOCATION;
    ohio.region = true;
    lexicon_.AddEntity(ohio);
    source_.set_url("https://example.org/rules");
    source_.set_published("2024-03-15");
  }

  std::vector<std::string> Keys(const Sentence& s) {
    RecognizeOptions options;
    options.reference_date = Date{2024, 3, 15};
    StatusOr<std::vector<Mention>> found = Recognize(s.text, options);
    EXPECT_TRUE(found.ok());
    mentions_.push_back(*found);
    claims_ = SentenceClaims(s, mentions_.back(), &memory_, source_, 0).Build();
    std::vector<std::string> out;
    for (const ExtractedClaim& c : claims_) out.push_back(Key(c.claim));
    return out;
  }

  Lexicon lexicon_;
  DocumentMemory memory_;
  Source source_;
  std::vector<std::vector<Mention>> mentions_;
  std::vector<ExtractedClaim> claims_;
};

}  // namespace claimgraph::testing_util

#endif  // CLAIMGRAPH_TESTS_EXTRACT_RULES_FIXTURE_H_
