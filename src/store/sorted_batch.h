// The writes of one commit, handed to RocksDB sorted by key within each
// column family (internal to src/store).
//
// Why: RocksDB's memtable is a skip list that remembers where its last
// insert went, so keys inserted in order cost far less than keys inserted
// at random. The WriteBatch a commit builds visits claims in id order, which
// leaves the index keys (by subject, object, predicate, document, identity)
// in random order. Sorting does not change the outcome: operations on the
// same key keep their order (a stable sort), and operations on different
// keys commute.

#ifndef CLAIMGRAPH_STORE_SORTED_BATCH_H_
#define CLAIMGRAPH_STORE_SORTED_BATCH_H_

#include <rocksdb/write_batch.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/keys.h"
#include "store/raw_reader.h"

namespace claimgraph::store_internal {

class SortedBatch {
 public:
  void Put(store_keys::ColumnFamily family, std::string key,
           std::string value) {
    ops_[family].push_back({std::move(key), std::move(value), false});
  }
  void Delete(store_keys::ColumnFamily family, std::string key) {
    ops_[family].push_back({std::move(key), std::string(), true});
  }

  bool empty(store_keys::ColumnFamily family) const {
    return ops_[family].empty();
  }
  // The number of operations added.
  size_t size() const {
    size_t n = 0;
    for (const std::vector<Op>& ops : ops_) n += ops.size();
    return n;
  }

  // Appends every operation to `batch`, family by family, in key order
  // (operations on one key in the order they were added), freeing each
  // family's operations once appended.
  void WriteTo(const RawReader& raw, rocksdb::WriteBatch* batch) {
    for (int f = 0; f < store_keys::kNumColumnFamilies; ++f) {
      const std::vector<Op>& ops = ops_[f];
      if (ops.empty()) continue;
      rocksdb::ColumnFamilyHandle* cf =
          raw.cf(static_cast<store_keys::ColumnFamily>(f));
      for (uint32_t i : Order(f)) {
        const Op& op = ops[i];
        if (op.del) {
          batch->Delete(cf, op.key);
        } else {
          batch->Put(cf, op.key, op.value);
        }
      }
      std::vector<Op>().swap(ops_[f]);
    }
  }

  // Calls `fn(key, value, del)` once per distinct key of `family`, in key
  // order, with the last operation added on that key (what the database
  // holds after WriteTo's operations on it), then frees the family's
  // operations. Stops at, and returns, the first error `fn` returns.
  template <typename Fn>
  Status ConsumeLatest(store_keys::ColumnFamily family, Fn fn) {
    std::vector<Op>& ops = ops_[family];
    std::vector<uint32_t> order = Order(family);
    Status status;
    for (size_t k = 0; k < order.size() && status.ok(); ++k) {
      // Ties are in position order: the last of a run of equal keys wins.
      if (k + 1 < order.size() && ops[order[k + 1]].key == ops[order[k]].key) {
        continue;
      }
      const Op& op = ops[order[k]];
      status = fn(op.key, op.value, op.del);
    }
    std::vector<Op>().swap(ops);
    return status;
  }

 private:
  struct Op {
    std::string key;
    std::string value;
    bool del;
  };

  // Positions of `family`'s operations in key order; the position breaks
  // ties, which keeps the order of operations on one key. What is sorted
  // is (the key's first 8 bytes as a big-endian integer, position) pairs:
  // most comparisons are then one integer comparison in contiguous memory,
  // not a memcmp of two strings elsewhere in the heap (a 1M-claim write
  // sorts about 7 million keys). Integer order of the first 8 bytes is
  // their byte order, so the result is RocksDB's bytewise key order.
  std::vector<uint32_t> Order(int family) const {
    const std::vector<Op>& ops = ops_[family];
    struct Entry {
      uint64_t head;
      uint32_t pos;
    };
    std::vector<Entry> entries(ops.size());
    for (uint32_t i = 0; i < entries.size(); ++i) {
      entries[i] = {Head(ops[i].key), i};
    }
    auto before = [&ops](const Entry& a, const Entry& b) {
      if (a.head != b.head) return a.head < b.head;
      int c = ops[a.pos].key.compare(ops[b.pos].key);
      return c < 0 || (c == 0 && a.pos < b.pos);
    };
    // Families keyed by new ids (claims, entities) come in order already.
    if (!std::is_sorted(entries.begin(), entries.end(), before)) {
      std::sort(entries.begin(), entries.end(), before);
    }
    std::vector<uint32_t> order(entries.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = entries[i].pos;
    return order;
  }

  // The first 8 bytes of `key` (zeros past its end), big-endian.
  static uint64_t Head(const std::string& key) {
    uint64_t head = 0;
    size_t n = std::min<size_t>(key.size(), 8);
    for (size_t i = 0; i < 8; ++i) {
      head = head << 8 | (i < n ? static_cast<unsigned char>(key[i]) : 0);
    }
    return head;
  }

  std::vector<Op> ops_[store_keys::kNumColumnFamilies];
};

}  // namespace claimgraph::store_internal

#endif  // CLAIMGRAPH_STORE_SORTED_BATCH_H_
