// claimgraph-gold-eval: scores extracted claims against the hand-written gold
// claims of data/articles (docs/extraction-gold.md), or checks the gold.
//
//   claimgraph extract data/articles > sys.jsonl
//   claimgraph-gold-eval --gold data/articles --system sys.jsonl
//   claimgraph-gold-eval --check --gold data/articles
//       --predicates data/lexicons/predicates.tsv
//
// Exit codes: 0 ok, 1 I/O error, 2 usage, 3 malformed input or a failed
// check, 4 a file is missing, 5 a score below one of the --min-* floors.

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "base/exit_code.h"
#include "gold_check.h"
#include "gold_match.h"
#include "gold_strict.h"
#include "load/load.h"

namespace claimgraph {
namespace {

namespace fs = std::filesystem;

constexpr const char kGoldSuffix[] = ".gold.jsonl";

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Files named by `paths`; directories are searched recursively for files
// that `wanted` accepts.
StatusOr<std::vector<std::string>> ExpandPaths(
    const std::vector<std::string>& paths, bool (*wanted)(const std::string&)) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (const auto& entry : fs::recursive_directory_iterator(path, ec)) {
        std::string name = entry.path().string();
        if (entry.is_regular_file() && wanted(name)) found.push_back(name);
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(path, ec)) {
      files.push_back(path);
    } else {
      return NotFoundError("no such file or directory: " + path);
    }
  }
  return files;
}

bool IsGoldFile(const std::string& name) { return EndsWith(name, kGoldSuffix); }

bool IsSystemFile(const std::string& name) {
  return EndsWith(name, ".jsonl") && !IsGoldFile(name);
}

std::string Stem(const std::string& path, const std::string& suffix) {
  std::string name = fs::path(path).filename().string();
  return EndsWith(name, suffix) ? name.substr(0, name.size() - suffix.size())
                                : fs::path(path).stem().string();
}

StatusOr<std::vector<Claim>> ReadClaims(const std::string& path,
                                        bool skip_bad) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError("cannot open " + path);
  ReadOptions options;
  options.skip_bad = skip_bad;
  CG_ASSIGN_OR_RETURN(ReadResult result, ReadJsonl(in, path, options));
  for (const SkippedClaim& skipped : result.skipped) {
    std::cerr << "claimgraph-gold-eval: warning: skipped " << skipped.where
              << ": " << skipped.status.message() << "\n";
  }
  std::vector<Claim> claims;
  for (LocatedClaim& located : result.claims) {
    claims.push_back(std::move(located.claim));
  }
  return claims;
}

struct Document {
  std::string name;  // the gold file's stem
  std::vector<Claim> gold;
  std::vector<Claim> system;
};

struct Corpus {
  std::vector<Document> documents;
  std::map<std::string, int> by_key;   // source url or id -> document
  std::map<std::string, int> by_stem;  // gold file stem -> document
  int unscored = 0;                    // system claims of other documents
};

Status ReadGold(const std::vector<std::string>& files, Corpus* corpus) {
  for (const std::string& file : files) {
    CG_ASSIGN_OR_RETURN(std::vector<Claim> claims, ReadClaims(file, false));
    int index = static_cast<int>(corpus->documents.size());
    corpus->documents.push_back({Stem(file, kGoldSuffix), {}, {}});
    corpus->by_stem[corpus->documents.back().name] = index;
    for (Claim& claim : claims) {
      std::string key = DocumentKey(claim);
      if (key.empty()) {
        return InvalidArgumentError(file + ": a gold claim has no source url");
      }
      auto [it, added] = corpus->by_key.emplace(key, index);
      if (!added && it->second != index) {
        return InvalidArgumentError(file + ": source " + key +
                                    " is also used by another gold file");
      }
      corpus->documents[index].gold.push_back(std::move(claim));
    }
  }
  return OkStatus();
}

