// claimgraph: a knowledge graph of claims reported in the news.

#include <algorithm>
#include <iostream>

#include "claimgraph/command.h"

namespace claimgraph::cli {

std::vector<CommandInfo>& Commands() {
  static auto* commands = new std::vector<CommandInfo>();
  return *commands;
}

int ReportError(const Status& status) {
  if (status.ok()) return kExitOk;
  return claimgraph::ReportError("claimgraph", status);
}

namespace {

int Main(int argc, char** argv) {
  CLI::App app{
      "claimgraph: a knowledge graph of claims reported in the news.\n"
      "Exit codes: 0 ok, 1 failure, 2 usage, 3 bad input, 4 not found, "
      "5 ambiguous name."};
  app.require_subcommand(1);
  GlobalOptions global;
  app.add_option("--db", global.db, "Database directory")
      ->envname("CLAIMGRAPH_DB")
      ->capture_default_str();
  app.fallthrough();

  auto& commands = Commands();
  std::sort(commands.begin(), commands.end(),
            [](const CommandInfo& a, const CommandInfo& b) {
              return a.name < b.name;
            });
  std::vector<std::pair<CLI::App*, CommandRunner>> runners;
  for (const CommandInfo& command : commands) {
    CLI::App* sub = app.add_subcommand(command.name, command.help);
    runners.emplace_back(sub, command.set_up(*sub, global));
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  for (auto& [sub, run] : runners) {
    if (sub->parsed()) return run();
  }
  return kExitUsage;
}

}  // namespace
}  // namespace claimgraph::cli

int main(int argc, char** argv) { return claimgraph::cli::Main(argc, argv); }
