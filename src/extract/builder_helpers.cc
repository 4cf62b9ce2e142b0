// Small helpers shared by builder.cc and nominal.cc (internal).

#include "base/ascii.h"
#include "extract/builder_internal.h"
#include "extract/clauses.h"
#include "model/claim.h"

namespace claimgraph::extract_internal {

bool IsQuantity(MentionType t) {
  return t == MentionType::kNumber || t == MentionType::kPercentage ||
         t == MentionType::kCurrency || t == MentionType::kNumberRange ||
         t == MentionType::kRate || t == MentionType::kDuration;
}

bool IsDate(MentionType t) {
  return t == MentionType::kDate || t == MentionType::kDateRange;
}

const std::set<std::string>& PlaceMarkers() {
  static const auto* markers = new std::set<std::string>{
      "in", "across", "at", "near", "along", "throughout", "inside", "outside"};
  return *markers;
}

const std::set<std::string>& NamingVerbs() {
  static const auto* verbs =
      new std::set<std::string>{"call", "name", "know", "dub", "brand"};
  return *verbs;
}

// Nouns for people's roles: "X, a researcher at Y" makes X a person.
bool IsRoleNoun(const std::string& lemma) {
  static const std::set<std::string> kRoles = {
      "researcher",   "analyst",       "attorney",    "director",
      "spokesperson", "spokesman",     "spokeswoman", "professor",
      "official",     "officer",       "lawyer",      "technologist",
      "executive",    "president",     "founder",     "chief",
      "head",         "manager",       "organizer",   "advocate",
      "member",       "chair",         "chairman",    "commissioner",
      "secretary",    "administrator", "agent",       "reporter",
      "editor",       "fellow",        "scientist",   "engineer",
      "economist",    "expert",        "activist",    "coordinator",
      "leader",       "mayor",         "senator",     "governor",
      "judge",        "counsel",       "partner",     "consultant",
      "vice",         "deputy",        "czar"};
  return kRoles.contains(lemma);
}

bool IsActorNoun(const std::string& lemma) {
  static const std::set<std::string> kActors = {
      "official",     "officer",    "agent",     "authority",
      "investigator", "prosecutor", "police",    "lawmaker",
      "inspector",    "trooper",    "regulator", "researcher",
      "auditor",      "immigrant",  "migrant",   "detainee"};
  return kActors.contains(lemma);
}

const std::set<std::string>& ProgramNouns() {
  static const auto* nouns = new std::set<std::string>{
      "platform", "program",  "system", "app",     "application", "software",
      "tool",     "database", "pilot",  "project", "initiative"};
  return *nouns;
}

const std::set<std::string>& DocumentNouns() {
  static const auto* nouns = new std::set<std::string>{
      "record",  "document", "figure",   "log",       "notice",    "complaint",
      "filing",  "lawsuit",  "report",   "memo",      "statement", "data",
      "audit",   "study",    "survey",   "analysis",  "email",     "letter",
      "invoice", "contract", "estimate", "statistic", "transcript"};
  return *nouns;
}

bool IsIntentionVerb(const std::string& lemma) {
  static const std::set<std::string> kVerbs = {
      "hope", "threaten", "want",   "wish",    "try",    "attempt",
      "seek", "fail",     "refuse", "decline", "intend", "vow"};
  return kVerbs.contains(lemma);
}

bool IsAspectVerb(const std::string& lemma) {
  static const std::set<std::string> kVerbs = {
      "begin",  "start", "continue", "keep",  "resume", "plan",
      "report", "say",   "claim",    "admit", "deny",   "confirm"};
  return kVerbs.contains(lemma);
}

bool IsManipulativeVerb(const std::string& lemma) {
  static const std::set<std::string> kVerbs = {
      "let", "allow",  "enable",    "permit", "force",    "push",  "urge",
      "ask", "remind", "encourage", "invite", "pressure", "order", "help"};
  return kVerbs.contains(lemma);
}

bool IsResponseVerb(const std::string& lemma) {
  static const std::set<std::string> kVerbs = {
      "deny",   "agree",       "concur",  "dispute",
      "reject", "acknowledge", "confirm", "comment"};
  return kVerbs.contains(lemma);
}

bool IsEvaluationVerb(const std::string& lemma) {
  static const std::set<std::string> kVerbs = {
      "credit",  "praise",  "blame",     "thank", "applaud",
      "commend", "condemn", "criticize", "fault", "hail"};
  return kVerbs.contains(lemma);
}

bool IsUnitNoun(const std::string& lemma) {
  static const std::set<std::string> kUnits = {
      "sector",   "office", "division", "unit", "branch",     "subsidiary",
      "district", "bureau", "region",   "area", "department", "chapter"};
  return kUnits.contains(lemma);
}

std::string WholeRelation(const std::string& lemma) {
  if (lemma == "member") return "member_of";
  if (lemma == "subsidiary") return "subsidiary_of";
  static const std::set<std::string> kParts = {"part", "division", "component",
                                               "unit", "arm",      "branch"};
  return kParts.contains(lemma) ? "part_of" : "";
}

bool IsTransientAdjective(const std::string& lower) {
  static const std::set<std::string> kAdjectives = {
      "new",      "separate", "additional", "several", "various", "certain",
      "existing", "current",  "latest",     "recent",  "further"};
  return kAdjectives.contains(lower);
}

bool IsTimeNoun(const std::string& lemma) {
  static const std::set<std::string> kNouns = {
      "second", "minute", "hour", "day", "week", "month", "year", "decade"};
  return kNouns.contains(lemma);
}

Quantity ToQuantity(const Mention& m) {
  Quantity q;
  q.set_amount(m.value.value_or(m.min.value_or(m.max.value_or(0))));
  q.set_unit(m.unit);
  q.set_approximate(m.approximate);
  q.set_approximate_cue(m.cue);
  if (m.min.has_value()) {
    q.set_lower_bound(*m.min);
    q.set_lower_inclusive(m.min_inclusive);
  }
  if (m.max.has_value()) {
    q.set_upper_bound(*m.max);
    q.set_upper_inclusive(m.max_inclusive);
  }
  q.set_text(m.text);
  return q;
}

bool IsOrganisation(const std::optional<Entity>& e) {
  return e && IsOrganizationType(e->type());
}

std::string QualifierText(const Sentence& s, const std::vector<int>& words) {
  auto form = [&](int w) -> const std::string& { return s.words[w - 1].form; };
  std::vector<int> kept;
  for (size_t i = 0; i < words.size(); ++i) {
    if (form(words[i]) == "," && i + 1 < words.size() &&
        AsciiLower(form(words[i + 1])) == "according") {
      break;
    }
    kept.push_back(words[i]);
  }
  while (!kept.empty() && form(kept.back()) == ",") kept.pop_back();
  return WordsText(s, kept);
}

void AddQualifier(const std::string& key, const std::string& value,
                  Claim* claim) {
  if (value.empty()) return;
  // Conjoined places stay in one claim as repeated qualifiers ("in Arizona
  // and Texas"); other keys take their first value.
  bool repeats = key == "place";
  for (const Qualifier& q : claim->qualifiers()) {
    if (q.key() == key && (!repeats || q.value() == value)) return;
  }
  Qualifier* q = claim->add_qualifiers();
  q->set_key(key);
  q->set_value(value);
}

}  // namespace claimgraph::extract_internal
