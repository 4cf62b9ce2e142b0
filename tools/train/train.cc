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
#include "scores.h"
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

struct Options {
  std::string train, dev, out = "data/models", eval, bench, model;
  // If set, the parser is taken from this model directory, not trained.
  std::string parser_from;
  // Defaults are the settings of the shipped model (data/models/README.md).
  int tagger_epochs = 8, parser_epochs = 15, jackknife = 4, repeats = 5;
  int tagger_passes = 1, tagger_features = 1, tagger_stack_folds = 4;
  int min_updates = 4, tagger_min_updates = 4;
  // Training: the parser's beam (1: greedy). --eval/--bench: overrides the
  // model's decoding beam when > 0.
  int beam = 0;
  bool sweep = false, tagger_only = false, best_epoch = false;
  bool tagger_backward = false;
  bool rewrite = false;
  uint64_t seed = 1;
  // Word clusters from word vectors (--embeddings), for tagger feature set
  // 3 and parser feature set 2.
  std::string embeddings;
  int parser_features = 1;
  int cluster_words = 150000;
  ClusterOptions cluster;
  std::shared_ptr<const WordClusters> clusters;  // Built from the above.
};

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
  std::vector<Sentence> dev_tagged = dev;
  for (Sentence& s : dev_tagged) tagger.Tag(&s.words);
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

