// claimgraph-store-bench: loads N synthetic claims from JSONL into a fresh
// store and measures load throughput, walks (1 and 2 hops from a node with
// about 100 edges), shortest paths, DOT of a 2-hop subgraph, bytes per claim
// on disk after compaction, and peak memory. See docs/benchmarks.md.
//
//   claimgraph-store-bench --claims 100000 --db /tmp/bench.db [--json]

#include <google/protobuf/util/json_util.h>
#include <sys/resource.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "base/cpu_time.h"
#include "export/dot.h"
#include "export/jsonl.h"
#include "figures.h"
#include "graph/walk.h"
#include "load/load.h"
#include "model/names.h"
#include "store/store.h"
#include "synth.h"

namespace claimgraph::bench {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// Peak resident set of the process so far, MiB.
double MaxRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// Resets the kernel's peak-RSS mark (VmHWM) so that a phase's own peak can
// be read; false when the kernel does not allow it.
bool ResetPeakRss() {
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
  out.flush();
  return static_cast<bool>(out);
}

// VmHWM from /proc/self/status, MiB; -1 when unknown.
double PeakRssSinceResetMiB() {
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
double Quantile(const std::vector<double>& sorted, double q) {
  size_t rank = static_cast<size_t>(std::ceil(q * sorted.size()));
  return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

Summary Summarize(std::vector<double> ms, std::vector<double> cpu_ms) {
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

// Up to `count` entities whose degree is closest to 100.
std::vector<uint32_t> StartNodes(const SynthGraph& graph, size_t count) {
  std::vector<uint32_t> order(graph.degree.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  auto distance = [&](uint32_t i) {
    return std::abs(static_cast<int64_t>(graph.degree[i]) - 100);
  };
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return distance(a) < distance(b);
  });
  order.resize(std::min(count, order.size()));
  return order;
}

// Runs `query` up to `runs` times (at least 3, within the time limit).
template <typename Query>
StatusOr<Summary> Measure(size_t runs, double time_limit, Query query) {
  std::vector<double> ms, cpu_ms;
  double nodes = 0, edges = 0;
  auto start = Clock::now();
  for (size_t i = 0; i < runs; ++i) {
    size_t n = 0, e = 0;
    double c0 = ThreadCpuSeconds();
    auto t0 = Clock::now();
    CG_RETURN_IF_ERROR(query(i, &n, &e));
    auto t1 = Clock::now();
    cpu_ms.push_back((ThreadCpuSeconds() - c0) * 1000);
    ms.push_back(Seconds(t0, t1) * 1000);
    nodes += n;
    edges += e;
    if (i >= 2 && Seconds(start, t1) > time_limit) break;
  }
  Summary s = Summarize(ms, cpu_ms);
  if (!ms.empty()) {
    s.nodes = nodes / ms.size();
    s.edges = edges / ms.size();
  }
  return s;
}

class Lcg {
 public:
  explicit Lcg(uint64_t seed) : x_(seed * 6364136223846793005ULL + 1) {}
  uint64_t Below(uint64_t n) {
    x_ = x_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return (x_ >> 17) % n;
  }

 private:
  uint64_t x_;
};

bool SameEdge(const EdgeRecord& a, const EdgeRecord& b) {
  return a.claim_id == b.claim_id && a.outgoing == b.outgoing &&
         a.other_id == b.other_id && a.predicate == b.predicate &&
         a.detail == b.detail && a.value_label == b.value_label &&
         a.attributed_or_disputed == b.attributed_or_disputed &&
         a.confidence == b.confidence && a.sources == b.sources;
}

// The entities an equality check visits: the start nodes, their
// neighbours (as `reader` sees them) and the ids 1..last.
StatusOr<std::set<uint64_t>> IdsToCheck(const StoreReader& reader,
                                        const std::vector<uint64_t>& starts,
                                        uint64_t last) {
  std::set<uint64_t> ids(starts.begin(), starts.end());
  for (uint64_t id = 1; id <= last; ++id) ids.insert(id);
  for (uint64_t start : starts) {
    CG_ASSIGN_OR_RETURN(std::vector<EdgeRecord> edges,
                        reader.Edges(start, true, true));
    for (const EdgeRecord& e : edges) {
      if (e.other_id != 0) ids.insert(e.other_id);
    }
  }
  return ids;
}

// Checks that the edge records read from the index (StoreReader::Edges of
// the RocksDB reader) equal those computed from the hydrated claims (the
// base class's implementation), for the start nodes, their neighbours and
// entities 1..count.
Status CheckEdges(const Store& store, const std::vector<uint64_t>& starts,
                  size_t count) {
  if (count == 0) return OkStatus();
  auto reader = store.NewReader();
  CG_ASSIGN_OR_RETURN(std::set<uint64_t> ids,
                      IdsToCheck(*reader, starts, count));
  size_t checked = 0;
  for (uint64_t id : ids) {
    for (int dir = 1; dir <= 3; ++dir) {
      bool out = (dir & 1) != 0, in = (dir & 2) != 0;
      CG_ASSIGN_OR_RETURN(std::vector<EdgeRecord> fast,
                          reader->Edges(id, out, in));
      CG_ASSIGN_OR_RETURN(std::vector<EdgeRecord> slow,
                          reader->StoreReader::Edges(id, out, in));
      if (fast.size() != slow.size() ||
          !std::equal(fast.begin(), fast.end(), slow.begin(), SameEdge)) {
        return InternalError("edge records of entity #" + std::to_string(id) +
                             " differ from its claims");
      }
      checked += fast.size();
    }
  }
  std::fprintf(stderr, "edge check: %zu entities, %zu edge records equal\n",
               ids.size(), checked);
  return OkStatus();
}

// Every field of a walk's result, as text.
std::string DescribeGraph(const WalkResult& result) {
  std::string out = result.truncated ? "truncated\n" : "";
  for (const GraphNode& n : result.graph.nodes) {
    out += n.Key() + "|" + std::string(n.label) + "|" + std::to_string(n.type) +
           "|" + std::to_string(n.entity_id) + "|" + std::to_string(n.depth) +
           "\n";
  }
  for (const GraphEdge& e : result.graph.edges) {
    out += std::to_string(e.from) + ">" + std::to_string(e.to) + "|" +
           std::to_string(e.claim_id) + "|" + std::string(e.predicate) + "|" +
           std::string(e.detail) + "|" +
           std::to_string(e.attributed_or_disputed) + "|" +
           std::to_string(e.confidence);
    for (const EdgeSource& source : e.sources) {
      out += "|" + std::string(source.outlet) + "@" +
             std::string(source.published);
    }
    out += "\n";
  }
  return out;
}

// Checks that a reader of `store` (with its adjacency snapshot) gives the
// same edge records and labels as a reader of the index alone, for the
// start nodes, their neighbours and entities 1..count+1, and the same
// depth-2 walks (every field, in order) and DOT, byte for byte, from every
// start node.
Status CheckAdjacency(const Store& store, const std::string& db,
                      const std::vector<uint64_t>& starts, size_t count) {
  if (count == 0) return OkStatus();
  StoreOptions options;
  options.read_only = true;
  options.create_if_missing = false;
  options.adjacency_snapshot = false;
  CG_ASSIGN_OR_RETURN(std::unique_ptr<Store> index_store,
                      Store::Open(db, options));
  auto fast = store.NewReader();
  auto index = index_store->NewReader();
  CG_ASSIGN_OR_RETURN(std::set<uint64_t> ids,
                      IdsToCheck(*index, starts, count + 1));
  size_t checked = 0;
  for (uint64_t id : ids) {
    for (int dir = 1; dir <= 3; ++dir) {
      bool out = (dir & 1) != 0, in = (dir & 2) != 0;
      CG_ASSIGN_OR_RETURN(std::vector<EdgeRecord> a, fast->Edges(id, out, in));
      CG_ASSIGN_OR_RETURN(std::vector<EdgeRecord> b, index->Edges(id, out, in));
      if (a.size() != b.size() ||
          !std::equal(a.begin(), a.end(), b.begin(), SameEdge)) {
        return InternalError("adjacency snapshot: edge records of entity #" +
                             std::to_string(id) + " differ from the index");
      }
      checked += a.size();
    }
    std::string a_name, b_name;
    StatusOr<EntityType> a_type = fast->EntityLabel(id, &a_name);
    StatusOr<EntityType> b_type = index->EntityLabel(id, &b_name);
    if (a_type.ok() != b_type.ok() ||
        (a_type.ok() && (*a_type != *b_type || a_name != b_name))) {
      return InternalError("adjacency snapshot: label of entity #" +
                           std::to_string(id) + " differs from the index");
    }
  }
  for (uint64_t start : starts) {
    WalkOptions walk;
    walk.depth = 2;
    CG_ASSIGN_OR_RETURN(WalkResult a, Neighbors(*fast, start, walk));
    CG_ASSIGN_OR_RETURN(WalkResult b, Neighbors(*index, start, walk));
    CG_ASSIGN_OR_RETURN(std::string a_dot, ToDot(a.graph, DotOptions()));
    CG_ASSIGN_OR_RETURN(std::string b_dot, ToDot(b.graph, DotOptions()));
    if (DescribeGraph(a) != DescribeGraph(b) || a_dot != b_dot) {
      return InternalError("adjacency snapshot: the depth-2 walk from #" +
                           std::to_string(start) + " differs from the index");
    }
  }
  std::fprintf(stderr,
               "adjacency check: %zu entities, %zu edge records, labels and "
               "%zu depth-2 walks (with DOT) equal to the index's\n",
               ids.size(), checked, starts.size());
  return OkStatus();
}

// The start nodes' entity ids, resolved by name as a user would, and the
// ids of their claims.
struct Starts {
  std::vector<uint64_t> ids;
  std::vector<std::vector<uint64_t>> incident;
};

StatusOr<Starts> ResolveStarts(const Store& store, const Flags& flags,
                               const SynthGraph& graph, QueryFigures* figures) {
  Starts starts;
  auto reader = store.NewReader();
  for (uint32_t index : StartNodes(graph, flags.nodes)) {
    StatusOr<Entity> entity = reader->ResolveEntity(graph.names[index]);
    if (!entity.ok()) continue;  // E.g. ambiguous; take the next one.
    CG_ASSIGN_OR_RETURN(std::vector<uint64_t> out,
                        reader->ClaimsBySubject(entity->id()));
    CG_ASSIGN_OR_RETURN(std::vector<uint64_t> in,
                        reader->ClaimsByObject(entity->id()));
    starts.ids.push_back(entity->id());
    figures->start_nodes.emplace_back(graph.names[index],
                                      out.size() + in.size());
    out.insert(out.end(), in.begin(), in.end());
    starts.incident.push_back(std::move(out));
  }
  if (starts.ids.empty()) return NotFoundError("no start node resolved");
  return starts;
}

// The first walk of the store loads (or builds and saves) its adjacency
// snapshot; timed apart from the queries.
Status TimeFirstWalk(const Store& store, const Flags& flags, uint64_t start,
                     QueryFigures* figures) {
  auto reader = store.NewReader();
  double c0 = ThreadCpuSeconds();
  auto w0 = Clock::now();
  CG_RETURN_IF_ERROR(reader->Edges(start, true, true).status());
  figures->adjacency_ms = Seconds(w0, Clock::now()) * 1000;
  figures->adjacency_cpu_ms = (ThreadCpuSeconds() - c0) * 1000;
  std::error_code ec;
  fs::path file = fs::path(flags.db) / "claimgraph.adjacency";
  if (!flags.no_adjacency && fs::exists(file, ec)) {
    figures->adjacency_bytes = fs::file_size(file, ec);
  }
  return OkStatus();
}

// Walks of depth 1 and 2 (and DOT of depth 2) from the start nodes in
// turn, and the depth-1 walk in parts: the two index scans, then GetClaim
// of every claim found.
Status MeasureWalks(const Store& store, const Flags& flags,
                    const Starts& starts, QueryFigures* figures) {
  const std::vector<uint64_t>& ids = starts.ids;
  auto walk = [&](int depth, bool dot) {
    return [&, depth, dot](size_t i, size_t* n, size_t* e) -> Status {
      auto reader = store.NewReader();
      WalkOptions options;
      options.depth = depth;
      CG_ASSIGN_OR_RETURN(WalkResult result,
                          Neighbors(*reader, ids[i % ids.size()], options));
      *n = result.graph.nodes.size();
      *e = result.graph.edges.size();
      if (dot) {
        CG_ASSIGN_OR_RETURN(std::string text,
                            ToDot(result.graph, DotOptions()));
        if (text.empty()) return InternalError("empty DOT");
      }
      return OkStatus();
    };
  };
  auto index_scans = [&](size_t i, size_t*, size_t* e) -> Status {
    auto reader = store.NewReader();
    uint64_t id = ids[i % ids.size()];
    CG_ASSIGN_OR_RETURN(std::vector<uint64_t> found,
                        reader->ClaimsBySubject(id));
    CG_ASSIGN_OR_RETURN(std::vector<uint64_t> in, reader->ClaimsByObject(id));
    *e = found.size() + in.size();
    return OkStatus();
  };
  auto get_claims = [&](size_t i, size_t*, size_t* e) -> Status {
    auto reader = store.NewReader();
    for (uint64_t claim_id : starts.incident[i % ids.size()]) {
      CG_ASSIGN_OR_RETURN(Claim claim, reader->GetClaim(claim_id));
      ++*e;
    }
    return OkStatus();
  };
  size_t one = flags.one_hop_runs, two = flags.two_hop_runs;
  double limit = flags.time_limit;
  std::fprintf(stderr, "querying: 1 hop\n");
  CG_ASSIGN_OR_RETURN(figures->one_hop, Measure(one, limit, walk(1, false)));
  std::fprintf(stderr, "querying: 1 hop in parts\n");
  CG_ASSIGN_OR_RETURN(figures->one_hop_index, Measure(one, limit, index_scans));
  CG_ASSIGN_OR_RETURN(figures->one_hop_get_claims,
                      Measure(one, limit, get_claims));
  std::fprintf(stderr, "querying: 2 hops\n");
  CG_ASSIGN_OR_RETURN(figures->two_hop, Measure(two, limit, walk(2, false)));
  std::fprintf(stderr, "querying: DOT of 2 hops\n");
  CG_ASSIGN_OR_RETURN(figures->dot, Measure(two, limit, walk(2, true)));
  return OkStatus();
}

// Pairs of entities (ids) for shortest paths: an entity and the end of a
// 3-step random walk from it over entity-to-entity claims, so that a path
// exists.
StatusOr<std::vector<std::pair<uint64_t, uint64_t>>> PathPairs(
    const Store& store, const Flags& flags, const SynthGraph& graph) {
  std::vector<uint32_t> offsets(graph.names.size() + 1, 0);
  for (const auto& [s, o] : graph.links) {
    ++offsets[s + 1];
    ++offsets[o + 1];
  }
  for (size_t i = 1; i < offsets.size(); ++i) offsets[i] += offsets[i - 1];
  std::vector<uint32_t> adjacent(offsets.back());
  std::vector<uint32_t> fill(offsets.begin(), offsets.end() - 1);
  for (const auto& [s, o] : graph.links) {
    adjacent[fill[s]++] = o;
    adjacent[fill[o]++] = s;
  }
  Lcg lcg(flags.seed + 7);
  std::vector<std::pair<uint64_t, uint64_t>> pairs;
  auto reader = store.NewReader();
  while (pairs.size() < flags.path_runs && !graph.links.empty()) {
    uint32_t a = graph.links[lcg.Below(graph.links.size())].first;
    uint32_t b = a;
    for (int step = 0; step < 3; ++step) {
      uint32_t begin = offsets[b], end = offsets[b + 1];
      b = adjacent[begin + lcg.Below(end - begin)];
    }
    if (a == b) continue;
    StatusOr<Entity> ea = reader->ResolveEntity(graph.names[a]);
    StatusOr<Entity> eb = reader->ResolveEntity(graph.names[b]);
    if (!ea.ok() || !eb.ok()) continue;
    pairs.emplace_back(ea->id(), eb->id());
  }
  return pairs;
}

Status MeasurePaths(const Store& store, const Flags& flags,
                    const SynthGraph& graph, QueryFigures* figures) {
  CG_ASSIGN_OR_RETURN(auto pairs, PathPairs(store, flags, graph));
  std::fprintf(stderr, "querying: shortest paths\n");
  size_t not_found = 0;
  auto path = [&](size_t i, size_t* n, size_t* e) -> Status {
    auto reader = store.NewReader();
    StatusOr<Path> path =
        ShortestPath(*reader, pairs[i].first, pairs[i].second, PathOptions());
    if (!path.ok()) {
      if (path.status().code() != StatusCode::kNotFound) return path.status();
      ++not_found;
      return OkStatus();
    }
    *n = path->entities.size();
    *e = path->hops.size();
    return OkStatus();
  };
  CG_ASSIGN_OR_RETURN(figures->path,
                      Measure(pairs.size(), flags.time_limit, path));
  if (not_found > 0) {
    figures->path.note = std::to_string(not_found) + " not found";
  }
  return OkStatus();
}

Status Queries(const Flags& flags, const SynthGraph& graph,
               QueryFigures* figures) {
  StoreOptions options;
  options.read_only = true;
  options.create_if_missing = false;
  options.adjacency_snapshot = !flags.no_adjacency;
  auto t0 = Clock::now();
  CG_ASSIGN_OR_RETURN(std::unique_ptr<Store> store,
                      Store::Open(flags.db, options));
  figures->open_ms = Seconds(t0, Clock::now()) * 1000;
  bool reset = ResetPeakRss();
  CG_ASSIGN_OR_RETURN(Starts starts,
                      ResolveStarts(*store, flags, graph, figures));
  CG_RETURN_IF_ERROR(TimeFirstWalk(*store, flags, starts.ids[0], figures));
  CG_RETURN_IF_ERROR(CheckEdges(*store, starts.ids, flags.check_edges));
  if (!flags.no_adjacency) {
    CG_RETURN_IF_ERROR(
        CheckAdjacency(*store, flags.db, starts.ids, flags.check_edges));
  }
  CG_RETURN_IF_ERROR(MeasureWalks(*store, flags, starts, figures));
  CG_RETURN_IF_ERROR(MeasurePaths(*store, flags, graph, figures));
  if (reset) figures->peak_rss_mib = PeakRssSinceResetMiB();
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
