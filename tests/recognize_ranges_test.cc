// Ranges, approximations, rates, durations and counted nouns.

#include <gtest/gtest.h>

#include "recognize_test_util.h"

namespace claimgraph {
namespace {

using testing_util::Find;
using testing_util::FindSpan;

TEST(RangeTest, MoreThanIsAnExclusiveLowerBound) {
  auto m = FindSpan(Find("more than 2,200 people"), "more than 2,200");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->type, MentionType::kNumberRange);
  EXPECT_EQ(*m->min, 2200);
  EXPECT_FALSE(m->min_inclusive);
  EXPECT_FALSE(m->max.has_value());
  EXPECT_TRUE(m->approximate);
  EXPECT_EQ(m->cue, "more than");
  EXPECT_EQ(m->unit, "people");
}

TEST(RangeTest, Bounds) {
  struct Case {
    const char* text;
    const char* span;
    std::optional<double> min, max;
    bool min_inclusive, max_inclusive;
  };
  const Case cases[] = {
      {"between 20 and 30 apples", "between 20 and 30", 20, 30, true, false},
      {"at least 5 deaths", "at least 5", 5, std::nullopt, true, true},
      {"up to 700 workers", "up to 700", std::nullopt, 700, true, true},
      {"fewer than a thousand pandas", "fewer than a thousand", std::nullopt,
       1000, true, false},
      {"from one thousand to one thousand and five hundred",
       "from one thousand to one thousand and five hundred", 1000, 1500, true,
       false},
      {"numbers 1000-5000 only", "1000-5000", 1000, 5000, true, false},
      {"five hundred or more", "five hundred or more", 500, std::nullopt, true,
       true},
      {"larger than 10 and smaller than 20",
       "larger than 10 and smaller than 20", 10, 20, false, false},
  };
  for (const Case& c : cases) {
    auto m = FindSpan(Find(c.text, {MentionType::kNumberRange}), c.span);
    ASSERT_TRUE(m) << c.text;
    EXPECT_EQ(m->min, c.min) << c.text;
    EXPECT_EQ(m->max, c.max) << c.text;
    if (c.min) {
      EXPECT_EQ(m->min_inclusive, c.min_inclusive) << c.text;
    }
    if (c.max) {
      EXPECT_EQ(m->max_inclusive, c.max_inclusive) << c.text;
    }
  }
}

TEST(RangeTest, PhoneNumbersAndCodesAreNotRanges) {
  EXPECT_TRUE(
      Find("+1-222-2222-2222 is a phone number.", {MentionType::kNumberRange})
          .empty());
  EXPECT_TRUE(Find("1995-01", {MentionType::kNumberRange}).empty());
}

TEST(ApproximationTest, HedgesKeepTheValueAndTheCue) {
  for (const char* cue : {"nearly", "about", "roughly", "approximately"}) {
    std::string text = std::string(cue) + " 1,500 arrests";
    auto m = FindSpan(Find(text), "1,500");
    ASSERT_TRUE(m) << text;
    EXPECT_EQ(m->type, MentionType::kNumber);
    EXPECT_EQ(*m->value, 1500);
    EXPECT_TRUE(m->approximate);
    EXPECT_EQ(m->cue, cue);
    EXPECT_EQ(m->unit, "arrests");
  }
  auto m = FindSpan(Find("about $14 million"), "$14 million");
  ASSERT_TRUE(m);
  EXPECT_TRUE(m->approximate);
  m = FindSpan(Find("more than $247 million"), "$247 million");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->type, MentionType::kCurrency);
  EXPECT_EQ(*m->min, 247e6);
  EXPECT_EQ(m->cue, "more than");
}

TEST(RateTest, PerAndArticle) {
  auto m = FindSpan(Find("3,000 arrests per day"), "3,000 arrests per day");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->type, MentionType::kRate);
  EXPECT_EQ(*m->value, 3000);
  EXPECT_EQ(m->unit, "arrests");
  EXPECT_EQ(m->per, "day");
  m = FindSpan(Find("paid $2 a share"), "$2 a share");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->unit, "USD");
  EXPECT_EQ(m->per, "share");
  m = FindSpan(Find("20,000 visitors a month"), "20,000 visitors a month");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->per, "month");
}

TEST(DurationTest, Timex) {
  struct Case {
    const char* text;
    const char* span;
    const char* timex;
  };
  const Case cases[] = {
      {"a 152-day test", "152-day", "P152D"},
      {"for three years", "three years", "P3Y"},
      {"a monthlong strike", "monthlong", "P1M"},
      {"for 3h", "3h", "PT3H"},
      {"for 30-minutes", "30-minutes", "PT30M"},
      {"two and a half hours", "two and a half hours", "PT2.5H"},
      {"1 year 1 month 21 days", "1 year 1 month 21 days", "P1Y1M21D"},
      {"two decades", "two decades", "P20Y"},
      {"a fortnight", "a fortnight", "P2W"},
      {"an hour and a half", "an hour and a half", "PT1.5H"},
  };
  for (const Case& c : cases) {
    auto m = FindSpan(Find(c.text, {MentionType::kDuration}), c.span);
    ASSERT_TRUE(m) << c.text;
    EXPECT_EQ(m->timex, c.timex) << c.text;
  }
}

TEST(DurationTest, MoreThanAnHourIsABound) {
  auto m = FindSpan(Find("for more than an hour", {MentionType::kDuration}),
                    "more than an hour");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->timex, "PT1H");
  EXPECT_EQ(*m->min, 1);
}

TEST(CountedNounTest, NumberAndPercentage) {
  EXPECT_EQ(FindSpan(Find("1,461 immigrants were held"), "1,461")->unit,
            "immigrants");
  auto m = FindSpan(Find("76% of vehicles failed"), "76%");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->unit, "%");  // The unit of a percentage stays "%".
  EXPECT_EQ(m->noun, "vehicles");
}

TEST(CountedNounTest, PastAdjectivesOfNoveltyAndAmount) {
  EXPECT_EQ(FindSpan(Find("it ordered 12 new patrol boats"), "12")->unit,
            "patrol");
  EXPECT_EQ(FindSpan(Find("hired 300 more nurses"), "300")->noun, "nurses");
  EXPECT_EQ(FindSpan(Find("opened two other additional clinics"), "two")->noun,
            "clinics");
  // Nothing counted after the adjective: no noun at all.
  EXPECT_EQ(FindSpan(Find("it wants 50 more."), "50")->noun, "");
}

}  // namespace
}  // namespace claimgraph
