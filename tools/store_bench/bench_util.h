// Timing and memory helpers shared by the phases of claimgraph-store-bench.

#ifndef CLAIMGRAPH_TOOLS_STORE_BENCH_BENCH_UTIL_H_
#define CLAIMGRAPH_TOOLS_STORE_BENCH_BENCH_UTIL_H_

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include "figures.h"

namespace claimgraph::bench {

using Clock = std::chrono::steady_clock;

inline double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// Peak resident set of the process so far, MiB.
inline double MaxRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// Resets the kernel's peak-RSS mark (VmHWM) so that a phase's own peak can
// be read; false when the kernel does not allow it.
inline bool ResetPeakRss() {
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
  out.flush();
  return static_cast<bool>(out);
}

// VmHWM from /proc/self/status, MiB; -1 when unknown.
inline double PeakRssSinceResetMiB() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmHWM:", 0) == 0) {
      return std::stod(line.substr(6)) / 1024.0;  // kB
    }
  }
  return -1;
}

// The q-quantile of sorted values, by nearest rank.
inline double Quantile(const std::vector<double>& sorted, double q) {
  size_t rank = static_cast<size_t>(std::ceil(q * sorted.size()));
  return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

inline Summary Summarize(std::vector<double> ms, std::vector<double> cpu_ms) {
  Summary s;
  s.runs = ms.size();
  if (ms.empty()) return s;
  std::sort(ms.begin(), ms.end());
  std::sort(cpu_ms.begin(), cpu_ms.end());
  s.median_ms = Quantile(ms, 0.5);
  s.p90_ms = Quantile(ms, 0.9);
  s.cpu_median_ms = Quantile(cpu_ms, 0.5);
  s.cpu_p90_ms = Quantile(cpu_ms, 0.9);
  s.min_ms = ms.front();
  s.max_ms = ms.back();
  double total = 0;
  for (double x : ms) total += x;
  s.mean_ms = total / ms.size();
  return s;
}

}  // namespace claimgraph::bench

#endif  // CLAIMGRAPH_TOOLS_STORE_BENCH_BENCH_UTIL_H_
