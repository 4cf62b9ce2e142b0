// Undecorated reads of stored records (internal to src/store): entities,
// claims in stored form, sources, alias candidates, counters. Used by
// StoreReader (through a snapshot) and by Transaction (for the writer).

#ifndef CLAIMGRAPH_STORE_RAW_READER_H_
#define CLAIMGRAPH_STORE_RAW_READER_H_

#include <rocksdb/db.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "claimgraph.pb.h"
#include "store/keys.h"

namespace claimgraph::store_internal {

class RawReader {
 public:
  RawReader(rocksdb::DB* db,
            const std::vector<rocksdb::ColumnFamilyHandle*>* handles,
            rocksdb::ReadOptions options)
      : db_(db), handles_(handles), options_(options) {}

  // std::nullopt when absent.
  StatusOr<std::optional<Entity>> GetEntity(uint64_t id) const;
  StatusOr<std::optional<Claim>> GetStoredClaim(uint64_t id) const;
  StatusOr<std::optional<Source>> GetSource(std::string_view document_id) const;
  StatusOr<std::optional<uint64_t>> ClaimIdFor(std::string_view identity) const;
  // Entity ids whose normalised name or alias is `normalized`, ascending.
  StatusOr<std::vector<uint64_t>> AliasCandidates(
      std::string_view normalized) const;
  // A counter of the meta column family; 0 when absent.
  StatusOr<uint64_t> Counter(std::string_view key) const;

  rocksdb::DB* db() const { return db_; }
  rocksdb::ColumnFamilyHandle* cf(store_keys::ColumnFamily family) const {
    return (*handles_)[family];
  }
  const rocksdb::ReadOptions& options() const { return options_; }

 private:
  // Reads `key` of `family`; std::nullopt when absent.
  StatusOr<std::optional<std::string>> Get(store_keys::ColumnFamily family,
                                           std::string_view key) const;

  rocksdb::DB* db_;
  const std::vector<rocksdb::ColumnFamilyHandle*>* handles_;
  rocksdb::ReadOptions options_;
};

// Reduces a claim to its stored form: subject, object and speaker keep only
// their ids, evidence sources only their document ids.
Claim ToStoredForm(const Claim& claim);
// ToStoredForm in place.
void ReduceToStoredForm(Claim* claim);

}  // namespace claimgraph::store_internal

#endif  // CLAIMGRAPH_STORE_RAW_READER_H_
