#include "extract/mentions.h"

#include <set>

#include "base/ascii.h"
#include "model/claim.h"
#include "model/names.h"

namespace claimgraph {
namespace {

bool IsCapitalised(const std::string& form) {
  return !form.empty() && std::isupper(static_cast<unsigned char>(form[0]));
}

// "ImmigrationOS", "McAllen": a capital after the first letter marks a name
// even when the tagger calls it a common noun.
bool IsCamelCase(const std::string& form) {
  if (!IsCapitalised(form)) return false;
  for (size_t i = 1; i < form.size(); ++i) {
    if (std::isupper(static_cast<unsigned char>(form[i])) &&
        std::islower(static_cast<unsigned char>(form[i - 1]))) {
      return true;
    }
  }
  return false;
}

// Adds `alias` unless the entity already has that name or alias.
void AddAliasOnce(const std::string& alias, Entity* e) {
  std::string norm = NormalizeName(alias);
  if (norm.empty() || norm == NormalizeName(e->name())) return;
  for (const std::string& a : e->aliases()) {
    if (NormalizeName(a) == norm) return;
  }
  e->add_aliases(alias);
}

bool IsAcronym(const std::string& form) {
  int upper = 0;
  for (char c : form) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
    if (std::isupper(static_cast<unsigned char>(c))) ++upper;
  }
  return upper >= 2;
}

bool IsConnector(const std::string& form) {
  static const std::set<std::string> kConnectors = {"of", "and", "for", "the",
                                                    "&",  "de",  "on"};
  return kConnectors.contains(form);
}

// "Sasabe and Nogales": one capitalised word, "and", and one more that the
// parse makes its conjunct are two names, not one ("Immigration and Customs
// Enforcement" goes on after the second word). `first`..`last` is the run
// so far.
bool TwoNames(const Sentence& s, int first, int last) {
  int n = static_cast<int>(s.words.size());
  if (first != last || last + 2 > n || s.words[last].form != "and")
    return false;
  const Word& second = s.words[last + 1];
  bool run_ends = last + 3 > n || !IsCapitalised(s.words[last + 2].form) ||
                  s.words[last + 2].upos == "PUNCT";
  return run_ends && second.deprel == "conj" && second.head == last;
}

// Built-in cue words, extended by data/lexicons/organization_cues.tsv.
EntityType BuiltinCue(const std::string& word) {
  static const std::map<std::string, EntityType> kCues = {
      {"department", AGENCY},
      {"bureau", AGENCY},
      {"administration", AGENCY},
      {"enforcement", AGENCY},
      {"protection", AGENCY},
      {"agency", AGENCY},
      {"service", AGENCY},
      {"services", AGENCY},
      {"patrol", AGENCY},
      {"commission", AGENCY},
      {"office", AGENCY},
      {"police", AGENCY},
      {"army", AGENCY},
      {"guard", AGENCY},
      {"inc.", COMPANY},
      {"inc", COMPANY},
      {"corp.", COMPANY},
      {"corp", COMPANY},
      {"technologies", COMPANY},
      {"llc", COMPANY},
      {"company", COMPANY},
      {"group", COMPANY},
      {"systems", COMPANY},
      {"labs", COMPANY},
      {"co.", COMPANY},
      {"ltd", COMPANY},
      {"foundation", ORGANIZATION},
      {"union", ORGANIZATION},
      {"institute", ORGANIZATION},
      {"center", ORGANIZATION},
      {"council", ORGANIZATION},
      {"association", ORGANIZATION},
      {"university", ORGANIZATION},
      {"coalition", ORGANIZATION},
      {"committee", ORGANIZATION},
      {"court", ORGANIZATION},
      {"congress", ORGANIZATION},
      {"senate", ORGANIZATION},
      {"system", PROGRAM},
      {"program", PROGRAM},
      {"app", PROGRAM},
      {"initiative", PROGRAM},
      {"operation", EVENT},
      {"bridge", LOCATION},
      {"county", LOCATION},
      {"valley", LOCATION},
      {"river", LOCATION},
      {"city", LOCATION},
      {"port", LOCATION}};
  auto it = kCues.find(word);
  return it == kCues.end() ? ENTITY_TYPE_UNSPECIFIED : it->second;
}

bool BuiltinTitle(const std::string& word) {
  static const std::set<std::string> kTitles = {"attorney",
                                                "rep.",
                                                "sen.",
                                                "senator",
                                                "representative",
                                                "secretary",
                                                "director",
                                                "mayor",
                                                "president",
                                                "gov.",
                                                "governor",
                                                "commissioner",
                                                "chief",
                                                "judge",
                                                "dr.",
                                                "mr.",
                                                "ms.",
                                                "mrs.",
                                                "sheriff",
                                                "officer",
                                                "agent",
                                                "spokesman",
                                                "spokeswoman",
                                                "spokesperson",
                                                "minister",
                                                "acting",
                                                "deputy",
                                                "general",
                                                "inspector",
                                                "czar",
                                                "chairman",
                                                "chairwoman",
                                                "ceo",
                                                "founder",
                                                "lt.",
                                                "sgt.",
                                                "capt."};
  return kTitles.contains(word);
}

const std::map<std::string, EntityType>& DefiniteNouns() {
  static const auto* nouns =
      new std::map<std::string, EntityType>{{"agency", AGENCY},
                                            {"department", AGENCY},
                                            {"bureau", AGENCY},
                                            {"company", COMPANY},
                                            {"firm", COMPANY},
                                            {"contractor", COMPANY},
                                            {"vendor", COMPANY},
                                            {"group", ORGANIZATION},
                                            {"organization", ORGANIZATION},
                                            {"program", PROGRAM},
                                            {"platform", PROGRAM},
                                            {"system", PROGRAM},
                                            {"app", PROGRAM},
                                            {"software", PROGRAM},
                                            {"tool", PROGRAM}};
  return *nouns;
}

}  // namespace

