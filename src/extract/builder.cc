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
using extract_internal::IsResponseVerb;
using extract_internal::IsRoleNoun;
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

void SentenceClaims::AddAttribution(const Proposition& p, Claim* claim) {
  Attribution* a = claim->mutable_attribution();
  a->set_stance(ASSERTED);
  for (const Word& w : sentence_.words) {
    std::string l = AsciiLower(w.form);
    if (w.head == p.predicate && (l == "allegedly" || l == "reportedly")) {
      // Both hedge the claim without vouching for it (the gold's table).
      a->set_cue(l);
      a->set_stance(ALLEGED);
    }
  }
  bool hedged = a->stance() == ALLEGED;
  if (extract_internal::NotAddressedQuestion(sentence_, p.predicate)) {
    // "ICE has not addressed whether ...": the cue is the governing verb
    // with its auxiliaries and negation.
    int governor = sentence_.words[p.predicate - 1].head;
    std::vector<int> cue = {governor};
    for (int k : Children(governor)) {
      std::string d = sentence_.words[k - 1].deprel;
      if (k < governor && (d == "aux" || d == "advmod")) cue.push_back(k);
    }
    std::sort(cue.begin(), cue.end());
    a->set_cue(AsciiLower(WordsText(sentence_, cue)));
    a->set_stance(ALLEGED);
  }
  if (p.speaker.empty()) return;
  if (auto body = SpokespersonBody(p.speaker)) {
    *a->mutable_speaker() = *body;
  } else if (auto speaker = EntityFor(p.speaker, false)) {
    *a->mutable_speaker() = *speaker;
  } else if (auto document = DocumentFor(p.speaker)) {
    *a->mutable_speaker() = *document;
  } else if (IsUnitNoun(
                 AsciiLower(sentence_.words[p.speaker.head - 1].lemma))) {
    // "The Illinois attorney general's office said": an office or unit
    // speaks for itself, named by its description.
    if (auto unit = EntityFor(p.speaker, true)) *a->mutable_speaker() = *unit;
  }
  // "allegedly ..., according to a complaint": the adverb's stance stays,
  // the source becomes its speaker.
  if (hedged) return;
  std::string cue = AsciiLower(sentence_.words[p.cue - 1].lemma);
  bool according = p.cue == p.speaker.head;
  a->set_cue(according ? "according to"
                       : AsciiLower(sentence_.words[p.cue - 1].form));
  a->set_stance(cue == "deny"                             ? DENIED
                : (cue == "question" || cue == "dispute") ? QUESTIONED
                                                          : REPORTED);
}

std::optional<Entity> SentenceClaims::SpokespersonBody(const Phrase& phrase) {
  // A spokesperson speaks for a body, which is the speaker: "a spokesperson
  // for the department", "A CBP spokesperson", and later "the
  // spokesperson" for the body whose spokesperson spoke last.
  if (phrase.empty()) return std::nullopt;
  int head = phrase.head;
  std::string lemma = AsciiLower(sentence_.words[head - 1].lemma);
  if (lemma != "spokesperson" && lemma != "spokesman" && lemma != "spokeswoman")
    return std::nullopt;
  std::optional<Entity> body;
  for (int k : Children(head)) {
    const Word& kw = sentence_.words[k - 1];
    if (kw.deprel != "nmod" && kw.deprel != "compound" &&
        kw.deprel != "nmod:poss")
      continue;
    if (auto e = EntityFor(SubPhrase(k, phrase), false);
        e && e->type() != PERSON && e->type() != LOCATION) {
      body = e;
      break;
    }
  }
  if (!body) {
    // "A CBP spokesperson": the name before the noun.
    if (auto e = EntityFor(phrase, false);
        e && e->type() != PERSON && e->type() != LOCATION)
      body = e;
  }
  if (body) {
    memory_->RememberDescribed("spokesperson", *body);
    return body;
  }
  return memory_->Described("spokesperson");
}

