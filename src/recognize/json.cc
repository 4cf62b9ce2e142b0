// Mentions as one JSON line, without a JSON library.

#include "base/json.h"

#include <cmath>
#include <cstdio>
#include <string>

#include "recognize/recognize.h"

namespace claimgraph {
namespace {

void AppendString(std::string& out, std::string_view s) {
  AppendJsonString(s, &out);
}

void AppendNumber(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  char buf[32];
  if (v == std::floor(v) && std::fabs(v) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%.15g", v);
  }
  out += buf;
}

class ObjectWriter {
 public:
  explicit ObjectWriter(std::string& out) : out_(out) { out_ += '{'; }
  ~ObjectWriter() { out_ += '}'; }
  void Key(std::string_view k) {
    if (!first_) out_ += ',';
    first_ = false;
    AppendString(out_, k);
    out_ += ':';
  }
  void String(std::string_view k, std::string_view v) {
    Key(k);
    AppendString(out_, v);
  }
  void StringIfSet(std::string_view k, std::string_view v) {
    if (!v.empty()) String(k, v);
  }
  void Number(std::string_view k, double v) {
    Key(k);
    AppendNumber(out_, v);
  }
  void Bool(std::string_view k, bool v) {
    Key(k);
    out_ += v ? "true" : "false";
  }

 private:
  std::string& out_;
  bool first_ = true;
};

}  // namespace

std::string MentionsToJson(const std::vector<Mention>& mentions) {
  std::string out = "[";
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    if (i > 0) out += ',';
    ObjectWriter w(out);
    w.String("text", m.text);
    w.Number("start", m.start);
    w.Number("end", m.end);
    w.String("type", MentionTypeName(m.type));
    if (m.value) w.Number("value", *m.value);
    w.StringIfSet("unit", m.unit);
    w.StringIfSet("noun", m.noun);
    w.StringIfSet("per", m.per);
    if (m.min) {
      w.Number("min", *m.min);
      w.Bool("min_inclusive", m.min_inclusive);
    }
    if (m.max) {
      w.Number("max", *m.max);
      w.Bool("max_inclusive", m.max_inclusive);
    }
    if (m.approximate) w.Bool("approximate", true);
    w.StringIfSet("cue", m.cue);
    w.StringIfSet("timex", m.timex);
    w.StringIfSet("precision", m.precision);
    w.StringIfSet("from", m.range_from);
    w.StringIfSet("to", m.range_to);
    w.StringIfSet("long_form", m.long_form);
  }
  out += ']';
  return out;
}

}  // namespace claimgraph
