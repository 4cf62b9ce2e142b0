// claimgraph openie [FILE]: one sentence per line in, open-IE extractions
// out in CaRB's tabbed format (sentence echoed exactly).

#include "extract/openie.h"

#include <fstream>
#include <iostream>

#include "claimgraph/command.h"
#include "text/pipeline.h"
#include "text/tokenizer.h"

namespace claimgraph::cli {
namespace {

struct OpenIeFlags {
  std::string input = "-";
  std::string models;
};

// Tokenises one line as one sentence (the tokeniser may split it).
StatusOr<Sentence> LineSentence(const std::string& line) {
  TokenizerOptions options;
  options.keep_debris = true;
  CG_ASSIGN_OR_RETURN(std::vector<Sentence> parts, Tokenize(line, options));
  Sentence sentence;
  sentence.text = line;
  for (Sentence& part : parts) {
    for (Word& w : part.words) sentence.words.push_back(std::move(w));
  }
  return sentence;
}

Status Run(const OpenIeFlags& flags) {
  std::string dir = flags.models.empty() ? DefaultModelDir() : flags.models;
  CG_ASSIGN_OR_RETURN(std::unique_ptr<Pipeline> pipeline, Pipeline::Load(dir));
  std::ifstream file;
  if (flags.input != "-") {
    file.open(flags.input, std::ios::binary);
    if (!file) return NotFoundError(flags.input + ": cannot open");
  }
  std::istream& in = flags.input == "-" ? std::cin : file;
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    StatusOr<Sentence> sentence = LineSentence(line);
    if (!sentence.ok()) {
      std::cerr << "claimgraph: skipped " << flags.input << ":" << line_number
                << ": " << sentence.status().message() << "\n";
      continue;
    }
    if (sentence->words.empty()) continue;
    CG_RETURN_IF_ERROR(pipeline->Annotate(&*sentence));
    for (const OpenIeTuple& t : OpenIe(*sentence)) {
      std::cout << FormatCarbLine(line, t) << "\n";
    }
  }
  return OkStatus();
}

CommandRunner SetUp(CLI::App& app, const GlobalOptions&) {
  auto flags = std::make_shared<OpenIeFlags>();
  app.add_option("input", flags->input,
                 "Sentences, one per line (default stdin)");
  app.add_option("--models", flags->models,
                 "Model directory (default: data/models)");
  return [flags] { return ReportError(Run(*flags)); };
}

CLAIMGRAPH_COMMAND(openie,
                   "Open-IE extractions in CaRB's format, one sentence per "
                   "line in",
                   SetUp);

}  // namespace
}  // namespace claimgraph::cli