std::optional<Entity> SentenceClaims::DocumentFor(const Phrase& phrase) {
  // "according to federal spending records", "budget documents show", "a
  // contract notice posted on Thursday": a document noun with the nouns
  // and adjectives before it (no article, no modifiers after it).
  int head = phrase.head;
  const Word& w = sentence_.words[head - 1];
  if (w.upos != "NOUN" ||
      !extract_internal::DocumentNouns().contains(AsciiLower(w.lemma)))
    return std::nullopt;
  int start = head;
  while (start > 1) {
    const Word& before = sentence_.words[start - 2];
    bool modifier = before.deprel == "compound" || before.deprel == "amod";
    if (!modifier || before.head < start - 1 || before.head > head) break;
    --start;
  }
  std::vector<int> span;
  for (int k = start; k <= head; ++k) span.push_back(k);
  Entity e;
  e.set_name(WordsText(sentence_, span));
  e.set_type(DOCUMENT);
  return e;
}

std::optional<ExtractedClaim> SentenceClaims::FromApposition(
    const Proposition& p) {
  auto person = EntityFor(p.subject, false);
  if (!person || p.arguments.empty()) return std::nullopt;
  bool role_noun = IsRoleNoun(
      AsciiLower(sentence_.words[p.arguments[0].phrase.head - 1].lemma));
  if (person->type() != PERSON && !(person->type() == OTHER && role_noun)) {
    return std::nullopt;
  }
  if (person->type() == OTHER) {
    person->set_type(PERSON);
    memory_->Remember(*person);
  }
  const Phrase& role = p.arguments[0].phrase;
  for (int k : role.words) {
    const NameMention* org = NameAt(k);
    if (!org || org->entity.type() == PERSON || org->entity.type() == LOCATION)
      continue;
    // "Sen. Jeff Merkley, an Oregon Democrat": no role without a role noun
    // or an organisation.
    EntityType t = org->entity.type();
    if (!role_noun && t != AGENCY && t != COMPANY && t != ORGANIZATION)
      continue;
    std::vector<int> role_words;
    for (int j : role.words) {
      if (j < org->first - 1 ||
          (j < org->first &&
           !std::set<std::string>{"at", "of", "for", "with", "the"}.contains(
               AsciiLower(sentence_.words[j - 1].form)))) {
        role_words.push_back(j);
      }
    }
    while (!role_words.empty() &&
           std::set<std::string>{"at", "of", "for", "with", "the", "a", "an"}
               .contains(
                   AsciiLower(sentence_.words[role_words.back() - 1].form))) {
      role_words.pop_back();
    }
    return RoleClaim(p, *person, org->entity, role_words);
  }
  // "Holly Beckett, the company's head of communications"; "a spokesperson
  // for the department": the organisation by coreference.
  for (int k : role.words) {
    const Word& kw = sentence_.words[k - 1];
    if (kw.upos != "NOUN" || k == role.head) continue;
    bool definite = false;
    for (int c : Children(k))
      definite = definite || AsciiLower(sentence_.words[c - 1].form) == "the";
    if (!definite) continue;
    auto org = Antecedent(k, "", AsciiLower(kw.lemma));
    if (!org) continue;
    std::vector<int> role_words;
    for (int j : role.words) {
      if (!Dominates(k, j)) role_words.push_back(j);
    }
    while (!role_words.empty() &&
           std::set<std::string>{"for", "of", "at", "with"}.contains(
               AsciiLower(sentence_.words[role_words.back() - 1].form))) {
      role_words.pop_back();
    }
    return RoleClaim(p, *person, *org, role_words);
  }
  return std::nullopt;
}

