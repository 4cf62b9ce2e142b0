#include <google/protobuf/descriptor.h>
#include <google/protobuf/reflection.h>
#include <google/protobuf/util/json_util.h>
#include <simdjson.h>

#include <cmath>
#include <iterator>
#include <limits>
#include <vector>

#include "load/load.h"

namespace claimgraph {
namespace {

namespace pb = google::protobuf;
namespace sj = simdjson::ondemand;

std::string Where(std::string_view name, int line) {
  return std::string(name) + ":" + std::to_string(line);
}

void ClearIds(Entity* entity) { entity->clear_id(); }

// The fast path of ReadJsonl: fills `message` from a simdjson On-Demand
// object the way protobuf's JSON parser would, for the plain forms only
// (strings, numbers of the field's kind, booleans, enum names, non-empty
// objects, arrays). Returns false on anything else — unknown fields, nulls,
// escaped keys, numbers as strings, enum numbers, out-of-range values, a
// field given twice (by one name or by both), a oneof set twice, any
// simdjson error — and the caller then parses the line with protobuf's
// JsonStringToMessage, which accepts or rejects it with its own message.
// So this never accepts a line protobuf would refuse, nor reads one
// differently.
bool Fill(sj::object& object, pb::Message* message);

// A key as written, without its quotes; false when it holds an escape.
bool PlainKey(sj::field& field, std::string_view* key) {
  const char* raw = field.key().raw();
  size_t n = 0;
  while (raw[n] != '"') {
    if (raw[n] == '\\') return false;
    ++n;
  }
  *key = std::string_view(raw, n);
  return true;
}

bool FillDouble(sj::value& v, double* out) {
  sj::number_type type;
  if (v.get_number_type().get(type)) return false;
  double d;
  if (v.get_double().get(d)) return false;
  // Integers beyond 2^53 could round differently from protobuf's parsing
  // of the text.
  if (!std::isfinite(d) || (type != sj::number_type::floating_point_number &&
                            std::fabs(d) > 0x1p53)) {
    return false;
  }
  *out = d;
  return true;
}

bool FillValue(sj::value& v, const pb::FieldDescriptor* f, pb::Message* m) {
  const pb::Reflection* r = m->GetReflection();
  bool repeated = f->is_repeated();
  sj::json_type type;
  if (v.type().get(type) || type == sj::json_type::null) return false;
  switch (f->cpp_type()) {
    case pb::FieldDescriptor::CPPTYPE_STRING: {
      std::string_view s;
      if (type != sj::json_type::string ||
          f->type() == pb::FieldDescriptor::TYPE_BYTES ||
          v.get_string().get(s)) {
        return false;
      }
      repeated ? r->AddString(m, f, std::string(s))
               : r->SetString(m, f, std::string(s));
      return true;
    }
    case pb::FieldDescriptor::CPPTYPE_DOUBLE: {
      double d;
      if (type != sj::json_type::number || !FillDouble(v, &d)) return false;
      // Zero is left to protobuf: an explicitly present default keeps
      // presence rules to it, and "-0" is not 0 to it.
      if (d == 0) return false;
      repeated ? r->AddDouble(m, f, d) : r->SetDouble(m, f, d);
      return true;
    }
    case pb::FieldDescriptor::CPPTYPE_UINT32:
    case pb::FieldDescriptor::CPPTYPE_UINT64: {
      sj::number_type number;
      uint64_t u;
      // get_uint64 refuses negative numbers; 0 (the default, and "-0") is
      // left to protobuf.
      if (type != sj::json_type::number || v.get_number_type().get(number) ||
          number == sj::number_type::floating_point_number ||
          v.get_uint64().get(u) || u == 0) {
        return false;
      }
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
      bool b;
      if (type != sj::json_type::boolean || v.get_bool().get(b)) return false;
      repeated ? r->AddBool(m, f, b) : r->SetBool(m, f, b);
      return true;
    }
    case pb::FieldDescriptor::CPPTYPE_ENUM: {
      std::string_view s;
      if (type != sj::json_type::string || v.get_string().get(s)) return false;
      const pb::EnumValueDescriptor* e =
          f->enum_type()->FindValueByName(std::string(s));
      if (e == nullptr) return false;
      repeated ? r->AddEnum(m, f, e) : r->SetEnum(m, f, e);
      return true;
    }
    case pb::FieldDescriptor::CPPTYPE_MESSAGE: {
      sj::object object;
      if (type != sj::json_type::object || f->is_map() ||
          f->message_type()->file()->package() == "google.protobuf" ||
          v.get_object().get(object)) {
        return false;
      }
      return Fill(object,
                  repeated ? r->AddMessage(m, f) : r->MutableMessage(m, f));
    }
    default:  // int32, int64, float: not in the claim schema's plain forms.
      return false;
  }
}

bool Fill(sj::object& object, pb::Message* message) {
  const pb::Descriptor* d = message->GetDescriptor();
  // Fields and oneofs already given (a field may be named twice, by its
  // proto and its JSON name: protobuf's call).
  const pb::FieldDescriptor* fields_set[32];
  const pb::OneofDescriptor* oneofs_set[8];
  size_t num_fields = 0, num_oneofs = 0;
  for (auto field_result : object) {
    sj::field field;
    std::string_view key;
    if (std::move(field_result).get(field) || !PlainKey(field, &key))
      return false;
    std::string key_string(key);
    const pb::FieldDescriptor* f = d->FindFieldByName(key_string);
    if (f == nullptr) {
      f = d->FindFieldByCamelcaseName(key_string);
      if (f != nullptr && f->json_name() != key) return false;
    }
    if (f == nullptr || num_fields == std::size(fields_set)) return false;
    for (size_t i = 0; i < num_fields; ++i) {
      if (fields_set[i] == f) return false;
    }
    fields_set[num_fields++] = f;
    if (const pb::OneofDescriptor* o = f->real_containing_oneof()) {
      for (size_t i = 0; i < num_oneofs; ++i) {
        if (oneofs_set[i] == o) return false;
      }
      if (num_oneofs == std::size(oneofs_set)) return false;
      oneofs_set[num_oneofs++] = o;
    }
    sj::value& value = field.value();
    if (f->is_repeated()) {
      sj::array array;
      if (value.get_array().get(array)) return false;
      for (auto element_result : array) {
        sj::value element;
        if (std::move(element_result).get(element) ||
            !FillValue(element, f, message)) {
          return false;
        }
      }
    } else if (!FillValue(value, f, message)) {
      return false;
    }
  }
  // An empty object sets a message field's presence; protobuf's call.
  return num_fields > 0;
}

// True when `line` is one JSON object and nothing else but spaces, judged
// by brackets outside strings alone (On-Demand checks the object itself
// while it is read, but not what follows it), and holds no control
// character: those are legal only as whitespace between tokens, never
// unescaped in strings, and such lines are left to protobuf so that no
// difference between the two parsers there can matter.
bool OneObjectOnly(const std::string& line) {
  size_t i = line.find_first_not_of(' ');
  if (i == std::string::npos || line[i] != '{') return false;
  int depth = 0;
  bool in_string = false;
  for (; i < line.size(); ++i) {
    char c = line[i];
    if (static_cast<unsigned char>(c) < 0x20) return false;
    if (in_string) {
      if (c == '\\') {
        ++i;  // The escaped character, whatever it is.
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth == 0) break;
    }
  }
  if (i >= line.size()) return false;
  return line.find_first_not_of(' ', i + 1) == std::string::npos;
}

// Parses `line` (which has SIMDJSON_PADDING bytes of capacity beyond its
// size) into `claim` with the fast path; false when the line needs
// protobuf's parser.
bool FastParse(sj::parser& parser, const std::string& line, Claim* claim) {
  if (!OneObjectOnly(line)) return false;
  sj::document doc;
  sj::object object;
  if (parser.iterate(line.data(), line.size(), line.capacity()).get(doc) ||
      doc.get_object().get(object)) {
    return false;
  }
  if (!Fill(object, claim)) {
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
  sj::parser parser;
  std::string line;
  line.reserve(1024 + simdjson::SIMDJSON_PADDING);
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    Claim claim;
    Status status;
    if (line.capacity() < line.size() + simdjson::SIMDJSON_PADDING) {
      line.reserve(line.size() + simdjson::SIMDJSON_PADDING);
    }
    if (!FastParse(parser, line, &claim)) {
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
    result.claims.push_back(
        {std::move(claim), std::move(where), /*validated=*/true});
  }
  if (in.bad()) return IoError("reading " + std::string(name));
  return result;
}

}  // namespace claimgraph
