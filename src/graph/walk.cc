#include "graph/walk.h"

#include <algorithm>
#include <climits>
#include <vector>

#include "graph/explore.h"
#include "model/claim.h"

namespace claimgraph {

namespace graph_internal {

StatusOr<std::vector<EdgeRecord>> IncidentEdges(
    const StoreReader& reader, uint64_t id, Direction direction,
    const std::set<std::string>& predicates) {
  CG_ASSIGN_OR_RETURN(std::vector<EdgeRecord> edges,
                      reader.Edges(id, direction != Direction::kIn,
                                   direction != Direction::kOut));
  if (!predicates.empty()) {
    std::erase_if(edges, [&](const EdgeRecord& edge) {
      return !predicates.contains(edge.predicate);
    });
  }
  return edges;
}

}  // namespace graph_internal

namespace {

GraphNode EntityNode(const Entity& entity, int depth, Subgraph* graph) {
  GraphNode node;
  node.label = graph->Keep(entity.name());
  node.type = entity.type();
  node.entity_id = entity.id();
  node.depth = depth;
  return node;
}

// Accumulates a breadth-first walk.
class WalkBuilder {
 public:
  WalkBuilder(const StoreReader& reader, const WalkOptions& options)
      : reader_(reader), options_(options) {}

  // Adds the start node.
  void AddStart(const Entity& entity) {
    entity_nodes_.Insert(entity.id(), 0);
    result_.graph.nodes.push_back(EntityNode(entity, 0, &result_.graph));
  }
  // The index of the node of entity `id`, which must be known.
  size_t EntityNodeIndex(uint64_t id) const { return entity_nodes_.Find(id); }
  bool HasEntityNode(uint64_t id) const {
    return entity_nodes_.Find(id) != graph_internal::IdIndex::kAbsent;
  }
  bool Full() const {
    return options_.node_limit > 0 &&
           result_.graph.nodes.size() >= options_.node_limit;
  }
  bool TypeAllowed(EntityType type) const {
    return options_.types.empty() || options_.types.contains(type);
  }

  // Walks one claim from the entity node `here`; returns the id of a newly
  // found entity to expand next, or 0. Reads the other end's entity only
  // when it is a new node.
  StatusOr<uint64_t> Walk(const EdgeRecord& edge, size_t here, int depth) {
    if (!edges_.Insert(edge.claim_id, 0)) return uint64_t{0};
    bool is_entity = edge.other_id != 0;
    // Statistic nodes ("v<claim id>") are new for every new claim.
    size_t found = is_entity ? entity_nodes_.Find(edge.other_id)
                             : graph_internal::IdIndex::kAbsent;
    bool known = found != graph_internal::IdIndex::kAbsent;
    GraphNode other;
    if (known) {
      other.type = result_.graph.nodes[found].type;
    } else if (is_entity) {
      CG_ASSIGN_OR_RETURN(other.type,
                          reader_.EntityLabel(edge.other_id, &label_));
      other.entity_id = edge.other_id;
      other.depth = depth;
    } else {
      other.claim_id = edge.claim_id;
      other.type = STATISTIC;
      other.depth = depth;
    }
    if (!TypeAllowed(other.type)) return uint64_t{0};
    if (!known && Full()) {
      result_.truncated = true;
      return uint64_t{0};
    }
    size_t there = known ? found : result_.graph.nodes.size();
    if (!known) {
      if (is_entity) entity_nodes_.Insert(edge.other_id, there);
      other.label = result_.graph.Keep(is_entity ? label_ : edge.value_label);
      result_.graph.nodes.push_back(other);
    }
    result_.graph.edges.push_back(
        edge.outgoing ? EdgeForRecord(edge, here, there, &result_.graph)
                      : EdgeForRecord(edge, there, here, &result_.graph));
    return known ? uint64_t{0} : edge.other_id;
  }

  WalkResult Take() { return std::move(result_); }

