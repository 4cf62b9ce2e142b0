#include "carb/attribution.h"

#include <algorithm>
#include <set>
#include <string_view>

#include "base/ascii.h"
#include "carb/text.h"

namespace claimgraph::carb {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

bool IsReportingVerb(std::string_view lower) {
  static const std::set<std::string_view> kVerbs = {
      "say",      "says",      "said",      "saying",    "tell",
      "tells",    "told",      "add",       "adds",      "added",
      "announce", "announces", "announced", "stated",    "report",
      "reports",  "reported",  "warn",      "warns",     "warned",
      "claim",    "claims",    "claimed",   "note",      "notes",
      "noted",    "explain",   "explains",  "explained", "acknowledged",
      "confirm",  "confirms",  "confirmed", "insist",    "insists",
      "insisted", "argue",     "argues",    "argued",    "write",
      "writes",   "wrote",     "promise",   "promises",  "promised",
      "testified"};
  return kVerbs.contains(lower);
}

// Words that may stand between a speaker and its reporting verb.
bool IsVerbModifier(std::string_view lower) {
  static const std::set<std::string_view> kWords = {
      "also",  "further", "previously", "supposedly", "reportedly", "later",
      "then",  "always",  "which",      "who",        "have",       "has",
      "had",   "will",    "would",      "could",      "can",        "may",
      "might", "should",  "did",        "does",       "do",         "has"};
  return kWords.contains(lower);
}

bool IsBeForm(std::string_view lower) {
  static const std::set<std::string_view> kBe = {
      "be", "is", "am", "are", "was", "were", "been", "being"};
  return kBe.contains(lower);
}

std::string Join(const std::vector<std::string>& tokens, size_t begin,
                 size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    if (!out.empty()) out += " ";
    out += tokens[i];
  }
  return out;
}

// "C: <speaker> [modifiers] <verb> ..." -> speaker, or "" if none.
std::string ContextSpeaker(const std::vector<std::string>& tokens) {
  for (size_t v = 1; v < tokens.size(); ++v) {
    if (!IsReportingVerb(AsciiLower(tokens[v]))) continue;
    size_t end = v;
    if (IsBeForm(AsciiLower(tokens[end - 1]))) return "";
    while (end > 1 && IsVerbModifier(AsciiLower(tokens[end - 1]))) --end;
    return Join(tokens, 1, end);
  }
  return "";
}

std::string RelationSpeaker(const Extraction& ex) {
  const std::vector<std::string> rel = SplitWhitespace(ex.relation);
  size_t i = 0;
  while (i < rel.size() && IsVerbModifier(AsciiLower(rel[i]))) ++i;
  if (i == rel.size() || ex.args.empty()) return "";
  const std::string head = AsciiLower(rel[i]);
  if (head == "according") return ex.args.back();
  if (IsReportingVerb(head)) return ex.args[0];
  return "";
}

bool Overlaps(const std::vector<std::string>& a,
              const std::vector<std::string>& b) {
  return std::any_of(a.begin(), a.end(), [&](const std::string& t) {
    return std::find(b.begin(), b.end(), t) != b.end();
  });
}

using TokenLists = std::vector<std::vector<std::string>>;

TokenLists SpeakerTokenLists(const Extraction& ex) {
  TokenLists lists;
  for (const std::string& speaker : Speakers(ex)) {
    std::vector<std::string> tokens = SpeakerTokens(speaker);
    if (!tokens.empty()) lists.push_back(std::move(tokens));
  }
  return lists;
}

// Adds one sentence's figures to the report.
void ScoreSentence(const SentenceGroup& gold, const SentenceGroup* system,
                   AttributionReport& report) {
  std::set<std::vector<std::string>> gold_set;
  for (const Extraction& ex : gold.extractions) {
    for (auto& tokens : SpeakerTokenLists(ex)) gold_set.insert(tokens);
  }
  const TokenLists gold_speakers(gold_set.begin(), gold_set.end());
  std::vector<bool> found(gold_speakers.size(), false);
  report.gold_speakers += gold_speakers.size();
  if (system == nullptr) return;
  for (const Extraction& ex : system->extractions) {
    ++report.system_extractions;
    const TokenLists speakers = SpeakerTokenLists(ex);
    if (speakers.empty()) continue;
    ++report.attributed;
    bool overlap = false, exact = false;
    for (const auto& s : speakers) {
      for (size_t g = 0; g < gold_speakers.size(); ++g) {
        if (!Overlaps(s, gold_speakers[g])) continue;
        overlap = true;
        found[g] = true;
        exact = exact || s == gold_speakers[g];
      }
    }
    report.speaker_overlap += overlap;
    report.speaker_exact += exact;
  }
  report.gold_speakers_found += std::count(found.begin(), found.end(), true);
}

}  // namespace

std::vector<std::string> Speakers(const Extraction& extraction) {
  std::vector<std::string> speakers;
  if (std::string s = RelationSpeaker(extraction); !s.empty()) {
    speakers.push_back(s);
  }
  for (const std::string& arg : extraction.args) {
    const std::vector<std::string> tokens = SplitWhitespace(arg);
    if (tokens.empty() || tokens[0] != "C:") continue;
    if (std::string s = ContextSpeaker(tokens); !s.empty()) {
      speakers.push_back(s);
    }
  }
  return speakers;
}

std::vector<std::string> SpeakerTokens(const std::string& speaker) {
  // Function words: one shared "of" or "and" must not make a match.
  static const std::set<std::string_view> kDrop = {
      "a",    "an", "the",  "'s",   "of",   "in",    "on",   "at",  "by",
      "with", "to", "for",  "from", "and",  "or",    "is",   "are", "was",
      "were", "be", "been", "that", "this", "these", "those"};
  std::vector<std::string> out;
  for (const std::string& token : SplitWhitespace(speaker)) {
    std::string lower = AsciiLower(token);
    std::string key = NormalizeSentenceKey(lower);  // Drops punctuation.
    if (key.empty() || kDrop.contains(lower) || IsVerbModifier(lower)) {
      continue;
    }
    out.push_back(lower);
  }
  return out;
}

AttributionReport ScoreAttribution(const ExtractionSet& gold,
                                   const ExtractionSet& system) {
  AttributionReport report;
  for (const SentenceGroup& group : gold.groups()) {
    ++report.sentences;
    const SentenceGroup* sys = system.Find(group.key);
    // CaRB's said-type gold starts with a byte-order mark that the
    // sentence file lacks; a system echoing the sentence file still counts.
    if (sys == nullptr && group.key.starts_with(kByteOrderMark)) {
      sys = system.Find(group.key.substr(kByteOrderMark.size()));
    }
    ScoreSentence(group, sys, report);
  }
  return report;
}

}  // namespace claimgraph::carb
