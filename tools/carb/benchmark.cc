#include "carb/benchmark.h"

#include <algorithm>
#include <set>

#include "carb/text.h"

namespace claimgraph::carb {
namespace {

// Running numerators and denominators per threshold index.
struct Totals {
  explicit Totals(size_t n) : p(n), pl(n), r(n), rl(n) {}
  void AddRange(size_t from, size_t to, double precision_sum,
                double extractions, double recall_sum, double golds) {
    for (size_t c = from; c < to; ++c) {
      p[c] += precision_sum;
      pl[c] += extractions;
      r[c] += recall_sum;
      rl[c] += golds;
    }
  }
  std::vector<double> p, pl, r, rl;
};

std::vector<double> DistinctConfidences(const ExtractionSet& system) {
  std::set<double> distinct;
  for (const SentenceGroup& group : system.groups()) {
    for (const Extraction& ex : group.extractions) {
      distinct.insert(ex.confidence);
    }
  }
  return {distinct.begin(), distinct.end()};
}

// scores[i][j]: gold extraction i against system extraction j.
std::vector<std::vector<MatchScore>> ScoreMatrix(
    const std::vector<Extraction>& gold, const std::vector<Extraction>& sys,
    const MatchOptions& options) {
  std::vector<std::vector<MatchScore>> scores(gold.size());
  for (size_t i = 0; i < gold.size(); ++i) {
    for (const Extraction& ex : sys) {
      scores[i].push_back(BinaryLenientTupleMatch(gold[i], ex, options));
    }
  }
  return scores;
}

// Adds one gold sentence to the totals. As CaRB does, walks the sentence's
// own confidences upwards; each fills the threshold indices from just past
// the previous one up to its own, and indices above the sentence's highest
// confidence get only the recall denominator.
void AddSentence(const std::vector<Extraction>& gold,
                 const std::vector<Extraction>& sys,
                 const std::vector<double>& thresholds,
                 const MatchOptions& options, Totals& totals) {
  const auto scores = ScoreMatrix(gold, sys, options);
  std::vector<double> confidences;
  for (const Extraction& ex : sys) confidences.push_back(ex.confidence);
  std::sort(confidences.begin(), confidences.end());
  size_t prev_c = 0;
  for (double conf : confidences) {
    const size_t c =
        std::lower_bound(thresholds.begin(), thresholds.end(), conf) -
        thresholds.begin();
    if (c + 1 <= prev_c) continue;  // A repeated confidence: empty slice.
    std::vector<size_t> columns;
    for (size_t j = 0; j < sys.size(); ++j) {
      if (sys[j].confidence >= conf) columns.push_back(j);
    }
    totals.AddRange(prev_c, c + 1, GreedyPrecisionSum(scores, columns),
                    columns.size(), BestRecallSum(scores, columns),
                    gold.size());
    prev_c = c + 1;
  }
  totals.AddRange(prev_c, thresholds.size(), 0, 0, 0, gold.size());
}

// numpy's pairwise summation (np.add.reduce on a contiguous float64 array),
// so that the area below is bit-identical to np.trapz.
double PairwiseSum(const double* a, size_t n) {
  if (n < 8) {
    double sum = 0;
    for (size_t i = 0; i < n; ++i) sum += a[i];
    return sum;
  }
  if (n <= 128) {
    double r[8];
    for (size_t j = 0; j < 8; ++j) r[j] = a[j];
    size_t i = 8;
    for (; i < n - n % 8; i += 8) {
      for (size_t j = 0; j < 8; ++j) r[j] += a[i + j];
    }
    double sum =
        ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i) sum += a[i];
    return sum;
  }
  size_t half = n / 2;
  half -= half % 8;
  return PairwiseSum(a, half) + PairwiseSum(a + half, n - half);
}

// sklearn.metrics.auc: np.trapz(y, x), negated when x decreases. Recall
// never rises with the threshold, so x here never increases.
double Auc(const std::vector<double>& x, const std::vector<double>& y) {
  std::vector<double> trapezoids;
  for (size_t i = 1; i < x.size(); ++i) {
    trapezoids.push_back((x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2.0);
  }
  const double area = PairwiseSum(trapezoids.data(), trapezoids.size());
  const bool decreasing = x.size() > 1 && x.front() > x.back();
  return decreasing ? -area : area;
}

}  // namespace

double F1(double precision, double recall) {
  if (precision + recall == 0) return 0;
  return 2 * precision * recall / (precision + recall);
}

double GreedyPrecisionSum(const std::vector<std::vector<MatchScore>>& scores,
                          const std::vector<size_t>& columns) {
  std::vector<bool> row_taken(scores.size(), false);
  std::vector<bool> col_taken(columns.size(), false);
  double sum = 0;
  const size_t rounds = std::min(scores.size(), columns.size());
  for (size_t t = 0; t < rounds; ++t) {
    double best = -1;
    size_t best_row = 0;
    size_t best_col = 0;
    for (size_t i = 0; i < scores.size(); ++i) {
      if (row_taken[i]) continue;
      for (size_t k = 0; k < columns.size(); ++k) {
        if (col_taken[k]) continue;
        if (scores[i][columns[k]].precision > best) {
          best = scores[i][columns[k]].precision;
          best_row = i;
          best_col = k;
        }
      }
    }
    row_taken[best_row] = true;
    col_taken[best_col] = true;
    sum += best;
  }
  return sum;
}

double BestRecallSum(const std::vector<std::vector<MatchScore>>& scores,
                     const std::vector<size_t>& columns) {
  double sum = 0;
  for (const auto& row : scores) {
    double best = 0;
    for (size_t j : columns) best = std::max(best, row[j].recall);
    sum += best;
  }
  return sum;
}

CarbResult Score(const ExtractionSet& gold, const ExtractionSet& system,
                 const MatchOptions& options) {
  const std::vector<double> thresholds = DistinctConfidences(system);
  Totals totals(thresholds.size());
  static const std::vector<Extraction> kNone;
  for (const SentenceGroup& group : gold.groups()) {
    const SentenceGroup* sys = system.Find(group.key);
    AddSentence(group.extractions, sys ? sys->extractions : kNone, thresholds,
                options, totals);
  }
  CarbResult result;
  std::vector<double> x, y;
  for (size_t c = 0; c < thresholds.size(); ++c) {
    CurvePoint point;
    point.threshold = thresholds[c];
    point.precision = totals.pl[c] > 0 ? totals.p[c] / totals.pl[c] : 1.0;
    point.recall = totals.rl[c] > 0 ? totals.r[c] / totals.rl[c] : 0.0;
    point.f1 = F1(point.precision, point.recall);
    if (result.curve.empty() || point.f1 > result.best.f1) result.best = point;
    result.curve.push_back(point);
    x.push_back(point.recall);
    y.push_back(point.precision);
  }
  if (result.curve.empty()) return result;
  x.push_back(0);
  y.push_back(1);
  result.auc = Auc(x, y);
  return result;
}

std::string FormatCurve(const CarbResult& result) {
  std::vector<CurvePoint> points = result.curve;
  std::stable_sort(points.begin(), points.end(),
                   [](const CurvePoint& a, const CurvePoint& b) {
                     return a.recall < b.recall;
                   });
  std::string out = "Precision\tRecall\tConfidence\n";
  for (const CurvePoint& p : points) {
    out += FormatDouble(p.precision) + "\t" + FormatDouble(p.recall) + "\t" +
           FormatDouble(p.threshold) + "\n";
  }
  return out;
}

}  // namespace claimgraph::carb
