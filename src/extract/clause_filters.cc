// Which clauses state no fact (SentenceClaims::StatesNoFact): intentions,
// circumstances, reported content, what is let or asked, names and
// characterisations, embedded questions, and relative clauses about a
// possessor's thing. builder.cc turns the remaining propositions into
// claims.

#include <set>
#include <string>

#include "extract/builder.h"
#include "extract/builder_internal.h"

namespace claimgraph {
using extract_internal::IsIntentionVerb;
using extract_internal::IsManipulativeVerb;

namespace extract_internal {
namespace {

bool Dominated(const Sentence& s, int top, int word) {
  for (int at = word, steps = 0; at > 0 && steps < 64;
       at = s.words[at - 1].head, ++steps) {
    if (at == top) return true;
  }
  return false;
}

// The question word that opens the clause or noun phrase headed by `head`
// ("whether agents use", "how long the towers keep", "how many travelers"),
// through modifiers only (not through an inner clause); 0 if none. Only
// questions that leave the clause open count: whether/if, and how with a
// degree word (how long, how many, how often), whose answer is the point
// the clause lacks. "why it chose Northgate" and "how ICE uses facial
// recognition" take their clause as given.
int QuestionWord(const Sentence& s, int head) {
  int first = 0;
  for (int k = 1; k <= head && first == 0; ++k) {
    if (s.words[k - 1].upos != "PUNCT" && Dominated(s, head, k)) first = k;
  }
  if (first == 0) return 0;
  static const std::set<std::string> kWords = {"whether", "if", "how"};
  // Past a preposition: "a review of how ...", "questions about how ...".
  const Word& fw = s.words[first - 1];
  if (!kWords.contains(AsciiLower(fw.form)) && first < head &&
      (fw.deprel == "mark" || fw.deprel == "case") && fw.upos != "PART")
    ++first;
  if (!kWords.contains(AsciiLower(s.words[first - 1].form))) return 0;
  static const std::set<std::string> kDegrees = {"long",  "many", "much",
                                                 "often", "far",  "soon"};
  if (AsciiLower(s.words[first - 1].form) == "how" &&
      (first + 1 > head || !kDegrees.contains(AsciiLower(s.words[first].form))))
    return 0;
  // Up to the head through words of the same clause, not an inner one.
  static const std::set<std::string> kClauses = {"acl",   "acl:relcl", "advcl",
                                                 "ccomp", "xcomp",     "csubj",
                                                 "conj",  "parataxis"};
  for (int at = first, steps = 0; at != head; ++steps) {
    if (steps >= 8 || at < 1 || kClauses.contains(s.words[at - 1].deprel))
      return 0;
    at = s.words[at - 1].head;
  }
  return first;
}

}  // namespace

bool OpensQuestion(const Sentence& s, int predicate) {
  if (QuestionWord(s, predicate) != 0) return true;
  const Word& w = s.words[predicate - 1];
  // "how many travelers it matched": the question opens the noun the
  // relative clause modifies.
  return w.deprel == "acl:relcl" && w.head > 0 && QuestionWord(s, w.head) != 0;
}

bool NotAddressedQuestion(const Sentence& s, int predicate) {
  // "ICE has not addressed whether agents still use the service": a yes/no
  // question an actor leaves open is an allegation (docs/extraction-gold.md).
  int word = QuestionWord(s, predicate);
  if (word == 0) return false;
  std::string q = AsciiLower(s.words[word - 1].form);
  int governor = s.words[predicate - 1].head;
  if ((q != "whether" && q != "if") || governor < 1 ||
      AsciiLower(s.words[governor - 1].lemma) != "address")
    return false;
  for (size_t k = 0; k < s.words.size(); ++k) {
    std::string l = AsciiLower(s.words[k].lemma);
    if (s.words[k].head == governor &&
        (l == "not" || l == "never" || l == "n't"))
      return true;
  }
  return false;
}

}  // namespace extract_internal

namespace {

// "..., completing a program", "after learning of the searches": a
// participle clause without a subject of its own reports circumstances,
// not a claim of its own. So does an infinitive modifying a noun ("asking
// an officer to check their passports"): what the noun is for or is asked
// to do has not happened.
bool CircumstanceClause(const Sentence& s, const Proposition& p,
                        const std::vector<int>& kids) {
  const Word& w = s.words[p.predicate - 1];
  bool own_subject = false, infinitive = false;
  for (int k : kids) {
    const Word& kw = s.words[k - 1];
    own_subject = own_subject || kw.deprel.rfind("nsubj", 0) == 0;
    infinitive =
        infinitive || (kw.deprel == "mark" && AsciiLower(kw.form) == "to");
  }
  if (w.xpos == "VBG" && !own_subject &&
      (p.rule == "clause:advcl" || p.rule == "clause:acl"))
    return true;
  return p.rule == "clause:acl" && infinitive && !own_subject;
}

// "which the agency called Patriot 2.0", "called the results a warning
// sign": naming or characterising something relates it to nothing.
bool NamesOrCharacterises(const Sentence& s, const std::string& verb,
                          const std::vector<int>& kids) {
  static const std::set<std::string> kVerbs = {
      "call", "dub", "label", "term", "nickname", "rename", "brand"};
  if (!kVerbs.contains(verb)) return false;
  int objects = 0, complements = 0;
  for (int k : kids) {
    const std::string& r = s.words[k - 1].deprel;
    objects += r == "obj" ? 1 : 0;
    complements += r == "xcomp" ? 1 : 0;
    // (The second noun phrase parsed as the object's apposition: "called
    // the results "a warning sign"".)
    if (r != "obj") continue;
    for (size_t j = static_cast<size_t>(k); j < s.words.size(); ++j) {
      if (s.words[j].head == k && s.words[j].deprel == "appos") {
        ++complements;
        break;
      }
    }
  }
  return objects >= 2 || (objects == 1 && complements >= 1);
}

// "a Democrat whose district includes Mission": the subject is the
// possessor's thing, which the clause does not name.
// (Also when the parse hung "whose district" elsewhere: "whose" and a
// noun phrase right before the predicate.)
bool PossessorsThingIsSubject(const Sentence& s, int predicate,
                              const std::vector<int>& kids) {
  for (int k : kids) {
    if (s.words[k - 1].deprel.rfind("nsubj", 0) != 0) continue;
    for (const Word& w : s.words) {
      if (w.head == k && AsciiLower(w.form) == "whose") return true;
    }
  }
  for (int k = predicate - 1; k >= 1 && predicate - k <= 5; --k) {
    const Word& w = s.words[k - 1];
    if (AsciiLower(w.form) == "whose") return k < predicate - 1;
    if (w.upos != "NOUN" && w.upos != "PROPN" && w.upos != "ADJ") break;
  }
  return false;
}

// Verbs whose complement is what should happen, not what did.
bool Mandative(const std::string& lemma) {
  static const std::set<std::string> kVerbs = {
      "recommend", "propose", "demand", "request", "urge", "require", "insist"};
  return kVerbs.contains(lemma);
}

// "Agents made arrests": "make" with a noun of an event names the event
// (the arrests), and relates the agents to nothing made.
bool LightVerbEvent(const Sentence& s, const std::string& verb,
                    const std::vector<int>& kids) {
  static const std::set<std::string> kEvents = {
      "arrest",    "decision", "payment",        "purchase", "announcement",
      "statement", "comment",  "visit",          "call",     "change",
      "attempt",   "request",  "recommendation", "offer",    "effort"};
  if (verb != "make") return false;
  for (int k : kids) {
    if (s.words[k - 1].deprel == "obj" &&
        kEvents.contains(AsciiLower(s.words[k - 1].lemma)))
      return true;
  }
  return false;
}

}  // namespace

bool SentenceClaims::StatesNoFact(const Proposition& p,
                                  const std::string& verb) const {
  // Hopes, threats, attempts and non-answers ("declined to comment") are
  // no facts.
  if (IsIntentionVerb(verb)) return true;
  std::vector<int> kids = Children(p.predicate);
  // "proposed requiring applicants to list ...": the proposed event, merged
  // into the relation, has not happened.
  if (Mandative(verb) && p.lemma.find(' ') != std::string::npos) return true;
  // "hired a firm to help design the framework": a share in an act whose
  // doer the clause does not name relates the helper to nothing.
  if (verb == "help" && p.lemma.find(' ') != std::string::npos) return true;
  if (LightVerbEvent(sentence_, verb, kids) ||
      CircumstanceClause(sentence_, p, kids) ||
      NamesOrCharacterises(sentence_, verb, kids) ||
      PossessorsThingIsSubject(sentence_, p.predicate, kids))
    return true;
  // "review of how ICE uses facial recognition", "disclose how long the
  // towers keep video", "whether it complied with": an embedded question
  // asserts nothing (but see NotAddressedQuestion).
  // "Palantir must deliver a prototype by September": an obligation, not
  // an event.
  for (int k : kids) {
    std::string l = AsciiLower(sentence_.words[k - 1].lemma);
    if (sentence_.words[k - 1].deprel == "aux" &&
        (l == "must" || l == "should" || l == "ought"))
      return true;
  }
  if (extract_internal::OpensQuestion(sentence_, p.predicate) &&
      !extract_internal::NotAddressedQuestion(sentence_, p.predicate))
    return true;
  bool reports = IsSpeechLemma(p.lemma);
  for (const Argument& a : p.arguments) {
    if (reports && (a.role == "ccomp" || a.role == "parataxis")) return true;
  }
  return LetsOrAsks(p, verb);
}

bool SentenceClaims::LetsOrAsks(const Proposition& p,
                                const std::string& verb) const {
  // "The towers let agents see ...", "pushed Congress to close ...": what
  // one lets, asks or urges another to do has not happened; letting itself
  // relates nothing.
  int complement = p.predicate;  // "helps ICE manage cases and plan ...".
  for (int steps = 0; steps < 8 && complement > 0 &&
                      sentence_.words[complement - 1].deprel == "conj";
       ++steps) {
    complement = sentence_.words[complement - 1].head;
  }
  int governor = complement > 0 ? sentence_.words[complement - 1].head : 0;
  // ("cannot force local officials to enforce ...", the "to" clause parsed
  // as an adverbial.)
  bool to_clause = false;
  for (int k : Children(complement > 0 ? complement : p.predicate)) {
    to_clause = to_clause || (sentence_.words[k - 1].deprel == "mark" &&
                              AsciiLower(sentence_.words[k - 1].form) == "to");
  }
  const std::string& relation =
      complement > 0 ? sentence_.words[complement - 1].deprel : "";
  std::string governing =
      governor > 0 ? AsciiLower(sentence_.words[governor - 1].lemma) : "";
  if ((relation == "xcomp" || (relation == "advcl" && to_clause)) &&
      IsManipulativeVerb(governing)) {
    return true;
  }
  // "GAO recommended that CBP set performance goals": what is recommended,
  // proposed or demanded has not happened.
  if (relation == "ccomp" && Mandative(governing)) return true;
  // Letting itself relates nothing, whatever the parse made of what is let
  // ("would let troopers cover stretches", "to let truck drivers and
  // travelers file documents", with "file" misread as a noun).
  if (verb == "let" || verb == "allow" || verb == "enable" ||
      verb == "permit") {
    return true;
  }
  // "charged 12 people with assaulting or impeding agents", "fined the firm
  // for selling ...": a gerund after "with" or "for" is what someone is
  // charged with or blamed for; its doer is not the clause's subject.
  if (complement > 0 && relation == "advcl" &&
      sentence_.words[complement - 1].xpos == "VBG") {
    for (int k : Children(complement)) {
      const Word& kw = sentence_.words[k - 1];
      std::string marker = AsciiLower(kw.form);
      if (kw.deprel == "mark" && (marker == "with" || marker == "for"))
        return true;
    }
  }
  return false;
}

bool SentenceClaims::IsImperative() const {
  // "Get the Morning Brief delivered to your inbox.": a sentence that
  // opens with a bare verb and has no subject tells the reader to do
  // something; it states nothing (page furniture, calls to action).
  const auto& words = sentence_.words;
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i].deprel != "root") continue;
    size_t first = 0;
    while (first < words.size() && words[first].upos == "PUNCT") ++first;
    if (i != first || words[i].xpos != "VB") return false;
    for (const Word& w : words) {
      if (w.head == static_cast<int>(i) + 1 && w.deprel.rfind("nsubj", 0) == 0)
        return false;
    }
    return true;
  }
  return false;
}

}  // namespace claimgraph
