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

  // Appends every operation to `batch`, family by family, in key order.
  void WriteTo(const RawReader& raw, rocksdb::WriteBatch* batch) {
    for (int f = 0; f < store_keys::kNumColumnFamilies; ++f) {
      std::vector<Op>& ops = ops_[f];
      std::stable_sort(ops.begin(), ops.end(),
                       [](const Op& a, const Op& b) { return a.key < b.key; });
      rocksdb::ColumnFamilyHandle* cf =
          raw.cf(static_cast<store_keys::ColumnFamily>(f));
      for (const Op& op : ops) {
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
