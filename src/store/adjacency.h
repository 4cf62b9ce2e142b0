// The adjacency snapshot (internal to src/store): a derived, read-only copy
// of what graph walks read from a store, laid out as compressed sparse rows
// so that walks need no RocksDB reads. Layout and rules in docs/storage.md,
// "Adjacency snapshot".
//
// It holds, for every entity (a "row", in id order), its id, name and type,
// and one entry per index entry of the entity: the claims it is the subject
// of ("out", by_subject) and the object of ("in", by_object), in claim id
// order, each with what its edge value holds (edge_value.h), texts,
// (outlet, published) pairs and confidences interned.
//
// It is built from the by_subject, by_object and entities column families
// exactly as StoreReader::Edges and EntityLabel read them, and only when
// the two index sides agree; it is saved next to the database and stamped
// with the database's identity and latest sequence number, and a snapshot
// whose stamp differs is ignored (and rebuilt). RocksDB stays the source of
// truth: readers that have no valid snapshot read the index.

#ifndef CLAIMGRAPH_STORE_ADJACENCY_H_
#define CLAIMGRAPH_STORE_ADJACENCY_H_

#include <rocksdb/db.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "claimgraph.pb.h"
#include "store/store.h"

namespace claimgraph::store_internal {

// Reads and hydrates one claim (for edge values that do not hold the whole
// record); see StoreReader::GetClaim.
using ClaimFetcher = std::function<StatusOr<Claim>(uint64_t claim_id)>;

// Identifies one state of one database.
struct AdjacencyStamp {
  std::string identity;   // rocksdb::DB::GetDbIdentity
  uint64_t sequence = 0;  // rocksdb::DB::GetLatestSequenceNumber
};

// Owned by a shared_ptr when held by an AdjacencyHolder, so that walk
// results can keep the texts they point into alive (weak_from_this).
class Adjacency : public std::enable_shared_from_this<Adjacency> {
 public:
  static constexpr uint32_t kNoRow = ~uint32_t{0};

  // Builds the snapshot of the database as `options` sees it. Returns
  // nullptr (not an error) when the store holds something the snapshot
  // cannot reproduce exactly: index sides that disagree, an index entry of
  // an entity that does not exist, more than 2^32 - 2 rows, claims or
  // strings. Errors are RocksDB's and the fetcher's.
  static StatusOr<std::unique_ptr<Adjacency>> Build(
      rocksdb::DB* db, const std::vector<rocksdb::ColumnFamilyHandle*>& handles,
      const rocksdb::ReadOptions& options, const ClaimFetcher& fetch,
      const AdjacencyStamp& stamp);

  // Maps the snapshot saved at `path`. nullptr when there is none, or it is
  // malformed, of another format, or stamped differently.
  static std::unique_ptr<Adjacency> Load(const std::string& path,
                                         const AdjacencyStamp& stamp);

  // Writes the snapshot to `path` (through a temporary file and a rename,
  // so that readers never see half a file).
  Status Save(const std::string& path) const;

  ~Adjacency();
  Adjacency(const Adjacency&) = delete;
  Adjacency& operator=(const Adjacency&) = delete;

  // The row of entity `id`, or kNoRow when no such entity exists.
  uint32_t Row(uint64_t id) const;
  uint64_t EntityId(uint32_t row) const { return entities_[row].id; }
  std::string_view Name(uint32_t row) const {
    return {bytes_ + entities_[row].name_offset,
            entities_[row].name_size_type >> 8};
  }
  EntityType Type(uint32_t row) const {
    return static_cast<EntityType>(entities_[row].name_size_type & 0xff);
  }

  // One index entry: a claim seen from one of its entities, laid out with
  // the other entries of that entity (walks read them in sequence).
  struct Edge {
    uint64_t claim_id;
    uint32_t other_row;    // kNoRow when the object is a value.
    uint32_t predicate;    // Text id.
    uint32_t value_label;  // Text id, unless kLabelIsDetail.
    uint32_t detail_offset;
    uint32_t detail_size;
    uint32_t confidence;  // Index into the confidences.
    uint32_t flags;       // k... below, source count << kSourceCountShift.
    // With one source its pair; else where its pairs start in source_refs_.
    uint32_t sources;
  };

  // Appends what StoreReader::Edges(id, outgoing, incoming) returns for the
  // entity of `row`.
  void AppendEdges(uint32_t row, bool outgoing, bool incoming,
                   std::vector<EdgeRecord>* edges) const;

