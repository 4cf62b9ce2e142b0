// claimgraph alias ENTITY NAME and claimgraph merge A B: analysts' fixes to
// entity resolution.

#include <iostream>

#include "claimgraph/common.h"

namespace claimgraph::cli {
namespace {

struct TwoNames {
  std::string first;
  std::string second;
};

Status RunAlias(const TwoNames& args, const GlobalOptions& global) {
  CG_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenStore(global, true));
  CG_ASSIGN_OR_RETURN(Entity entity,
                      store->NewReader()->ResolveEntity(args.first));
  CG_ASSIGN_OR_RETURN(std::vector<Entity> others,
                      store->NewReader()->FindEntities(args.second));
  CG_RETURN_IF_ERROR(store->AddAlias(entity.id(), args.second));
  for (const Entity& other : others) {
    if (other.id() != entity.id()) {
      std::cerr << "claimgraph: warning: \"" << args.second << "\" also names #"
                << other.id() << " " << other.name()
                << "; it is now ambiguous (see `claimgraph merge`)\n";
    }
  }
  std::cerr << "\"" << args.second << "\" is an alias of #" << entity.id()
            << " " << entity.name() << "\n";
  return OkStatus();
}

Status RunMerge(const TwoNames& args, const GlobalOptions& global) {
  CG_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenStore(global, true));
  auto reader = store->NewReader();
  CG_ASSIGN_OR_RETURN(Entity keep, reader->ResolveEntity(args.first));
  CG_ASSIGN_OR_RETURN(Entity drop, reader->ResolveEntity(args.second));
  reader.reset();
  CG_ASSIGN_OR_RETURN(WriteReport report, store->Merge(keep.id(), drop.id()));
  std::cerr << "merged #" << drop.id() << " " << drop.name() << " into #"
            << keep.id() << " " << keep.name() << "; " << report.claims_removed
            << " claims merged with equal ones\n";
  return OkStatus();
}

CommandRunner SetUpAlias(CLI::App& app, const GlobalOptions& global) {
  auto args = std::make_shared<TwoNames>();
  app.add_option("entity", args->first, "A name, an alias or #id")->required();
  app.add_option("name", args->second, "The new alias")->required();
  return [args, &global] { return ReportError(RunAlias(*args, global)); };
}

CommandRunner SetUpMerge(CLI::App& app, const GlobalOptions& global) {
  auto args = std::make_shared<TwoNames>();
  app.add_option("keep", args->first, "The entity that stays (name or #id)")
      ->required();
  app.add_option("drop", args->second,
                 "The entity merged into it and removed (name or #id)")
      ->required();
  return [args, &global] { return ReportError(RunMerge(*args, global)); };
}

CLAIMGRAPH_COMMAND(alias, "Add an alias to an entity", SetUpAlias);
CLAIMGRAPH_COMMAND(merge, "Merge one entity into another", SetUpMerge);

}  // namespace
}  // namespace claimgraph::cli
