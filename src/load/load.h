// Readers of claim files: the JSONL interchange format and hand-written TSV
// (both documented in docs/formats.md). Readers only parse and check; they
// never touch a database.
//
// Errors name "file:line" and what was expected. With `skip_bad`, bad lines
// are reported in `skipped` and the rest is returned; without it the first
// bad line fails the whole file.

#ifndef CLAIMGRAPH_LOAD_LOAD_H_
#define CLAIMGRAPH_LOAD_LOAD_H_

#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "claimgraph.pb.h"
#include "model/claim.h"

namespace claimgraph {

struct ReadOptions {
  bool skip_bad = false;
};

struct ReadResult {
  std::vector<LocatedClaim> claims;
  std::vector<SkippedClaim> skipped;
};

// One Claim per line in protobuf's JSON mapping (proto field names). Blank
// lines are ignored. Unknown fields are errors.
StatusOr<ReadResult> ReadJsonl(std::istream& in, std::string_view name,
                               const ReadOptions& options);

// Tab-separated values with a header row naming the columns (see
// kTsvColumns); unknown columns are an error, missing optional ones fine.
StatusOr<ReadResult> ReadTsv(std::istream& in, std::string_view name,
                             const ReadOptions& options);

// The TSV columns, in their usual order.
const std::vector<std::string>& TsvColumns();

// Reads a claim file, choosing the reader by extension: .jsonl/.json or
// .tsv. InvalidArgument for other extensions, NotFound/IoError when the
// file cannot be read.
StatusOr<ReadResult> ReadClaimFile(const std::string& path,
                                   const ReadOptions& options);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_LOAD_LOAD_H_
