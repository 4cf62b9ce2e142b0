// Eisner's algorithm (1996): the highest-scoring projective dependency tree
// over arc scores, here with exactly one word attached to the root.

#ifndef CLAIMGRAPH_TEXT_EISNER_H_
#define CLAIMGRAPH_TEXT_EISNER_H_

#include <vector>

namespace claimgraph {

// Words are 1..n, the root 0; scores[d * stride + h] is the score of the
// arc from head h to dependent d (row d of a matrix; row 0 unused).
// Returns heads[0..n] (heads[0] = -1): a projective tree in which exactly
// one word has head 0, of the highest total arc score (ties go to the
// smaller split point, then the smaller root child). O(n^3) time, O(n^2)
// memory. n == 0 gives {-1}.
std::vector<int> EisnerDecode(int n, const float* scores, int stride);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_TEXT_EISNER_H_
