// The transaction's tables of touched records: IdentityTable
// (store/identity_table.h) and TouchedById (store/touched_by_id.h).

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/identity_table.h"
#include "store/touched_by_id.h"

namespace claimgraph::store_internal {
namespace {

TEST(IdentityTableTest, FindsWhatWasSetAndNothingElse) {
  IdentityTable table;
  EXPECT_EQ(table.Find("a"), nullptr);
  table.Set("a", 7);
  table.Set("ab", 0);  // Known to be absent.
  ASSERT_NE(table.Find("a"), nullptr);
  EXPECT_EQ(*table.Find("a"), 7u);
  ASSERT_NE(table.Find("ab"), nullptr);
  EXPECT_EQ(*table.Find("ab"), 0u);
  EXPECT_EQ(table.Find("b"), nullptr);
  EXPECT_EQ(table.Find(""), nullptr);
  EXPECT_EQ(table.Find(std::string("a\0", 2)), nullptr);
  table.Set("a", 0);
  EXPECT_EQ(*table.Find("a"), 0u);
  table.Set("a", 9);
  EXPECT_EQ(*table.Find("a"), 9u);
  EXPECT_EQ(table.size(), 2u);
  table.Set("", 3);
  ASSERT_NE(table.Find(""), nullptr);
  EXPECT_EQ(*table.Find(""), 3u);
}

TEST(IdentityTableTest, AgreesWithAMapThroughGrowthAndKeepsViews) {
  IdentityTable table;
  std::map<std::string, uint64_t> expected;
  std::vector<std::pair<std::string_view, std::string>> views;
  for (uint64_t i = 0; i < 50'000; ++i) {
    // Long shared prefixes, like claim identities.
    std::string identity = std::to_string(i % 977) + "\x1fpredicate\x1f" +
                           std::to_string(i * 7919 % 50'000);
    uint64_t id = i % 5 == 0 ? 0 : i + 1;
    std::string_view view = table.Set(identity, id);
    EXPECT_EQ(view, identity);
    expected[identity] = id;
    if (i % 1000 == 0) views.emplace_back(view, identity);
  }
  EXPECT_EQ(table.size(), expected.size());
  for (const auto& [identity, id] : expected) {
    const uint64_t* found = table.Find(identity);
    ASSERT_NE(found, nullptr) << identity;
    EXPECT_EQ(*found, id);
    EXPECT_EQ(table.Find(identity + "x"), nullptr);
  }
  table.ReleaseLookups();
  EXPECT_EQ(table.Find(views[0].second), nullptr);
  for (const auto& [view, identity] : views) EXPECT_EQ(view, identity);
  table.Clear();
  EXPECT_EQ(table.size(), 0u);
  EXPECT_EQ(table.Find(views[0].second), nullptr);
}

TEST(TouchedByIdTest, StoredAndNewIdsInIdOrderWithStablePointers) {
  TouchedById<std::string, std::map<uint64_t, std::string>> touched;
  touched.SetFirstNew(100);
  *touched.Insert(5) = "stored 5";
  std::string* first_new = touched.Insert(100);
  *first_new = "new 100";
  *touched.Insert(3) = "stored 3";
  *touched.Insert(103) = "new 103";  // A gap: 101 and 102 untouched.
  for (uint64_t id = 104; id < 5000; ++id) {
    *touched.Insert(id) = "new " + std::to_string(id);
  }
  EXPECT_EQ(*first_new, "new 100");  // Not moved by the growth.
  EXPECT_EQ(touched.Find(101), nullptr);
  EXPECT_EQ(touched.Find(4), nullptr);
  EXPECT_EQ(touched.Find(5000), nullptr);
  EXPECT_TRUE(touched.contains(3));
  EXPECT_EQ(*touched.Find(103), "new 103");
  EXPECT_EQ(touched.size(), 4u + (5000 - 104));
  std::vector<uint64_t> order;
  Status status = touched.ForEach([&](uint64_t id, std::string& value) {
    EXPECT_TRUE(value.ends_with(std::to_string(id)));
    order.push_back(id);
    return OkStatus();
  });
  ASSERT_TRUE(status.ok());
  ASSERT_GE(order.size(), 4u);
  EXPECT_EQ((std::vector<uint64_t>(order.begin(), order.begin() + 4)),
            (std::vector<uint64_t>{3, 5, 100, 103}));
  EXPECT_TRUE(std::is_sorted(order.begin(), order.end()));
  int calls = 0;
  status = touched.ForEach([&](uint64_t, std::string&) {
    return ++calls == 3 ? InternalError("stop") : OkStatus();
  });
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(calls, 3);
  touched.Clear();
  EXPECT_EQ(touched.size(), 0u);
  EXPECT_EQ(touched.Find(3), nullptr);
  EXPECT_EQ(touched.Find(100), nullptr);
}

TEST(TouchedByIdTest, HashedStoredIds) {
  TouchedById<int, std::unordered_map<uint64_t, int>> touched;
  touched.SetFirstNew(1);
  *touched.Insert(1) = 10;
  *touched.Insert(2) = 20;
  EXPECT_EQ(*touched.Find(2), 20);
  EXPECT_EQ(touched.Find(0), nullptr);
  EXPECT_EQ(touched.Find(3), nullptr);
}

}  // namespace
}  // namespace claimgraph::store_internal
