// Who said a clause (SentenceClaims::AddAttribution): the speaker, the cue
// and the stance, with spokespeople speaking for their body and documents
// as speakers.

#include <optional>
#include <string>

#include "extract/builder.h"
#include "extract/builder_internal.h"
#include "model/claim.h"
#include "model/names.h"

namespace claimgraph {

using extract_internal::IsUnitNoun;

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

}  // namespace claimgraph
