// claimgraph dot ENTITY [--depth N] [-o FILE]: a subgraph as Graphviz DOT.

#include "export/dot.h"

#include <iostream>

#include "claimgraph/common.h"
#include "graph/walk.h"

namespace claimgraph::cli {
namespace {

struct DotFlags {
  std::string entity;
  std::string to;  // With --to, draw the shortest path instead.
  WalkFlags walk;
  size_t max_nodes = 0;
  std::string output;
};

Status Run(const DotFlags& opts, const GlobalOptions& global) {
  CG_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenStore(global, false));
  auto reader = store->NewReader();
  CG_ASSIGN_OR_RETURN(Entity start, reader->ResolveEntity(opts.entity));
  CG_ASSIGN_OR_RETURN(WalkOptions walk, ToWalkOptions(opts.walk));
  Subgraph graph;
  DotOptions dot;
  dot.max_nodes = opts.max_nodes;
  if (!opts.to.empty()) {
    CG_ASSIGN_OR_RETURN(Entity end, reader->ResolveEntity(opts.to));
    PathOptions path_options;
    path_options.predicates = walk.predicates;
    path_options.direction = walk.direction;
    CG_ASSIGN_OR_RETURN(
        Path path, ShortestPath(*reader, start.id(), end.id(), path_options));
    graph = PathToSubgraph(path);
    dot.title = "Path from " + start.name() + " to " + end.name();
  } else {
    CG_ASSIGN_OR_RETURN(WalkResult result,
                        Neighbors(*reader, start.id(), walk));
    graph = std::move(result.graph);
    dot.title = start.name() + ", " + std::to_string(walk.depth) +
                (walk.depth == 1 ? " hop" : " hops");
  }
  CG_ASSIGN_OR_RETURN(std::string text, ToDot(graph, dot));
  std::string note = TruncationNote(graph, opts.max_nodes);
  if (!note.empty()) std::cerr << "claimgraph: " << note << "\n";
  return WriteOutput(opts.output, text);
}

CommandRunner SetUp(CLI::App& app, const GlobalOptions& global) {
  auto opts = std::make_shared<DotFlags>();
  app.add_option("entity", opts->entity, "A name, an alias or #id")->required();
  app.add_option("--to", opts->to,
                 "Draw the shortest path to this entity instead");
  AddWalkFlags(app, &opts->walk, /*with_depth=*/true);
  app.add_option("--max-nodes", opts->max_nodes,
                 "Draw at most this many nodes (0: all); a note says what "
                 "was cut");
  app.add_option("-o,--output", opts->output, "Output file (default stdout)");
  return [opts, &global] { return ReportError(Run(*opts, global)); };
}

CLAIMGRAPH_COMMAND(dot, "Write a subgraph as Graphviz DOT", SetUp);

}  // namespace
}  // namespace claimgraph::cli
