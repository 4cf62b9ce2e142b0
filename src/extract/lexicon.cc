#include "extract/lexicon.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "base/ascii.h"
#include "model/claim.h"
#include "model/names.h"
#include "text/pipeline.h"

namespace claimgraph {
namespace {

using Row = std::map<std::string, std::string>;

std::vector<std::string> Split(const std::string& s, const std::string& seps) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (seps.find(c) != std::string::npos) {
      out.push_back(CollapseSpaces(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(CollapseSpaces(cur));
  std::erase_if(out, [](const std::string& x) { return x.empty(); });
  return out;
}

// Reads a TSV lexicon: '#' comments, a header row, then rows.
StatusOr<std::vector<Row>> ReadTable(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError(path + ": cannot open");
  std::vector<std::string> header;
  std::vector<Row> rows;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    size_t start = 0;
    for (size_t tab; (tab = line.find('\t', start)) != std::string::npos;
         start = tab + 1) {
      fields.push_back(line.substr(start, tab - start));
    }
    fields.push_back(line.substr(start));
    if (header.empty()) {
      header = fields;
      continue;
    }
    if (fields.size() > header.size()) {
      return InvalidArgumentError(path + ":" + std::to_string(n) +
                                  ": expected " +
                                  std::to_string(header.size()) +
                                  " tab-separated fields as in the header");
    }
    Row row;
    for (size_t i = 0; i < fields.size(); ++i)
      row[header[i]] = CollapseSpaces(fields[i]);
    rows.push_back(std::move(row));
  }
  return rows;
}

// The first non-empty of several possible column names.
std::string Column(const Row& row, std::initializer_list<const char*> names) {
  for (const char* n : names) {
    auto it = row.find(n);
    if (it != row.end() && !it->second.empty()) return it->second;
  }
  return "";
}

}  // namespace

void Lexicon::AddEntity(KnownEntity entity) {
  size_t index = entities_.size();
  entity_index_.emplace(NormalizeName(entity.name), index);
  for (const std::string& alias : entity.aliases) {
    entity_index_.emplace(NormalizeName(alias), index);
  }
  entities_.push_back(std::move(entity));
}

void Lexicon::AddGivenName(const std::string& name, char gender) {
  given_names_[AsciiLower(name)] = gender;
}
void Lexicon::AddCue(const std::string& word, EntityType type) {
  cues_[AsciiLower(word)] = type;
}
void Lexicon::AddTitle(const std::string& word) {
  titles_[AsciiLower(word)] = true;
}
void Lexicon::AddPredicate(const std::string& surface,
                           const std::string& canonical,
                           const std::string& target) {
  std::string key = NormalizePredicate(surface);
  if (target != "value")
    predicates_.emplace(key, NormalizePredicate(canonical));
  if (target != "entity") {
    value_predicates_.emplace(key, NormalizePredicate(canonical));
  }
}

const KnownEntity* Lexicon::FindEntity(std::string_view name) const {
  auto it = entity_index_.find(NormalizeName(name));
  return it == entity_index_.end() ? nullptr : &entities_[it->second];
}

char Lexicon::Gender(std::string_view given_name) const {
  auto it = given_names_.find(AsciiLower(std::string(given_name)));
  return it == given_names_.end() ? 0 : it->second;
}

EntityType Lexicon::CueType(std::string_view word) const {
  auto it = cues_.find(AsciiLower(std::string(word)));
  return it == cues_.end() ? ENTITY_TYPE_UNSPECIFIED : it->second;
}

bool Lexicon::IsTitle(std::string_view word) const {
  return titles_.contains(AsciiLower(std::string(word)));
}

bool Lexicon::HasValuePredicate(const std::string& lemma) const {
  return value_predicates_.contains(NormalizePredicate(lemma));
}

std::string Lexicon::CanonicalPredicate(const std::string& lemma,
                                        bool value) const {
  const auto& table = value ? value_predicates_ : predicates_;
  auto it = table.find(NormalizePredicate(lemma));
  if (it != table.end()) return it->second;
  const auto& other = value ? predicates_ : value_predicates_;
  it = other.find(NormalizePredicate(lemma));
  return it == other.end() ? NormalizePredicate(lemma) : it->second;
}

StatusOr<Lexicon> Lexicon::Load(const std::string& dir) {
  Lexicon lexicon;
  auto load = [&](const char* file, auto&& add) -> Status {
    std::string path = (std::filesystem::path(dir) / file).string();
    if (!std::filesystem::exists(path)) return OkStatus();
    CG_ASSIGN_OR_RETURN(std::vector<Row> rows, ReadTable(path));
    for (const Row& row : rows) CG_RETURN_IF_ERROR(add(row));
    return OkStatus();
  };
  auto entity_loader = [&](EntityType default_type, bool region = false) {
    return [&lexicon, default_type, region](const Row& row) -> Status {
      KnownEntity e;
      e.name = Column(row, {"name", "canonical"});
      if (e.name.empty()) return OkStatus();
      e.region = region;
      e.type = default_type;
      std::string type = Column(row, {"type"});
      if (!type.empty()) {
        CG_ASSIGN_OR_RETURN(e.type, ParseEntityType(type));
      }
      for (const char* col :
           {"aliases", "alias", "acronym", "acronyms", "abbreviation"}) {
        auto it = row.find(col);
        if (it == row.end()) continue;
        for (std::string& a : Split(it->second, "|;"))
          e.aliases.push_back(std::move(a));
      }
      lexicon.AddEntity(std::move(e));
      return OkStatus();
    };
  };
  CG_RETURN_IF_ERROR(load("agencies.tsv", entity_loader(AGENCY)));
  // The first entry of a name wins: US states before countries ("Georgia"),
  // as the news read here is mostly American.
  CG_RETURN_IF_ERROR(load("us_states.tsv", entity_loader(LOCATION, true)));
  CG_RETURN_IF_ERROR(load("cities.tsv", entity_loader(LOCATION)));
  CG_RETURN_IF_ERROR(load("countries.tsv", entity_loader(LOCATION, true)));
  CG_RETURN_IF_ERROR(load("given_names.tsv", [&](const Row& row) {
    std::string g = AsciiLower(Column(row, {"gender", "sex"}));
    lexicon.AddGivenName(Column(row, {"name", "given_name"}),
                         g.empty() ? 'u' : g[0]);
    return OkStatus();
  }));
  CG_RETURN_IF_ERROR(
      load("organization_cues.tsv", [&](const Row& row) -> Status {
        std::string word = Column(row, {"word", "cue", "name"});
        CG_ASSIGN_OR_RETURN(EntityType type,
                            ParseEntityType(Column(row, {"type"})));
        if (type == PERSON) {
          lexicon.AddTitle(word);
        } else {
          lexicon.AddCue(word, type);
        }
        return OkStatus();
      }));
  CG_RETURN_IF_ERROR(load("predicates.tsv", [&](const Row& row) {
    std::string surface = Column(row, {"surface", "lemma", "verb", "phrase"});
    std::string canonical = Column(row, {"canonical", "predicate"});
    std::string target = Column(row, {"target"});
    if (!surface.empty() && !canonical.empty()) {
      lexicon.AddPredicate(surface, canonical, target);
    }
    return OkStatus();
  }));
  return lexicon;
}

std::string DefaultLexiconDir() {
  if (const char* env = std::getenv("CLAIMGRAPH_LEXICONS")) return env;
  std::filesystem::path models(DefaultModelDir());
  std::filesystem::path beside = models.parent_path() / "lexicons";
  if (std::filesystem::exists(beside)) return beside.string();
  return "data/lexicons";
}

}  // namespace claimgraph
