// Helpers on the Claim, Entity and Source messages of proto/claimgraph.proto:
// names of enums, validation of loaded claims, claim identity, and merging
// of evidence.

#ifndef CLAIMGRAPH_MODEL_CLAIM_H_
#define CLAIMGRAPH_MODEL_CLAIM_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "claimgraph.pb.h"

namespace claimgraph {

// A claim read from a file, with where it came from ("file.jsonl:12").
struct LocatedClaim {
  Claim claim;
  std::string where;
  // ValidateClaim(claim) passed on this very claim (the file readers set
  // it). Store::AddClaims then checks only what its normalisation changes.
  bool validated = false;
};

// A claim left out of a load (with --skip-bad), and why.
struct SkippedClaim {
  std::string where;
  Status status;
};

// "AGENCY", ... ; "OTHER" for ENTITY_TYPE_UNSPECIFIED.
std::string_view EntityTypeName(EntityType type);

// An organisation of any kind: AGENCY, COMPANY or ORGANIZATION (what "it",
// "its" and "the organisation's unit" can refer to).
bool IsOrganizationType(EntityType type);

// Parses a bare type name, case-insensitively ("agency" -> AGENCY).
StatusOr<EntityType> ParseEntityType(std::string_view name);

// "ASSERTED", ...; "" for STANCE_UNSPECIFIED.
std::string_view StanceName(Stance stance);

// Checks what a loaded claim must have: a subject name, a predicate, and
// exactly one of object (with a name) or value. Names the offending field.
Status ValidateClaim(const Claim& claim);

// Brings a loaded claim into normal form in place: trims names, lower-cases
// and space-folds the predicate, defaults confidence to 1 and stance to
// ASSERTED, fills each evidence's source.document_id (see DocumentIdFor).
void NormalizeClaim(Claim* claim);

// The document id of a source: its document_id if set, else its url, else
// "outlet|title|published". Empty when the source has none of these.
std::string DocumentIdFor(const Source& source);

// Qualifier keys that are part of a claim's identity: two statements that
// differ in one of these are different claims.
bool IsKeyQualifier(std::string_view key);

// The identity of a claim whose subject (and object) carry resolved entity
// ids: subject id, predicate, object id or value (amount, unit, bounds), the
// key qualifiers, sorted, and the polarity of the statement: a DENIED or a
// QUESTIONED statement is a different claim from the affirmed one (ASSERTED,
// REPORTED and ALLEGED affirm), so a denial never counts as corroboration.
// Claims with equal identities are one claim.
std::string ClaimIdentity(const Claim& claim);

// Merges `from` into `into` (two statements of the same claim): evidence is
// appended unless the same document already gives the same sentence,
// confidence is the maximum, non-key qualifiers are added when new, and an
// attribution is taken when `into` has none.
void MergeClaim(const Claim& from, Claim* into);

// Short text of a quantity: its original text if any, else "76%",
// "30,000,000 USD", "1,461 immigrants".
std::string FormatQuantity(const Quantity& value);

// True when the claim is only attributed to someone (REPORTED, ALLEGED) or
// disputed (DENIED, QUESTIONED), as opposed to asserted by the source.
bool IsAttributedOrDisputed(const Claim& claim);

// Number of distinct outlets among the claim's evidence (corroboration).
int DistinctOutlets(const Claim& claim);

// Pairs of claims that contradict each other among `claims`: claims with a
// value, the same subject, predicate, unit, key qualifiers and polarity, but
// different amounts or bounds; and a DENIED claim with the claims that affirm
// what it denies. Maps each such claim id to the ids it contradicts.
std::map<uint64_t, std::vector<uint64_t>> FindContradictions(
    const std::vector<Claim>& claims);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_MODEL_CLAIM_H_
