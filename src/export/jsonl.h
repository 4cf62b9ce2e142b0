// The JSONL interchange format on the way out (docs/formats.md): one claim
// per line, protobuf's JSON mapping with proto field names.

#ifndef CLAIMGRAPH_EXPORT_JSONL_H_
#define CLAIMGRAPH_EXPORT_JSONL_H_

#include <ostream>
#include <string>

#include "base/status.h"
#include "claimgraph.pb.h"
#include "store/store.h"

namespace claimgraph {

// One claim as a JSONL line (no newline). Store ids are left out, so that
// loading an export into an empty database and exporting again gives the
// same bytes; recorded_at is kept (and kept again by the load).
StatusOr<std::string> ClaimToJsonLine(const Claim& claim);

// Every claim of the snapshot in claim id order. Deterministic.
Status ExportJsonl(const StoreReader& reader, std::ostream& out);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXPORT_JSONL_H_
