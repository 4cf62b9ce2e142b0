#include "store/adjacency.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <unordered_map>

#include "store/edge_value.h"
#include "store/keys.h"
#include "store/rocks_util.h"

namespace claimgraph::store_internal {

namespace keys = store_keys;

namespace {

constexpr char kMagic[8] = {'C', 'G', 'A', 'D', 'J', 'v', '0', '3'};
constexpr uint32_t kByteOrder = 0x01020304;
constexpr size_t kMaxIdentity = 64;
constexpr size_t kCounts = 9;  // Fields of Adjacency::Counts.
// Names longer than this (in bytes) are not held; no snapshot is built.
constexpr size_t kMaxNameSize = (size_t{1} << 24) - 1;

struct FileHeader {
  char magic[8];
  uint32_t byte_order;
  uint32_t identity_size;
  char identity[kMaxIdentity];
  uint64_t sequence;
  uint64_t total_size;
  uint64_t counts[kCounts];
  uint64_t checksum;  // Checksum() of everything after the header.
};
static_assert(sizeof(FileHeader) % 8 == 0);

size_t Align8(size_t n) { return (n + 7) & ~size_t{7}; }

// A multiply-xor hash of 8-byte words in four independent lanes (fast
// enough to check a whole snapshot on load; detects damage, not forgery).
uint64_t Checksum(const char* data, size_t size) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ULL;
  uint64_t lanes[4] = {1, 2, 3, 4};
  size_t words = size / 8, i = 0;
  for (; i + 4 <= words; i += 4) {
    for (int l = 0; l < 4; ++l) {
      uint64_t w;
      std::memcpy(&w, data + 8 * (i + l), 8);
      lanes[l] = (lanes[l] ^ w) * kMul;
      lanes[l] ^= lanes[l] >> 29;
    }
  }
  uint64_t h = size;
  for (; i < words; ++i) {
    uint64_t w;
    std::memcpy(&w, data + 8 * i, 8);
    h = ((h ^ w) * kMul) ^ (h >> 31);
  }
  for (uint64_t lane : lanes) h = ((h ^ lane) * kMul) ^ (h >> 31);
  return h;
}

// Section sizes in bytes, in file order, for the given counts.
template <typename Counts>
std::vector<size_t> SectionSizes(const Counts& c, size_t entity_size,
                                 size_t edge_size) {
  return {
      c.entities * entity_size,  // entities
      c.dense * 4,               // dense id -> row + 1
      (c.entities + 1) * 4,      // out offsets
      c.out * edge_size,         // out edges
      (c.entities + 1) * 4,      // in offsets
      c.in * edge_size,          // in edges
      c.source_refs * 4,         // pairs of claims without exactly one
      c.pairs * 8,               // pairs
      c.confidences * 8,         // confidences
      c.texts * 8,               // texts: offset, size
      c.bytes,                   // bytes
  };
}

}  // namespace

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

}  // namespace

