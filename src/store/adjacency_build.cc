// Building the adjacency snapshot from the index (see adjacency.h).

#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_map>

#include "store/adjacency.h"
#include "store/adjacency_format.h"
#include "store/edge_value.h"
#include "store/keys.h"
#include "store/rocks_util.h"

namespace claimgraph::store_internal {

namespace keys = store_keys;

// Collects a snapshot in vectors, then lays it out (internal).
class AdjacencyWriter {
 public:
  using EntityRecord = Adjacency::EntityRecord;
  using Edge = Adjacency::Edge;
  static constexpr size_t kNoIndex = 0xFFFFFFF0u;

  // Where `s` is in the bytes (stored once).
  uint32_t Offset(std::string_view s) {
    auto [it, added] =
        offsets_.try_emplace(std::string(s), static_cast<uint32_t>(0));
    if (added) {
      it->second = static_cast<uint32_t>(bytes_.size());
      bytes_.append(s);
    }
    return it->second;
  }
  // The text id of `s`.
  uint32_t Text(std::string_view s) {
    auto [it, added] =
        text_ids_.try_emplace(std::string(s), static_cast<uint32_t>(0));
    if (added) {
      it->second = static_cast<uint32_t>(texts_.size() / 2);
      texts_.push_back(Offset(s));
      texts_.push_back(static_cast<uint32_t>(s.size()));
    }
    return it->second;
  }
  uint32_t Confidence(double c) {
    uint64_t bits;
    std::memcpy(&bits, &c, 8);
    auto [it, added] = confidences_.try_emplace(bits, static_cast<uint32_t>(0));
    if (added) {
      it->second = static_cast<uint32_t>(confidence_values_.size());
      confidence_values_.push_back(c);
    }
    return it->second;
  }
  uint32_t Pair(uint32_t outlet, uint32_t published) {
    uint64_t key = (uint64_t{outlet} << 32) | published;
    auto [it, added] = pairs_.try_emplace(key, static_cast<uint32_t>(0));
    if (added) {
      it->second = static_cast<uint32_t>(pair_values_.size() / 2);
      pair_values_.push_back(outlet);
      pair_values_.push_back(published);
    }
    return it->second;
  }
  // True when some offset, id or size no longer fits its field.
  bool TooBig() const {
    return bytes_.size() >= kNoIndex || texts_.size() >= kNoIndex ||
           pair_values_.size() >= kNoIndex || source_refs.size() >= kNoIndex ||
           out_edges.size() >= kNoIndex || in_edges.size() >= kNoIndex ||
           too_big_;
  }
  void AddEntity(uint64_t id, std::string_view name, EntityType type) {
    if (name.size() > kMaxNameSize) too_big_ = true;
    entities.push_back(
        {id, Offset(name),
         static_cast<uint32_t>(name.size() << 8) | static_cast<uint8_t>(type)});
  }
  // The entry of `edge`, towards `other_row`; its pairs in `*pairs`.
  Edge Entry(const EdgeRecord& edge, uint32_t other_row,
             std::vector<uint32_t>* pairs) {
    if (edge.detail.size() >= kNoIndex ||
        edge.sources.size() >= (size_t{1} << 24)) {
      too_big_ = true;
    }
    Edge e{};
    e.claim_id = edge.claim_id;
    e.other_row = other_row;
    e.predicate = Text(edge.predicate);
    bool label_is_detail = edge.value_label == edge.detail;
    e.value_label = label_is_detail ? 0 : Text(edge.value_label);
    e.detail_offset = Offset(edge.detail);
    e.detail_size = static_cast<uint32_t>(edge.detail.size());
    e.confidence = Confidence(edge.confidence);
    e.flags =
        (edge.attributed_or_disputed ? Adjacency::kAttributedOrDisputed : 0) |
        (label_is_detail ? Adjacency::kLabelIsDetail : 0) |
        (static_cast<uint32_t>(edge.sources.size())
         << Adjacency::kSourceCountShift);
    pairs->clear();
    for (const auto& [outlet, published] : edge.sources) {
      pairs->push_back(Pair(Text(outlet), Text(published)));
    }
    return e;
  }
  // Stores the pairs of `e` (Entry).
  void SetSources(const std::vector<uint32_t>& pairs, Edge* e) {
    if (pairs.size() == 1) {
      e->sources = pairs[0];
    } else {
      e->sources = static_cast<uint32_t>(source_refs.size());
      source_refs.insert(source_refs.end(), pairs.begin(), pairs.end());
    }
  }
  // The (outlet, published) pairs of an out edge (SetSources).
  std::vector<uint32_t> PairsOf(const Edge& e) const {
    uint32_t n = e.flags >> Adjacency::kSourceCountShift;
    if (n == 1) return std::vector<uint32_t>{e.sources};
    return std::vector<uint32_t>(source_refs.begin() + e.sources,
                                 source_refs.begin() + e.sources + n);
  }
  // The entity ids, in order (for lookups while building).
  const std::vector<uint64_t>& entity_ids() {
    if (entity_ids_.size() != entities.size()) {
      entity_ids_.clear();
      for (const EntityRecord& e : entities) entity_ids_.push_back(e.id);
    }
    return entity_ids_;
  }

