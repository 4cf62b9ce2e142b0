#include "graph/walk.h"

#include <algorithm>
#include <climits>
#include <unordered_map>

#include "graph/explore.h"
#include "model/claim.h"

namespace claimgraph {

namespace graph_internal {

StatusOr<std::vector<Claim>> IncidentClaims(
    const StoreReader& reader, uint64_t id, Direction direction,
    const std::set<std::string>& predicates) {
  std::vector<uint64_t> ids;
  if (direction != Direction::kIn) {
    CG_ASSIGN_OR_RETURN(ids, reader.ClaimsBySubject(id));
  }
  if (direction != Direction::kOut) {
    CG_ASSIGN_OR_RETURN(std::vector<uint64_t> in, reader.ClaimsByObject(id));
    ids.insert(ids.end(), in.begin(), in.end());
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  }
  std::vector<Claim> claims;
  claims.reserve(ids.size());
  for (uint64_t claim_id : ids) {
    CG_ASSIGN_OR_RETURN(Claim claim, reader.GetClaim(claim_id));
    if (!predicates.empty() && !predicates.contains(claim.predicate())) {
      continue;
    }
    claims.push_back(std::move(claim));
  }
  return claims;
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

GraphNode ValueNode(const Claim& claim, int depth) {
  GraphNode node;
  node.key = "v" + std::to_string(claim.id());
  node.label = FormatQuantity(claim.value());
  node.type = STATISTIC;
  node.depth = depth;
  return node;
}

// Accumulates a breadth-first walk.
class WalkBuilder {
 public:
  explicit WalkBuilder(const WalkOptions& options) : options_(options) {}

  size_t AddNode(GraphNode node) {
    auto [it, added] = index_.emplace(node.key, result_.graph.nodes.size());
    if (added) result_.graph.nodes.push_back(std::move(node));
    return it->second;
  }
  bool HasNode(const std::string& key) const { return index_.contains(key); }
  bool Full() const {
    return options_.node_limit > 0 &&
           result_.graph.nodes.size() >= options_.node_limit;
  }
  bool TypeAllowed(EntityType type) const {
    return options_.types.empty() || options_.types.contains(type);
  }

  // Walks one claim from entity node `from_index`; returns the id of a newly
  // found entity to expand next, or 0.
  uint64_t Walk(const Claim& claim, uint64_t from_id, int depth) {
    if (!edges_.insert(claim.id()).second) return 0;
    bool outgoing = claim.subject().id() == from_id;
    GraphNode other = !outgoing            ? EntityNode(claim.subject(), depth)
                      : claim.has_object() ? EntityNode(claim.object(), depth)
                                           : ValueNode(claim, depth);
    if (!TypeAllowed(other.type)) return 0;
    bool known = HasNode(other.key);
    if (!known && Full()) {
      result_.truncated = true;
      return 0;
    }
    uint64_t other_entity = other.entity_id;
    size_t here = index_.at("e" + std::to_string(from_id));
    size_t there = AddNode(std::move(other));
    result_.graph.edges.push_back(outgoing ? EdgeForClaim(claim, here, there)
                                           : EdgeForClaim(claim, there, here));
    return known ? 0 : other_entity;
  }

  WalkResult Take() { return std::move(result_); }

 private:
  const WalkOptions& options_;
  WalkResult result_;
  std::unordered_map<std::string, size_t> index_;
  std::set<uint64_t> edges_;
};

StatusOr<WalkResult> Walk(const StoreReader& reader, uint64_t start,
                          const WalkOptions& options, int depth) {
  CG_ASSIGN_OR_RETURN(Entity entity, reader.GetEntity(start));
  WalkBuilder builder(options);
  builder.AddNode(EntityNode(entity, 0));
  std::vector<uint64_t> frontier = {start};
  for (int d = 1; d <= depth && !frontier.empty(); ++d) {
    std::vector<uint64_t> next;
    for (uint64_t id : frontier) {
      CG_ASSIGN_OR_RETURN(
          std::vector<Claim> claims,
          graph_internal::IncidentClaims(reader, id, options.direction,
                                         options.predicates));
      for (const Claim& claim : claims) {
        uint64_t found = builder.Walk(claim, id, d);
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

GraphEdge EdgeForClaim(const Claim& claim, size_t from, size_t to) {
  GraphEdge edge;
  edge.from = from;
  edge.to = to;
  edge.claim_id = claim.id();
  edge.predicate = claim.predicate();
  if (claim.has_value()) {
    edge.detail = FormatQuantity(claim.value());
  } else {
    for (const Qualifier& q : claim.qualifiers()) {
      if (q.key() == "amount" || q.key() == "value") edge.detail = q.value();
    }
  }
  edge.attributed_or_disputed = IsAttributedOrDisputed(claim);
  edge.confidence = claim.confidence();
  std::set<std::pair<std::string, std::string>> seen;
  for (const Evidence& e : claim.evidence()) {
    EdgeSource source{e.source().outlet(), e.source().published()};
    if (seen.emplace(source.outlet, source.published).second) {
      edge.sources.push_back(std::move(source));
    }
  }
  return edge;
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
