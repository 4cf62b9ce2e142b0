// recognize_bench: megabytes of text per second through all recognisers.
//
// Usage: recognize_bench FILE [--repeat N]
//   FILE: UTF-8 text, one text per line (e.g. the CaRB sentences in
//   ../shared/benchmarks/carb/dev.txt). The whole file is recognised N
//   times (default 9) on one thread; the median and best runs are printed,
//   measured in CPU time of the thread (the machine is shared: wall time
//   would count the other users), with the median wall-clock rate beside.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "base/cpu_time.h"
#include "recognize/recognize.h"

int main(int argc, char** argv) {
  if (argc < 2 || std::string(argv[1]) == "--help") {
    std::cerr << "usage: recognize_bench FILE [--repeat N]\n";
    return argc < 2 ? 2 : 0;
  }
  int repeat = 9;
  if (argc >= 4 && std::string(argv[2]) == "--repeat") {
    repeat = std::max(1, std::atoi(argv[3]));
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << "recognize_bench: cannot open '" << argv[1] << "'\n";
    return 1;
  }
  std::vector<std::string> lines;
  size_t bytes = 0;
  for (std::string line; std::getline(in, line);) {
    bytes += line.size() + 1;
    lines.push_back(std::move(line));
  }
  if (bytes == 0) {
    std::cerr << "recognize_bench: '" << argv[1] << "' is empty\n";
    return 1;
  }
  claimgraph::RecognizeOptions options;
  options.reference_date = claimgraph::Date{2025, 6, 10};
  std::vector<double> rates, wall_rates;
  size_t mentions = 0, errors = 0;
  for (int r = 0; r < repeat; ++r) {
    mentions = errors = 0;
    auto start = std::chrono::steady_clock::now();
    double cpu_start = claimgraph::ThreadCpuSeconds();
    for (const std::string& line : lines) {
      auto result = claimgraph::Recognize(line, options);
      if (result.ok()) {
        mentions += result->size();
      } else {
        ++errors;
      }
    }
    double cpu = claimgraph::ThreadCpuSeconds() - cpu_start;
    std::chrono::duration<double> wall =
        std::chrono::steady_clock::now() - start;
    rates.push_back(bytes / 1e6 / std::max(cpu, 1e-9));
    wall_rates.push_back(bytes / 1e6 / wall.count());
  }
  std::sort(rates.begin(), rates.end());
  std::sort(wall_rates.begin(), wall_rates.end());
  std::printf(
      "%zu lines, %.2f MB, %zu mentions, %zu errors; %d runs: median %.2f "
      "MB per CPU-second, best %.2f (wall clock: median %.2f MB/s)\n",
      lines.size(), bytes / 1e6, mentions, errors, repeat,
      rates[rates.size() / 2], rates.back(), wall_rates[wall_rates.size() / 2]);
  return 0;
}
