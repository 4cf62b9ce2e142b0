// claimgraph export --format jsonl [-o FILE]: every claim, loadable again.

#include <sstream>

#include "claimgraph/common.h"
#include "export/jsonl.h"

namespace claimgraph::cli {
namespace {

struct ExportFlags {
  std::string format = "jsonl";
  std::string output;
};

Status Run(const ExportFlags& opts, const GlobalOptions& global) {
  CG_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenStore(global, false));
  auto reader = store->NewReader();
  if (opts.output.empty() || opts.output == "-") {
    return ExportJsonl(*reader, std::cout);
  }
  std::ostringstream text;
  CG_RETURN_IF_ERROR(ExportJsonl(*reader, text));
  return WriteOutput(opts.output, text.str());
}

CommandRunner SetUp(CLI::App& app, const GlobalOptions& global) {
  auto opts = std::make_shared<ExportFlags>();
  app.add_option("--format", opts->format, "Export format (jsonl)")
      ->capture_default_str()
      ->check(CLI::IsMember({"jsonl"}));
  app.add_option("-o,--output", opts->output, "Output file (default stdout)");
  return [opts, &global] { return ReportError(Run(*opts, global)); };
}

CLAIMGRAPH_COMMAND(export, "Write every claim as JSONL, loadable again", SetUp);

}  // namespace
}  // namespace claimgraph::cli