EntityType KindNounType(const std::string& lemma) {
  auto it = DefiniteNouns().find(lemma);
  if (it != DefiniteNouns().end()) return it->second;
  static const std::map<std::string, EntityType> kMore = {
      {"operator", COMPANY},       {"maker", COMPANY},
      {"startup", COMPANY},        {"manufacturer", COMPANY},
      {"broker", COMPANY},         {"university", ORGANIZATION},
      {"nonprofit", ORGANIZATION}, {"institute", ORGANIZATION},
      {"coalition", ORGANIZATION}, {"watchdog", ORGANIZATION}};
  auto more = kMore.find(lemma);
  return more == kMore.end() ? ENTITY_TYPE_UNSPECIFIED : more->second;
}

void DocumentMemory::AddAcronym(const std::string& short_form,
                                const std::string& long_form) {
  acronyms_[short_form] = long_form;
  auto it = known_.find(NormalizeName(long_form));
  if (it != known_.end()) {
    Entity e = it->second;
    AddAliasOnce(short_form, &e);
    Remember(e);
  }
}

EntityType DocumentMemory::TypeOf(const std::vector<std::string>& words,
                                  const std::string& title) const {
  if (!title.empty()) return PERSON;
  for (auto it = words.rbegin(); it != words.rend(); ++it) {
    std::string w = AsciiLower(*it);
    EntityType t = lexicon_->CueType(w);
    if (t == ENTITY_TYPE_UNSPECIFIED) t = BuiltinCue(w);
    if (t != ENTITY_TYPE_UNSPECIFIED) return t;
    if (it == words.rbegin())
      continue;  // Only the last word, or a cue before "of".
    break;
  }
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i + 1] == "of") {
      EntityType t = BuiltinCue(AsciiLower(words[i]));
      if (t != ENTITY_TYPE_UNSPECIFIED) return t;
    }
  }
  if (words.size() >= 2 && words.size() <= 3 &&
      lexicon_->Gender(words[0]) != 0) {
    return PERSON;
  }
  return OTHER;
}

