// claimgraph claims [--about NAME] [--predicate P] [--document ID]: lists
// claims with their sources, corroboration and contradictions.

#include <algorithm>
#include <iostream>

#include "claimgraph/common.h"
#include "claimgraph/output.h"
#include "model/claim.h"

namespace claimgraph::cli {
namespace {

struct ClaimsOptions {
  std::string about;
  std::string predicate;
  std::string document;
  Format format = Format::kTable;
};

StatusOr<std::vector<uint64_t>> SelectIds(const StoreReader& reader,
                                          const ClaimsOptions& opts) {
  std::vector<uint64_t> ids;
  if (!opts.about.empty()) {
    CG_ASSIGN_OR_RETURN(Entity entity, reader.ResolveEntity(opts.about));
    CG_ASSIGN_OR_RETURN(ids, reader.ClaimsBySubject(entity.id()));
    CG_ASSIGN_OR_RETURN(std::vector<uint64_t> in,
                        reader.ClaimsByObject(entity.id()));
    ids.insert(ids.end(), in.begin(), in.end());
  } else if (!opts.document.empty()) {
    CG_ASSIGN_OR_RETURN(ids, reader.ClaimsByDocument(opts.document));
  } else if (!opts.predicate.empty()) {
    CG_ASSIGN_OR_RETURN(ids, reader.ClaimsByPredicate(opts.predicate));
  } else {
    CG_RETURN_IF_ERROR(reader.ForEachClaim([&](const Claim& c) {
      ids.push_back(c.id());
      return OkStatus();
    }));
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

// The filters combine: a claim must pass every one given.
bool Selected(const Claim& claim, const ClaimsOptions& opts) {
  if (!opts.predicate.empty() &&
      !ParsePredicates({opts.predicate}).contains(claim.predicate())) {
    return false;
  }
  if (opts.document.empty()) return true;
  for (const Evidence& e : claim.evidence()) {
    if (e.source().document_id() == opts.document) return true;
  }
  return false;
}

std::string IdList(const std::vector<uint64_t>& ids) {
  std::string out;
  for (uint64_t id : ids)
    out += (out.empty() ? "#" : ", #") + std::to_string(id);
  return out;
}

Status Run(const ClaimsOptions& opts, const GlobalOptions& global) {
  CG_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenStore(global, false));
  auto reader = store->NewReader();
  CG_ASSIGN_OR_RETURN(std::vector<uint64_t> ids, SelectIds(*reader, opts));
  std::vector<Claim> claims;
  for (uint64_t id : ids) {
    CG_ASSIGN_OR_RETURN(Claim claim, reader->GetClaim(id));
    if (Selected(claim, opts)) claims.push_back(std::move(claim));
  }
  auto contradictions = FindContradictions(claims);
  Table table{{"id", "subject", "predicate", "object", "stance", "speaker",
               "confidence", "outlets", "sources", "contradicts", "sentence"},
              {},
              {true, false, false, false, false, false, true, true, false,
               false, false}};
  for (const Claim& c : claims) {
    std::string object =
        c.has_object() ? c.object().name() : FormatQuantity(c.value());
    char confidence[16];
    std::snprintf(confidence, sizeof(confidence), "%.2f", c.confidence());
    table.rows.push_back(
        {std::to_string(c.id()), c.subject().name(), c.predicate(), object,
         std::string(StanceName(c.attribution().stance())),
         c.attribution().speaker().name(), confidence,
         std::to_string(DistinctOutlets(c)), SourcesSummary(c),
         IdList(contradictions[c.id()]),
         c.evidence_size() > 0 ? c.evidence(0).sentence() : ""});
  }
  PrintTable(table, opts.format, std::cout);
  return OkStatus();
}

CommandRunner SetUp(CLI::App& app, const GlobalOptions& global) {
  auto opts = std::make_shared<ClaimsOptions>();
  app.add_option("--about", opts->about,
                 "Claims whose subject or object is this entity (a name, an "
                 "alias or #id)");
  app.add_option("--predicate", opts->predicate, "Only this predicate");
  app.add_option("--document", opts->document,
                 "Claims with evidence from this document id (its url)");
  AddFormatOption(app, &opts->format);
  return [opts, &global] { return ReportError(Run(*opts, global)); };
}

CLAIMGRAPH_COMMAND(claims, "List claims with their sources", SetUp);

}  // namespace
}  // namespace claimgraph::cli