  // Calls fn(edge, outgoing) for the entries of `row`, in the order and with
  // the directions of AppendEdges: by claim id, a self-loop once, as
  // outgoing.
  template <typename Fn>
  void ForEachEdge(uint32_t row, bool outgoing, bool incoming, Fn&& fn) const {
    const Edge* out = out_edges_ + out_offsets_[row];
    const Edge* out_end = outgoing ? out_edges_ + out_offsets_[row + 1] : out;
    const Edge* in = in_edges_ + in_offsets_[row];
    const Edge* in_end = incoming ? in_edges_ + in_offsets_[row + 1] : in;
    while (out != out_end || in != in_end) {
      if (in == in_end || (out != out_end && out->claim_id <= in->claim_id)) {
        if (in != in_end && out->claim_id == in->claim_id) ++in;
        fn(*out++, true);
      } else {
        fn(*in++, false);
      }
    }
  }
  // At least as many entries as ForEachEdge gives.
  size_t Degree(uint32_t row, bool outgoing, bool incoming) const {
    return (outgoing ? out_offsets_[row + 1] - out_offsets_[row] : 0) +
           (incoming ? in_offsets_[row + 1] - in_offsets_[row] : 0);
  }
  // Texts (predicates, value labels, outlets, dates) are interned: equal
  // ids, equal texts.
  std::string_view Text(uint32_t id) const {
    return {bytes_ + texts_[2 * size_t{id}], texts_[2 * size_t{id} + 1]};
  }
  std::string_view Detail(const Edge& e) const {
    return {bytes_ + e.detail_offset, e.detail_size};
  }
  std::string_view ValueLabel(const Edge& e) const {
    return (e.flags & kLabelIsDetail) != 0 ? Detail(e) : Text(e.value_label);
  }
  static bool AttributedOrDisputed(const Edge& e) {
    return (e.flags & kAttributedOrDisputed) != 0;
  }
  double Confidence(const Edge& e) const { return confidences_[e.confidence]; }
  static uint32_t SourceCount(const Edge& e) {
    return e.flags >> kSourceCountShift;
  }
  // The i-th (outlet, published) pair of the claim.
  std::pair<std::string_view, std::string_view> Source(const Edge& e,
                                                       uint32_t i) const {
    uint32_t pair =
        SourceCount(e) == 1 ? e.sources : source_refs_[e.sources + i];
    return {Text(pairs_[2 * size_t{pair}]), Text(pairs_[2 * size_t{pair} + 1])};
  }

  size_t entities() const { return counts_.entities; }
  size_t edges() const { return counts_.out + counts_.in; }
  size_t bytes() const { return size_; }

 private:
  // Flags of an edge.
  static constexpr uint32_t kAttributedOrDisputed = 1;
  static constexpr uint32_t kLabelIsDetail = 2;
  static constexpr int kSourceCountShift = 8;

  struct EntityRecord {
    uint64_t id;
    uint32_t name_offset;     // Into the bytes.
    uint32_t name_size_type;  // Name size << 8 | EntityType.
  };
  struct Counts {
    uint64_t entities = 0, dense = 0, out = 0, in = 0, source_refs = 0,
             pairs = 0, confidences = 0, texts = 0, bytes = 0;
  };

  Adjacency() = default;
  // Points the section pointers into `data` (size_ bytes) after checking
  // the header and every index; false when anything is out of place.
  bool Init(const AdjacencyStamp& stamp);
  bool CheckIndexes() const;
  void AppendRecord(const Edge& e, bool outgoing,
                    std::vector<EdgeRecord>* edges) const;

  // The bytes: either owned_ (just built) or a read-only mapping.
  std::vector<uint64_t> owned_;
  void* mapping_ = nullptr;
  const char* data_ = nullptr;
  size_t size_ = 0;

  Counts counts_;
  const EntityRecord* entities_ = nullptr;  // In id order.
  const uint32_t* dense_ = nullptr;  // id -> row + 1 (0: none), if dense.
  // Row r's entries are [offsets[r], offsets[r + 1]), in claim id order.
  const uint32_t* out_offsets_ = nullptr;
  const Edge* out_edges_ = nullptr;  // by_subject: the object's row.
  const uint32_t* in_offsets_ = nullptr;
  const Edge* in_edges_ = nullptr;  // by_object: the subject's row.
  const uint32_t* source_refs_ = nullptr;
  const uint32_t* pairs_ = nullptr;  // Outlet, published text ids.
  const double* confidences_ = nullptr;
  const uint32_t* texts_ = nullptr;  // Offset, size into the bytes.
  const char* bytes_ = nullptr;

  friend class AdjacencyWriter;
};

// The snapshot of one opened (read-only) store, loaded or built on first
// use and shared by its readers. Thread-safe.
class AdjacencyHolder {
 public:
  // `dir` is the database directory; the snapshot file lives in it.
  AdjacencyHolder(rocksdb::DB* db,
                  const std::vector<rocksdb::ColumnFamilyHandle*>* handles,
                  std::string dir)
      : db_(db), handles_(handles), dir_(std::move(dir)) {}

  // The snapshot, or nullptr when none can be had (readers then read the
  // index). The first call loads the saved snapshot, or builds one with
  // `fetch` and tries to save it (a failure to save is ignored).
  const Adjacency* Get(const ClaimFetcher& fetch);

  static constexpr const char* kFileName = "claimgraph.adjacency";

 private:
  rocksdb::DB* db_;
  const std::vector<rocksdb::ColumnFamilyHandle*>* handles_;
  std::string dir_;
  std::once_flag once_;
  std::shared_ptr<const Adjacency> adjacency_;
};

}  // namespace claimgraph::store_internal

#endif  // CLAIMGRAPH_STORE_ADJACENCY_H_
