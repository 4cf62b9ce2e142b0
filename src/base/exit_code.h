// The exit codes of claimgraph's programs (the `claimgraph` tool and the
// developer tools), one table for all, and the code for a Status.

#ifndef CLAIMGRAPH_BASE_EXIT_CODE_H_
#define CLAIMGRAPH_BASE_EXIT_CODE_H_

#include <string_view>

#include "base/status.h"

namespace claimgraph {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;    // I/O, storage or internal error.
inline constexpr int kExitUsage = 2;      // Bad command line.
inline constexpr int kExitBadInput = 3;   // Malformed input data.
inline constexpr int kExitNotFound = 4;   // A named entity or file is missing.
inline constexpr int kExitAmbiguous = 5;  // A name matches several entities.

// The exit code for a status: kExitOk for OK, kExitBadInput for invalid
// or corrupt input, kExitNotFound, kExitAmbiguous, else kExitFailure.
int ExitCodeFor(const Status& status);

// Writes "<program>: error: <message>" to stderr and returns
// ExitCodeFor(status). For a failed status only.
int ReportError(std::string_view program, const Status& status);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_BASE_EXIT_CODE_H_
