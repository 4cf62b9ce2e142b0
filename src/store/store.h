// The claim store: an embedded RocksDB database holding entities, the alias
// index, claims, their indexes, and sources. The key layout is documented in
// docs/storage.md and keys.h.
//
// Concurrency: one writing process at a time (RocksDB's LOCK file enforces
// it); any number of readers, each reading from a snapshot (StoreReader),
// so a query never sees half of a write. Every write method below is
// atomic: all of its changes go into one RocksDB WriteBatch.

#ifndef CLAIMGRAPH_STORE_STORE_H_
#define CLAIMGRAPH_STORE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "claimgraph.pb.h"
#include "model/claim.h"

namespace rocksdb {
class DB;
class ColumnFamilyHandle;
}  // namespace rocksdb

namespace claimgraph {

class StoreReader;
namespace store_internal {
class EntityCache;
class WriteCache;
class Adjacency;
class AdjacencyHolder;
}  // namespace store_internal

struct StoreOptions {
  // Create the database when the directory does not hold one.
  bool create_if_missing = true;
  // Open without taking the write lock; write methods then fail.
  bool read_only = false;
  // Read-only stores only: walks read the adjacency snapshot
  // (store/adjacency.h, docs/storage.md), built and saved in the database
  // directory on first use when missing or stale. Results are the same
  // either way; false reads the index (for comparisons).
  bool adjacency_snapshot = true;
  // A write of at least this many keys (a large file: about 7 keys a
  // claim) takes the bulk path: its keys are built into sorted SST files
  // and ingested in one atomic step (store/bulk_write.h) instead of going
  // through the memtables. Same contents and guarantees either way; 0
  // turns the bulk path off.
  size_t bulk_write_min_keys = kDefaultBulkWriteMinKeys;
  static constexpr size_t kDefaultBulkWriteMinKeys = 250'000;
};

struct WriteReport {
  int claims_added = 0;
  int claims_merged = 0;  // Statements merged into an existing claim.
  int entities_added = 0;
  int sources_added = 0;
  int claims_removed = 0;  // By Forget and Merge.
  std::vector<SkippedClaim> skipped;
};

struct StoreStats {
  uint64_t entities = 0;
  uint64_t claims = 0;
  uint64_t sources = 0;
  uint64_t aliases = 0;
  uint64_t evidence = 0;
  uint64_t corroborated_claims = 0;  // Claims with evidence from 2+ outlets.
};

class Store {
 public:
  // The schema version this code reads and writes. 2: claim identities carry
  // the polarity of DENIED and QUESTIONED statements (model/claim.h), so a
  // version-1 database would merge a reload of its denials wrongly.
  static constexpr int kSchemaVersion = 2;

  // Opens (or creates) the database in directory `path`. Refuses a database
  // of another schema version, or a directory that holds some other RocksDB
  // database, with FailedPrecondition; NotFound when it does not exist and
  // create_if_missing is false.
  static StatusOr<std::unique_ptr<Store>> Open(const std::string& path,
                                               const StoreOptions& options);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // A consistent read view of the database as it is now.
  std::unique_ptr<StoreReader> NewReader() const;

  // Adds claims (normally the claims of one file) in one atomic write.
  // Subjects, objects and speakers are resolved by name through the alias
  // index (creating entities as needed, adding declared aliases); a claim
  // whose identity (model/claim.h) is already stored has its evidence merged
  // instead, so adding the same claims twice changes nothing.
  // A claim that cannot be added (an ambiguous name) fails the whole call,
  // its error prefixed with its `where`, and nothing is written; with
  // `skip_bad` it is reported in WriteReport::skipped instead.
  StatusOr<WriteReport> AddClaims(const std::vector<LocatedClaim>& claims,
                                  bool skip_bad);
  // AddClaims that may take the claims apart instead of copying them
  // (their `where`s are kept); what is left in `claims` is unspecified.
  StatusOr<WriteReport> AddClaims(std::vector<LocatedClaim>&& claims,
                                  bool skip_bad);

  // Withdraws a document: removes its evidence from every claim, deletes
  // claims left without evidence, and deletes the source. NotFound when no
  // source has that id.
  StatusOr<WriteReport> Forget(std::string_view document_id);

  // Adds `alias` to entity `entity_id`. The alias may also name other
  // entities; it then becomes ambiguous.
  Status AddAlias(uint64_t entity_id, std::string_view alias);

  // Merges entity `drop` into entity `keep`: `drop`'s name and aliases become
  // aliases of `keep`, its claims are rewritten to `keep` (merged with equal
  // claims), and `drop` is deleted.
  StatusOr<WriteReport> Merge(uint64_t keep, uint64_t drop);

  // Compacts all column families (for measuring size on disk).
  Status Compact();

  const std::string& path() const { return path_; }

 private:
  friend class StoreReader;
  friend class Transaction;
  Store(std::string path, const StoreOptions& options);

  // Before adding `claims` claims: makes the write cache complete
  // (write_cache.h) for the alias index and the claim identities, where
  // reading the whole column family costs less than the lookups it saves
  // (always when it is empty). Exactness does not depend on the choice.
  Status PrepareWriteCache(size_t claims);

