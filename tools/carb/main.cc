// claimgraph-carb: scores open-IE extractions with a C++ port of CaRB's
// scorer (carb.py with its default binary lenient matcher; docs/carb.md).
//
//   claimgraph-carb --gold dev.tsv --system sys.tsv [--out-curve pr.tsv]
//                   [--sentences dev.txt] [--attribution]
//
// Exit codes: 0 ok, 1 I/O error, 2 usage, 3 malformed input, 4 missing file.

#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include "base/exit_code.h"
#include "carb/attribution.h"
#include "carb/benchmark.h"
#include "carb/reader.h"
#include "carb/text.h"

namespace claimgraph::carb {
namespace {

int Fail(const Status& status) {
  return ReportError("claimgraph-carb", status);
}

std::string Fixed(double value, int decimals = 3) {
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.*f", decimals, value);
  return buf;
}

std::string Share(int part, int whole) {
  if (whole == 0) return "n/a";
  return Fixed(100.0 * part / whole, 1) + "% (" + std::to_string(part) + "/" +
         std::to_string(whole) + ")";
}

// Sentences of the system that no gold sentence has: CaRB ignores them
// silently, which usually means the sentence was not echoed exactly.
void ReportCoverage(const ExtractionSet& gold, const ExtractionSet& system) {
  int unknown = 0;
  for (const SentenceGroup& group : system.groups()) {
    if (gold.Find(group.key) != nullptr) continue;
    if (++unknown <= 3) {
      std::cerr << "claimgraph-carb: warning: system sentence not in gold "
                   "(ignored): "
                << group.sentence.substr(0, 80) << "\n";
    }
  }
  for (const auto* set : {&gold, &system}) {
    if (set->replaced_groups() > 0) {
      std::cerr << "claimgraph-carb: warning: "
                << (set == &gold ? "gold" : "system") << ": "
                << set->replaced_groups()
                << " sentence spelling(s) dropped: a later line spelled the "
                   "same sentence differently (CaRB keeps only the last)\n";
    }
  }
  int covered = 0;
  for (const SentenceGroup& group : gold.groups()) {
    covered += system.Find(group.key) != nullptr;
  }
  std::cout << "gold: " << gold.groups().size() << " sentences, "
            << gold.ExtractionCount() << " extractions\n"
            << "system: " << system.groups().size() << " sentences, "
            << system.ExtractionCount() << " extractions; gold sentences "
            << "with output " << covered << "; system sentences not in gold "
            << unknown << "\n";
}

Status CheckSentences(const std::string& path, const ExtractionSet& gold,
                      const ExtractionSet& system) {
  CG_ASSIGN_OR_RETURN(std::string text, ReadWholeFile(path));
  int total = 0, with_gold = 0, with_output = 0;
  for (const std::string& line : SplitLines(text)) {
    std::string_view sentence = StripWhitespace(line);
    if (sentence.empty()) continue;
    ++total;
    const std::string key = NormalizeSentenceKey(sentence);
    with_gold += gold.Find(key) != nullptr;
    with_output += system.Find(key) != nullptr;
  }
  std::cout << "sentences file: " << total << " sentences, " << with_gold
            << " with gold, " << with_output << " with system output\n";
  return OkStatus();
}

void PrintScore(const CarbResult& r) {
  std::cout << "thresholds: " << r.curve.size() << "\n"
            << "AUC " << Fixed(r.auc) << "  best F1 " << Fixed(r.best.f1)
            << " (P " << Fixed(r.best.precision) << ", R "
            << Fixed(r.best.recall)
            << ", confidence >= " << FormatDouble(r.best.threshold) << ")\n"
            << "exact: auc=" << FormatDouble(r.auc)
            << " p=" << FormatDouble(r.best.precision)
            << " r=" << FormatDouble(r.best.recall)
            << " f1=" << FormatDouble(r.best.f1) << "\n";
}

void PrintAttribution(const AttributionReport& a) {
  std::cout << "attribution (said-type): " << a.sentences << " sentences, "
            << a.gold_speakers << " gold speakers, " << a.system_extractions
            << " system extractions, " << a.attributed << " attributed\n"
            << "  right speaker (shares a token): "
            << Share(a.speaker_overlap, a.attributed) << "\n"
            << "  right speaker (exact):          "
            << Share(a.speaker_exact, a.attributed) << "\n"
            << "  gold speakers found:            "
            << Share(a.gold_speakers_found, a.gold_speakers) << "\n";
}

int Main(int argc, char** argv) {
  CLI::App app{
      "Scores open-IE extractions as CaRB does (binary lenient matcher, "
      "threshold sweep, best F1 and AUC). Gold: sentence TAB relation TAB "
      "args; system: sentence TAB confidence TAB relation TAB args."};
  std::string gold_path, system_path, curve_path, sentences_path;
  bool attribution = false;
  MatchOptions options;
  app.add_option("--gold", gold_path, "Gold file (CaRB gold/*.tsv)")
      ->required();
  app.add_option("--system", system_path, "System extractions")->required();
  app.add_option("--out-curve", curve_path,
                 "Write the precision-recall curve here (CaRB's --out)");
  app.add_option("--sentences", sentences_path,
                 "Sentence file (e.g. dev.txt): report coverage");
  app.add_flag("--attribution", attribution,
               "Also report speaker attribution (gold: said_type.tsv)");
  app.add_flag("--require-arg-overlap", options.require_argument_overlap,
               "Not CaRB's default: arg1 and the object must also share a "
               "token with the gold ones (docs/carb.md)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  StatusOr<std::string> gold_text = ReadWholeFile(gold_path);
  if (!gold_text.ok()) return Fail(gold_text.status());
  StatusOr<ExtractionSet> gold = ParseGold(*gold_text, gold_path);
  if (!gold.ok()) return Fail(gold.status());
  StatusOr<std::string> sys_text = ReadWholeFile(system_path);
  if (!sys_text.ok()) return Fail(sys_text.status());
  StatusOr<ExtractionSet> sys = ParseSystem(*sys_text, system_path);
  if (!sys.ok()) return Fail(sys.status());

  ReportCoverage(*gold, *sys);
  if (!sentences_path.empty()) {
    Status s = CheckSentences(sentences_path, *gold, *sys);
    if (!s.ok()) return Fail(s);
  }
  const CarbResult result = Score(*gold, *sys, options);
  PrintScore(result);
  if (attribution) PrintAttribution(ScoreAttribution(*gold, *sys));
  if (!curve_path.empty()) {
    std::ofstream out(curve_path, std::ios::binary);
    out << FormatCurve(result);
    if (!out) return Fail(IoError("cannot write " + curve_path));
  }
  return 0;
}

}  // namespace
}  // namespace claimgraph::carb

int main(int argc, char** argv) { return claimgraph::carb::Main(argc, argv); }
