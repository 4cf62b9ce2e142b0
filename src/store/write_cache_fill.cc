// Store::PrepareWriteCache: reading a whole column family into the writer's
// cache before a large load (write_cache.h, "Completeness").

#include <rocksdb/db.h>

#include <memory>
#include <string>
#include <vector>

#include "store/keys.h"
#include "store/rocks_util.h"
#include "store/store.h"
#include "store/write_cache.h"

namespace claimgraph {
namespace {

namespace keys = store_keys;

// Reading a key of a whole column family costs a small fraction of a point
// lookup (a Get or a Seek through every level); a load of `claims` claims
// reads the column family in full when it holds at most this many keys per
// claim loaded.
constexpr uint64_t kScanKeysPerClaim = 4;

// RocksDB's estimate of the number of keys in `cf`, or 0 when unknown.
uint64_t EstimatedKeys(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf) {
  uint64_t n = 0;
  if (!db->GetIntProperty(cf, "rocksdb.estimate-num-keys", &n)) return 0;
  return n;
}

// True when `cf` is empty, or small enough next to `claims` to be read in
// full (see kScanKeysPerClaim).
bool WorthReading(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf,
                  size_t claims) {
  return EstimatedKeys(db, cf) <= claims * kScanKeysPerClaim;
}

// Calls fn(key) for every key of `cf`.
template <typename Fn>
Status ForEachKey(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf, Fn fn) {
  rocksdb::ReadOptions options;
  options.fill_cache = false;  // One pass; keep the block cache for lookups.
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(options, cf));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    fn(std::string_view(it->key().data(), it->key().size()));
  }
  return store_internal::FromRocks(it->status(), "reading the store");
}

}  // namespace

Status Store::PrepareWriteCache(size_t claims) {
  store_internal::WriteCache& cache = *write_cache_;
  rocksdb::DB* db = db_.get();
  if (!cache.names_complete() &&
      WorthReading(db, handles_[keys::kAliases], claims)) {
    // Keys are "name 0x00 id": the keys of a name are adjacent, in id order.
    Status read;
    cache.SetAllNames([&](auto add) {
      read =
          ForEachKey(db, handles_[keys::kAliases], [&](std::string_view key) {
            if (key.size() >= 9) {
              add(key.substr(0, key.size() - 9), keys::TrailingId(key));
            }
          });
    });
    if (!read.ok()) {
      cache.Clear();
      return read;
    }
  }
  store_internal::KeyHashes* identities = cache.mutable_identities();
  if (!identities->complete() &&
      WorthReading(db, handles_[keys::kClaimKeys], claims)) {
    identities->Clear();
    CG_RETURN_IF_ERROR(
        ForEachKey(db, handles_[keys::kClaimKeys],
                   [&](std::string_view key) { identities->Add(key); }));
    identities->SetComplete();
  }
  return OkStatus();
}

}  // namespace claimgraph
