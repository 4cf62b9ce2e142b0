// claimgraph sources: the documents claims were read from.

#include <iostream>

#include "claimgraph/common.h"
#include "claimgraph/output.h"

namespace claimgraph::cli {
namespace {

Status Run(Format format, const GlobalOptions& global) {
  CG_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenStore(global, false));
  CG_ASSIGN_OR_RETURN(std::vector<Source> sources,
                      store->NewReader()->ListSources());
  Table table{
      {"document_id", "outlet", "title", "author", "published"}, {}, {}};
  for (const Source& s : sources) {
    table.rows.push_back(
        {s.document_id(), s.outlet(), s.title(), s.author(), s.published()});
  }
  PrintTable(table, format, std::cout);
  return OkStatus();
}

CommandRunner SetUp(CLI::App& app, const GlobalOptions& global) {
  auto format = std::make_shared<Format>(Format::kTable);
  AddFormatOption(app, format.get());
  return [format, &global] { return ReportError(Run(*format, global)); };
}

CLAIMGRAPH_COMMAND(sources, "List the documents claims were read from", SetUp);

}  // namespace
}  // namespace claimgraph::cli
