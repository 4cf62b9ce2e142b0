// Walks over a reader's adjacency snapshot (store/adjacency.h): the same
// nodes and edges, in the same order, as the walk over StoreReader::Edges
// and EntityLabel in walk.cc, built straight from the snapshot without
// intermediate edge records. Its texts are views into the snapshot.

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/explore.h"
#include "store/adjacency.h"

namespace claimgraph::graph_internal {
namespace {

using store_internal::Adjacency;

// Reserving for a level at most this many edges more than present (a
// level's degree sum counts claims already walked, and component walks can
// have huge levels).
constexpr size_t kMaxReserve = size_t{1} << 16;

class SnapshotWalker {
 public:
  SnapshotWalker(const Adjacency& adjacency, const WalkOptions& options)
      : adjacency_(adjacency),
        options_(options),
        outgoing_(options.direction != Direction::kIn),
        incoming_(options.direction != Direction::kOut) {}

  WalkResult Run(const Entity& start, uint32_t start_row, int depth) {
    GraphNode& node = result_.graph.nodes.emplace_back();
    node.label = result_.graph.Keep(start.name());
    node.type = start.type();
    node.entity_id = start.id();
    rows_.Insert(uint64_t{start_row} + 1, 0);
    std::vector<uint32_t> frontier = {start_row};
    for (int d = 1; d <= depth && !frontier.empty(); ++d) {
      size_t bound = 0;
      for (uint32_t row : frontier) {
        bound += adjacency_.Degree(row, outgoing_, incoming_);
      }
      bound = std::min(bound, kMaxReserve);
      Subgraph& graph = result_.graph;
      graph.edges.reserve(graph.edges.size() + bound);
      graph.nodes.reserve(graph.nodes.size() + bound);
      rows_.Reserve(graph.nodes.size() + bound);
      std::vector<uint32_t> next;
      for (uint32_t row : frontier) {
        size_t here = rows_.Find(uint64_t{row} + 1);
        adjacency_.ForEachEdge(row, outgoing_, incoming_,
                               [&](const Adjacency::Edge& edge, bool outgoing) {
                                 Walk(edge, outgoing, here, d, &next);
                               });
      }
      frontier = std::move(next);
    }
    return std::move(result_);
  }

 private:
  bool PredicateAllowed(const Adjacency::Edge& e) {
    if (options_.predicates.empty()) return true;
    auto [it, added] = predicate_allowed_.try_emplace(e.predicate, false);
    if (added) {
      it->second = options_.predicates.contains(
          std::string(adjacency_.Text(e.predicate)));
    }
    return it->second;
  }

  // WalkBuilder::Walk in walk.cc, on an entry of the snapshot.
  void Walk(const Adjacency::Edge& e, bool outgoing, size_t here, int depth,
            std::vector<uint32_t>* next) {
    if (!PredicateAllowed(e)) return;
    Subgraph& graph = result_.graph;
    uint32_t other_row = e.other_row;
    bool is_entity = other_row != Adjacency::kNoRow;
    size_t found =
        is_entity ? rows_.Find(uint64_t{other_row} + 1) : IdIndex::kAbsent;
    bool known = found != IdIndex::kAbsent;
    // Claims walked once, without a set of claim ids: a claim is an entry
    // of its subject's out run and of its object's in run (a self-loop is
    // given once). With one run per entity it comes once. With both, it
    // came before iff its other end was expanded before `here`; entity
    // nodes are expanded in index order, so iff that end is a node of a
    // lower index (which then walked it, as the walk in walk.cc would have
    // marked it walked).
    if (incoming_ && outgoing_ && known && found < here) return;
    EntityType type = known       ? graph.nodes[found].type
                      : is_entity ? adjacency_.Type(other_row)
                                  : STATISTIC;
    if (!options_.types.empty() && !options_.types.contains(type)) return;
    if (!known && options_.node_limit > 0 &&
        graph.nodes.size() >= options_.node_limit) {
      result_.truncated = true;
      return;
    }
    size_t there = known ? found : graph.nodes.size();
    if (!known) {
      GraphNode& node = graph.nodes.emplace_back();
      node.type = type;
      node.depth = depth;
      if (is_entity) {
        node.label = adjacency_.Name(other_row);
        node.entity_id = adjacency_.EntityId(other_row);
        rows_.Insert(uint64_t{other_row} + 1, there);
        next->push_back(other_row);
      } else {
        node.label = adjacency_.ValueLabel(e);
        node.claim_id = e.claim_id;
      }
    }
    GraphEdge& edge = graph.edges.emplace_back();
    edge.from = outgoing ? here : there;
    edge.to = outgoing ? there : here;
    edge.claim_id = e.claim_id;
    edge.predicate = adjacency_.Text(e.predicate);
    edge.detail = adjacency_.Detail(e);
    edge.attributed_or_disputed = Adjacency::AttributedOrDisputed(e);
    edge.confidence = adjacency_.Confidence(e);
    uint32_t sources = Adjacency::SourceCount(e);
    edge.sources.reserve(sources);
    for (uint32_t i = 0; i < sources; ++i) {
      auto [outlet, published] = adjacency_.Source(e, i);
      edge.sources.push_back({outlet, published});
    }
  }

  const Adjacency& adjacency_;
  const WalkOptions& options_;
  bool outgoing_, incoming_;
  WalkResult result_;
  IdIndex rows_;  // Row + 1 -> index of its node.
  std::unordered_map<uint32_t, bool> predicate_allowed_;
};

}  // namespace

std::optional<WalkResult> WalkSnapshot(const StoreReader& reader,
                                       const Entity& start,
                                       const WalkOptions& options, int depth) {
  const Adjacency* adjacency = reader.adjacency();
  if (adjacency == nullptr) return std::nullopt;
  uint32_t row = adjacency->Row(start.id());
  if (row == Adjacency::kNoRow) return std::nullopt;
  // The result's texts are views into the snapshot, which it keeps alive.
  std::shared_ptr<const Adjacency> owner = adjacency->weak_from_this().lock();
  if (owner == nullptr) return std::nullopt;
  WalkResult result =
      SnapshotWalker(*adjacency, options).Run(start, row, depth);
  result.graph.Retain(std::move(owner));
  return result;
}

}  // namespace claimgraph::graph_internal
