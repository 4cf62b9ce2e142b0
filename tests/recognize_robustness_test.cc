// Bad input: invalid UTF-8, very long lines, control characters.

#include <gtest/gtest.h>

#include "recognize_test_util.h"

namespace claimgraph {
namespace {

using testing_util::Find;

TEST(RobustnessTest, InvalidUtf8IsAnError) {
  for (std::string bad : {std::string("abc \xff def"), std::string("\xc3"),
                          std::string("\xed\xa0\x80"),  // Surrogate.
                          std::string("\xc0\xaf"),      // Overlong.
                          std::string("$5 \xf4\x90\x80\x80")}) {
    auto r = Recognize(bad, {});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(r.status().message().find("UTF-8"), std::string::npos);
  }
}

TEST(RobustnessTest, EmptyAndControlCharacters) {
  EXPECT_TRUE(Find("").empty());
  std::string text = "paid\x01$5\x7f on\tJune 5,\x1b 2025\r\n";
  auto ms = Find(text);
  ASSERT_FALSE(ms.empty());
  EXPECT_EQ(ms[0].text, "$5");
  std::string zeros("a\0b 7", 5);
  ms = Find(zeros, {MentionType::kNumber});
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].start, 4);
}

TEST(RobustnessTest, TenMegabyteLine) {
  std::string line;
  const std::string chunk =
      "Officials said more than 2,200 people, about $30 million and 76% of "
      "vehicles were affected last week (ICE) ";
  while (line.size() < 10 * 1024 * 1024) line += chunk;
  RecognizeOptions options;
  options.reference_date = Date{2025, 6, 10};
  auto r = Recognize(line, options);
  ASSERT_TRUE(r.ok());
  EXPECT_GT(r->size(), line.size() / chunk.size());
}

TEST(RobustnessTest, PathologicalInputs) {
  // Long runs of digits, punctuation and number words.
  std::string digits(100000, '9');
  EXPECT_TRUE(Recognize(digits, {}).ok());
  std::string commas;
  for (int i = 0; i < 20000; ++i) commas += "1,";
  EXPECT_TRUE(Recognize(commas, {}).ok());
  std::string words;
  for (int i = 0; i < 20000; ++i) words += "one hundred and ";
  EXPECT_TRUE(Recognize(words, {}).ok());
  std::string parens(50000, '(');
  EXPECT_TRUE(Recognize(parens + "ABC" + std::string(50000, ')'), {}).ok());
}

TEST(RobustnessTest, JsonEscapesText) {
  Mention m;
  m.text = "a\"b\\c\n\x01";
  m.type = MentionType::kNumber;
  std::string json = MentionsToJson({m});
  EXPECT_EQ(json,
            "[{\"text\":\"a\\\"b\\\\c\\n\\u0001\",\"start\":0,\"end\":0,"
            "\"type\":\"number\"}]");
  EXPECT_EQ(MentionsToJson({}), "[]");
}

TEST(RobustnessTest, TypeNamesRoundTrip) {
  for (int i = 0; i < kNumMentionTypes; ++i) {
    auto t = static_cast<MentionType>(i);
    auto back = ParseMentionType(MentionTypeName(t));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, t);
  }
  EXPECT_FALSE(ParseMentionType("money").ok());
}

}  // namespace
}  // namespace claimgraph
