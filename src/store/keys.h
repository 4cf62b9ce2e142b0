// Column families and key encodings of the claim store (internal).
// Written down for users in docs/storage.md; keep the two in step.
//
// Ids are uint64, encoded as 8 big-endian bytes so that key order is id
// order. Strings in keys are followed by a 0x00 separator; normalised names,
// predicates and document ids never contain 0x00 (names are folded, and
// loaders reject control characters in ids).

#ifndef CLAIMGRAPH_STORE_KEYS_H_
#define CLAIMGRAPH_STORE_KEYS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "base/coding.h"

namespace claimgraph::store_keys {

// Column family indexes, in the order the database is opened with.
enum ColumnFamily {
  kMeta = 0,     // "default": schema_version, next_entity_id, next_claim_id
  kEntities,     // id -> Entity
  kAliases,      // normalised name 0x00 id -> ""
  kClaims,       // id -> Claim (stored form, see below)
  kClaimKeys,    // claim identity -> id
  kBySubject,    // subject id, claim id -> edge value (edge_value.h)
  kByObject,     // object id, claim id -> edge value (edge_value.h)
  kByPredicate,  // predicate 0x00 claim id -> ""
  kByDocument,   // document id 0x00 claim id -> ""
  kSources,      // document id -> Source
  kNumColumnFamilies,
};

inline constexpr const char* kColumnFamilyNames[kNumColumnFamilies] = {
    "default",    "entities",  "aliases",      "claims",      "claim_keys",
    "by_subject", "by_object", "by_predicate", "by_document", "sources"};

inline constexpr std::string_view kSchemaVersionKey = "schema_version";
inline constexpr std::string_view kNextEntityIdKey = "next_entity_id";
inline constexpr std::string_view kNextClaimIdKey = "next_claim_id";

inline std::string IdKey(uint64_t id) {
  std::string key;
  PutFixed64BE(&key, id);
  return key;
}

inline std::string PairKey(uint64_t first, uint64_t second) {
  std::string key;
  PutFixed64BE(&key, first);
  PutFixed64BE(&key, second);
  return key;
}

// The prefix shared by every key "text 0x00 id" of one text.
inline std::string TextPrefix(std::string_view text) {
  std::string key(text);
  key.push_back('\0');
  return key;
}

inline std::string TextIdKey(std::string_view text, uint64_t id) {
  std::string key = TextPrefix(text);
  PutFixed64BE(&key, id);
  return key;
}

// The id at the end of a PairKey or TextIdKey.
inline uint64_t TrailingId(std::string_view key) {
  return DecodeFixed64BE(key.substr(key.size() - 8));
}

}  // namespace claimgraph::store_keys

#endif  // CLAIMGRAPH_STORE_KEYS_H_