  std::string path_;
  bool read_only_;
  size_t bulk_write_min_keys_;
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  // Entities read by the readers of a read-only store; null when writable.
  std::unique_ptr<store_internal::EntityCache> entity_cache_;
  // What the writer knows of the committed database (write_cache.h); null
  // when read-only.
  std::unique_ptr<store_internal::WriteCache> write_cache_;
  // The adjacency snapshot of a read-only store; null otherwise.
  std::unique_ptr<store_internal::AdjacencyHolder> adjacency_;
};

// A claim as seen from one of its entities, read from the by_subject /
// by_object index alone (docs/storage.md, "Edge values"): what a graph walk
// needs, without reading and hydrating the claim.
struct EdgeRecord {
  uint64_t claim_id = 0;
  // The entity asked about is the claim's subject (else its object).
  bool outgoing = true;
  // The other end: the object (outgoing) or the subject (incoming); 0 when
  // the claim's object is a value rather than an entity.
  uint64_t other_id = 0;
  std::string predicate;  // Normalised.
  // EdgeDetail(claim): the value's text, or an amount/value qualifier.
  std::string detail;
  // For a claim without an object: FormatQuantity of its value (the label
  // of its STATISTIC node). Empty otherwise.
  std::string value_label;
  bool attributed_or_disputed = false;
  double confidence = 0;
  // Distinct (outlet, published) pairs of the evidence, in evidence order.
  std::vector<std::pair<std::string, std::string>> sources;
};

// The short detail drawn on a claim's edge: FormatQuantity of its value, or
// else the last "amount"/"value" qualifier; may be empty.
std::string EdgeDetail(const Claim& claim);

// The EdgeRecord of a hydrated claim seen from entity `from`.
EdgeRecord EdgeRecordOf(const Claim& claim, uint64_t from);

// A snapshot of the store. Claims returned are hydrated: subject, object and
// speaker carry the full entity, evidence the full source. A reader caches
// what it hydrates; it is not thread-safe (use one per thread). The readers
// of a store opened read-only also share one cache of the entities they
// read (such a store never changes).
class StoreReader {
 public:
  virtual ~StoreReader() = default;

  virtual StatusOr<Entity> GetEntity(uint64_t id) const = 0;
  // A hint that GetEntity / EntityLabel will be asked for these ids soon:
  // the RocksDB reader reads those it has not cached in one batch. Ids
  // that do not exist are ignored here (GetEntity reports them). The
  // default implementation does nothing.
  virtual Status PrefetchEntities(const std::vector<uint64_t>& ids) const;
  // The type of entity `id`, its canonical name into `*name`: GetEntity
  // without copying the rest (this default implementation copies it).
  virtual StatusOr<EntityType> EntityLabel(uint64_t id,
                                           std::string* name) const;
  // Every entity whose name or alias normalises like `name`, by id.
  virtual StatusOr<std::vector<Entity>> FindEntities(
      std::string_view name) const = 0;
  // The one entity `name` denotes. `name` may also be "#<id>". NotFound when
  // none; Ambiguous, listing the candidates with ids and types, when several.
  virtual StatusOr<Entity> ResolveEntity(std::string_view name) const = 0;
  // All entities in id order, optionally of one type.
  virtual StatusOr<std::vector<Entity>> ListEntities(
      std::optional<EntityType> type) const = 0;

  virtual StatusOr<Claim> GetClaim(uint64_t id) const = 0;
  // Claim ids in ascending order.
  virtual StatusOr<std::vector<uint64_t>> ClaimsBySubject(
      uint64_t id) const = 0;
  virtual StatusOr<std::vector<uint64_t>> ClaimsByObject(uint64_t id) const = 0;
  // The claims of entity `id` as light edge records, in ascending claim id
  // order: those it is the subject of when `outgoing`, those it is the
  // object of when `incoming` (a claim with the entity at both ends once,
  // as outgoing). Equivalent to reading every such claim with GetClaim and
  // calling EdgeRecordOf, which is what this default implementation does;
  // the RocksDB reader reads the index entries only.
  virtual StatusOr<std::vector<EdgeRecord>> Edges(uint64_t id, bool outgoing,
                                                  bool incoming) const;
  virtual StatusOr<std::vector<uint64_t>> ClaimsByPredicate(
      std::string_view predicate) const = 0;
  virtual StatusOr<std::vector<uint64_t>> ClaimsByDocument(
      std::string_view document_id) const = 0;

  virtual StatusOr<Source> GetSource(std::string_view document_id) const = 0;
  // All sources in document-id order.
  virtual StatusOr<std::vector<Source>> ListSources() const = 0;

  // Calls `fn` on every claim in id order; stops at the first error.
  virtual Status ForEachClaim(
      const std::function<Status(const Claim&)>& fn) const = 0;

  virtual StatusOr<StoreStats> Stats() const = 0;

  // The adjacency snapshot this reader reads edges and labels from
  // (store/adjacency.h): walks may read it directly, with the same results
  // as through Edges and EntityLabel. nullptr when there is none.
  virtual const store_internal::Adjacency* adjacency() const { return nullptr; }
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_STORE_STORE_H_
