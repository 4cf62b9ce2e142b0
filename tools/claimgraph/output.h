// Tabular output in the formats every listing command offers:
// --format table (aligned columns, for people), csv (RFC 4180) or json (an
// array of objects keyed by column name, all values strings unless numeric).

#ifndef CLAIMGRAPH_TOOLS_CLAIMGRAPH_OUTPUT_H_
#define CLAIMGRAPH_TOOLS_CLAIMGRAPH_OUTPUT_H_

#include <CLI/CLI.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "base/json.h"

namespace claimgraph::cli {

enum class Format { kTable, kJson, kCsv };

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  // Columns whose values are numbers (written unquoted in JSON).
  std::vector<bool> numeric;
};

// Adds "--format table|json|csv" to `app`.
void AddFormatOption(CLI::App& app, Format* format);

void PrintTable(const Table& table, Format format, std::ostream& out);

}  // namespace claimgraph::cli

#endif  // CLAIMGRAPH_TOOLS_CLAIMGRAPH_OUTPUT_H_
