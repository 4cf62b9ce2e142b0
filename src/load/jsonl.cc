#include <google/protobuf/util/json_util.h>

#include "load/load.h"

namespace claimgraph {
namespace {

std::string Where(std::string_view name, int line) {
  return std::string(name) + ":" + std::to_string(line);
}

void ClearIds(Entity* entity) { entity->clear_id(); }

}  // namespace

StatusOr<ReadResult> ReadJsonl(std::istream& in, std::string_view name,
                               const ReadOptions& options) {
  ReadResult result;
  google::protobuf::util::JsonParseOptions parse_options;
  parse_options.ignore_unknown_fields = false;
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    Claim claim;
    auto parsed = google::protobuf::util::JsonStringToMessage(line, &claim,
                                                              parse_options);
    Status status;
    if (!parsed.ok()) {
      status = InvalidArgumentError(
          "expected a claim as one JSON object (protobuf JSON mapping): " +
          std::string(parsed.message()));
    } else {
      status = ValidateClaim(claim);
    }
    std::string where = Where(name, line_number);
    if (!status.ok()) {
      if (!options.skip_bad) return status.WithPrefix(where);
      result.skipped.push_back({where, status});
      continue;
    }
    claim.clear_id();
    ClearIds(claim.mutable_subject());
    if (claim.has_object()) ClearIds(claim.mutable_object());
    result.claims.push_back({std::move(claim), std::move(where)});
  }
  if (in.bad()) return IoError("reading " + std::string(name));
  return result;
}

}  // namespace claimgraph
