// Entity mentions in a parsed sentence, and the document-level memory that
// resolves later references to them (internal to src/extract).
//
// Names are maximal runs of capitalised words containing a proper noun,
// joined across "of", "and", "for", "the" and "&" inside a name
// ("Department of Homeland Security"); a leading person title is split off
// ("U.S. Attorney Leah Foley" -> title "U.S. Attorney", name "Leah Foley").
// Types come from, in order: the document's earlier mentions, the lexicons,
// the acronym definitions of the document, cue words (the last word:
// "Department" -> AGENCY; "Technologies" -> COMPANY), a known given name or
// a title (PERSON).
//
// Coreference of the common kinds: an acronym to its long form, a surname
// (or a shorter form of a name) to the full name mentioned before, "the
// agency"/"the company" to the last entity of that type, and he/she to the
// last person of that gender, it to the last organisation.

#ifndef CLAIMGRAPH_EXTRACT_MENTIONS_H_
#define CLAIMGRAPH_EXTRACT_MENTIONS_H_

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "claimgraph.pb.h"
#include "extract/lexicon.h"
#include "text/sentence.h"

namespace claimgraph {

struct NameMention {
  int first = 0;  // Words [first, last], 1-based.
  int last = 0;
  Entity entity;  // Resolved: canonical name, type, aliases, title.
};

// The entity type a kind noun says ("company" -> COMPANY, "agency" ->
// AGENCY, "group" -> ORGANIZATION), or ENTITY_TYPE_UNSPECIFIED.
EntityType KindNounType(const std::string& lemma);

class DocumentMemory {
 public:
  explicit DocumentMemory(const Lexicon* lexicon) : lexicon_(lexicon) {}

  // Records "long form (SHORT)" definitions found in the text.
  void AddAcronym(const std::string& short_form, const std::string& long_form);

  // Finds and resolves the names of a sentence, remembering them.
  std::vector<NameMention> FindNames(const Sentence& sentence);

  // The entity a pronoun or definite description refers to, if any: "he",
  // "she", "it", "they", "the agency", "the company". Only entities named
  // before the current sentence count (anaphora looks back); antecedents
  // earlier in the same sentence are the caller's (see Refers).
  std::optional<Entity> Resolve(const std::string& word_lower,
                                const std::string& noun_lower) const;

  // True when `candidate` is of the kind a pronoun or definite description
  // refers to (he: a man; it: an organisation; "the agency": an AGENCY).
  bool Refers(const std::string& word_lower, const std::string& noun_lower,
              const Entity& candidate) const;

  // Names the entity `e` under its canonical name for the rest of the
  // document, and makes it the latest of its type.
  void Remember(const Entity& e);

  // Things without a name, described in an earlier claim ("40 autonomous
  // surveillance towers"), by the lemma of their head noun ("tower"): "the
  // towers" later denotes them.
  void RememberDescribed(const std::string& head_lemma, const Entity& e);
  std::optional<Entity> Described(const std::string& head_lemma) const;

  // The set the latest value claim of a sentence counted or took a share of
  // ("captured images ... in 76% of vehicles": the test and "vehicles"),
  // which an "of those" in the next sentence refers to; the set of the
  // sentence before the current one, if it had one.
  void RememberCountedSet(const Entity& subject, const std::string& set);
  std::optional<std::pair<Entity, std::string>> PreviousCountedSet() const;

  const Lexicon& lexicon() const { return *lexicon_; }

 private:
  Entity Canonical(const std::string& name, EntityType hint,
                   const std::string& title);
  EntityType TypeOf(const std::vector<std::string>& words,
                    const std::string& title) const;
  // True when the run of capitalised words first..last and the run after
  // the "and" that follows it are two organisations' names.
  bool TwoOrganisations(const Sentence& s, int first, int last) const;
  // The steps of FindNames. The last word of the run of capitalised words
  // (and connectors) from word `i`; whether one of them is tagged PROPN.
  int NameRunEnd(const Sentence& s, int i, bool* has_propn) const;
  // Extends the run first..*last by the common nouns after it that make a
  // name the lexicon knows ("the Anzalduas border crossing").
  bool ExtendByLexicon(const Sentence& s, int first, int* last) const;
  // Whether first..last is a name, given whether the tagger said so.
  bool LooksLikeName(const Sentence& s, int first, int last,
                     bool has_propn) const;
  // The mention of first..last with its leading title split off; counts it
  // for salience.
  NameMention NewNameMention(const Sentence& s, int first, int last);

  const Lexicon* lexicon_;
  std::map<std::string, std::string> acronyms_;  // SHORT -> long form.
  std::map<std::string, Entity> known_;          // Normalised name -> entity.
  std::map<std::string, Entity> by_surname_;     // Surname -> person.
  std::map<std::string, Entity> described_;      // Head lemma -> entity.
  std::map<EntityType, Entity> last_of_type_;
  std::map<char, Entity> last_person_by_gender_;
  // Mentions of each entity (by canonical name) and the order of its
  // latest mention, before the current sentence: "the agency" is the agency
  // the story is about, the one named most so far.
  std::map<std::string, std::pair<int, int>> salience_;
  std::map<std::string, std::pair<int, int>> prior_salience_;
  int mentions_seen_ = 0;
  int sentence_start_ = 0;       // mentions_seen_ when this sentence began.
  int last_sentence_start_ = 0;  // ... and when the one before began.
  // The two maps above as they were before the current sentence.
  std::map<EntityType, Entity> prior_of_type_;
  int sentences_ = 0;  // Sentences whose names were found so far.
  std::optional<std::pair<Entity, std::string>> counted_set_;
  int counted_set_sentence_ = -1;
  std::map<char, Entity> prior_person_by_gender_;
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_MENTIONS_H_
