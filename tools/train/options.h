// The command line of claimgraph-train (docs/nlp.md, "Training").

#ifndef CLAIMGRAPH_TOOLS_TRAIN_OPTIONS_H_
#define CLAIMGRAPH_TOOLS_TRAIN_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <memory>
#include <string>

#include "text/biaffine_parser.h"
#include "text/word_clusters.h"

namespace claimgraph {

struct Options {
  std::string train, dev, out = "data/models", eval, bench, model;
  // If set, the parser is taken from this model directory, not trained.
  std::string parser_from;
  // Defaults are the settings of the shipped model (data/models/README.md).
  int tagger_epochs = 8, parser_epochs = 15, jackknife = 4, repeats = 5;
  int tagger_passes = 1, tagger_features = 1, tagger_stack_folds = 4;
  int min_updates = 4, tagger_min_updates = 4;
  // --tagger-only: times this many rounds of tagging dev (0: none).
  int tagger_timing = 0;
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
  // "transition" or "biaffine" (text/biaffine_parser.h; needs
  // --embeddings, whose first biaffine_vector_words vectors it reads).
  std::string parser_kind = "transition";
  BiaffineOptions biaffine;
  int biaffine_vector_words = 100000;
  std::shared_ptr<const WordClusters> clusters;  // Built from the above.
};

// Registers every option of claimgraph-train on `app`, bound to `o`.
void AddOptions(CLI::App* app, Options* o);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_TOOLS_TRAIN_OPTIONS_H_
