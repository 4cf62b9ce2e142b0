// The writes of one commit, handed to RocksDB sorted by key within each
// column family (internal to src/store).
//
// Why: RocksDB's memtable is a skip list that remembers where its last
// insert went, so keys inserted in order cost far less than keys inserted
// at random. The WriteBatch a commit builds visits claims in id order, which
// leaves the index keys (by subject, object, predicate, document, identity)
// in random order. Sorting does not change the outcome: operations on the
// same key keep their order (a stable sort), and operations on different
// keys commute. The bulk path (bulk_write.h) takes the same order and
// writes the last operation of each key (ConsumeLatest).

#ifndef CLAIMGRAPH_STORE_SORTED_BATCH_H_
#define CLAIMGRAPH_STORE_SORTED_BATCH_H_

#include <rocksdb/write_batch.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "store/keys.h"
#include "store/raw_reader.h"

namespace claimgraph::store_internal {

// Keys and values are copied into large chunks of the batch's own memory
// rather than kept as a std::string each: a large commit holds millions of
// operations, and one allocation per key and per value (most are longer
// than the small-string buffer) cost time and memory.
class SortedBatch {
 public:
  void Put(store_keys::ColumnFamily family, std::string_view key,
           std::string_view value) {
    Add(family, key, value, false);
  }
  void Delete(store_keys::ColumnFamily family, std::string_view key) {
    Add(family, key, {}, true);
  }

  bool empty(store_keys::ColumnFamily family) const {
    return ops_[family].empty();
  }
  // The number of operations added.
  size_t size() const {
    size_t n = 0;
    for (const std::vector<Op>& ops : ops_) n += ops.size();
    return n;
  }

  // Appends every operation to `batch`, family by family, in key order
  // (operations on one key in the order they were added), freeing each
  // family's operations once appended.
  void WriteTo(const RawReader& raw, rocksdb::WriteBatch* batch) {
    for (int f = 0; f < store_keys::kNumColumnFamilies; ++f) {
      const std::vector<Op>& ops = ops_[f];
      if (ops.empty()) continue;
      rocksdb::ColumnFamilyHandle* cf =
          raw.cf(static_cast<store_keys::ColumnFamily>(f));
      for (uint32_t i : Order(static_cast<store_keys::ColumnFamily>(f))) {
        const Op& op = ops[i];
        rocksdb::Slice key(op.key(), op.key_size);
        if (op.del) {
          batch->Delete(cf, key);
        } else {
          batch->Put(cf, key, rocksdb::Slice(op.value(), op.value_size));
        }
      }
      Free(static_cast<store_keys::ColumnFamily>(f));
    }
  }