 private:
  const StoreReader& reader_;
  const WalkOptions& options_;
  WalkResult result_;
  graph_internal::IdIndex entity_nodes_;  // Entity id -> index of its node.
  graph_internal::IdIndex edges_;         // Claim ids walked (indexes unused).
  std::string label_;                     // Scratch for entity labels.
};

StatusOr<WalkResult> Walk(const StoreReader& reader, uint64_t start,
                          const WalkOptions& options, int depth) {
  CG_ASSIGN_OR_RETURN(Entity entity, reader.GetEntity(start));
  std::optional<WalkResult> fast =
      graph_internal::WalkSnapshot(reader, entity, options, depth);
  if (fast.has_value()) return std::move(*fast);
  WalkBuilder builder(reader, options);
  builder.AddStart(entity);
  std::vector<uint64_t> frontier = {start};
  for (int d = 1; d <= depth && !frontier.empty(); ++d) {
    // Read the edges of the whole level first, then the entities they lead
    // to in one batch, then walk them in order.
    std::vector<std::vector<EdgeRecord>> level;
    level.reserve(frontier.size());
    std::vector<uint64_t> ends;
    for (uint64_t id : frontier) {
      CG_ASSIGN_OR_RETURN(
          std::vector<EdgeRecord> edges,
          graph_internal::IncidentEdges(reader, id, options.direction,
                                        options.predicates));
      for (const EdgeRecord& edge : edges) {
        if (edge.other_id != 0 && !builder.HasEntityNode(edge.other_id)) {
          ends.push_back(edge.other_id);
        }
      }
      level.push_back(std::move(edges));
    }
    CG_RETURN_IF_ERROR(reader.PrefetchEntities(ends));
    std::vector<uint64_t> next;
    for (size_t f = 0; f < frontier.size(); ++f) {
      uint64_t id = frontier[f];
      size_t here = builder.EntityNodeIndex(id);
      for (const EdgeRecord& edge : level[f]) {
        CG_ASSIGN_OR_RETURN(uint64_t found, builder.Walk(edge, here, d));
        if (found != 0) next.push_back(found);
      }
    }
    frontier = std::move(next);
  }
  return builder.Take();
}

}  // namespace

StatusOr<Direction> ParseDirection(std::string_view text) {
  if (text == "out") return Direction::kOut;
  if (text == "in") return Direction::kIn;
  if (text == "both") return Direction::kBoth;
  return InvalidArgumentError("unknown direction \"" + std::string(text) +
                              "\" (expected out, in or both)");
}

GraphEdge EdgeForRecord(const EdgeRecord& record, size_t from, size_t to,
                        Subgraph* graph) {
  GraphEdge edge;
  edge.from = from;
  edge.to = to;
  edge.claim_id = record.claim_id;
  edge.predicate = graph->Keep(record.predicate);
  edge.detail = graph->Keep(record.detail);
  edge.attributed_or_disputed = record.attributed_or_disputed;
  edge.confidence = record.confidence;
  edge.sources.reserve(record.sources.size());
  for (const auto& [outlet, published] : record.sources) {
    edge.sources.push_back({graph->Keep(outlet), graph->Keep(published)});
  }
  return edge;
}

GraphEdge EdgeForClaim(const Claim& claim, size_t from, size_t to,
                       Subgraph* graph) {
  return EdgeForRecord(EdgeRecordOf(claim, claim.subject().id()), from, to,
                       graph);
}

StatusOr<WalkResult> Neighbors(const StoreReader& reader, uint64_t start,
                               const WalkOptions& options) {
  if (options.depth < 0) return InvalidArgumentError("depth must be >= 0");
  return Walk(reader, start, options, options.depth);
}

StatusOr<WalkResult> Component(const StoreReader& reader, uint64_t start,
                               const WalkOptions& options) {
  return Walk(reader, start, options, INT_MAX);
}

}  // namespace claimgraph
