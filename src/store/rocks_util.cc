#include "store/rocks_util.h"

#include <memory>

#include "store/keys.h"

namespace claimgraph::store_internal {

Status FromRocks(const rocksdb::Status& status, std::string_view context) {
  if (status.ok()) return OkStatus();
  std::string message(context);
  message += ": ";
  message += status.ToString();
  if (status.IsNotFound()) return NotFoundError(std::move(message));
  if (status.IsCorruption()) return CorruptionError(std::move(message));
  if (status.IsInvalidArgument()) {
    return InvalidArgumentError(std::move(message));
  }
  return IoError(std::move(message));
}

Status ScanPrefix(
    rocksdb::DB* db, const rocksdb::ReadOptions& options,
    rocksdb::ColumnFamilyHandle* cf, std::string_view prefix,
    const std::function<bool(std::string_view, std::string_view)>& fn) {
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(options, cf));
  for (it->Seek(rocksdb::Slice(prefix.data(), prefix.size())); it->Valid();
       it->Next()) {
    std::string_view key(it->key().data(), it->key().size());
    if (key.substr(0, prefix.size()) != prefix) break;
    if (!fn(key, std::string_view(it->value().data(), it->value().size()))) {
      break;
    }
  }
  return FromRocks(it->status(), "scanning the store");
}

StatusOr<std::vector<uint64_t>> TrailingIdsWithPrefix(
    rocksdb::DB* db, const rocksdb::ReadOptions& options,
    rocksdb::ColumnFamilyHandle* cf, std::string_view prefix) {
  std::vector<uint64_t> ids;
  Status status =
      ScanPrefix(db, options, cf, prefix, [&](std::string_view key, auto) {
        if (key.size() >= prefix.size() + 8) {
          ids.push_back(store_keys::TrailingId(key));
        }
        return true;
      });
  if (!status.ok()) return status;
  return ids;
}

}  // namespace claimgraph::store_internal
