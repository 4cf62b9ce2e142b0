#include "store/store.h"

#include <rocksdb/cache.h>
#include <rocksdb/convenience.h>
#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/options.h>
#include <rocksdb/table.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "store/adjacency.h"
#include "store/bulk_write.h"
#include "store/entity_cache.h"
#include "store/keys.h"
#include "store/rocks_util.h"
#include "store/write_cache.h"

namespace claimgraph {

namespace keys = store_keys;
using store_internal::FromRocks;

namespace {

// One LRU block cache shared by all column families of a store (RocksDB
// would otherwise give each family its own 8 MB cache): walks read index
// blocks and claim blocks over and over, and should not decompress them
// again each time.
constexpr size_t kBlockCacheBytes = size_t{256} << 20;

rocksdb::ColumnFamilyOptions FamilyOptions(
    const std::shared_ptr<rocksdb::Cache>& cache) {
  rocksdb::ColumnFamilyOptions options;
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = cache;
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  auto supported = rocksdb::GetSupportedCompressions();
  auto has = [&](rocksdb::CompressionType t) {
    return std::find(supported.begin(), supported.end(), t) != supported.end();
  };
  if (has(rocksdb::kLZ4Compression)) {
    options.compression = rocksdb::kLZ4Compression;
  }
  if (has(rocksdb::kZSTD)) options.bottommost_compression = rocksdb::kZSTD;
  return options;
}

std::vector<rocksdb::ColumnFamilyDescriptor> Families() {
  std::shared_ptr<rocksdb::Cache> cache =
      rocksdb::NewLRUCache(kBlockCacheBytes);
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const char* name : keys::kColumnFamilyNames) {
    families.emplace_back(name, FamilyOptions(cache));
  }
  // Loading looks up the identity of every new claim, and nearly all of
  // those lookups miss: a whole-key bloom filter in the memtable answers
  // them without searching the skip list (SST files have their own).
  rocksdb::ColumnFamilyOptions& claim_keys = families[keys::kClaimKeys].options;
  claim_keys.memtable_prefix_bloom_size_ratio = 0.05;
  claim_keys.memtable_whole_key_filtering = true;
  return families;
}

// Refuses a directory that holds a RocksDB database that is not ours.
Status CheckColumnFamilies(const std::string& path) {
  std::vector<std::string> names;
  rocksdb::Status s =
      rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), path, &names);
  if (!s.ok()) return OkStatus();  // No database yet.
  std::set<std::string> ours(std::begin(keys::kColumnFamilyNames),
                             std::end(keys::kColumnFamilyNames));
  for (const std::string& name : names) {
    if (!ours.contains(name)) {
      return FailedPreconditionError(
          path +
          " holds a RocksDB database that is not a claimgraph "
          "database (column family \"" +
          name + "\")");
    }
  }
  // Every claimgraph database has all its column families from the start;
  // one without them is refused before anything is created in it.
  if (names.size() != ours.size()) {
    return FailedPreconditionError(
        path +
        " holds a RocksDB database that is not a claimgraph database "
        "of schema version " +
        std::to_string(Store::kSchemaVersion) +
        " (it lacks claimgraph's column families)");
  }
  return OkStatus();
}

}  // namespace

Store::Store(std::string path, const StoreOptions& options)
    : path_(std::move(path)),
      read_only_(options.read_only),
      bulk_write_min_keys_(options.bulk_write_min_keys) {
  if (read_only_) {
    entity_cache_ = std::make_unique<store_internal::EntityCache>();
  } else {
    write_cache_ = std::make_unique<store_internal::WriteCache>();
  }
}

Store::~Store() {
  for (rocksdb::ColumnFamilyHandle* handle : handles_) {
    db_->DestroyColumnFamilyHandle(handle);
  }
}

StatusOr<std::unique_ptr<Store>> Store::Open(const std::string& path,
                                             const StoreOptions& options) {
  std::error_code ec;
  bool exists =
      std::filesystem::exists(std::filesystem::path(path) / "CURRENT", ec);
  if (!exists && (options.read_only || !options.create_if_missing)) {
    return NotFoundError("no claimgraph database at " + path +
                         " (load claims first, or pass --db)");
  }
  CG_RETURN_IF_ERROR(CheckColumnFamilies(path));
  rocksdb::DBOptions db_options;
  db_options.create_if_missing = options.create_if_missing;
  db_options.create_missing_column_families = !options.read_only;
  db_options.info_log_level = rocksdb::WARN_LEVEL;
  db_options.keep_log_file_num = 2;
  std::unique_ptr<Store> store(new Store(path, options));
  rocksdb::DB* db = nullptr;
  rocksdb::Status s =
      options.read_only
          ? rocksdb::DB::OpenForReadOnly(db_options, path, Families(),
                                         &store->handles_, &db)
          : rocksdb::DB::Open(db_options, path, Families(), &store->handles_,
                              &db);
  if (!s.ok()) {
    if (s.IsIOError() && s.ToString().find("lock") != std::string::npos) {
      return IoError("database " + path +
                     " is in use by another claimgraph process");
    }
    return FromRocks(s, "opening " + path);
  }
  store->db_.reset(db);
  // Files of a bulk write that did not finish were never part of the
  // database.
  if (!options.read_only) {
    CG_RETURN_IF_ERROR(store_internal::RemoveBulkDirectory(path));
  }
  if (options.read_only && options.adjacency_snapshot) {
    store->adjacency_ = std::make_unique<store_internal::AdjacencyHolder>(
        db, &store->handles_, path);
  }

  std::string version;
  s = db->Get(rocksdb::ReadOptions(), store->handles_[keys::kMeta],
              keys::kSchemaVersionKey, &version);
  if (s.IsNotFound()) {
    if (exists) {
      return FailedPreconditionError(path +
                                     " holds no claimgraph schema version");
    }
    if (options.read_only) return NotFoundError("no database at " + path);
    s = db->Put(rocksdb::WriteOptions(), store->handles_[keys::kMeta],
                keys::kSchemaVersionKey, std::to_string(kSchemaVersion));
    if (!s.ok()) return FromRocks(s, "initialising " + path);
  } else if (!s.ok()) {
    return FromRocks(s, "reading the schema version of " + path);
  } else if (version != std::to_string(kSchemaVersion)) {
    return FailedPreconditionError(
        "database " + path + " has schema version " + version +
        "; this claimgraph reads version " + std::to_string(kSchemaVersion) +
        " (export it with the claimgraph that wrote it, then load the export "
        "into a new database)");
  }
  return store;
}

Status Store::Compact() {
  for (rocksdb::ColumnFamilyHandle* handle : handles_) {
    rocksdb::CompactRangeOptions options;
    options.bottommost_level_compaction =
        rocksdb::BottommostLevelCompaction::kForce;
    CG_RETURN_IF_ERROR(FromRocks(
        db_->CompactRange(options, handle, nullptr, nullptr), "compacting"));
  }
  return OkStatus();
}

}  // namespace claimgraph
