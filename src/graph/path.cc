// Shortest paths: explore breadth first from the source until the target is
// reached (finishing that level, so every path of that length is seen),
// then run Boost.Graph's Dijkstra on the explored part.

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <limits>
#include <map>
#include <unordered_map>

#include "graph/explore.h"
#include "graph/walk.h"

namespace claimgraph {
namespace {

struct HopEdge {
  double weight = 1;
  size_t claim = 0;  // Index into Explored::claim_ids.
};

using PathGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS,
                          boost::no_property, HopEdge>;
using Vertex = boost::graph_traits<PathGraph>::vertex_descriptor;
using Edge = boost::graph_traits<PathGraph>::edge_descriptor;

struct Explored {
  std::vector<uint64_t> entity_ids;   // Vertex -> entity id.
  graph_internal::IdIndex vertex_of;  // Entity id -> vertex.
  std::vector<uint64_t> claim_ids;    // Of the hops added.
  PathGraph graph;

  Vertex VertexFor(uint64_t entity_id) {
    Vertex v = vertex_of.Find(entity_id);
    if (v != graph_internal::IdIndex::kAbsent) return v;
    v = entity_ids.size();
    vertex_of.Insert(entity_id, v);
    entity_ids.push_back(entity_id);
    boost::add_vertex(graph);
    return v;
  }
};

// 1 plus a confidence penalty below 1 / (max_depth + 1): a path of k <=
// max_depth hops costs less than k + 1, so fewer hops always win, and among
// paths of one length the more confident wins.
double HopCost(const EdgeRecord& edge, int max_depth) {
  double confidence = std::clamp(edge.confidence, 0.0, 1.0);
  return 1.0 + (1.0 - confidence) / (std::max(max_depth, 1) + 1.0);
}

// Adds the claim's hop(s) to the graph, in the directions `options` allows.
void AddHop(const EdgeRecord& claim, uint64_t subject, uint64_t object,
            const PathOptions& options, Explored* g) {
  Vertex s = g->VertexFor(subject);
  Vertex o = g->VertexFor(object);
  size_t index = g->claim_ids.size();
  g->claim_ids.push_back(claim.claim_id);
  HopEdge edge{HopCost(claim, options.max_depth), index};
  if (options.direction != Direction::kIn)
    boost::add_edge(s, o, edge, g->graph);
  if (options.direction != Direction::kOut)
    boost::add_edge(o, s, edge, g->graph);
}

StatusOr<Explored> Explore(const StoreReader& reader, uint64_t from,
                           uint64_t to, const PathOptions& options) {
  Explored g;
  g.VertexFor(from);
  graph_internal::IdIndex seen_claims;
  std::vector<uint64_t> frontier = {from};
  bool reached = from == to;
  for (int d = 1; d <= options.max_depth && !reached && !frontier.empty();
       ++d) {
    std::vector<uint64_t> next;
    for (uint64_t id : frontier) {
      CG_ASSIGN_OR_RETURN(
          std::vector<EdgeRecord> edges,
          graph_internal::IncidentEdges(reader, id, options.direction,
                                        options.predicates));
      for (const EdgeRecord& edge : edges) {
        // other_id is 0 for a claim whose object is a value.
        if (edge.other_id == 0 || !seen_claims.Insert(edge.claim_id, 0)) {
          continue;
        }
        uint64_t other = edge.other_id;
        if (g.vertex_of.Find(other) == graph_internal::IdIndex::kAbsent) {
          next.push_back(other);
        }
        reached = reached || other == to;
        if (edge.outgoing) {
          AddHop(edge, id, other, options, &g);
        } else {
          AddHop(edge, other, id, options, &g);
        }
      }
    }
    frontier = std::move(next);
  }
  return g;
}

}  // namespace

StatusOr<Path> ShortestPath(const StoreReader& reader, uint64_t from,
                            uint64_t to, const PathOptions& options) {
  CG_ASSIGN_OR_RETURN(Entity source, reader.GetEntity(from));
  CG_ASSIGN_OR_RETURN(Entity target, reader.GetEntity(to));
  CG_ASSIGN_OR_RETURN(Explored g, Explore(reader, from, to, options));
  Vertex target_vertex = g.vertex_of.Find(to);
  if (target_vertex == graph_internal::IdIndex::kAbsent) {
    return NotFoundError("no path from \"" + source.name() + "\" to \"" +
                         target.name() + "\" within " +
                         std::to_string(options.max_depth) + " hops");
  }
  size_t n = boost::num_vertices(g.graph);
  std::vector<double> distance(n);
  std::vector<Vertex> predecessor(n);
  std::vector<Edge> via(n);  // The edge that last relaxed each vertex.
  auto recorder = boost::make_dijkstra_visitor(
      boost::record_edge_predecessors(via.data(), boost::on_edge_relaxed()));
  try {
    boost::dijkstra_shortest_paths(
        g.graph, g.vertex_of.Find(from),
        boost::weight_map(boost::get(&HopEdge::weight, g.graph))
            .distance_map(distance.data())
            .predecessor_map(predecessor.data())
            .visitor(recorder));
  } catch (const std::exception& e) {  // Boost signals bad weights by throwing.
    return InternalError(std::string("shortest path failed: ") + e.what());
  }
  Path path;
  path.cost = distance[target_vertex];
  std::vector<PathHop> reversed_hops;
  std::vector<uint64_t> reversed_ids = {to};
  Vertex source_vertex = g.vertex_of.Find(from);
  for (Vertex v = target_vertex; v != source_vertex;) {
    Edge e = via[v];
    CG_ASSIGN_OR_RETURN(Claim claim,
                        reader.GetClaim(g.claim_ids[g.graph[e].claim]));
    Vertex u = boost::source(e, g.graph);
    reversed_hops.push_back({claim, claim.subject().id() == g.entity_ids[u]});
    reversed_ids.push_back(g.entity_ids[u]);
    v = u;
  }
  for (auto it = reversed_ids.rbegin(); it != reversed_ids.rend(); ++it) {
    CG_ASSIGN_OR_RETURN(Entity entity, reader.GetEntity(*it));
    path.entities.push_back(std::move(entity));
  }
  path.hops.assign(reversed_hops.rbegin(), reversed_hops.rend());
  return path;
}

Subgraph PathToSubgraph(const Path& path) {
  Subgraph graph;
  for (size_t i = 0; i < path.entities.size(); ++i) {
    const Entity& e = path.entities[i];
    graph.nodes.push_back({"e" + std::to_string(e.id()), e.name(), e.type(),
                           e.id(), static_cast<int>(i)});
  }
  for (size_t i = 0; i < path.hops.size(); ++i) {
    const PathHop& hop = path.hops[i];
    graph.edges.push_back(hop.forward ? EdgeForClaim(hop.claim, i, i + 1)
                                      : EdgeForClaim(hop.claim, i + 1, i));
  }
  return graph;
}

}  // namespace claimgraph
