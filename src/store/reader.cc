// StoreReader over a RocksDB snapshot, hydrating stored claims.

#include <rocksdb/db.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <unordered_map>

#include "model/claim.h"
#include "model/names.h"
#include "store/adjacency.h"
#include "store/edge_value.h"
#include "store/entity_cache.h"
#include "store/keys.h"
#include "store/raw_reader.h"
#include "store/rocks_util.h"
#include "store/store.h"

namespace claimgraph {

namespace keys = store_keys;
using store_internal::RawReader;
using store_internal::ScanPrefix;
using store_internal::TrailingIdsWithPrefix;

namespace {

rocksdb::ReadOptions SnapshotOptions(const rocksdb::Snapshot* snapshot) {
  rocksdb::ReadOptions options;
  options.snapshot = snapshot;
  return options;
}

std::string DescribeCandidates(const std::vector<Entity>& entities) {
  std::string out;
  for (const Entity& e : entities) {
    out += "\n  #" + std::to_string(e.id()) + " " + e.name() + " (" +
           std::string(EntityTypeName(e.type())) + ")";
  }
  return out;
}

class SnapshotReader : public StoreReader {
 public:
  // `shared` (may be null) caches entities across readers, and `adjacency`
  // (may be null) holds the adjacency snapshot; both only for stores that
  // never change.
  SnapshotReader(rocksdb::DB* db,
                 const std::vector<rocksdb::ColumnFamilyHandle*>* handles,
                 store_internal::EntityCache* shared,
                 store_internal::AdjacencyHolder* adjacency)
      : db_(db),
        snapshot_(db->GetSnapshot()),
        raw_(db, handles, SnapshotOptions(snapshot_)),
        shared_(shared),
        adjacency_holder_(adjacency) {}
  ~SnapshotReader() override { db_->ReleaseSnapshot(snapshot_); }

  StatusOr<Entity> GetEntity(uint64_t id) const override {
    CG_ASSIGN_OR_RETURN(const Entity* entity, CachedEntity(id));
    return *entity;
  }

  Status PrefetchEntities(const std::vector<uint64_t>& ids) const override {
    // The snapshot has every entity's label.
    if (Snapshot() != nullptr) return OkStatus();
    std::vector<uint64_t> missing;
    for (uint64_t id : ids) {
      if (id == 0 || entity_cache_.contains(id)) continue;
      if (shared_ != nullptr && shared_->Find(id) != nullptr) continue;
      missing.push_back(id);
    }
    std::sort(missing.begin(), missing.end());
    missing.erase(std::unique(missing.begin(), missing.end()), missing.end());
    if (missing.empty()) return OkStatus();
    std::vector<std::string> keys;
    keys.reserve(missing.size());
    for (uint64_t id : missing) keys.push_back(keys::IdKey(id));
    std::vector<rocksdb::Slice> slices(keys.begin(), keys.end());
    std::vector<rocksdb::PinnableSlice> values(keys.size());
    std::vector<rocksdb::Status> statuses(keys.size());
    db_->MultiGet(raw_.options(), raw_.cf(keys::kEntities), slices.size(),
                  slices.data(), values.data(), statuses.data(),
                  /*sorted_input=*/true);
    for (size_t i = 0; i < missing.size(); ++i) {
      if (statuses[i].IsNotFound()) continue;
      CG_RETURN_IF_ERROR(
          store_internal::FromRocks(statuses[i], "reading the store"));
      Entity entity;
      if (!entity.ParseFromArray(values[i].data(),
                                 static_cast<int>(values[i].size()))) {
        return CorruptionError("cannot decode stored entity");
      }
      if (shared_ != nullptr && shared_->Add(entity) != nullptr) continue;
      entity_cache_.emplace(missing[i], std::move(entity));
    }
    return OkStatus();
  }

  StatusOr<EntityType> EntityLabel(uint64_t id,
                                   std::string* name) const override {
    if (const store_internal::Adjacency* snapshot = Snapshot()) {
      uint32_t row = snapshot->Row(id);
      if (row != store_internal::Adjacency::kNoRow) {
        name->assign(snapshot->Name(row));
        return snapshot->Type(row);
      }
    }
    CG_ASSIGN_OR_RETURN(const Entity* entity, CachedEntity(id));
    *name = entity->name();
    return entity->type();
  }

