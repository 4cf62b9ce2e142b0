// claimgraph-train: trains the tagger, lemmatiser and parser on a CoNLL-U
// treebank and writes data/models/en_ewt.cgm; also scores a model on gold
// tokens (--eval) and measures its speed (--bench). See docs/nlp.md.

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "base/cpu_time.h"
#include "base/exit_code.h"
#include "options.h"
#include "scores.h"
#include "text/biaffine_parser.h"
#include "text/conllu.h"
#include "text/lemmatizer.h"
#include "text/model_io.h"
#include "text/parser.h"
#include "text/pipeline.h"
#include "text/tagger.h"
#include "text/word_clusters.h"

namespace claimgraph {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

void Log(const std::string& line) { std::cerr << line << std::endl; }

struct Treebank {
  std::vector<Sentence> sentences;
  uint64_t fnv = 0;  // FNV-1a 64 of the file's bytes.
  long words = 0;
};

StatusOr<Treebank> ReadTreebank(const std::string& path) {
  if (!std::filesystem::exists(path)) {
    return NotFoundError(path +
                         ": no such file (the UD treebanks live in "
                         "../shared/corpora/ud/)");
  }
  CG_ASSIGN_OR_RETURN(std::string data, ReadWholeFile(path));
  std::istringstream in(data);
  Treebank bank;
  CG_ASSIGN_OR_RETURN(bank.sentences, ReadConllu(in, path));
  bank.fnv = Fnv1a64(data);
  for (const Sentence& s : bank.sentences) bank.words += s.words.size();
  return bank;
}

// A copy with the predicted fields cleared, so nothing gold leaks.
std::vector<Sentence> Blank(const std::vector<Sentence>& gold) {
  std::vector<Sentence> out = gold;
  for (Sentence& s : out) {
    for (Word& w : s.words) {
      w.lemma = w.upos = w.xpos = w.deprel = "";
      w.head = -1;
    }
  }
  return out;
}

StatusOr<std::vector<Sentence>> AnnotateAll(const Pipeline& pipeline,
                                            const std::vector<Sentence>& gold) {
  std::vector<Sentence> out = Blank(gold);
  for (Sentence& s : out) CG_RETURN_IF_ERROR(pipeline.Annotate(&s));
  return out;
}

std::string Hex(uint64_t v) {
  char buf[20];
  std::snprintf(buf, sizeof(buf), "%016llx",
                static_cast<unsigned long long>(v));
  return buf;
}

// A copy of `gold` with the tagger's tags (the parsers' dev set, scored
// after every epoch: tags as noisy as at run time, gold arcs).
std::vector<Sentence> Tagged(const std::vector<Sentence>& gold,
                             const Tagger& tagger) {
  std::vector<Sentence> out = gold;
  for (Sentence& s : out) tagger.Tag(&s.words);
  return out;
}

// Tags `train` with taggers trained on the other folds, so the parser
// learns from tags as noisy as it will see at run time.
std::vector<Sentence> JackknifeTags(const std::vector<Sentence>& train,
                                    const Options& o) {
  std::vector<Sentence> out = train;
  if (o.jackknife < 2) return out;
  for (int fold = 0; fold < o.jackknife; ++fold) {
    std::vector<Sentence> rest;
    for (size_t i = 0; i < train.size(); ++i) {
      if (static_cast<int>(i % o.jackknife) != fold) rest.push_back(train[i]);
    }
    TaggerOptions to;
    to.epochs = o.tagger_epochs;
    to.passes = o.tagger_passes;
    to.stack_folds = o.tagger_stack_folds;
    to.feature_set = o.tagger_features;
    to.first_backward = o.tagger_backward;
    to.clusters = o.clusters;
    to.seed = o.seed + fold + 1;
    auto tagger = Tagger::Train(rest, to);
    for (size_t i = fold; i < out.size(); i += o.jackknife) {
      tagger->Tag(&out[i].words);
    }
    Log("jackknife fold " + std::to_string(fold + 1) + " tagged");
  }
  return out;
}

std::unique_ptr<Parser> TrainParser(const std::vector<Sentence>& train,
                                    const std::vector<Sentence>& dev,
                                    const Tagger& tagger, const Options& o) {
  std::vector<Sentence> parser_train = JackknifeTags(train, o);
  // The dev set with predicted tags, for the parser's per-epoch scores.
  std::vector<Sentence> dev_tagged = Tagged(dev, tagger);
  ParserOptions po;
  po.epochs = o.parser_epochs;
  po.beam = std::max(o.beam, 1);
  po.keep_best_epoch = o.best_epoch;
  po.seed = o.seed;
  po.log = Log;
  po.dev = &dev_tagged;
  if (o.parser_features >= 2) po.clusters = o.clusters;
  po.more_cluster_templates = o.parser_features == 3;
  po.lean_cluster_templates = o.parser_features == 4;
  return Parser::Train(parser_train, po);
}

// Builds o->clusters from --embeddings; returns the vectors' fingerprint
// for the metadata (empty without --embeddings).
StatusOr<std::string> BuildClusters(Options* o) {
  if (o->embeddings.empty()) {
    if (o->tagger_features >= 3 || o->parser_features >= 2) {
      return InvalidArgumentError(
          "--tagger-features 3 and --parser-features 2 need --embeddings");
    }
    return std::string();
  }
  if (!o->parser_from.empty()) {
    return InvalidArgumentError("--embeddings cannot go with --parser-from");
  }
  auto start = Clock::now();
  CG_ASSIGN_OR_RETURN(WordVectors vectors,
                      ReadWordVectors(o->embeddings, o->cluster_words));
  uint64_t fnv = kFnvBasis;
  for (const std::string& w : vectors.words) fnv = Fnv1a64(w + "\n", fnv);
  fnv = Fnv1a64(
      std::string_view(reinterpret_cast<const char*>(vectors.values.data()),
                       vectors.values.size() * sizeof(float)),
      fnv);
  auto clusters =
      std::make_shared<WordClusters>(WordClusters::Build(vectors, o->cluster));
  Log("clustered " + std::to_string(vectors.words.size()) + " words (" +
      std::to_string(clusters->size()) + " keys) in " +
      std::to_string(Seconds(start)) + " s");
  o->clusters = std::move(clusters);
  std::ostringstream meta;
  meta << "; word clusters from "
       << std::filesystem::path(o->embeddings).filename().string() << " (first "
       << vectors.words.size() << " words, dim " << vectors.dim
       << ", vectors fnv1a64 " << Hex(fnv) << "), depth " << o->cluster.depth
       << ", iterations " << o->cluster.iterations << ", min split "
       << o->cluster.min_split << ", parser features " << o->parser_features;
  return meta.str();
}

// Trains the tagger on `train` with the options' settings.
std::unique_ptr<Tagger> TrainTagger(const Treebank& train, const Treebank& dev,
                                    const Options& o) {
  TaggerOptions to;
  to.epochs = o.tagger_epochs;
  to.passes = o.tagger_passes;
  to.stack_folds = o.tagger_stack_folds;
  to.feature_set = o.tagger_features;
  to.first_backward = o.tagger_backward;
  to.clusters = o.clusters;
  to.seed = o.seed;
  to.log = Log;
  to.dev = &dev.sentences;
  return Tagger::Train(train.sentences, to);
}

// The median of `v` (the mean of the middle two for an even count).
double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// --tagger-only: dev tag accuracy at every pruning threshold up to the
// given one.
void LogTaggerSweep(const Treebank& dev, const Options& o, Tagger* tagger) {
  for (int t = 1; t <= o.tagger_min_updates; ++t) {
    tagger->Prune(t);
    std::vector<Sentence> tagged = Blank(dev.sentences);
    for (Sentence& s : tagged) tagger->Tag(&s.words);
    Log("tagger min updates " + std::to_string(t) + ": weights " +
        std::to_string(tagger->num_weights()) + ", dev " +
        Score(tagged, dev.sentences).ToString());
  }
  if (o.tagger_timing <= 0) return;
  std::vector<Sentence> blank = Blank(dev.sentences);
  std::vector<double> rates;
  for (int r = 0; r < o.tagger_timing; ++r) {
    std::vector<Sentence> tagged = blank;
    const double start = ThreadCpuSeconds();
    for (Sentence& s : tagged) tagger->Tag(&s.words);
    rates.push_back(static_cast<double>(dev.words) /
                    (ThreadCpuSeconds() - start));
  }
  Log("tagger timing: median " +
      std::to_string(static_cast<long>(Median(rates))) +
      " dev words per thread CPU-second over " +
      std::to_string(o.tagger_timing) + " rounds");
}

// The parser: trained on the tagger's jackknifed tags, or taken from the
// model of --parser-from (whose metadata goes to `parser_meta`).
StatusOr<std::unique_ptr<Parser>> ObtainParser(const Treebank& train,
                                               const Treebank& dev,
                                               const Tagger& tagger,
                                               const Options& o,
                                               std::string* parser_meta) {
  if (o.parser_from.empty())
    return TrainParser(train.sentences, dev.sentences, tagger, o);
  CG_ASSIGN_OR_RETURN(auto donor, Pipeline::Load(o.parser_from));
  if (donor->clusters() != nullptr) {
    return InvalidArgumentError(
        "--parser-from a model with word clusters is not supported");
  }
  *parser_meta = donor->metadata();
  return donor->ReleaseParser();
}

// The biaffine parser, trained on the tagger's jackknifed tags with the
// first --biaffine-vector-words vectors of --embeddings; its settings go to
// `parser_meta`.
StatusOr<std::unique_ptr<BiaffineParser>> TrainBiaffine(
    const Treebank& train, const Treebank& dev, const Tagger& tagger,
    const Options& o, std::string* parser_meta) {
  if (o.embeddings.empty()) {
    return InvalidArgumentError("--parser-kind biaffine needs --embeddings");
  }
  CG_ASSIGN_OR_RETURN(WordVectors vectors,
                      ReadWordVectors(o.embeddings, o.biaffine_vector_words));
  std::vector<Sentence> parser_train = JackknifeTags(train.sentences, o);
  std::vector<Sentence> dev_tagged = Tagged(dev.sentences, tagger);
  BiaffineOptions bo = o.biaffine;
  bo.shape.word_dim = vectors.dim;
  bo.seed = o.seed;
  bo.dev = &dev_tagged;
  bo.gold_tags = &train.sentences;
  bo.log = Log;
  const nn::NetShape& s = bo.shape;
  std::ostringstream meta;
  meta << ", biaffine parser: epochs " << bo.epochs << " (best dev epoch "
       << "kept), batch " << bo.batch_sentences << ", layers " << s.layers
       << ", hidden " << s.hidden << ", arc " << s.arc_dim << ", label "
       << s.label_dim << ", tag " << s.tag_dim << ", lr "
       << bo.adam.learning_rate << ", threads " << bo.threads
       << (bo.tag_head ? ", tag head" : "") << ", jackknife " << o.jackknife
       << ", vectors " << vectors.words.size();
  *parser_meta = meta.str();
  return BiaffineParser::Train(parser_train, vectors, bo);
}

// Drops rare features (--min-updates), scoring dev at each threshold when
// sweeping.
Status Prune(const Pipeline& pipeline, const Treebank& dev, const Options& o,
             Tagger* tagger, Parser* parser) {
  for (int t = o.sweep ? 1 : o.min_updates; t <= o.min_updates; ++t) {
    tagger->Prune(std::min(t, o.tagger_min_updates));
    parser->Prune(t);
    if (!o.sweep) break;
    CG_ASSIGN_OR_RETURN(std::vector<Sentence> predicted,
                        AnnotateAll(pipeline, dev.sentences));
    Log("min updates " + std::to_string(t) + ": tagger weights " +
        std::to_string(tagger->num_weights()) + ", parser weights " +
        std::to_string(parser->num_weights()) + ", dev " +
        Score(predicted, dev.sentences).ToString());
  }
  return OkStatus();
}

// The model's metadata: training data and its hash, settings, clusters,
// and the dev scores reached.
std::string TrainingMetadata(const Options& o, const Treebank& train,
                             const Treebank& dev,
                             const std::string& cluster_meta,
                             const std::string& parser_meta,
                             const Scores& dev_scores) {
  std::ostringstream meta;
  meta << "train " << std::filesystem::path(o.train).filename().string()
       << " fnv1a64 " << Hex(train.fnv) << " (" << train.sentences.size()
       << " sentences, " << train.words << " words); tagger epochs "
       << o.tagger_epochs << ", tagger passes " << o.tagger_passes
       << " (stack folds " << o.tagger_stack_folds << ", features "
       << o.tagger_features << (o.tagger_backward ? ", backward first" : "")
       << ")"
       << ", tagger min updates " << o.tagger_min_updates;
  if (o.parser_kind == "biaffine") {
    meta << parser_meta;
  } else if (o.parser_from.empty()) {
    meta << ", parser epochs " << o.parser_epochs
         << (o.best_epoch ? " (best dev epoch kept)" : "") << ", parser beam "
         << std::max(o.beam, 1) << ", jackknife " << o.jackknife
         << ", min updates " << o.min_updates;
  }
  meta << ", seed " << o.seed << cluster_meta;
  if (o.parser_kind != "biaffine" && !o.parser_from.empty()) {
    // The parser's own training options are in its model's metadata.
    meta << "; parser (not trained here) from a model with metadata: ["
         << parser_meta << "]";
  }
  meta << "; dev " << std::filesystem::path(o.dev).filename().string()
       << " fnv1a64 " << Hex(dev.fnv) << ": " << dev_scores.ToString();
  return meta.str();
}

// Writes the model to `out` and checks that what was written loads and
// predicts the same.
Status SaveChecked(const Pipeline& pipeline, const std::string& out,
                   const Treebank& dev, const Scores& dev_scores) {
  std::filesystem::create_directories(out);
  CG_RETURN_IF_ERROR(pipeline.Save(out));
  CG_ASSIGN_OR_RETURN(auto loaded, Pipeline::Load(out));
  CG_ASSIGN_OR_RETURN(std::vector<Sentence> again,
                      AnnotateAll(*loaded, dev.sentences));
  if (Score(again, dev.sentences).las != dev_scores.las) {
    return InternalError("the saved model predicts differently");
  }
  return OkStatus();
}

Status RunTrain(Options o) {
  auto start = Clock::now();
  CG_ASSIGN_OR_RETURN(Treebank train, ReadTreebank(o.train));
  CG_ASSIGN_OR_RETURN(Treebank dev, ReadTreebank(o.dev));
  Log("read " + std::to_string(train.sentences.size()) + " training sentences");
  CG_ASSIGN_OR_RETURN(const std::string cluster_meta, BuildClusters(&o));
  std::unique_ptr<Tagger> tagger = TrainTagger(train, dev, o);
  auto lemmatizer = Lemmatizer::Train(train.sentences);
  Log("tagger trained at " + std::to_string(Seconds(start)) + " s, " +
      std::to_string(ThreadCpuSeconds()) + " s CPU");
  if (o.tagger_only) {
    LogTaggerSweep(dev, o, tagger.get());
    return OkStatus();
  }
  std::string parser_meta;
  std::unique_ptr<Pipeline> pipeline;
  if (o.parser_kind == "biaffine") {
    CG_ASSIGN_OR_RETURN(auto parser,
                        TrainBiaffine(train, dev, *tagger, o, &parser_meta));
    tagger->Prune(o.tagger_min_updates);
    pipeline = Pipeline::FromParts(std::move(tagger), std::move(lemmatizer),
                                   std::move(parser), "", o.clusters);
  } else {
    CG_ASSIGN_OR_RETURN(std::unique_ptr<Parser> parser,
                        ObtainParser(train, dev, *tagger, o, &parser_meta));
    Tagger* tagger_ptr = tagger.get();
    Parser* parser_ptr = parser.get();
    pipeline = Pipeline::FromParts(std::move(tagger), std::move(lemmatizer),
                                   std::move(parser), "", o.clusters);
    CG_RETURN_IF_ERROR(Prune(*pipeline, dev, o, tagger_ptr, parser_ptr));
  }
  Log("parser trained at " + std::to_string(Seconds(start)) + " s");
  CG_ASSIGN_OR_RETURN(std::vector<Sentence> predicted,
                      AnnotateAll(*pipeline, dev.sentences));
  Scores dev_scores = Score(predicted, dev.sentences);
  std::string meta =
      TrainingMetadata(o, train, dev, cluster_meta, parser_meta, dev_scores);
  pipeline->set_metadata(meta);
  Log("dev: " + dev_scores.ToString());
  CG_RETURN_IF_ERROR(SaveChecked(*pipeline, o.out, dev, dev_scores));
  std::cout << meta << "\n";
  Log("wrote " + o.out + "/" + kModelFileName + " in " +
      std::to_string(Seconds(start)) + " s");
  return OkStatus();
}

Status RunEval(const Options& o) {
  CG_ASSIGN_OR_RETURN(auto pipeline, Pipeline::Load(o.model));
  if (o.beam > 0) pipeline->set_parser_beam(o.beam);
  CG_ASSIGN_OR_RETURN(Treebank gold, ReadTreebank(o.eval));
  CG_ASSIGN_OR_RETURN(std::vector<Sentence> predicted,
                      AnnotateAll(*pipeline, gold.sentences));
  std::cout << o.eval << " (parser beam " << pipeline->parser_beam()
            << "): " << Score(predicted, gold.sentences).ToString() << "\n";
  return OkStatus();
}

// Writes the model of --model to --out with the decoding beam of --beam
// (the weights are unchanged; the metadata notes the new beam).
Status RunRewrite(const Options& o) {
  if (o.beam < 1) return InvalidArgumentError("--rewrite needs --beam");
  CG_ASSIGN_OR_RETURN(auto pipeline, Pipeline::Load(o.model));
  pipeline->set_parser_beam(o.beam);
  pipeline->set_metadata(pipeline->metadata() + "; decoding beam set to " +
                         std::to_string(pipeline->parser_beam()));
  std::filesystem::create_directories(o.out);
  CG_RETURN_IF_ERROR(pipeline->Save(o.out));
  std::cout << pipeline->metadata() << "\n";
  return OkStatus();
}

// Median model load time and words per second of Annotate over `repeats`
// runs, single-threaded; wall-clock and CPU (of this thread) time.
Status RunBench(const Options& o) {
  std::vector<double> load_wall, load_cpu, rate_wall, rate_cpu;
  std::unique_ptr<Pipeline> pipeline;
  for (int r = 0; r < o.repeats; ++r) {
    auto start = Clock::now();
    double cpu = ThreadCpuSeconds();
    CG_ASSIGN_OR_RETURN(pipeline, Pipeline::Load(o.model));
    if (o.beam > 0) pipeline->set_parser_beam(o.beam);
    load_cpu.push_back(ThreadCpuSeconds() - cpu);
    load_wall.push_back(Seconds(start));
  }
  CG_ASSIGN_OR_RETURN(Treebank bank, ReadTreebank(o.bench));
  std::vector<Sentence> input = Blank(bank.sentences);
  for (int r = 0; r < o.repeats; ++r) {
    std::vector<Sentence> work = input;
    auto start = Clock::now();
    double cpu = ThreadCpuSeconds();
    for (Sentence& s : work) CG_RETURN_IF_ERROR(pipeline->Annotate(&s));
    rate_cpu.push_back(bank.words / (ThreadCpuSeconds() - cpu));
    rate_wall.push_back(bank.words / Seconds(start));
  }
  std::printf(
      "model load: median %.3f s wall, %.3f s CPU over %d loads\n"
      "tag+lemmatise+parse: median %.0f words/s wall, %.0f words/s CPU over "
      "%d passes of %ld words (%s), parser beam %d\n",
      Median(load_wall), Median(load_cpu), o.repeats, Median(rate_wall),
      Median(rate_cpu), o.repeats, bank.words, o.bench.c_str(),
      pipeline->parser_beam());
  return OkStatus();
}

int Main(int argc, char** argv) {
  CLI::App app{
      "claimgraph-train: train the tagger, lemmatiser and parser on a UD "
      "treebank (CoNLL-U), score a model on gold tokens (--eval), or measure "
      "its speed (--bench). Exit codes: 0 ok, 1 failure, 2 usage, 3 bad "
      "input, 4 file not found."};
  Options o;
  AddOptions(&app, &o);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  if (o.model.empty()) o.model = DefaultModelDir();
  Status status;
  if (o.rewrite) {
    status = RunRewrite(o);
  } else if (!o.eval.empty()) {
    status = RunEval(o);
  } else if (!o.bench.empty()) {
    status = RunBench(o);
  } else if (!o.train.empty() && !o.dev.empty()) {
    status = RunTrain(o);
  } else {
    std::cerr << "claimgraph-train: error: give --train and --dev, or --eval, "
                 "or --bench (see --help)\n";
    return kExitUsage;
  }
  if (status.ok()) return kExitOk;
  return ReportError("claimgraph-train", status);
}

}  // namespace
}  // namespace claimgraph

int main(int argc, char** argv) { return claimgraph::Main(argc, argv); }
