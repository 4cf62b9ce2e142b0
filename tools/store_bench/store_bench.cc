// claimgraph-store-bench: loads N synthetic claims from JSONL into a fresh
// store and measures load throughput, walks (1 and 2 hops from a node with
// about 100 edges), shortest paths, DOT of a 2-hop subgraph, bytes per claim
// on disk after compaction, and peak memory. See docs/benchmarks.md.
//
//   claimgraph-store-bench --claims 100000 --db /tmp/bench.db [--json]

#include <google/protobuf/util/json_util.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "base/cpu_time.h"
#include "bench_util.h"
#include "export/jsonl.h"
#include "figures.h"
#include "load/load.h"
#include "model/names.h"
#include "store/store.h"
#include "synth.h"

namespace claimgraph::bench {
namespace {

namespace fs = std::filesystem;
uint64_t DirectoryBytes(const std::string& dir, uint64_t* sst_bytes) {
  uint64_t total = 0;
  *sst_bytes = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    total += entry.file_size();
    if (entry.path().extension() == ".sst") *sst_bytes += entry.file_size();
  }
  return total;
}

Status Generate(const Flags& flags, SynthGraph* graph, LoadFigures* load) {
  SynthOptions options;
  options.claims = flags.claims;
  options.seed = flags.seed;
  options.zipf = flags.zipf;
  auto t0 = Clock::now();
  if (flags.no_load) {
    CG_ASSIGN_OR_RETURN(*graph, GenerateClaims(options, [](const Claim&) {
      return OkStatus();
    }));
    load->generate_s = Seconds(t0, Clock::now());
    return OkStatus();
  }
  std::ofstream out(flags.jsonl, std::ios::binary | std::ios::trunc);
  if (!out) return IoError("cannot write " + flags.jsonl);
  CG_ASSIGN_OR_RETURN(*graph, GenerateClaims(options, [&](const Claim& claim) {
    CG_ASSIGN_OR_RETURN(std::string line, ClaimToJsonLine(claim));
    out << line << '\n';
    load->jsonl_bytes += line.size() + 1;
    return out ? OkStatus() : IoError("writing " + flags.jsonl);
  }));
  out.close();
  if (!out) return IoError("writing " + flags.jsonl);
  load->generate_s = Seconds(t0, Clock::now());
  return OkStatus();
}

StoreOptions LoadOptions(const Flags& flags) {
  StoreOptions options;
  options.bulk_write_min_keys = flags.bulk_write_min_keys;
  return options;
}

Status Load(const Flags& flags, Store& store, LoadFigures* load) {
  std::ifstream in(flags.jsonl, std::ios::binary);
  if (!in) return IoError("cannot read " + flags.jsonl);
  bool reset = ResetPeakRss();
  double cpu0 = ThreadCpuSeconds(), pcpu0 = ProcessCpuSeconds();
  auto t0 = Clock::now();
  std::string chunk, line;
  uint64_t loaded = 0, next_progress = 100000;
  bool eof = false;
  while (!eof) {
    chunk.clear();
    size_t lines = 0;
    double c0 = ThreadCpuSeconds();
    auto r0 = Clock::now();
    while (lines < flags.batch) {
      if (!std::getline(in, line)) {
        eof = true;
        break;
      }
      chunk += line;
      chunk += '\n';
      ++lines;
    }
    if (lines == 0) break;
    std::istringstream batch(std::move(chunk));
    CG_ASSIGN_OR_RETURN(ReadResult read,
                        ReadJsonl(batch, flags.jsonl, ReadOptions()));
    auto r1 = Clock::now();
    double c1 = ThreadCpuSeconds();
    CG_ASSIGN_OR_RETURN(
        WriteReport report,
        store.AddClaims(std::move(read.claims), /*skip_bad=*/false));
    auto r2 = Clock::now();
    load->parse_cpu_s += c1 - c0;
    load->store_cpu_s += ThreadCpuSeconds() - c1;
    load->parse_s += Seconds(r0, r1);
    load->store_s += Seconds(r1, r2);
    load->report.claims_added += report.claims_added;
    load->report.claims_merged += report.claims_merged;
    load->report.entities_added += report.entities_added;
    load->report.sources_added += report.sources_added;
    ++load->batches;
    loaded += lines;
    if (loaded >= next_progress) {
      double s = Seconds(t0, Clock::now());
      std::fprintf(stderr, "  loaded %llu claims in %.1f s (%.0f/s)\n",
                   static_cast<unsigned long long>(loaded), s, loaded / s);
      next_progress += 100000;
    }
  }
  load->wall_s = Seconds(t0, Clock::now());
  load->thread_cpu_s = ThreadCpuSeconds() - cpu0;
  load->process_cpu_s = ProcessCpuSeconds() - pcpu0;
  if (reset) load->peak_rss_mib = PeakRssSinceResetMiB();
  return OkStatus();
}

Status Micro(const Flags& flags, MicroFigures* micro) {
  std::ifstream in(flags.jsonl, std::ios::binary);
  if (!in) return IoError("cannot read " + flags.jsonl);
  std::vector<std::string> lines;
  std::string line;
  while (lines.size() < flags.micro_lines && std::getline(in, line)) {
    lines.push_back(line);
  }
  micro->lines = lines.size();
  if (lines.empty()) return OkStatus();
  std::vector<Claim> claims(lines.size());
  google::protobuf::util::JsonParseOptions options;
  double c0 = ThreadCpuSeconds();
  for (size_t i = 0; i < lines.size(); ++i) {
    auto status = google::protobuf::util::JsonStringToMessage(
        lines[i], &claims[i], options);
    if (!status.ok()) return InternalError(std::string(status.message()));
  }
  double c1 = ThreadCpuSeconds();
  size_t keys = 0;
  for (const std::string& l : lines) keys += nlohmann::json::parse(l).size();
  double c2 = ThreadCpuSeconds();
  std::vector<std::string> binary(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    binary[i] = claims[i].SerializeAsString();
  }
  double c3 = ThreadCpuSeconds();
  for (const std::string& b : binary) {
    Claim claim;
    if (!claim.ParseFromString(b)) return InternalError("binary round trip");
  }
  double c4 = ThreadCpuSeconds();
  size_t total_chars = 0;
  for (const Claim& claim : claims) {
    total_chars += NormalizeName(claim.subject().name()).size();
    ++micro->names;
    if (claim.has_object()) {
      total_chars += NormalizeName(claim.object().name()).size();
      ++micro->names;
    }
  }
  double c5 = ThreadCpuSeconds();
  if (keys == 0 || total_chars == 0) return InternalError("empty micro input");
  // ReadJsonl (whose fast path fills claims from nlohmann-json) must read
  // every line exactly as protobuf's JsonStringToMessage does.
  {
    std::string all;
    for (const std::string& l : lines) all += l + "\n";
    std::istringstream in(all);
    double r0 = ThreadCpuSeconds();
    CG_ASSIGN_OR_RETURN(ReadResult read,
                        ReadJsonl(in, "micro", claimgraph::ReadOptions()));
    micro->read_jsonl_us =
        (ThreadCpuSeconds() - r0) * 1e6 / static_cast<double>(lines.size());
    if (read.claims.size() != claims.size()) {
      return InternalError("ReadJsonl read a different number of claims");
    }
    for (size_t i = 0; i < claims.size(); ++i) {
      Claim expected = claims[i];
      expected.clear_id();
      expected.mutable_subject()->clear_id();
      if (expected.has_object()) expected.mutable_object()->clear_id();
      if (expected.SerializeAsString() !=
          read.claims[i].claim.SerializeAsString()) {
        return InternalError("ReadJsonl reads line " + std::to_string(i + 1) +
                             " differently from JsonStringToMessage");
      }
    }
  }
  double n = static_cast<double>(lines.size());
  micro->pb_json_us = (c1 - c0) * 1e6 / n;
  micro->dom_json_us = (c2 - c1) * 1e6 / n;
  micro->pb_binary_us = (c4 - c3) * 1e6 / n;
  micro->normalize_us = (c5 - c4) * 1e6 / static_cast<double>(micro->names);
  return OkStatus();
}

// Refuses to load into a non-empty directory unless --overwrite, which
// empties it.
Status PrepareDatabase(const Flags& flags) {
  std::error_code ec;
  if (flags.no_load || !fs::exists(flags.db, ec) || fs::is_empty(flags.db, ec))
    return OkStatus();
  if (!flags.overwrite) {
    return FailedPreconditionError(
        flags.db + " exists and is not empty; remove it or pass --overwrite");
  }
  fs::remove_all(flags.db, ec);
  if (ec) return IoError("removing " + flags.db + ": " + ec.message());
  return OkStatus();
}

// Loads the JSONL into a fresh store and compacts it; removes the JSONL
// unless it is to be kept.
Status LoadAndCompact(const Flags& flags, bool temp_jsonl, LoadFigures* load) {
  std::fprintf(stderr, "loading into %s, batches of %zu\n", flags.db.c_str(),
               flags.batch);
  CG_ASSIGN_OR_RETURN(std::unique_ptr<Store> store,
                      Store::Open(flags.db, LoadOptions(flags)));
  Status status = Load(flags, *store, load);
  std::error_code ec;
  if (temp_jsonl || !flags.keep_jsonl) fs::remove(flags.jsonl, ec);
  CG_RETURN_IF_ERROR(status);
  std::fprintf(stderr, "compacting\n");
  auto t0 = Clock::now();
  CG_RETURN_IF_ERROR(store->Compact());
  load->compact_s = Seconds(t0, Clock::now());
  return OkStatus();
}

Status Run(Flags flags) {
  if (flags.claims == 0) return InvalidArgumentError("--claims must be > 0");
  if (flags.batch == 0) return InvalidArgumentError("--batch must be > 0");
  CG_RETURN_IF_ERROR(PrepareDatabase(flags));
  bool temp_jsonl = flags.jsonl.empty();
  if (temp_jsonl) {
    flags.jsonl = (fs::temp_directory_path() /
                   ("claimgraph-bench-" + std::to_string(getpid()) + ".jsonl"))
                      .string();
  }

  SynthGraph graph;
  Figures figures;
  std::fprintf(stderr, "generating %llu claims%s\n",
               static_cast<unsigned long long>(flags.claims),
               flags.no_load ? "" : (" into " + flags.jsonl).c_str());
  CG_RETURN_IF_ERROR(Generate(flags, &graph, &figures.load));
  figures.rss_after_generate_mib = MaxRssMiB();
  if (!flags.no_load && flags.micro_lines > 0) {
    std::fprintf(stderr, "micro-benchmarks on %zu lines\n", flags.micro_lines);
    CG_RETURN_IF_ERROR(Micro(flags, &figures.micro));
  }
  // (The store is closed after loading: the size is measured on a closed
  // database.)
  if (!flags.no_load)
    CG_RETURN_IF_ERROR(LoadAndCompact(flags, temp_jsonl, &figures.load));
  figures.load.db_bytes = DirectoryBytes(flags.db, &figures.load.sst_bytes);
  if (!flags.no_queries)
    CG_RETURN_IF_ERROR(Queries(flags, graph, &figures.queries));

  figures.max_rss_mib = MaxRssMiB();
  if (flags.json || !flags.json_out.empty()) {
    nlohmann::json j = ReportJson(flags, graph, figures);
    if (!flags.json_out.empty()) {
      std::ofstream out(flags.json_out);
      out << j.dump(2) << "\n";
      if (!out) return IoError("writing " + flags.json_out);
    }
    if (flags.json) {
      std::cout << j.dump(2) << "\n";
      return OkStatus();
    }
  }
  PrintReport(flags, graph, figures);
  return OkStatus();
}

}  // namespace
}  // namespace claimgraph::bench