Entity DocumentMemory::Canonical(const std::string& name, EntityType hint,
                                 const std::string& title) {
  std::string norm = NormalizeName(name);
  if (auto it = known_.find(norm); it != known_.end()) return it->second;
  if (auto it = acronyms_.find(name); it != acronyms_.end()) {
    Entity e = Canonical(it->second, hint, title);
    AddAliasOnce(name, &e);
    Remember(e);
    return e;
  }
  std::vector<std::string> words;
  for (size_t start = 0; start < name.size();) {
    size_t space = name.find(' ', start);
    if (space == std::string::npos) space = name.size();
    words.push_back(name.substr(start, space - start));
    start = space + 1;
  }
  if (words.size() == 1) {
    if (auto it = by_surname_.find(AsciiLower(name)); it != by_surname_.end())
      return it->second;
  }
  // A shorter form of a known name: "Palantir" for "Palantir Technologies",
  // "Department of Public Safety" for "Texas Department of Public Safety";
  // not when the shorter form is a known entity of its own ("Texas").
  const Entity* longer = nullptr;
  std::set<std::string> longer_names;
  bool prefix_only = words.size() == 1;  // "Safety" is no short form.
  for (const auto& [key, e] : known_) {
    bool prefix = key.rfind(norm + " ", 0) == 0;
    bool suffix = !prefix_only && key.size() > norm.size() + 1 &&
                  key.compare(key.size() - norm.size() - 1, std::string::npos,
                              " " + norm) == 0;
    if (key.size() > norm.size() && (prefix || suffix)) {
      longer_names.insert(e.name());
      longer = &e;
    }
  }
  if (longer_names.size() == 1 && longer->type() != PERSON &&
      lexicon_->FindEntity(name) == nullptr) {
    return *longer;
  }
  Entity e;
  if (const KnownEntity* known = lexicon_->FindEntity(name)) {
    e.set_name(known->name);
    e.set_type(known->type);
    for (const std::string& a : known->aliases) AddAliasOnce(a, &e);
    AddAliasOnce(name, &e);
  } else {
    e.set_name(name);
    e.set_type(hint != ENTITY_TYPE_UNSPECIFIED ? hint : TypeOf(words, title));
  }
  if (!title.empty()) e.set_title(title);
  Remember(e);
  return e;
}

void DocumentMemory::Remember(const Entity& e) {
  known_[NormalizeName(e.name())] = e;
  for (const std::string& a : e.aliases()) known_[NormalizeName(a)] = e;
  last_of_type_[e.type()] = e;
  if (IsOrganizationType(e.type())) {
    last_of_type_[ENTITY_TYPE_UNSPECIFIED] = e;  // "it"
  }
  if (e.type() == PERSON) {
    std::string name = e.name();
    size_t space = name.rfind(' ');
    if (space != std::string::npos)
      by_surname_[AsciiLower(name.substr(space + 1))] = e;
    char g = lexicon_->Gender(name.substr(0, name.find(' ')));
    if (g == 'm' || g == 'f') last_person_by_gender_[g] = e;
  }
}

std::optional<Entity> DocumentMemory::Resolve(const std::string& word,
                                              const std::string& noun) const {
  auto last = [&](auto& map, auto key) -> std::optional<Entity> {
    auto it = map.find(key);
    if (it == map.end()) return std::nullopt;
    return it->second;
  };
  if (word == "he" || word == "him" || word == "his")
    return last(prior_person_by_gender_, 'm');
  if (word == "she" || word == "her") return last(prior_person_by_gender_, 'f');
  if (word == "it" || word == "its")
    return last(prior_of_type_, ENTITY_TYPE_UNSPECIFIED);
  auto it = DefiniteNouns().find(noun);
  if (it == DefiniteNouns().end()) return std::nullopt;
  // One named in the sentence before wins ("The San Diego Police Department
  // said ... a spokesperson for the department"); otherwise the most named.
  if (auto recent = last(prior_of_type_, it->second)) {
    auto s = prior_salience_.find(NormalizeName(recent->name()));
    if (s != prior_salience_.end() && s->second.second > last_sentence_start_)
      return recent;
  }
  const Entity* best = nullptr;
  std::pair<int, int> best_salience{0, 0};
  for (const auto& [key, e] : known_) {
    if (e.type() != it->second) continue;
    auto s = prior_salience_.find(NormalizeName(e.name()));
    if (s == prior_salience_.end()) continue;
    if (best == nullptr || s->second > best_salience) {
      best = &e;
      best_salience = s->second;
    }
  }
  if (best != nullptr) return *best;
  return last(prior_of_type_, it->second);
}

