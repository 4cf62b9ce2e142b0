// Lexicons that extraction reads from data/lexicons/ (format:
// docs/lexicons.md): known entities (agencies, countries, US states,
// cities) with their types and aliases, given names with gender, words that
// cue an entity type, and the table mapping verbs to canonical predicates.
// Users extend them by editing the TSV files.

#ifndef CLAIMGRAPH_EXTRACT_LEXICON_H_
#define CLAIMGRAPH_EXTRACT_LEXICON_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "claimgraph.pb.h"

namespace claimgraph {

struct KnownEntity {
  std::string name;  // Canonical name.
  EntityType type = OTHER;
  std::vector<std::string> aliases;
  // A country or US state: something other places are "in".
  bool region = false;
};

class Lexicon {
 public:
  // Reads every lexicon file found in `dir`; missing files are skipped,
  // malformed lines are errors naming file:line.
  static StatusOr<Lexicon> Load(const std::string& dir);

  // The known entity a name (or alias) denotes, by normalised name.
  const KnownEntity* FindEntity(std::string_view name) const;
  // 'f', 'm' or 'u' for a known given name, 0 otherwise.
  char Gender(std::string_view given_name) const;
  // The type a cue word suggests ("Department" -> AGENCY), or
  // ENTITY_TYPE_UNSPECIFIED.
  EntityType CueType(std::string_view word) const;
  // True for person titles ("Rep.", "Attorney", "Secretary").
  bool IsTitle(std::string_view word) const;
  // The canonical predicate for a lemma or lemma phrase ("award" ->
  // "contract"), preferring the rows for claims with a value when `value`
  // ("pay $2 million" -> spend, "pay Palantir" -> contract); the input
  // itself when the table has none. The first row of a surface wins.
  std::string CanonicalPredicate(const std::string& lemma,
                                 bool value = false) const;

  // True when the table has a row for claims with a value for the lemma
  // ("forecast").
  bool HasValuePredicate(const std::string& lemma) const;

  // For tests and for adding entries by hand.
  void AddEntity(KnownEntity entity);
  void AddGivenName(const std::string& name, char gender);
  void AddCue(const std::string& word, EntityType type);
  void AddTitle(const std::string& word);
  // `target` is "entity", "value" or "" (both).
  void AddPredicate(const std::string& surface, const std::string& canonical,
                    const std::string& target = "");

 private:
  std::vector<KnownEntity> entities_;
  std::map<std::string, size_t> entity_index_;  // Normalised name -> entity.
  std::map<std::string, char> given_names_;
  std::map<std::string, EntityType> cues_;
  std::map<std::string, bool> titles_;
  std::map<std::string, std::string> predicates_;        // Entity objects.
  std::map<std::string, std::string> value_predicates_;  // Value objects.
};

// Where to look for lexicons when none is given: $CLAIMGRAPH_LEXICONS, else
// the "data/lexicons" beside the model directory's parent (the checkout).
std::string DefaultLexiconDir();

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_LEXICON_H_
