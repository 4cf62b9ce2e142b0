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

  // Appends every operation to `batch`, family by family, in key order
  // (operations on one key in the order they were added).
  void WriteTo(const RawReader& raw, rocksdb::WriteBatch* batch) {
    std::vector<uint32_t> order;
    for (int f = 0; f < store_keys::kNumColumnFamilies; ++f) {
      const std::vector<Op>& ops = ops_[f];
      // Sort positions, not the operations (two strings each); the position
      // breaks ties, which keeps the order of operations on one key.
      order.resize(ops.size());
      for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
      auto before = [&ops](uint32_t a, uint32_t b) {
        int c = ops[a].key.compare(ops[b].key);
        return c < 0 || (c == 0 && a < b);
      };
      // Families keyed by new ids (claims, entities) come in order already.
      if (!std::is_sorted(order.begin(), order.end(), before)) {
        std::sort(order.begin(), order.end(), before);
      }
      rocksdb::ColumnFamilyHandle* cf =
          raw.cf(static_cast<store_keys::ColumnFamily>(f));
      for (uint32_t i : order) {
        const Op& op = ops[i];
        if (op.del) {
          batch->Delete(cf, op.key);
        } else {
          batch->Put(cf, op.key, op.value);
        }
      }
    }
  }

 private:
  struct Op {
    std::string key;
    std::string value;
    bool del;
  };
  std::vector<Op> ops_[store_keys::kNumColumnFamilies];
};

}  // namespace claimgraph::store_internal

#endif  // CLAIMGRAPH_STORE_SORTED_BATCH_H_
