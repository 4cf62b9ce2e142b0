#include "carb/reader.h"

#include <fstream>
#include <sstream>
#include <utility>

#include "carb/text.h"

namespace claimgraph::carb {
namespace {

// Groups extractions by exact sentence text, in first-seen order.
class RawGrouper {
 public:
  void Add(const std::string& sentence, Extraction extraction) {
    auto [it, inserted] = index_.try_emplace(sentence, groups_.size());
    if (inserted) groups_.push_back({"", sentence, {}});
    groups_[it->second].extractions.push_back(std::move(extraction));
  }
  std::vector<SentenceGroup> Take() { return std::move(groups_); }

 private:
  std::vector<SentenceGroup> groups_;
  std::unordered_map<std::string, size_t> index_;
};

Status LineError(std::string_view source, size_t line_index,
                 std::string_view what) {
  return InvalidArgumentError(std::string(source) + ":" +
                              std::to_string(line_index + 1) + ": " +
                              std::string(what));
}

}  // namespace

const SentenceGroup* ExtractionSet::Find(std::string_view key) const {
  auto it = index_.find(std::string(key));
  return it == index_.end() ? nullptr : &groups_[it->second];
}

size_t ExtractionSet::ExtractionCount() const {
  size_t n = 0;
  for (const SentenceGroup& g : groups_) n += g.extractions.size();
  return n;
}

ExtractionSet ExtractionSet::FromRawGroups(std::vector<SentenceGroup> raw) {
  ExtractionSet set;
  for (SentenceGroup& group : raw) {
    group.key = NormalizeSentenceKey(group.sentence);
    auto [it, inserted] = set.index_.try_emplace(group.key, set.groups_.size());
    if (inserted) {
      set.groups_.push_back(std::move(group));
    } else {
      set.groups_[it->second] = std::move(group);
      ++set.replaced_groups_;
    }
  }
  return set;
}

StatusOr<ExtractionSet> ParseGold(std::string_view text,
                                  std::string_view source) {
  RawGrouper grouper;
  const std::vector<std::string> lines = SplitLines(text);
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = StripWhitespace(lines[i]);
    if (line.empty()) continue;
    std::vector<std::string> fields = SplitTabs(line);
    if (fields.size() < 2) {
      return LineError(source, i, "expected sentence, relation, args");
    }
    Extraction ex;
    ex.relation = std::string(StripWhitespace(fields[1]));
    for (size_t f = 2; f < fields.size(); ++f) {
      ex.args.emplace_back(StripWhitespace(fields[f]));
    }
    grouper.Add(std::string(StripWhitespace(fields[0])), std::move(ex));
  }
  return ExtractionSet::FromRawGroups(grouper.Take());
}

StatusOr<ExtractionSet> ParseSystem(std::string_view text,
                                    std::string_view source) {
  RawGrouper grouper;
  const std::vector<std::string> lines = SplitLines(text);
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = StripWhitespace(lines[i]);
    if (line.empty()) continue;
    std::vector<std::string> fields = SplitTabs(line);
    if (fields.size() < 3) {
      return LineError(source, i,
                       "expected sentence, confidence, relation, args");
    }
    std::optional<double> confidence = ParseConfidence(fields[1]);
    if (!confidence) {
      return LineError(source, i,
                       "confidence is not a number: '" + fields[1] + "'");
    }
    Extraction ex;
    ex.relation = fields[2];
    ex.confidence = *confidence;
    ex.args.assign(fields.begin() + 3, fields.end());
    grouper.Add(fields[0], std::move(ex));
  }
  return ExtractionSet::FromRawGroups(grouper.Take());
}

StatusOr<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError("cannot open " + path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return IoError("cannot read " + path);
  return buffer.str();
}

}  // namespace claimgraph::carb
