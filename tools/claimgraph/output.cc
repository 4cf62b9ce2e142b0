#include "claimgraph/output.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace claimgraph::cli {
namespace {

// Display width in code points (close enough for alignment).
size_t Width(const std::string& s) {
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string OneLine(const std::string& s) {
  std::string out = s;
  std::replace(out.begin(), out.end(), '\n', ' ');
  std::replace(out.begin(), out.end(), '\t', ' ');
  return out;
}

void PrintAligned(const Table& table, std::ostream& out) {
  std::vector<size_t> widths;
  for (const std::string& c : table.columns) widths.push_back(Width(c));
  for (const auto& row : table.rows) {
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], Width(OneLine(row[i])));
    }
  }
  auto print_row = [&](const std::vector<std::string>& row) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      std::string cell = OneLine(row[i]);
      line += cell;
      if (i + 1 < row.size())
        line += std::string(widths[i] - Width(cell) + 2, ' ');
    }
    out << line << "\n";
  };
  print_row(table.columns);
  for (const auto& row : table.rows) print_row(row);
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void PrintCsv(const Table& table, std::ostream& out) {
  auto print_row = [&](const std::vector<std::string>& row) {
    for (size_t i = 0; i < row.size(); ++i) {
      out << (i ? "," : "") << CsvField(row[i]);
    }
    out << "\r\n";
  };
  print_row(table.columns);
  for (const auto& row : table.rows) print_row(row);
}

void PrintJson(const Table& table, std::ostream& out) {
  out << "[";
  for (size_t r = 0; r < table.rows.size(); ++r) {
    out << (r ? ",\n " : "\n ") << "{";
    for (size_t i = 0; i < table.columns.size(); ++i) {
      const std::string& value = table.rows[r][i];
      bool numeric =
          i < table.numeric.size() && table.numeric[i] && !value.empty();
      out << (i ? ", " : "") << JsonQuote(table.columns[i]) << ": "
          << (numeric ? value : JsonQuote(value));
    }
    out << "}";
  }
  out << (table.rows.empty() ? "]\n" : "\n]\n");
}

}  // namespace

void AddFormatOption(CLI::App& app, Format* format) {
  static const std::map<std::string, Format> kFormats = {
      {"table", Format::kTable},
      {"json", Format::kJson},
      {"csv", Format::kCsv}};
  app.add_option("--format", *format, "Output format: table, json or csv")
      ->transform(CLI::CheckedTransformer(kFormats, CLI::ignore_case))
      ->default_str("table");
}

void PrintTable(const Table& table, Format format, std::ostream& out) {
  switch (format) {
    case Format::kTable:
      return PrintAligned(table, out);
    case Format::kCsv:
      return PrintCsv(table, out);
    case Format::kJson:
      return PrintJson(table, out);
  }
}

}  // namespace claimgraph::cli
