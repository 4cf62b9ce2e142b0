#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace claimgraph {
namespace {

std::vector<Sentence> Tok(std::string_view text,
                          const TokenizerOptions& options = {}) {
  StatusOr<std::vector<Sentence>> result = Tokenize(text, options);
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  return result.ok() ? *result : std::vector<Sentence>{};
}

// The words of all sentences, one string each, joined by spaces.
std::vector<std::string> Forms(const std::vector<Sentence>& sentences) {
  std::vector<std::string> out;
  for (const Sentence& s : sentences) {
    std::string line;
    for (const Word& w : s.words) {
      if (!line.empty()) line += ' ';
      line += w.form;
    }
    out.push_back(line);
  }
  return out;
}

std::vector<std::string> Forms(std::string_view text) {
  return Forms(Tok(text));
}

// Every word's offsets must select its form in the (ASCII) input, and
// every sentence's offsets its text.
void ExpectOffsetsMatch(std::string_view ascii_text) {
  for (const Sentence& s : Tok(ascii_text)) {
    EXPECT_EQ(s.text, ascii_text.substr(s.start, s.end - s.start));
    for (const Word& w : s.words) {
      ASSERT_GE(w.start, s.start);
      ASSERT_LE(w.end, s.end);
      EXPECT_EQ(w.form, ascii_text.substr(w.start, w.end - w.start));
    }
  }
}

TEST(TokenizerTest, AbbreviationInsideSentenceKeepsPeriod) {
  EXPECT_EQ(Forms("He works for the U.S. Army."),
            (std::vector<std::string>{"He works for the U.S. Army ."}));
}

TEST(TokenizerTest, AbbreviationEndingSentenceGivesPeriodBack) {
  EXPECT_EQ(
      Forms("He lives in the U.S. He said no."),
      (std::vector<std::string>{"He lives in the U.S .", "He said no ."}));
  EXPECT_EQ(Forms("It is owned by Cargill, Inc."),
            (std::vector<std::string>{"It is owned by Cargill , Inc ."}));
}

TEST(TokenizerTest, TitlesAndInitialsDoNotEndSentences) {
  EXPECT_EQ(Forms("Gov. Brown met Dr. Who and J. Smith on Jan. 5 at No. 10 "
                  "Downing St. in London."),
            (std::vector<std::string>{
                "Gov. Brown met Dr. Who and J. Smith on Jan. 5 at No. 10 "
                "Downing St. in London ."}));
}

TEST(TokenizerTest, LowercaseWordBeforePeriodIsNotAbbreviation) {
  EXPECT_EQ(
      Forms("They saw the sun. Then it rained."),
      (std::vector<std::string>{"They saw the sun .", "Then it rained ."}));
}

TEST(TokenizerTest, NumbersMoneyPercent) {
  std::string text = "It cost $30 million, or 76% of 1,461 units at 3.5 each.";
  EXPECT_EQ(Forms(text), (std::vector<std::string>{
                             "It cost $ 30 million , or 76 % of 1,461 units "
                             "at 3.5 each ."}));
  std::vector<Sentence> s = Tok(text);
  ASSERT_EQ(s.size(), 1u);
  const Word& dollar = s[0].words[2];
  EXPECT_EQ(dollar.form, "$");
  EXPECT_EQ(dollar.start, 8);
  EXPECT_EQ(dollar.end, 9);
  EXPECT_EQ(dollar.misc, "SpaceAfter=No");
  EXPECT_EQ(s[0].words[3].start, 9);
  EXPECT_EQ(s[0].words[3].end, 11);
  EXPECT_EQ(s[0].words[3].misc, "");
  ExpectOffsetsMatch(text);
}

TEST(TokenizerTest, ClitisAreMultiwordTokens) {
  std::vector<Sentence> s = Tok("I don't know, can't, cannot tell.");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(
      Forms(s),
      (std::vector<std::string>{"I do n't know , ca n't , can not tell ."}));
  ASSERT_EQ(s[0].multiword_tokens.size(), 3u);
  const MultiwordToken& dont = s[0].multiword_tokens[0];
  EXPECT_EQ(dont.form, "don't");
  EXPECT_EQ(dont.first, 2);
  EXPECT_EQ(dont.last, 3);
  EXPECT_EQ(dont.misc, "");
  EXPECT_EQ(s[0].words[1].start, 2);  // "do"
  EXPECT_EQ(s[0].words[1].end, 4);
  EXPECT_EQ(s[0].words[2].start, 4);  // "n't"
  EXPECT_EQ(s[0].words[2].end, 7);
  // "can't," is followed by a comma: the flag is on the token.
  EXPECT_EQ(s[0].multiword_tokens[1].form, "can't");
  EXPECT_EQ(s[0].multiword_tokens[1].misc, "SpaceAfter=No");
  EXPECT_EQ(s[0].multiword_tokens[2].form, "cannot");
  EXPECT_EQ(s[0].words[8].form, "can");
  EXPECT_EQ(s[0].words[8].start, 21);
  EXPECT_EQ(s[0].words[9].form, "not");
  EXPECT_EQ(s[0].words[9].start, 24);
  EXPECT_EQ(s[0].words[9].end, 27);
}

TEST(TokenizerTest, PossessivesAndOtherClitics) {
  EXPECT_EQ(Forms("It's John's and the Edwards' car; we'll see, they're "
                  "sure I'm right."),
            (std::vector<std::string>{
                "It 's John 's and the Edwards ' car ; we 'll see , they 're "
                "sure I 'm right ."}));
  // Curly apostrophes too.
  EXPECT_EQ(Forms("She doesn\u2019t know Obama\u2019s plan."),
            (std::vector<std::string>{
                "She does n\u2019t know Obama \u2019s plan ."}));
}

TEST(TokenizerTest, CurlyAndStraightQuotes) {
  std::string text = "\u201cHello,\u201d she said. \"Yes,\" he said.";
  std::vector<Sentence> s = Tok(text);
  EXPECT_EQ(Forms(s),
            (std::vector<std::string>{"\u201c Hello , \u201d she said .",
                                      "\" Yes , \" he said ."}));
  ASSERT_EQ(s.size(), 2u);
  // Offsets are in code points: the curly quote is one.
  EXPECT_EQ(s[0].words[0].start, 0);
  EXPECT_EQ(s[0].words[0].end, 1);
  EXPECT_EQ(s[0].words[1].start, 1);
  EXPECT_EQ(s[0].words[1].end, 6);
  EXPECT_EQ(s[1].start, 19);
  EXPECT_EQ(s[1].text, "\"Yes,\" he said.");
}

TEST(TokenizerTest, QuestionInsideQuoteBeforeLowercaseContinues) {
  EXPECT_EQ(Forms("\"Really?\" he asked. Then he left!"),
            (std::vector<std::string>{"\" Really ? \" he asked .",
                                      "Then he left !"}));
}

TEST(TokenizerTest, HyphensFollowEwt) {
  EXPECT_EQ(Forms("A 152-day one-to-one non-stop e-mail talk in 1969-1970 "
                  "by the U.S.-led group; call 713-853-1234."),
            (std::vector<std::string>{
                "A 152 - day one - to - one non-stop e-mail talk in 1969 - "
                "1970 by the U.S. - led group ; call 713-853-1234 ."}));
}

TEST(TokenizerTest, NumbersWithHyphensEmoticonsAndCodes) {
  EXPECT_EQ(Forms("Call 853-7906 or 713/853-5025 by 01-Feb-02 (zip "
                  "20006-3700), ticket #10461, b/c :) #tbt :-D"),
            (std::vector<std::string>{
                "Call 853-7906 or 713/853-5025 by 01-Feb-02 ( zip "
                "20006-3700 ) , ticket # 10461 , b/c :) #tbt :-D"}));
  // A bracket-emoticon only when it is the whole chunk.
  EXPECT_EQ(Forms("See (above): it"),
            (std::vector<std::string>{"See ( above ) : it"}));
}

TEST(TokenizerTest, QuestionMarkEndsSentenceBeforeLowercase) {
  EXPECT_EQ(Forms("what happened to you?? i used to have one.?"),
            (std::vector<std::string>{"what happened to you ??",
                                      "i used to have one .?"}));
}

TEST(TokenizerTest, PeriodAfterLowercaseWordEndsBeforeLowercase) {
  EXPECT_EQ(
      Forms("it was cool. i think so. Use approx. two cups at 3 p.m. "
            "daily."),
      (std::vector<std::string>{"it was cool .", "i think so .",
                                "Use approx. two cups at 3 p.m. daily ."}));
}

TEST(TokenizerTest, SlashesDashesEllipsis) {
  EXPECT_EQ(Forms("Use and/or 1/2 of it\u2014now... or later."),
            (std::vector<std::string>{
                "Use and / or 1/2 of it \u2014 now ... or later ."}));
}

TEST(TokenizerTest, UrlsAndEmailsStayWhole) {
  std::string text =
      "See http://www.example.com/a-b/c?d=1. Mail bob.smith@example.org, or "
      "visit nytimes.com.";
  EXPECT_EQ(Forms(text),
            (std::vector<std::string>{"See http://www.example.com/a-b/c?d=1 .",
                                      "Mail bob.smith@example.org , or visit "
                                      "nytimes.com ."}));
  ExpectOffsetsMatch(text);
}

TEST(TokenizerTest, UrlAfterBracketStaysWhole) {
  EXPECT_EQ(Forms("Built by [Anduril](https://x.com/tags/anduril-1), a firm."),
            (std::vector<std::string>{
                "Built by [ Anduril ] ( https://x.com/tags/anduril-1 ) , a "
                "firm ."}));
}

TEST(TokenizerTest, FrontMatterLinesAreSentences) {
  EXPECT_EQ(Forms("---\ntitle: Face scans now used at all major U.S. airports "
                  "for travelers\noutlet: The Civic Wire\n---\n\nThe "
                  "agency said so.\n---\nnot: front matter"),
            (std::vector<std::string>{
                "title : Face scans now used at all major U.S. airports for "
                "travelers",
                "outlet : The Civic Wire", "The agency said so .",
                "not : front matter"}));
}

TEST(TokenizerTest, BlankLinesAndHeadlinesEndSentences) {
  std::vector<Sentence> s =
      Tok("Senate Passes Budget Bill\nBy John Smith\nThe Senate passed the "
          "bill on\nTuesday after a long debate.\n\nA new paragraph");
  EXPECT_EQ(Forms(s), (std::vector<std::string>{
                          "Senate Passes Budget Bill", "By John Smith",
                          "The Senate passed the bill on Tuesday after a "
                          "long debate .",
                          "A new paragraph"}));
}

TEST(TokenizerTest, PageDebrisIsDroppedOrKeptApart) {
  std::string text =
      "The talks failed.\nComments\nRelated Articles\nShare this\n"
      "Advertisement\n12 Comments\n**Related:** [Talks fail](http://x.com/a)"
      " \u00b7 [Why](http://x.com/b)\nThe talks resumed.";
  EXPECT_EQ(Forms(text), (std::vector<std::string>{"The talks failed .",
                                                   "The talks resumed ."}));
  TokenizerOptions keep;
  keep.keep_debris = true;
  std::vector<Sentence> s = Tok(text, keep);
  ASSERT_EQ(s.size(), 8u);
  EXPECT_EQ(s[1].text, "Comments");
  ASSERT_EQ(s[1].comments.size(), 1u);
  EXPECT_EQ(s[1].comments[0], "page_debris");
  EXPECT_EQ(s[6].comments.size(), 1u);
  EXPECT_TRUE(s[7].comments.empty());
}

TEST(TokenizerTest, LineIsSentenceOption) {
  TokenizerOptions options;
  options.line_is_sentence = true;
  EXPECT_EQ(Forms(Tok("one two\nthree four", options)),
            (std::vector<std::string>{"one two", "three four"}));
  EXPECT_EQ(Forms("one two\nthree four"),
            (std::vector<std::string>{"one two three four"}));
}

TEST(TokenizerTest, OffsetsAreCodePointsIntoOriginal) {
  std::string text = "Caf\u00e9 \u00fcber alles.  Zo\u00eb left.";
  std::vector<Sentence> s = Tok(text);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].words[1].form, "\u00fcber");
  EXPECT_EQ(s[0].words[1].start, 5);
  EXPECT_EQ(s[0].words[1].end, 9);
  EXPECT_EQ(s[1].start, 18);
  EXPECT_EQ(s[1].end, 27);
  EXPECT_EQ(s[1].text, "Zo\u00eb left.");
}

