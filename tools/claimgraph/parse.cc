// claimgraph parse [FILE]: raw text (or CoNLL-U words) in, CoNLL-U out.
//
// Text input is split into sentences and tokens (text/tokenizer.h); each
// sentence gets "# sent_id = N" and "# text = ..." comments, and every word
// and multi-word token line gets "TokenRange=START:END" in MISC: code-point
// offsets into the input, END exclusive (beside "SpaceAfter=No" when no
// space follows). With --input-format conllu the words of the file are kept
// as given (multi-word tokens, empty nodes, comments, MISC) and only lemma,
// UPOS, XPOS, head and relation are predicted again.

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "claimgraph/command.h"
#include "text/conllu.h"
#include "text/pipeline.h"
#include "text/tokenizer.h"

namespace claimgraph::cli {
namespace {

struct ParseOptions {
  std::string file = "-";
  std::string input_format = "text";
  std::string models;
  bool keep_debris = false;
  bool line_is_sentence = false;
  bool tokenize_only = false;
};

StatusOr<std::string> ReadAll(const std::string& file) {
  std::ostringstream buffer;
  if (file == "-") {
    buffer << std::cin.rdbuf();
    if (std::cin.bad()) return IoError("cannot read standard input");
    return buffer.str();
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return NotFoundError("cannot open " + file);
  buffer << in.rdbuf();
  if (in.bad()) return IoError("cannot read " + file);
  return buffer.str();
}

void AppendMisc(std::string* misc, const std::string& item) {
  if (misc->empty() || *misc == "_") {
    *misc = item;
  } else {
    *misc += "|" + item;
  }
}

std::string Range(long start, long end) {
  return "TokenRange=" + std::to_string(start) + ":" + std::to_string(end);
}

// `pipeline` is null with --tokenize-only.
Status ParseText(const ParseOptions& opts, const Pipeline* pipeline) {
  CG_ASSIGN_OR_RETURN(std::string text, ReadAll(opts.file));
  TokenizerOptions tokenizer_options;
  tokenizer_options.keep_debris = opts.keep_debris;
  tokenizer_options.line_is_sentence = opts.line_is_sentence;
  const std::string name = opts.file == "-" ? "<stdin>" : opts.file;
  int id = 0;
  // Sentences are annotated and written as the tokeniser finishes them.
  auto write = [&](Sentence&& sentence) -> Status {
    std::vector<std::string> comments = {"sent_id = " + std::to_string(++id)};
    // "# text" must stay on one line.
    std::string one_line = sentence.text;
    for (char& c : one_line) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    comments.push_back("text = " + one_line);
    for (std::string& c : sentence.comments) comments.push_back(std::move(c));
    sentence.comments = std::move(comments);
    if (pipeline != nullptr) CG_RETURN_IF_ERROR(pipeline->Annotate(&sentence));
    for (Word& word : sentence.words) {
      AppendMisc(&word.misc, Range(word.start, word.end));
    }
    for (MultiwordToken& token : sentence.multiword_tokens) {
      AppendMisc(&token.misc, Range(sentence.words[token.first - 1].start,
                                    sentence.words[token.last - 1].end));
    }
    WriteConllu(sentence, std::cout);
    return OkStatus();
  };
  Status status = TokenizeEach(text, tokenizer_options, write);
  return status.ok() ? status : status.WithPrefix(name);
}

Status ParseConllu(const ParseOptions& opts, const Pipeline& pipeline) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (opts.file != "-") {
    file.open(opts.file, std::ios::binary);
    if (!file) return NotFoundError("cannot open " + opts.file);
    in = &file;
  }
  CG_ASSIGN_OR_RETURN(
      std::vector<Sentence> sentences,
      ReadConllu(*in, opts.file == "-" ? "<stdin>" : opts.file));
  for (Sentence& sentence : sentences) {
    CG_RETURN_IF_ERROR(pipeline.Annotate(&sentence));
    WriteConllu(sentence, std::cout);
  }
  return OkStatus();
}

CommandRunner SetUpParse(CLI::App& app, const GlobalOptions& global) {
  auto opts = std::make_shared<ParseOptions>();
  app.add_option("file", opts->file,
                 "Input file; standard input when absent or \"-\"")
      ->capture_default_str();
  app.add_option("--input-format", opts->input_format,
                 "\"text\": raw UTF-8 text, tokenised here; \"conllu\": "
                 "keep the words of a CoNLL-U file, re-predict the rest")
      ->check(CLI::IsMember({"text", "conllu"}))
      ->capture_default_str();
  app.add_option("--models", opts->models,
                 "Model directory (default: $CLAIMGRAPH_MODELS or "
                 "data/models)");
  app.add_flag("--keep-debris", opts->keep_debris,
               "Keep page debris lines (\"Comments\", \"Share this\") as "
               "sentences marked \"# page_debris\" instead of dropping them");
  app.add_flag("--line-is-sentence", opts->line_is_sentence,
               "Every line break ends a sentence");
  app.add_flag("--tokenize-only", opts->tokenize_only,
               "Only split sentences and tokens (text input); no model is "
               "loaded and the tag, lemma and head columns stay \"_\"");
  return [opts] {
    std::ios::sync_with_stdio(false);
    if (opts->tokenize_only) {
      if (opts->input_format != "text") {
        return ReportError(
            InvalidArgumentError("--tokenize-only needs --input-format text"));
      }
      Status status = ParseText(*opts, nullptr);
      std::cout.flush();
      if (status.ok() && !std::cout) status = IoError("cannot write output");
      return ReportError(status);
    }
    std::string dir = opts->models.empty() ? DefaultModelDir() : opts->models;
    StatusOr<std::unique_ptr<Pipeline>> pipeline = Pipeline::Load(dir);
    if (!pipeline.ok()) return ReportError(pipeline.status());
    Status status = opts->input_format == "conllu"
                        ? ParseConllu(*opts, **pipeline)
                        : ParseText(*opts, pipeline->get());
    std::cout.flush();
    if (status.ok() && !std::cout) status = IoError("cannot write output");
    return ReportError(status);
  };
}

CLAIMGRAPH_COMMAND(parse,
                   "Sentences, tokens, tags, lemmas and dependencies "
                   "(CoNLL-U) for raw text or CoNLL-U words",
                   SetUpParse);

}  // namespace
}  // namespace claimgraph::cli
