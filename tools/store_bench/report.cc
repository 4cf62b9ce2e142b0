// The reports of claimgraph-store-bench (figures.h).

#include <cstdio>
#include <nlohmann/json.hpp>

#include "figures.h"

namespace claimgraph::bench {
namespace {

// Figures computed from the measured ones, for both reports.
struct Derived {
  double n = 0;                // Claims.
  double rate = 0;             // Claims per second of load, wall.
  double cpu_rate = 0;         // Claims per CPU-second of the loading thread.
  double bytes_per_claim = 0;  // On disk after compaction.
  uint32_t max_degree = 0;
  uint64_t entities_used = 0;  // Entities in at least one claim.
};

Derived Derive(const Flags& flags, const SynthGraph& graph, const Figures& f) {
  Derived d;
  for (uint32_t degree : graph.degree) {
    d.max_degree = std::max(d.max_degree, degree);
    if (degree > 0) ++d.entities_used;
  }
  d.n = static_cast<double>(flags.claims);
  d.rate = f.load.wall_s > 0 ? d.n / f.load.wall_s : 0;
  d.cpu_rate = f.load.thread_cpu_s > 0 ? d.n / f.load.thread_cpu_s : 0;
  d.bytes_per_claim = f.load.db_bytes / d.n;
  return d;
}

void PrintRow(const char* what, const Summary& s, const char* target) {
  std::printf("%-20s %8.3f %8.3f %8.3f %8.3f %8.3f %5zu %8.0f %8.0f  %s\n",
              what, s.median_ms, s.p90_ms, s.max_ms, s.cpu_median_ms,
              s.cpu_p90_ms, s.runs, s.nodes, s.edges, target);
}

nlohmann::json SummaryJson(const Summary& s) {
  nlohmann::json j = {{"runs", s.runs},       {"median_ms", s.median_ms},
                      {"p90_ms", s.p90_ms},   {"min_ms", s.min_ms},
                      {"max_ms", s.max_ms},   {"mean_ms", s.mean_ms},
                      {"avg_nodes", s.nodes}, {"avg_edges", s.edges}};
  j["cpu_median_ms"] = s.cpu_median_ms;
  j["cpu_p90_ms"] = s.cpu_p90_ms;
  if (!s.note.empty()) j["note"] = s.note;
  return j;
}

void PrintCorpus(const Flags& flags, const SynthGraph& graph, const Figures& f,
                 const Derived& d) {
  std::printf("claimgraph-store-bench: %llu claims, seed %llu, zipf %.2f\n",
              static_cast<unsigned long long>(flags.claims),
              static_cast<unsigned long long>(flags.seed), flags.zipf);
  std::printf(
      "corpus: %zu entities (%llu in claims), %llu documents, %llu value "
      "claims, %llu attributed, max degree %u, generated in %.1f s",
      graph.names.size(), static_cast<unsigned long long>(d.entities_used),
      static_cast<unsigned long long>(graph.documents),
      static_cast<unsigned long long>(graph.value_claims),
      static_cast<unsigned long long>(graph.attributed_claims), d.max_degree,
      f.load.generate_s);
  if (f.load.jsonl_bytes > 0) {
    std::printf(", JSONL %.1f MB (%.0f B/claim)", f.load.jsonl_bytes / 1e6,
                f.load.jsonl_bytes / d.n);
  }
  std::printf("\n");
}

void PrintLoad(const Flags& flags, const Figures& f, const Derived& d) {
  if (!flags.no_load) {
    std::printf(
        "\nload (batches of %zu, one atomic write each)\n"
        "  wall             %9.2f s   %9.0f claims/s   (target >= 50000)\n"
        "  main thread CPU  %9.2f s   %9.0f claims/CPU-s\n"
        "    parse JSONL    %9.2f s   (ReadJsonl; %.2f s wall)\n"
        "    AddClaims      %9.2f s   (resolve, index, commit; %.2f s wall)\n"
        "  process CPU      %9.2f s   (with RocksDB background threads)\n"
        "  added %d claims, merged %d, %d entities, %d sources\n"
        "  peak RSS during load %.0f MiB\n",
        flags.batch, f.load.wall_s, d.rate, f.load.thread_cpu_s, d.cpu_rate,
        f.load.parse_cpu_s, f.load.parse_s, f.load.store_cpu_s, f.load.store_s,
        f.load.process_cpu_s, f.load.report.claims_added,
        f.load.report.claims_merged, f.load.report.entities_added,
        f.load.report.sources_added, f.load.peak_rss_mib);
    std::printf("compaction %.1f s\n", f.load.compact_s);
  }
}

void PrintMicro(const Figures& f) {
  if (f.micro.lines > 0) {
    std::printf(
        "\nper-line costs on the first %zu lines (thread CPU, us per call)\n"
        "  protobuf JsonStringToMessage %7.2f   (ReadJsonl's fallback)\n"
        "  ReadJsonl                    %7.2f   (same claims, checked)\n"
        "  nlohmann::json::parse        %7.2f   (a DOM parser, for scale)\n"
        "  protobuf binary ParseFrom    %7.2f\n"
        "  NormalizeName (ICU), a name  %7.2f\n",
        f.micro.lines, f.micro.pb_json_us, f.micro.read_jsonl_us,
        f.micro.dom_json_us, f.micro.pb_binary_us, f.micro.normalize_us);
  }
}

void PrintDisk(const Figures& f, const Derived& d) {
  std::printf(
      "\ndisk after compaction: %.1f MB (%.1f MB in .sst), %.1f bytes/claim "
      "(target <= 200)\n",
      f.load.db_bytes / 1e6, f.load.sst_bytes / 1e6, d.bytes_per_claim);
}

void PrintQueries(const Flags& flags, const Figures& f) {
  if (!flags.no_queries) {
    std::printf(
        "\nfirst walk (adjacency snapshot %s): %.1f ms wall, %.1f ms CPU; "
        "snapshot file %.1f MB (%.1f bytes/claim)\n",
        flags.no_adjacency ? "disabled" : "loaded or built",
        f.queries.adjacency_ms, f.queries.adjacency_cpu_ms,
        f.queries.adjacency_bytes / 1e6,
        static_cast<double>(f.queries.adjacency_bytes) /
            static_cast<double>(flags.claims));
    std::printf(
        "\nqueries: read-only open %.1f ms; a fresh StoreReader "
        "(snapshot) per query; start nodes (degree):",
        f.queries.open_ms);
    for (const auto& [name, degree] : f.queries.start_nodes) {
      std::printf(" %s (%llu);", name.c_str(),
                  static_cast<unsigned long long>(degree));
    }
    std::printf("\n%-20s %8s %8s %8s %8s %8s %5s %8s %8s\n", "", "wall", "wall",
                "wall", "CPU", "CPU", "", "avg", "avg");
    std::printf("%-20s %8s %8s %8s %8s %8s %5s %8s %8s\n", "query (ms)",
                "median", "p90", "max", "median", "p90", "runs", "nodes",
                "edges");
    PrintRow("neighbors depth 1", f.queries.one_hop, "target < 1 ms");
    PrintRow("  index scans", f.queries.one_hop_index,
             "ClaimsBySubject + ClaimsByObject");
    PrintRow("  GetClaim x edges", f.queries.one_hop_get_claims,
             "claims hydrated with entities, sources");
    PrintRow("neighbors depth 2", f.queries.two_hop, "target < 20 ms");
    PrintRow("DOT of depth 2", f.queries.dot, "Neighbors + ToDot");
    PrintRow("shortest path", f.queries.path,
             f.queries.path.note.empty() ? "nodes/edges: of the path"
                                         : f.queries.path.note.c_str());
    std::printf("peak RSS during queries %.0f MiB\n", f.queries.peak_rss_mib);
  }
}

}  // namespace

nlohmann::json ReportJson(const Flags& flags, const SynthGraph& graph,
                          const Figures& f) {
  Derived d = Derive(flags, graph, f);
  nlohmann::json j;
  j["claims"] = flags.claims;
  j["seed"] = flags.seed;
  j["zipf"] = flags.zipf;
  j["batch"] = flags.batch;
  j["bulk_write_min_keys"] = flags.bulk_write_min_keys;
  j["corpus"] = {{"entities", graph.names.size()},
                 {"entities_used", d.entities_used},
                 {"documents", graph.documents},
                 {"value_claims", graph.value_claims},
                 {"attributed_claims", graph.attributed_claims},
                 {"max_degree", d.max_degree},
                 {"jsonl_bytes", f.load.jsonl_bytes},
                 {"generate_s", f.load.generate_s}};
  if (!flags.no_load) {
    j["load"] = {{"wall_s", f.load.wall_s},
                 {"claims_per_s", d.rate},
                 {"claims_per_thread_cpu_s", d.cpu_rate},
                 {"parse_s", f.load.parse_s},
                 {"store_s", f.load.store_s},
                 {"parse_cpu_s", f.load.parse_cpu_s},
                 {"store_cpu_s", f.load.store_cpu_s},
                 {"thread_cpu_s", f.load.thread_cpu_s},
                 {"process_cpu_s", f.load.process_cpu_s},
                 {"claims_added", f.load.report.claims_added},
                 {"claims_merged", f.load.report.claims_merged},
                 {"entities_added", f.load.report.entities_added},
                 {"sources_added", f.load.report.sources_added},
                 {"batches", f.load.batches},
                 {"peak_rss_mib", f.load.peak_rss_mib},
                 {"compact_s", f.load.compact_s}};
  }
  if (f.micro.lines > 0) {
    j["micro"] = {{"lines", f.micro.lines},
                  {"protobuf_json_parse_us", f.micro.pb_json_us},
                  {"read_jsonl_us", f.micro.read_jsonl_us},
                  {"nlohmann_json_parse_us", f.micro.dom_json_us},
                  {"protobuf_binary_parse_us", f.micro.pb_binary_us},
                  {"normalize_name_us", f.micro.normalize_us}};
  }
  j["disk"] = {{"db_bytes", f.load.db_bytes},
               {"sst_bytes", f.load.sst_bytes},
               {"bytes_per_claim", d.bytes_per_claim}};
  if (!flags.no_queries) {
    nlohmann::json nodes = nlohmann::json::array();
    for (const auto& [name, degree] : f.queries.start_nodes) {
      nodes.push_back({{"name", name}, {"degree", degree}});
    }
    j["queries"] = {
        {"open_ms", f.queries.open_ms},
        {"adjacency_ms", f.queries.adjacency_ms},
        {"adjacency_cpu_ms", f.queries.adjacency_cpu_ms},
        {"adjacency_bytes", f.queries.adjacency_bytes},
        {"start_nodes", nodes},
        {"one_hop", SummaryJson(f.queries.one_hop)},
        {"one_hop_index_scans", SummaryJson(f.queries.one_hop_index)},
        {"one_hop_get_claims", SummaryJson(f.queries.one_hop_get_claims)},
        {"two_hop", SummaryJson(f.queries.two_hop)},
        {"dot_two_hop", SummaryJson(f.queries.dot)},
        {"shortest_path", SummaryJson(f.queries.path)},
        {"peak_rss_mib", f.queries.peak_rss_mib}};
  }
  j["max_rss_mib"] = f.max_rss_mib;
  j["max_rss_after_generate_mib"] = f.rss_after_generate_mib;
  return j;
}

void PrintReport(const Flags& flags, const SynthGraph& graph,
                 const Figures& f) {
  Derived d = Derive(flags, graph, f);
  PrintCorpus(flags, graph, f, d);
  PrintLoad(flags, f, d);
  PrintMicro(f);
  PrintDisk(f, d);
  PrintQueries(flags, f);
  std::printf(
      "peak RSS of the process (ru_maxrss) %.0f MiB (%.0f MiB after "
      "generation)\n",
      f.max_rss_mib, f.rss_after_generate_mib);
}

}  // namespace claimgraph::bench
