#include "store/bulk_write.h"

#include <rocksdb/sst_file_writer.h>

#include <filesystem>
#include <vector>

#include "store/keys.h"
#include "store/rocks_util.h"

namespace claimgraph::store_internal {

namespace fs = std::filesystem;
namespace keys = store_keys;

namespace {

// Removes the work directory when the write ends, whatever the outcome:
// after a successful ingestion RocksDB has moved (linked) the files into
// the database, so what is left there is never needed.
class DirectoryGuard {
 public:
  explicit DirectoryGuard(std::string dir) : dir_(std::move(dir)) {}
  ~DirectoryGuard() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  DirectoryGuard(const DirectoryGuard&) = delete;
  DirectoryGuard& operator=(const DirectoryGuard&) = delete;

 private:
  std::string dir_;
};

// Writes the operations of `family` into the SST file `path`.
Status WriteFamily(SortedBatch* batch, keys::ColumnFamily family,
                   const RawReader& raw, const std::string& path) {
  rocksdb::ColumnFamilyHandle* cf = raw.cf(family);
  // The family's own options: same table format, compression and filters
  // as the files RocksDB flushes itself. The file is read back at
  // ingestion, so its pages stay in the page cache.
  rocksdb::Options options = raw.db()->GetOptions(cf);
  // SstFileWriter would use the bottommost compression (ZSTD), which costs
  // the loading thread several times LZ4's CPU. A file ingested into the
  // bottommost level keeps LZ4 until a compaction rewrites it (as
  // Store::Compact does).
  options.bottommost_compression = rocksdb::kDisableCompressionOption;
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), options, cf,
                                /*invalidate_page_cache=*/false);
  std::string context = "writing " + path;
  CG_RETURN_IF_ERROR(FromRocks(writer.Open(path), context));
  CG_RETURN_IF_ERROR(batch->ConsumeLatest(
      family, [&](std::string_view key, std::string_view value, bool del) {
        rocksdb::Slice k(key.data(), key.size());
        return FromRocks(
            del ? writer.Delete(k)
                : writer.Put(k, rocksdb::Slice(value.data(), value.size())),
            context);
      }));
  return FromRocks(writer.Finish(), context);
}

}  // namespace

std::string BulkDirectory(const std::string& db_path) {
  return (fs::path(db_path) / "claimgraph-bulk.tmp").string();
}

Status RemoveBulkDirectory(const std::string& db_path) {
  std::error_code ec;
  fs::remove_all(BulkDirectory(db_path), ec);
  if (ec) {
    return IoError("removing " + BulkDirectory(db_path) + ": " + ec.message());
  }
  return OkStatus();
}

Status IngestBatch(SortedBatch* batch, const RawReader& raw,
                   const std::string& db_path) {
  CG_RETURN_IF_ERROR(RemoveBulkDirectory(db_path));
  std::string dir = BulkDirectory(db_path);
  std::error_code ec;
  fs::create_directory(dir, ec);
  if (ec) return IoError("creating " + dir + ": " + ec.message());
  DirectoryGuard guard(dir);

  std::vector<rocksdb::IngestExternalFileArg> args;
  for (int f = 0; f < keys::kNumColumnFamilies; ++f) {
    auto family = static_cast<keys::ColumnFamily>(f);
    if (batch->empty(family)) continue;
    std::string path =
        (fs::path(dir) / (std::string(keys::kColumnFamilyNames[f]) + ".sst"))
            .string();
    CG_RETURN_IF_ERROR(WriteFamily(batch, family, raw, path));
    rocksdb::IngestExternalFileArg arg;
    arg.column_family = raw.cf(family);
    arg.external_files.push_back(path);
    arg.options.move_files = true;
    // The sequence number goes to the MANIFEST only; writing it into the
    // file as well is a random write kept for old RocksDB versions.
    arg.options.write_global_seqno = false;
    args.push_back(std::move(arg));
  }
  if (args.empty()) return OkStatus();
  // With a snapshot open (and snapshot_consistency, the default), every
  // file gets a new sequence number; see bulk_write.h.
  const rocksdb::Snapshot* snapshot = raw.db()->GetSnapshot();
  rocksdb::Status s = raw.db()->IngestExternalFiles(args);
  raw.db()->ReleaseSnapshot(snapshot);
  return FromRocks(s, "adding the files of " + dir + " to " + db_path);
}

}  // namespace claimgraph::store_internal
