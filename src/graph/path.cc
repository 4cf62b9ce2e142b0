// Shortest paths: explore breadth first from the source until the target is
// reached (finishing that level, so every path of that length is seen),
// then run Boost.Graph's Dijkstra on the explored part.
//
// The explored part is a compressed_sparse_row_graph built once from the
// hops in the order they were found; its out-edges keep that order per
// vertex (the constructor's histogram sort is stable), as an adjacency_list
// filled hop by hop would, so Dijkstra relaxes edges in the same order and
// breaks ties between equally cheap paths the same way.

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/property_map/property_map.hpp>
#include <limits>
#include <map>
#include <unordered_map>

#include "graph/explore.h"
#include "graph/walk.h"
#include "store/adjacency.h"

namespace claimgraph {
namespace {

struct HopEdge {
  double weight = 1;
  size_t claim = 0;  // Index into Explored::claim_ids.
};

using PathGraph =
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property,
                                       HopEdge>;
using Vertex = boost::graph_traits<PathGraph>::vertex_descriptor;
using Edge = boost::graph_traits<PathGraph>::edge_descriptor;

struct Explored {
  std::vector<uint64_t> entity_ids;   // Vertex -> entity id.
  graph_internal::IdIndex vertex_of;  // Entity id -> vertex.
  std::vector<uint64_t> claim_ids;    // Of the hops added.
  // Directed hops (source, target vertex) in the order found, and theirs.
  std::vector<std::pair<size_t, size_t>> hops;
  std::vector<HopEdge> hop_edges;

  Vertex VertexFor(uint64_t entity_id) {
    Vertex v = vertex_of.Find(entity_id);
    if (v != graph_internal::IdIndex::kAbsent) return v;
    v = entity_ids.size();
    vertex_of.Insert(entity_id, v);
    entity_ids.push_back(entity_id);
    return v;
  }
  void AddEdge(Vertex from, Vertex to, const HopEdge& edge) {
    hops.emplace_back(from, to);
    hop_edges.push_back(edge);
  }
  PathGraph Graph() const {
    return PathGraph(boost::edges_are_unsorted_multi_pass, hops.begin(),
                     hops.end(), hop_edges.begin(), entity_ids.size());
  }
};

// 1 plus a confidence penalty below 1 / (max_depth + 1): a path of k <=
// max_depth hops costs less than k + 1, so fewer hops always win, and among
// paths of one length the more confident wins.
double HopCost(double edge_confidence, int max_depth) {
  double confidence = std::clamp(edge_confidence, 0.0, 1.0);
  return 1.0 + (1.0 - confidence) / (std::max(max_depth, 1) + 1.0);
}

// Adds the claim's hop(s) between vertices s (subject) and o (object), in
// the directions `options` allows.
void AddHopBetween(uint64_t claim_id, double confidence, Vertex s, Vertex o,
                   const PathOptions& options, Explored* g) {
  size_t index = g->claim_ids.size();
  g->claim_ids.push_back(claim_id);
  HopEdge edge{HopCost(confidence, options.max_depth), index};
  if (options.direction != Direction::kIn) g->AddEdge(s, o, edge);
  if (options.direction != Direction::kOut) g->AddEdge(o, s, edge);
}

// AddHopBetween for entity ids, adding their vertices (subject first).
void AddHop(uint64_t claim_id, double confidence, uint64_t subject,
            uint64_t object, const PathOptions& options, Explored* g) {
  Vertex s = g->VertexFor(subject);
  Vertex o = g->VertexFor(object);
  AddHopBetween(claim_id, confidence, s, o, options, g);
}

// Explore over the reader's adjacency snapshot: the same graph, vertex for
// vertex and edge for edge, read without intermediate edge records.
Explored ExploreSnapshot(const store_internal::Adjacency& adjacency,
                         uint64_t from, uint64_t to,
                         const PathOptions& options) {
  using store_internal::Adjacency;
  Explored g;
  g.VertexFor(from);
  std::unordered_map<uint32_t, bool> predicate_allowed;
  auto allowed = [&](const Adjacency::Edge& e) {
    if (options.predicates.empty()) return true;
    auto [it, added] = predicate_allowed.try_emplace(e.predicate, false);
    if (added) {
      it->second =
          options.predicates.contains(std::string(adjacency.Text(e.predicate)));
    }
    return it->second;
  };
  bool outgoing = options.direction != Direction::kIn;
  bool incoming = options.direction != Direction::kOut;
  std::vector<uint64_t> frontier = {from};
  bool reached = from == to;
  for (int d = 1; d <= options.max_depth && !reached && !frontier.empty();
       ++d) {
    std::vector<uint64_t> next;
    for (uint64_t id : frontier) {
      uint32_t row = adjacency.Row(id);
      if (row == Adjacency::kNoRow) continue;  // No claims.
      Vertex here = g.vertex_of.Find(id);
      adjacency.ForEachEdge(
          row, outgoing, incoming, [&](const Adjacency::Edge& e, bool out) {
            // A claim whose object is a value has no other entity.
            if (e.other_row == Adjacency::kNoRow || !allowed(e)) return;
            uint64_t other = adjacency.EntityId(e.other_row);
            Vertex there = g.vertex_of.Find(other);
            // Claims are taken once without a set of their ids, as in
            // snapshot_walk.cc: reading both runs, a claim came before iff
            // its other end was expanded before `here`, that is iff it is
            // a vertex of a lower index (vertices are expanded in the order
            // they were found); reading one run, every claim comes once.
            if (outgoing && incoming &&
                there != graph_internal::IdIndex::kAbsent && there < here) {
              return;
            }
            if (there == graph_internal::IdIndex::kAbsent) {
              there = g.VertexFor(other);
              next.push_back(other);
            }
            reached = reached || other == to;
            double confidence = adjacency.Confidence(e);
            if (out) {
              AddHopBetween(e.claim_id, confidence, here, there, options, &g);
            } else {
              AddHopBetween(e.claim_id, confidence, there, here, options, &g);
            }
          });
    }
    frontier = std::move(next);
  }
  return g;
}

StatusOr<Explored> Explore(const StoreReader& reader, uint64_t from,
                           uint64_t to, const PathOptions& options) {
  if (const store_internal::Adjacency* adjacency = reader.adjacency()) {
    if (adjacency->Row(from) != store_internal::Adjacency::kNoRow) {
      return ExploreSnapshot(*adjacency, from, to, options);
    }
  }
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
          AddHop(edge.claim_id, edge.confidence, id, other, options, &g);
        } else {
          AddHop(edge.claim_id, edge.confidence, other, id, options, &g);
        }
      }
    }
    frontier = std::move(next);
  }
  return g;
}

