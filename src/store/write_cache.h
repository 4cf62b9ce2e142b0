// What the writer of a store remembers of the committed database between
// writes (internal to src/store): alias-index lookups (normalised name ->
// entity ids, empty results included), entities by id, sources by document
// id, and, once filled for a large load, the whole alias index and the
// hashes of every claim identity (so that the lookups of new names and new
// claims, nearly all misses, read nothing from RocksDB).
//
// Exactness: a writable Store holds RocksDB's LOCK, so it is the only
// writer, and every write goes through Transaction::Commit, which calls
// Apply() after its WriteBatch succeeded. Lookups only ever cache what the
// committed database holds, so the cache always equals the database for the
// keys it holds. A transaction that is not committed (an error, a
// --skip-bad redo) changes nothing here. When the cache grows past its
// bounds, Apply() empties it, which is always safe.
//
// Completeness: names_complete() means candidates_ holds every name of the
// alias index, so a name it lacks names no entity; identities().complete()
// means every stored claim identity has its hash there. Both are set only
// by the store after reading the whole column family (or finding it empty)
// while no transaction is open, are kept by the Apply calls of each commit,
// and are dropped by Clear().

#ifndef CLAIMGRAPH_STORE_WRITE_CACHE_H_
#define CLAIMGRAPH_STORE_WRITE_CACHE_H_

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "claimgraph.pb.h"
#include "store/key_hashes.h"

namespace claimgraph::store_internal {

class WriteCache {
 public:
  // Bounds, far above a million-claim store (about 200k entities, 250k
  // names and 20k sources), about 100-200 bytes per entry.
  static constexpr size_t kMaxNames = 4'000'000;
  static constexpr size_t kMaxEntities = 2'000'000;
  static constexpr size_t kMaxSources = 1'000'000;
  // 16 bytes of memory or less per identity.
  static constexpr size_t kMaxIdentities = 16'000'000;

  // The ids of the entities whose normalised name or alias is `normalized`,
  // ascending, or nullptr when not cached (never when names_complete()).
  const std::vector<uint64_t>* Candidates(const std::string& normalized) const {
    auto it = candidates_.find(normalized);
    if (it != candidates_.end()) return &it->second;
    return names_complete_ ? &kNoIds : nullptr;
  }
  void AddCandidates(const std::string& normalized, std::vector<uint64_t> ids) {
    candidates_.emplace(normalized, std::move(ids));
  }
  bool names_complete() const { return names_complete_; }
  // Replaces the cached names by the whole alias index, `all` (normalised
  // name -> ascending ids), read while no transaction is open.
  void SetAllNames(
      std::unordered_map<std::string, std::vector<uint64_t>>&& all) {
    candidates_ = std::move(all);
    names_complete_ = true;
  }
  size_t names() const { return candidates_.size(); }

  // Hashes of the stored claim identities (key_hashes.h).
  const KeyHashes& identities() const { return identities_; }
  KeyHashes* mutable_identities() { return &identities_; }
  // Records a committed claim identity, by its KeyHashes::Hash.
  void ApplyIdentityHash(uint64_t hash) {
    if (identities_.complete()) identities_.AddHash(hash);
  }

  // The stored entity, or nullptr when not cached (absent ones never are).
  // Valid until the next Apply().
  const Entity* FindEntity(uint64_t id) const {
    auto it = entities_.find(id);
    return it == entities_.end() ? nullptr : &it->second;
  }
  void AddEntity(const Entity& entity) {
    entities_.emplace(entity.id(), entity);
  }

  // The stored source (nullopt: known to be absent), or nullptr when not
  // cached. Valid until the next Apply().
  const std::optional<Source>* FindSource(const std::string& doc) const {
    auto it = sources_.find(doc);
    return it == sources_.end() ? nullptr : &it->second;
  }
  void AddSource(const std::string& doc, const std::optional<Source>& source) {
    sources_.emplace(doc, source);
  }

  // Records a committed change of entity `id`: `old_names` and `now_names`
  // are the normalised names of its old and current versions (empty when
  // there is none), `now` its current version (nullptr when deleted).
  void ApplyEntity(uint64_t id, const std::set<std::string>& old_names,
                   const std::set<std::string>& now_names, const Entity* now) {
    for (const std::string& name : old_names) {
      if (now_names.contains(name)) continue;
      auto it = candidates_.find(name);
      if (it == candidates_.end()) continue;
      std::vector<uint64_t>& ids = it->second;
      ids.erase(std::remove(ids.begin(), ids.end(), id), ids.end());
    }
    for (const std::string& name : now_names) {
      auto it = candidates_.find(name);
      if (it == candidates_.end()) {
        if (names_complete_) candidates_.emplace(name, std::vector{id});
        continue;
      }
      std::vector<uint64_t>& ids = it->second;
      auto pos = std::lower_bound(ids.begin(), ids.end(), id);
      if (pos == ids.end() || *pos != id) ids.insert(pos, id);
    }
    if (now == nullptr) {
      entities_.erase(id);
    } else {
      entities_.insert_or_assign(id, *now);
    }
  }

  // Records a committed change of a source (nullptr: deleted).
  void ApplySource(const std::string& doc, const Source* now) {
    if (now == nullptr) {
      sources_.insert_or_assign(doc, std::nullopt);
    } else {
      sources_.insert_or_assign(doc, *now);
    }
  }

  // Called before a commit's changes are applied: empties the cache when it
  // has grown past its bounds.
  void TrimIfFull() {
    if (candidates_.size() > kMaxNames || entities_.size() > kMaxEntities ||
        sources_.size() > kMaxSources || identities_.size() > kMaxIdentities) {
      Clear();
    }
  }

  // Forgets everything (after a failed commit whose outcome is unknown).
  void Clear() {
    candidates_.clear();
    entities_.clear();
    sources_.clear();
    identities_.Clear();
    names_complete_ = false;
  }

 private:
  static inline const std::vector<uint64_t> kNoIds;

  std::unordered_map<std::string, std::vector<uint64_t>> candidates_;
  std::unordered_map<uint64_t, Entity> entities_;
  std::unordered_map<std::string, std::optional<Source>> sources_;
  bool names_complete_ = false;
  KeyHashes identities_;
};

}  // namespace claimgraph::store_internal

#endif  // CLAIMGRAPH_STORE_WRITE_CACHE_H_
