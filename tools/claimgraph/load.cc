// claimgraph load FILE...: stores claims from JSONL and TSV files, each file
// atomically.

#include "load/load.h"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "claimgraph/articles.h"
#include "claimgraph/common.h"

namespace claimgraph::cli {
namespace {

struct LoadOptions {
  std::vector<std::string> paths;
  bool skip_bad = false;
  ArticleFlags article;
};

// The claims of an article, through extraction; the extractor is loaded on
// first use.
StatusOr<ReadResult> ReadArticleClaims(
    const std::string& file, const LoadOptions& opts,
    std::unique_ptr<ClaimExtractor>* extractor) {
  if (*extractor == nullptr) {
    CG_ASSIGN_OR_RETURN(*extractor, LoadExtractor(opts.article));
  }
  CG_ASSIGN_OR_RETURN(Article article,
                      ReadArticleWithFlags(file, opts.article));
  CG_ASSIGN_OR_RETURN(std::vector<ExtractedClaim> claims,
                      (*extractor)->Extract(article));
  ReadResult result;
  for (ExtractedClaim& c : claims) {
    result.claims.push_back({std::move(c.claim), file});
  }
  return result;
}

Status LoadFile(Store& store, const std::string& file, const LoadOptions& opts,
                std::unique_ptr<ClaimExtractor>* extractor) {
  bool skip_bad = opts.skip_bad;
  ReadOptions read_options;
  read_options.skip_bad = skip_bad;
  CG_ASSIGN_OR_RETURN(ReadResult read,
                      IsArticlePath(file)
                          ? ReadArticleClaims(file, opts, extractor)
                          : ReadClaimFile(file, read_options));
  CG_ASSIGN_OR_RETURN(WriteReport report,
                      store.AddClaims(std::move(read.claims), skip_bad));
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
  app.add_option(
         "files", opts->paths,
         "Claim files (.jsonl, .tsv), articles (.txt, .md, .html; claims are "
         "extracted) or directories of them")
      ->required();
  app.add_flag("--skip-bad", opts->skip_bad,
               "Load the good lines of a file and report every bad one "
               "(default: a bad line stops the load of its file)");
  AddArticleFlags(app, &opts->article);
  return [opts, &global] {
    StatusOr<std::unique_ptr<Store>> store = OpenStore(global, true);
    if (!store.ok()) return ReportError(store.status());
    int exit_code = kExitOk;
    std::unique_ptr<ClaimExtractor> extractor;
    for (const std::string& file : ExpandInputs(opts->paths, true)) {
      Status status = LoadFile(**store, file, *opts, &extractor);
      if (!status.ok()) {
        exit_code = ReportError(status);
        std::cerr << "claimgraph: nothing of " << file << " was stored\n";
      }
    }
    return exit_code;
  };
}

CLAIMGRAPH_COMMAND(load, "Store claims from JSONL/TSV files or articles",
                   SetUp);

}  // namespace
}  // namespace claimgraph::cli
