#include "options.h"

namespace claimgraph {
namespace {

// The treebanks, the output, and the tagger's settings.
void AddTaggerOptions(CLI::App* app, Options* o) {
  app->add_option("--train", o->train, "Training treebank (CoNLL-U)");
  app->add_option("--dev", o->dev,
                  "Development treebank, scored after training");
  app->add_option("--out", o->out, "Directory to write the model to")
      ->capture_default_str();
  app->add_option("--tagger-epochs", o->tagger_epochs)->capture_default_str();
  app->add_option("--tagger-passes", o->tagger_passes,
                  "1, or 2 for a second tagger pass that sees the first "
                  "pass's tags of the words to the right, or 3: the second "
                  "pass also sees a right-to-left first pass's tags")
      ->capture_default_str();
  app->add_option("--tagger-features", o->tagger_features,
                  "Tagger feature set: 1 (the shipped model's), 2 (more "
                  "unknown-word and context features), 3 (2 plus word "
                  "clusters; needs --embeddings), 4 (3 with ambiguity "
                  "classes only for forms seen 8+ times) or 5 (3 trained on "
                  "ambiguity classes from the other folds)")
      ->capture_default_str();
  app->add_option("--tagger-stack-folds", o->tagger_stack_folds,
                  "Folds for the first-pass tags the second pass trains on")
      ->capture_default_str();
  app->add_option("--tagger-min-updates", o->tagger_min_updates,
                  "Like --min-updates, for the tagger (at most --min-updates)")
      ->capture_default_str();
  app->add_flag("--tagger-backward", o->tagger_backward,
                "The tagger's first pass tags right to left (not with "
                "--tagger-passes 3)");
  app->add_option("--tagger-timing", o->tagger_timing,
                  "With --tagger-only: tag dev this many times and log the "
                  "median words per thread CPU-second")
      ->capture_default_str();
  app->add_flag("--tagger-only", o->tagger_only,
                "Train only the tagger, log its dev scores per epoch and per "
                "--tagger-min-updates threshold, write nothing");
}

// Word clusters from word vectors.
void AddClusterOptions(CLI::App* app, Options* o) {
  app->add_option("--embeddings", o->embeddings,
                  "Word vectors (text: word v1 ... vD per line, most frequent "
                  "first) to cluster for --tagger-features 3 and "
                  "--parser-features 2");
  app->add_option("--cluster-words", o->cluster_words,
                  "Cluster the first (most frequent) N words of --embeddings")
      ->capture_default_str();
  app->add_option("--cluster-depth", o->cluster.depth,
                  "Depth of the cluster tree (at most 15)")
      ->capture_default_str();
  app->add_option("--cluster-iterations", o->cluster.iterations,
                  "k-means iterations per split")
      ->capture_default_str();
  app->add_option("--cluster-min-split", o->cluster.min_split,
                  "Clusters with fewer words are not split")
      ->capture_default_str();
  app->add_option("--parser-features", o->parser_features,
                  "Parser feature set: 1, 2 (adds word-cluster templates; "
                  "needs --embeddings), 3 (more of them) or 4 (a lean 10 of "
                  "them)")
      ->capture_default_str();
}

// The parser's settings and pruning.
void AddParserOptions(CLI::App* app, Options* o) {
  app->add_option("--parser-epochs,--epochs", o->parser_epochs)
      ->capture_default_str();
  app->add_option("--beam", o->beam,
                  "Training: parser beam width (1 or unset: greedy with the "
                  "dynamic oracle; more: global training, beam decoding). "
                  "--eval/--bench: decode with this beam instead of the "
                  "model's");
  app->add_option("--parser-from", o->parser_from,
                  "Train the tagger and lemmatiser but take the parser (and "
                  "its decoding beam) from the model in this directory");
  app->add_flag("--best-epoch", o->best_epoch,
                "Keep the parser weights of the epoch with the best dev LAS "
                "(early stopping) instead of the last epoch's");
  app->add_option("--jackknife", o->jackknife,
                  "Folds for the predicted tags the parser trains on (<2: "
                  "gold tags)")
      ->capture_default_str();
  app->add_option("--seed", o->seed)->capture_default_str();
  app->add_option("--min-updates", o->min_updates,
                  "Drop features updated fewer times in training")
      ->capture_default_str();
  app->add_flag("--sweep", o->sweep,
                "Log dev scores for every --min-updates threshold up to the "
                "given one");
}

// The biaffine parser's settings (--parser-kind biaffine).
void AddBiaffineOptions(CLI::App* app, Options* o) {
  app->add_option("--parser-kind", o->parser_kind,
                  "transition (the perceptron parser) or biaffine (a BiLSTM "
                  "with biaffine scorers; needs --embeddings)")
      ->check(CLI::IsMember({"transition", "biaffine"}))
      ->capture_default_str();
  BiaffineOptions& b = o->biaffine;
  app->add_option("--biaffine-epochs", b.epochs)->capture_default_str();
  app->add_option("--biaffine-batch", b.batch_sentences,
                  "Sentences per Adam step")
      ->capture_default_str();
  app->add_option("--biaffine-hidden", b.shape.hidden,
                  "LSTM units per direction")
      ->capture_default_str();
  app->add_option("--biaffine-layers", b.shape.layers, "BiLSTM layers")
      ->capture_default_str();
  app->add_option("--biaffine-arc-dim", b.shape.arc_dim)->capture_default_str();
  app->add_option("--biaffine-label-dim", b.shape.label_dim)
      ->capture_default_str();
  app->add_option("--biaffine-tag-dim", b.shape.tag_dim)->capture_default_str();
  app->add_option("--biaffine-lr", b.adam.learning_rate)->capture_default_str();
  app->add_option("--biaffine-vector-words", o->biaffine_vector_words,
                  "Pretrained vectors: the first N of --embeddings")
      ->capture_default_str();
  app->add_flag("--biaffine-tags", b.tag_head,
                "The biaffine parser also re-tags (UPOS, XPOS), learning "
                "from the tagger's jackknifed tags and the gold ones");
  app->add_option("--threads", b.threads,
                  "Threads for biaffine training (the result depends on it)")
      ->capture_default_str();
}

// The other modes: --rewrite, --eval, --bench.
void AddModeOptions(CLI::App* app, Options* o) {
  app->add_flag("--rewrite", o->rewrite,
                "Copy the model of --model to --out with the parser's "
                "decoding beam set to --beam");
  app->add_option("--eval", o->eval, "Score the model on this gold treebank");
  app->add_option("--bench", o->bench,
                  "Measure speed on this treebank's words");
  app->add_option("--model", o->model, "Model directory for --eval/--bench")
      ->default_str("the default model directory");
  app->add_option("--repeats", o->repeats, "Runs for --bench medians")
      ->capture_default_str();
}

}  // namespace

void AddOptions(CLI::App* app, Options* o) {
  AddTaggerOptions(app, o);
  AddClusterOptions(app, o);
  AddParserOptions(app, o);
  AddBiaffineOptions(app, o);
  AddModeOptions(app, o);
}

}  // namespace claimgraph
