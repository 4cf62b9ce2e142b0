// Helpers shared by the commands that use a database.

#ifndef CLAIMGRAPH_TOOLS_CLAIMGRAPH_COMMON_H_
#define CLAIMGRAPH_TOOLS_CLAIMGRAPH_COMMON_H_

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/status.h"
#include "claimgraph/command.h"
#include "graph/walk.h"
#include "store/store.h"

namespace claimgraph::cli {

// Opens the database named by --db: read-only for queries, or for writing
// (creating it when missing).
StatusOr<std::unique_ptr<Store>> OpenStore(const GlobalOptions& global,
                                           bool for_writing);

// Parses entity type names ("agency,PERSON") into a set.
StatusOr<std::set<EntityType>> ParseTypes(
    const std::vector<std::string>& names);

// Normalises predicate names given on the command line.
std::set<std::string> ParsePredicates(const std::vector<std::string>& names);

// "Outlet (2025-04-18); Other (2025-05-01)" for a claim's evidence.
std::string SourcesSummary(const Claim& claim);

// The walk flags shared by neighbors, component and dot.
struct WalkFlags {
  int depth = 1;
  std::vector<std::string> predicates;
  std::vector<std::string> types;
  std::string direction = "both";
};

// Adds --predicate, --type, --direction (and --depth when `with_depth`).
void AddWalkFlags(CLI::App& app, WalkFlags* flags, bool with_depth);

StatusOr<WalkOptions> ToWalkOptions(const WalkFlags& flags);

// Writes `contents` to `path` atomically (a temporary file renamed into
// place), or to stdout when `path` is empty or "-".
Status WriteOutput(const std::string& path, const std::string& contents);

}  // namespace claimgraph::cli

#endif  // CLAIMGRAPH_TOOLS_CLAIMGRAPH_COMMON_H_
