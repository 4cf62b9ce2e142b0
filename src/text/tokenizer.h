// Sentence splitting and tokenisation of raw UTF-8 news text, following the
// tokenisation of Universal Dependencies English (EWT), so that the tagger
// and parser see the kind of tokens they were trained on.
//
// Conventions (see docs/tokenizer.md for the full list and examples):
//  - Punctuation is split off; abbreviations keep their period ("U.S.",
//    "Gov.", "Jan.", "Inc.", "Dr."), as do initials ("J. Smith"). When an
//    abbreviation ends a sentence, its period is split off as "." (EWT does
//    this: "Cargill, Inc" ".").
//  - Clitics become multi-word tokens, as in EWT: "don't" is the token
//    "don't" with the words "do" + "n't"; "can't" -> "ca" + "n't"; "cannot"
//    -> "can" + "not"; "it's" -> "it" + "'s"; "Edwards'" -> "Edwards" + "'";
//    "gonna" -> "gon" + "na".
//  - Numbers keep commas and decimal points ("1,461", "3.5"); currency
//    symbols and "%" are split off ("$" "30" "million", "76" "%").
//  - Hyphenated words are split at the hyphen ("152" "-" "day") except after
//    a prefix EWT keeps ("non-", "pre-", "anti-", "e-", ...), in phone
//    numbers and in letter-digit codes; "/" between words is split.
//  - URLs and e-mail addresses stay one token.
//  - A blank line, or a line break after a headline-like line, ends a
//    sentence. Page debris lines ("Comments", "Related Articles",
//    "Share this", "Advertisement", lone navigation words) never join real
//    text: they are dropped, or kept as sentences of their own.
//
// Offsets: every Word and Sentence carries start/end offsets in Unicode code
// points into the input (end exclusive); Sentence::text is the exact input
// slice. A word of a multi-word token covers part of the token's span ("do"
// = [0,2), "n't" = [2,5) in "don't"; "can" [0,3) "not" [3,6) in "cannot").
// Word::misc is "SpaceAfter=No" when no space follows the word (for a
// multi-word token the flag goes on MultiwordToken::misc instead), as in
// CoNLL-U. Tokens never span whitespace.
//
// Complexity: linear in the input size; no recursion on input.

#ifndef CLAIMGRAPH_TEXT_TOKENIZER_H_
#define CLAIMGRAPH_TEXT_TOKENIZER_H_

#include <functional>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "text/sentence.h"

namespace claimgraph {

struct TokenizerOptions {
  // Keep page debris lines as sentences of their own (each with the comment
  // "page_debris") instead of dropping them.
  bool keep_debris = false;
  // Treat every line break as a sentence end (for one-sentence-per-line
  // input). By default a single line break ends a sentence only after a
  // headline-like line (see docs/tokenizer.md); blank lines always do.
  bool line_is_sentence = false;
};

// Splits `utf8_text` into sentences of words, with offsets as described
// above. Fails with InvalidArgument, naming the byte offset, when the input
// is not valid UTF-8. Empty or all-whitespace input gives no sentences.
StatusOr<std::vector<Sentence>> Tokenize(std::string_view utf8_text,
                                         const TokenizerOptions& options = {});

// The same sentences, handed to `sink` one at a time, in order, as each
// paragraph is finished, so memory stays proportional to the input rather
// than to all its words. The UTF-8 check runs first: on invalid input the
// sink is never called. Stops at the sink's first error and returns it.
using SentenceSink = std::function<Status(Sentence&&)>;
Status TokenizeEach(std::string_view utf8_text, const TokenizerOptions& options,
                    const SentenceSink& sink);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_TEXT_TOKENIZER_H_