void DocumentMemory::RememberDescribed(const std::string& head_lemma,
                                       const Entity& e) {
  // The first, fullest description stays ("autonomous surveillance towers"
  // rather than a later "towers").
  described_.emplace(head_lemma, e);
}

void DocumentMemory::RememberCountedSet(const Entity& subject,
                                        const std::string& set) {
  counted_set_ = std::make_pair(subject, set);
  counted_set_sentence_ = sentences_;
}

std::optional<std::pair<Entity, std::string>>
DocumentMemory::PreviousCountedSet() const {
  if (counted_set_sentence_ != sentences_ - 1) return std::nullopt;
  return counted_set_;
}

std::optional<Entity> DocumentMemory::Described(
    const std::string& head_lemma) const {
  auto it = described_.find(head_lemma);
  if (it == described_.end()) return std::nullopt;
  return it->second;
}

bool DocumentMemory::Refers(const std::string& word, const std::string& noun,
                            const Entity& e) const {
  if (word == "he" || word == "him" || word == "his" || word == "she" ||
      word == "her") {
    if (e.type() != PERSON) return false;
    char g = lexicon_->Gender(e.name().substr(0, e.name().find(' ')));
    return g == (word[0] == 'h' && word != "her" ? 'm' : 'f');
  }
  if (word == "it" || word == "its") {
    return IsOrganizationType(e.type());
  }
  auto it = DefiniteNouns().find(noun);
  return it != DefiniteNouns().end() && e.type() == it->second;
}

bool DocumentMemory::TwoOrganisations(const Sentence& s, int first,
                                      int last) const {
  // "The National Immigration Law Center and Just Futures Law sued ...":
  // a run that is already a whole organisation's name (it ends in an
  // organisation's head word, or is an acronym), then "and" and a run the
  // parse makes a conjunct of it, are two names ("Immigration and Customs
  // Enforcement", "Department of Health and Human Services" go on: their
  // first part is no whole name, or the lexicon knows the joined name).
  int n = static_cast<int>(s.words.size());
  if (last + 2 > n || s.words[last].form != "and") return false;
  std::string tail = AsciiLower(s.words[last - 1].form);
  EntityType t = lexicon_->CueType(tail);
  if (t == ENTITY_TYPE_UNSPECIFIED) t = BuiltinCue(tail);
  bool whole = t == AGENCY || t == COMPANY || t == ORGANIZATION ||
               (first == last && IsAcronym(s.words[last - 1].form));
  if (!whole) return false;
  int end = last + 2;
  while (end < n && IsCapitalised(s.words[end].form) &&
         s.words[end].upos != "PUNCT")
    ++end;
  bool conjunct = false;
  for (int k = last + 2; k <= end; ++k) {
    const Word& w = s.words[k - 1];
    conjunct =
        conjunct || (w.deprel == "conj" && w.head >= first && w.head <= last);
  }
  if (!conjunct) return false;
  std::string joined;
  for (int k = first; k <= end; ++k) {
    std::string f = s.words[k - 1].form;
    if (k == first && (AsciiLower(f) == "the")) continue;
    joined += (joined.empty() ? "" : " ") + f;
  }
  return lexicon_->FindEntity(joined) == nullptr;
}

std::vector<NameMention> DocumentMemory::FindNames(const Sentence& s) {
  ++sentences_;
  prior_of_type_ = last_of_type_;
  prior_person_by_gender_ = last_person_by_gender_;
  prior_salience_ = salience_;
  last_sentence_start_ = sentence_start_;
  sentence_start_ = mentions_seen_;
  std::vector<NameMention> out;
  int n = static_cast<int>(s.words.size());
  for (int i = 1; i <= n; ++i) {
    const Word& w = s.words[i - 1];
    if (!IsCapitalised(w.form) || w.upos == "PUNCT") continue;
    bool has_propn = false;
    int j = NameRunEnd(s, i, &has_propn);
    int first = i;
    // (Nor "A"/"An" opening a sentence: "An ICE spokesperson said".)
    std::string article = AsciiLower(w.form);
    if ((article == "the" || article == "a" || article == "an") && first < j)
      ++first;
    if (ExtendByLexicon(s, first, &j)) has_propn = true;
    if (LooksLikeName(s, first, j, has_propn))
      out.push_back(NewNameMention(s, first, j));
    i = j;
  }
  return out;
}

