#include "extract/builder.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "extract/builder_internal.h"
#include "model/names.h"

namespace claimgraph {
using extract_internal::AddQualifier;
using extract_internal::IsActorNoun;
using extract_internal::IsAspectVerb;
using extract_internal::IsDate;
using extract_internal::IsEvaluationVerb;
using extract_internal::IsResponseVerb;
using extract_internal::IsTimeNoun;
using extract_internal::IsUnitNoun;
using extract_internal::PlaceMarkers;
using extract_internal::QualifierText;
using extract_internal::ToQuantity;

SentenceClaims::SentenceClaims(const Sentence& sentence,
                               const std::vector<Mention>& mentions,
                               DocumentMemory* memory, const Source& source,
                               long base)
    : sentence_(sentence), memory_(memory), source_(source), base_(base) {
  for (const Mention& m : mentions) {
    if (m.start >= sentence.start && m.end <= sentence.end)
      mentions_.push_back(&m);
  }
  names_ = memory_->FindNames(sentence_);
  // "Flock Safety, a company based in Atlanta": a name of no known type in
  // apposition to a kind noun is of that kind.
  for (const Word& w : sentence_.words) {
    if (w.deprel != "appos" || w.upos != "NOUN" || w.head < 1) continue;
    EntityType kind = KindNounType(AsciiLower(w.lemma));
    for (NameMention& n : names_) {
      if (kind == ENTITY_TYPE_UNSPECIFIED || w.head < n.first ||
          w.head > n.last || n.entity.type() != OTHER)
        continue;
      n.entity.set_type(kind);
      memory_->Remember(n.entity);
    }
  }
  // "Apprehensions in the El Paso sector fell": the unit of a place is a
  // described thing, "the sector" later, wherever it stands.
  for (const NameMention& n : names_) {
    if (n.entity.type() != LOCATION ||
        n.last >= static_cast<int>(sentence_.words.size()))
      continue;
    const Word& next = sentence_.words[n.last];
    if (next.upos == "NOUN" && IsUnitNoun(AsciiLower(next.lemma))) {
      std::vector<int> span;
      for (int k = n.first; k <= n.last + 1; ++k) span.push_back(k);
      Entity e;
      e.set_name(WordsText(sentence_, span));
      e.set_type(OTHER);
      memory_->RememberDescribed(AsciiLower(next.lemma), e);
    }
  }
}

Claim SentenceClaims::NewClaim(const Proposition& p,
                               const std::string& rule) const {
  Claim claim;
  claim.set_predicate_text(WordsText(sentence_, p.relation));
  Evidence* evidence = claim.add_evidence();
  *evidence->mutable_source() = source_;
  evidence->set_sentence(sentence_.text);
  evidence->set_start(static_cast<uint32_t>(base_ + sentence_.start));
  evidence->set_end(static_cast<uint32_t>(base_ + sentence_.end));
  evidence->set_extractor("claimgraph-extract:" + rule);
  claim.set_extractor("claimgraph-extract:" + rule);
  claim.set_confidence(p.confidence);
  return claim;
}

std::optional<Entity> SentenceClaims::ClauseSubject(const Proposition& p) {
  // Subjects are names or their coreferents; of common nouns, only people
  // acting for an institution ("federal officials detained ...").
  bool actor =
      !p.subject.empty() &&
      IsActorNoun(AsciiLower(sentence_.words[p.subject.head - 1].lemma));
  // "Sales to U.S. government agencies reached $373 million": a measured
  // quantity named as a noun is the subject of its change (a STATISTIC).
  bool statistic = false;
  for (const Argument& a : p.arguments) {
    const Mention* q = QuantityFor(a.phrase);
    std::string change = memory_->lexicon().CanonicalPredicate(
        p.lemma.substr(p.lemma.rfind(' ') + 1), true);
    statistic = statistic || (q && (change == "increase" ||
                                    change == "decrease" || change == "reach"));
  }
  // "a database run by the Office of Biometric Identity Management": the
  // subject of a passive with an agent becomes the object, which may be a
  // described thing.
  bool patient = PassiveAgent(p) != nullptr;
  // "A 152-day test ... captured images in only 76% of vehicles": a share
  // of cases is a value of the described thing that acts.
  bool share = SharePhrase(p).has_value();
  if (auto speaker = SpeakerAsSubject(p)) return speaker;
  auto subject =
      EntityFor(RelativeOverPlace(p), actor || statistic || patient || share);
  if (subject && statistic && subject->type() == OTHER &&
      sentence_.words[p.subject.head - 1].upos == "NOUN")
    subject->set_type(STATISTIC);
  return subject;
}

const Argument* SentenceClaims::PassiveAgent(const Proposition& p) const {
  for (const Argument& a : p.arguments) {
    if (p.passive && (AsciiLower(a.marker) == "by" || ByInside(a))) return &a;
  }
  return nullptr;
}

const Argument* SentenceClaims::ClauseObject(const Proposition& p,
                                             const Argument* agent) const {
  // The direct object; a pronoun only when there is nothing better, and
  // the recipient of "awarded Palantir a contract".
  const Argument* object = nullptr;
  const Argument* recipient = nullptr;
  for (const Argument& a : p.arguments) {
    bool pronoun = sentence_.words[a.phrase.head - 1].upos == "PRON";
    if (a.role == "iobj" && !pronoun) recipient = &a;
    if (a.role == "obj" &&
        (!object ||
         (!pronoun &&
          sentence_.words[object->phrase.head - 1].upos == "PRON"))) {
      object = &a;
    }
  }
  // "has asked DPS to publish rules", the one asked parsed as an indirect
  // object with the infinitive as its complement: the one asked is the
  // object, as with a direct object ("asked CBP to disclose").
  if (!object && recipient) {
    for (const Argument& a : p.arguments) {
      if (a.role == "xcomp") return recipient;
    }
  }
  if (object && recipient) {
    static const std::set<std::string> kGiven = {"contract", "award", "grant",
                                                 "deal", "order"};
    // "paid Anduril $6 million": the payee is the object, the money an
    // amount.
    const Mention* money = QuantityFor(object->phrase);
    if (kGiven.contains(
            AsciiLower(sentence_.words[object->phrase.head - 1].lemma)) ||
        (money && money->type == MentionType::kCurrency))
      object = recipient;
  }
  // Else the first prepositional argument that is not a date, a place or
  // the agent.
  for (const Argument& a : p.arguments) {
    bool dated = false;
    for (const Mention* m : MentionsIn(a.phrase))
      dated = dated || IsDate(m->type);
    // ("justified the deal by pointing to ...", "a need created by the
    // goals": a "by" that is no passive's agent says how or by whom, and is
    // no object, unless it measures: "speed up boarding by nine minutes".)
    bool by = AsciiLower(a.marker) == "by" && !QuantityFor(a.phrase);
    if (!object && &a != agent && !dated && !by &&
        a.role.rfind("obl", 0) == 0 && !a.marker.empty() &&
        (!PlaceMarkers().contains(AsciiLower(a.marker)) ||
         a.role == "obl:moved") &&
        AsciiLower(a.marker) != "since") {
      object = &a;
    }
  }
  // A passive without an agent: a named oblique ("is based in Y").
  if (p.passive && !agent && object == nullptr) {
    for (const Argument& a : p.arguments) {
      if (a.role.rfind("obl", 0) == 0 && NameAt(a.phrase.head)) return &a;
    }
  }
  return object;
}

void SentenceClaims::SetCountUnit(const Argument& object, const Mention& q,
                                  Claim* claim) const {
  // When the parse says what the number counts and the recogniser's unit is
  // not that noun, the unit is the compound noun as written right after the
  // number ("1,300 detainer requests", not "detainer"), or just the counted
  // noun after adjectives ("40 new towers", not "new").
  const Word& counted = sentence_.words[object.phrase.head - 1];
  if (!NumberOf(object.phrase.head, q) || counted.upos != "NOUN" ||
      (q.type != MentionType::kNumber && q.type != MentionType::kNumberRange) ||
      q.unit == counted.form) {
    return;
  }
  std::string unit = counted.form;
  int first_noun = 0;
  for (int k : object.phrase.words) {
    const Word& kw = sentence_.words[k - 1];
    if (k < object.phrase.head && kw.form == q.unit && kw.upos == "NOUN")
      first_noun = k;
  }
  if (first_noun > 0) {
    std::vector<int> span;
    for (int k = first_noun; k <= object.phrase.head; ++k) span.push_back(k);
    bool nouns = true;
    for (int k : span) nouns = nouns && sentence_.words[k - 1].upos == "NOUN";
    if (nouns) unit = WordsText(sentence_, span);
  }
  claim->mutable_value()->set_unit(unit);
}

std::vector<ExtractedClaim> SentenceClaims::FromProposition(
    const Proposition& proposition) {
  // "ICE allegedly used license plate data ..." parsed with "ICE" as the
  // root and "used" as its reduced relative: a participle with a direct
  // object is active.
  Proposition p = NewLevelOfMeasure(PlaceBehindGenericNoun(
      ReattachToVerb(RepairReducedRelative(proposition))));
  if (p.rule == "appos") {
    if (auto claim = FromApposition(p)) return {std::move(*claim)};
    return {};
  }
  if (p.negated) return {};
  if (p.lemma == "be") return FromCopula(p);
  std::string verb = p.lemma.substr(0, p.lemma.find(' '));
  if (StatesNoFact(p, verb)) return {};
  if (auto share = ShareOfThose(p)) return {std::move(*share)};
  auto subject = ClauseSubject(p);
  if (!subject) return {};
  const Argument* agent = PassiveAgent(p);
  const Argument* object = ClauseObject(p, agent);
  std::string lemma = EventLemma(p, verb);
  Claim claim = NewClaim(p, "");
  std::string rule = p.rule;
  std::vector<Entity> more_targets;
  std::optional<Phrase> share = SharePhrase(p);
  if (share && object && QuantityFor(object->phrase)) share.reset();
  if (agent) {
    if (!FillPassive(*subject, *agent, &claim)) return {};
    rule += "+passive";
    object = agent;
  } else if (share) {
    FillShare(*subject, *share, object, &claim);
    rule += "+share";
  } else if (object == nullptr) {
    return {};
  } else if (const Mention* q = QuantityFor(object->phrase)) {
    if (!FillValue(*subject, *object, *q, &claim)) return {};
    rule += "+value";
  } else {
    if (!FillObject(*subject, *object, &claim, &more_targets)) return {};
    if (object->role != "obj") lemma += " " + AsciiLower(object->marker);
  }
  if (!SetPredicate(p, agent != nullptr, object, verb, lemma, &claim))
    return {};
  claim.set_extractor("claimgraph-extract:" + rule);
  claim.mutable_evidence(0)->set_extractor(claim.extractor());
  AddQualifiers(p, object, &claim);
  AddAttribution(p, &claim);
  if (claim.subject().type() == OTHER)
    claim.set_confidence(claim.confidence() * 0.8);
  std::vector<ExtractedClaim> all =
      WithConjuncts(std::move(claim), rule, more_targets);
  AddSubjectConjuncts(p, agent != nullptr, &all);
  return all;
}

std::string SentenceClaims::EventLemma(const Proposition& p,
                                       const std::string& verb) const {
  // "began testing", "plans to install", "reported detaining": the event is
  // the last verb.
  std::string lemma = p.lemma;
  if (size_t space = lemma.find(' ');
      space != std::string::npos && IsAspectVerb(verb)) {
    lemma = lemma.substr(space + 1);
  }
  for (int w : p.relation) {
    if (sentence_.words[w - 1].deprel == "compound:prt")
      lemma += " " + AsciiLower(sentence_.words[w - 1].form);
  }
  return lemma;
}

bool SentenceClaims::FillPassive(const Entity& subject, const Argument& agent,
                                 Claim* claim) {
  auto by = EntityFor(agent.phrase, false);
  if (!by) return false;
  *claim->mutable_subject() = *by;
  *claim->mutable_object() = subject;
  return true;
}

void SentenceClaims::FillShare(const Entity& subject, const Phrase& share,
                               const Argument* object, Claim* claim) const {
  // "captured images of all occupants in only 76% of vehicles": the
  // share is the value, what was done its theme.
  const Mention* q = QuantityFor(share);
  *claim->mutable_subject() = subject;
  *claim->mutable_value() = ToQuantity(*q);
  AddQualifier("denominator", q->noun, claim);
  if (!object) return;
  std::vector<int> theme;
  for (int k : object->phrase.words) {
    if (std::find(share.words.begin(), share.words.end(), k) ==
        share.words.end())
      theme.push_back(k);
  }
  AddQualifier("theme", QualifierText(sentence_, theme), claim);
}

bool SentenceClaims::FillValue(const Entity& subject, const Argument& object,
                               const Mention& q, Claim* claim) {
  // "became one of ...": a bare number counts nothing.
  if (q.unit.empty() && q.noun.empty()) return false;
  RememberCounted(object.phrase);
  *claim->mutable_subject() = subject;
  *claim->mutable_value() = ToQuantity(q);
  SetCountUnit(object, q, claim);
  if (q.type == MentionType::kPercentage)
    AddQualifier("denominator", q.noun, claim);
  return true;
}

bool SentenceClaims::FillObject(const Entity& subject, const Argument& object,
                                Claim* claim,
                                std::vector<Entity>* more_targets) {
  // "became one of ...": a number word is no object.
  const Word& object_head = sentence_.words[object.phrase.head - 1];
  std::string head_lemma = AsciiLower(object_head.lemma);
  if (head_lemma == "one" || head_lemma == "some" || head_lemma == "many")
    return false;
  // "waited weeks for care": a span of time says how long, not what.
  if (IsTimeNoun(head_lemma)) return false;
  // "uses radar and cameras": one claim per conjunct.
  std::vector<int> conjuncts = Conjuncts(object.phrase.head);
  auto target =
      EntityFor(conjuncts.empty() ? object.phrase
                                  : FirstConjunct(object.phrase, conjuncts),
                true);
  if (!target) return false;
  // "sold its Lantern tool ... the tool": a described thing of more than
  // one word is what a later definite mention of its head denotes.
  bool named = false;  // ("the city of Chicago" is Chicago's.)
  for (int k : object.phrase.words) named = named || NameAt(k);
  if (target->type() == OTHER && object_head.upos == "NOUN" && !named &&
      target->name().find(' ') != std::string::npos)
    memory_->RememberDescribed(AsciiLower(object_head.lemma), *target);
  for (int c : conjuncts) {
    if (auto other = EntityFor(SubPhrase(c, object.phrase), true))
      more_targets->push_back(*other);
  }
  *claim->mutable_subject() = subject;
  *claim->mutable_object() = *target;
  return true;
}

bool SentenceClaims::SetPredicate(const Proposition& p, bool has_agent,
                                  const Argument* object,
                                  const std::string& verb, std::string lemma,
                                  Claim* claim) const {
  // "X was detained": no actor, no claim; but "X is based in Y" is a
  // relation of its own (the table has "be based in").
  if (p.passive && !has_agent) {
    const Lexicon& lexicon = memory_->lexicon();
    std::string be =
        "be " + AsciiLower(sentence_.words[p.predicate - 1].form) +
        (object && !object->marker.empty() ? " " + AsciiLower(object->marker)
                                           : "");
    if (lexicon.CanonicalPredicate(be) == NormalizePredicate(be)) return false;
    lemma = be;
  }
  claim->set_predicate(CanonicalPredicate(lemma, claim->has_value()));
  // Speech acts are cues, not claims ("Northgate denied the allegations",
  // "CBP agreed with the recommendation"; docs/extraction-gold.md).
  // ("says on its website": a speech verb that the table maps to no other
  // predicate.) Nor are judgements ("credited new cameras", "blamed the
  // agency"): opinions, not relations.
  return !(claim->predicate() == "say" || IsResponseVerb(verb) ||
           IsEvaluationVerb(verb) ||
           (IsSpeechLemma(lemma.substr(0, lemma.find(' '))) &&
            claim->predicate() == NormalizePredicate(lemma)));
}

void SentenceClaims::AddSubjectConjuncts(const Proposition& p,
                                         bool passive_turned,
                                         std::vector<ExtractedClaim>* all) {
  // "The National Immigration Law Center and Just Futures Law sued DHS":
  // one claim per named conjunct of the subject (of the object when a
  // passive was turned active).
  if (p.subject.empty()) return;
  size_t firsts = all->size();
  for (int c : Conjuncts(p.subject.head)) {
    auto other = EntityFor(SubPhrase(c, p.subject), false);
    if (!other) continue;
    for (size_t i = 0; i < firsts; ++i) {
      ExtractedClaim copy = (*all)[i];
      Entity* slot = passive_turned ? copy.claim.mutable_object()
                                    : copy.claim.mutable_subject();
      if (NormalizeName(slot->name()) == NormalizeName(other->name())) break;
      *slot = *other;
      copy.rule += "+subject-conj";
      copy.claim.set_extractor("claimgraph-extract:" + copy.rule);
      copy.claim.mutable_evidence(0)->set_extractor(copy.claim.extractor());
      all->push_back(std::move(copy));
    }
  }
}

std::vector<ExtractedClaim> SentenceClaims::WithConjuncts(
    Claim claim, const std::string& rule,
    const std::vector<Entity>& more_targets) const {
  std::vector<ExtractedClaim> all;
  ExtractedClaim first;
  first.rule = rule;
  first.claim = std::move(claim);
  all.push_back(std::move(first));
  for (const Entity& other : more_targets) {
    ExtractedClaim copy;
    copy.claim = all.front().claim;
    *copy.claim.mutable_object() = other;
    copy.rule = rule + "+conj";
    copy.claim.set_extractor("claimgraph-extract:" + copy.rule);
    copy.claim.mutable_evidence(0)->set_extractor(copy.claim.extractor());
    all.push_back(std::move(copy));
  }
  return all;
}

std::string SentenceClaims::CanonicalPredicate(const std::string& lemma,
                                               bool value) const {
  const Lexicon& lexicon = memory_->lexicon();
  std::string canonical = lexicon.CanonicalPredicate(lemma, value);
  if (canonical != NormalizePredicate(lemma)) return canonical;
  std::string be = lexicon.CanonicalPredicate("be " + lemma, value);
  return be != NormalizePredicate("be " + lemma) ? be : canonical;
}

std::vector<ExtractedClaim> SentenceClaims::Build() {
  std::vector<ExtractedClaim> out;
  std::set<std::string> seen;
  auto add = [&](ExtractedClaim claim) {
    const Claim& c = claim.claim;
    std::string key = c.subject().name() + "|" + c.predicate() + "|" +
                      (c.has_object() ? c.object().name() : c.value().text());
    if (c.has_object() &&
        NormalizeName(c.object().name()) == NormalizeName(c.subject().name())) {
      return;  // A claim about itself says nothing.
    }
    // "audit logs obtained by Surveillance Desk": what the outlet itself
    // did is how the story was reported, not news.
    if (!source_.outlet().empty() &&
        NormalizeName(c.subject().name()) == NormalizeName(source_.outlet()))
      return;
    if (seen.insert(key).second) out.push_back(std::move(claim));
  };
  if (IsImperative()) return out;
  std::vector<Proposition> props = ExtractPropositions(sentence_);
  const Proposition* reported_root = nullptr;
  for (const Proposition& p : props) {
    for (ExtractedClaim& claim : FromProposition(p)) add(std::move(claim));
    if (p.cue != 0 && !p.speaker.empty() &&
        sentence_.words[p.predicate - 1].head == 0)
      reported_root = &p;
  }
  for (ExtractedClaim& claim : NominalClaims()) {
    // "ICE has lifted an order on a contract with Halyard, according to a
    // notice": what the main clause's noun phrases say has its source too,
    // but not what the source's own phrase says ("according to a report by
    // Vexa, an advocacy group": the writer describes Vexa).
    bool in_source = false;
    if (reported_root && claim.word != 0) {
      // (The word lies in the subtree of the source's head.)
      int h = claim.word;
      for (int guard = 0; h > 0 && guard < 200; ++guard) {
        if (h == reported_root->speaker.head) in_source = true;
        h = sentence_.words[h - 1].head;
      }
    }
    if (reported_root && !in_source)
      AddAttribution(*reported_root, &claim.claim);
    add(std::move(claim));
  }
  for (ExtractedClaim& claim : EventDurations()) add(std::move(claim));
  RememberCountedSet(out);
  return out;
}

std::vector<int> SentenceClaims::Children(int word) const {
  std::vector<int> out;
  for (size_t i = 0; i < sentence_.words.size(); ++i) {
    if (sentence_.words[i].head == word) out.push_back(static_cast<int>(i) + 1);
  }
  return out;
}

}  // namespace claimgraph
