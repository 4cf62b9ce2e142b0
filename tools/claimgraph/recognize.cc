// claimgraph recognize: quantities, dates and acronyms in text from stdin.
//
// One text per input line; exactly one JSON array per output line.

#include "recognize/recognize.h"

#include <iostream>
#include <memory>
#include <string>

#include "claimgraph/command.h"

namespace claimgraph::cli {
namespace {

struct RecognizeFlags {
  std::string reference_date;
  std::string format = "jsonl";
  std::vector<std::string> types;
};

int Run(const RecognizeFlags& flags) {
  RecognizeOptions options;
  if (!flags.reference_date.empty()) {
    StatusOr<Date> date = ParseIsoDate(flags.reference_date);
    if (!date.ok()) {
      std::cerr << "claimgraph: error: --reference-date: "
                << date.status().message() << "\n";
      return kExitUsage;
    }
    options.reference_date = *date;
  }
  if (flags.format != "jsonl") {
    std::cerr << "claimgraph: error: --format: only 'jsonl' is supported\n";
    return kExitUsage;
  }
  for (const std::string& name : flags.types) {
    StatusOr<MentionType> type = ParseMentionType(name);
    if (!type.ok()) {
      std::cerr << "claimgraph: error: --types: " << type.status().message()
                << "\n";
      return kExitUsage;
    }
    options.types.push_back(*type);
  }
  std::ios::sync_with_stdio(false);
  std::string line;
  size_t line_no = 0;
  int exit_code = kExitOk;
  while (std::getline(std::cin, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    StatusOr<std::vector<Mention>> mentions = Recognize(line, options);
    if (!mentions.ok()) {
      // Keep one output line per input line: an empty array, and say why.
      std::cerr << "claimgraph: error: stdin:" << line_no << ": "
                << mentions.status().message() << "\n";
      std::cout << "[]\n";
      exit_code = ExitCodeFor(mentions.status());
      continue;
    }
    std::cout << MentionsToJson(*mentions) << "\n";
  }
  std::cout.flush();
  return exit_code;
}

CommandRunner SetUpRecognize(CLI::App& app, const GlobalOptions& global) {
  auto flags = std::make_shared<RecognizeFlags>();
  app.add_option("--reference-date", flags->reference_date,
                 "Publication date YYYY-MM-DD for relative dates");
  app.add_option("--format", flags->format, "Output format (jsonl)")
      ->capture_default_str();
  app.add_option("--types", flags->types,
                 "Only these types (comma-separated): number, ordinal, "
                 "percentage, currency, numberrange, rate, duration, date, "
                 "daterange, acronym")
      ->delimiter(',');
  app.footer(
      "Reads one text per line from stdin and writes one JSON array per "
      "line: objects with text, start, end (code points, end exclusive), "
      "type, value, unit, min/max, approximate, cue, timex, long_form.\n"
      "A line that is not valid UTF-8 gives [] and an error on stderr "
      "(exit code 3).");
  return [flags] { return Run(*flags); };
}

CLAIMGRAPH_COMMAND(recognize, "Find quantities, dates and acronyms in text",
                   SetUpRecognize);

}  // namespace
}  // namespace claimgraph::cli