  StatusOr<std::vector<Entity>> FindEntities(
      std::string_view name) const override {
    CG_ASSIGN_OR_RETURN(std::vector<uint64_t> ids,
                        raw_.AliasCandidates(NormalizeName(name)));
    std::vector<Entity> entities;
    for (uint64_t id : ids) {
      CG_ASSIGN_OR_RETURN(Entity entity, GetEntity(id));
      entities.push_back(std::move(entity));
    }
    return entities;
  }

  StatusOr<Entity> ResolveEntity(std::string_view name) const override {
    if (name.size() > 1 && name[0] == '#') {
      uint64_t id = 0;
      for (char c : name.substr(1)) {
        if (c < '0' || c > '9') {
          return InvalidArgumentError("bad entity id \"" + std::string(name) +
                                      "\"");
        }
        id = id * 10 + static_cast<uint64_t>(c - '0');
      }
      return GetEntity(id);
    }
    CG_ASSIGN_OR_RETURN(std::vector<Entity> candidates, FindEntities(name));
    if (candidates.empty()) {
      return NotFoundError("no entity named \"" + std::string(name) + "\"");
    }
    if (candidates.size() > 1) {
      return AmbiguousError("\"" + std::string(name) + "\" names " +
                            std::to_string(candidates.size()) +
                            " entities; choose one by id (e.g. \"#" +
                            std::to_string(candidates[0].id()) +
                            "\"):" + DescribeCandidates(candidates));
    }
    return candidates[0];
  }

  StatusOr<std::vector<Entity>> ListEntities(
      std::optional<EntityType> type) const override {
    std::vector<Entity> entities;
    Status decode_error;
    CG_RETURN_IF_ERROR(ScanPrefix(
        db_, raw_.options(), raw_.cf(keys::kEntities), "",
        [&](std::string_view, std::string_view value) {
          Entity entity;
          if (!entity.ParseFromArray(value.data(),
                                     static_cast<int>(value.size()))) {
            decode_error = CorruptionError("cannot decode stored entity");
            return false;
          }
          if (!type.has_value() || entity.type() == *type) {
            entities.push_back(std::move(entity));
          }
          return true;
        }));
    CG_RETURN_IF_ERROR(decode_error);
    return entities;
  }

  StatusOr<Claim> GetClaim(uint64_t id) const override {
    CG_ASSIGN_OR_RETURN(std::optional<Claim> claim, raw_.GetStoredClaim(id));
    if (!claim.has_value()) {
      return NotFoundError("no claim #" + std::to_string(id));
    }
    CG_RETURN_IF_ERROR(Hydrate(&*claim));
    return *claim;
  }

  StatusOr<std::vector<uint64_t>> ClaimsBySubject(uint64_t id) const override {
    return Ids(keys::kBySubject, keys::IdKey(id));
  }
  StatusOr<std::vector<uint64_t>> ClaimsByObject(uint64_t id) const override {
    return Ids(keys::kByObject, keys::IdKey(id));
  }

  StatusOr<std::vector<EdgeRecord>> Edges(uint64_t id, bool outgoing,
                                          bool incoming) const override {
    std::vector<EdgeRecord> edges;
    if (const store_internal::Adjacency* snapshot = Snapshot()) {
      // Every entity with index entries has a row; others have no edges.
      uint32_t row = snapshot->Row(id);
      if (row != store_internal::Adjacency::kNoRow) {
        snapshot->AppendEdges(row, outgoing, incoming, &edges);
      }
      return edges;
    }
    if (outgoing) CG_RETURN_IF_ERROR(ScanEdges(id, true, &edges));
    if (incoming) {
      size_t subject_side = edges.size();
      CG_RETURN_IF_ERROR(ScanEdges(id, false, &edges));
      if (subject_side > 0 && edges.size() > subject_side) {
        // Both runs are in claim id order: merge them, keeping the outgoing
        // record of a claim with `id` at both ends.
        std::vector<EdgeRecord> merged;
        merged.reserve(edges.size());
        auto mid = edges.begin() + static_cast<ptrdiff_t>(subject_side);
        std::merge(std::make_move_iterator(edges.begin()),
                   std::make_move_iterator(mid), std::make_move_iterator(mid),
                   std::make_move_iterator(edges.end()),
                   std::back_inserter(merged),
                   [](const EdgeRecord& a, const EdgeRecord& b) {
                     return a.claim_id < b.claim_id;
                   });
        merged.erase(std::unique(merged.begin(), merged.end(),
                                 [](const EdgeRecord& a, const EdgeRecord& b) {
                                   return a.claim_id == b.claim_id;
                                 }),
                     merged.end());
        edges = std::move(merged);
      }
    }
    return edges;
  }
  StatusOr<std::vector<uint64_t>> ClaimsByPredicate(
      std::string_view predicate) const override {
    return Ids(keys::kByPredicate,
               keys::TextPrefix(NormalizePredicate(predicate)));
  }
  StatusOr<std::vector<uint64_t>> ClaimsByDocument(
      std::string_view document_id) const override {
    return Ids(keys::kByDocument, keys::TextPrefix(document_id));
  }

