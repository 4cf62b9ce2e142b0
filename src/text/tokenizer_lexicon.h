// Word lists used by the tokeniser (internal to src/text). All lookups take
// ASCII-lowercased keys; non-ASCII keys never match.

#ifndef CLAIMGRAPH_TEXT_TOKENIZER_LEXICON_H_
#define CLAIMGRAPH_TEXT_TOKENIZER_LEXICON_H_

#include <string_view>

namespace claimgraph::tokenizer_internal {

// Abbreviations that keep their final period, given without it ("inc",
// "u.s", "e.g"). Single letters (initials) are handled by the caller.
bool IsAbbreviation(std::string_view lower_without_dot);

// Listed abbreviations that are written in lower case ("etc", "vs"); the
// others keep their period only when capitalised ("Sun." but "the sun.").
bool IsLowercaseAbbreviation(std::string_view lower_without_dot);

// Abbreviations that precede a name or number and so never end a sentence
// ("mr", "dr", "gov", "st", "no", "jan").
bool IsTitleAbbreviation(std::string_view lower_without_dot);

// Prefixes that EWT keeps attached to the rest of a hyphenated word
// ("non-stop", "e-mail", "anti-war").
bool IsKeptHyphenPrefix(std::string_view lower);

// Words that commonly start a sentence and are not names ("the", "he",
// "but"); used to decide whether an abbreviation ends a sentence.
bool IsSentenceStarter(std::string_view lower);

// Lower-case function words that do not end a headline, so a line ending
// in one continues on the next line ("the bill on\nTuesday").
bool IsContinuationWord(std::string_view lower);

// A whole line of page furniture ("comments", "related articles", "share
// this", "advertisement", "home"), after the caller has lowercased it and
// removed digits, punctuation and extra spaces.
bool IsDebrisLine(std::string_view normalized_line);

// Labels that make a whole line debris when followed by a colon, however
// long the line ("Related: <links>", "Read more: ..."); a subset of the
// debris phrases that never introduces content ("Email:" does).
bool IsDebrisLabel(std::string_view lower);

}  // namespace claimgraph::tokenizer_internal

#endif  // CLAIMGRAPH_TEXT_TOKENIZER_LEXICON_H_
