// claimgraph load FILE...: stores claims from JSONL and TSV files, each file
// atomically.

#include "load/load.h"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "claimgraph/common.h"

namespace claimgraph::cli {
namespace {

struct LoadOptions {
  std::vector<std::string> paths;
  bool skip_bad = false;
};

// Files named on the command line; directories contribute their claim files
// in name order.
std::vector<std::string> ExpandPaths(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> inside;
    for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
      std::string ext = entry.path().extension().string();
      if (ext == ".jsonl" || ext == ".tsv")
        inside.push_back(entry.path().string());
    }
    std::sort(inside.begin(), inside.end());
    files.insert(files.end(), inside.begin(), inside.end());
  }
  return files;
}

Status LoadFile(Store& store, const std::string& file, bool skip_bad) {
  ReadOptions read_options;
  read_options.skip_bad = skip_bad;
  CG_ASSIGN_OR_RETURN(ReadResult read, ReadClaimFile(file, read_options));
  CG_ASSIGN_OR_RETURN(WriteReport report,
                      store.AddClaims(read.claims, skip_bad));
  std::vector<SkippedClaim> skipped = read.skipped;
  skipped.insert(skipped.end(), report.skipped.begin(), report.skipped.end());
  for (const SkippedClaim& s : skipped) {
    std::cerr << "claimgraph: skipped " << s.where << ": " << s.status.message()
              << "\n";
  }
  std::cerr << file << ": " << report.claims_added << " claims added, "
            << report.claims_merged << " merged into existing claims, "
            << report.entities_added << " entities and " << report.sources_added
            << " sources added";
  if (!skipped.empty()) std::cerr << ", " << skipped.size() << " lines skipped";
  std::cerr << "\n";
  return OkStatus();
}

CommandRunner SetUp(CLI::App& app, const GlobalOptions& global) {
  auto opts = std::make_shared<LoadOptions>();
  app.add_option("files", opts->paths,
                 "Claim files (.jsonl, .tsv) or directories of them")
      ->required();
  app.add_flag("--skip-bad", opts->skip_bad,
               "Load the good lines of a file and report every bad one "
               "(default: a bad line stops the load of its file)");
  return [opts, &global] {
    StatusOr<std::unique_ptr<Store>> store = OpenStore(global, true);
    if (!store.ok()) return ReportError(store.status());
    int exit_code = kExitOk;
    for (const std::string& file : ExpandPaths(opts->paths)) {
      Status status = LoadFile(**store, file, opts->skip_bad);
      if (!status.ok()) {
        exit_code = ReportError(status);
        std::cerr << "claimgraph: nothing of " << file << " was stored\n";
      }
    }
    return exit_code;
  };
}

CLAIMGRAPH_COMMAND(load, "Store claims from JSONL or TSV files", SetUp);

}  // namespace
}  // namespace claimgraph::cli
