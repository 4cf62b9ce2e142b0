// Numbers, ordinals, percentages and money: hand-written cases in the style
// of the Recognizers-Text suite, so CI checks them without ../shared.

#include <gtest/gtest.h>

#include "recognize_test_util.h"

namespace claimgraph {
namespace {

using testing_util::Find;
using testing_util::FindSpan;

struct ValueCase {
  const char* text;
  const char* span;
  MentionType type;
  double value;
};

class ValueTest : public ::testing::TestWithParam<ValueCase> {};

TEST_P(ValueTest, FindsSpanAndValue) {
  const ValueCase& c = GetParam();
  auto ms = Find(c.text, {c.type});
  auto m = FindSpan(ms, c.span);
  ASSERT_TRUE(m.has_value()) << c.text;
  ASSERT_TRUE(m->value.has_value()) << c.text;
  EXPECT_NEAR(*m->value, c.value, 1e-9 * std::max(1.0, std::abs(c.value)))
      << c.text;
  EXPECT_EQ(ms.size(), 1u) << c.text;
}

constexpr MentionType kNum = MentionType::kNumber;
constexpr MentionType kOrd = MentionType::kOrdinal;
constexpr MentionType kPct = MentionType::kPercentage;
constexpr MentionType kCur = MentionType::kCurrency;

INSTANTIATE_TEST_SUITE_P(
    Numbers, ValueTest,
    ::testing::Values(
        ValueCase{"officers made 1,461 arrests", "1,461", kNum, 1461},
        ValueCase{"thirty-five people died", "thirty-five", kNum, 35},
        ValueCase{"about 1.5 million voters", "1.5 million", kNum, 1.5e6},
        ValueCase{"a crowd of 10K", "10K", kNum, 1e4},
        ValueCase{"one hundred and sixty-one", "one hundred and sixty-one",
                  kNum, 161},
        ValueCase{"two thousand and two hundred",
                  "two thousand and two hundred", kNum, 2200},
        ValueCase{"three quarters of voters", "three quarters", kNum, 0.75},
        ValueCase{"two and a half", "two and a half", kNum, 2.5},
        ValueCase{"the value was 4.800", "4.800", kNum, 4.8},
        ValueCase{"a population of 1 414 021 100", "1 414 021 100", kNum,
                  1414021100},
        ValueCase{"it fell to -12.5 today", "-12.5", kNum, -12.5},
        ValueCase{"a half dozen", "a half", kNum, 0.5},
        ValueCase{"half a dozen eggs", "half a dozen", kNum, 6},
        ValueCase{"in 1.3e6 trials", "1.3e6", kNum, 1.3e6},
        ValueCase{"3/4 of them", "3/4", kNum, 0.75},
        ValueCase{"4 thousand 3 hundred and 21", "4 thousand 3 hundred and 21",
                  kNum, 4321},
        ValueCase{"minus five point five", "minus five point five", kNum, -5.5},
        ValueCase{"one in five adults", "one in five", kNum, 0.2}));

INSTANTIATE_TEST_SUITE_P(
    Ordinals, ValueTest,
    ::testing::Values(ValueCase{"the third time", "third", kOrd, 3},
                      ValueCase{"on the 21st floor", "21st", kOrd, 21},
                      ValueCase{"its twenty-fifth year", "twenty-fifth", kOrd,
                                25},
                      ValueCase{"the one hundred twenty fifth",
                                "one hundred twenty fifth", kOrd, 125}));

INSTANTIATE_TEST_SUITE_P(
    Percentages, ValueTest,
    ::testing::Values(ValueCase{"76% of vehicles", "76%", kPct, 76},
                      ValueCase{"rose 76 percent", "76 percent", kPct, 76},
                      ValueCase{"seventy-six per cent of voters",
                                "seventy-six per cent", kPct, 76},
                      ValueCase{"down 0.4 pct", "0.4 pct", kPct, 0.4}));

INSTANTIATE_TEST_SUITE_P(
    Money, ValueTest,
    ::testing::Values(
        ValueCase{"a $30 million fine", "$30 million", kCur, 3e7},
        ValueCase{"a $30M fine", "$30M", kCur, 3e7},
        ValueCase{"raised €2bn", "€2bn", kCur, 2e9},
        ValueCase{"paid 30 million dollars", "30 million dollars", kCur, 3e7},
        ValueCase{"cost £ 8.10 million", "£ 8.10 million", kCur, 8.1e6},
        ValueCase{"sold for US$ 150 million", "US$ 150 million", kCur, 1.5e8},
        ValueCase{"up 50 cents", "50 cents", kCur, 0.5},
        ValueCase{"costs 3 dollars 50 cents", "3 dollars 50 cents", kCur, 3.5},
        ValueCase{"priced at USD 200.", "USD 200", kCur, 200},
        ValueCase{"450,000 yen in cash", "450,000 yen", kCur, 450000}));

TEST(MoneyTest, IsoCodes) {
  EXPECT_EQ(FindSpan(Find("a $30 million fine"), "$30 million")->unit, "USD");
  EXPECT_EQ(FindSpan(Find("raised €2bn"), "€2bn")->unit, "EUR");
  EXPECT_EQ(FindSpan(Find("cost £5"), "£5")->unit, "GBP");
  EXPECT_EQ(FindSpan(Find("C$ 16.4 million"), "C$ 16.4 million")->unit, "CAD");
  EXPECT_EQ(FindSpan(Find("five million yen"), "five million yen")->unit,
            "JPY");
}

TEST(NumberTest, OffsetsAreCodePoints) {
  // "é" and "€" are one code point each but two and three bytes.
  auto ms =
      Find("Café: €5 and 7", {MentionType::kCurrency, MentionType::kNumber});
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].text, "€5");
  EXPECT_EQ(ms[0].start, 6);
  EXPECT_EQ(ms[0].end, 8);
  EXPECT_EQ(ms[1].text, "7");
  EXPECT_EQ(ms[1].start, 13);
  EXPECT_EQ(ms[1].end, 14);
}

TEST(NumberTest, NotNumbers) {
  EXPECT_TRUE(Find("The one you mentioned", {kNum}).empty());
  EXPECT_TRUE(Find("the 180ml bottle", {kNum}).empty());
  EXPECT_TRUE(Find("a first class seat", {kNum}).empty());
  EXPECT_TRUE(Find("no digits here at all", {}).empty());
}

TEST(NumberTest, DottedAndDateLikeSequencesSplit) {
  auto ms = Find("192.168.1.2", {kNum});
  ASSERT_EQ(ms.size(), 4u);
  EXPECT_EQ(ms[2].text, "1");
  ms = Find("on 5/17/2018", {kNum});
  ASSERT_EQ(ms.size(), 3u);
  EXPECT_EQ(*ms[1].value, 17);
}

TEST(NumberTest, LongestReadingWinsAcrossTypes) {
  auto ms = Find("a $20 fee");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].type, MentionType::kCurrency);
  // Asking for numbers alone reports the number inside the money.
  ms = Find("a $20 fee", {kNum});
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].text, "20");
}

}  // namespace
}  // namespace claimgraph
