// The figures claimgraph-store-bench measures, its flags, and its two
// reports: a table on stdout and JSON (docs/benchmarks.md).

#ifndef CLAIMGRAPH_TOOLS_STORE_BENCH_FIGURES_H_
#define CLAIMGRAPH_TOOLS_STORE_BENCH_FIGURES_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "store/store.h"
#include "synth.h"

namespace claimgraph::bench {

struct Flags {
  uint64_t claims = 0;
  std::string db;
  size_t batch = 10000;
  // StoreOptions::bulk_write_min_keys of the loading store.
  size_t bulk_write_min_keys = StoreOptions::kDefaultBulkWriteMinKeys;
  uint64_t seed = 1;
  double zipf = 0.7;
  std::string jsonl;  // Default: a temporary file.
  bool keep_jsonl = false;
  bool overwrite = false;
  bool no_load = false;  // Query an existing store built with the same flags.
  bool no_queries = false;
  // Entities whose index edge records are checked against their claims.
  size_t check_edges = 0;
  // Queries read the index even where an adjacency snapshot could be used.
  bool no_adjacency = false;
  size_t micro_lines = 20000;  // 0: no micro-benchmarks.
  bool json = false;           // JSON instead of the table on stdout.
  std::string json_out;        // Also write the JSON to this file.
  size_t nodes = 10;           // Distinct start nodes, rotated.
  size_t one_hop_runs = 500;
  size_t two_hop_runs = 50;
  size_t path_runs = 30;
  double time_limit = 60;  // Seconds per query kind (at least 3 runs).
};

struct Summary {
  size_t runs = 0;
  double median_ms = 0, p90_ms = 0, min_ms = 0, max_ms = 0, mean_ms = 0;
  // The same for the CPU time of the querying thread.
  double cpu_median_ms = 0, cpu_p90_ms = 0;
  // Average size of what each query returned.
  double nodes = 0, edges = 0;
  std::string note;
};

struct LoadFigures {
  double generate_s = 0;
  uint64_t jsonl_bytes = 0;
  double wall_s = 0;
  double parse_s = 0;  // ReadJsonl: getline + JSON -> Claim.
  double store_s = 0;  // Store::AddClaims, commit included.
  double parse_cpu_s = 0, store_cpu_s = 0;  // The same in thread CPU time.
  double thread_cpu_s = 0;
  double process_cpu_s = 0;  // Includes RocksDB's flush/compaction threads.
  double peak_rss_mib = -1;
  WriteReport report;
  size_t batches = 0;
  double compact_s = 0;
  uint64_t db_bytes = 0, sst_bytes = 0;
};

// Per-line costs of the steps of a load, measured on the first lines of the
// JSONL in isolation (thread CPU microseconds per call).
struct MicroFigures {
  size_t lines = 0;
  double pb_json_us = 0;     // JsonStringToMessage (ReadJsonl's fallback).
  double read_jsonl_us = 0;  // ReadJsonl, per line (checked against it).
  double dom_json_us = 0;    // nlohmann::json::parse: a DOM parser, for scale.
  double pb_binary_us = 0;   // Claim::ParseFromString of the binary form.
  double normalize_us = 0;   // NormalizeName of one entity name (ICU).
  size_t names = 0;
};

struct QueryFigures {
  double open_ms = 0;
  // First walk of the store: loads or builds the adjacency snapshot.
  double adjacency_ms = 0, adjacency_cpu_ms = 0;
  uint64_t adjacency_bytes = 0;  // Its file; 0 without one.
  std::vector<std::pair<std::string, uint64_t>> start_nodes;  // name, degree
  Summary one_hop, two_hop, dot, path;
  // The depth-1 walk in parts, through the StoreReader API: the two index
  // scans, then GetClaim (hydrated) of every claim found.
  Summary one_hop_index, one_hop_get_claims;
  double peak_rss_mib = -1;
};

// Everything one run measured.
struct Figures {
  LoadFigures load;
  MicroFigures micro;
  QueryFigures queries;
  double rss_after_generate_mib = 0;  // Peak RSS once the corpus was made.
  double max_rss_mib = 0;             // Peak RSS of the whole run.
};

// Opens the loaded store read-only and measures the queries (queries.cc).
Status Queries(const Flags& flags, const SynthGraph& graph,
               QueryFigures* figures);

// The report as JSON (--json, --json-out).
nlohmann::json ReportJson(const Flags& flags, const SynthGraph& graph,
                          const Figures& f);
// The report as a table on stdout.
void PrintReport(const Flags& flags, const SynthGraph& graph, const Figures& f);

}  // namespace claimgraph::bench

#endif  // CLAIMGRAPH_TOOLS_STORE_BENCH_FIGURES_H_
