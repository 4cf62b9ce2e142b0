#include "base/exit_code.h"

#include <iostream>

namespace claimgraph {

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk:
      return kExitOk;
    case StatusCode::kInvalidArgument:
    case StatusCode::kCorruption:
      return kExitBadInput;
    case StatusCode::kNotFound:
      return kExitNotFound;
    case StatusCode::kAmbiguous:
      return kExitAmbiguous;
    default:
      return kExitFailure;
  }
}

int ReportError(std::string_view program, const Status& status) {
  std::cerr << program << ": error: " << status.message() << "\n";
  return ExitCodeFor(status);
}

}  // namespace claimgraph
