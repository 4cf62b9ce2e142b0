// The claimgraph command line: a registry of subcommands.
//
// Each command lives in its own file and registers itself:
//
//   namespace {
//   CommandRunner SetUpStats(CLI::App& app, const GlobalOptions& global) {
//     auto opts = std::make_shared<StatsOptions>();
//     app.add_option(...);
//     return [opts, &global] { ...; return kExitOk; };
//   }
//   CLAIMGRAPH_COMMAND(stats, "Counts of entities, claims and sources",
//                      SetUpStats);
//   }  // namespace
//
// The runner is called after parsing, only for the command that was chosen.
// stdout carries data, stderr messages.

#ifndef CLAIMGRAPH_TOOLS_CLAIMGRAPH_COMMAND_H_
#define CLAIMGRAPH_TOOLS_CLAIMGRAPH_COMMAND_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "base/exit_code.h"
#include "base/status.h"

namespace claimgraph::cli {

// Exit codes (kExitOk ...) are base/exit_code.h's; README.md lists them.

struct GlobalOptions {
  // --db, default ./claimgraph.db or $CLAIMGRAPH_DB.
  std::string db = "claimgraph.db";
};

using CommandRunner = std::function<int()>;
using CommandSetUp = CommandRunner (*)(CLI::App& app,
                                       const GlobalOptions& global);

struct CommandInfo {
  std::string name;
  std::string help;
  CommandSetUp set_up;
};

// All registered commands, in no particular order.
std::vector<CommandInfo>& Commands();

struct CommandRegistration {
  CommandRegistration(const char* name, const char* help, CommandSetUp set_up) {
    Commands().push_back({name, help, set_up});
  }
};

#define CLAIMGRAPH_COMMAND(name, help, set_up)                      \
  static ::claimgraph::cli::CommandRegistration cg_register_##name( \
      #name, help, set_up)

// Prints "claimgraph: error: <message>" to stderr and returns the exit code
// that matches the status code.
int ReportError(const Status& status);

}  // namespace claimgraph::cli

#endif  // CLAIMGRAPH_TOOLS_CLAIMGRAPH_COMMAND_H_
