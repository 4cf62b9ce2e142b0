#include "text/tokenizer_lexicon.h"

#include <iterator>
#include <string_view>
#include <unordered_set>

namespace claimgraph::tokenizer_internal {
namespace {

using WordSet = std::unordered_set<std::string_view>;

template <size_t N>
WordSet MakeSet(const std::string_view (&words)[N]) {
  return WordSet(std::begin(words), std::end(words));
}

constexpr std::string_view kTitles[] = {
    "adm",  "apr",  "aug",    "capt", "cmdr", "col",  "dec", "dr",
    "feb",  "ft",   "gen",    "gov",  "jan",  "jul",  "jun", "lt",
    "maj",  "mar",  "messrs", "mr",   "mrs",  "ms",   "nov", "oct",
    "pres", "prof", "rep",    "rev",  "sen",  "sept", "sgt", "st"};

constexpr std::string_view kLowercaseAbbreviations[] = {
    "a.m", "al", "approx", "ca", "e.g", "esp", "etc", "i.e", "p.m", "vs"};

constexpr std::string_view kAbbreviations[] = {
    "approx", "ariz", "ca",  "calif", "fla",  "ont",  "a.m",  "adm",    "al",
    "apr",    "assn", "aug", "ave",   "bros", "capt", "cmdr", "co",     "col",
    "corp",   "d.c",  "dec", "dept",  "dr",   "e.g",  "esp",  "est",    "etc",
    "feb",    "fig",  "fri", "ft",    "gen",  "gov",  "i.e",  "inc",    "jan",
    "jr",     "jul",  "jun", "lt",    "ltd",  "maj",  "mar",  "messrs", "mon",
    "mr",     "mrs",  "ms",  "mt",    "no",   "nov",  "oct",  "p.m",    "ph.d",
    "pres",   "prof", "rep", "reps",  "rev",  "sat",  "sen",  "sept",   "sgt",
    "sr",     "st",   "sun", "thu",   "tue",  "u.k",  "u.n",  "u.s",    "u.s.a",
    "vs",     "wed"};

constexpr std::string_view kHyphenPrefixes[] = {
    "anti",   "arch",  "co",    "counter", "cross", "e",     "ex",
    "extra",  "inter", "intra", "macro",   "meta",  "micro", "mid",
    "multi",  "neo",   "non",   "over",    "post",  "pre",   "pro",
    "pseudo", "re",    "semi",  "socio",   "sub",   "vice"};

constexpr std::string_view kSentenceStarters[] = {
    "a",       "after",   "all",    "also",   "an",    "and",       "as",
    "at",      "because", "before", "both",   "but",   "by",        "despite",
    "during",  "each",    "even",   "for",    "from",  "however",   "he",
    "her",     "here",    "his",    "how",    "i",     "if",        "in",
    "instead", "it",      "its",    "last",   "many",  "meanwhile", "more",
    "most",    "my",      "no",     "now",    "on",    "one",       "only",
    "other",   "our",     "she",    "since",  "so",    "some",      "still",
    "such",    "that",    "the",    "their",  "then",  "there",     "these",
    "they",    "this",    "those",  "though", "thus",  "to",        "two",
    "under",   "we",      "what",   "when",   "where", "while",     "who",
    "with",    "you"};

constexpr std::string_view kContinuationWords[] = {
    "a",    "an",    "and",  "are",  "as",   "at",   "be",    "but", "by",
    "for",  "from",  "had",  "has",  "have", "in",   "is",    "of",  "on",
    "or",   "said",  "says", "than", "that", "the",  "their", "to",  "was",
    "were", "which", "who",  "will", "with", "would"};

constexpr std::string_view kDebrisLabels[] = {
    "also read", "latest news",      "more from",       "most popular",
    "most read", "read also",        "read more",       "recommended",
    "related",   "related articles", "related stories", "see also",
    "sponsored"};

constexpr std::string_view kDebris[] = {"about us",
                                        "advertisement",
                                        "advertising",
                                        "back to top",
                                        "click here",
                                        "close",
                                        "comment",
                                        "comments",
                                        "contact us",
                                        "continue reading",
                                        "copy link",
                                        "email",
                                        "facebook",
                                        "follow us",
                                        "home",
                                        "jump to",
                                        "latest news",
                                        "leave a comment",
                                        "linkedin",
                                        "load more",
                                        "log in",
                                        "login",
                                        "menu",
                                        "more",
                                        "most popular",
                                        "most read",
                                        "next",
                                        "previous",
                                        "print",
                                        "read more",
                                        "recommended",
                                        "related",
                                        "related articles",
                                        "related stories",
                                        "search",
                                        "see also",
                                        "share",
                                        "share this",
                                        "share this article",
                                        "share this story",
                                        "show comments",
                                        "sign in",
                                        "sign up",
                                        "skip to content",
                                        "sponsored",
                                        "subscribe",
                                        "tweet",
                                        "twitter"};

}  // namespace

bool IsAbbreviation(std::string_view key) {
  static const WordSet* set = new WordSet(MakeSet(kAbbreviations));
  return set->contains(key);
}
bool IsLowercaseAbbreviation(std::string_view key) {
  static const WordSet* set = new WordSet(MakeSet(kLowercaseAbbreviations));
  return set->contains(key);
}
bool IsTitleAbbreviation(std::string_view key) {
  static const WordSet* set = new WordSet(MakeSet(kTitles));
  return set->contains(key);
}
bool IsKeptHyphenPrefix(std::string_view key) {
  static const WordSet* set = new WordSet(MakeSet(kHyphenPrefixes));
  return set->contains(key);
}
bool IsSentenceStarter(std::string_view key) {
  static const WordSet* set = new WordSet(MakeSet(kSentenceStarters));
  return set->contains(key);
}
bool IsContinuationWord(std::string_view key) {
  static const WordSet* set = new WordSet(MakeSet(kContinuationWords));
  return set->contains(key);
}
bool IsDebrisLabel(std::string_view key) {
  static const WordSet* set = new WordSet(MakeSet(kDebrisLabels));
  return set->contains(key);
}
bool IsDebrisLine(std::string_view key) {
  static const WordSet* set = new WordSet(MakeSet(kDebris));
  return set->contains(key);
}

}  // namespace claimgraph::tokenizer_internal
