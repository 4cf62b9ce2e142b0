// claimgraph stats: counts of what the database holds.

#include <iostream>

#include "claimgraph/common.h"
#include "claimgraph/output.h"

namespace claimgraph::cli {
namespace {

Status Run(Format format, const GlobalOptions& global) {
  CG_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenStore(global, false));
  CG_ASSIGN_OR_RETURN(StoreStats stats, store->NewReader()->Stats());
  Table table{{"what", "count"}, {}, {false, true}};
  table.rows = {
      {"entities", std::to_string(stats.entities)},
      {"aliases", std::to_string(stats.aliases)},
      {"claims", std::to_string(stats.claims)},
      {"evidence", std::to_string(stats.evidence)},
      {"sources", std::to_string(stats.sources)},
      {"corroborated_claims", std::to_string(stats.corroborated_claims)}};
  PrintTable(table, format, std::cout);
  return OkStatus();
}

CommandRunner SetUp(CLI::App& app, const GlobalOptions& global) {
  auto format = std::make_shared<Format>(Format::kTable);
  AddFormatOption(app, format.get());
  return [format, &global] { return ReportError(Run(*format, global)); };
}

CLAIMGRAPH_COMMAND(stats, "Counts of entities, claims and sources", SetUp);

}  // namespace
}  // namespace claimgraph::cli
