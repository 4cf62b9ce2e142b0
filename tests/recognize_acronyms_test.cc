// Acronym definitions, and precision/recall on the hand-written cases in
// tests/data/recognize/acronyms.tsv.

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "recognize_test_util.h"

namespace claimgraph {
namespace {

using testing_util::Find;
using testing_util::FindSpan;

TEST(AcronymTest, LongFormThenShort) {
  auto ms = Find("Immigration and Customs Enforcement (ICE) agents said",
                 {MentionType::kAcronym});
  auto m = FindSpan(ms, "ICE");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->long_form, "Immigration and Customs Enforcement");
  EXPECT_EQ(m->start, 37);
}

TEST(AcronymTest, OtherPatterns) {
  EXPECT_EQ(FindSpan(Find("The WHO (World Health Organization) said"), "WHO")
                ->long_form,
            "World Health Organization");
  EXPECT_EQ(
      FindSpan(Find("the Federal Bureau of Investigation, or FBI, said"), "FBI")
          ->long_form,
      "Federal Bureau of Investigation");
  EXPECT_EQ(FindSpan(Find("the Department of Homeland Security, known as DHS."),
                     "DHS")
                ->long_form,
            "Department of Homeland Security");
}

TEST(AcronymTest, BylinesAndPartyLabelsAreNotDefinitions) {
  EXPECT_TRUE(
      Find("WASHINGTON (AP) - The Senate voted", {MentionType::kAcronym})
          .empty());
  EXPECT_TRUE(Find("Sen. Ted Cruz (R-Texas) objected", {MentionType::kAcronym})
                  .empty());
}

// Precision and recall over the data file; the targets come from issue 4.
TEST(AcronymTest, PrecisionAndRecallOnHandWrittenCases) {
  std::ifstream in(std::string(CG_SOURCE_DIR) +
                   "/tests/data/recognize/acronyms.tsv");
  ASSERT_TRUE(in) << "missing tests/data/recognize/acronyms.tsv";
  std::string line;
  int cases = 0, gold = 0, found = 0, correct = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    ++cases;
    size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    std::string text = line.substr(0, tab);
    std::set<std::string> expected;
    std::stringstream defs(line.substr(tab + 1));
    std::string def;
    while (std::getline(defs, def, '|')) {
      while (!def.empty() && def.front() == ' ') def.erase(0, 1);
      while (!def.empty() && def.back() == ' ') def.pop_back();
      if (!def.empty()) expected.insert(def);
    }
    gold += expected.size();
    for (const Mention& m : Find(text, {MentionType::kAcronym})) {
      ++found;
      if (expected.count(m.text + "=" + m.long_form)) {
        ++correct;
      } else {
        ADD_FAILURE() << "wrong: " << m.text << "=" << m.long_form << " in "
                      << text;
      }
    }
  }
  ASSERT_GE(cases, 100);
  double precision = found ? static_cast<double>(correct) / found : 0;
  double recall = gold ? static_cast<double>(correct) / gold : 0;
  std::cout << "acronyms: " << cases << " cases, " << gold << " definitions, "
            << found << " found, " << correct << " correct; P=" << precision
            << " R=" << recall << "\n";
  EXPECT_GE(precision, 0.95);
  EXPECT_GE(recall, 0.85);
}

}  // namespace
}  // namespace claimgraph
