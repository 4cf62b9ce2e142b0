#include "recognize/internal.h"

namespace claimgraph::recognize_internal {
void FindAcronyms(const Scan& scan, std::vector<Mention>* out) {}
}  // namespace claimgraph::recognize_internal
