// A process-wide cache of the entities of a read-only store (internal to
// src/store), shared by all its readers. A store opened read-only never
// changes, so entries never go stale; writable stores do not use it.

#ifndef CLAIMGRAPH_STORE_ENTITY_CACHE_H_
#define CLAIMGRAPH_STORE_ENTITY_CACHE_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "claimgraph.pb.h"

namespace claimgraph::store_internal {

class EntityCache {
 public:
  // Entities kept at most (about 100-200 bytes each); later ones are not.
  static constexpr size_t kMaxEntries = 2'000'000;

  // The cached entity, or nullptr. The pointer stays valid while the cache
  // lives (entries are never removed).
  const Entity* Find(uint64_t id) const {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = entities_.find(id);
    return it == entities_.end() ? nullptr : it->second.get();
  }

  // Caches `entity` unless full; returns the cached copy, or nullptr.
  const Entity* Add(const Entity& entity) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = entities_.find(entity.id());
    if (it != entities_.end()) return it->second.get();
    if (entities_.size() >= kMaxEntries) return nullptr;
    auto stored = std::make_unique<const Entity>(entity);
    const Entity* result = stored.get();
    entities_.emplace(entity.id(), std::move(stored));
    return result;
  }

 private:
  mutable std::mutex mu_;
  std::unordered_map<uint64_t, std::unique_ptr<const Entity>> entities_;
};

}  // namespace claimgraph::store_internal

#endif  // CLAIMGRAPH_STORE_ENTITY_CACHE_H_
