#include "text/lemmatizer.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "base/ascii.h"

namespace claimgraph {
namespace {

std::string Key(std::string_view a, std::string_view b) {
  std::string key(a);
  key.push_back('\t');
  key.append(b);
  return key;
}

size_t CommonPrefix(std::string_view a, std::string_view b) {
  size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

// Most frequent value per key; ties go to the smallest value so that
// training is deterministic.
template <typename V>
std::unordered_map<std::string, V> Majority(
    const std::map<std::string, std::map<V, int>>& counts) {
  std::unordered_map<std::string, V> out;
  for (const auto& [key, values] : counts) {
    const V* best = nullptr;
    int best_n = 0;
    for (const auto& [v, n] : values) {
      if (n > best_n) {
        best = &v;
        best_n = n;
      }
    }
    out[key] = *best;
  }
  return out;
}

}  // namespace

Lemmatizer::Rule Lemmatizer::RuleFor(std::string_view form,
                                     std::string_view lemma) {
  std::string lower = AsciiLower(form);
  size_t keep = CommonPrefix(form, lemma);
  size_t keep_lower = CommonPrefix(lower, lemma);
  Rule rule;
  if (keep_lower > keep) {
    rule.lower = true;
    keep = keep_lower;
  }
  rule.strip = static_cast<uint32_t>(form.size() - keep);
  rule.append = std::string(lemma.substr(keep));
  return rule;
}

std::string Lemmatizer::Apply(const Rule& rule, std::string_view form) {
  std::string base = rule.lower ? AsciiLower(form) : std::string(form);
  if (rule.strip >= base.size()) return std::string(form);
  // A rule learnt from ASCII words can strip more bytes than the suffix it
  // matched; it must not cut a UTF-8 sequence ("’d" lost "\x99d").
  const size_t cut = base.size() - rule.strip;
  if ((static_cast<unsigned char>(base[cut]) & 0xC0) == 0x80) {
    return std::string(form);
  }
  base.resize(cut);
  base += rule.append;
  return base;
}

std::unique_ptr<Lemmatizer> Lemmatizer::Train(
    const std::vector<Sentence>& train) {
  std::map<std::string, std::map<std::string, int>> exact, lower;
  // Rules are counted over distinct (form, xpos, lemma) types: unknown words
  // behave like the many rare types, not like a few frequent tokens.
  std::map<std::tuple<std::string, std::string, std::string>, int> types;
  for (const Sentence& s : train) {
    for (const Word& w : s.words) {
      if (w.form.empty() || w.lemma.empty()) continue;
      ++exact[Key(w.form, w.xpos)][w.lemma];
      ++lower[Key(AsciiLower(w.form), w.xpos)][w.lemma];
      ++types[{w.form, w.xpos, w.lemma}];
    }
  }
  using RuleKey = std::tuple<bool, uint32_t, std::string>;
  std::map<std::string, std::map<RuleKey, int>> rule_counts;
  for (const auto& [type, n] : types) {
    const auto& [form, xpos, lemma] = type;
    Rule rule = RuleFor(form, lemma);
    RuleKey rk{rule.lower, rule.strip, rule.append};
    std::string lower_form = AsciiLower(form);
    for (size_t len = 0; len <= kMaxSuffix && len <= lower_form.size(); ++len) {
      ++rule_counts[Key(xpos, std::string_view(lower_form)
                                  .substr(lower_form.size() - len))][rk];
    }
  }
  std::unique_ptr<Lemmatizer> lemmatizer(new Lemmatizer());
  lemmatizer->exact_ = Majority(exact);
  lemmatizer->lower_ = Majority(lower);
  for (const auto& [key, rk] : Majority(rule_counts)) {
    Rule rule;
    std::tie(rule.lower, rule.strip, rule.append) = rk;
    lemmatizer->rules_[key] = rule;
  }
  return lemmatizer;
}

std::string Lemmatizer::Lemma(std::string_view form,
                              std::string_view xpos) const {
  if (auto it = exact_.find(Key(form, xpos)); it != exact_.end()) {
    return it->second;
  }
  std::string lower = AsciiLower(form);
  if (auto it = lower_.find(Key(lower, xpos)); it != lower_.end()) {
    return it->second;
  }
  // Taggers confuse the verb tags (VBD/VBN, VB/VBP/VBZ), and the lemma of
  // a verb form does not depend on which of them it has: a form known only
  // under other verb tags takes the lemma of the first of them, the
  // closest first ("rose" tagged VBN -> "rise", learnt from "rose" VBD).
  const std::vector<std::string_view>* others = OtherVerbTags(xpos);
  if (others != nullptr) {
    for (std::string_view other : *others) {
      if (auto it = lower_.find(Key(lower, other)); it != lower_.end()) {
        return it->second;
      }
    }
  }
  // Suffix rules: the longest known suffix under the form's tag or, for an
  // unknown verb form, under whichever verb tag of another inflection knows
  // a strictly longer one ("collects" tagged VB: its "lects" is known only
  // under VBZ -> "collect"). Tags that share their forms (VB and VBP, VBD
  // and VBN) do not lend rules to each other: their rules differ only by
  // the words each happened to see ("credited" VBD would take VBN's
  // "ited" -> "ite" of "united" and become "credite").
  std::string_view rule_tag = xpos;
  size_t rule_len = LongestRuleSuffix(lower, xpos);
  if (others != nullptr) {
    for (std::string_view other : *others) {
      if (SameInflection(xpos, other)) continue;
      const size_t len = LongestRuleSuffix(lower, other);
      if (len != kNoRule && (rule_len == kNoRule || len > rule_len)) {
        rule_tag = other;
        rule_len = len;
      }
    }
  }
  if (rule_len == kNoRule) return std::string(form);
  const Rule& rule = rules_.at(
      Key(rule_tag, std::string_view(lower).substr(lower.size() - rule_len)));
  std::string lemma = Apply(rule, form);
  return lemma.empty() ? std::string(form) : lemma;
}

const std::vector<std::string_view>* Lemmatizer::OtherVerbTags(
    std::string_view xpos) {
  // Per verb tag, the others, most often confused with it first.
  static const auto* const kOthers = new std::vector<
      std::pair<std::string_view, std::vector<std::string_view>>>{
      {"VB", {"VBP", "VBZ", "VBD", "VBN", "VBG"}},
      {"VBP", {"VB", "VBZ", "VBD", "VBN", "VBG"}},
      {"VBZ", {"VBP", "VB", "VBD", "VBN", "VBG"}},
      {"VBD", {"VBN", "VB", "VBP", "VBZ", "VBG"}},
      {"VBN", {"VBD", "VB", "VBP", "VBZ", "VBG"}},
      {"VBG", {"VB", "VBP", "VBZ", "VBD", "VBN"}},
  };
  for (const auto& [tag, others] : *kOthers) {
    if (tag == xpos) return &others;
  }
  return nullptr;
}

bool Lemmatizer::SameInflection(std::string_view a, std::string_view b) {
  auto group = [](std::string_view tag) {
    if (tag == "VBP") return std::string_view("VB");
    if (tag == "VBN") return std::string_view("VBD");
    return tag;
  };
  return group(a) == group(b);
}

size_t Lemmatizer::LongestRuleSuffix(std::string_view lower,
                                     std::string_view xpos) const {
  for (size_t len = std::min(kMaxSuffix, lower.size()) + 1; len-- > 0;) {
    if (rules_.count(Key(xpos, lower.substr(lower.size() - len))) != 0) {
      return len;
    }
  }
  return kNoRule;
}

void Lemmatizer::Lemmatize(std::vector<Word>* words) const {
  for (Word& w : *words) w.lemma = Lemma(w.form, w.xpos);
}

namespace {
void SaveMap(const std::unordered_map<std::string, std::string>& map,
             ModelWriter* out) {
  std::vector<std::pair<std::string, std::string>> sorted(map.begin(),
                                                          map.end());
  std::sort(sorted.begin(), sorted.end());
  out->U32(static_cast<uint32_t>(sorted.size()));
  for (const auto& [k, v] : sorted) {
    out->Str(k);
    out->Str(v);
  }
}
void LoadMap(ModelReader* in,
             std::unordered_map<std::string, std::string>* map) {
  uint32_t n = in->Count(8);
  map->reserve(n);
  for (uint32_t i = 0; i < n && in->ok(); ++i) {
    std::string k = in->Str();
    (*map)[k] = in->Str();
  }
}
}  // namespace

// Layout: exact map, lower map (u32 n; n x (str key, str lemma)); u32 rules;
// per rule (sorted by key): str key, u8 lower, u32 strip, str append.
void Lemmatizer::Save(ModelWriter* out) const {
  SaveMap(exact_, out);
  SaveMap(lower_, out);
  std::vector<std::pair<std::string, Rule>> rules(rules_.begin(), rules_.end());
  std::sort(rules.begin(), rules.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  out->U32(static_cast<uint32_t>(rules.size()));
  for (const auto& [key, rule] : rules) {
    out->Str(key);
    out->U8(rule.lower ? 1 : 0);
    out->U32(rule.strip);
    out->Str(rule.append);
  }
}

StatusOr<std::unique_ptr<Lemmatizer>> Lemmatizer::Load(ModelReader* in) {
  std::unique_ptr<Lemmatizer> lemmatizer(new Lemmatizer());
  LoadMap(in, &lemmatizer->exact_);
  LoadMap(in, &lemmatizer->lower_);
  uint32_t n = in->Count(13);
  for (uint32_t i = 0; i < n && in->ok(); ++i) {
    std::string key = in->Str();
    Rule rule;
    rule.lower = in->U8() != 0;
    rule.strip = in->U32();
    rule.append = in->Str();
    lemmatizer->rules_[key] = std::move(rule);
  }
  if (!in->ok()) return in->status();
  return lemmatizer;
}

}  // namespace claimgraph
