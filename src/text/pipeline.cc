#include "text/pipeline.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "text/biaffine_parser.h"
#include "text/lemmatizer.h"
#include "text/model_io.h"
#include "text/parser.h"
#include "text/tagger.h"

namespace claimgraph {
namespace {

constexpr char kMagic[] = "CGNLP\n";  // 6 bytes, then u32 version.
// 2: tagger passes byte; 3: parser beam; 4: word clusters, parser feature
// set byte; 5: a parser kind byte (kTransitionParser, kBiaffineParser).
constexpr uint32_t kVersion = 5;
constexpr uint8_t kTransitionParser = 0;
constexpr uint8_t kBiaffineParser = 1;

}  // namespace

std::string DefaultModelDir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("CLAIMGRAPH_MODELS"); env && *env) {
    return env;
  }
  std::error_code error;
  fs::path exe = fs::read_symlink("/proc/self/exe", error);
  if (!error) {
    for (fs::path dir = exe.parent_path(); !dir.empty();
         dir = dir.parent_path()) {
      fs::path candidate = dir / "data" / "models";
      if (fs::exists(candidate / kModelFileName, error)) {
        return candidate.string();
      }
      if (dir == dir.root_path()) break;
    }
  }
  return "data/models";
}

Pipeline::Pipeline() = default;
Pipeline::~Pipeline() = default;

std::unique_ptr<Pipeline> Pipeline::FromParts(
    std::unique_ptr<Tagger> tagger, std::unique_ptr<Lemmatizer> lemmatizer,
    std::unique_ptr<Parser> parser, std::string metadata,
    std::shared_ptr<const WordClusters> clusters) {
  std::unique_ptr<Pipeline> pipeline(new Pipeline());
  pipeline->clusters_ = std::move(clusters);
  pipeline->tagger_ = std::move(tagger);
  pipeline->lemmatizer_ = std::move(lemmatizer);
  pipeline->parser_ = std::move(parser);
  pipeline->metadata_ = std::move(metadata);
  return pipeline;
}

std::unique_ptr<Pipeline> Pipeline::FromParts(
    std::unique_ptr<Tagger> tagger, std::unique_ptr<Lemmatizer> lemmatizer,
    std::unique_ptr<BiaffineParser> parser, std::string metadata,
    std::shared_ptr<const WordClusters> clusters) {
  auto pipeline = FromParts(std::move(tagger), std::move(lemmatizer),
                            std::unique_ptr<Parser>(), std::move(metadata),
                            std::move(clusters));
  pipeline->biaffine_ = std::move(parser);
  return pipeline;
}

std::string Pipeline::Encode() const {
  ModelWriter out;
  for (size_t i = 0; i + 1 < sizeof(kMagic); ++i) out.U8(kMagic[i]);
  out.U32(kVersion);
  out.Str(metadata_);
  if (clusters_ != nullptr) {
    clusters_->Save(&out);
  } else {
    out.U32(0);
  }
  tagger_->Save(&out);
  lemmatizer_->Save(&out);
  if (biaffine_ != nullptr) {
    out.U8(kBiaffineParser);
    biaffine_->Save(&out);
  } else {
    out.U8(kTransitionParser);
    parser_->Save(&out);
  }
  return out.data();
}

StatusOr<std::unique_ptr<Pipeline>> Pipeline::Decode(std::string_view data,
                                                     const std::string& name) {
  ModelReader in(data, name);
  for (size_t i = 0; i + 1 < sizeof(kMagic); ++i) {
    if (in.U8() != static_cast<uint8_t>(kMagic[i])) {
      in.Fail("not a claimgraph NLP model (bad magic)");
      return in.status();
    }
  }
  // Version 1 files (one tagger pass, no passes byte), version 2 files
  // (greedy parser, no beam width) and version 3 files (no clusters, no
  // parser feature set) still load.
  const uint32_t version = in.U32();
  if (in.ok() && (version < 1 || version > kVersion)) {
    in.Fail("unsupported model version " + std::to_string(version));
  }
  std::unique_ptr<Pipeline> pipeline(new Pipeline());
  pipeline->metadata_ = in.Str();
  if (!in.ok()) return in.status();
  if (version >= 4) {
    CG_ASSIGN_OR_RETURN(WordClusters clusters, WordClusters::Load(&in));
    if (!clusters.empty()) {
      pipeline->clusters_ =
          std::make_shared<const WordClusters>(std::move(clusters));
    }
  }
  CG_ASSIGN_OR_RETURN(pipeline->tagger_,
                      Tagger::Load(&in, version >= 2, pipeline->clusters_));
  CG_ASSIGN_OR_RETURN(pipeline->lemmatizer_, Lemmatizer::Load(&in));
  const uint8_t kind = version >= 5 ? in.U8() : kTransitionParser;
  if (in.ok() && kind == kBiaffineParser) {
    CG_ASSIGN_OR_RETURN(pipeline->biaffine_, BiaffineParser::Load(&in));
  } else if (in.ok() && kind == kTransitionParser) {
    CG_ASSIGN_OR_RETURN(
        pipeline->parser_,
        Parser::Load(&in, version >= 3, version >= 4, pipeline->clusters_));
  } else {
    in.Fail("unknown parser kind " + std::to_string(kind));
  }
  if (!in.at_end()) in.Fail("trailing bytes after the parser");
  if (!in.ok()) return in.status();
  return pipeline;
}

StatusOr<std::unique_ptr<Pipeline>> Pipeline::Load(
    const std::string& model_dir) {
  std::string path =
      (std::filesystem::path(model_dir) / kModelFileName).string();
  CG_ASSIGN_OR_RETURN(std::string data, ReadWholeFile(path));
  return Decode(data, path);
}

Status Pipeline::Save(const std::string& model_dir) const {
  std::string path =
      (std::filesystem::path(model_dir) / kModelFileName).string();
  return WriteWholeFile(path, Encode());
}

std::unique_ptr<Parser> Pipeline::ReleaseParser() { return std::move(parser_); }

int Pipeline::parser_beam() const { return parser_ ? parser_->beam() : 0; }
void Pipeline::set_parser_beam(int beam) {
  if (parser_) parser_->set_beam(beam);
}

Status Pipeline::Annotate(Sentence* sentence) const {
  for (size_t i = 0; i < sentence->words.size(); ++i) {
    if (sentence->words[i].form.empty()) {
      return InvalidArgumentError("word " + std::to_string(i + 1) +
                                  " has an empty form");
    }
  }
  if (sentence->words.empty()) return OkStatus();
  tagger_->Tag(&sentence->words);
  // The parser reads forms and tags only; lemmas come last, from the
  // biaffine parser's tags when it re-tags.
  if (biaffine_ != nullptr) {
    biaffine_->Parse(&sentence->words);
  } else {
    parser_->Parse(&sentence->words);
  }
  lemmatizer_->Lemmatize(&sentence->words);
  return OkStatus();
}

}  // namespace claimgraph