StatusOr<std::unique_ptr<Adjacency>> Adjacency::Build(
    rocksdb::DB* db, const std::vector<rocksdb::ColumnFamilyHandle*>& handles,
    const rocksdb::ReadOptions& options, const ClaimFetcher& fetch,
    const AdjacencyStamp& stamp) {
  static_assert(sizeof(EntityRecord) == 16 && sizeof(Edge) == 40);
  using Result = std::unique_ptr<Adjacency>;
  if (stamp.identity.size() > kMaxIdentity) return Result();
  AdjacencyWriter w;
  Status error;
  // Entities.
  CG_RETURN_IF_ERROR(ScanPrefix(
      db, options, handles[keys::kEntities], "",
      [&](std::string_view key, std::string_view value) {
        if (key.size() != 8) return true;  // Not an entity key.
        Entity entity;
        if (!entity.ParseFromArray(value.data(),
                                   static_cast<int>(value.size()))) {
          error = CorruptionError("cannot decode stored entity");
          return false;
        }
        w.AddEntity(keys::TrailingId(key), entity.name(), entity.type());
        return !w.TooBig();
      }));
  CG_RETURN_IF_ERROR(error);
  const std::vector<uint64_t>& ids = w.entity_ids();
  size_t rows = ids.size();
  if (rows >= kNoRow || w.TooBig()) return Result();

  // Subject sides, in (row, claim id) order, as the keys are.
  bool exact = true;
  std::vector<uint32_t> pairs;
  std::vector<uint32_t> subject_rows;  // Of each out edge.
  w.out_offsets.assign(rows + 1, 0);
  CG_RETURN_IF_ERROR(ScanPrefix(
      db, options, handles[keys::kBySubject], "",
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
        uint32_t object_row =
            edge->other_id == 0 ? kNoRow : FindRow(ids, edge->other_id);
        if (row == kNoRow || !edge->outgoing ||
            (edge->other_id != 0 && object_row == kNoRow)) {
          exact = false;
          return false;
        }
        Edge e = w.Entry(*edge, object_row, &pairs);
        w.SetSources(pairs, &e);
        w.out_edges.push_back(e);
        subject_rows.push_back(row);
        ++w.out_offsets[row + 1];
        return !w.TooBig();
      }));
  CG_RETURN_IF_ERROR(error);
  if (!exact || w.TooBig()) return Result();
  for (size_t r = 1; r <= rows; ++r) w.out_offsets[r] += w.out_offsets[r - 1];

  // Claim id -> out edge, to check object sides against subject sides.
  std::vector<std::pair<uint64_t, uint32_t>> by_claim(w.out_edges.size());
  for (uint32_t i = 0; i < by_claim.size(); ++i) {
    by_claim[i] = {w.out_edges[i].claim_id, i};
  }
  std::sort(by_claim.begin(), by_claim.end());
  for (size_t i = 1; i < by_claim.size(); ++i) {
    if (by_claim[i].first == by_claim[i - 1].first) {
      return Result();  // A claim under two subjects.
    }
  }
  // The pairs of an out edge.
  auto pairs_of = [&](const Edge& e) {
    uint32_t n = e.flags >> kSourceCountShift;
    if (n == 1) return std::vector<uint32_t>{e.sources};
    return std::vector<uint32_t>(w.source_refs.begin() + e.sources,
                                 w.source_refs.begin() + e.sources + n);
  };

  // Object sides: each must agree with the subject side of its claim.
  w.in_offsets.assign(rows + 1, 0);
  CG_RETURN_IF_ERROR(ScanPrefix(
      db, options, handles[keys::kByObject], "",
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
        if (row == kNoRow || it == by_claim.end() || it->first != claim_id) {
          exact = false;
          return false;
        }
        const Edge& subject_side = w.out_edges[it->second];
        uint32_t subject_row = subject_rows[it->second];
        Edge e = w.Entry(*edge, subject_row, &pairs);
        if (subject_side.other_row != row ||
            edge->other_id != ids[subject_row] ||
            e.predicate != subject_side.predicate ||
            e.value_label != subject_side.value_label ||
            e.detail_offset != subject_side.detail_offset ||
            e.detail_size != subject_side.detail_size ||
            e.confidence != subject_side.confidence ||
            e.flags != subject_side.flags || pairs != pairs_of(subject_side)) {
          exact = false;
          return false;
        }
        e.sources = subject_side.sources;
        w.in_edges.push_back(e);
        ++w.in_offsets[row + 1];
        return !w.TooBig();
      }));
  CG_RETURN_IF_ERROR(error);
  if (!exact || w.TooBig()) return Result();
  for (size_t r = 1; r <= rows; ++r) w.in_offsets[r] += w.in_offsets[r - 1];

  // A direct id -> row table when ids are dense enough (they are allocated
  // from a counter).
  uint64_t max_id = rows == 0 ? 0 : ids.back();
  if (max_id < 4 * uint64_t{rows} + 1024) {
    w.dense.assign(max_id + 1, 0);
    for (uint32_t r = 0; r < rows; ++r) w.dense[ids[r]] = r + 1;
  }

  std::unique_ptr<Adjacency> adjacency(new Adjacency());
  w.Serialize(stamp, &adjacency->owned_);
  adjacency->data_ = reinterpret_cast<const char*>(adjacency->owned_.data());
  adjacency->size_ = adjacency->owned_.size() * 8;
  if (!adjacency->Init(stamp)) {
    return InternalError("adjacency snapshot does not check after building");
  }
  return adjacency;
}

std::unique_ptr<Adjacency> Adjacency::Load(const std::string& path,
                                           const AdjacencyStamp& stamp) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat st;
  void* mapping = MAP_FAILED;
  if (::fstat(fd, &st) == 0 &&
      static_cast<size_t>(st.st_size) >= sizeof(FileHeader)) {
    mapping = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ,
                     MAP_PRIVATE, fd, 0);
  }
  ::close(fd);
  if (mapping == MAP_FAILED) return nullptr;
  std::unique_ptr<Adjacency> adjacency(new Adjacency());
  adjacency->mapping_ = mapping;
  adjacency->data_ = static_cast<const char*>(mapping);
  adjacency->size_ = static_cast<size_t>(st.st_size);
  if (!adjacency->Init(stamp)) return nullptr;
  return adjacency;
}

