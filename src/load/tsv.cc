#include <cerrno>
#include <cstdlib>
#include <map>

#include "load/load.h"
#include "model/claim.h"

namespace claimgraph {
namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return fields;
}

// "30,000,000" or "76" -> number.
StatusOr<double> ParseNumber(const std::string& text) {
  std::string digits;
  for (char c : text) {
    if (c != ',' && c != ' ') digits += c;
  }
  char* end = nullptr;
  errno = 0;
  double value = std::strtod(digits.c_str(), &end);
  if (digits.empty() || *end != '\0' || errno == ERANGE) {
    return InvalidArgumentError("column \"value\": expected a number, got \"" +
                                text + "\"");
  }
  return value;
}

using Row = std::map<std::string, std::string>;

StatusOr<Entity> MakeEntity(const Row& row, const std::string& name_column,
                            const std::string& type_column) {
  Entity entity;
  entity.set_name(row.at(name_column));
  auto type = row.find(type_column);
  if (type != row.end() && !type->second.empty()) {
    CG_ASSIGN_OR_RETURN(EntityType t, ParseEntityType(type->second));
    entity.set_type(t);
  }
  return entity;
}

const std::string& Get(const Row& row, const std::string& column) {
  static const std::string kEmpty;
  auto it = row.find(column);
  return it == row.end() ? kEmpty : it->second;
}

StatusOr<Claim> ClaimFromRow(const Row& row) {
  Claim claim;
  if (Get(row, "subject").empty()) {
    return InvalidArgumentError("column \"subject\" is empty");
  }
  CG_ASSIGN_OR_RETURN(*claim.mutable_subject(),
                      MakeEntity(row, "subject", "subject_type"));
  claim.set_predicate(Get(row, "predicate"));
  bool has_object = !Get(row, "object").empty();
  bool has_value = !Get(row, "value").empty();
  if (has_object == has_value) {
    return InvalidArgumentError(
        "expected exactly one of columns \"object\" and \"value\"");
  }
  if (has_object) {
    CG_ASSIGN_OR_RETURN(*claim.mutable_object(),
                        MakeEntity(row, "object", "object_type"));
  } else {
    CG_ASSIGN_OR_RETURN(double amount, ParseNumber(Get(row, "value")));
    claim.mutable_value()->set_amount(amount);
    claim.mutable_value()->set_unit(Get(row, "unit"));
  }
  const std::string& outlet = Get(row, "outlet");
  const std::string& url = Get(row, "url");
  const std::string& sentence = Get(row, "sentence");
  if (!outlet.empty() || !url.empty() || !sentence.empty()) {
    Evidence* evidence = claim.add_evidence();
    evidence->set_sentence(sentence);
    Source* source = evidence->mutable_source();
    source->set_outlet(outlet);
    source->set_url(url);
    source->set_published(Get(row, "published"));
  }
  if (!Get(row, "speaker").empty()) {
    Attribution* attribution = claim.mutable_attribution();
    attribution->mutable_speaker()->set_name(Get(row, "speaker"));
    attribution->set_cue("said");
    attribution->set_stance(REPORTED);
  }
  CG_RETURN_IF_ERROR(ValidateClaim(claim));
  return claim;
}

Status CheckHeader(const std::vector<std::string>& header) {
  const std::vector<std::string>& known = TsvColumns();
  std::map<std::string, int> seen;
  for (const std::string& column : header) {
    if (std::find(known.begin(), known.end(), column) == known.end()) {
      std::string list;
      for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
      return InvalidArgumentError("unknown column \"" + column +
                                  "\" (expected some of: " + list + ")");
    }
    if (++seen[column] > 1) {
      return InvalidArgumentError("column \"" + column + "\" appears twice");
    }
  }
  for (const char* required : {"subject", "predicate"}) {
    if (!seen.contains(required)) {
      return InvalidArgumentError(std::string("missing column \"") + required +
                                  "\"");
    }
  }
  if (!seen.contains("object") && !seen.contains("value")) {
    return InvalidArgumentError("expected a column \"object\" or \"value\"");
  }
  return OkStatus();
}

}  // namespace

const std::vector<std::string>& TsvColumns() {
  static const auto* columns = new std::vector<std::string>{
      "subject",     "subject_type", "predicate", "object",
      "object_type", "value",        "unit",      "outlet",
      "url",         "published",    "sentence",  "speaker"};
  return *columns;
}

StatusOr<ReadResult> ReadTsv(std::istream& in, std::string_view name,
                             const ReadOptions& options) {
  ReadResult result;
  std::string line;
  std::vector<std::string> header;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string where = std::string(name) + ":" + std::to_string(line_number);
    if (header.empty()) {
      header = SplitTabs(line);
      Status status = CheckHeader(header);
      if (!status.ok()) return status.WithPrefix(where);
      continue;
    }
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    std::vector<std::string> fields = SplitTabs(line);
    StatusOr<Claim> claim =
        fields.size() == header.size() ? [&]() -> StatusOr<Claim> {
      Row row;
      for (size_t i = 0; i < header.size(); ++i) {
        row[header[i]] = fields[i];
      }
      return ClaimFromRow(row);
    }()
        : StatusOr<Claim>(InvalidArgumentError(
              "expected " + std::to_string(header.size()) +
              " tab-separated fields as in the header, got " +
              std::to_string(fields.size())));
    if (!claim.ok()) {
      if (!options.skip_bad) return claim.status().WithPrefix(where);
      result.skipped.push_back({where, claim.status()});
      continue;
    }
    result.claims.push_back({std::move(*claim), where, /*validated=*/true});
  }
  if (header.empty()) {
    return InvalidArgumentError(std::string(name) +
                                ":1: expected a header row naming the columns");
  }
  if (in.bad()) return IoError("reading " + std::string(name));
  return result;
}

}  // namespace claimgraph
