// Name normalisation for entity resolution.
//
// Two names denote the same alias when their normalised forms are equal.
// The normal form is: Unicode NFKC with case folding (ICU's NFKC_Casefold),
// then punctuation folding, then space folding:
//   - connector and dash punctuation ("-", "_", "–") becomes a space;
//   - other punctuation ("." "," "'" "&" quotes, brackets) is removed;
//   - runs of white space and control characters become one space;
//   - leading and trailing spaces are trimmed.
// So "U.S. Immigration and Customs Enforcement" and "u.s. immigration  and
// customs enforcement" both normalise to "us immigration and customs
// enforcement". Invalid UTF-8 sequences become U+FFFD.

#ifndef CLAIMGRAPH_MODEL_NAMES_H_
#define CLAIMGRAPH_MODEL_NAMES_H_

#include <string>
#include <string_view>

namespace claimgraph {

std::string NormalizeName(std::string_view name);

// Lower-cases and space-folds a predicate ("Has  Contracted" ->
// "has contracted"). Predicates keep their punctuation.
std::string NormalizePredicate(std::string_view predicate);

// Collapses runs of white space into one space and trims; keeps case.
std::string CollapseSpaces(std::string_view text);

// The three functions above always through ICU. The functions above take
// a table-driven path for ASCII text that gives the same bytes (tests
// compare the two); these exist for those tests.
std::string NormalizeNameIcu(std::string_view name);
std::string NormalizePredicateIcu(std::string_view predicate);
std::string CollapseSpacesIcu(std::string_view text);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_MODEL_NAMES_H_
