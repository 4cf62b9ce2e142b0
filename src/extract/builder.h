// Claims from the propositions of one parsed sentence (internal to
// src/extract; the rules are listed in docs/extraction.md).

#ifndef CLAIMGRAPH_EXTRACT_BUILDER_H_
#define CLAIMGRAPH_EXTRACT_BUILDER_H_

#include <optional>
#include <vector>

#include "claimgraph.pb.h"
#include "extract/clauses.h"
#include "extract/extract.h"
#include "extract/mentions.h"
#include "recognize/recognize.h"
#include "text/sentence.h"

namespace claimgraph {

class SentenceClaims {
 public:
  // `mentions` are the recognised quantities and dates of the whole story;
  // `base` is the story's offset in the article's text.
  SentenceClaims(const Sentence& sentence, const std::vector<Mention>& mentions,
                 DocumentMemory* memory, const Source& source, long base);

  std::vector<ExtractedClaim> Build();

 private:
  // The claims of one clause: its subject, predicate and object or value,
  // qualifiers and attribution, one per conjunct.
  std::vector<ExtractedClaim> FromProposition(const Proposition& p);
  // The steps of FromProposition (builder.cc). The event's lemma phrase:
  // the last verb after an aspect verb, with its particle.
  std::string EventLemma(const Proposition& p, const std::string& verb) const;
  // "X was hired by Y" -> Y hire X; false when the agent is no entity.
  bool FillPassive(const Entity& subject, const Argument& agent, Claim* claim);
  // "in only 76% of vehicles": the share as value, the object as theme.
  void FillShare(const Entity& subject, const Phrase& share,
                 const Argument* object, Claim* claim) const;
  // A counted or measured object as the value; false for a bare number.
  bool FillValue(const Entity& subject, const Argument& object,
                 const Mention& q, Claim* claim);
  // An entity object (the first conjunct; the others go to
  // `more_targets`); false when the object denotes no entity.
  bool FillObject(const Entity& subject, const Argument& object, Claim* claim,
                  std::vector<Entity>* more_targets);
  // Sets the canonical predicate of `lemma` (of "be <participle> <marker>"
  // for a passive without agent); false when the clause gives no claim: an
  // agentless passive the table does not know, or a speech act.
  bool SetPredicate(const Proposition& p, bool has_agent,
                    const Argument* object, const std::string& verb,
                    std::string lemma, Claim* claim) const;
  // One copy of each claim in `all` per further named conjunct of the
  // subject (of the object when a passive was turned active).
  void AddSubjectConjuncts(const Proposition& p, bool passive_turned,
                           std::vector<ExtractedClaim>* all);
  // "ICE allegedly used ..." parsed with "ICE" as the root and "used" as its
  // reduced relative: a passive participle with a direct object is active.
  Proposition RepairReducedRelative(const Proposition& p) const;
  // "teaches law at Loyola University Chicago" with "at" hung on "law":
  // the named phrase moves to the verb when the table knows "teach at"
  // (clause_repairs.cc, with the two repairs around it).
  Proposition ReattachToVerb(const Proposition& p) const;
  // "raised its forecast to $3.9 billion": the forecast's value.
  Proposition NewLevelOfMeasure(const Proposition& p) const;
  // "stand on land near Sasabe": the places a generic place noun names.
  Proposition PlaceBehindGenericNoun(const Proposition& p) const;
  // Clauses that state no fact: intentions, subjectless participle clauses,
  // speech with its content, and what one lets, asks or urges another to do.
  // (clause_filters.cc.)
  bool StatesNoFact(const Proposition& p, const std::string& verb) const;
  // "let agents see", "pushed Congress to close": the complement's event
  // has not happened, and letting relates nothing.
  bool LetsOrAsks(const Proposition& p, const std::string& verb) const;
  // A sentence that tells the reader to do something ("Get the Morning
  // Brief delivered ..."): no claims.
  bool IsImperative() const;
  // The subject of a clause: a name or its coreferent, an actor noun, or a
  // measured noun whose change the clause states (a STATISTIC).
  std::optional<Entity> ClauseSubject(const Proposition& p);
  // "X said that it/the agency ...": the speaking body, if it fits.
  std::optional<Entity> SpeakerAsSubject(const Proposition& p);
  // The subject phrase, or for a relative clause hung on the place of
  // "a company based in Atlanta that ...", the thing based there.
  Phrase RelativeOverPlace(const Proposition& p) const;
  // The "by" agent of a passive clause, if any.
  const Argument* PassiveAgent(const Proposition& p) const;
  // The argument that gives the claim's object or value, if any.
  const Argument* ClauseObject(const Proposition& p,
                               const Argument* agent) const;
  // The unit of a counted value, from the parse where the recogniser's unit
  // is a modifier ("40 new towers" -> towers).
  void SetCountUnit(const Argument& object, const Mention& q,
                    Claim* claim) const;
  // The claim, then one copy per further conjunct target ("+conj").
  std::vector<ExtractedClaim> WithConjuncts(
      Claim claim, const std::string& rule,
      const std::vector<Entity>& more_targets) const;
  std::optional<ExtractedClaim> FromApposition(const Proposition& p);
  // hold_role (or member_of for "a member of") from an apposition.
  ExtractedClaim RoleClaim(const Proposition& p, const Entity& person,
                           const Entity& org,
                           const std::vector<int>& role_words);
  // "X is part of Y", "X is a member of Y" (copula_conj.cc).
  std::vector<ExtractedClaim> FromCopula(const Proposition& p);
  // The nominal conjuncts of `head` ("radar and cameras": cameras).
  std::vector<int> Conjuncts(int head) const;
  // `phrase` without the subtrees of `conjuncts`.
  Phrase FirstConjunct(const Phrase& phrase,
                       const std::vector<int>& conjuncts) const;
  // The words of `within` under `head`.
  Phrase SubPhrase(int head, const Phrase& within) const;
  bool Dominates(int top, int word) const;
  // The entity a phrase denotes: a name, a name a common noun is "called",
  // a pronoun or definite description, or (when `allow_common`) the phrase
  // itself as an OTHER entity.
  std::optional<Entity> EntityFor(const Phrase& phrase, bool allow_common);
  // The steps of EntityFor, in its order (builder_entity_for.cc). A name
  // at `head`, or the person a title word or an apposition there names.
  std::optional<Entity> NamedHead(int head) const;
  // "the El Paso sector": a thing of the place named right before `head`.
  std::optional<Entity> ThingOfPlace(int head, const NameMention& place,
                                     bool allow_common);
  // "ICE agents", "the ImmigrationOS platform": the name before `head`,
  // its kind learnt from the head noun.
  std::optional<Entity> NameWithKind(int head, const NameMention& name);
  // "the CBP One mobile app": a name, modifiers, then a program noun.
  std::optional<Entity> ProgramWithKind(int head);
  std::optional<Entity> NameInApposition(int head) const;
  // "a platform called ImmigrationOS".
  std::optional<Entity> CalledName(const Phrase& phrase);
  // "officials at the agency": the body actors act for.
  std::optional<Entity> BodyOfActors(const Phrase& phrase);
  // "the tool", "these towers": what an earlier mention described.
  std::optional<Entity> DefiniteReference(const Phrase& phrase);
  // The phrase itself as an OTHER entity, without determiners, transient
  // adjectives, durations and (LeftOutWords) the modifiers that do not
  // describe the thing; none when more than six words remain.
  std::optional<Entity> DescribedThing(const Phrase& phrase);
  std::vector<int> LeftOutWords(const Phrase& phrase) const;
  // A DOCUMENT entity for a report's source that names no body ("agency
  // figures", "the complaint"); none for other phrases.
  std::optional<Entity> DocumentFor(const Phrase& phrase);
  // The body a spokesperson phrase speaks for ("a spokesperson for DHS",
  // "the spokesperson" after one), or none.
  std::optional<Entity> SpokespersonBody(const Phrase& phrase);
  // A person named in apposition to `word` (either direction).
  // Bare "agents" for the agency they act for (builder_entities.cc).
  std::optional<Entity> AgencyOfMembers(const Phrase& phrase);
  // "X, a Y", "X (ACR), a Y", "X, the Z's Y" written as an apposition
  // whatever the parse made of it: the name X for the phrase headed by Y
  // (not in a list: "Chicago, the state of Illinois and ...").
  const NameMention* ApposedName(int head) const;
  const NameMention* PersonInApposition(int word) const;
  // What a pronoun ("it") or definite noun ("agency") at `word` refers to.
  std::optional<Entity> Antecedent(int word, const std::string& pronoun,
                                   const std::string& noun);
  // Words of the phrase in modifiers that do not describe the thing: dates
  // ("the app in October 2020"), sources ("data from apps"), purposes
  // ("radar to detect people"), agents ("data collected by police") and
  // attributions ("according to logs"); with `drop_places`, places too.
  std::vector<int> DatedModifiers(const Phrase& phrase, bool drop_places) const;
  // True when a passive's argument is its agent by a "by" the parse hung on
  // a compound of the argument's head.
  bool ByInside(const Argument& a) const;
  // True when the parse makes a number of `m` count the noun `head`.
  bool NumberOf(int head, const Mention& m) const;
  // "Tucson Sector Chief Patrol Agent": the unit ("Tucson Sector") and the
  // role after it, when a title begins with a unit of a place.
  std::optional<std::pair<Entity, std::string>> UnitInTitle(
      const std::string& title) const;
  // True when words before `head` under it hold a clause (a subject or a
  // wh-word): no plain noun phrase (nominal.cc).
  bool HoldsClause(int head) const;
  // "X has become one of the contractors of Y" -> Y contract X
  // (nominal_contractor.cc).
  std::optional<ExtractedClaim> ContractorOf(int noun);
  // The kind of an apposition with a split coordination ("law and policy
  // institute"), and its organisation ("... institute at NYU" -> part_of).
  std::string CoordinatedKind(int head, const std::string& core) const;
  std::optional<ExtractedClaim> UnitOf(int head, const Entity& unit);
  // "X, a subsidiary / member / unit of Y" -> subsidiary_of, member_of,
  // part_of (nominal_contractor.cc), for an X that is no person.
  std::optional<ExtractedClaim> WholeOf(int head, const Entity& part);
  // "the Denver company" -> the company locate_in Denver.
  std::optional<ExtractedClaim> PlaceOfCompany(int noun);
  // "X's contract with Y" -> X contract Y (nominal.cc).
  std::optional<ExtractedClaim> ContractWith(int noun);
  // Remembers the thing a counted phrase describes ("40 new towers").
  void RememberCounted(const Phrase& phrase);
  // The quantity whose span covers the phrase's head, if any.
  const Mention* QuantityFor(const Phrase& phrase) const;
  std::vector<const Mention*> MentionsIn(const Phrase& phrase) const;
  const NameMention* NameAt(int word) const;
  void AddQualifiers(const Proposition& p, const Argument* object,
                     Claim* claim);
  void AddAttribution(const Proposition& p, Claim* claim);
  Claim NewClaim(const Proposition& p, const std::string& rule) const;
  // The time qualifier of a date mention, resolving bare weekdays against
  // the publication date.
  std::string NewsDate(const Mention& m) const;
  // A timex with XXXX placeholders (weekday, month) resolved against the
  // publication date `date`; others as they are.
  static std::string ResolvedDate(const std::string& timex,
                                  const std::optional<Date>& date);
  // Place qualifiers for the place phrase headed by `head` and its
  // conjuncts; and for the place phrases ("in X") that modify `head`.
  void AddPlaces(int head, Claim* claim);
  void AddModifierPlaces(int head, Claim* claim);
  // The time of a calendar phrase headed by word `w` ("this spring", "the
  // first quarter") resolved against publication, or "".
  std::string CalendarPhrase(int w) const;
  // The phrase with the preposition(s) before it ("since", "between").
  Phrase WithMarker(const Phrase& phrase) const;
  // The canonical predicate of a lemma phrase, trying "be " + lemma too
  // ("base in" -> "be based in" -> locate_in).
  std::string CanonicalPredicate(const std::string& lemma, bool value) const;
  // Claims from noun phrases rather than clauses: "Mission, Texas",
  // "Denver-based", "X, a Y based in Z", "ICE spokesperson Dana Whitaker",
  // "a $30 million platform called ImmigrationOS".
  std::vector<ExtractedClaim> NominalClaims();
  // The parts of NominalClaims (nominal.cc), each for one pair of adjacent
  // names or one word: "Mission, Texas"; "the Anzalduas crossing in Texas";
  // "the University of Toronto's Citizen Lab"; "a $30 million platform
  // called ImmigrationOS"; "the Denver-based company".
  std::optional<ExtractedClaim> CityState(const NameMention& a,
                                          const NameMention& b);
  std::optional<ExtractedClaim> PlaceInRegion(const NameMention& a,
                                              const NameMention& b);
  std::optional<ExtractedClaim> PossessiveUnit(const NameMention& whole,
                                               const NameMention& unit);
  std::optional<ExtractedClaim> NamedCost(int word);
  std::optional<ExtractedClaim> BasedCompound(int word);
  // "X, a Y" with Y at `word`: what X is, is part of, or is located in.
  void ApposedKind(int word, std::vector<ExtractedClaim>* out);
  // The unnamed words of the kind headed by `head`; a named place among its
  // modifiers adds an appos-place claim for `name` to `out`.
  std::string KindWords(int head, const Entity& name,
                        std::vector<ExtractedClaim>* out);
  std::optional<ExtractedClaim> BasedInClause(int head, const Entity& name);
  // The role of the person named by names_[name_index]: at a named body
  // before it, at a generic body ("Agency spokesperson"), or in its title
  // (nominal_roles.cc).
  std::optional<ExtractedClaim> PersonRole(size_t name_index);
  // The name before names_[name_index] when only role words stand between
  // them, which go to `role`; else null.
  const NameMention* OrganisationBefore(size_t name_index,
                                        std::string* role) const;
  std::optional<ExtractedClaim> GenericBodyRole(const NameMention& person);
  std::optional<ExtractedClaim> TitleRole(const Entity& person,
                                          const std::string& title) const;
  // "a 152-day test" -> test last 152 day (event_measures.cc).
  std::vector<ExtractedClaim> EventDurations();
  // The time noun of a duration compound on `noun` ("day" of "152-day
  // test"), or 0.
  int DurationUnit(int noun) const;
  // An "in N% of Y" of the clause (an oblique, or a modifier the parse
  // hung on the direct object), if any.
  std::optional<Phrase> SharePhrase(const Proposition& p) const;
  // "Of those, only 81% met ...": a share as the subject, of a pronoun that
  // refers to the set the previous sentence's value claim counted; the
  // claim is that claim's subject with the share as value and that set as
  // denominator (event_measures.cc).
  std::optional<ExtractedClaim> ShareOfThose(const Proposition& p);
  // Remembers the set of the sentence's last value claim for the next
  // sentence's "of those".
  void RememberCountedSet(const std::vector<ExtractedClaim>& claims);
  ExtractedClaim Nominal(const std::string& rule, const Entity& subject,
                         const std::string& predicate, double confidence) const;
  std::vector<int> Children(int word) const;
  const std::string& FormAt(int word) const {
    return sentence_.words[word - 1].form;
  }

  const Sentence& sentence_;
  std::vector<const Mention*> mentions_;  // Those inside the sentence.
  DocumentMemory* memory_;
  const Source& source_;
  long base_;
  std::vector<NameMention> names_;
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_BUILDER_H_
