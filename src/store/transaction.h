// The writer's view of the store during one write (internal to src/store):
// reads see the database plus the changes made so far, and Commit() writes
// every change, with all index entries, in one RocksDB WriteBatch.
//
// Records are tracked as (old, now) pairs: the version on disk when first
// touched and the current one. Commit deletes the index keys of every old
// version first, then puts the keys of every current version, so keys that
// move between records (an alias, a claim identity) end up right.

#ifndef CLAIMGRAPH_STORE_TRANSACTION_H_
#define CLAIMGRAPH_STORE_TRANSACTION_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "claimgraph.pb.h"
#include "store/identity_table.h"
#include "store/name_table.h"
#include "store/raw_reader.h"
#include "store/sorted_batch.h"
#include "store/store.h"
#include "store/touched_by_id.h"
#include "store/write_cache.h"

namespace claimgraph {

class Transaction {
 public:
  explicit Transaction(Store* store);

  // Reads the id counters; call once before anything else.
  Status Init();
  // A hint that about `claims` claims will be put: sizes the table of
  // their identities once instead of growing it step by step.
  void ExpectClaims(size_t claims) { identity_overlay_.Reserve(claims); }

  StatusOr<std::optional<Entity>> GetEntity(uint64_t id);
  // GetEntity without the copy: the current entity, or nullptr; valid
  // until the entity is next put or deleted, or the transaction commits.
  StatusOr<const Entity*> FindEntity(uint64_t id);
  // Ids of entities with a name or alias normalising to `normalized`.
  StatusOr<std::vector<uint64_t>> Candidates(const std::string& normalized);
  uint64_t NewEntityId() { return next_entity_id_++; }
  Status PutEntity(const Entity& entity);
  // PutEntity without the copy.
  Status PutEntity(Entity&& entity);
  Status DeleteEntity(uint64_t id);

  StatusOr<std::optional<uint64_t>> ClaimIdFor(const std::string& identity);
  // Claims are in stored form (see ToStoredForm).
  StatusOr<std::optional<Claim>> GetStoredClaim(uint64_t id);
  uint64_t NewClaimId() { return next_claim_id_++; }
  Status PutClaim(const Claim& stored);
  // PutClaim without the copy; `identity` is ClaimIdentity(stored) when
  // the caller has it already (else empty).
  Status PutClaim(Claim&& stored, std::string identity = "");
  Status DeleteClaim(uint64_t id);

  StatusOr<std::optional<Source>> GetSource(const std::string& document_id);
  // GetSource without the copy: the current source, or nullptr; valid
  // until the source is next put or deleted.
  StatusOr<const Source*> FindSource(const std::string& document_id);
  Status PutSource(const Source& source);
  Status DeleteSource(const std::string& document_id);

  // Writes all changes atomically. Call it once, last: it takes the
  // touched claims apart as it goes, so the transaction is spent
  // afterwards, whether it succeeded or not.
  Status Commit();

  const store_internal::RawReader& raw() const { return raw_; }

 private:
  template <typename T>
  struct Touched {
    std::optional<T> old;
    std::optional<T> now;
  };
  struct TouchedEntity : Touched<Entity> {
    // NormalizedNameList of `old` and `now` (empty when absent): computed
    // once per version, for the alias overlay and for Commit.
    std::vector<std::string> old_names, now_names;
  };
  struct TouchedClaim : Touched<Claim> {
    // ClaimIdentity(*now) when known, else empty: a view of the identity
    // overlay's copy (valid until Commit ends).
    std::string_view now_identity;
  };

  // The committed entity / source, through the store's write cache.
  StatusOr<const Entity*> StoredEntity(uint64_t id);
  StatusOr<const std::optional<Source>*> StoredSource(
      const std::string& document_id);
  StatusOr<TouchedEntity*> TouchEntity(uint64_t id);
  StatusOr<TouchedClaim*> TouchClaim(uint64_t id);
  // Marks the identity of `touched`'s current version absent in the
  // overlay (the claim is about to change or go).
  void ForgetIdentity(TouchedClaim* touched);
  StatusOr<Touched<Source>*> TouchSource(const std::string& document_id);
  // Adds entity `id` to (or removes it from) the alias overlay's entries
  // of `names`.
  void IndexAliases(const std::vector<std::string>& names, uint64_t id,
                    bool add);
  // RawReader::AliasCandidates through the store's write cache, or else
  // one iterator kept for the whole transaction. Nothing is written before
  // Commit, so the iterator's implicit snapshot equals the database a new
  // iterator would see (and the cache).
  StatusOr<const std::vector<uint64_t>*> StoredCandidates(
      const std::string& normalized);
  // Touches every stored claim whose evidence cites a source whose outlet or
  // published date this transaction changes, so that Commit rewrites their
  // edge values.
  Status TouchClaimsOfChangedSources();
  // The edge record of stored claim `claim` seen from its subject, with
  // the outlets and dates of its sources (what by_subject values hold).
  StatusOr<EdgeRecord> SubjectEdge(const Claim& claim);
  // Writes `batch` in one atomic step: a synced WriteBatch, or the bulk
  // path (store/bulk_write.h) for a write of at least
  // StoreOptions::bulk_write_min_keys keys.
  Status WriteAll(store_internal::SortedBatch* batch);

  Store* store_;
  store_internal::RawReader raw_;
  // The store's write cache (a private one if the store has none).
  store_internal::WriteCache* cache_;
  std::unique_ptr<store_internal::WriteCache> own_cache_;
  std::unique_ptr<rocksdb::Iterator> alias_iterator_;
  uint64_t next_entity_id_ = 1;
  uint64_t next_claim_id_ = 1;
  // Ids from these on were allocated by this transaction: nothing is
  // stored under them, so touching them reads nothing.
  uint64_t first_new_entity_id_ = 1;
  uint64_t first_new_claim_id_ = 1;
  // Touched entities. Stored ones hashed, not ordered: a large reload
  // touches hundreds of thousands and looks them up for every name;
  // Commit's order of entities does not matter (each has its own keys; the
  // batch is sorted).
  store_internal::TouchedById<TouchedEntity,
                              std::unordered_map<uint64_t, TouchedEntity>>
      entities_;
  store_internal::TouchedById<TouchedClaim, std::map<uint64_t, TouchedClaim>>
      claims_;
  // Hashed: every evidence of every claim looks its source up here.
  std::unordered_map<std::string, Touched<Source>> sources_;
  // Normalised names of the current versions of touched entities, with
  // their ids ascending (an open-addressing table: a large load looks up
  // every name of every claim here).
  store_internal::NameTable alias_overlay_;
  // Identities of touched claims: id, or 0 when no longer present.
  store_internal::IdentityTable identity_overlay_;
};

// The normalised forms of an entity's name and aliases (no empty ones).
std::set<std::string> NormalizedNames(const Entity& entity);
// The same names as a vector, ascending.
std::vector<std::string> NormalizedNameList(const Entity& entity);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_STORE_TRANSACTION_H_
