// The statistical annotation pipeline: given the words of a sentence
// (already tokenised), predicts UPOS and XPOS tags, lemmas, dependency heads
// and relations with models trained on Universal Dependencies English EWT
// (see docs/nlp.md and data/models/README.md).
//
// Usage:
//   CG_ASSIGN_OR_RETURN(auto pipeline, Pipeline::Load(DefaultModelDir()));
//   CG_RETURN_IF_ERROR(pipeline->Annotate(&sentence));

#ifndef CLAIMGRAPH_TEXT_PIPELINE_H_
#define CLAIMGRAPH_TEXT_PIPELINE_H_

#include <memory>
#include <string>

#include "base/status.h"
#include "text/sentence.h"
#include "text/word_clusters.h"

namespace claimgraph {

class Tagger;
class Lemmatizer;
class Parser;
class BiaffineParser;

// The file inside a model directory that holds all three models.
inline constexpr char kModelFileName[] = "en_ewt.cgm";

// Where to look for models when none is given: $CLAIMGRAPH_MODELS if set;
// else the first "data/models" holding kModelFileName found walking up from
// the running executable's directory (works in a build tree inside the
// checkout); else "data/models" relative to the working directory.
std::string DefaultModelDir();

class Pipeline {
 public:
  // Reads <model_dir>/kModelFileName. NotFoundError if it is missing,
  // CorruptionError if it cannot be decoded.
  static StatusOr<std::unique_ptr<Pipeline>> Load(const std::string& model_dir);

  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // Fills lemma, upos, xpos, head and deprel of every word of `sentence`,
  // overwriting what was there; forms, offsets, feats, misc, multiword tokens
  // and empty nodes are left alone. Words must have non-empty forms
  // (InvalidArgumentError otherwise). A sentence without words is OK.
  // Thread-safe: const, may be called concurrently on different sentences.
  Status Annotate(Sentence* sentence) const;

  // For the training tool and tests: a pipeline from trained parts, and its
  // serialised form (layout in docs/nlp.md). `clusters` must be the word
  // clusters the tagger and parser were trained with, if any.
  static std::unique_ptr<Pipeline> FromParts(
      std::unique_ptr<Tagger> tagger, std::unique_ptr<Lemmatizer> lemmatizer,
      std::unique_ptr<Parser> parser, std::string metadata,
      std::shared_ptr<const WordClusters> clusters = nullptr);
  // The same with the biaffine parser (text/biaffine_parser.h).
  static std::unique_ptr<Pipeline> FromParts(
      std::unique_ptr<Tagger> tagger, std::unique_ptr<Lemmatizer> lemmatizer,
      std::unique_ptr<BiaffineParser> parser, std::string metadata,
      std::shared_ptr<const WordClusters> clusters = nullptr);
  std::string Encode() const;
  // For the training tool: takes the transition parser out (the pipeline is
  // then unusable), to combine it with a newly trained tagger. Null if the
  // model has the biaffine parser.
  std::unique_ptr<Parser> ReleaseParser();
  // Whether the model parses with the biaffine parser (else the transition
  // parser).
  bool biaffine() const { return biaffine_ != nullptr; }
  // The model's word clusters, or null.
  std::shared_ptr<const WordClusters> clusters() const { return clusters_; }
  // `name` prefixes error messages. CorruptionError on bad data.
  static StatusOr<std::unique_ptr<Pipeline>> Decode(std::string_view data,
                                                    const std::string& name);
  // Writes <model_dir>/kModelFileName (the directory must exist).
  Status Save(const std::string& model_dir) const;

  // The transition parser's decoding beam width (1: greedy; 0 for the
  // biaffine parser); set_parser_beam overrides the model's (see
  // Parser::set_beam) and is ignored by the biaffine parser.
  int parser_beam() const;
  void set_parser_beam(int beam);

  // Free-form description of the model (training data hash, dev scores).
  const std::string& metadata() const { return metadata_; }
  void set_metadata(std::string metadata) { metadata_ = std::move(metadata); }

 private:
  Pipeline();
  std::unique_ptr<Tagger> tagger_;
  std::unique_ptr<Lemmatizer> lemmatizer_;
  std::unique_ptr<Parser> parser_;  // One of these two is set.
  std::unique_ptr<BiaffineParser> biaffine_;
  std::shared_ptr<const WordClusters> clusters_;  // Null or shared.
  std::string metadata_;
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_TEXT_PIPELINE_H_