Status ReadSystem(const std::vector<std::string>& files, Corpus* corpus) {
  for (const std::string& file : files) {
    CG_ASSIGN_OR_RETURN(std::vector<Claim> claims, ReadClaims(file, true));
    auto stem = corpus->by_stem.find(Stem(file, ".jsonl"));
    for (Claim& claim : claims) {
      auto key = corpus->by_key.find(DocumentKey(claim));
      int index = key != corpus->by_key.end()     ? key->second
                  : stem != corpus->by_stem.end() ? stem->second
                                                  : -1;
      if (index < 0) {
        ++corpus->unscored;
        continue;
      }
      corpus->documents[index].system.push_back(std::move(claim));
    }
  }
  return OkStatus();
}

std::string Row(const std::string& name, const Counts& c) {
  char numbers[96];
  std::snprintf(numbers, sizeof(numbers), "%6d %6d %7d  %5.3f  %5.3f  %5.3f",
                c.gold, c.system, c.matched, c.Precision(), c.Recall(), c.F1());
  std::string label = name.size() > 40 ? name.substr(0, 40) : name;
  label.resize(42, ' ');
  return label + numbers;
}

// Lists missed and spurious claims, and with `strict` the matched pairs that
// differ in attribution, stance or identity qualifiers.
void PrintDetails(const Document& doc, const Matching& m, bool strict) {
  for (int g : m.unmatched_gold) {
    std::cout << "    missed:   " << DescribeClaim(doc.gold[g]) << "\n";
  }
  for (int s : m.unmatched_system) {
    std::cout << "    spurious: " << DescribeClaim(doc.system[s]) << "\n";
  }
  if (!strict) return;
  for (const auto& [s, g] : m.pairs) {
    std::vector<StrictAspect> differ =
        StrictDifferences(doc.system[s], doc.gold[g]);
    if (differ.empty()) continue;
    std::cout << "    differs:  " << DescribeClaim(doc.gold[g]) << " (";
    for (size_t i = 0; i < differ.size(); ++i) {
      std::cout << (i ? ", " : "") << StrictAspectName(differ[i]);
    }
    std::cout << ")\n";
  }
}

void PrintStrict(const StrictCounts& strict) {
  std::cout << Row("overall (strict)", strict.counts) << "\n";
  std::cout << "matched pairs that differ:";
  for (int a = 0; a < kStrictAspects; ++a) {
    std::cout << (a ? ", " : " ")
              << StrictAspectName(static_cast<StrictAspect>(a)) << " "
              << strict.differ[a];
  }
  std::cout << "\n";
}

struct Totals {
  Counts lenient;
  StrictCounts strict;
};

Totals Score(const Corpus& corpus, bool verbose, bool strict) {
  std::cout << Row("document", {}).substr(0, 42)
            << "  gold system matched      P      R     F1\n";
  Totals totals;
  for (const Document& doc : corpus.documents) {
    Matching m = MatchClaims(doc.system, doc.gold);
    std::cout << Row(doc.name, m.counts) << "\n";
    if (verbose) PrintDetails(doc, m, strict);
    totals.lenient += m.counts;
    totals.strict += ScoreStrict(doc.system, doc.gold, m);
  }
  std::cout << Row("overall (micro)", totals.lenient) << "\n";
  if (strict) PrintStrict(totals.strict);
  if (corpus.unscored > 0) {
    std::cout << corpus.unscored
              << " system claims of documents without gold were not scored\n";
  }
  return totals;
}

// Exit code 5 with a message when `value` is below `floor`.
int CheckFloor(const char* what, double value, double floor) {
  if (value >= floor) return 0;
  std::cerr << "claimgraph-gold-eval: " << what << " " << value
            << " is below its floor " << floor << "\n";
  return 5;
}

int Fail(const Status& status) {
  return ReportError("claimgraph-gold-eval", status);
}