TEST(TokenizerTest, InvalidUtf8NamesByteOffset) {
  for (std::string bad : {std::string("ab\xff"), std::string("abc\xc3"),
                          std::string("ab\xed\xa0\x80"),  // Surrogate.
                          std::string("ab\xc0\xaf"),      // Overlong.
                          std::string("ab\xe2\x28\xa1")}) {
    StatusOr<std::vector<Sentence>> r = Tokenize(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(r.status().message().find("byte offset " +
                                        std::to_string(bad[2] == 'c' ? 3 : 2)),
              std::string::npos)
        << r.status().message();
  }
}

TEST(TokenizerTest, EmptyInputGivesNoSentences) {
  EXPECT_TRUE(Tok("").empty());
  EXPECT_TRUE(Tok(" \n\t\n ").empty());
}

TEST(TokenizerTest, LongLineIsCutIntoBoundedSentences) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "word ";
  std::vector<Sentence> s = Tok(text);
  size_t words = 0;
  for (const Sentence& sentence : s) {
    EXPECT_LE(sentence.words.size(), 400u);
    words += sentence.words.size();
  }
  EXPECT_EQ(words, 20000u);
}

}  // namespace
}  // namespace claimgraph

namespace claimgraph {
namespace {

TEST(TokenizeEachTest, StreamsSameSentencesAndStopsOnSinkError) {
  std::string text = "One. Two.\n\nThree. Four.";
  std::vector<std::string> seen;
  Status status = TokenizeEach(text, {}, [&](Sentence&& s) {
    seen.push_back(s.text);
    return OkStatus();
  });
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(seen,
            (std::vector<std::string>{"One.", "Two.", "Three.", "Four."}));
  seen.clear();
  status = TokenizeEach(text, {}, [&](Sentence&& s) {
    seen.push_back(s.text);
    return seen.size() == 2 ? IoError("disk full") : OkStatus();
  });
  EXPECT_EQ(status, IoError("disk full"));
  EXPECT_EQ(seen.size(), 2u);
}

TEST(TokenizeEachTest, InvalidUtf8NeverReachesSink) {
  int calls = 0;
  Status status = TokenizeEach("Fine. Bad \xc3(", {}, [&](Sentence&&) {
    ++calls;
    return OkStatus();
  });
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace claimgraph
