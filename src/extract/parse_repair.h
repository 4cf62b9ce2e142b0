// Repairs of parses that the tagger and parser get wrong in a way the
// claim rules can recognise (used by `claimgraph extract` only; `openie`
// keeps the parser's tree).

#ifndef CLAIMGRAPH_EXTRACT_PARSE_REPAIR_H_
#define CLAIMGRAPH_EXTRACT_PARSE_REPAIR_H_

#include "text/sentence.h"

namespace claimgraph {

// "Border Patrol agents searched license plate data ...", parsed with
// "agents" as the root and "searched" as a participle modifying "data": a
// sentence of reporting (closing punctuation) whose root is a noun without
// a copula, followed right away by a past-tense or participle verb that
// modifies a later noun attached to the root, is re-read with the verb as
// the root, the noun as its subject and the modified noun as its object.
// Returns true when it changed the tree.
bool RepairNounRoot(Sentence* sentence);

// "Officials detained 1,461 people last month, U.S. Attorney Jane Roe
// announced on Tuesday.", parsed with the trailing name as an apposition of
// a noun before the comma and the verb of saying as an adverbial clause: a
// sentence of reporting that ends in ", <proper nouns> <verb of saying>
// <its modifiers>." after a verbal root is re-read with the names as the
// verb's subject and the verb as a parataxis of the root (how UD attaches a
// trailing "X said"), so the root's clause is attributed to X. Words before
// the comma that hung on the trailing part move to the root. Returns true
// when it changed the tree.
bool RepairTrailingReport(Sentence* sentence);

// Attachment repairs (parse_repair_attach.cc), each true when it changed
// the tree:
// - "paid Vexa $5 million" with the name as a compound (or any other
//   modifier) of the money sign: the name is the verb's indirect object (a
//   name never modifies "$").
bool RepairMoneyCompound(Sentence* sentence);
// - "the app, which migrants used": a verb without an object whose
//   subjects are a relative pronoun and a later noun or pronoun; the
//   relative pronoun is its object (a clause has one subject).
bool RepairDoubleSubject(Sentence* sentence);
// - "Vexa, founded by Ana Ruiz, has worked ...", parsed with the participle
//   as the subject of the main verb and the name hanging on it: the name is
//   the subject and the participle modifies it (a participle never is a
//   subject); also with the participle as a parataxis or adverbial clause
//   of a verb that has no subject.
bool RepairParticipleSubject(Sentence* sentence);
// - "Vexa has asked Ohio to publish rules on how long video is kept",
//   parsed with "asked" as the subject of "kept": a verb with a subject of
//   its own is no subject; it heads the sentence and the old root becomes
//   its complement.
bool RepairClauseAsSubject(Sentence* sentence);
// - "a bridge that connects Mission, Texas, with Reynosa": what a verb of
//   joining (connect, link) joins "with" or "to" its object is joined as
//   much as the object; the name becomes the object's conjunct (one claim
//   each, as for "connects Mission and Reynosa"); also when the parse hung
//   the "with"/"to" phrase on another verb though only commas separate it
//   from the object's phrase.
bool RepairJoinedPartner(Sentence* sentence);
// - "hired a firm, Vexa Systems, to ...", parsed with the name as an
//   oblique without a preposition: a proper noun set off by commas right
//   after the verb's object is the object's apposition.
bool RepairBareObliqueName(Sentence* sentence);
// - "photos stored in the Vexa Service (VS), a cloud system ...", with the
//   apposition hung on a noun before the participle: an apposition after a
//   comma renames the noun phrase that ends at the comma when the parse's
//   head is reached from it only through a clause ("the director of the
//   agency, a veteran" keeps renaming the director). Likewise a relative
//   clause that opens with its pronoun ("a firm based in Ohio that sells
//   drones"; "X, the state's effort, which Y launched" when the parse's
//   head is reached through the apposition).
bool RepairDistantApposition(Sentence* sentence);
// "was acquired in 2022 by X": a by-phrase modifying a number that is an
// oblique of a passive participle becomes the participle's obl:agent.
bool RepairAgentOnNumber(Sentence* sentence);
// "spent more than $11 billion" with "more" as the object and the amount
// as an oblique marked by "than": the amount becomes the object, "more"
// its advmod, "than" fixed to "more".
bool RepairMoreThan(Sentence* sentence);
// - "at the Anzalduas border crossing in Texas", with "crossing" tagged as a
//   participle: after "the"/"a", a proper noun and a common noun, a gerund
//   without an object or subject of its own is the head noun of the name
//   ("the Hudson River crossing", "the Senate Judiciary hearing"); its
//   obliques become its modifiers.
bool RepairGerundInName(Sentence* sentence);
// Clause repairs (parse_repair_clause.cc), run before the ones above:
// - "Ana Ruiz, who leads the unit, praised ...", with the "who" clause as a
//   parataxis (or apposition, dep, adverbial clause) of the name: a verb
//   clause that opens with its subject "who"/"which" and hangs on a noun
//   before it is a relative clause of that noun.
bool RepairRelativeParataxis(Sentence* sentence);
// - "Ruiz, a senator, released documents showing ...", parsed with
//   "released" as an adjective of the root "documents": a finite verb
//   (past or present tense, or a past participle without auxiliary, which
//   the tagger confuses with the past tense) with an active subject of its
//   own is no modifier; it heads the sentence and the noun root becomes
//   its object.
bool RepairFiniteModifier(Sentence* sentence);
// - "The towers stand on land near Ohio", with "stand" a noun root: a noun
//   root without copula, case or determiner whose subject ends right before
//   it is a verb; a noun it governs as a clause marked by a preposition
//   ("on land") is its oblique.
bool RepairNounPredicate(Sentence* sentence);
// - "Of those, only 81% met the requirements", with the share as an
//   unmarked oblique: the quantity (a "%" or "$" phrase without a
//   preposition) right before a finite verb that has no subject is its
//   subject.
bool RepairQuantitySubject(Sentence* sentence);
// - "near Ohio and Utah, two states in ...", with "states" as a third
//   conjunct: after a list closed by "and"/"or", a counted common noun set
//   off by a comma without a conjunction of its own is the list's
//   apposition, and conjuncts after it belong to it.
bool RepairCountedApposition(Sentence* sentence);
// - "the Office of Inspector General", with "Inspector" as the title of a
//   person "General": a capitalised common noun described as a title of
//   the proper noun right after it, both the object of "of" and without a
//   surname, is part of the name (a compound).
bool RepairTitleInName(Sentence* sentence);
// - "will keep the records it collects", with "collects" as a complement
//   of "keep": a complement clause without a marker or an object of its
//   own, whose personal-pronoun subject comes right after the object of a
//   verb other than one of saying, is a relative clause of that object.
bool RepairBareRelative(Sentence* sentence);
// - "the Office of Inspector General (OIG)", with the acronym hung on
//   "General": a bracketed acronym after a name is the apposition of the
//   head of the phrase whose capitalised words' initials it spells.
bool RepairAcronymHead(Sentence* sentence);
// All of the above: the clause repairs, then the others in the order
// listed.
bool RepairAttachments(Sentence* sentence);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_PARSE_REPAIR_H_