int DocumentMemory::NameRunEnd(const Sentence& s, int i,
                               bool* has_propn) const {
  // Capitalised words, and connectors between them ("Immigration and
  // Customs Enforcement") unless they join two names.
  int n = static_cast<int>(s.words.size());
  auto w = [&](int k) -> const Word& { return s.words[k - 1]; };
  int j = i;
  *has_propn = w(i).upos == "PROPN";
  while (j < n) {
    if (IsCapitalised(w(j + 1).form) && w(j + 1).upos != "PUNCT") {
      ++j;
    } else if (j + 2 <= n && IsConnector(w(j + 1).form) &&
               IsCapitalised(w(j + 2).form) && w(j + 2).upos != "PUNCT" &&
               !TwoNames(s, i, j) && !TwoOrganisations(s, i, j)) {
      j += 2;
    } else {
      break;
    }
    *has_propn = *has_propn || w(j).upos == "PROPN";
  }
  return j;
}

bool DocumentMemory::ExtendByLexicon(const Sentence& s, int first,
                                     int* last) const {
  // "the Anzalduas border crossing": common nouns after a name that
  // together with it make a name the lexicon knows belong to the name.
  int n = static_cast<int>(s.words.size());
  for (int extra = 3; extra >= 1; --extra) {
    if (*last + extra > n) continue;
    std::string longer;
    bool common = true;
    for (int k = first; k <= *last + extra; ++k) {
      const Word& w = s.words[k - 1];
      longer += (longer.empty() ? "" : " ") + w.form;
      if (k > *last)
        common = common && !IsCapitalised(w.form) && w.upos != "PUNCT" &&
                 w.upos != "DET";
    }
    if (common && lexicon_->FindEntity(longer) != nullptr) {
      *last += extra;
      return true;
    }
  }
  return false;
}

bool DocumentMemory::LooksLikeName(const Sentence& s, int first, int last,
                                   bool has_propn) const {
  const std::string& head = s.words[first - 1].form;
  // Taggers often miss names made of common words ("Investigative Case
  // Management") and acronyms ("ICE"): a run of two or more capitalised
  // words, or an all-capital word, counts too.
  int capitalised = 0;
  for (int k = first; k <= last; ++k)
    capitalised += IsCapitalised(s.words[k - 1].form) ? 1 : 0;
  if (capitalised >= 2 || IsAcronym(head) || IsCamelCase(head))
    has_propn = true;
  // "Gaines said ...": a lone capitalised word the tagger took for a
  // common noun is the surname of a person the story has named.
  if (first == last && by_surname_.contains(AsciiLower(head))) has_propn = true;
  // "Agency spokesperson Joanna Pruitt": a generic noun capitalised only
  // because it opens the sentence is no name.
  if (first == 1 && last == 1 && !IsAcronym(head) &&
      DefiniteNouns().contains(AsciiLower(head))) {
    has_propn = false;
  }
  return has_propn;
}

NameMention DocumentMemory::NewNameMention(const Sentence& s, int first,
                                           int last) {
  std::vector<std::string> words;
  for (int k = first; k <= last; ++k) words.push_back(s.words[k - 1].form);
  // Split off a leading title: everything up to the last title word.
  int split = -1;
  for (size_t k = 0; k + 1 < words.size(); ++k) {
    std::string lw = AsciiLower(words[k]);
    if (lexicon_->IsTitle(lw) || BuiltinTitle(lw)) split = static_cast<int>(k);
  }
  std::string title, name;
  for (size_t k = 0; k < words.size(); ++k) {
    std::string& part = static_cast<int>(k) <= split ? title : name;
    part += (part.empty() ? "" : " ") + words[k];
  }
  NameMention m;
  m.first = split >= 0 ? first + split + 1 : first;
  m.last = last;
  m.entity = Canonical(name, ENTITY_TYPE_UNSPECIFIED, title);
  auto& seen = salience_[NormalizeName(m.entity.name())];
  seen = {seen.first + 1, ++mentions_seen_};
  return m;
}

}  // namespace claimgraph
