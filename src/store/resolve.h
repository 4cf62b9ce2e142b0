// Entity resolution during a write (internal to src/store): finds the
// stored entity a name in a loaded claim denotes, or decides to create one.
//
// Rules: candidates are the entities whose name or alias normalises like the
// name (model/names.h); when there are none, like one of the declared
// aliases. A declared type narrows the candidates to that type, or failing
// that to untyped (OTHER) ones; when none remain a new entity is made.
// Several candidates left is an ambiguity, reported with their ids.

#ifndef CLAIMGRAPH_STORE_RESOLVE_H_
#define CLAIMGRAPH_STORE_RESOLVE_H_

#include <cstdint>
#include <string>

#include "base/status.h"
#include "claimgraph.pb.h"
#include "store/transaction.h"

namespace claimgraph {

// The id of the stored entity `spec` denotes, 0 when a new one is needed.
// With `entity`, also that entity (nullptr for 0), valid until the
// transaction next changes.
StatusOr<uint64_t> FindEntityFor(const Entity& spec, Transaction* txn,
                                 const Entity** entity = nullptr);
// FindEntityFor when NormalizeName(spec.name()) is known already (a claim's
// names may be looked up twice).
StatusOr<uint64_t> FindEntityFor(const Entity& spec,
                                 const std::string& normalized_name,
                                 Transaction* txn, const Entity** entity);

// Resolves `spec` and records what it adds: a new entity, or new aliases,
// type, title or description on the existing one. Returns the entity id.
// `created` is set when a new entity was made.
StatusOr<uint64_t> ResolveEntity(const Entity& spec, Transaction* txn,
                                 bool* created);

// ResolveEntity when FindEntityFor(spec, txn) is already known to return
// `found` (nothing was written since), and `entity` when given (else it is
// looked up again). `changed` is set when the transaction changed (an
// entity created or enriched): later names must then be looked up again.
StatusOr<uint64_t> ResolveFound(const Entity& spec, uint64_t found,
                                Transaction* txn, bool* created, bool* changed,
                                const Entity* entity = nullptr);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_STORE_RESOLVE_H_
