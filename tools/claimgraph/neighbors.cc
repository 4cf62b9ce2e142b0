// claimgraph neighbors ENTITY [--depth N] [filters]: the claims around an
// entity, one row per claim walked.

#include <iostream>

#include "claimgraph/common.h"
#include "claimgraph/output.h"
#include "graph/walk.h"
#include "model/claim.h"

namespace claimgraph::cli {
namespace {

struct NeighborsOptions {
  std::string entity;
  WalkFlags walk;
  bool component = false;
  Format format = Format::kTable;
};

std::string EdgeSources(const GraphEdge& edge) {
  std::string out;
  for (const EdgeSource& s : edge.sources) {
    std::string item(s.outlet);
    if (!s.published.empty()) {
      item += " (";
      item += s.published;
      item += ")";
    }
    out += (out.empty() ? "" : "; ") + item;
  }
  return out;
}

Status Run(const NeighborsOptions& opts, const GlobalOptions& global) {
  CG_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenStore(global, false));
  auto reader = store->NewReader();
  CG_ASSIGN_OR_RETURN(Entity start, reader->ResolveEntity(opts.entity));
  CG_ASSIGN_OR_RETURN(WalkOptions walk, ToWalkOptions(opts.walk));
  CG_ASSIGN_OR_RETURN(WalkResult result,
                      opts.component ? Component(*reader, start.id(), walk)
                                     : Neighbors(*reader, start.id(), walk));
  const Subgraph& g = result.graph;
  Table table{{"depth", "subject", "predicate", "object", "object_type",
               "claim", "dashed", "sources"},
              {},
              {true, false, false, false, false, true, false, false}};
  for (const GraphEdge& e : g.edges) {
    const GraphNode& from = g.nodes[e.from];
    const GraphNode& to = g.nodes[e.to];
    table.rows.push_back(
        {std::to_string(std::max(from.depth, to.depth)),
         std::string(from.label), std::string(e.predicate),
         std::string(to.label), std::string(EntityTypeName(to.type)),
         std::to_string(e.claim_id), e.attributed_or_disputed ? "yes" : "no",
         EdgeSources(e)});
  }
  PrintTable(table, opts.format, std::cout);
  std::cerr << g.nodes.size() << " nodes, " << g.edges.size() << " claims"
            << (result.truncated ? " (truncated)" : "") << "\n";
  return OkStatus();
}

CommandRunner SetUpNeighbors(CLI::App& app, const GlobalOptions& global) {
  auto opts = std::make_shared<NeighborsOptions>();
  app.add_option("entity", opts->entity, "A name, an alias or #id")->required();
  AddWalkFlags(app, &opts->walk, /*with_depth=*/true);
  AddFormatOption(app, &opts->format);
  return [opts, &global] { return ReportError(Run(*opts, global)); };
}

CommandRunner SetUpComponent(CLI::App& app, const GlobalOptions& global) {
  auto opts = std::make_shared<NeighborsOptions>();
  opts->component = true;
  app.add_option("entity", opts->entity, "A name, an alias or #id")->required();
  AddWalkFlags(app, &opts->walk, /*with_depth=*/false);
  AddFormatOption(app, &opts->format);
  return [opts, &global] { return ReportError(Run(*opts, global)); };
}

CLAIMGRAPH_COMMAND(neighbors, "Walk the claims around an entity",
                   SetUpNeighbors);
CLAIMGRAPH_COMMAND(component,
                   "Every claim connected to an entity, at any depth",
                   SetUpComponent);

}  // namespace
}  // namespace claimgraph::cli