Status RunTrain(Options o) {
  auto start = Clock::now();
  CG_ASSIGN_OR_RETURN(Treebank train, ReadTreebank(o.train));
  CG_ASSIGN_OR_RETURN(Treebank dev, ReadTreebank(o.dev));
  Log("read " + std::to_string(train.sentences.size()) + " training sentences");
  CG_ASSIGN_OR_RETURN(const std::string cluster_meta, BuildClusters(&o));

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
  auto tagger = Tagger::Train(train.sentences, to);
  auto lemmatizer = Lemmatizer::Train(train.sentences);
  Log("tagger trained at " + std::to_string(Seconds(start)) + " s, " +
      std::to_string(ThreadCpuSeconds()) + " s CPU");
  if (o.tagger_only) {
    // Dev tag accuracy at every pruning threshold up to the given one.
    for (int t = 1; t <= o.tagger_min_updates; ++t) {
      tagger->Prune(t);
      std::vector<Sentence> tagged = Blank(dev.sentences);
      for (Sentence& s : tagged) tagger->Tag(&s.words);
      Log("tagger min updates " + std::to_string(t) + ": weights " +
          std::to_string(tagger->num_weights()) + ", dev " +
          Score(tagged, dev.sentences).ToString());
    }
    return OkStatus();
  }

  std::unique_ptr<Parser> parser;
  std::string parser_meta;
  if (!o.parser_from.empty()) {
    CG_ASSIGN_OR_RETURN(auto donor, Pipeline::Load(o.parser_from));
    if (donor->clusters() != nullptr) {
      return InvalidArgumentError(
          "--parser-from a model with word clusters is not supported");
    }
    parser_meta = donor->metadata();
    parser = donor->ReleaseParser();
  } else {
    parser = TrainParser(train.sentences, dev.sentences, *tagger, o);
    Log("parser trained at " + std::to_string(Seconds(start)) + " s");
  }

  Tagger* tagger_ptr = tagger.get();
  Parser* parser_ptr = parser.get();
  auto pipeline = Pipeline::FromParts(std::move(tagger), std::move(lemmatizer),
                                      std::move(parser), "", o.clusters);
  // Drop rare features, scoring dev at each threshold when sweeping.
  for (int t = o.sweep ? 1 : o.min_updates; t <= o.min_updates; ++t) {
    tagger_ptr->Prune(std::min(t, o.tagger_min_updates));
    parser_ptr->Prune(t);
    if (!o.sweep) break;
    CG_ASSIGN_OR_RETURN(std::vector<Sentence> predicted,
                        AnnotateAll(*pipeline, dev.sentences));
    Log("min updates " + std::to_string(t) + ": tagger weights " +
        std::to_string(tagger_ptr->num_weights()) + ", parser weights " +
        std::to_string(parser_ptr->num_weights()) + ", dev " +
        Score(predicted, dev.sentences).ToString());
  }
  CG_ASSIGN_OR_RETURN(std::vector<Sentence> predicted,
                      AnnotateAll(*pipeline, dev.sentences));
  Scores dev_scores = Score(predicted, dev.sentences);
  std::ostringstream meta;
  meta << "train " << std::filesystem::path(o.train).filename().string()
       << " fnv1a64 " << Hex(train.fnv) << " (" << train.sentences.size()
       << " sentences, " << train.words << " words); tagger epochs "
       << o.tagger_epochs << ", tagger passes " << o.tagger_passes
       << " (stack folds " << o.tagger_stack_folds << ", features "
       << o.tagger_features << (o.tagger_backward ? ", backward first" : "")
       << ")"
       << ", tagger min updates " << o.tagger_min_updates;
  if (o.parser_from.empty()) {
    meta << ", parser epochs " << o.parser_epochs
         << (o.best_epoch ? " (best dev epoch kept)" : "") << ", parser beam "
         << std::max(o.beam, 1) << ", jackknife " << o.jackknife
         << ", min updates " << o.min_updates;
  }
  meta << ", seed " << o.seed << cluster_meta;
  if (!o.parser_from.empty()) {
    // The parser's own training options are in its model's metadata.
    meta << "; parser (not trained here) from a model with metadata: ["
         << parser_meta << "]";
  }
  meta << "; dev " << std::filesystem::path(o.dev).filename().string()
       << " fnv1a64 " << Hex(dev.fnv) << ": " << dev_scores.ToString();
  pipeline->set_metadata(meta.str());
  Log("dev: " + dev_scores.ToString());
  std::filesystem::create_directories(o.out);
  CG_RETURN_IF_ERROR(pipeline->Save(o.out));
  // Check that what was written loads and predicts the same.
  CG_ASSIGN_OR_RETURN(auto loaded, Pipeline::Load(o.out));
  CG_ASSIGN_OR_RETURN(std::vector<Sentence> again,
                      AnnotateAll(*loaded, dev.sentences));
  if (Score(again, dev.sentences).las != dev_scores.las) {
    return InternalError("the saved model predicts differently");
  }
  std::cout << meta.str() << "\n";
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

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
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
  app.add_option("--train", o.train, "Training treebank (CoNLL-U)");
  app.add_option("--dev", o.dev, "Development treebank, scored after training");
  app.add_option("--out", o.out, "Directory to write the model to")
      ->capture_default_str();
  app.add_option("--tagger-epochs", o.tagger_epochs)->capture_default_str();
  app.add_option("--tagger-passes", o.tagger_passes,
                 "1, or 2 for a second tagger pass that sees the first "
                 "pass's tags of the words to the right, or 3: the second "
                 "pass also sees a right-to-left first pass's tags")
      ->capture_default_str();
  app.add_option("--tagger-features", o.tagger_features,
                 "Tagger feature set: 1 (the shipped model's), 2 (more "
                 "unknown-word and context features) or 3 (2 plus word "
                 "clusters; needs --embeddings)")
      ->capture_default_str();
  app.add_option("--embeddings", o.embeddings,
                 "Word vectors (text: word v1 ... vD per line, most frequent "
                 "first) to cluster for --tagger-features 3 and "
                 "--parser-features 2");
  app.add_option("--cluster-words", o.cluster_words,
                 "Cluster the first (most frequent) N words of --embeddings")
      ->capture_default_str();
  app.add_option("--cluster-depth", o.cluster.depth,
                 "Depth of the cluster tree (at most 15)")
      ->capture_default_str();
  app.add_option("--cluster-iterations", o.cluster.iterations,
                 "k-means iterations per split")
      ->capture_default_str();
  app.add_option("--cluster-min-split", o.cluster.min_split,
                 "Clusters with fewer words are not split")
      ->capture_default_str();
  app.add_option("--parser-features", o.parser_features,
                 "Parser feature set: 1, 2 (adds word-cluster templates; "
                 "needs --embeddings), 3 (more of them) or 4 (a lean 10 of "
                 "them)")
      ->capture_default_str();
  app.add_option("--tagger-stack-folds", o.tagger_stack_folds,
                 "Folds for the first-pass tags the second pass trains on")
      ->capture_default_str();
  app.add_option("--tagger-min-updates", o.tagger_min_updates,
                 "Like --min-updates, for the tagger (at most --min-updates)")
      ->capture_default_str();
  app.add_flag("--tagger-backward", o.tagger_backward,
               "The tagger's first pass tags right to left (not with "
               "--tagger-passes 3)");
  app.add_flag("--tagger-only", o.tagger_only,
               "Train only the tagger, log its dev scores per epoch and per "
               "--tagger-min-updates threshold, write nothing");
  app.add_option("--parser-epochs,--epochs", o.parser_epochs)
      ->capture_default_str();
  app.add_option("--beam", o.beam,
                 "Training: parser beam width (1 or unset: greedy with the "
                 "dynamic oracle; more: global training, beam decoding). "
                 "--eval/--bench: decode with this beam instead of the "
                 "model's");
  app.add_option("--parser-from", o.parser_from,
                 "Train the tagger and lemmatiser but take the parser (and "
                 "its decoding beam) from the model in this directory");
  app.add_flag("--best-epoch", o.best_epoch,
               "Keep the parser weights of the epoch with the best dev LAS "
               "(early stopping) instead of the last epoch's");
  app.add_option("--jackknife", o.jackknife,
                 "Folds for the predicted tags the parser trains on (<2: "
                 "gold tags)")
      ->capture_default_str();
  app.add_option("--seed", o.seed)->capture_default_str();
  app.add_option("--min-updates", o.min_updates,
                 "Drop features updated fewer times in training")
      ->capture_default_str();
  app.add_flag("--sweep", o.sweep,
               "Log dev scores for every --min-updates threshold up to the "
               "given one");
  app.add_flag("--rewrite", o.rewrite,
               "Copy the model of --model to --out with the parser's "
               "decoding beam set to --beam");
  app.add_option("--eval", o.eval, "Score the model on this gold treebank");
  app.add_option("--bench", o.bench, "Measure speed on this treebank's words");
  app.add_option("--model", o.model, "Model directory for --eval/--bench")
      ->default_str("the default model directory");
  app.add_option("--repeats", o.repeats, "Runs for --bench medians")
      ->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
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
    return 2;
  }
  if (status.ok()) return 0;
  std::cerr << "claimgraph-train: error: " << status.message() << "\n";
  switch (status.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kCorruption:
      return 3;
    case StatusCode::kNotFound:
      return 4;
    default:
      return 1;
  }
}

}  // namespace
}  // namespace claimgraph

int main(int argc, char** argv) { return claimgraph::Main(argc, argv); }
