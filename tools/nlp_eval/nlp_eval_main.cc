// claimgraph-nlp-eval: scores a system CoNLL-U file against gold with the
// CoNLL 2018 definitions (see src/text/eval.h), or prints the raw text of a
// gold file for end-to-end evaluation:
//
//   claimgraph-nlp-eval --print-text GOLD.conllu > gold.txt
//   claimgraph parse --keep-debris gold.txt > sys.conllu
//   claimgraph-nlp-eval --gold GOLD.conllu --system sys.conllu
//
// Exit codes: 0 ok, 1 I/O error, 2 usage, 3 malformed or mismatched input,
// 4 a file is missing.

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <string>

#include "base/exit_code.h"
#include "text/conllu.h"
#include "text/eval.h"

namespace claimgraph {
namespace {

StatusOr<std::vector<Sentence>> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError("cannot open " + path);
  return ReadConllu(in, path);
}

int Fail(const Status& status) {
  return ReportError("claimgraph-nlp-eval", status);
}

int Main(int argc, char** argv) {
  CLI::App app{
      "Scores a system CoNLL-U file against gold (CoNLL 2018 definitions: "
      "tokens, sentences, words F1; UPOS, XPOS, lemma, UAS, LAS), or prints "
      "a gold file's raw text."};
  std::string gold, system, print_text;
  auto* gold_opt = app.add_option("--gold", gold, "Gold CoNLL-U file");
  app.add_option("--system", system, "System CoNLL-U file")->needs(gold_opt);
  app.add_option("--print-text", print_text,
                 "Print the raw text of this CoNLL-U file (from its # text "
                 "lines; blank line between paragraphs) and exit")
      ->excludes(gold_opt);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (!print_text.empty()) {
    StatusOr<std::vector<Sentence>> sentences = ReadFile(print_text);
    if (!sentences.ok()) return Fail(sentences.status());
    std::cout << RawText(*sentences);
    return std::cout ? 0 : Fail(IoError("cannot write output"));
  }
  if (gold.empty() || system.empty()) {
    std::cerr << "claimgraph-nlp-eval: error: need --gold and --system, or "
                 "--print-text\n";
    return 2;
  }
  StatusOr<std::vector<Sentence>> g = ReadFile(gold);
  if (!g.ok()) return Fail(g.status());
  StatusOr<std::vector<Sentence>> s = ReadFile(system);
  if (!s.ok()) return Fail(s.status());
  StatusOr<EvalReport> report = Evaluate(*g, *s);
  if (!report.ok()) return Fail(report.status());
  std::cout << FormatReport(*report);
  return 0;
}

}  // namespace
}  // namespace claimgraph

int main(int argc, char** argv) { return claimgraph::Main(argc, argv); }
