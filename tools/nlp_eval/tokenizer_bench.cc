// claimgraph-tokenizer-bench FILE [benchmark flags]: tokeniser throughput on
// the text of FILE (e.g. the raw text of a treebank from
// `claimgraph-nlp-eval --print-text`). Reports bytes/s; use
// --benchmark_repetitions=N --benchmark_report_aggregates_only=true for
// medians.

#include <benchmark/benchmark.h>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "text/tokenizer.h"

namespace {

std::string* text = nullptr;

void BM_Tokenize(benchmark::State& state) {
  size_t words = 0;
  for (auto _ : state) {
    auto sentences = claimgraph::Tokenize(*text);
    if (!sentences.ok()) {
      state.SkipWithError(sentences.status().message().c_str());
      return;
    }
    for (const auto& s : *sentences) words += s.words.size();
    benchmark::DoNotOptimize(sentences);
  }
  state.SetBytesProcessed(state.iterations() * text->size());
  state.counters["words/s"] =
      benchmark::Counter(words, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (argc != 2) {
    std::cerr << "usage: claimgraph-tokenizer-bench FILE [--benchmark_...]\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "claimgraph-tokenizer-bench: error: cannot open " << argv[1]
              << "\n";
    return 4;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  text = new std::string(buffer.str());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