  std::vector<EntityRecord> entities;  // In id order.
  std::vector<uint32_t> dense;
  std::vector<uint32_t> out_offsets, in_offsets;
  std::vector<Edge> out_edges, in_edges;
  std::vector<uint32_t> source_refs;

  // Lays everything out as the file's bytes into `words`.
  void Serialize(const AdjacencyStamp& stamp, std::vector<uint64_t>* words) {
    Adjacency::Counts c;
    c.entities = entities.size();
    c.dense = dense.size();
    c.out = out_edges.size();
    c.in = in_edges.size();
    c.source_refs = source_refs.size();
    c.pairs = pair_values_.size() / 2;
    c.confidences = confidence_values_.size();
    c.texts = texts_.size() / 2;
    c.bytes = bytes_.size();
    std::vector<size_t> sizes =
        SectionSizes(c, sizeof(EntityRecord), sizeof(Edge));
    size_t total = sizeof(FileHeader);
    for (size_t s : sizes) total += Align8(s);
    words->assign(total / 8, 0);
    char* base = reinterpret_cast<char*>(words->data());
    FileHeader header{};
    std::memcpy(header.magic, kMagic, 8);
    header.byte_order = kByteOrder;
    header.identity_size = static_cast<uint32_t>(stamp.identity.size());
    std::memcpy(header.identity, stamp.identity.data(), stamp.identity.size());
    header.sequence = stamp.sequence;
    header.total_size = total;
    uint64_t counts[kCounts] = {c.entities,    c.dense,       c.out,
                                c.in,          c.source_refs, c.pairs,
                                c.confidences, c.texts,       c.bytes};
    std::memcpy(header.counts, counts, sizeof(counts));
    const void* sections[] = {
        entities.data(),    dense.data(),        out_offsets.data(),
        out_edges.data(),   in_offsets.data(),   in_edges.data(),
        source_refs.data(), pair_values_.data(), confidence_values_.data(),
        texts_.data(),      bytes_.data()};
    size_t at = sizeof(FileHeader);
    for (size_t i = 0; i < sizes.size(); ++i) {
      if (sizes[i] > 0) std::memcpy(base + at, sections[i], sizes[i]);
      at += Align8(sizes[i]);
    }
    header.checksum =
        Checksum(base + sizeof(FileHeader), total - sizeof(FileHeader));
    std::memcpy(base, &header, sizeof(header));
  }

