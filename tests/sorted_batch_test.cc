// SortedBatch (store/sorted_batch.h): the order it hands operations to
// RocksDB in, and the last operation per key that the bulk path writes.

#include "store/sorted_batch.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <string>
#include <vector>

namespace claimgraph::store_internal {
namespace {

namespace keys = store_keys;

// Keys like the store's: shared prefixes longer than 8 bytes, keys that
// are prefixes of others, 0x00 and 0xFF bytes, and repeated keys.
std::vector<std::string> HardKeys(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  const std::vector<std::string> prefixes = {
      "",
      "a",
      "https://www.example.com/2019/01/01/detention-",
      "https://www.example.com/2019/01/01/detention-towers-",
      "contract",
      std::string("contract\0", 9),
      std::string("\0\0\0\0\0\0\0", 7),
      std::string("\xff\xff\xff\xff\xff\xff\xff\xff\xff", 9)};
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) {
    std::string key = prefixes[rng() % prefixes.size()];
    size_t tail = rng() % 12;
    for (size_t t = 0; t < tail; ++t) {
      const char alphabet[] = {'\0', '\x01', 'a', 'b', '\x7f', '\x80', '\xff'};
      key.push_back(alphabet[rng() % sizeof(alphabet)]);
    }
    out.push_back(key);
    if (rng() % 5 == 0) out.push_back(key);  // The same key again.
  }
  return out;
}

TEST(SortedBatchTest, OrderIsByteOrderThenPosition) {
  for (uint32_t seed = 1; seed <= 20; ++seed) {
    std::vector<std::string> keys = HardKeys(seed * 150, seed);
    SortedBatch batch;
    for (const std::string& key : keys) batch.Put(keys::kByDocument, key, "");
    std::vector<uint32_t> expected(keys.size());
    std::iota(expected.begin(), expected.end(), 0);
    std::stable_sort(expected.begin(), expected.end(),
                     [&](uint32_t a, uint32_t b) { return keys[a] < keys[b]; });
    EXPECT_EQ(batch.Order(keys::kByDocument), expected) << "seed " << seed;
  }
}

TEST(SortedBatchTest, ConsumeLatestGivesTheLastOperationOfEachKey) {
  SortedBatch batch;
  batch.Put(keys::kAliases, "b", "1");
  batch.Delete(keys::kAliases, "a");
  batch.Put(keys::kAliases, "a", "2");
  batch.Put(keys::kAliases, "c", "3");
  batch.Delete(keys::kAliases, "c");
  batch.Put(keys::kAliases, "b", "4");
  std::vector<std::string> seen;
  Status status = batch.ConsumeLatest(
      keys::kAliases,
      [&](std::string_view key, std::string_view value, bool del) {
        seen.push_back(std::string(key) +
                       (del ? " del" : " put " + std::string(value)));
        return OkStatus();
      });
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(seen, (std::vector<std::string>{"a put 2", "b put 4", "c del"}));
  EXPECT_TRUE(batch.empty(keys::kAliases));
}

}  // namespace
}  // namespace claimgraph::store_internal
