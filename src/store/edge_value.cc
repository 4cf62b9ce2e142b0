#include "store/edge_value.h"

#include <algorithm>
#include <cstring>
#include <set>

#include "model/claim.h"

namespace claimgraph {
namespace store_internal {
namespace {

enum EdgeFlags : unsigned char {
  kAttributedOrDisputed = 1,
  kHasSources = 2,
  kValueLabelIsDetail = 4,
};

void PutVarint(std::string* dst, uint64_t v) {
  while (v >= 0x80) {
    dst->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  dst->push_back(static_cast<char>(v));
}

void PutString(std::string* dst, std::string_view s) {
  PutVarint(dst, s.size());
  dst->append(s);
}

bool GetVarint(std::string_view* in, uint64_t* v) {
  *v = 0;
  for (int shift = 0; shift <= 63 && !in->empty(); shift += 7) {
    auto byte = static_cast<unsigned char>(in->front());
    in->remove_prefix(1);
    *v |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

bool GetString(std::string_view* in, std::string* s) {
  uint64_t size = 0;
  if (!GetVarint(in, &size) || size > in->size()) return false;
  s->assign(in->data(), size);
  in->remove_prefix(size);
  return true;
}

}  // namespace

std::string EncodeEdgeValue(const EdgeRecord& edge) {
  unsigned char flags = 0;
  if (edge.attributed_or_disputed) flags |= kAttributedOrDisputed;
  bool with_sources = edge.sources.size() <= kMaxEdgeSources;
  if (with_sources) flags |= kHasSources;
  bool label_is_detail = edge.value_label == edge.detail;
  if (label_is_detail) flags |= kValueLabelIsDetail;
  std::string out;
  out.push_back(kEdgeValueFormat);
  out.push_back(static_cast<char>(flags));
  PutVarint(&out, edge.other_id);
  char confidence[8];
  std::memcpy(confidence, &edge.confidence, 8);
  out.append(confidence, 8);
  PutString(&out, edge.predicate);
  PutString(&out, edge.detail);
  if (!label_is_detail) PutString(&out, edge.value_label);
  if (with_sources) {
    PutVarint(&out, edge.sources.size());
    for (const auto& [outlet, published] : edge.sources) {
      PutString(&out, outlet);
      PutString(&out, published);
    }
  }
  return out;
}

bool DecodeEdgeValue(std::string_view in, EdgeRecord* edge) {
  if (in.size() < 2 || in[0] != kEdgeValueFormat) return false;
  auto flags = static_cast<unsigned char>(in[1]);
  if ((flags & kHasSources) == 0) return false;
  in.remove_prefix(2);
  if (!GetVarint(&in, &edge->other_id) || in.size() < 8) return false;
  std::memcpy(&edge->confidence, in.data(), 8);
  in.remove_prefix(8);
  edge->attributed_or_disputed = (flags & kAttributedOrDisputed) != 0;
  if (!GetString(&in, &edge->predicate) || !GetString(&in, &edge->detail)) {
    return false;
  }
  if ((flags & kValueLabelIsDetail) != 0) {
    edge->value_label = edge->detail;
  } else if (!GetString(&in, &edge->value_label)) {
    return false;
  }
  uint64_t n = 0;
  if (!GetVarint(&in, &n) || n > kMaxEdgeSources) return false;
  edge->sources.resize(n);
  for (auto& [outlet, published] : edge->sources) {
    if (!GetString(&in, &outlet) || !GetString(&in, &published)) return false;
  }
  return in.empty();
}

}  // namespace store_internal

std::string EdgeDetail(const Claim& claim) {
  if (claim.has_value()) return FormatQuantity(claim.value());
  std::string detail;
  for (const Qualifier& q : claim.qualifiers()) {
    if (q.key() == "amount" || q.key() == "value") detail = q.value();
  }
  return detail;
}

EdgeRecord EdgeRecordOf(const Claim& claim, uint64_t from) {
  EdgeRecord edge;
  edge.claim_id = claim.id();
  edge.outgoing = claim.subject().id() == from;
  edge.other_id = !edge.outgoing       ? claim.subject().id()
                  : claim.has_object() ? claim.object().id()
                                       : 0;
  edge.predicate = claim.predicate();
  edge.detail = EdgeDetail(claim);
  if (!claim.has_object()) edge.value_label = FormatQuantity(claim.value());
  edge.attributed_or_disputed = IsAttributedOrDisputed(claim);
  edge.confidence = claim.confidence();
  std::set<std::pair<std::string, std::string>> seen;
  for (const Evidence& e : claim.evidence()) {
    std::pair<std::string, std::string> source(e.source().outlet(),
                                               e.source().published());
    if (seen.insert(source).second) edge.sources.push_back(std::move(source));
  }
  return edge;
}

Status StoreReader::PrefetchEntities(const std::vector<uint64_t>&) const {
  return OkStatus();
}

StatusOr<EntityType> StoreReader::EntityLabel(uint64_t id,
                                              std::string* name) const {
  CG_ASSIGN_OR_RETURN(Entity entity, GetEntity(id));
  *name = entity.name();
  return entity.type();
}

StatusOr<std::vector<EdgeRecord>> StoreReader::Edges(uint64_t id, bool outgoing,
                                                     bool incoming) const {
  std::vector<uint64_t> ids;
  if (outgoing) {
    CG_ASSIGN_OR_RETURN(ids, ClaimsBySubject(id));
  }
  if (incoming) {
    CG_ASSIGN_OR_RETURN(std::vector<uint64_t> in, ClaimsByObject(id));
    ids.insert(ids.end(), in.begin(), in.end());
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  }
  std::vector<EdgeRecord> edges;
  edges.reserve(ids.size());
  for (uint64_t claim_id : ids) {
    CG_ASSIGN_OR_RETURN(Claim claim, GetClaim(claim_id));
    edges.push_back(EdgeRecordOf(claim, id));
  }
  return edges;
}

}  // namespace claimgraph