 private:
  std::unordered_map<std::string, uint32_t> offsets_;
  std::string bytes_;
  std::unordered_map<std::string, uint32_t> text_ids_;
  std::vector<uint32_t> texts_;
  std::unordered_map<uint64_t, uint32_t> confidences_;
  std::vector<double> confidence_values_;
  std::unordered_map<uint64_t, uint32_t> pairs_;
  std::vector<uint32_t> pair_values_;
  std::vector<uint64_t> entity_ids_;
  bool too_big_ = false;
};

namespace {

// Reads the edge record of an index entry as SnapshotReader::Edges does:
// the value, or else the hydrated claim.
StatusOr<EdgeRecord> ReadEntry(uint64_t entity, uint64_t claim_id,
                               bool outgoing, std::string_view value,
                               const ClaimFetcher& fetch) {
  EdgeRecord edge;
  edge.claim_id = claim_id;
  edge.outgoing = outgoing;
  if (DecodeEdgeValue(value, &edge)) return edge;
  CG_ASSIGN_OR_RETURN(Claim claim, fetch(claim_id));
  edge = EdgeRecordOf(claim, entity);
  if (!outgoing) {
    edge.outgoing = false;
    edge.other_id = claim.subject().id();
  }
  return edge;
}

// Row lookup while building: entity ids are sorted.
uint32_t FindRow(const std::vector<uint64_t>& ids, uint64_t id) {
  auto it = std::lower_bound(ids.begin(), ids.end(), id);
  if (it == ids.end() || *it != id) return Adjacency::kNoRow;
  return static_cast<uint32_t>(it - ids.begin());
}

using Edge = Adjacency::Edge;
using ClaimRows = std::vector<std::pair<uint64_t, uint32_t>>;

// Adds every stored entity, in id order.
Status AddEntities(rocksdb::DB* db, const rocksdb::ReadOptions& options,
                   rocksdb::ColumnFamilyHandle* entities, AdjacencyWriter* w) {
  Status error;
  CG_RETURN_IF_ERROR(ScanPrefix(
      db, options, entities, "",
      [&](std::string_view key, std::string_view value) {
        if (key.size() != 8) return true;  // Not an entity key.
        Entity entity;
        if (!entity.ParseFromArray(value.data(),
                                   static_cast<int>(value.size()))) {
          error = CorruptionError("cannot decode stored entity");
          return false;
        }
        w->AddEntity(keys::TrailingId(key), entity.name(), entity.type());
        return !w->TooBig();
      }));
  return error;
}

// Adds the out edges from the subject index, in (row, claim id) order as
// the keys are, with each one's subject row in `subject_rows`. Sets
// `*exact` to false (and stops) at an entry that does not map onto the
// entities: a snapshot would then not answer as the index does.
Status AddSubjectSides(rocksdb::DB* db, const rocksdb::ReadOptions& options,
                       rocksdb::ColumnFamilyHandle* by_subject,
                       const ClaimFetcher& fetch, AdjacencyWriter* w,
                       std::vector<uint32_t>* subject_rows, bool* exact) {
  const std::vector<uint64_t>& ids = w->entity_ids();
  size_t rows = ids.size();
  std::vector<uint32_t> pairs;
  Status error;
  w->out_offsets.assign(rows + 1, 0);
  CG_RETURN_IF_ERROR(ScanPrefix(
      db, options, by_subject, "",
      [&](std::string_view key, std::string_view value) {
        if (key.size() != 16) return true;
        uint64_t subject = DecodeFixed64BE(key);
        StatusOr<EdgeRecord> edge =
            ReadEntry(subject, keys::TrailingId(key), true, value, fetch);
        if (!edge.ok()) {
          error = edge.status();
          return false;
        }
        uint32_t row = FindRow(ids, subject);
        uint32_t object_row = edge->other_id == 0
                                  ? Adjacency::kNoRow
                                  : FindRow(ids, edge->other_id);
        if (row == Adjacency::kNoRow || !edge->outgoing ||
            (edge->other_id != 0 && object_row == Adjacency::kNoRow)) {
          *exact = false;
          return false;
        }
        Edge e = w->Entry(*edge, object_row, &pairs);
        w->SetSources(pairs, &e);
        w->out_edges.push_back(e);
        subject_rows->push_back(row);
        ++w->out_offsets[row + 1];
        return !w->TooBig();
      }));
  CG_RETURN_IF_ERROR(error);
  for (size_t r = 1; r <= rows; ++r) w->out_offsets[r] += w->out_offsets[r - 1];
  return OkStatus();
}

// Claim id -> out edge, sorted; false when a claim has two subjects.
bool IndexByClaim(const std::vector<Edge>& out_edges, ClaimRows* by_claim) {
  by_claim->resize(out_edges.size());
  for (uint32_t i = 0; i < by_claim->size(); ++i) {
    (*by_claim)[i] = {out_edges[i].claim_id, i};
  }
  std::sort(by_claim->begin(), by_claim->end());
  for (size_t i = 1; i < by_claim->size(); ++i) {
    if ((*by_claim)[i].first == (*by_claim)[i - 1].first) return false;
  }
  return true;
}

// True when the object side `e` (at `row`) says what the subject side of
// its claim says.
bool SidesAgree(const AdjacencyWriter& w, const Edge& subject_side,
                const Edge& e, uint32_t row, uint64_t other_id,
                uint64_t subject_id, const std::vector<uint32_t>& pairs) {
  return subject_side.other_row == row && other_id == subject_id &&
         e.predicate == subject_side.predicate &&
         e.value_label == subject_side.value_label &&
         e.detail_offset == subject_side.detail_offset &&
         e.detail_size == subject_side.detail_size &&
         e.confidence == subject_side.confidence &&
         e.flags == subject_side.flags && pairs == w.PairsOf(subject_side);
}

// Adds the in edges from the object index; each must agree with the
// subject side of its claim, else `*exact` is set to false.
Status AddObjectSides(rocksdb::DB* db, const rocksdb::ReadOptions& options,
                      rocksdb::ColumnFamilyHandle* by_object,
                      const ClaimFetcher& fetch,
                      const std::vector<uint32_t>& subject_rows,
                      const ClaimRows& by_claim, AdjacencyWriter* w,
                      bool* exact) {
  const std::vector<uint64_t>& ids = w->entity_ids();
  size_t rows = ids.size();
  std::vector<uint32_t> pairs;
  Status error;
  w->in_offsets.assign(rows + 1, 0);
  CG_RETURN_IF_ERROR(ScanPrefix(
      db, options, by_object, "",
      [&](std::string_view key, std::string_view value) {
        if (key.size() != 16) return true;
        uint64_t object = DecodeFixed64BE(key);
        uint64_t claim_id = keys::TrailingId(key);
        StatusOr<EdgeRecord> edge =
            ReadEntry(object, claim_id, false, value, fetch);
        if (!edge.ok()) {
          error = edge.status();
          return false;
        }
        uint32_t row = FindRow(ids, object);
        auto it = std::lower_bound(by_claim.begin(), by_claim.end(),
                                   std::pair<uint64_t, uint32_t>(claim_id, 0));
        if (row == Adjacency::kNoRow || it == by_claim.end() ||
            it->first != claim_id) {
          *exact = false;
          return false;
        }
        const Edge& subject_side = w->out_edges[it->second];
        uint32_t subject_row = subject_rows[it->second];
        Edge e = w->Entry(*edge, subject_row, &pairs);
        if (!SidesAgree(*w, subject_side, e, row, edge->other_id,
                        ids[subject_row], pairs)) {
          *exact = false;
          return false;
        }
        e.sources = subject_side.sources;
        w->in_edges.push_back(e);
        ++w->in_offsets[row + 1];
        return !w->TooBig();
      }));
  CG_RETURN_IF_ERROR(error);
  for (size_t r = 1; r <= rows; ++r) w->in_offsets[r] += w->in_offsets[r - 1];
  return OkStatus();
}

// A direct id -> row table when ids are dense enough (they are allocated
// from a counter).
void AddDenseRows(AdjacencyWriter* w) {
  const std::vector<uint64_t>& ids = w->entity_ids();
  size_t rows = ids.size();
  uint64_t max_id = rows == 0 ? 0 : ids.back();
  if (max_id >= 4 * uint64_t{rows} + 1024) return;
  w->dense.assign(max_id + 1, 0);
  for (uint32_t r = 0; r < rows; ++r) w->dense[ids[r]] = r + 1;
}

}  // namespace

StatusOr<std::unique_ptr<Adjacency>> Adjacency::Build(
    rocksdb::DB* db, const std::vector<rocksdb::ColumnFamilyHandle*>& handles,
    const rocksdb::ReadOptions& options, const ClaimFetcher& fetch,
    const AdjacencyStamp& stamp) {
  static_assert(sizeof(EntityRecord) == 16 && sizeof(Edge) == 40);
  // No snapshot (a null result) when the index does not map onto one
  // exactly or it would not fit its fields; readers then use the index.
  using Result = std::unique_ptr<Adjacency>;
  if (stamp.identity.size() > kMaxIdentity) return Result();
  AdjacencyWriter w;
  CG_RETURN_IF_ERROR(AddEntities(db, options, handles[keys::kEntities], &w));
  if (w.entity_ids().size() >= kNoRow || w.TooBig()) return Result();
  bool exact = true;
  std::vector<uint32_t> subject_rows;
  CG_RETURN_IF_ERROR(AddSubjectSides(db, options, handles[keys::kBySubject],
                                     fetch, &w, &subject_rows, &exact));
  if (!exact || w.TooBig()) return Result();
  ClaimRows by_claim;
  if (!IndexByClaim(w.out_edges, &by_claim)) return Result();
  CG_RETURN_IF_ERROR(AddObjectSides(db, options, handles[keys::kByObject],
                                    fetch, subject_rows, by_claim, &w, &exact));
  if (!exact || w.TooBig()) return Result();
  AddDenseRows(&w);

  std::unique_ptr<Adjacency> adjacency(new Adjacency());
  w.Serialize(stamp, &adjacency->owned_);
  adjacency->data_ = reinterpret_cast<const char*>(adjacency->owned_.data());
  adjacency->size_ = adjacency->owned_.size() * 8;
  if (!adjacency->Init(stamp)) {
    return InternalError("adjacency snapshot does not check after building");
  }
  return adjacency;
}

}  // namespace claimgraph::store_internal