  // Positions of `family`'s operations in key order (RocksDB's bytewise
  // order); the position breaks ties, which keeps the order of operations
  // on one key.
  std::vector<uint32_t> Order(store_keys::ColumnFamily family) const {
    const std::vector<Op>& ops = ops_[family];
    std::vector<uint32_t> order(ops.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    auto before = [&ops](uint32_t a, uint32_t b) {
      int c = ops[a].Key().compare(ops[b].Key());
      return c < 0 || (c == 0 && a < b);
    };
    // Families keyed by new ids (claims, entities) come in order already.
    if (std::is_sorted(order.begin(), order.end(), before)) return order;
    std::vector<Entry> entries(ops.size());
    for (uint32_t i = 0; i < entries.size(); ++i) {
      entries[i] = {HeadAt(ops[i].Key(), 0), i};
    }
    SortFrom(ops, entries.data(), entries.size(), 0, /*budget=*/256);
    for (size_t i = 0; i < order.size(); ++i) order[i] = entries[i].pos;
    return order;
  }

  // Calls `fn(key, value, del)` (string_views) once per distinct key of
  // `family`, in key order, with the last operation added on that key
  // (what the database holds after WriteTo's operations on it), then frees
  // the family's operations. Stops at, and returns, the first error `fn`
  // returns.
  template <typename Fn>
  Status ConsumeLatest(store_keys::ColumnFamily family, Fn fn) {
    std::vector<Op>& ops = ops_[family];
    std::vector<uint32_t> order = Order(family);
    Status status;
    for (size_t k = 0; k < order.size() && status.ok(); ++k) {
      // Ties are in position order: the last of a run of equal keys wins.
      if (k + 1 < order.size() &&
          ops[order[k + 1]].Key() == ops[order[k]].Key()) {
        continue;
      }
      const Op& op = ops[order[k]];
      status = fn(op.Key(), op.Value(), op.del);
    }
    Free(family);
    return status;
  }

 private:
  // An operation; its key and value are adjacent in a chunk of `family`.
  struct Op {
    const char* data;
    uint32_t key_size;
    uint32_t value_size;
    bool del;
    const char* key() const { return data; }
    const char* value() const { return data + key_size; }
    std::string_view Key() const { return {data, key_size}; }
    std::string_view Value() const { return {data + key_size, value_size}; }
  };

  // Keys and values are copied into chunks of this size (a larger pair
  // gets a chunk of its own).
  static constexpr size_t kChunkBytes = size_t{1} << 20;

  struct Chunks {
    std::vector<std::unique_ptr<char[]>> blocks;
    char* next = nullptr;
    size_t left = 0;
  };

  void Add(store_keys::ColumnFamily family, std::string_view key,
           std::string_view value, bool del) {
    Chunks& chunks = chunks_[family];
    size_t bytes = key.size() + value.size();
    if (chunks.next == nullptr || bytes > chunks.left) {
      size_t size = std::max(kChunkBytes, bytes);
      chunks.blocks.push_back(std::make_unique<char[]>(size));
      chunks.next = chunks.blocks.back().get();
      chunks.left = size;
    }
    char* data = chunks.next;
    std::memcpy(data, key.data(), key.size());
    if (!value.empty())
      std::memcpy(data + key.size(), value.data(), value.size());
    chunks.next += bytes;
    chunks.left -= bytes;
    ops_[family].push_back({data, static_cast<uint32_t>(key.size()),
                            static_cast<uint32_t>(value.size()), del});
  }

  // Frees the operations of `family` and their bytes.
  void Free(store_keys::ColumnFamily family) {
    std::vector<Op>().swap(ops_[family]);
    chunks_[family] = Chunks();
  }

  // The first 8 bytes of `key` from byte `depth` on (zeros past its end),
  // big-endian: their integer order is their byte order.
  static uint64_t HeadAt(std::string_view key, size_t depth) {
    uint64_t head = 0;
    for (size_t i = depth; i < depth + 8; ++i) {
      head =
          head << 8 | (i < key.size() ? static_cast<unsigned char>(key[i]) : 0);
    }
    return head;
  }

  struct Entry {
    uint64_t head;  // HeadAt(key, depth) for the depth being sorted.
    uint32_t pos;
  };

  // Sorts the entries [a, a + n), whose keys agree on their first `depth`
  // bytes, by key, then by position. A three-way quicksort on 8-byte heads
  // (in the manner of multikey quicksort): entries with equal heads go on
  // to the next 8 bytes, so shared prefixes (document URLs, predicates) are
  // compared once per 8 bytes, not again in every comparison. `budget`
  // bounds the recursion; past it, and for small or ending groups, a
  // comparison sort of the whole keys finishes.
  void SortFrom(const std::vector<Op>& ops, Entry* a, size_t n, size_t depth,
                int budget) const {
    auto whole_less = [&ops](const Entry& x, const Entry& y) {
      int c = ops[x.pos].Key().compare(ops[y.pos].Key());
      return c < 0 || (c == 0 && x.pos < y.pos);
    };
    while (n > 1) {
      if (n <= 16 || budget-- <= 0) {
        std::sort(a, a + n, whole_less);
        return;
      }
      uint64_t x = a[0].head, y = a[n / 2].head, z = a[n - 1].head;
      uint64_t pivot = std::max(std::min(x, y), std::min(std::max(x, y), z));
      size_t lt = 0, i = 0, gt = n;
      while (i < gt) {
        if (a[i].head < pivot) {
          std::swap(a[lt++], a[i++]);
        } else if (a[i].head > pivot) {
          std::swap(a[i], a[--gt]);
        } else {
          ++i;
        }
      }
      SortFrom(ops, a, lt, depth, budget);
      SortFrom(ops, a + gt, n - gt, depth, budget);
      a += lt;
      n = gt - lt;
      // Equal heads are equal bytes only where no key ended inside them
      // (the zero padding would hide it); such groups are finished whole.
      for (size_t k = 0; k < n; ++k) {
        if (ops[a[k].pos].key_size < depth + 8) {
          std::sort(a, a + n, whole_less);
          return;
        }
      }
      depth += 8;
      for (size_t k = 0; k < n; ++k)
        a[k].head = HeadAt(ops[a[k].pos].Key(), depth);
    }
  }

  std::vector<Op> ops_[store_keys::kNumColumnFamilies];
  Chunks chunks_[store_keys::kNumColumnFamilies];
};

}  // namespace claimgraph::store_internal

#endif  // CLAIMGRAPH_STORE_SORTED_BATCH_H_
