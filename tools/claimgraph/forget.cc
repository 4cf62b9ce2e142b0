// claimgraph forget --document ID: withdraws a source.

#include <iostream>

#include "claimgraph/common.h"

namespace claimgraph::cli {
namespace {

CommandRunner SetUp(CLI::App& app, const GlobalOptions& global) {
  auto document = std::make_shared<std::string>();
  app.add_option("--document", *document,
                 "Document id of the source (its url, or as listed by "
                 "`claimgraph sources`)")
      ->required();
  return [document, &global] {
    StatusOr<std::unique_ptr<Store>> store = OpenStore(global, true);
    if (!store.ok()) return ReportError(store.status());
    StatusOr<WriteReport> report = (*store)->Forget(*document);
    if (!report.ok()) return ReportError(report.status());
    std::cerr << "forgot " << *document << ": " << report->claims_removed
              << " claims left without evidence were removed\n";
    return kExitOk;
  };
}

CLAIMGRAPH_COMMAND(forget,
                   "Withdraw a source: its evidence, and claims left without "
                   "any",
                   SetUp);

}  // namespace
}  // namespace claimgraph::cli
