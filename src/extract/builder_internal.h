// Helpers shared by the claim builder's files (internal to src/extract).

#ifndef CLAIMGRAPH_EXTRACT_BUILDER_INTERNAL_H_
#define CLAIMGRAPH_EXTRACT_BUILDER_INTERNAL_H_

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/ascii.h"
#include "claimgraph.pb.h"
#include "recognize/recognize.h"
#include "text/sentence.h"

namespace claimgraph::extract_internal {

bool IsQuantity(MentionType t);
bool IsDate(MentionType t);
// Prepositions that introduce a place ("in", "across", "at", ...).
const std::set<std::string>& PlaceMarkers();
// Verbs that name something: "a platform called X".
const std::set<std::string>& NamingVerbs();
// Nouns for people's roles: "X, a researcher at Y" makes X a person.
bool IsRoleNoun(const std::string& lemma);
// Common nouns for people acting for an institution ("officials").
bool IsActorNoun(const std::string& lemma);
// Nouns for programs and systems ("platform", "app").
const std::set<std::string>& ProgramNouns();
// Nouns for documents that can be the source of a report ("records",
// "complaint", "notice"): "according to the complaint" names a DOCUMENT.
const std::set<std::string>& DocumentNouns();
// Verbs whose clause states no fact: "hoped to use", "threatened to send",
// "declined to comment", "failed to measure".
bool IsIntentionVerb(const std::string& lemma);
// Verbs of phase, plan or report before the verb of the event: "began
// testing", "plans to install", "reported detaining" (the claim is the
// event's).
bool IsAspectVerb(const std::string& lemma);
// Verbs that let, ask or urge someone to do something ("let", "ask",
// "urge"): the complement's event has not happened.
bool IsManipulativeVerb(const std::string& lemma);
// Verbs of answering a statement ("deny", "agree", "concur"): speech acts,
// not claims.
bool IsResponseVerb(const std::string& lemma);
// Verbs of judging ("credit", "praise", "blame"): opinions, not claims.
bool IsEvaluationVerb(const std::string& lemma);
// Nouns for a unit of an organisation or a region ("sector", "office"):
// "the El Paso sector" is a thing of its own, not El Paso.
bool IsUnitNoun(const std::string& lemma);

// The predicate of "X is a <noun> of Y" / "X, a <noun> of Y" for nouns of
// belonging: member -> member_of, subsidiary -> subsidiary_of, part,
// division, component, unit, arm, branch -> part_of; "" for other nouns.
std::string WholeRelation(const std::string& lemma);
// Adjectives that say how new or distinct a thing is, not what it is
// ("new", "separate"): left out of a described entity's name.
bool IsTransientAdjective(const std::string& lower);
// Nouns of spans of time ("weeks", "years"): without a number, an object
// that says how long, not what ("waited weeks").
bool IsTimeNoun(const std::string& lemma);
// True when the clause headed by `predicate` (or the noun its relative
// clause modifies) opens with whether/if/how/why: an embedded question
// ("review of how ICE uses ..."), which asserts nothing (clause_filters.cc).
bool OpensQuestion(const Sentence& s, int predicate);
// "X has not addressed whether ...": the open question is an allegation.
bool NotAddressedQuestion(const Sentence& s, int predicate);
Quantity ToQuantity(const Mention& m);
// A resolved entity that is an organisation (IsOrganizationType).
bool IsOrganisation(const std::optional<Entity>& e);
// The text of `words` (word indexes, in order) as a qualifier value, up to
// an attribution the parse hung inside them: "build a platform called X ,
// according to a notice" -> "build a platform called X" (who says it is the
// claim's attribution, not part of its purpose or theme).
std::string QualifierText(const Sentence& s, const std::vector<int>& words);
// Adds key=value unless the claim already has a qualifier with that key.
void AddQualifier(const std::string& key, const std::string& value,
                  Claim* claim);

}  // namespace claimgraph::extract_internal

#endif  // CLAIMGRAPH_EXTRACT_BUILDER_INTERNAL_H_
