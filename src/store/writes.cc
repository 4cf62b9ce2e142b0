// The write operations of Store, each one Transaction.

#include <chrono>
#include <ctime>
#include <map>
#include <set>

#include "model/claim.h"
#include "model/names.h"
#include "store/keys.h"
#include "store/raw_reader.h"
#include "store/resolve.h"
#include "store/rocks_util.h"
#include "store/store.h"
#include "store/transaction.h"

namespace claimgraph {
namespace {

std::string NowRfc3339() {
  std::time_t now =
      std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Fills empty fields of `into` from `from`; true when something changed.
bool MergeSource(const Source& from, Source* into) {
  bool changed = false;
  auto fill = [&](const std::string& value, std::string* field) {
    if (field->empty() && !value.empty()) {
      *field = value;
      changed = true;
    }
  };
  fill(from.title(), into->mutable_title());
  fill(from.outlet(), into->mutable_outlet());
  fill(from.author(), into->mutable_author());
  fill(from.url(), into->mutable_url());
  fill(from.published(), into->mutable_published());
  fill(from.retrieved(), into->mutable_retrieved());
  fill(from.content_hash(), into->mutable_content_hash());
  return changed;
}

// True when MergeSource(from, into) would change `into` (without copying).
bool WouldFill(const Source& from, const Source& into) {
  auto fills = [](const std::string& value, const std::string& field) {
    return field.empty() && !value.empty();
  };
  return fills(from.title(), into.title()) ||
         fills(from.outlet(), into.outlet()) ||
         fills(from.author(), into.author()) || fills(from.url(), into.url()) ||
         fills(from.published(), into.published()) ||
         fills(from.retrieved(), into.retrieved()) ||
         fills(from.content_hash(), into.content_hash());
}

Status StoreSources(const Claim& claim, Transaction* txn, WriteReport* report) {
  for (const Evidence& e : claim.evidence()) {
    const Source& source = e.source();
    if (source.document_id().empty()) continue;
    CG_ASSIGN_OR_RETURN(const Source* stored,
                        txn->FindSource(source.document_id()));
    if (stored == nullptr) {
      CG_RETURN_IF_ERROR(txn->PutSource(source));
      ++report->sources_added;
    } else if (WouldFill(source, *stored)) {
      Source merged = *stored;
      MergeSource(source, &merged);
      CG_RETURN_IF_ERROR(txn->PutSource(merged));
    }
  }
  return OkStatus();
}

// Resolves the subject, object and speaker of `claim` in place. Every name
// is looked up before anything is written, so that a claim with an
// ambiguous name changes nothing; a name is looked up again only when
// resolving an earlier one changed the transaction.
Status ResolveNames(Claim* claim, Transaction* txn, WriteReport* report) {
  std::vector<Entity*> entities = {claim->mutable_subject()};
  if (claim->has_object()) entities.push_back(claim->mutable_object());
  bool has_speaker = !claim->attribution().speaker().name().empty();
  if (has_speaker) {
    entities.push_back(claim->mutable_attribution()->mutable_speaker());
  }
  // The normalised names (computed once), the ids found, and the entities
  // (valid while nothing changed).
  std::string normalized[3];
  std::vector<uint64_t> found(entities.size());
  std::vector<const Entity*> found_entities(entities.size());
  for (size_t i = 0; i < entities.size(); ++i) {
    normalized[i] = NormalizeName(entities[i]->name());
    CG_ASSIGN_OR_RETURN(found[i], FindEntityFor(*entities[i], normalized[i],
                                                txn, &found_entities[i]));
  }
  bool changed = false;
  for (size_t i = 0; i < entities.size(); ++i) {
    if (changed) {
      CG_ASSIGN_OR_RETURN(found[i], FindEntityFor(*entities[i], normalized[i],
                                                  txn, &found_entities[i]));
    }
    bool created = false;
    CG_ASSIGN_OR_RETURN(uint64_t id,
                        ResolveFound(*entities[i], found[i], txn, &created,
                                     &changed, found_entities[i]));
    if (created) ++report->entities_added;
    entities[i]->set_id(id);
  }
  if (!has_speaker) claim->mutable_attribution()->clear_speaker();
  return OkStatus();
}

// Stores `stored` (resolved, stored form), merging it into an equal claim.
// Returns true when it was merged.
StatusOr<bool> PutOrMerge(Claim stored, Transaction* txn) {
  std::string identity = ClaimIdentity(stored);
  CG_ASSIGN_OR_RETURN(std::optional<uint64_t> existing_id,
                      txn->ClaimIdFor(identity));
  if (existing_id.has_value() && *existing_id != stored.id()) {
    CG_ASSIGN_OR_RETURN(std::optional<Claim> existing,
                        txn->GetStoredClaim(*existing_id));
    if (!existing.has_value()) return CorruptionError("dangling claim key");
    MergeClaim(stored, &*existing);
    CG_RETURN_IF_ERROR(txn->PutClaim(std::move(*existing)));
    return true;
  }
  if (stored.id() == 0) stored.set_id(txn->NewClaimId());
  if (stored.recorded_at().empty()) stored.set_recorded_at(NowRfc3339());
  // The id and recorded_at are not part of the identity.
  CG_RETURN_IF_ERROR(txn->PutClaim(std::move(stored), std::move(identity)));
  return false;
}

// `validated`: ValidateClaim passed on `claim` as given. NormalizeClaim
// keeps everything it checks as it was (names and document ids are only
// trimmed or filled in the same way, confidence 0 becomes 1), except the
// predicate, which is folded; so only that is checked again.
Status AddOne(Claim claim, bool validated, Transaction* txn,
              WriteReport* report) {
  NormalizeClaim(&claim);
  if (!validated) {
    CG_RETURN_IF_ERROR(ValidateClaim(claim));
  } else if (CollapseSpaces(claim.predicate()).empty()) {
    return InvalidArgumentError("expected a non-empty \"predicate\"");
  }
  CG_RETURN_IF_ERROR(ResolveNames(&claim, txn, report));
  CG_RETURN_IF_ERROR(StoreSources(claim, txn, report));
  claim.set_id(0);
  store_internal::ReduceToStoredForm(&claim);
  CG_ASSIGN_OR_RETURN(bool merged, PutOrMerge(std::move(claim), txn));
  ++(merged ? report->claims_merged : report->claims_added);
  return OkStatus();
}

Status ReadOnlyError(const std::string& path) {
  return FailedPreconditionError("database " + path + " is open read-only");
}

// Store::AddClaims. `movable` is `claims` when the claims may be moved
// from, else null. Only without skip_bad are they moved: with it, a batch
// may be redone and needs them again.
StatusOr<WriteReport> AddClaimsTo(Store* store,
                                  const std::vector<LocatedClaim>& claims,
                                  std::vector<LocatedClaim>* movable,
                                  bool skip_bad) {
  if (skip_bad) movable = nullptr;
  // A claim that fails may already have changed the transaction (a new
  // subject, say). With skip_bad the batch is then redone from the start
  // without it, so a skipped claim leaves nothing behind. Failures are rare,
  // so redoing is cheaper than undo bookkeeping on every claim.
  std::map<size_t, Status> bad;
  while (true) {
    Transaction txn(store);
    CG_RETURN_IF_ERROR(txn.Init());
    txn.ExpectClaims(claims.size());
    WriteReport report;
    bool redo = false;
    for (size_t i = 0; i < claims.size() && !redo; ++i) {
      if (bad.contains(i)) continue;
      const LocatedClaim& located = claims[i];
      Status status = AddOne(movable != nullptr ? std::move((*movable)[i].claim)
                                                : Claim(located.claim),
                             located.validated, &txn, &report);
      if (status.ok()) continue;
      if (status.code() == StatusCode::kIoError ||
          status.code() == StatusCode::kCorruption || !skip_bad) {
        return located.where.empty() ? status
                                     : status.WithPrefix(located.where);
      }
      bad.emplace(i, status);
      redo = true;
    }
    if (redo) continue;
    for (const auto& [i, status] : bad) {
      report.skipped.push_back({claims[i].where, status});
    }
    CG_RETURN_IF_ERROR(txn.Commit());
    return report;
  }
}

}  // namespace

StatusOr<WriteReport> Store::AddClaims(const std::vector<LocatedClaim>& claims,
                                       bool skip_bad) {
  if (read_only_) return ReadOnlyError(path_);
  CG_RETURN_IF_ERROR(PrepareWriteCache(claims.size()));
  return AddClaimsTo(this, claims, nullptr, skip_bad);
}

StatusOr<WriteReport> Store::AddClaims(std::vector<LocatedClaim>&& claims,
                                       bool skip_bad) {
  if (read_only_) return ReadOnlyError(path_);
  CG_RETURN_IF_ERROR(PrepareWriteCache(claims.size()));
  return AddClaimsTo(this, claims, &claims, skip_bad);
}

StatusOr<WriteReport> Store::Forget(std::string_view document_id) {
  if (read_only_) return ReadOnlyError(path_);
  Transaction txn(this);
  CG_RETURN_IF_ERROR(txn.Init());
  std::string doc(document_id);
  CG_ASSIGN_OR_RETURN(std::optional<Source> source, txn.GetSource(doc));
  CG_ASSIGN_OR_RETURN(
      std::vector<uint64_t> ids,
      store_internal::TrailingIdsWithPrefix(db_.get(), rocksdb::ReadOptions(),
                                            handles_[store_keys::kByDocument],
                                            store_keys::TextPrefix(doc)));
  if (!source.has_value() && ids.empty()) {
    return NotFoundError("no document \"" + doc + "\" in " + path_);
  }
  WriteReport report;
  for (uint64_t id : ids) {
    CG_ASSIGN_OR_RETURN(std::optional<Claim> claim, txn.GetStoredClaim(id));
    if (!claim.has_value()) continue;
    auto* evidence = claim->mutable_evidence();
    evidence->erase(std::remove_if(evidence->begin(), evidence->end(),
                                   [&](const Evidence& e) {
                                     return e.source().document_id() == doc;
                                   }),
                    evidence->end());
    if (evidence->empty()) {
      CG_RETURN_IF_ERROR(txn.DeleteClaim(id));
      ++report.claims_removed;
    } else {
      CG_RETURN_IF_ERROR(txn.PutClaim(*claim));
    }
  }
  if (source.has_value()) CG_RETURN_IF_ERROR(txn.DeleteSource(doc));
  CG_RETURN_IF_ERROR(txn.Commit());
  return report;
}

Status Store::AddAlias(uint64_t entity_id, std::string_view alias) {
  if (read_only_) return ReadOnlyError(path_);
  std::string name = CollapseSpaces(alias);
  if (NormalizeName(name).empty()) {
    return InvalidArgumentError("alias \"" + std::string(alias) +
                                "\" is empty after normalisation");
  }
  Transaction txn(this);
  CG_RETURN_IF_ERROR(txn.Init());
  CG_ASSIGN_OR_RETURN(std::optional<Entity> entity, txn.GetEntity(entity_id));
  if (!entity.has_value()) {
    return NotFoundError("no entity #" + std::to_string(entity_id));
  }
  if (NormalizedNames(*entity).contains(NormalizeName(name))) return OkStatus();
  entity->add_aliases(name);
  CG_RETURN_IF_ERROR(txn.PutEntity(*entity));
  return txn.Commit();
}

StatusOr<WriteReport> Store::Merge(uint64_t keep, uint64_t drop) {
  if (read_only_) return ReadOnlyError(path_);
  if (keep == drop)
    return InvalidArgumentError("cannot merge an entity into itself");
  Transaction txn(this);
  CG_RETURN_IF_ERROR(txn.Init());
  CG_ASSIGN_OR_RETURN(std::optional<Entity> kept, txn.GetEntity(keep));
  CG_ASSIGN_OR_RETURN(std::optional<Entity> dropped, txn.GetEntity(drop));
  if (!kept.has_value() || !dropped.has_value()) {
    return NotFoundError("no entity #" + std::to_string(kept ? drop : keep));
  }
  std::set<std::string> known = NormalizedNames(*kept);
  for (const std::string& name : NormalizedNames(*dropped)) known.insert(name);
  std::vector<std::string> names = {dropped->name()};
  names.insert(names.end(), dropped->aliases().begin(),
               dropped->aliases().end());
  std::set<std::string> have = NormalizedNames(*kept);
  for (const std::string& name : names) {
    if (have.insert(NormalizeName(name)).second) kept->add_aliases(name);
  }
  CG_RETURN_IF_ERROR(txn.DeleteEntity(drop));
  CG_RETURN_IF_ERROR(txn.PutEntity(*kept));

  // Every claim that mentions `drop`: as subject, object or speaker.
  std::vector<Claim> affected;
  CG_RETURN_IF_ERROR(store_internal::ScanPrefix(
      db_.get(), rocksdb::ReadOptions(), handles_[store_keys::kClaims], "",
      [&](std::string_view, std::string_view value) {
        Claim claim;
        if (claim.ParseFromArray(value.data(),
                                 static_cast<int>(value.size())) &&
            (claim.subject().id() == drop || claim.object().id() == drop ||
             claim.attribution().speaker().id() == drop)) {
          affected.push_back(std::move(claim));
        }
        return true;
      }));
  WriteReport report;
  for (Claim& claim : affected) {
    CG_RETURN_IF_ERROR(txn.DeleteClaim(claim.id()));
    if (claim.subject().id() == drop) claim.mutable_subject()->set_id(keep);
    if (claim.has_object() && claim.object().id() == drop) {
      claim.mutable_object()->set_id(keep);
    }
    if (claim.attribution().speaker().id() == drop) {
      claim.mutable_attribution()->mutable_speaker()->set_id(keep);
    }
    CG_ASSIGN_OR_RETURN(bool merged, PutOrMerge(claim, &txn));
    if (merged) ++report.claims_removed;
  }
  CG_RETURN_IF_ERROR(txn.Commit());
  return report;
}

}  // namespace claimgraph
