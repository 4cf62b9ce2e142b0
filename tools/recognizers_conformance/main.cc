// recognizers_conformance: runs the English test cases of Microsoft
// Recognizers-Text (../shared/benchmarks/recognizers/*.json) through
// claimgraph's recogniser and reports the pass rate per kind.
//
// Each input goes through Recognize() and MentionsToJson(), the same path
// as `claimgraph recognize`, and the JSON is read back. A case passes when
// every expected result of the kind is found with the same span and
// resolution and nothing else of that kind is found.
//
// Usage: recognizers_conformance DIR [--show KIND] [--limit N]

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "recognize/recognize.h"

namespace claimgraph {
namespace {

using nlohmann::json;

struct Expected {
  int start = 0, end = 0;  // Code points, end exclusive.
  std::string text;
  std::optional<double> value;
  std::string iso;  // Currency code, if given.
  std::optional<double> min, max;
  bool min_inclusive = true, max_inclusive = true;
  std::string timex;
  std::string type;  // For dates: "date" or "daterange".
};

struct Kind {
  std::string name;
  int cases = 0;
  int passed = 0;
  std::vector<std::string> failures;
};

bool Near(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b)) ||
         std::fabs(a - b) <= 1e-13 * std::fabs(b) * 1e4;
}

std::optional<double> Number(const json& v) {
  if (v.is_number()) return v.get<double>();
  if (!v.is_string()) return std::nullopt;
  std::string s = v.get<std::string>();
  if (!s.empty() && s.back() == '%') s.pop_back();
  if (s.empty() || s == "null") return std::nullopt;
  try {
    return std::stod(s);
  } catch (...) {
    return std::nullopt;
  }
}

// "(20,35]", "[30,)", "(,100]".
void ParseInterval(const std::string& v, Expected* e) {
  if (v.size() < 3) return;
  size_t comma = v.find(',');
  std::string lo = v.substr(1, comma - 1);
  std::string hi = v.substr(comma + 1, v.size() - comma - 2);
  if (!lo.empty()) e->min = std::stod(lo);
  if (!hi.empty()) e->max = std::stod(hi);
  e->min_inclusive = v.front() == '[';
  e->max_inclusive = v.back() == ']';
}

bool Matches(const std::string& kind, const Expected& e, const json& m) {
  if (m["start"].get<int>() != e.start || m["end"].get<int>() != e.end) {
    return false;
  }
  auto num = [&](const char* key) -> std::optional<double> {
    if (!m.contains(key)) return std::nullopt;
    return m[key].get<double>();
  };
  auto same = [](std::optional<double> a, std::optional<double> b) {
    if (a.has_value() != b.has_value()) return false;
    return !a || Near(*a, *b);
  };
  if (kind == "numberrange") {
    if (!same(num("min"), e.min) || !same(num("max"), e.max)) return false;
    if (e.min && m["min_inclusive"].get<bool>() != e.min_inclusive) {
      return false;
    }
    if (e.max && m["max_inclusive"].get<bool>() != e.max_inclusive) {
      return false;
    }
    return true;
  }
  if (kind == "duration" || kind == "date") {
    if (kind == "date" && m["type"].get<std::string>() != e.type) return false;
    return m.value("timex", "") == e.timex;
  }
  if (!same(num("value"), e.value)) return false;
  if (!e.iso.empty() && m.value("unit", "") != e.iso) return false;
  return true;
}

std::string Describe(const std::string& input, const std::vector<Expected>& ex,
                     const json& got) {
  std::string s = "  input: " + input + "\n  expected:";
  for (const Expected& e : ex) {
    char buf[64];
    std::snprintf(buf, sizeof buf, " [%d,%d)", e.start, e.end);
    s += buf + std::string(" '") + e.text + "'";
    if (e.value) s += " value=" + std::to_string(*e.value);
    if (!e.timex.empty()) s += " timex=" + e.timex + " " + e.type;
    if (e.min || e.max) {
      s += std::string(" ") + (e.min_inclusive ? "[" : "(") +
           (e.min ? std::to_string(*e.min) : "") + "," +
           (e.max ? std::to_string(*e.max) : "") +
           (e.max_inclusive ? "]" : ")");
    }
  }
  return s + "\n  got: " + got.dump() + "\n";
}

struct FileSpec {
  std::string file;
  std::string kind;                         // Report name.
  std::vector<std::string> types;           // Our types to request.
  std::vector<std::string> expected_types;  // RT TypeNames compared.
  std::vector<std::string> skip_types;      // Cases with these are skipped.
};

const std::vector<FileSpec>& Specs() {
  static const auto* specs = new std::vector<FileSpec>{
      {"Number_English_NumberModel.json", "number", {"number"}, {"number"}, {}},
      {"Number_English_OrdinalModel.json",
       "ordinal",
       {"ordinal"},
       {"ordinal"},
       {"ordinal.relative"}},
      {"Number_English_PercentModel.json",
       "percentage",
       {"percentage"},
       {"percentage"},
       {}},
      {"NumberWithUnit_English_CurrencyModel.json",
       "currency",
       {"currency"},
       {"currency"},
       {}},
      {"Number_English_NumberRangeModel.json",
       "numberrange",
       {"numberrange"},
       {"numberrange"},
       {}},
      {"DateTime_English_DurationParser.json",
       "duration",
       {"duration"},
       {"duration"},
       {}},
      {"DateTime_English_DateTimeModel.json",
       "date",
       {"date", "daterange"},
       {"datetimeV2.date", "datetimeV2.daterange"},
       {}},
  };
  return *specs;
}

