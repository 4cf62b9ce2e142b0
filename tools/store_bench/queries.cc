// The query phase of claimgraph-store-bench: walks, DOT and shortest paths
// over the loaded store, timed per query, and checks that the index's edge
// records and the adjacency snapshot agree with the claims.

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "base/cpu_time.h"
#include "bench_util.h"
#include "export/dot.h"
#include "figures.h"
#include "graph/walk.h"
#include "store/store.h"

namespace claimgraph::bench {
namespace {

namespace fs = std::filesystem;

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

}  // namespace

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

}  // namespace claimgraph::bench
