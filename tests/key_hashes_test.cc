// The writer's set of claim-identity hashes (src/store/key_hashes.h): never
// "absent" for a key that was added, nothing known while incomplete.

#include "store/key_hashes.h"

#include <gtest/gtest.h>

#include <string>

namespace claimgraph::store_internal {
namespace {

TEST(KeyHashesTest, IncompleteSetMayContainAnything) {
  KeyHashes set;
  EXPECT_TRUE(set.MayContain("anything"));
  set.Add("a");
  EXPECT_TRUE(set.MayContain("b"));
}

TEST(KeyHashesTest, CompleteSetNeverLosesAnAddedKey) {
  KeyHashes set;
  set.SetComplete();
  EXPECT_FALSE(set.MayContain("x"));
  // Enough keys to grow the table several times.
  for (int i = 0; i < 20000; ++i) set.Add("key " + std::to_string(i));
  EXPECT_EQ(set.size(), 20000u);
  for (int i = 0; i < 20000; ++i) {
    ASSERT_TRUE(set.MayContain("key " + std::to_string(i))) << i;
  }
  // Keys never added are nearly all known to be absent.
  int maybe = 0;
  for (int i = 0; i < 20000; ++i) {
    if (set.MayContain("other " + std::to_string(i))) ++maybe;
  }
  EXPECT_LT(maybe, 5);
  // Adding a key twice counts once.
  set.Add("key 7");
  EXPECT_EQ(set.size(), 20000u);
}

TEST(KeyHashesTest, ClearForgetsAndMakesIncomplete) {
  KeyHashes set;
  set.SetComplete();
  set.Add("a");
  set.Clear();
  EXPECT_FALSE(set.complete());
  EXPECT_EQ(set.size(), 0u);
  EXPECT_TRUE(set.MayContain("z"));
}

}  // namespace
}  // namespace claimgraph::store_internal
