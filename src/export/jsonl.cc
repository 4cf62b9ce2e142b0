#include "export/jsonl.h"

#include <google/protobuf/util/json_util.h>

namespace claimgraph {

StatusOr<std::string> ClaimToJsonLine(const Claim& claim) {
  Claim copy = claim;
  copy.clear_id();
  copy.mutable_subject()->clear_id();
  if (copy.has_object()) copy.mutable_object()->clear_id();
  if (copy.attribution().has_speaker()) {
    copy.mutable_attribution()->mutable_speaker()->clear_id();
  }
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  std::string json;
  auto status =
      google::protobuf::util::MessageToJsonString(copy, &json, options);
  if (!status.ok()) {
    return InternalError("cannot write claim #" + std::to_string(claim.id()) +
                         " as JSON: " + std::string(status.message()));
  }
  return json;
}

Status ExportJsonl(const StoreReader& reader, std::ostream& out) {
  return reader.ForEachClaim([&](const Claim& claim) -> Status {
    CG_ASSIGN_OR_RETURN(std::string line, ClaimToJsonLine(claim));
    out << line << '\n';
    return out ? OkStatus() : IoError("writing the export");
  });
}

}  // namespace claimgraph
