// Deterministic synthetic claims for the store benchmark (docs/benchmarks.md).
//
// The corpus imitates news reporting on border and immigration surveillance:
// about N/5 entities (agencies, companies, people, programs, places ...) with
// power-law degrees (entity of rank r is picked with probability ~ r^-zipf,
// so a few hubs such as "U.S. Immigration and Customs Enforcement" take part
// in thousands of claims), ~20 predicates, ~30% claims with a value (money,
// percentages, counts), one piece of evidence each (a short sentence and a
// source among ~N/50 documents), some attributed or disputed claims.
// Every claim is distinct (no two share an identity), so N lines load as N
// claims. The same (N, seed, zipf) always gives the same bytes.

#ifndef CLAIMGRAPH_TOOLS_STORE_BENCH_SYNTH_H_
#define CLAIMGRAPH_TOOLS_STORE_BENCH_SYNTH_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/status.h"
#include "claimgraph.pb.h"

namespace claimgraph::bench {

struct SynthOptions {
  uint64_t claims = 100000;
  uint64_t seed = 1;
  // Exponent of the rank distribution of claim endpoints: P(rank r) ~ r^-zipf.
  // The degree distribution then has the power-law exponent 1 + 1/zipf.
  double zipf = 0.7;
  double value_fraction = 0.3;
};

// What the generator knows about the graph it wrote, for choosing queries.
struct SynthGraph {
  std::vector<std::string> names;  // Canonical name by entity index.
  std::vector<EntityType> types;
  // Claims incident to each entity (as subject or object), i.e. the number
  // of edges a depth-1 walk in both directions finds.
  std::vector<uint32_t> degree;
  // Entity-to-entity claims as (subject, object) entity indexes.
  std::vector<std::pair<uint32_t, uint32_t>> links;
  uint64_t documents = 0;
  uint64_t value_claims = 0;
  uint64_t attributed_claims = 0;
};

// Generates the claims, calling `sink` with each one in order; stops at the
// first error `sink` returns.
StatusOr<SynthGraph> GenerateClaims(
    const SynthOptions& options,
    const std::function<Status(const Claim&)>& sink);

}  // namespace claimgraph::bench

#endif  // CLAIMGRAPH_TOOLS_STORE_BENCH_SYNTH_H_
