#include <google/protobuf/descriptor.h>
#include <google/protobuf/reflection.h>
#include <google/protobuf/util/json_util.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <vector>

#include "load/load.h"

namespace claimgraph {
namespace {

namespace pb = google::protobuf;
using Json = nlohmann::json;

std::string Where(std::string_view name, int line) {
  return std::string(name) + ":" + std::to_string(line);
}

void ClearIds(Entity* entity) { entity->clear_id(); }

// The fast path of ReadJsonl: fills `message` from a parsed JSON value the
// way protobuf's JSON parser would, for the plain forms only (strings,
// numbers of the field's kind, booleans, enum names, objects, arrays).
// Returns false on anything else — unknown fields, nulls, numbers as
// strings, enum numbers, out-of-range values, a oneof set twice — and the
// caller then parses the line with protobuf's JsonStringToMessage, which
// accepts or rejects it with its own message. So this never accepts a
// line protobuf would refuse, nor reads one differently.
bool Fill(const Json& json, pb::Message* message);

bool FillValue(const Json& v, const pb::FieldDescriptor* f, pb::Message* m) {
  const pb::Reflection* r = m->GetReflection();
  bool repeated = f->is_repeated();
  switch (f->cpp_type()) {
    case pb::FieldDescriptor::CPPTYPE_STRING: {
      if (!v.is_string() || f->type() == pb::FieldDescriptor::TYPE_BYTES) {
        return false;
      }
      const std::string& s = v.get_ref<const std::string&>();
      repeated ? r->AddString(m, f, s) : r->SetString(m, f, s);
      return true;
    }
    case pb::FieldDescriptor::CPPTYPE_DOUBLE: {
      if (!v.is_number()) return false;
      double d = v.get<double>();
      // Integers beyond 2^53 could round differently from protobuf's
      // parsing of the text; an explicitly present default keeps presence
      // rules to protobuf.
      if (!std::isfinite(d) ||
          (!v.is_number_float() && std::fabs(d) > 0x1p53) ||
          (d == 0 && f->has_presence())) {
        return false;
      }
      repeated ? r->AddDouble(m, f, d) : r->SetDouble(m, f, d);
      return true;
    }
    case pb::FieldDescriptor::CPPTYPE_UINT32:
    case pb::FieldDescriptor::CPPTYPE_UINT64: {
      if (!v.is_number_unsigned()) return false;
      uint64_t u = v.get<uint64_t>();
      if (f->cpp_type() == pb::FieldDescriptor::CPPTYPE_UINT32) {
        if (u > std::numeric_limits<uint32_t>::max()) return false;
        auto u32 = static_cast<uint32_t>(u);
        repeated ? r->AddUInt32(m, f, u32) : r->SetUInt32(m, f, u32);
      } else {
        repeated ? r->AddUInt64(m, f, u) : r->SetUInt64(m, f, u);
      }
      return true;
    }
    case pb::FieldDescriptor::CPPTYPE_BOOL: {
      if (!v.is_boolean()) return false;
      bool b = v.get<bool>();
      repeated ? r->AddBool(m, f, b) : r->SetBool(m, f, b);
      return true;
    }
    case pb::FieldDescriptor::CPPTYPE_ENUM: {
      if (!v.is_string()) return false;
      const pb::EnumValueDescriptor* e =
          f->enum_type()->FindValueByName(v.get_ref<const std::string&>());
      if (e == nullptr) return false;
      repeated ? r->AddEnum(m, f, e) : r->SetEnum(m, f, e);
      return true;
    }
    case pb::FieldDescriptor::CPPTYPE_MESSAGE: {
      if (!v.is_object() || f->is_map() ||
          f->message_type()->file()->package() == "google.protobuf") {
        return false;
      }
      return Fill(v, repeated ? r->AddMessage(m, f) : r->MutableMessage(m, f));
    }
    default:  // int32, int64, float: not in the claim schema's plain forms.
      return false;
  }
}

bool Fill(const Json& json, pb::Message* message) {
  if (!json.is_object()) return false;
  const pb::Descriptor* d = message->GetDescriptor();
  std::vector<const pb::OneofDescriptor*> oneofs_set;
  // Fields given twice (by proto name and JSON name) are protobuf's call.
  std::vector<const pb::FieldDescriptor*> fields_set;
  for (const auto& [key, value] : json.items()) {
    const pb::FieldDescriptor* f = d->FindFieldByName(key);
    if (f == nullptr) {
      f = d->FindFieldByCamelcaseName(key);
      if (f != nullptr && f->json_name() != key) return false;
    }
    if (f == nullptr || value.is_null()) return false;
    if (value.is_object() && value.empty()) return false;
    for (const pb::FieldDescriptor* seen : fields_set) {
      if (seen == f) return false;
    }
    fields_set.push_back(f);
    if (const pb::OneofDescriptor* o = f->real_containing_oneof()) {
      for (const pb::OneofDescriptor* seen : oneofs_set) {
        if (seen == o) return false;
      }
      oneofs_set.push_back(o);
    }
    if (f->is_repeated()) {
      if (!value.is_array()) return false;
      for (const Json& element : value) {
        if (element.is_null() || !FillValue(element, f, message)) return false;
      }
    } else if (!FillValue(value, f, message)) {
      return false;
    }
  }
  return true;
}

// Parses `line` into `claim` with the fast path; false when the line needs
// protobuf's parser. Duplicate keys (which the DOM would merge) also fall
// back.
bool FastParse(const std::string& line, Claim* claim) {
  std::vector<size_t> keys;  // Keys seen in each open object.
  bool duplicate = false;
  Json json = Json::parse(
      line,
      [&](int, Json::parse_event_t event, Json& parsed) {
        switch (event) {
          case Json::parse_event_t::object_start:
            keys.push_back(0);
            break;
          case Json::parse_event_t::key:
            if (!keys.empty()) ++keys.back();
            break;
          case Json::parse_event_t::object_end:
            if (!keys.empty()) {
              if (parsed.size() != keys.back()) duplicate = true;
              keys.pop_back();
            }
            break;
          default:
            break;
        }
        return true;
      },
      /*allow_exceptions=*/false);
  if (json.is_discarded() || duplicate) return false;
  if (!Fill(json, claim)) {
    claim->Clear();
    return false;
  }
  return true;
}

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
    Status status;
    if (!FastParse(line, &claim)) {
      claim.Clear();
      auto parsed = google::protobuf::util::JsonStringToMessage(line, &claim,
                                                                parse_options);
      if (!parsed.ok()) {
        status = InvalidArgumentError(
            "expected a claim as one JSON object (protobuf JSON mapping): " +
            std::string(parsed.message()));
      }
    }
    if (status.ok()) status = ValidateClaim(claim);
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