  StatusOr<Source> GetSource(std::string_view document_id) const override {
    CG_ASSIGN_OR_RETURN(std::optional<Source> source,
                        raw_.GetSource(document_id));
    if (!source.has_value()) {
      return NotFoundError("no source \"" + std::string(document_id) + "\"");
    }
    return *source;
  }

  StatusOr<std::vector<Source>> ListSources() const override {
    std::vector<Source> sources;
    Status decode_error;
    CG_RETURN_IF_ERROR(ScanPrefix(
        db_, raw_.options(), raw_.cf(keys::kSources), "",
        [&](std::string_view, std::string_view value) {
          Source source;
          if (!source.ParseFromArray(value.data(),
                                     static_cast<int>(value.size()))) {
            decode_error = CorruptionError("cannot decode stored source");
            return false;
          }
          sources.push_back(std::move(source));
          return true;
        }));
    CG_RETURN_IF_ERROR(decode_error);
    return sources;
  }

  Status ForEachClaim(
      const std::function<Status(const Claim&)>& fn) const override {
    Status result;
    CG_RETURN_IF_ERROR(
        ScanPrefix(db_, raw_.options(), raw_.cf(keys::kClaims), "",
                   [&](std::string_view, std::string_view value) {
                     Claim claim;
                     if (!claim.ParseFromArray(
                             value.data(), static_cast<int>(value.size()))) {
                       result = CorruptionError("cannot decode stored claim");
                       return false;
                     }
                     result = Hydrate(&claim);
                     if (result.ok()) result = fn(claim);
                     return result.ok();
                   }));
    return result;
  }

  StatusOr<StoreStats> Stats() const override {
    StoreStats stats;
    CG_ASSIGN_OR_RETURN(stats.entities, Count(keys::kEntities));
    CG_ASSIGN_OR_RETURN(stats.sources, Count(keys::kSources));
    CG_ASSIGN_OR_RETURN(stats.aliases, Count(keys::kAliases));
    CG_RETURN_IF_ERROR(ForEachClaim([&](const Claim& claim) {
      ++stats.claims;
      stats.evidence += static_cast<uint64_t>(claim.evidence_size());
      if (DistinctOutlets(claim) >= 2) ++stats.corroborated_claims;
      return OkStatus();
    }));
    return stats;
  }

  const store_internal::Adjacency* adjacency() const override {
    return Snapshot();
  }

 private:
  StatusOr<std::vector<uint64_t>> Ids(keys::ColumnFamily family,
                                      const std::string& prefix) const {
    return TrailingIdsWithPrefix(db_, raw_.options(), raw_.cf(family), prefix);
  }

