// CaRB's Benchmark.compare (carb.py): scores every gold sentence's
// extractions against the system's at every confidence threshold, then
// reports the best F1 and the area under the precision-recall curve.

#ifndef CLAIMGRAPH_TOOLS_CARB_BENCHMARK_H_
#define CLAIMGRAPH_TOOLS_CARB_BENCHMARK_H_

#include <string>
#include <vector>

#include "carb/matcher.h"
#include "carb/reader.h"

namespace claimgraph::carb {

// Scores at one threshold: extractions with confidence >= threshold count.
struct CurvePoint {
  double threshold = 0;
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};

struct CarbResult {
  // One point per distinct system confidence, thresholds ascending.
  std::vector<CurvePoint> curve;
  // The first point of greatest F1 (np.argmax); all zero without points.
  CurvePoint best;
  // sklearn.metrics.auc over the curve plus the point (recall 0,
  // precision 1) CaRB appends; 0 without points.
  double auc = 0;
};

// The precision numerator of one sentence: CaRB's "optimised global match",
// a greedy one-to-one assignment that repeatedly takes the highest
// precision among unassigned gold rows and the given system columns (first
// maximum in row, then column order), min(rows, columns) times.
double GreedyPrecisionSum(const std::vector<std::vector<MatchScore>>& scores,
                          const std::vector<size_t>& columns);

// Recall numerator: for each gold row, the best recall over the columns.
double BestRecallSum(const std::vector<std::vector<MatchScore>>& scores,
                     const std::vector<size_t>& columns);

// Benchmark.compare with the default (binary lenient) matcher. Only gold
// sentences are scored; system sentences without gold are ignored, but
// their confidences are thresholds too, as in CaRB.
CarbResult Score(const ExtractionSet& gold, const ExtractionSet& system,
                 const MatchOptions& options = {});

// F1 of precision and recall; 0 when both are 0 (see docs/carb.md).
double F1(double precision, double recall);

// The curve as CaRB writes it to --out: a header, then
// precision \t recall \t confidence sorted by recall (stable).
std::string FormatCurve(const CarbResult& result);

}  // namespace claimgraph::carb

#endif  // CLAIMGRAPH_TOOLS_CARB_BENCHMARK_H_
