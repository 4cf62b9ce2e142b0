// claimgraph entities [--type T] [--name NAME]: lists entities.

#include <iostream>

#include "claimgraph/common.h"
#include "claimgraph/output.h"
#include "model/claim.h"

namespace claimgraph::cli {
namespace {

struct EntitiesOptions {
  std::string type;
  std::string name;
  Format format = Format::kTable;
};

std::string Join(const google::protobuf::RepeatedPtrField<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : "; ") + s;
  return out;
}

Status Run(const EntitiesOptions& opts, const GlobalOptions& global) {
  CG_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenStore(global, false));
  auto reader = store->NewReader();
  std::vector<Entity> entities;
  if (!opts.name.empty()) {
    CG_ASSIGN_OR_RETURN(entities, reader->FindEntities(opts.name));
  } else {
    std::optional<EntityType> type;
    if (!opts.type.empty()) {
      CG_ASSIGN_OR_RETURN(type, ParseEntityType(opts.type));
    }
    CG_ASSIGN_OR_RETURN(entities, reader->ListEntities(type));
  }
  Table table{{"id", "name", "type", "aliases", "title"},
              {},
              {true, false, false, false, false}};
  for (const Entity& e : entities) {
    table.rows.push_back({std::to_string(e.id()), e.name(),
                          std::string(EntityTypeName(e.type())),
                          Join(e.aliases()), e.title()});
  }
  PrintTable(table, opts.format, std::cout);
  return OkStatus();
}

CommandRunner SetUp(CLI::App& app, const GlobalOptions& global) {
  auto opts = std::make_shared<EntitiesOptions>();
  app.add_option("--type", opts->type,
                 "Only entities of this type (AGENCY, PERSON, COMPANY, ...)");
  app.add_option("--name", opts->name,
                 "Only entities this name or alias may denote");
  AddFormatOption(app, &opts->format);
  return [opts, &global] { return ReportError(Run(*opts, global)); };
}

CLAIMGRAPH_COMMAND(entities, "List entities", SetUp);

}  // namespace
}  // namespace claimgraph::cli
