#include "store/transaction.h"

#include <rocksdb/write_batch.h>

#include <algorithm>
#include <iterator>

#include "model/claim.h"
#include "model/names.h"
#include "store/bulk_write.h"
#include "store/edge_value.h"
#include "store/keys.h"
#include "store/rocks_util.h"
#include "store/sorted_batch.h"

namespace claimgraph {

namespace keys = store_keys;

namespace {

// Index keys of a stored claim: (column family, key) pairs.
std::vector<std::pair<keys::ColumnFamily, std::string>> ClaimIndexKeys(
    const Claim& claim) {
  std::vector<std::pair<keys::ColumnFamily, std::string>> out;
  out.emplace_back(keys::kBySubject,
                   keys::PairKey(claim.subject().id(), claim.id()));
  if (claim.has_object()) {
    out.emplace_back(keys::kByObject,
                     keys::PairKey(claim.object().id(), claim.id()));
  }
  out.emplace_back(keys::kByPredicate,
                   keys::TextIdKey(claim.predicate(), claim.id()));
  // Each document once, in order (nearly always one or two: no set).
  std::vector<const std::string*> documents;
  documents.reserve(claim.evidence_size());
  for (const Evidence& e : claim.evidence()) {
    if (!e.source().document_id().empty()) {
      documents.push_back(&e.source().document_id());
    }
  }
  std::sort(documents.begin(), documents.end(),
            [](const std::string* a, const std::string* b) { return *a < *b; });
  for (size_t i = 0; i < documents.size(); ++i) {
    if (i > 0 && *documents[i] == *documents[i - 1]) continue;
    out.emplace_back(keys::kByDocument,
                     keys::TextIdKey(*documents[i], claim.id()));
  }
  return out;
}

}  // namespace

std::set<std::string> NormalizedNames(const Entity& entity) {
  std::set<std::string> names;
  names.insert(NormalizeName(entity.name()));
  for (const std::string& alias : entity.aliases()) {
    names.insert(NormalizeName(alias));
  }
  names.erase("");
  return names;
}

std::vector<std::string> NormalizedNameList(const Entity& entity) {
  std::vector<std::string> names;
  names.reserve(1 + entity.aliases_size());
  auto add = [&names](std::string name) {
    if (!name.empty()) names.push_back(std::move(name));
  };
  add(NormalizeName(entity.name()));
  for (const std::string& alias : entity.aliases()) add(NormalizeName(alias));
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

Transaction::Transaction(Store* store)
    : store_(store),
      raw_(store->db_.get(), &store->handles_, rocksdb::ReadOptions()),
      cache_(store->write_cache_.get()) {
  if (cache_ == nullptr) {
    own_cache_ = std::make_unique<store_internal::WriteCache>();
    cache_ = own_cache_.get();
  }
}

StatusOr<const Entity*> Transaction::StoredEntity(uint64_t id) {
  if (const Entity* cached = cache_->FindEntity(id)) return cached;
  CG_ASSIGN_OR_RETURN(std::optional<Entity> entity, raw_.GetEntity(id));
  if (!entity.has_value()) return nullptr;
  cache_->AddEntity(*entity);
  return cache_->FindEntity(id);
}

StatusOr<const std::optional<Source>*> Transaction::StoredSource(
    const std::string& document_id) {
  if (const std::optional<Source>* cached = cache_->FindSource(document_id)) {
    return cached;
  }
  CG_ASSIGN_OR_RETURN(std::optional<Source> source,
                      raw_.GetSource(document_id));
  cache_->AddSource(document_id, source);
  return cache_->FindSource(document_id);
}

Status Transaction::Init() {
  CG_ASSIGN_OR_RETURN(uint64_t next_entity,
                      raw_.Counter(keys::kNextEntityIdKey));
  CG_ASSIGN_OR_RETURN(uint64_t next_claim, raw_.Counter(keys::kNextClaimIdKey));
  next_entity_id_ = next_entity == 0 ? 1 : next_entity;
  next_claim_id_ = next_claim == 0 ? 1 : next_claim;
  first_new_entity_id_ = next_entity_id_;
  first_new_claim_id_ = next_claim_id_;
  entities_.SetFirstNew(first_new_entity_id_);
  claims_.SetFirstNew(first_new_claim_id_);
  return OkStatus();
}

StatusOr<Transaction::TouchedEntity*> Transaction::TouchEntity(uint64_t id) {
  if (TouchedEntity* touched = entities_.Find(id)) return touched;
  const Entity* stored = nullptr;
  if (id < first_new_entity_id_) {
    CG_ASSIGN_OR_RETURN(stored, StoredEntity(id));
  }
  TouchedEntity* touched = entities_.Insert(id);
  if (stored != nullptr) {
    touched->old = *stored;
    touched->now = *stored;
    touched->old_names = NormalizedNameList(*stored);
    touched->now_names = touched->old_names;
    IndexAliases(touched->now_names, id, /*add=*/true);
  }
  return touched;
}

void Transaction::IndexAliases(const std::vector<std::string>& names,
                               uint64_t id, bool add) {
  for (const std::string& name : names) {
    std::vector<uint64_t>* ids =
        add ? alias_overlay_.Insert(name, {}) : alias_overlay_.Find(name);
    if (ids == nullptr) continue;
    auto at = std::lower_bound(ids->begin(), ids->end(), id);
    bool present = at != ids->end() && *at == id;
    if (add && !present) ids->insert(at, id);
    if (!add && present) ids->erase(at);
  }
}

StatusOr<std::optional<Entity>> Transaction::GetEntity(uint64_t id) {
  CG_ASSIGN_OR_RETURN(const Entity* entity, FindEntity(id));
  if (entity == nullptr) return std::optional<Entity>();
  return std::optional<Entity>(*entity);
}

StatusOr<const Entity*> Transaction::FindEntity(uint64_t id) {
  if (TouchedEntity* touched = entities_.Find(id)) {
    return touched->now.has_value() ? &*touched->now : nullptr;
  }
  if (id >= first_new_entity_id_) return nullptr;
  return StoredEntity(id);
}

StatusOr<const std::vector<uint64_t>*> Transaction::StoredCandidates(
    const std::string& normalized) {
  if (const std::vector<uint64_t>* cached = cache_->Candidates(normalized)) {
    return cached;
  }
  if (alias_iterator_ == nullptr) {
    alias_iterator_.reset(
        raw_.db()->NewIterator(raw_.options(), raw_.cf(keys::kAliases)));
  }
  std::string prefix = keys::TextPrefix(normalized);
  std::vector<uint64_t> ids;
  rocksdb::Iterator* it = alias_iterator_.get();
  for (it->Seek(prefix); it->Valid(); it->Next()) {
    std::string_view key(it->key().data(), it->key().size());
    if (!key.starts_with(prefix)) break;
    if (key.size() >= prefix.size() + 8) ids.push_back(keys::TrailingId(key));
  }
  CG_RETURN_IF_ERROR(
      store_internal::FromRocks(it->status(), "scanning the store"));
  cache_->AddCandidates(normalized, std::move(ids));
  return cache_->Candidates(normalized);
}

StatusOr<std::vector<uint64_t>> Transaction::Candidates(
    const std::string& normalized) {
  CG_ASSIGN_OR_RETURN(const std::vector<uint64_t>* stored,
                      StoredCandidates(normalized));
  const std::vector<uint64_t>* added = alias_overlay_.Find(normalized);
  bool overlay = added != nullptr && !added->empty();
  std::vector<uint64_t> ids;
  ids.reserve(stored->size());
  for (uint64_t id : *stored) {
    if (!entities_.contains(id)) ids.push_back(id);
  }
  if (!overlay) return ids;        // Ascending, as stored.
  if (ids.empty()) return *added;  // Ascending, no repeats.
  std::vector<uint64_t> all;
  all.reserve(ids.size() + added->size());
  std::set_union(ids.begin(), ids.end(), added->begin(), added->end(),
                 std::back_inserter(all));
  return all;
}

Status Transaction::PutEntity(const Entity& entity) {
  return PutEntity(Entity(entity));
}

Status Transaction::PutEntity(Entity&& entity) {
  uint64_t id = entity.id();
  CG_ASSIGN_OR_RETURN(TouchedEntity * touched, TouchEntity(id));
  if (touched->now.has_value()) {
    IndexAliases(touched->now_names, id, /*add=*/false);
  }
  touched->now_names = NormalizedNameList(entity);
  touched->now = std::move(entity);
  IndexAliases(touched->now_names, id, /*add=*/true);
  return OkStatus();
}

Status Transaction::DeleteEntity(uint64_t id) {
  CG_ASSIGN_OR_RETURN(TouchedEntity * touched, TouchEntity(id));
  if (touched->now.has_value()) {
    IndexAliases(touched->now_names, id, /*add=*/false);
  }
  touched->now.reset();
  touched->now_names.clear();
  return OkStatus();
}

StatusOr<std::optional<uint64_t>> Transaction::ClaimIdFor(
    const std::string& identity) {
  if (const uint64_t* id = identity_overlay_.Find(identity)) {
    return *id == 0 ? std::optional<uint64_t>() : std::optional<uint64_t>(*id);
  }
  if (!cache_->identities().MayContain(identity)) {
    return std::optional<uint64_t>();
  }
  return raw_.ClaimIdFor(identity);
}

StatusOr<Transaction::TouchedClaim*> Transaction::TouchClaim(uint64_t id) {
  if (TouchedClaim* touched = claims_.Find(id)) return touched;
  std::optional<Claim> old;
  if (id < first_new_claim_id_) {
    CG_ASSIGN_OR_RETURN(old, raw_.GetStoredClaim(id));
  }
  TouchedClaim* touched = claims_.Insert(id);
  touched->old = old;
  touched->now = std::move(old);
  return touched;
}

StatusOr<std::optional<Claim>> Transaction::GetStoredClaim(uint64_t id) {
  if (TouchedClaim* touched = claims_.Find(id)) return touched->now;
  if (id >= first_new_claim_id_) return std::optional<Claim>();
  return raw_.GetStoredClaim(id);
}

Status Transaction::PutClaim(const Claim& stored) {
  return PutClaim(Claim(stored));
}

void Transaction::ForgetIdentity(TouchedClaim* touched) {
  if (!touched->now.has_value()) return;
  if (touched->now_identity.empty()) {
    identity_overlay_.Set(ClaimIdentity(*touched->now), 0);
  } else {
    identity_overlay_.Set(touched->now_identity, 0);
  }
  touched->now_identity = {};
}

Status Transaction::PutClaim(Claim&& stored, std::string identity) {
  CG_ASSIGN_OR_RETURN(TouchedClaim * touched, TouchClaim(stored.id()));
  ForgetIdentity(touched);
  if (identity.empty()) identity = ClaimIdentity(stored);
  uint64_t id = stored.id();
  touched->now = std::move(stored);
  touched->now_identity = identity_overlay_.Set(identity, id);
  return OkStatus();
}

Status Transaction::DeleteClaim(uint64_t id) {
  CG_ASSIGN_OR_RETURN(TouchedClaim * touched, TouchClaim(id));
  ForgetIdentity(touched);
  touched->now.reset();
  return OkStatus();
}

StatusOr<std::optional<Source>> Transaction::GetSource(
    const std::string& document_id) {
  CG_ASSIGN_OR_RETURN(const Source* source, FindSource(document_id));
  if (source == nullptr) return std::optional<Source>();
  return std::optional<Source>(*source);
}

Status Transaction::TouchClaimsOfChangedSources() {
  auto shown = [](const std::optional<Source>& s) {
    return s.has_value() ? std::make_pair(s->outlet(), s->published())
                         : std::make_pair(std::string(), std::string());
  };
  for (const auto& [doc, t] : sources_) {
    if (!t.old.has_value() || shown(t.old) == shown(t.now)) continue;
    CG_ASSIGN_OR_RETURN(std::vector<uint64_t> ids,
                        store_internal::TrailingIdsWithPrefix(
                            raw_.db(), raw_.options(),
                            raw_.cf(keys::kByDocument), keys::TextPrefix(doc)));
    for (uint64_t id : ids) CG_RETURN_IF_ERROR(TouchClaim(id).status());
  }
  return OkStatus();
}

StatusOr<const Source*> Transaction::FindSource(
    const std::string& document_id) {
  auto it = sources_.find(document_id);
  if (it != sources_.end()) {
    return it->second.now.has_value() ? &*it->second.now : nullptr;
  }
  CG_ASSIGN_OR_RETURN(const std::optional<Source>* stored,
                      StoredSource(document_id));
  return stored->has_value() ? &**stored : nullptr;
}

StatusOr<EdgeRecord> Transaction::SubjectEdge(const Claim& claim) {
  EdgeRecord edge = EdgeRecordOf(claim, claim.subject().id());
  edge.sources.clear();
  std::set<std::pair<std::string, std::string>> seen;
  for (const Evidence& e : claim.evidence()) {
    std::pair<std::string, std::string> shown;
    if (!e.source().document_id().empty()) {
      CG_ASSIGN_OR_RETURN(const Source* source,
                          FindSource(e.source().document_id()));
      if (source != nullptr) shown = {source->outlet(), source->published()};
    }
    if (seen.insert(shown).second) edge.sources.push_back(std::move(shown));
  }
  return edge;
}

StatusOr<Transaction::Touched<Source>*> Transaction::TouchSource(
    const std::string& document_id) {
  auto it = sources_.find(document_id);
  if (it != sources_.end()) return &it->second;
  CG_ASSIGN_OR_RETURN(const std::optional<Source>* old,
                      StoredSource(document_id));
  Touched<Source>& touched = sources_[document_id];
  touched.old = *old;
  touched.now = *old;
  return &touched;
}

Status Transaction::PutSource(const Source& source) {
  CG_ASSIGN_OR_RETURN(Touched<Source> * touched,
                      TouchSource(source.document_id()));
  touched->now = source;
  return OkStatus();
}

Status Transaction::DeleteSource(const std::string& document_id) {
  CG_ASSIGN_OR_RETURN(Touched<Source> * touched, TouchSource(document_id));
  touched->now.reset();
  return OkStatus();
}

Status Transaction::WriteAll(store_internal::SortedBatch* batch) {
  size_t bulk_min = store_->bulk_write_min_keys_;
  if (bulk_min > 0 && batch->size() >= bulk_min) {
    return store_internal::IngestBatch(batch, raw_, store_->path());
  }
  rocksdb::WriteBatch write_batch;
  batch->WriteTo(raw_, &write_batch);
  rocksdb::WriteOptions options;
  options.sync = true;
  return store_internal::FromRocks(raw_.db()->Write(options, &write_batch),
                                   "writing to " + store_->path());
}

Status Transaction::Commit() {
  CG_RETURN_IF_ERROR(TouchClaimsOfChangedSources());
  store_internal::SortedBatch batch;
  // Pass 1: remove every key of every old version.
  CG_RETURN_IF_ERROR(
      entities_.ForEach([&](uint64_t id, TouchedEntity& t) -> Status {
        if (!t.old.has_value()) return OkStatus();
        for (const std::string& name : t.old_names) {
          batch.Delete(keys::kAliases, keys::TextIdKey(name, id));
        }
        if (!t.now.has_value()) batch.Delete(keys::kEntities, keys::IdKey(id));
        return OkStatus();
      }));
  CG_RETURN_IF_ERROR(
      claims_.ForEach([&](uint64_t id, TouchedClaim& t) -> Status {
        if (!t.old.has_value()) return OkStatus();
        for (const auto& [family, key] : ClaimIndexKeys(*t.old)) {
          batch.Delete(family, key);
        }
        batch.Delete(keys::kClaimKeys, ClaimIdentity(*t.old));
        if (!t.now.has_value()) batch.Delete(keys::kClaims, keys::IdKey(id));
        return OkStatus();
      }));
  for (const auto& [doc, t] : sources_) {
    if (t.old.has_value() && !t.now.has_value()) {
      batch.Delete(keys::kSources, doc);
    }
  }
  // Pass 2: put every key of every current version.
  std::vector<uint64_t> identity_hashes;  // Of the identities put.
  CG_RETURN_IF_ERROR(
      entities_.ForEach([&](uint64_t id, TouchedEntity& t) -> Status {
        if (!t.now.has_value()) return OkStatus();
        batch.Put(keys::kEntities, keys::IdKey(id), t.now->SerializeAsString());
        for (const std::string& name : t.now_names) {
          batch.Put(keys::kAliases, keys::TextIdKey(name, id), "");
        }
        return OkStatus();
      }));
  // The claims are not needed once their keys are in the batch: they go as
  // the batch grows, which keeps a large write from holding both in full.
  // The overlay's lookups go too; the identities' bytes stay until the
  // loop is done (now_identity views them).
  identity_overlay_.ReleaseLookups();
  identity_hashes.reserve(claims_.size());
  CG_RETURN_IF_ERROR(claims_.ForEach([&](uint64_t id,
                                         TouchedClaim& t) -> Status {
    t.old.reset();
    if (!t.now.has_value()) return OkStatus();
    batch.Put(keys::kClaims, keys::IdKey(id), t.now->SerializeAsString());
    CG_ASSIGN_OR_RETURN(EdgeRecord edge, SubjectEdge(*t.now));
    uint64_t subject_side_other = edge.other_id;
    for (const auto& [family, key] : ClaimIndexKeys(*t.now)) {
      std::string value;
      if (family == keys::kBySubject || family == keys::kByObject) {
        // Only the other end differs between the two sides' values.
        edge.other_id = family == keys::kBySubject ? subject_side_other
                                                   : t.now->subject().id();
        value = store_internal::EncodeEdgeValue(edge);
      }
      batch.Put(family, key, std::move(value));
    }
    std::string identity = t.now_identity.empty() ? ClaimIdentity(*t.now)
                                                  : std::string(t.now_identity);
    identity_hashes.push_back(store_internal::KeyHashes::Hash(identity));
    batch.Put(keys::kClaimKeys, std::move(identity), keys::IdKey(id));
    t.now.reset();
    return OkStatus();
  }));
  identity_overlay_.Clear();
  for (const auto& [doc, t] : sources_) {
    if (t.now.has_value()) {
      batch.Put(keys::kSources, doc, t.now->SerializeAsString());
    }
  }
  batch.Put(keys::kMeta, std::string(keys::kNextEntityIdKey),
            keys::IdKey(next_entity_id_));
  batch.Put(keys::kMeta, std::string(keys::kNextClaimIdKey),
            keys::IdKey(next_claim_id_));
  Status written = WriteAll(&batch);
  if (!written.ok()) {
    cache_->Clear();  // What reached the database is unknown.
    return written;
  }
  // The cache follows the committed database.
  cache_->TrimIfFull();
  CG_RETURN_IF_ERROR(
      entities_.ForEach([&](uint64_t id, TouchedEntity& t) -> Status {
        cache_->ApplyEntity(id, t.old_names, t.now_names,
                            t.now.has_value() ? &*t.now : nullptr);
        return OkStatus();
      }));
  for (const auto& [doc, t] : sources_) {
    cache_->ApplySource(doc, t.now.has_value() ? &*t.now : nullptr);
  }
  for (uint64_t hash : identity_hashes) cache_->ApplyIdentityHash(hash);
  return OkStatus();
}

}  // namespace claimgraph
