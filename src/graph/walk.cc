#include "graph/walk.h"

#include <algorithm>
#include <climits>
#include <unordered_map>
#include <unordered_set>

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

GraphNode EntityNode(const Entity& entity, int depth) {
  GraphNode node;
  node.key = "e" + std::to_string(entity.id());
  node.label = entity.name();
  node.type = entity.type();
  node.entity_id = entity.id();
  node.depth = depth;
  return node;
}

GraphNode ValueNode(const EdgeRecord& edge, int depth) {
  GraphNode node;
  node.key = "v" + std::to_string(edge.claim_id);
  node.label = edge.value_label;
  node.type = STATISTIC;
  node.depth = depth;
  return node;
}

// Accumulates a breadth-first walk.
class WalkBuilder {
 public:
  WalkBuilder(const StoreReader& reader, const WalkOptions& options)
      : reader_(reader), options_(options) {}

  size_t AddNode(GraphNode node) {
    auto [it, added] = index_.emplace(node.key, result_.graph.nodes.size());
    if (added) result_.graph.nodes.push_back(std::move(node));
    return it->second;
  }
  bool Full() const {
    return options_.node_limit > 0 &&
           result_.graph.nodes.size() >= options_.node_limit;
  }
  bool TypeAllowed(EntityType type) const {
    return options_.types.empty() || options_.types.contains(type);
  }

  // Walks one claim from entity `from_id`; returns the id of a newly found
  // entity to expand next, or 0. Reads the other end's entity only when it
  // is a new node.
  StatusOr<uint64_t> Walk(const EdgeRecord& edge, uint64_t from_id, int depth) {
    if (!edges_.insert(edge.claim_id).second) return uint64_t{0};
    bool is_entity = edge.other_id != 0;
    std::string key = is_entity ? "e" + std::to_string(edge.other_id)
                                : "v" + std::to_string(edge.claim_id);
    auto found = index_.find(key);
    bool known = found != index_.end();
    GraphNode other;
    if (known) {
      other.type = result_.graph.nodes[found->second].type;
    } else if (is_entity) {
      CG_ASSIGN_OR_RETURN(Entity entity, reader_.GetEntity(edge.other_id));
      other = EntityNode(entity, depth);
    } else {
      other = ValueNode(edge, depth);
    }
    if (!TypeAllowed(other.type)) return uint64_t{0};
    if (!known && Full()) {
      result_.truncated = true;
      return uint64_t{0};
    }
    size_t here = index_.at("e" + std::to_string(from_id));
    size_t there = known ? found->second : AddNode(std::move(other));
    result_.graph.edges.push_back(edge.outgoing
                                      ? EdgeForRecord(edge, here, there)
                                      : EdgeForRecord(edge, there, here));
    return known ? uint64_t{0} : edge.other_id;
  }

  WalkResult Take() { return std::move(result_); }

 private:
  const StoreReader& reader_;
  const WalkOptions& options_;
  WalkResult result_;
  std::unordered_map<std::string, size_t> index_;
  std::unordered_set<uint64_t> edges_;
};

StatusOr<WalkResult> Walk(const StoreReader& reader, uint64_t start,
                          const WalkOptions& options, int depth) {
  CG_ASSIGN_OR_RETURN(Entity entity, reader.GetEntity(start));
  WalkBuilder builder(reader, options);
  builder.AddNode(EntityNode(entity, 0));
  std::vector<uint64_t> frontier = {start};
  for (int d = 1; d <= depth && !frontier.empty(); ++d) {
    std::vector<uint64_t> next;
    for (uint64_t id : frontier) {
      CG_ASSIGN_OR_RETURN(
          std::vector<EdgeRecord> edges,
          graph_internal::IncidentEdges(reader, id, options.direction,
                                        options.predicates));
      for (const EdgeRecord& edge : edges) {
        CG_ASSIGN_OR_RETURN(uint64_t found, builder.Walk(edge, id, d));
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

GraphEdge EdgeForRecord(const EdgeRecord& record, size_t from, size_t to) {
  GraphEdge edge;
  edge.from = from;
  edge.to = to;
  edge.claim_id = record.claim_id;
  edge.predicate = record.predicate;
  edge.detail = record.detail;
  edge.attributed_or_disputed = record.attributed_or_disputed;
  edge.confidence = record.confidence;
  edge.sources.reserve(record.sources.size());
  for (const auto& [outlet, published] : record.sources) {
    edge.sources.push_back({outlet, published});
  }
  return edge;
}

GraphEdge EdgeForClaim(const Claim& claim, size_t from, size_t to) {
  return EdgeForRecord(EdgeRecordOf(claim, claim.subject().id()), from, to);
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
