// The bulk path of a commit (internal to src/store): a large write is built
// into sorted SST files, one per column family, and added to the database
// with one DB::IngestExternalFiles call, instead of going through the WAL
// and the memtables as a WriteBatch.
//
// Why: a large load spends much of its time inserting keys scattered over
// the whole key range into RocksDB's skip lists, and holds the batch twice
// (the batch and the memtable). Sorted SST files are written sequentially.
//
// Guarantees, as for a WriteBatch written with sync:
// - Atomic: IngestExternalFiles records the files of every column family in
//   one MANIFEST write. If it fails, or the process dies before it returns,
//   none of them is in the database (files left in the work directory are
//   not part of the database, and the next bulk write or Open removes them).
// - Same contents: each key gets the last operation the commit made on it
//   (a put, or a delete, written as a tombstone), which is what the
//   WriteBatch's operations leave.
// - Newer than what it overlaps: an ingested file whose keys overlap the
//   memtable (RocksDB flushes it first) or older files gets a new sequence
//   number. A snapshot is held during the call so that every file gets
//   one, and the database's latest sequence number always increases, as it
//   does for a WriteBatch (the adjacency snapshot's stamp relies on it).

#ifndef CLAIMGRAPH_STORE_BULK_WRITE_H_
#define CLAIMGRAPH_STORE_BULK_WRITE_H_

#include <string>

#include "base/status.h"
#include "store/raw_reader.h"
#include "store/sorted_batch.h"

namespace claimgraph::store_internal {

// The work directory of bulk writes, inside the database directory.
std::string BulkDirectory(const std::string& db_path);

// Removes the work directory (what an interrupted bulk write left).
Status RemoveBulkDirectory(const std::string& db_path);

// Writes every operation of `batch` into the database of `raw` at once, as
// described above; `batch` is emptied. On error nothing was written.
Status IngestBatch(SortedBatch* batch, const RawReader& raw,
                   const std::string& db_path);

}  // namespace claimgraph::store_internal

#endif  // CLAIMGRAPH_STORE_BULK_WRITE_H_