ExtractedClaim SentenceClaims::RoleClaim(const Proposition& p,
                                         const Entity& person,
                                         const Entity& org,
                                         const std::vector<int>& role_words) {
  std::string role_text = WordsText(sentence_, role_words);
  for (const char* article : {"a ", "an ", "the "}) {
    if (AsciiLower(role_text).rfind(article, 0) == 0)
      role_text = role_text.substr(std::string(article).size());
  }
  // "a member of the council" is membership, not a role.
  bool member =
      AsciiLower(sentence_.words[p.arguments[0].phrase.head - 1].lemma) ==
      "member";
  ExtractedClaim out;
  out.rule = member ? "appos-member" : "appos-role";
  out.claim = NewClaim(p, out.rule);
  *out.claim.mutable_subject() = person;
  out.claim.set_predicate(member ? "member_of" : "hold_role");
  out.claim.set_predicate_text("");
  *out.claim.mutable_object() = org;
  if (!member) AddQualifier("role", role_text, &out.claim);
  AddAttribution(p, &out.claim);
  return out;
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

std::optional<Entity> SentenceClaims::SpeakerAsSubject(const Proposition& p) {
  // "An ICE spokesperson said that the agency would use the tool", "The
  // attorney general's office said it was reviewing the complaint": "it"
  // or a kind noun opening the reported clause is the body that speaks,
  // when the speaker is of that kind (or, for "it", any body).
  if (p.speaker.empty() || p.subject.empty()) return std::nullopt;
  const Word& head = sentence_.words[p.subject.head - 1];
  std::string lower = AsciiLower(head.form);
  bool pronoun = head.upos == "PRON" && (lower == "it" || lower == "its");
  std::string kind = AsciiLower(head.lemma);
  bool kind_noun = head.upos == "NOUN" && p.subject.words.size() <= 2 &&
                   (kind == "agency" || kind == "department" ||
                    kind == "company" || kind == "office" || kind == "firm");
  if (!pronoun && !kind_noun) return std::nullopt;
  auto speaker = EntityFor(p.speaker, true);
  if (!speaker || speaker->type() == PERSON) return std::nullopt;
  if (kind_noun && !memory_->Refers("", kind, *speaker) &&
      !(kind == "office" && speaker->type() == AGENCY))
    return std::nullopt;
  return speaker;
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
  Claim claim = NewClaim(p, "");
  std::string rule = p.rule;
  std::vector<Entity> more_targets;
  std::optional<Phrase> share = SharePhrase(p);
  if (share && object && QuantityFor(object->phrase)) share.reset();
  if (agent) {
    auto by = EntityFor(agent->phrase, false);
    if (!by) return {};
    *claim.mutable_subject() = *by;
    *claim.mutable_object() = *subject;
    rule += "+passive";
    object = agent;
  } else if (share) {
    // "captured images of all occupants in only 76% of vehicles": the
    // share is the value, what was done its theme.
    const Mention* q = QuantityFor(*share);
    *claim.mutable_subject() = *subject;
    *claim.mutable_value() = ToQuantity(*q);
    AddQualifier("denominator", q->noun, &claim);
    if (object) {
      std::vector<int> theme;
      for (int k : object->phrase.words) {
        if (std::find(share->words.begin(), share->words.end(), k) ==
            share->words.end())
          theme.push_back(k);
      }
      AddQualifier("theme", QualifierText(sentence_, theme), &claim);
    }
    rule += "+share";
  } else if (object == nullptr) {
    return {};
  } else if (const Mention* q = QuantityFor(object->phrase)) {
    // "became one of ...": a bare number counts nothing.
    if (q->unit.empty() && q->noun.empty()) return {};
    RememberCounted(object->phrase);
    *claim.mutable_subject() = *subject;
    *claim.mutable_value() = ToQuantity(*q);
    SetCountUnit(*object, *q, &claim);
    if (q->type == MentionType::kPercentage)
      AddQualifier("denominator", q->noun, &claim);
    rule += "+value";
  } else {
    // "became one of ...": a number word is no object.
    std::string head_lemma =
        AsciiLower(sentence_.words[object->phrase.head - 1].lemma);
    if (head_lemma == "one" || head_lemma == "some" || head_lemma == "many") {
      return {};
    }
    // "waited weeks for care": a span of time says how long, not what.
    if (IsTimeNoun(head_lemma)) return {};
    // "uses radar and cameras": one claim per conjunct.
    std::vector<int> conjuncts = Conjuncts(object->phrase.head);
    auto target =
        EntityFor(conjuncts.empty() ? object->phrase
                                    : FirstConjunct(object->phrase, conjuncts),
                  true);
    if (!target) return {};
    // "sold its Lantern tool ... the tool": a described thing of more than
    // one word is what a later definite mention of its head denotes.
    const Word& object_head = sentence_.words[object->phrase.head - 1];
    bool named = false;  // ("the city of Chicago" is Chicago's.)
    for (int k : object->phrase.words) named = named || NameAt(k);
    if (target->type() == OTHER && object_head.upos == "NOUN" && !named &&
        target->name().find(' ') != std::string::npos)
      memory_->RememberDescribed(AsciiLower(object_head.lemma), *target);
    for (int c : conjuncts) {
      if (auto other = EntityFor(SubPhrase(c, object->phrase), true))
        more_targets.push_back(*other);
    }
    *claim.mutable_subject() = *subject;
    *claim.mutable_object() = *target;
    if (object->role != "obj") lemma += " " + AsciiLower(object->marker);
  }
  // "X was detained": no actor, no claim; but "X is based in Y" is a
  // relation of its own (the table has "be based in").
  if (p.passive && !agent) {
    const Lexicon& lexicon = memory_->lexicon();
    std::string be =
        "be " + AsciiLower(sentence_.words[p.predicate - 1].form) +
        (object && !object->marker.empty() ? " " + AsciiLower(object->marker)
                                           : "");
    if (lexicon.CanonicalPredicate(be) == NormalizePredicate(be)) return {};
    lemma = be;
  }
  claim.set_predicate(CanonicalPredicate(lemma, claim.has_value()));
  // Speech acts are cues, not claims ("Northgate denied the allegations",
  // "CBP agreed with the recommendation"; docs/extraction-gold.md).
  // ("says on its website": a speech verb that the table maps to no other
  // predicate.)
  if (claim.predicate() == "say" || IsResponseVerb(verb) ||
      (IsSpeechLemma(lemma.substr(0, lemma.find(' '))) &&
       claim.predicate() == NormalizePredicate(lemma)))
    return {};
  claim.set_extractor("claimgraph-extract:" + rule);
  claim.mutable_evidence(0)->set_extractor(claim.extractor());
  AddQualifiers(p, object, &claim);
  AddAttribution(p, &claim);
  if (claim.subject().type() == OTHER)
    claim.set_confidence(claim.confidence() * 0.8);
  std::vector<ExtractedClaim> all =
      WithConjuncts(std::move(claim), rule, more_targets);
  // "The National Immigration Law Center and Just Futures Law sued DHS":
  // one claim per named conjunct of the subject (of the object when a
  // passive was turned active).
  if (p.subject.empty()) return all;
  size_t firsts = all.size();
  for (int c : Conjuncts(p.subject.head)) {
    auto other = EntityFor(SubPhrase(c, p.subject), false);
    if (!other) continue;
    for (size_t i = 0; i < firsts; ++i) {
      ExtractedClaim copy = all[i];
      Entity* slot =
          agent ? copy.claim.mutable_object() : copy.claim.mutable_subject();
      if (NormalizeName(slot->name()) == NormalizeName(other->name())) break;
      *slot = *other;
      copy.rule += "+subject-conj";
      copy.claim.set_extractor("claimgraph-extract:" + copy.rule);
      copy.claim.mutable_evidence(0)->set_extractor(copy.claim.extractor());
      all.push_back(std::move(copy));
    }
  }
  return all;
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
    // notice": what the main clause's noun phrases say has its source too.
    if (reported_root) AddAttribution(*reported_root, &claim.claim);
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
