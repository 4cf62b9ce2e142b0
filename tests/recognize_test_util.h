// Helpers shared by the recognize_*_test.cc files.

#ifndef CLAIMGRAPH_TESTS_RECOGNIZE_TEST_UTIL_H_
#define CLAIMGRAPH_TESTS_RECOGNIZE_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "recognize/recognize.h"

namespace claimgraph::testing_util {

inline std::vector<Mention> Find(const std::string& text,
                                 std::vector<MentionType> types = {},
                                 std::optional<Date> ref = std::nullopt) {
  RecognizeOptions options;
  options.types = std::move(types);
  options.reference_date = ref;
  auto result = Recognize(text, options);
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  return result.ok() ? *result : std::vector<Mention>{};
}

// The single mention whose text is `span`, or a failure.
inline std::optional<Mention> FindSpan(const std::vector<Mention>& ms,
                                       const std::string& span) {
  for (const Mention& m : ms) {
    if (m.text == span) return m;
  }
  std::string all;
  for (const Mention& m : ms) all += "'" + m.text + "' ";
  ADD_FAILURE() << "no mention '" << span << "' among: " << all;
  return std::nullopt;
}

}  // namespace claimgraph::testing_util

#endif  // CLAIMGRAPH_TESTS_RECOGNIZE_TEST_UTIL_H_