// The expectation of one of a case's results, if it is of a type the spec
// compares; `*skip` is set when the case has a skipped type.
std::optional<Expected> ReadExpected(const FileSpec& spec, const json& r,
                                     bool* skip) {
  std::string type = r.value("TypeName", r.value("Type", ""));
  for (const auto& st : spec.skip_types) *skip |= type == st;
  bool wanted = type == "duration" && spec.kind == "duration";
  for (const auto& et : spec.expected_types) wanted |= type == et;
  if (!wanted) return std::nullopt;
  Expected e;
  e.text = r.value("Text", "");
  e.start = r.value("Start", 0);
  e.end = r.contains("Length") ? e.start + r["Length"].get<int>()
                               : r.value("End", -1) + 1;
  if (spec.kind == "duration") {
    e.timex = r["Value"].value("Timex", "");
  } else if (spec.kind == "date") {
    e.type = type == "datetimeV2.date" ? "date" : "daterange";
    e.timex = r["Resolution"]["values"][0].value("timex", "");
  } else {
    const json& res = r["Resolution"];
    if (spec.kind == "numberrange") {
      ParseInterval(res.value("value", ""), &e);
    } else if (res.contains("value") && !res["value"].is_null()) {
      e.value = Number(res["value"]);
    }
    e.iso = res.value("isoCurrency", "");
    std::string unit = res.value("unit", "");
    if (e.value && (unit == "Cent" || unit == "Pence" || unit == "Penny")) {
      *e.value /= 100;
    }
  }
  return e;
}

// Scores one case into `kind`, unless it is skipped or (for dates) has no
// result of a compared type. `options` keeps the last reference date.
void ScoreCase(const FileSpec& spec, const json& c, RecognizeOptions* options,
               Kind* kind) {
  std::vector<Expected> expected;
  bool skip = false, relevant = spec.kind != "date";
  for (const json& r : c["Results"]) {
    if (auto e = ReadExpected(spec, r, &skip)) {
      relevant = true;
      expected.push_back(std::move(*e));
    }
  }
  if (skip || !relevant) return;
  if (c.contains("Context") && c["Context"].contains("ReferenceDateTime")) {
    std::string ref = c["Context"]["ReferenceDateTime"];
    auto d = ParseIsoDate(ref.substr(0, 10));
    if (d.ok()) options->reference_date = *d;
  }
  ++kind->cases;
  std::string input = c.value("Input", "");
  auto mentions = Recognize(input, *options);
  json got = json::array();
  if (mentions.ok()) got = json::parse(MentionsToJson(*mentions));
  bool ok = got.size() == expected.size();
  for (size_t i = 0; ok && i < expected.size(); ++i) {
    bool found = false;
    for (const json& m : got) found |= Matches(spec.kind, expected[i], m);
    ok = found;
  }
  if (ok) {
    ++kind->passed;
  } else {
    kind->failures.push_back(Describe(input, expected, got));
  }
}

void PrintReport(const std::vector<Kind>& kinds, const std::string& show,
                 size_t limit) {
  std::printf("%-12s %6s %6s %7s\n", "kind", "cases", "passed", "rate");
  for (const Kind& k : kinds) {
    std::printf("%-12s %6d %6d %6.1f%%\n", k.name.c_str(), k.cases, k.passed,
                k.cases ? 100.0 * k.passed / k.cases : 0.0);
    if (k.name == show) {
      for (size_t i = 0; i < k.failures.size() && i < limit; ++i) {
        std::cout << k.failures[i];
      }
    }
  }
}

int Run(const std::string& dir, const std::string& show, size_t limit) {
  std::vector<Kind> kinds;
  size_t missing = 0;
  for (const FileSpec& spec : Specs()) {
    std::string path = dir + "/" + spec.file;
    std::ifstream in(path);
    if (!in) {
      std::cerr << "recognizers_conformance: cannot open " << path << "\n";
      ++missing;
      continue;
    }
    json cases;
    try {
      cases = json::parse(in, nullptr, true, true);
    } catch (const std::exception& e) {
      std::cerr << "recognizers_conformance: " << path << ": " << e.what()
                << "\n";
      return 1;
    }
    Kind kind;
    kind.name = spec.kind;
    RecognizeOptions options;
    for (const std::string& t : spec.types) {
      options.types.push_back(*ParseMentionType(t));
    }
    for (const json& c : cases) ScoreCase(spec, c, &options, &kind);
    kinds.push_back(std::move(kind));
  }
  if (missing == Specs().size()) {
    std::cerr << "recognizers_conformance: no test files in '" << dir
              << "' (expected ../shared/benchmarks/recognizers)\n";
    return 1;
  }
  PrintReport(kinds, show, limit);
  return 0;
}

}  // namespace
}  // namespace claimgraph

int main(int argc, char** argv) {
  if (argc < 2 || std::string(argv[1]) == "--help") {
    std::cerr << "usage: recognizers_conformance DIR [--show KIND] "
                 "[--limit N]\n"
                 "  DIR: ../shared/benchmarks/recognizers\n";
    return argc < 2 ? 2 : 0;
  }
  std::string show;
  size_t limit = 1000;
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--show") show = argv[i + 1];
    if (flag == "--limit") limit = std::stoul(argv[i + 1]);
  }
  return claimgraph::Run(argv[1], show, limit);
}
