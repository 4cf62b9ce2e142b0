// Dates, absolute and relative to a reference date.

#include <gtest/gtest.h>

#include "recognize_test_util.h"

namespace claimgraph {
namespace {

using testing_util::Find;
using testing_util::FindSpan;

// Tuesday 10 June 2025.
constexpr Date kRef{2025, 6, 10};

struct DateCase {
  const char* text;
  const char* span;
  MentionType type;
  const char* timex;
};

class DateTest : public ::testing::TestWithParam<DateCase> {};

TEST_P(DateTest, Timex) {
  const DateCase& c = GetParam();
  auto ms = Find(c.text, {MentionType::kDate, MentionType::kDateRange}, kRef);
  auto m = FindSpan(ms, c.span);
  ASSERT_TRUE(m) << c.text;
  EXPECT_EQ(m->type, c.type) << c.text;
  EXPECT_EQ(m->timex, c.timex) << c.text;
}

constexpr MentionType kDay = MentionType::kDate;
constexpr MentionType kRange = MentionType::kDateRange;

INSTANTIATE_TEST_SUITE_P(
    Absolute, DateTest,
    ::testing::Values(
        DateCase{"on June 5, 2025, police said", "June 5, 2025", kDay,
                 "2025-06-05"},
        DateCase{"in May 2024 the", "May 2024", kRange, "2024-05"},
        DateCase{"since 2014, prices", "since 2014", kRange, "2014"},
        DateCase{"in 2014, prices", "2014", kRange, "2014"},
        DateCase{"by mid-2019 the", "mid-2019", kRange, "2019"},
        DateCase{"on 5/17/2018 at", "5/17/2018", kDay, "2018-05-17"},
        DateCase{"on 2018-05-17 at", "2018-05-17", kDay, "2018-05-17"},
        DateCase{"on the 2nd of October", "the 2nd of October", kDay,
                 "XXXX-10-02"},
        DateCase{"on Oct. 2 they", "Oct. 2", kDay, "XXXX-10-02"},
        DateCase{"in the 1990s the", "1990s", kRange,
                 "(1990-01-01,2000-01-01,P10Y)"},
        DateCase{"sales in Q3 2019 rose", "Q3 2019", kRange,
                 "(2019-07-01,2019-10-01,P3M)"},
        DateCase{"from 2014 to 2018 they", "from 2014 to 2018", kRange,
                 "(2014-01-01,2018-01-01,P4Y)"}));

INSTANTIATE_TEST_SUITE_P(
    Relative, DateTest,
    ::testing::Values(
        DateCase{"said last week that", "last week", kRange, "2025-W23"},
        DateCase{"said last month that", "last month", kRange, "2025-05"},
        DateCase{"said next year", "next year", kRange, "2026"},
        DateCase{"said this past Tuesday", "this past Tuesday", kDay,
                 "2025-06-03"},
        DateCase{"said last Friday", "last Friday", kDay, "2025-06-06"},
        DateCase{"said yesterday", "yesterday", kDay, "2025-06-09"},
        DateCase{"a day ago", "a day ago", kDay, "2025-06-09"},
        DateCase{"three years ago", "three years ago", kDay, "2022-06-10"},
        DateCase{"in the past two weeks", "past two weeks", kRange,
                 "(2025-05-27,2025-06-10,P2W)"},
        DateCase{"said on Tuesday", "Tuesday", kDay, "XXXX-WXX-2"},
        DateCase{"in the next five days", "next five days", kRange,
                 "(2025-06-11,2025-06-16,P5D)"},
        DateCase{"from May to October", "from May to October", kRange,
                 "(XXXX-05-01,XXXX-10-01,P5M)"},
        DateCase{"between 2010 and 2018", "between 2010 and 2018", kRange,
                 "(2010-01-01,2018-01-01,P8Y)"},
        DateCase{"since March, the", "since March", kRange, "XXXX-03"}));

INSTANTIATE_TEST_SUITE_P(
    Periods, DateTest,
    ::testing::Values(
        DateCase{"in the 21st century", "21st century", kRange,
                 "(2000-01-01,2100-01-01,P100Y)"},
        DateCase{"due on the 18th.", "the 18th", kDay, "XXXX-XX-18"},
        DateCase{"in week 31 sales", "week 31", kRange, "2025-W31"}));

INSTANTIATE_TEST_SUITE_P(
    Phrases, DateTest,
    ::testing::Values(
        DateCase{"out this weekend.", "this weekend", kRange, "2025-W24-WE"},
        DateCase{"back next weekend", "next weekend", kRange, "2025-W25-WE"},
        DateCase{"not there that weekend", "that weekend", kRange,
                 "XXXX-WXX-WE"},
        DateCase{"leave this summer", "this summer", kRange, "2025-SU"},
        DateCase{"in summer 2019 the", "summer 2019", kRange, "2019-SU"},
        DateCase{"busy the day before.", "the day before", kDay, "2025-06-09"},
        DateCase{"done for the year.", "the year", kRange, "2025"},
        DateCase{"the same month that", "same month", kRange, "XXXX-XX"},
        DateCase{"due by end of month.", "end of month", kRange, "2025-06"},
        DateCase{"free the week of April 10th.", "the week of April 10th",
                 kRange, "XXXX-04-10"},
        DateCase{"out the last week of July", "the last week of July", kRange,
                 "XXXX-07-W05"},
        DateCase{"in the first week of 2015", "the first week of 2015", kRange,
                 "2015-W01"},
        DateCase{"in week 3 of 2027", "week 3 of 2027", kRange, "2027-W03"},
        DateCase{"after the year 2020", "after the year 2020", kRange, "2020"},
        DateCase{"on 20161016 we", "20161016", kDay, "2016-10-16"},
        DateCase{"the whole 1st quarter of 2013,", "1st quarter of 2013",
                 kRange, "(2013-01-01,2013-04-01,P3M)"},
        DateCase{"set up for the week of the 18th.", "the week of the 18th",
                 kRange, "XXXX-XX-18"},
        DateCase{"met later in the year", "later in the year", kRange, "2025"},
        DateCase{"free on mon 13th?", "mon 13th", kDay, "XXXX-WXX-1"},
        DateCase{"free on Friday 7/6 at", "Friday 7/6", kDay, "XXXX-07-06"},
        DateCase{"sales of the last 2 quarters", "last 2 quarters", kRange,
                 "(2024-10-01,2025-04-01,P6M)"},
        DateCase{"in the next 3 quarters", "next 3 quarters", kRange,
                 "(2025-07-01,2026-04-01,P9M)"},
        DateCase{"closed on Christmas Eve.", "Christmas Eve", kDay,
                 "XXXX-12-24"},
        DateCase{"on Halloween 2021 the", "Halloween 2021", kDay, "2021-10-31"},
        DateCase{"born in April of 1987,", "April of 1987", kRange, "1987-04"},
        DateCase{"on July 4th of 1995 we", "July 4th of 1995", kDay,
                 "1995-07-04"},
        DateCase{"meet next week on Tuesday", "next week on Tuesday", kDay,
                 "2025-06-17"},
        DateCase{"met Tuesday of last week", "Tuesday of last week", kDay,
                 "2025-06-03"},
        DateCase{"in the 2 upcoming months", "2 upcoming months", kRange,
                 "(2025-06-11,2025-08-11,P2M)"},
        DateCase{"due 2 weeks before May 13 1999.",
                 "2 weeks before May 13 1999", kDay, "1999-04-29"},
        DateCase{"3 days after January 12th we", "3 days after January 12th",
                 kDay, "2026-01-15"},
        DateCase{"by the 15th day of next month", "the 15th day of next month",
                 kDay, "2025-07-15"},
        DateCase{"sales over Easter 2018 rose", "Easter 2018", kDay,
                 "2018-04-01"},
        DateCase{"we met last Easter", "last Easter", kDay, "2025-04-20"},
        DateCase{"in fiscal year 2008 the", "fiscal year 2008", kRange,
                 "FY2008"},
        DateCase{"gains this school year", "this school year", kRange,
                 "SY2025"},
        DateCase{"the best result to date.", "to date", kRange, "PRESENT_REF"},
        DateCase{"sales in 2017-Q1 rose", "2017-Q1", kRange,
                 "(2017-01-01,2017-04-01,P3M)"},
        DateCase{"sales in 2019 H2 rose", "2019 H2", kRange,
                 "(2019-07-01,2020-01-01,P6M)"},
        DateCase{"held Nov-Feb 2017 in", "Nov-Feb 2017", kRange,
                 "(2016-11-01,2017-02-01,P3M)"},
        DateCase{"over the next two decades", "the next two decades", kRange,
                 "(2030-01-01,2050-01-01,P20Y)"},
        DateCase{"more than 2 weeks before today",
                 "more than 2 weeks before today", kRange, "2025-05-27"},
        DateCase{"sales later than 2018", "later than 2018", kRange, "2018"},
        DateCase{"leave in 2018 or later.", "2018 or later", kRange, "2018"},
        DateCase{"only on 1/1/2016 and after.", "1/1/2016 and after", kRange,
                 "2016-01-01"},
        DateCase{"shown the week after next.", "the week after next", kRange,
                 "2025-W26"},
        DateCase{"from 2007 to the end of 2008 the",
                 "from 2007 to the end of 2008", kRange,
                 "(2007-01-01,2009-01-01,P24M)"},
        DateCase{"between the middle of March and the end of September we",
                 "between the middle of March and the end of September", kRange,
                 "(XXXX-03-16,XXXX-10-01,P7M)"},
        DateCase{"filed on 2019/aug/01 at", "2019/aug/01", kDay, "2019-08-01"},
        DateCase{"filed on 23-sep-2020 at", "23-sep-2020", kDay, "2020-09-23"},
        DateCase{"over the past fortnight", "past fortnight", kRange,
                 "(2025-05-26,2025-06-09,P2W)"},
        DateCase{"in the third month of 2021", "the third month of 2021",
                 kRange, "2021-03"},
        DateCase{"out from ninth till seventeenth of April.",
                 "from ninth till seventeenth of April", kRange,
                 "(XXXX-04-09,XXXX-04-17,P8D)"},
        DateCase{"over the previous three quarters", "previous three quarters",
                 kRange, "(2024-07-01,2025-04-01,P9M)"},
        DateCase{"see you next 5/12 then", "next 5/12", kDay, "XXXX-05-12"},
        DateCase{"i am free on saturday", "saturday", kDay, "XXXX-WXX-6"},
        DateCase{"in the first 2 weeks of 2021", "the first 2 weeks of 2021",
                 kRange, "(2021-01-04,2021-01-18,P2W)"},
        DateCase{"in the last four months of 2021",
                 "the last four months of 2021", kRange,
                 "(2021-09-01,2022-01-01,P4M)"},
        DateCase{"parade on saint patrick 2020.", "saint patrick 2020", kDay,
                 "2020-03-17"}));

TEST(DateTest, ShortLowerCaseWeekdaysAreWords) {
  EXPECT_TRUE(Find("the sun and sat there", {kDay}, kRef).empty());
}

INSTANTIATE_TEST_SUITE_P(
    CompactRanges, DateTest,
    ::testing::Values(
        DateCase{"held Nov 18-Dec 19, 2015 in", "Nov 18-Dec 19, 2015", kRange,
                 "(2015-11-18,2015-12-19,P31D)"},
        DateCase{"in Korea on November 18-19.", "November 18-19", kRange,
                 "(XXXX-11-18,XXXX-11-19,P1D)"},
        DateCase{"out April 9th through 17th.", "April 9th through 17th",
                 kRange, "(XXXX-04-09,XXXX-04-17,P8D)"},
        DateCase{"open Feb 28th to March 1st", "Feb 28th to March 1st", kRange,
                 "(XXXX-02-28,XXXX-03-01,P1D)"},
        DateCase{"from 10/1/2018-10/7/2018 we", "from 10/1/2018-10/7/2018",
                 kRange, "(2018-10-01,2018-10-07,P6D)"},
        DateCase{"between 10/1-11/7 we", "between 10/1-11/7", kRange,
                 "(XXXX-10-01,XXXX-11-07,P37D)"},
        DateCase{"founded at the end of 2000", "end of 2000", kRange, "2000"},
        DateCase{"lived here since the end of 1989", "since the end of 1989",
                 kRange, "1989"}));

TEST(DateTest, DayRangeNeedsADayAfterTheDash) {
  auto ms = Find("on May 5 to 10 people came", {kRange}, kRef);
  EXPECT_TRUE(ms.empty());
}

TEST(DateTest, SeasonVerbsAreNotSeasons) {
  EXPECT_TRUE(Find("prices fall in spring rains", {kRange}, kRef).empty());
}

TEST(DateTest, RelativeDatesNeedAReferenceDate) {
  auto ms = Find("said last week", {MentionType::kDateRange});
  EXPECT_TRUE(ms.empty());
}

TEST(DateTest, MayTheVerbIsNotAMonth) {
  EXPECT_TRUE(Find("prices may rise", {kDay, kRange}, kRef).empty());
}

TEST(DateTest, RangeBoundsOfAMonth) {
  auto m = FindSpan(Find("in February 2024", {kRange}, kRef), "February 2024");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->range_from, "2024-02-01");
  EXPECT_EQ(m->range_to, "2024-03-01");
  EXPECT_EQ(m->precision, "month");
}

TEST(DateTest, ParseIsoDate) {
  EXPECT_TRUE(ParseIsoDate("2024-02-29").ok());
  EXPECT_FALSE(ParseIsoDate("2023-02-29").ok());
  EXPECT_FALSE(ParseIsoDate("2023-13-01").ok());
  EXPECT_FALSE(ParseIsoDate("20230101").ok());
  EXPECT_EQ(ParseIsoDate("2016-11-07")->day, 7);
}

}  // namespace
}  // namespace claimgraph
