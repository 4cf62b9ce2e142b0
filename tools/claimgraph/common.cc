#include "claimgraph/common.h"

#include <cstdio>
#include <fstream>
#include <iostream>

#include "model/claim.h"
#include "model/names.h"

namespace claimgraph::cli {

StatusOr<std::unique_ptr<Store>> OpenStore(const GlobalOptions& global,
                                           bool for_writing) {
  StoreOptions options;
  options.read_only = !for_writing;
  options.create_if_missing = for_writing;
  return Store::Open(global.db, options);
}

StatusOr<std::set<EntityType>> ParseTypes(
    const std::vector<std::string>& names) {
  std::set<EntityType> types;
  for (const std::string& name : names) {
    CG_ASSIGN_OR_RETURN(EntityType type, ParseEntityType(name));
    types.insert(type);
  }
  return types;
}

std::set<std::string> ParsePredicates(const std::vector<std::string>& names) {
  std::set<std::string> predicates;
  for (const std::string& name : names) {
    predicates.insert(NormalizePredicate(name));
  }
  return predicates;
}

std::string SourcesSummary(const Claim& claim) {
  std::string out;
  std::set<std::string> seen;
  for (const Evidence& e : claim.evidence()) {
    const Source& s = e.source();
    std::string item = s.outlet().empty() ? s.url() : s.outlet();
    if (!s.published().empty()) item += " (" + s.published() + ")";
    if (item.empty() || !seen.insert(item).second) continue;
    out += (out.empty() ? "" : "; ") + item;
  }
  return out;
}

void AddWalkFlags(CLI::App& app, WalkFlags* flags, bool with_depth) {
  if (with_depth) {
    app.add_option("--depth", flags->depth, "Hops from the entity")
        ->capture_default_str()
        ->check(CLI::Range(0, 100));
  }
  app.add_option("--predicate", flags->predicates,
                 "Follow only claims with this predicate (repeatable)");
  app.add_option("--type", flags->types,
                 "Keep only nodes of this type (repeatable; STATISTIC for "
                 "values)");
  app.add_option("--direction", flags->direction,
                 "Follow claims out (subject to object), in, or both")
      ->capture_default_str()
      ->check(CLI::IsMember({"out", "in", "both"}));
}

StatusOr<WalkOptions> ToWalkOptions(const WalkFlags& flags) {
  WalkOptions options;
  options.depth = flags.depth;
  options.predicates = ParsePredicates(flags.predicates);
  CG_ASSIGN_OR_RETURN(options.types, ParseTypes(flags.types));
  CG_ASSIGN_OR_RETURN(options.direction, ParseDirection(flags.direction));
  return options;
}

Status WriteOutput(const std::string& path, const std::string& contents) {
  if (path.empty() || path == "-") {
    std::cout << contents;
    std::cout.flush();
    return std::cout ? OkStatus() : IoError("writing to stdout");
  }
  std::string temp = path + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << contents;
    out.flush();
    if (!out) {
      std::remove(temp.c_str());
      return IoError("cannot write " + temp);
    }
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    std::remove(temp.c_str());
    return IoError("cannot rename " + temp + " to " + path);
  }
  return OkStatus();
}

}  // namespace claimgraph::cli
