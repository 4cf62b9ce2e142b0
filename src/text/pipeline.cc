#include "text/pipeline.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace claimgraph {

// Complete types are needed for unique_ptr's destructor; defined in
// tagger.h, lemmatizer.h, parser.h once they exist.
class Tagger {};
class Lemmatizer {};
class Parser {};

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

StatusOr<std::unique_ptr<Pipeline>> Pipeline::Load(
    const std::string& model_dir) {
  return FailedPreconditionError("no trained model yet in " + model_dir);
}

Status Pipeline::Annotate(Sentence* sentence) const {
  return FailedPreconditionError("no trained model yet");
}

}  // namespace claimgraph