Status Adjacency::Save(const std::string& path) const {
  std::string temporary = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    file.write(data_, static_cast<std::streamsize>(size_));
    file.close();
    if (!file) {
      std::remove(temporary.c_str());
      return IoError("cannot write " + temporary);
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    return IoError("cannot rename " + temporary + " to " + path);
  }
  return OkStatus();
}

Adjacency::~Adjacency() {
  if (mapping_ != nullptr) ::munmap(mapping_, size_);
}

bool Adjacency::Init(const AdjacencyStamp& stamp) {
  FileHeader header;
  if (size_ < sizeof(header)) return false;
  std::memcpy(&header, data_, sizeof(header));
  if (std::memcmp(header.magic, kMagic, 8) != 0 ||
      header.byte_order != kByteOrder || header.total_size != size_ ||
      header.identity_size != stamp.identity.size() ||
      std::string_view(header.identity, header.identity_size) !=
          stamp.identity ||
      header.sequence != stamp.sequence ||
      header.checksum !=
          Checksum(data_ + sizeof(header), size_ - sizeof(header))) {
    return false;
  }
  Counts& c = counts_;
  uint64_t* fields[kCounts] = {&c.entities,    &c.dense,       &c.out,
                               &c.in,          &c.source_refs, &c.pairs,
                               &c.confidences, &c.texts,       &c.bytes};
  for (size_t i = 0; i < kCounts; ++i) {
    // Bounds that keep every size computation below far from overflow.
    if (header.counts[i] >= (uint64_t{1} << 40)) return false;
    *fields[i] = header.counts[i];
  }
  std::vector<size_t> sizes =
      SectionSizes(c, sizeof(EntityRecord), sizeof(Edge));
  std::vector<const char*> at;
  size_t offset = sizeof(FileHeader);
  for (size_t s : sizes) {
    at.push_back(data_ + offset);
    offset += Align8(s);
  }
  if (offset != size_) return false;
  entities_ = reinterpret_cast<const EntityRecord*>(at[0]);
  dense_ = reinterpret_cast<const uint32_t*>(at[1]);
  out_offsets_ = reinterpret_cast<const uint32_t*>(at[2]);
  out_edges_ = reinterpret_cast<const Edge*>(at[3]);
  in_offsets_ = reinterpret_cast<const uint32_t*>(at[4]);
  in_edges_ = reinterpret_cast<const Edge*>(at[5]);
  source_refs_ = reinterpret_cast<const uint32_t*>(at[6]);
  pairs_ = reinterpret_cast<const uint32_t*>(at[7]);
  confidences_ = reinterpret_cast<const double*>(at[8]);
  texts_ = reinterpret_cast<const uint32_t*>(at[9]);
  bytes_ = at[10];
  return CheckIndexes();
}

