// The ASCII paths of NormalizeName, NormalizePredicate and CollapseSpaces
// (table-driven) against the ICU paths they replace for ASCII text.

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "model/names.h"

namespace claimgraph {
namespace {

void ExpectSameAsIcu(const std::string& text) {
  EXPECT_EQ(NormalizeName(text), NormalizeNameIcu(text)) << "[" << text << "]";
  EXPECT_EQ(NormalizePredicate(text), NormalizePredicateIcu(text))
      << "[" << text << "]";
  EXPECT_EQ(CollapseSpaces(text), CollapseSpacesIcu(text))
      << "[" << text << "]";
}

TEST(NamesAsciiTest, EveryPairOfAsciiCharacters) {
  for (int a = 0; a < 128; ++a) {
    ExpectSameAsIcu(std::string(1, static_cast<char>(a)));
    for (int b = 0; b < 128; ++b) {
      std::string text = {static_cast<char>(a), static_cast<char>(b)};
      ExpectSameAsIcu(text);
      if (HasFailure()) return;
    }
  }
}

TEST(NamesAsciiTest, RandomAsciiStrings) {
  std::mt19937 rng(7);
  // Weighted towards letters, spaces and punctuation, the usual content.
  const std::string common = "aZ .-_'&,()\t\"/:;!?0";
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    size_t n = rng() % 14;
    for (size_t j = 0; j < n; ++j) {
      text.push_back(rng() % 2 ? common[rng() % common.size()]
                               : static_cast<char>(rng() % 128));
    }
    ExpectSameAsIcu(text);
    if (HasFailure()) return;
  }
}

TEST(NamesAsciiTest, KnownFormsAndNonAsciiStillFold) {
  EXPECT_EQ(NormalizeName(" U.S. Immigration--and_Customs  Enforcement "),
            "us immigration and customs enforcement");
  EXPECT_EQ(NormalizePredicate("  Has\tCONTRACTED with "),
            "has contracted with");
  EXPECT_EQ(CollapseSpaces("  Maria \n C.  Lee "), "Maria C. Lee");
  // Text with a non-ASCII byte takes the ICU path.
  EXPECT_EQ(NormalizeName("ＩＣＥ Agency"), "ice agency");
  EXPECT_EQ(NormalizeName("Müller’s"), NormalizeNameIcu("Müller’s"));
  EXPECT_EQ(NormalizeName("Müller’s"), "müllers");
}

}  // namespace
}  // namespace claimgraph
