// claimgraph extract FILE...: claims found in articles, printed in the JSONL
// interchange format, without touching a database.

#include <iostream>

#include "claimgraph/articles.h"
#include "claimgraph/command.h"
#include "claimgraph/output.h"
#include "export/jsonl.h"

namespace claimgraph::cli {
namespace {

struct ExtractFlags {
  std::vector<std::string> paths;
  bool explain = false;
  ArticleFlags article;
};

Status ExtractFile(const ClaimExtractor& extractor, const std::string& path,
                   const ExtractFlags& flags) {
  CG_ASSIGN_OR_RETURN(Article article,
                      ReadArticleWithFlags(path, flags.article));
  CG_ASSIGN_OR_RETURN(std::vector<ExtractedClaim> claims,
                      extractor.Extract(article));
  for (const ExtractedClaim& c : claims) {
    CG_ASSIGN_OR_RETURN(std::string line, ClaimToJsonLine(c.claim));
    if (flags.explain) {
      std::cout << "{\"claim\":" << line << ",\"rule\":" << JsonQuote(c.rule)
                << ",\"parse\":" << JsonQuote(c.parse) << "}\n";
    } else {
      std::cout << line << "\n";
    }
  }
  std::cerr << path << ": " << claims.size() << " claims\n";
  return OkStatus();
}

CommandRunner SetUp(CLI::App& app, const GlobalOptions&) {
  auto flags = std::make_shared<ExtractFlags>();
  app.add_option("files", flags->paths,
                 "Articles (.txt, .md, .html) or directories of them")
      ->required();
  app.add_flag("--explain", flags->explain,
               "Print per claim the rule that fired and the parse it used, as "
               "{\"claim\", \"rule\", \"parse\"} objects");
  AddArticleFlags(app, &flags->article);
  return [flags] {
    StatusOr<std::unique_ptr<ClaimExtractor>> extractor =
        LoadExtractor(flags->article);
    if (!extractor.ok()) return ReportError(extractor.status());
    int exit_code = kExitOk;
    for (const std::string& path : ExpandInputs(flags->paths, false)) {
      Status status = ExtractFile(**extractor, path, *flags);
      if (!status.ok()) exit_code = ReportError(status);
    }
    return exit_code;
  };
}

CLAIMGRAPH_COMMAND(extract, "Print the claims found in articles (JSONL)",
                   SetUp);

}  // namespace
}  // namespace claimgraph::cli