  // Appends the edge records of the by_subject (`outgoing`) or by_object
  // entries of entity `id`; reads the claim where the value does not hold
  // the whole record.
  Status ScanEdges(uint64_t id, bool outgoing,
                   std::vector<EdgeRecord>* edges) const {
    std::string prefix = keys::IdKey(id);
    std::vector<size_t> incomplete;
    CG_RETURN_IF_ERROR(
        ScanPrefix(db_, raw_.options(),
                   raw_.cf(outgoing ? keys::kBySubject : keys::kByObject),
                   prefix, [&](std::string_view key, std::string_view value) {
                     if (key.size() != prefix.size() + 8) return true;
                     EdgeRecord& edge = edges->emplace_back();
                     edge.claim_id = keys::TrailingId(key);
                     edge.outgoing = outgoing;
                     if (!store_internal::DecodeEdgeValue(value, &edge)) {
                       incomplete.push_back(edges->size() - 1);
                     }
                     return true;
                   }));
    for (size_t i : incomplete) {
      EdgeRecord& edge = (*edges)[i];
      CG_ASSIGN_OR_RETURN(Claim claim, GetClaim(edge.claim_id));
      edge = EdgeRecordOf(claim, id);
      if (!outgoing) {
        edge.outgoing = false;
        edge.other_id = claim.subject().id();
      }
    }
    return OkStatus();
  }

  // The adjacency snapshot of the store, or nullptr (then read the index).
  const store_internal::Adjacency* Snapshot() const {
    if (adjacency_holder_ == nullptr) return nullptr;
    if (adjacency_ == nullptr) {
      adjacency_ = adjacency_holder_->Get(
          [this](uint64_t claim_id) { return GetClaim(claim_id); });
      if (adjacency_ == nullptr) adjacency_holder_ = nullptr;
    }
    return adjacency_;
  }

  StatusOr<uint64_t> Count(keys::ColumnFamily family) const {
    uint64_t n = 0;
    CG_RETURN_IF_ERROR(
        ScanPrefix(db_, raw_.options(), raw_.cf(family), "", [&](auto, auto) {
          ++n;
          return true;
        }));
    return n;
  }

  // Hydration caches: a snapshot never changes, so entries stay valid.
  StatusOr<const Entity*> CachedEntity(uint64_t id) const {
    if (shared_ != nullptr) {
      if (const Entity* entity = shared_->Find(id)) return entity;
    }
    auto it = entity_cache_.find(id);
    if (it == entity_cache_.end()) {
      CG_ASSIGN_OR_RETURN(std::optional<Entity> entity, raw_.GetEntity(id));
      if (!entity.has_value()) {
        return NotFoundError("no entity #" + std::to_string(id));
      }
      if (shared_ != nullptr) {
        if (const Entity* cached = shared_->Add(*entity)) return cached;
      }
      it = entity_cache_.emplace(id, std::move(*entity)).first;
    }
    return &it->second;
  }

  Status HydrateEntity(Entity* entity) const {
    CG_ASSIGN_OR_RETURN(const Entity* full, CachedEntity(entity->id()));
    *entity = *full;
    return OkStatus();
  }

  Status HydrateSource(Source* source) const {
    auto it = source_cache_.find(source->document_id());
    if (it == source_cache_.end()) {
      CG_ASSIGN_OR_RETURN(Source full, GetSource(source->document_id()));
      it = source_cache_.emplace(source->document_id(), std::move(full)).first;
    }
    *source = it->second;
    return OkStatus();
  }

  // Replaces id-only references by the stored entities and sources.
  Status Hydrate(Claim* claim) const {
    CG_RETURN_IF_ERROR(HydrateEntity(claim->mutable_subject()));
    if (claim->has_object()) {
      CG_RETURN_IF_ERROR(HydrateEntity(claim->mutable_object()));
    }
    if (claim->attribution().has_speaker()) {
      CG_RETURN_IF_ERROR(
          HydrateEntity(claim->mutable_attribution()->mutable_speaker()));
    }
    for (Evidence& e : *claim->mutable_evidence()) {
      if (e.source().document_id().empty()) continue;
      CG_RETURN_IF_ERROR(HydrateSource(e.mutable_source()));
    }
    return OkStatus();
  }

  rocksdb::DB* db_;
  const rocksdb::Snapshot* snapshot_;
  RawReader raw_;
  store_internal::EntityCache* shared_;
  mutable store_internal::AdjacencyHolder* adjacency_holder_;
  mutable const store_internal::Adjacency* adjacency_ = nullptr;
  mutable std::unordered_map<uint64_t, Entity> entity_cache_;
  mutable std::unordered_map<std::string, Source> source_cache_;
};

}  // namespace

std::unique_ptr<StoreReader> Store::NewReader() const {
  return std::make_unique<SnapshotReader>(
      db_.get(), &handles_, entity_cache_.get(), adjacency_.get());
}

}  // namespace claimgraph
