#include <filesystem>
#include <fstream>

#include "load/load.h"

namespace claimgraph {

StatusOr<ReadResult> ReadClaimFile(const std::string& path,
                                   const ReadOptions& options) {
  std::filesystem::path p(path);
  std::string ext = p.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(c));
  if (ext != ".jsonl" && ext != ".json" && ext != ".tsv") {
    return InvalidArgumentError(path +
                                ": unsupported file type (expected .jsonl, "
                                ".json or .tsv)");
  }
  std::error_code ec;
  if (!std::filesystem::is_regular_file(p, ec)) {
    return NotFoundError(path + ": no such file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(path + ": cannot open for reading");
  return ext == ".tsv" ? ReadTsv(in, path, options)
                       : ReadJsonl(in, path, options);
}

}  // namespace claimgraph
