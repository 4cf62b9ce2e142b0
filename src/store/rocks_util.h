// Small helpers between RocksDB and claimgraph (internal to src/store).

#ifndef CLAIMGRAPH_STORE_ROCKS_UTIL_H_
#define CLAIMGRAPH_STORE_ROCKS_UTIL_H_

#include <rocksdb/db.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace claimgraph::store_internal {

// Converts a RocksDB status, prefixing `context` to the message.
Status FromRocks(const rocksdb::Status& status, std::string_view context);

// Calls `fn(key, value)` for every key of `cf` starting with `prefix`, in key
// order, until `fn` returns false.
Status ScanPrefix(
    rocksdb::DB* db, const rocksdb::ReadOptions& options,
    rocksdb::ColumnFamilyHandle* cf, std::string_view prefix,
    const std::function<bool(std::string_view, std::string_view)>& fn);

// The ids at the end of every key of `cf` starting with `prefix`.
StatusOr<std::vector<uint64_t>> TrailingIdsWithPrefix(
    rocksdb::DB* db, const rocksdb::ReadOptions& options,
    rocksdb::ColumnFamilyHandle* cf, std::string_view prefix);

}  // namespace claimgraph::store_internal

#endif  // CLAIMGRAPH_STORE_ROCKS_UTIL_H_
