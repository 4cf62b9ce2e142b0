#include "store/resolve.h"

#include <set>
#include <string>
#include <vector>

#include "model/claim.h"
#include "model/names.h"

namespace claimgraph {
namespace {

bool Untyped(EntityType type) {
  return type == ENTITY_TYPE_UNSPECIFIED || type == OTHER;
}

// The entities `ids` name (those that exist), without copies: valid until
// the transaction next changes.
StatusOr<std::vector<const Entity*>> Load(const std::vector<uint64_t>& ids,
                                          Transaction* txn) {
  std::vector<const Entity*> entities;
  entities.reserve(ids.size());
  for (uint64_t id : ids) {
    CG_ASSIGN_OR_RETURN(const Entity* entity, txn->FindEntity(id));
    if (entity != nullptr) entities.push_back(entity);
  }
  return entities;
}

std::vector<const Entity*> NarrowByType(std::vector<const Entity*> candidates,
                                        EntityType type) {
  if (Untyped(type)) return candidates;
  std::vector<const Entity*> same, untyped;
  for (const Entity* e : candidates) {
    if (e->type() == type) {
      same.push_back(e);
    } else if (Untyped(e->type())) {
      untyped.push_back(e);
    }
  }
  return same.empty() ? untyped : same;
}

// Adds what `spec` says about an existing entity; true when it changed.
bool Enrich(const Entity& spec, Entity* entity) {
  bool changed = false;
  std::set<std::string> known = NormalizedNames(*entity);
  auto add_alias = [&](const std::string& name) {
    std::string norm = NormalizeName(name);
    if (!norm.empty() && known.insert(norm).second) {
      entity->add_aliases(name);
      changed = true;
    }
  };
  add_alias(spec.name());
  for (const std::string& alias : spec.aliases()) add_alias(alias);
  if (Untyped(entity->type()) && !Untyped(spec.type())) {
    entity->set_type(spec.type());
    changed = true;
  }
  if (entity->title().empty() && !spec.title().empty()) {
    entity->set_title(spec.title());
    changed = true;
  }
  if (entity->description().empty() && !spec.description().empty()) {
    entity->set_description(spec.description());
    changed = true;
  }
  return changed;
}

// True when Enrich(spec, &entity) would change nothing, found cheaply: each
// name of `spec` is, byte for byte, the entity's name or one of its aliases
// (so its normalised form is known already), and the type, title and
// description add nothing. False does not mean Enrich changes something.
bool AddsNothing(const Entity& spec, const Entity& entity) {
  auto known = [&](const std::string& name) {
    if (name == entity.name()) return true;
    for (const std::string& alias : entity.aliases()) {
      if (name == alias) return true;
    }
    return false;
  };
  if (!known(spec.name())) return false;
  for (const std::string& alias : spec.aliases()) {
    if (!known(alias)) return false;
  }
  if (Untyped(entity.type()) && !Untyped(spec.type())) return false;
  if (entity.title().empty() && !spec.title().empty()) return false;
  return !(entity.description().empty() && !spec.description().empty());
}

}  // namespace

StatusOr<uint64_t> FindEntityFor(const Entity& spec, Transaction* txn,
                                 const Entity** entity) {
  return FindEntityFor(spec, NormalizeName(spec.name()), txn, entity);
}

StatusOr<uint64_t> FindEntityFor(const Entity& spec,
                                 const std::string& normalized_name,
                                 Transaction* txn, const Entity** entity) {
  if (entity != nullptr) *entity = nullptr;
  CG_ASSIGN_OR_RETURN(std::vector<uint64_t> ids,
                      txn->Candidates(normalized_name));
  if (ids.empty()) {
    std::set<uint64_t> by_alias;
    for (const std::string& alias : spec.aliases()) {
      CG_ASSIGN_OR_RETURN(std::vector<uint64_t> more,
                          txn->Candidates(NormalizeName(alias)));
      by_alias.insert(more.begin(), more.end());
    }
    ids.assign(by_alias.begin(), by_alias.end());
  }
  CG_ASSIGN_OR_RETURN(std::vector<const Entity*> all, Load(ids, txn));
  std::vector<const Entity*> candidates =
      NarrowByType(std::move(all), spec.type());
  if (candidates.empty()) return uint64_t{0};
  if (candidates.size() == 1) {
    if (entity != nullptr) *entity = candidates[0];
    return candidates[0]->id();
  }
  std::string message = "\"" + spec.name() + "\" is ambiguous: it names";
  for (const Entity* e : candidates) {
    message += " #" + std::to_string(e->id()) + " " + e->name() + " (" +
               std::string(EntityTypeName(e->type())) + ")";
  }
  return AmbiguousError(message + "; give its \"type\" to choose");
}

StatusOr<uint64_t> ResolveEntity(const Entity& spec, Transaction* txn,
                                 bool* created) {
  CG_ASSIGN_OR_RETURN(uint64_t id, FindEntityFor(spec, txn));
  bool changed = false;
  return ResolveFound(spec, id, txn, created, &changed);
}

StatusOr<uint64_t> ResolveFound(const Entity& spec, uint64_t id,
                                Transaction* txn, bool* created, bool* changed,
                                const Entity* current) {
  *created = false;
  if (id != 0) {
    if (current == nullptr) {
      CG_ASSIGN_OR_RETURN(current, txn->FindEntity(id));
    }
    if (current == nullptr) return CorruptionError("entity vanished");
    // Most mentions of a known entity add nothing: no copy then.
    if (AddsNothing(spec, *current)) return id;
    Entity entity = *current;
    if (Enrich(spec, &entity)) {
      CG_RETURN_IF_ERROR(txn->PutEntity(std::move(entity)));
      *changed = true;
    }
    return id;
  }
  *changed = true;
  Entity entity;
  entity.set_id(txn->NewEntityId());
  entity.set_name(spec.name());
  entity.set_type(Untyped(spec.type()) ? OTHER : spec.type());
  Enrich(spec, &entity);  // Adds the aliases, title, description.
  uint64_t new_id = entity.id();
  CG_RETURN_IF_ERROR(txn->PutEntity(std::move(entity)));
  *created = true;
  return new_id;
}

}  // namespace claimgraph