bool Adjacency::CheckIndexes() const {
  const Counts& c = counts_;
  auto in_bytes = [&](uint64_t offset, uint64_t size) {
    return offset <= c.bytes && size <= c.bytes - offset;
  };
  auto edge_ok = [&](const Edge& e) {
    uint32_t sources = e.flags >> kSourceCountShift;
    bool sources_ok = sources == 1 ? e.sources < c.pairs
                                   : e.sources <= c.source_refs &&
                                         sources <= c.source_refs - e.sources;
    return (e.other_row == kNoRow || e.other_row < c.entities) &&
           e.predicate < c.texts &&
           ((e.flags & kLabelIsDetail) != 0 || e.value_label < c.texts) &&
           in_bytes(e.detail_offset, e.detail_size) &&
           e.confidence < c.confidences && sources_ok;
  };
  // Offsets that grow from 0 to n, entries in claim id order within a row.
  auto rows_ok = [&](const uint32_t* offsets, const Edge* edges, uint64_t n) {
    if (offsets[0] != 0 || offsets[c.entities] != n) return false;
    for (size_t r = 0; r < c.entities; ++r) {
      if (offsets[r + 1] < offsets[r]) return false;
      for (uint32_t i = offsets[r]; i < offsets[r + 1]; ++i) {
        if (!edge_ok(edges[i]) ||
            (i > offsets[r] && edges[i].claim_id <= edges[i - 1].claim_id)) {
          return false;
        }
      }
    }
    return true;
  };
  if (!rows_ok(out_offsets_, out_edges_, c.out) ||
      !rows_ok(in_offsets_, in_edges_, c.in)) {
    return false;
  }
  for (size_t r = 0; r < c.entities; ++r) {
    const EntityRecord& e = entities_[r];
    if ((r > 0 && e.id <= entities_[r - 1].id) ||
        !in_bytes(e.name_offset, e.name_size_type >> 8) ||
        !EntityType_IsValid(static_cast<int>(e.name_size_type & 0xff))) {
      return false;
    }
  }
  for (size_t i = 0; i < c.dense; ++i) {
    if (dense_[i] > c.entities ||
        (dense_[i] != 0 && entities_[dense_[i] - 1].id != i)) {
      return false;
    }
  }
  if (c.dense != 0 && c.entities != 0 &&
      c.dense != entities_[c.entities - 1].id + 1) {
    return false;
  }
  for (size_t i = 0; i < c.source_refs; ++i) {
    if (source_refs_[i] >= c.pairs) return false;
  }
  for (size_t i = 0; i < 2 * c.pairs; ++i) {
    if (pairs_[i] >= c.texts) return false;
  }
  for (size_t i = 0; i < c.texts; ++i) {
    if (!in_bytes(texts_[2 * i], texts_[2 * i + 1])) return false;
  }
  return true;
}

uint32_t Adjacency::Row(uint64_t id) const {
  if (counts_.dense != 0) {
    return id < counts_.dense && dense_[id] != 0 ? dense_[id] - 1 : kNoRow;
  }
  const EntityRecord* end = entities_ + counts_.entities;
  const EntityRecord* it = std::lower_bound(
      entities_, end, id,
      [](const EntityRecord& e, uint64_t value) { return e.id < value; });
  return it == end || it->id != id ? kNoRow
                                   : static_cast<uint32_t>(it - entities_);
}

void Adjacency::AppendRecord(const Edge& e, bool outgoing,
                             std::vector<EdgeRecord>* edges) const {
  EdgeRecord& edge = edges->emplace_back();
  edge.claim_id = e.claim_id;
  edge.outgoing = outgoing;
  if (e.other_row != kNoRow) edge.other_id = EntityId(e.other_row);
  edge.predicate = Text(e.predicate);
  edge.detail = Detail(e);
  edge.value_label = ValueLabel(e);
  edge.attributed_or_disputed = AttributedOrDisputed(e);
  edge.confidence = Confidence(e);
  uint32_t sources = SourceCount(e);
  edge.sources.reserve(sources);
  for (uint32_t i = 0; i < sources; ++i) {
    auto [outlet, published] = Source(e, i);
    edge.sources.emplace_back(outlet, published);
  }
}

void Adjacency::AppendEdges(uint32_t row, bool outgoing, bool incoming,
                            std::vector<EdgeRecord>* edges) const {
  edges->reserve(edges->size() + Degree(row, outgoing, incoming));
  ForEachEdge(row, outgoing, incoming,
              [&](const Edge& e, bool out) { AppendRecord(e, out, edges); });
}

const Adjacency* AdjacencyHolder::Get(const ClaimFetcher& fetch) {
  std::call_once(once_, [&] {
    AdjacencyStamp stamp;
    if (!db_->GetDbIdentity(stamp.identity).ok()) return;
    stamp.sequence = db_->GetLatestSequenceNumber();
    std::string path = dir_ + "/" + kFileName;
    adjacency_ = Adjacency::Load(path, stamp);
    if (adjacency_ != nullptr) return;
    StatusOr<std::unique_ptr<Adjacency>> built =
        Adjacency::Build(db_, *handles_, rocksdb::ReadOptions(), fetch, stamp);
    if (!built.ok() || *built == nullptr) return;
    adjacency_ = std::move(*built);
    // Saving is an optimisation for the next process; a read-only
    // directory just means the next one builds it again. Once saved, the
    // file is mapped instead, as the next process will (and the memory
    // of the build is returned).
    if (adjacency_->Save(path).ok()) {
      std::unique_ptr<Adjacency> saved = Adjacency::Load(path, stamp);
      if (saved != nullptr) adjacency_ = std::move(saved);
    }
  });
  return adjacency_.get();
}

}  // namespace claimgraph::store_internal
