#include "recognize/internal.h"

namespace claimgraph::recognize_internal {
void FindDates(const Scan& scan, const RecognizeOptions& options,
               std::vector<Mention>* out) {}
}  // namespace claimgraph::recognize_internal
