// Reading CaRB's two tab-separated formats the way its GoldReader and
// TabReader do, grouped by sentence under CaRB's normalised sentence key.
//
//   gold:   sentence \t relation \t arg1 \t arg2 ...
//   system: sentence \t confidence \t relation \t arg1 \t arg2 ...

#ifndef CLAIMGRAPH_TOOLS_CARB_READER_H_
#define CLAIMGRAPH_TOOLS_CARB_READER_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"

namespace claimgraph::carb {

struct Extraction {
  std::string relation;
  std::vector<std::string> args;
  double confidence = 1.0;  // Always 1 in gold.
};

// All extractions of one sentence.
struct SentenceGroup {
  std::string key;       // NormalizeSentenceKey(sentence).
  std::string sentence;  // As read (the last spelling, see below).
  std::vector<Extraction> extractions;
};

// Sentence groups in CaRB's dict order. As in CaRB, extractions are first
// grouped by the exact sentence text; when two spellings normalise to the
// same key, the later spelling's group replaces the earlier one (keeping
// the earlier position), exactly like dict([(normalizeKey(k), v) ...]).
class ExtractionSet {
 public:
  const std::vector<SentenceGroup>& groups() const { return groups_; }
  // nullptr if no group has this key.
  const SentenceGroup* Find(std::string_view key) const;
  size_t ExtractionCount() const;
  // Spellings dropped because a later spelling had the same key.
  int replaced_groups() const { return replaced_groups_; }

  // Builds the set from groups keyed by exact sentence, in first-seen order.
  static ExtractionSet FromRawGroups(std::vector<SentenceGroup> raw);

 private:
  std::vector<SentenceGroup> groups_;
  std::unordered_map<std::string, size_t> index_;
  int replaced_groups_ = 0;
};

// Parses gold text (GoldReader: every field stripped, confidence 1). Blank
// lines are skipped; a line without a relation is an error naming
// `source`:line.
StatusOr<ExtractionSet> ParseGold(std::string_view text,
                                  std::string_view source);

// Parses system text (TabReader: the line is stripped, fields are not;
// blank lines are skipped). A line with fewer than three fields or a
// confidence that is not a number is an error naming `source`:line.
StatusOr<ExtractionSet> ParseSystem(std::string_view text,
                                    std::string_view source);

// Reads a whole file; NotFound if it cannot be opened.
StatusOr<std::string> ReadWholeFile(const std::string& path);

}  // namespace claimgraph::carb

#endif  // CLAIMGRAPH_TOOLS_CARB_READER_H_
