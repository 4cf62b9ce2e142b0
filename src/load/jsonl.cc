#include <google/protobuf/descriptor.h>
#include <google/protobuf/reflection.h>
#include <google/protobuf/util/json_util.h>
#include <simdjson.h>

#include <cmath>
#include <cstring>
#include <deque>
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

// The fields of the message types met so far by the keys the fast path
// accepts for them, built once per ReadJsonl call instead of looking every
// key up in the descriptor pool (which needs a std::string of the key).
// Accepts what FindFieldByName, and failing that FindFieldByCamelcaseName
// with json_name() equal to the key, would find: the proto name, or the
// JSON name when it is the camel-case name.
class FieldIndex {
 public:
  const pb::FieldDescriptor* Find(const pb::Descriptor* d,
                                  std::string_view key) {
    const std::vector<Named>& names = NamesOf(d);
    for (const Named& n : names) {
      if (n.name == key) return n.field;
    }
    return nullptr;
  }

 private:
  struct Named {
    std::string_view name;  // Owned by the descriptor.
    const pb::FieldDescriptor* field;
  };

  const std::vector<Named>& NamesOf(const pb::Descriptor* d) {
    for (const auto& [type, names] : types_) {
      if (type == d) return names;
    }
    std::vector<Named> names;
    // Proto names first: they win over a camel-case name that equals one.
    for (int i = 0; i < d->field_count(); ++i) {
      names.push_back({d->field(i)->name(), d->field(i)});
    }
    for (int i = 0; i < d->field_count(); ++i) {
      const pb::FieldDescriptor* f = d->field(i);
      if (f->json_name() == f->camelcase_name() &&
          f->json_name() != f->name() &&
          d->FindFieldByCamelcaseName(f->camelcase_name()) == f) {
        names.push_back({f->json_name(), f});
      }
    }
    types_.emplace_back(d, std::move(names));
    return types_.back().second;
  }

  // Few types (a claim has six): a list is enough.
  std::deque<std::pair<const pb::Descriptor*, std::vector<Named>>> types_;
};

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
bool Fill(sj::object& object, pb::Message* message, FieldIndex& index);

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

bool FillValue(sj::value& v, const pb::FieldDescriptor* f, pb::Message* m,
               FieldIndex& index) {
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
                  repeated ? r->AddMessage(m, f) : r->MutableMessage(m, f),
                  index);
    }
    default:  // int32, int64, float: not in the claim schema's plain forms.
      return false;
  }
}

bool Fill(sj::object& object, pb::Message* message, FieldIndex& index) {
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
    const pb::FieldDescriptor* f = index.Find(d, key);
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
            !FillValue(element, f, message, index)) {
          return false;
        }
      }
    } else if (!FillValue(value, f, message, index)) {
      return false;
    }
  }
  // An empty object sets a message field's presence; protobuf's call.
  return num_fields > 0;
}

// True when `line` holds no control character: those are legal only as
// whitespace between tokens, never unescaped in strings, and such lines are
// left to protobuf so that no difference between the two parsers there can
// matter. Eight bytes at a time: (x - 0x20..20) & ~x & 0x80..80 is non-zero
// exactly when some byte of x is below 0x20.
bool NoControlCharacters(std::string_view line) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  uint64_t seen = 0;
  size_t i = 0;
  for (; i + 8 <= line.size(); i += 8) {
    uint64_t x;
    std::memcpy(&x, line.data() + i, 8);
    seen |= (x - 0x20 * kOnes) & ~x & (0x80 * kOnes);
  }
  for (; i < line.size(); ++i) {
    if (static_cast<unsigned char>(line[i]) < 0x20) return false;
  }
  return seen == 0;
}

// Parses `line` (which has SIMDJSON_PADDING bytes of capacity beyond its
// size) into `claim` with the fast path; false when the line needs
// protobuf's parser.
bool FastParse(sj::parser& parser, FieldIndex& index, const std::string& line,
               Claim* claim) {
  size_t first = line.find_first_not_of(' ');
  if (first == std::string::npos || line[first] != '{' ||
      !NoControlCharacters(line)) {
    return false;
  }
  sj::document doc;
  sj::object object;
  if (parser.iterate(line.data(), line.size(), line.capacity()).get(doc) ||
      doc.get_object().get(object)) {
    return false;
  }
  // On-Demand checks the object while Fill reads it, but not what follows:
  // after it only spaces may come, and then the iterator is at its end
  // (current_location() is out of bounds; it is not after an error).
  if (!Fill(object, claim, index) ||
      doc.current_location().error() != simdjson::OUT_OF_BOUNDS) {
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
  FieldIndex index;
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
    if (!FastParse(parser, index, line, &claim)) {
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
