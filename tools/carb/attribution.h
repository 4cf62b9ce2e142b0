// Attribution on CaRB's said-type subset: of the system extractions on the
// subset's sentences that attribute something to a speaker, the share whose
// speaker is a gold speaker of that sentence. Definitions in docs/carb.md.

#ifndef CLAIMGRAPH_TOOLS_CARB_ATTRIBUTION_H_
#define CLAIMGRAPH_TOOLS_CARB_ATTRIBUTION_H_

#include <string>
#include <vector>

#include "carb/reader.h"

namespace claimgraph::carb {

// The speakers an extraction names, each as its raw text:
//  - relation form: the relation starts with a reporting verb ("said",
//    "told", "adds", ...), possibly after auxiliaries and adverbs ("also
//    said", "would tell"); the speaker is arg1. A relation starting with
//    "according" names the last argument instead.
//  - context form: an argument "C: <speaker> <reporting verb> ...", as
//    CaRB's gold writes the attribution of a reported clause.
// A reporting verb right after a form of "be" is passive and names no one.
std::vector<std::string> Speakers(const Extraction& extraction);

// Lower-cased tokens of a speaker without punctuation-only tokens and
// function words (determiners, prepositions, conjunctions, auxiliaries,
// possessive 's).
std::vector<std::string> SpeakerTokens(const std::string& speaker);

struct AttributionReport {
  int sentences = 0;            // Gold sentences of the subset.
  int gold_speakers = 0;        // Distinct (sentence, speaker) pairs in gold.
  int gold_speakers_found = 0;  // ... named by some system extraction.
  int system_extractions = 0;   // System extractions on those sentences.
  int attributed = 0;           // ... that name a speaker.
  int speaker_overlap = 0;      // ... sharing a token with a gold speaker.
  int speaker_exact = 0;        // ... equal (SpeakerTokens) to one.
};

// Compares the speakers of `system` with those of `gold` sentence by
// sentence (sentences matched by CaRB's normalised key).
AttributionReport ScoreAttribution(const ExtractionSet& gold,
                                   const ExtractionSet& system);

}  // namespace claimgraph::carb

#endif  // CLAIMGRAPH_TOOLS_CARB_ATTRIBUTION_H_
