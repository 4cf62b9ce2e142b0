#include "store/adjacency.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "store/adjacency_format.h"

namespace claimgraph::store_internal {

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