int RunCheck(const std::vector<std::string>& files,
             const std::string& predicates_path) {
  std::set<std::string> predicates;
  if (!predicates_path.empty()) {
    StatusOr<std::set<std::string>> read =
        ReadCanonicalPredicates(predicates_path);
    if (!read.ok()) return Fail(read.status());
    predicates = *read;
  }
  int claims = 0, problems = 0;
  for (const std::string& file : files) {
    std::vector<std::string> found;
    StatusOr<int> checked = CheckGoldFile(file, predicates, &found);
    if (!checked.ok()) return Fail(checked.status());
    for (const std::string& problem : found) std::cout << problem << "\n";
    claims += *checked;
    problems += static_cast<int>(found.size());
  }
  std::cout << files.size() << " gold files, " << claims << " claims, "
            << problems << " problems\n";
  return problems == 0 ? 0 : 3;
}

int Main(int argc, char** argv) {
  CLI::App app{
      "Scores system claims (JSONL) against gold claims per document: "
      "precision, recall and F1; or checks the gold files (--check)."};
  std::vector<std::string> gold_paths, system_paths;
  std::string predicates;
  bool verbose = false, check = false, strict = false;
  double min_precision = 0, min_recall = 0;
  double min_strict_precision = 0, min_strict_recall = 0;
  app.add_option("--gold", gold_paths,
                 "Gold files (NAME.gold.jsonl) or directories of them")
      ->required();
  auto* system_opt = app.add_option(
      "--system", system_paths, "System JSONL files or directories of them");
  app.add_flag("--verbose", verbose, "List missed and spurious claims");
  app.add_flag("--strict", strict,
               "Also score strictly: a matched pair counts only when stance, "
               "speaker and the time/place/denominator qualifiers agree");
  auto* check_opt = app.add_flag(
      "--check", check,
      "Check that the gold parses and its sentences occur in the articles");
  app.add_option("--predicates", predicates,
                 "With --check: predicates.tsv whose canonical predicates "
                 "the gold must use");
  app.add_option("--min-precision", min_precision,
                 "Exit 5 when overall precision is below this");
  app.add_option("--min-recall", min_recall,
                 "Exit 5 when overall recall is below this");
  app.add_option("--min-strict-precision", min_strict_precision,
                 "Exit 5 when strict precision is below this (implies "
                 "--strict)");
  app.add_option("--min-strict-recall", min_strict_recall,
                 "Exit 5 when strict recall is below this (implies --strict)");
  system_opt->excludes(check_opt);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  StatusOr<std::vector<std::string>> gold_files =
      ExpandPaths(gold_paths, IsGoldFile);
  if (!gold_files.ok()) return Fail(gold_files.status());
  if (gold_files->empty()) {
    return Fail(NotFoundError("no *.gold.jsonl files in --gold"));
  }
  if (check) return RunCheck(*gold_files, predicates);
  if (system_paths.empty()) {
    std::cerr << "claimgraph-gold-eval: --system or --check is required\n";
    return 2;
  }
  StatusOr<std::vector<std::string>> system_files =
      ExpandPaths(system_paths, IsSystemFile);
  if (!system_files.ok()) return Fail(system_files.status());
  Corpus corpus;
  Status status = ReadGold(*gold_files, &corpus);
  if (status.ok()) status = ReadSystem(*system_files, &corpus);
  if (!status.ok()) return Fail(status);
  strict = strict || min_strict_precision > 0 || min_strict_recall > 0;
  Totals totals = Score(corpus, verbose, strict);
  const Counts& strict_counts = totals.strict.counts;
  int exit_code = 0;
  exit_code |=
      CheckFloor("precision", totals.lenient.Precision(), min_precision);
  exit_code |= CheckFloor("recall", totals.lenient.Recall(), min_recall);
  exit_code |= CheckFloor("strict precision", strict_counts.Precision(),
                          min_strict_precision);
  exit_code |=
      CheckFloor("strict recall", strict_counts.Recall(), min_strict_recall);
  return exit_code;
}

}  // namespace
}  // namespace claimgraph

int main(int argc, char** argv) { return claimgraph::Main(argc, argv); }
