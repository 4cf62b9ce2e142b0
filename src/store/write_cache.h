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
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "claimgraph.pb.h"
#include "store/key_hashes.h"
#include "store/name_table.h"

namespace claimgraph::store_internal {

class WriteCache {
 public:
  // Bounds, far above a million-claim store (about 200k entities, 250k
  // names and 20k sources), about 100-200 bytes per entry.
  static constexpr size_t kMaxNames = 4'000'000;
  static constexpr size_t kMaxEntities = 2'000'000;
  // Entities with larger ids are not cached (8 bytes of memory per id).
  static constexpr uint64_t kMaxEntityId = 16'000'000;
  static constexpr size_t kMaxSources = 1'000'000;
  // 16 bytes of memory or less per identity.
  static constexpr size_t kMaxIdentities = 16'000'000;

  // The ids of the entities whose normalised name or alias is `normalized`,
  // ascending, or nullptr when not cached (never when names_complete()).
  const std::vector<uint64_t>* Candidates(const std::string& normalized) const {
    if (const std::vector<uint64_t>* ids = candidates_.Find(normalized)) {
      return ids;
    }
    return names_complete_ ? &kNoIds : nullptr;
  }
  void AddCandidates(const std::string& normalized, std::vector<uint64_t> ids) {
    candidates_.Insert(normalized, std::move(ids));
  }
  bool names_complete() const { return names_complete_; }
  // Replaces the cached names by the whole alias index, read while no
  // transaction is open: `fill` adds every (normalised name, id) pair of
  // the index, in key order, through the function it is given.
  template <typename Fill>
  void SetAllNames(Fill fill) {
    candidates_.Clear();
    std::string last;
    std::vector<uint64_t>* ids = nullptr;
    fill([&](std::string_view name, uint64_t id) {
      if (ids == nullptr || name != last) {
        last.assign(name);
        ids = candidates_.Insert(name, {});
      }
      ids->push_back(id);
    });
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
    return id < entities_.size() ? entities_[id].get() : nullptr;
  }
  void AddEntity(const Entity& entity) {
    std::unique_ptr<Entity>* slot = EntitySlot(entity.id());
    if (slot == nullptr || *slot != nullptr) return;
    *slot = std::make_unique<Entity>(entity);
    ++entity_count_;
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
  // are the normalised names of its old and current versions, ascending
  // (empty when there is none), `now` its current version (nullptr when
  // deleted).
  void ApplyEntity(uint64_t id, const std::vector<std::string>& old_names,
                   const std::vector<std::string>& now_names,
                   const Entity* now) {
    for (const std::string& name : old_names) {
      if (std::binary_search(now_names.begin(), now_names.end(), name)) {
        continue;
      }
      std::vector<uint64_t>* found = candidates_.Find(name);
      if (found == nullptr) continue;
      std::vector<uint64_t>& ids = *found;
      ids.erase(std::remove(ids.begin(), ids.end(), id), ids.end());
    }
    for (const std::string& name : now_names) {
      std::vector<uint64_t>* found = candidates_.Find(name);
      if (found == nullptr) {
        if (names_complete_) candidates_.Insert(name, {id});
        continue;
      }
      std::vector<uint64_t>& ids = *found;
      auto pos = std::lower_bound(ids.begin(), ids.end(), id);
      if (pos == ids.end() || *pos != id) ids.insert(pos, id);
    }
    if (now == nullptr) {
      if (id < entities_.size() && entities_[id] != nullptr) {
        entities_[id].reset();
        --entity_count_;
      }
    } else if (std::unique_ptr<Entity>* slot = EntitySlot(id)) {
      if (*slot != nullptr) {
        **slot = *now;  // In place: the address stays valid.
      } else {
        *slot = std::make_unique<Entity>(*now);
        ++entity_count_;
      }
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
    if (candidates_.size() > kMaxNames || entity_count_ > kMaxEntities ||
        sources_.size() > kMaxSources || identities_.size() > kMaxIdentities) {
      Clear();
    }
  }

  // Forgets everything (after a failed commit whose outcome is unknown).
  void Clear() {
    candidates_.Clear();
    entities_.clear();
    entity_count_ = 0;
    sources_.clear();
    identities_.Clear();
    names_complete_ = false;
  }

 private:
  static inline const std::vector<uint64_t> kNoIds;

  // The slot of entity `id` in entities_, grown as needed; nullptr for ids
  // past kMaxEntityId, which are not cached.
  std::unique_ptr<Entity>* EntitySlot(uint64_t id) {
    if (id >= kMaxEntityId) return nullptr;
    if (id >= entities_.size()) entities_.resize(id + 1);
    return &entities_[id];
  }

  NameTable candidates_;
  // Entities by id: entity ids are small and dense (allocated in order from
  // 1), so a vector indexed by id; an Entity never moves until it is
  // deleted or the cache cleared.
  std::vector<std::unique_ptr<Entity>> entities_;
  size_t entity_count_ = 0;
  std::unordered_map<std::string, std::optional<Source>> sources_;
  bool names_complete_ = false;
  KeyHashes identities_;
};

}  // namespace claimgraph::store_internal

#endif  // CLAIMGRAPH_STORE_WRITE_CACHE_H_