int main(int argc, char** argv) {
  claimgraph::bench::Flags flags;
  CLI::App app{
      "Benchmarks the claim store on N synthetic claims (docs/benchmarks.md)"};
  app.add_option("--claims", flags.claims, "Number of claims (up to 1000000)")
      ->required();
  app.add_option("--db", flags.db, "Database directory (created)")->required();
  app.add_option("--batch", flags.batch,
                 "JSONL lines per AddClaims call (one atomic write)")
      ->capture_default_str();
  app.add_option("--bulk-min-keys", flags.bulk_write_min_keys,
                 "Writes of at least this many keys take the bulk path "
                 "(SST ingestion); 0: never")
      ->capture_default_str();
  app.add_option("--seed", flags.seed, "Seed of the generator")
      ->capture_default_str();
  app.add_option("--zipf", flags.zipf,
                 "Exponent of the entity rank distribution (power law)")
      ->capture_default_str();
  app.add_option("--jsonl", flags.jsonl,
                 "Where to write the JSONL (default: a temporary file)");
  app.add_flag("--keep-jsonl", flags.keep_jsonl,
               "Keep the JSONL given with --jsonl");
  app.add_flag("--overwrite", flags.overwrite,
               "Delete the database directory first if it exists");
  app.add_flag("--no-load", flags.no_load,
               "Only query an existing store built with the same flags");
  app.add_flag("--no-queries", flags.no_queries, "Only generate and load");
  app.add_option("--check-edges", flags.check_edges,
                 "Before the queries, check the index edge records of the "
                 "start nodes, their neighbours and entities 1..N against "
                 "their claims")
      ->capture_default_str();
  app.add_flag("--no-adjacency", flags.no_adjacency,
               "Walks read the index, not the adjacency snapshot");
  app.add_option("--nodes", flags.nodes,
                 "Start nodes with degree closest to 100, queried in turn")
      ->capture_default_str();
  app.add_option("--one-hop-runs", flags.one_hop_runs)->capture_default_str();
  app.add_option("--two-hop-runs", flags.two_hop_runs)->capture_default_str();
  app.add_option("--path-runs", flags.path_runs)->capture_default_str();
  app.add_option("--time-limit", flags.time_limit,
                 "Seconds per query kind (at least 3 runs each)")
      ->capture_default_str();
  app.add_option("--micro-lines", flags.micro_lines,
                 "Lines for the per-line micro-benchmarks (0: none)")
      ->capture_default_str();
  app.add_flag("--json", flags.json, "Print the figures as JSON");
  app.add_option("--json-out", flags.json_out,
                 "Also write the figures as JSON to this file");
  CLI11_PARSE(app, argc, argv);
  claimgraph::Status status = claimgraph::bench::Run(flags);
  if (!status.ok()) {
    std::cerr << "claimgraph-store-bench: " << status.ToString() << "\n";
    return 1;
  }
  return 0;
}