// Ends Dijkstra when the target is examined (thrown through Boost). Its
// distance and the edges that relaxed it and every vertex before it on its
// path are final by then (weights are positive, and relaxing needs a
// strictly shorter distance), so the path is the one a full run gives.
struct TargetReached {};
struct StopAtTarget {
  using event_filter = boost::on_examine_vertex;
  Vertex target;
  void operator()(Vertex v, const PathGraph&) const {
    if (v == target) throw TargetReached();
  }
};

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
  PathGraph graph = g.Graph();
  auto index = boost::get(boost::vertex_index, graph);
  size_t n = boost::num_vertices(graph);
  std::vector<double> distance(n);
  std::vector<Vertex> predecessor(n);
  std::vector<Edge> via(n);  // The edge that last relaxed each vertex.
  auto recorder = boost::make_dijkstra_visitor(std::make_pair(
      boost::record_edge_predecessors(via.data(), boost::on_edge_relaxed()),
      StopAtTarget{target_vertex}));
  try {
    boost::dijkstra_shortest_paths(
        graph, g.vertex_of.Find(from),
        boost::weight_map(boost::get(&HopEdge::weight, graph))
            .distance_map(
                boost::make_iterator_property_map(distance.begin(), index))
            .predecessor_map(
                boost::make_iterator_property_map(predecessor.begin(), index))
            .visitor(recorder));
  } catch (const TargetReached&) {
    // The usual end: the target was reached.
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
                        reader.GetClaim(g.claim_ids[graph[e].claim]));
    Vertex u = boost::source(e, graph);
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
    GraphNode& node = graph.nodes.emplace_back();
    node.label = graph.Keep(e.name());
    node.type = e.type();
    node.entity_id = e.id();
    node.depth = static_cast<int>(i);
  }
  for (size_t i = 0; i < path.hops.size(); ++i) {
    const PathHop& hop = path.hops[i];
    graph.edges.push_back(hop.forward
                              ? EdgeForClaim(hop.claim, i, i + 1, &graph)
                              : EdgeForClaim(hop.claim, i + 1, i, &graph));
  }
  return graph;
}

}  // namespace claimgraph
