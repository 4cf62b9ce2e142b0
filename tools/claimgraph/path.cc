// claimgraph path FROM TO: how two entities connect, hop by hop, with each
// hop's claim and source.

#include <iostream>

#include "claimgraph/common.h"
#include "claimgraph/output.h"
#include "graph/walk.h"
#include "model/claim.h"

namespace claimgraph::cli {
namespace {

struct PathFlags {
  std::string from;
  std::string to;
  int max_depth = 6;
  std::vector<std::string> predicates;
  std::string direction = "both";
  Format format = Format::kTable;
};

Status Run(const PathFlags& opts, const GlobalOptions& global) {
  CG_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenStore(global, false));
  auto reader = store->NewReader();
  CG_ASSIGN_OR_RETURN(Entity from, reader->ResolveEntity(opts.from));
  CG_ASSIGN_OR_RETURN(Entity to, reader->ResolveEntity(opts.to));
  PathOptions options;
  options.max_depth = opts.max_depth;
  options.predicates = ParsePredicates(opts.predicates);
  CG_ASSIGN_OR_RETURN(options.direction, ParseDirection(opts.direction));
  CG_ASSIGN_OR_RETURN(Path path,
                      ShortestPath(*reader, from.id(), to.id(), options));
  Table table{
      {"hop", "from", "claim", "to", "confidence", "sources", "sentence"},
      {},
      {true, false, false, false, true, false, false}};
  for (size_t i = 0; i < path.hops.size(); ++i) {
    const Claim& c = path.hops[i].claim;
    std::string claim_text = c.subject().name() + " " + c.predicate() + " " +
                             c.object().name() + " (#" +
                             std::to_string(c.id()) + ")";
    char confidence[16];
    std::snprintf(confidence, sizeof(confidence), "%.2f", c.confidence());
    table.rows.push_back({std::to_string(i + 1), path.entities[i].name(),
                          claim_text, path.entities[i + 1].name(), confidence,
                          SourcesSummary(c),
                          c.evidence_size() ? c.evidence(0).sentence() : ""});
  }
  PrintTable(table, opts.format, std::cout);
  return OkStatus();
}

CommandRunner SetUp(CLI::App& app, const GlobalOptions& global) {
  auto opts = std::make_shared<PathFlags>();
  app.add_option("from", opts->from, "A name, an alias or #id")->required();
  app.add_option("to", opts->to, "A name, an alias or #id")->required();
  app.add_option("--max-depth", opts->max_depth, "Longest path searched")
      ->capture_default_str()
      ->check(CLI::Range(1, 50));
  app.add_option("--predicate", opts->predicates,
                 "Follow only claims with this predicate (repeatable)");
  app.add_option("--direction", opts->direction,
                 "Follow claims out (subject to object), in, or both")
      ->capture_default_str()
      ->check(CLI::IsMember({"out", "in", "both"}));
  AddFormatOption(app, &opts->format);
  return [opts, &global] { return ReportError(Run(*opts, global)); };
}

CLAIMGRAPH_COMMAND(path, "How two entities connect, hop by hop", SetUp);

}  // namespace
}  // namespace claimgraph::cli
