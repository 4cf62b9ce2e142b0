#include "store/raw_reader.h"

#include "base/coding.h"
#include "store/rocks_util.h"

namespace claimgraph::store_internal {
namespace {

template <typename Message>
StatusOr<std::optional<Message>> Decode(
    const StatusOr<std::optional<std::string>>& bytes, const char* what) {
  if (!bytes.ok()) return bytes.status();
  if (!bytes->has_value()) return std::optional<Message>();
  Message message;
  if (!message.ParseFromString(**bytes)) {
    return CorruptionError(std::string("cannot decode stored ") + what);
  }
  return std::optional<Message>(std::move(message));
}

}  // namespace

StatusOr<std::optional<std::string>> RawReader::Get(
    store_keys::ColumnFamily family, std::string_view key) const {
  std::string value;
  rocksdb::Status s = db_->Get(options_, cf(family),
                               rocksdb::Slice(key.data(), key.size()), &value);
  if (s.IsNotFound()) return std::optional<std::string>();
  if (!s.ok()) return FromRocks(s, "reading the store");
  return std::optional<std::string>(std::move(value));
}

StatusOr<std::optional<Entity>> RawReader::GetEntity(uint64_t id) const {
  return Decode<Entity>(Get(store_keys::kEntities, store_keys::IdKey(id)),
                        "entity");
}

StatusOr<std::optional<Claim>> RawReader::GetStoredClaim(uint64_t id) const {
  return Decode<Claim>(Get(store_keys::kClaims, store_keys::IdKey(id)),
                       "claim");
}

StatusOr<std::optional<Source>> RawReader::GetSource(
    std::string_view document_id) const {
  return Decode<Source>(Get(store_keys::kSources, document_id), "source");
}

StatusOr<std::optional<uint64_t>> RawReader::ClaimIdFor(
    std::string_view identity) const {
  CG_ASSIGN_OR_RETURN(std::optional<std::string> value,
                      Get(store_keys::kClaimKeys, identity));
  if (!value.has_value()) return std::optional<uint64_t>();
  if (value->size() != 8) return CorruptionError("bad claim key value");
  return std::optional<uint64_t>(DecodeFixed64BE(*value));
}

StatusOr<std::vector<uint64_t>> RawReader::AliasCandidates(
    std::string_view normalized) const {
  return TrailingIdsWithPrefix(db_, options_, cf(store_keys::kAliases),
                               store_keys::TextPrefix(normalized));
}

StatusOr<uint64_t> RawReader::Counter(std::string_view key) const {
  CG_ASSIGN_OR_RETURN(std::optional<std::string> value,
                      Get(store_keys::kMeta, key));
  if (!value.has_value()) return uint64_t{0};
  if (value->size() != 8)
    return CorruptionError("bad counter " + std::string(key));
  return DecodeFixed64BE(*value);
}

Claim ToStoredForm(const Claim& claim) {
  Claim stored = claim;
  ReduceToStoredForm(&stored);
  return stored;
}

void ReduceToStoredForm(Claim* stored) {
  auto reduce = [](Entity* e) {
    uint64_t id = e->id();
    e->Clear();
    e->set_id(id);
  };
  reduce(stored->mutable_subject());
  if (stored->has_object()) reduce(stored->mutable_object());
  if (stored->attribution().has_speaker()) {
    reduce(stored->mutable_attribution()->mutable_speaker());
  }
  for (Evidence& e : *stored->mutable_evidence()) {
    std::string id = std::move(*e.mutable_source()->mutable_document_id());
    e.mutable_source()->Clear();
    e.mutable_source()->set_document_id(std::move(id));
  }
}

}  // namespace claimgraph::store_internal
