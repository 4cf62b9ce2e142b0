#include "text/tagger.h"

#include <algorithm>
#include <random>

#include "base/ascii.h"

namespace claimgraph {
namespace {

// Training words seen at least this often, with one class at least
// kDictPurity of the time, are tagged from the dictionary.
constexpr int kDictMinCount = 20;
constexpr double kDictPurity = 0.98;
// Averaged weights smaller than this are dropped from the saved model.
constexpr float kPrune = 1e-3f;
constexpr int kAmbiguityMinCount = 2;

// "Obama" -> "Xx", "1,461" -> "d,d", "U.S." -> "X.X.": character classes
// with runs collapsed; non-ASCII bytes count as lower case letters.
std::string Shape(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    char k;
    if (c >= 'A' && c <= 'Z') {
      k = 'X';
    } else if ((c >= 'a' && c <= 'z') || c >= 0x80) {
      k = 'x';
    } else if (c >= '0' && c <= '9') {
      k = 'd';
    } else {
      k = static_cast<char>(c);
    }
    if (out.empty() || out.back() != k) out.push_back(k);
  }
  return out;
}

uint64_t H(std::string_view s) { return Fnv1a64(s); }

}  // namespace

struct Tagger::WordAtoms {
  uint64_t form, lower, shape, pre[3], suf[4], amb;
};

void Tagger::Atoms(const std::vector<Word>& words,
                   std::vector<WordAtoms>* atoms) const {
  static const uint64_t kUnknown = H("<unknown>");
  atoms->resize(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& form = words[i].form;
    std::string lower = AsciiLower(form);
    WordAtoms& a = (*atoms)[i];
    a.form = H(form);
    a.lower = H(lower);
    auto amb = ambiguity_.find(lower);
    a.amb = amb == ambiguity_.end() ? kUnknown : amb->second;
    a.shape = H(Shape(form));
    for (size_t k = 0; k < 3; ++k) {
      a.pre[k] = H(std::string_view(lower).substr(0, k + 1));
    }
    for (size_t k = 0; k < 4; ++k) {
      size_t len = std::min(lower.size(), k + 1);
      a.suf[k] = H(std::string_view(lower).substr(lower.size() - len));
    }
  }
}

void Tagger::Features(const std::vector<WordAtoms>& atoms, size_t i, int prev,
                      int prev2, std::vector<uint64_t>* out) {
  static const uint64_t kStart = H("<s>");
  static const uint64_t kEnd = H("</s>");
  out->clear();
  const WordAtoms& w = atoms[i];
  auto lower_at = [&](long j) -> uint64_t {
    if (j < 0) return kStart;
    if (j >= static_cast<long>(atoms.size())) return kEnd;
    return atoms[j].lower;
  };
  auto suf3_at = [&](long j) -> uint64_t {
    if (j < 0) return kStart;
    if (j >= static_cast<long>(atoms.size())) return kEnd;
    return atoms[j].suf[2];
  };
  const long li = static_cast<long>(i);
  const uint64_t p1 = static_cast<uint64_t>(prev + 2);
  const uint64_t p2 = static_cast<uint64_t>(prev2 + 2);
  auto add = [&](uint64_t tmpl, uint64_t a, uint64_t b = 0) {
    out->push_back(HashMix(HashMix(tmpl, a), b));
  };
  add(0, 0);
  add(1, w.lower);
  add(2, w.form);
  add(3, w.shape);
  for (int k = 0; k < 3; ++k) add(4 + k, w.pre[k]);
  for (int k = 0; k < 4; ++k) add(7 + k, w.suf[k]);
  add(11, lower_at(li - 1));
  add(12, lower_at(li - 2));
  add(13, lower_at(li + 1));
  add(14, lower_at(li + 2));
  add(15, suf3_at(li - 1));
  add(16, suf3_at(li + 1));
  add(17, p1);
  add(18, p2);
  add(19, p1, p2);
  add(20, p1, w.lower);
  add(21, lower_at(li - 1), w.lower);
  add(22, w.lower, lower_at(li + 1));
  add(23, w.shape, i == 0);
  add(24, i + 1 < atoms.size() ? atoms[i + 1].shape : kEnd);
  add(25, p1, lower_at(li + 1));
  add(26, p1, w.suf[2]);
  auto amb_at = [&](size_t j) -> uint64_t {
    return j < atoms.size() ? atoms[j].amb : kEnd;
  };
  add(27, w.amb);
  add(28, amb_at(i + 1));
  add(29, amb_at(i + 2));
  add(30, p1, w.amb);
  add(31, w.amb, amb_at(i + 1));
  add(32, w.lower, amb_at(i + 1));
}

int Tagger::ClassOf(const std::string& upos, const std::string& xpos) {
  std::string key = upos + "\t" + xpos;
  auto [it, inserted] = class_ids_.emplace(key, static_cast<int>(upos_.size()));
  if (inserted) {
    upos_.push_back(upos);
    xpos_.push_back(xpos);
  }
  return it->second;
}

void Tagger::Run(const std::vector<WordAtoms>& atoms,
                 const std::vector<std::string>& forms, Perceptron* learner,
                 const std::vector<int>* gold,
                 std::vector<int>* classes) const {
  classes->assign(atoms.size(), 0);
  std::vector<uint64_t> features;
  std::vector<float> scores(upos_.size());
  for (size_t i = 0; i < atoms.size(); ++i) {
    if (auto it = tag_dict_.find(forms[i]); it != tag_dict_.end()) {
      (*classes)[i] = it->second;
      continue;
    }
    int prev = i >= 1 ? (*classes)[i - 1] : -1;
    int prev2 = i >= 2 ? (*classes)[i - 2] : -1;
    Features(atoms, i, prev, prev2, &features);
    std::fill(scores.begin(), scores.end(), 0.0f);
    model_.Score(features.data(), features.size(), scores.data());
    int best = static_cast<int>(std::max_element(scores.begin(), scores.end()) -
                                scores.begin());
    if (learner != nullptr) {
      learner->Update(features.data(), features.size(), (*gold)[i], best);
    }
    (*classes)[i] = best;
  }
}

std::unique_ptr<Tagger> Tagger::Train(const std::vector<Sentence>& train,
                                      const TaggerOptions& options) {
  std::unique_ptr<Tagger> tagger(new Tagger());
  // Classes and the tag dictionary.
  std::vector<std::vector<int>> gold(train.size());
  std::unordered_map<std::string, std::unordered_map<int, int>> counts;
  for (size_t s = 0; s < train.size(); ++s) {
    for (const Word& w : train[s].words) {
      int c = tagger->ClassOf(w.upos, w.xpos);
      gold[s].push_back(c);
      ++counts[w.form][c];
    }
  }
  for (const auto& [form, by_class] : counts) {
    int total = 0, best = 0, best_class = 0;
    for (const auto& [c, n] : by_class) {
      total += n;
      if (n > best || (n == best && c < best_class)) {
        best = n;
        best_class = c;
      }
    }
    if (total >= kDictMinCount && best >= kDictPurity * total) {
      tagger->tag_dict_[form] = best_class;
    }
  }
  tagger->model_ = Perceptron(static_cast<int>(tagger->upos_.size()));
  std::unordered_map<std::string, std::pair<int, std::vector<int>>> by_lower;
  for (size_t s = 0; s < train.size(); ++s) {
    for (size_t i = 0; i < train[s].words.size(); ++i) {
      auto& [count, classes] = by_lower[AsciiLower(train[s].words[i].form)];
      ++count;
      classes.push_back(gold[s][i]);
    }
  }
  for (auto& [lower, entry] : by_lower) {
    auto& [count, classes] = entry;
    if (count < kAmbiguityMinCount) continue;
    std::sort(classes.begin(), classes.end());
    classes.erase(std::unique(classes.begin(), classes.end()), classes.end());
    uint64_t h = H("<amb>");
    for (int c : classes) h = HashMix(h, static_cast<uint64_t>(c));
    tagger->ambiguity_[lower] = h;
  }

  std::vector<std::vector<WordAtoms>> atoms(train.size());
  std::vector<std::vector<std::string>> forms(train.size());
  for (size_t s = 0; s < train.size(); ++s) {
    tagger->Atoms(train[s].words, &atoms[s]);
    for (const Word& w : train[s].words) forms[s].push_back(w.form);
  }
  std::vector<size_t> order(train.size());
  for (size_t s = 0; s < order.size(); ++s) order[s] = s;
  std::mt19937_64 rng(options.seed);
  std::vector<int> classes;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    // Fisher-Yates with raw engine output, identical on every platform.
    for (size_t k = order.size(); k > 1; --k) {
      std::swap(order[k - 1], order[rng() % k]);
    }
    long correct = 0, total = 0;
    for (size_t s : order) {
      tagger->Run(atoms[s], forms[s], &tagger->model_, &gold[s], &classes);
      for (size_t i = 0; i < classes.size(); ++i) {
        correct += classes[i] == gold[s][i];
      }
      total += static_cast<long>(classes.size());
    }
    if (options.log) {
      options.log("tagger epoch " + std::to_string(epoch + 1) +
                  ": training accuracy " +
                  std::to_string(100.0 * correct / std::max(total, 1L)));
    }
  }
  tagger->model_.Finish(kPrune);
  return tagger;
}

void Tagger::Tag(std::vector<Word>* words) const {
  std::vector<WordAtoms> atoms;
  Atoms(*words, &atoms);
  std::vector<std::string> forms;
  forms.reserve(words->size());
  for (const Word& w : *words) forms.push_back(w.form);
  std::vector<int> classes;
  Run(atoms, forms, nullptr, nullptr, &classes);
  for (size_t i = 0; i < words->size(); ++i) {
    (*words)[i].upos = upos_[classes[i]];
    (*words)[i].xpos = xpos_[classes[i]];
  }
}

// Layout: u32 classes; per class: str upos, str xpos; u32 dictionary size;
// per entry (sorted by form): str form, u32 class; u32 ambiguity entries;
// per entry (sorted): str lower-cased form, u64 class-set hash; then the
// perceptron.
void Tagger::Save(ModelWriter* out) const {
  out->U32(static_cast<uint32_t>(upos_.size()));
  for (size_t c = 0; c < upos_.size(); ++c) {
    out->Str(upos_[c]);
    out->Str(xpos_[c]);
  }
  std::vector<std::pair<std::string, int>> dict(tag_dict_.begin(),
                                                tag_dict_.end());
  std::sort(dict.begin(), dict.end());
  out->U32(static_cast<uint32_t>(dict.size()));
  for (const auto& [form, c] : dict) {
    out->Str(form);
    out->U32(static_cast<uint32_t>(c));
  }
  std::vector<std::pair<std::string, uint64_t>> amb(ambiguity_.begin(),
                                                    ambiguity_.end());
  std::sort(amb.begin(), amb.end());
  out->U32(static_cast<uint32_t>(amb.size()));
  for (const auto& [lower, h] : amb) {
    out->Str(lower);
    out->U64(h);
  }
  model_.Save(out);
}

StatusOr<std::unique_ptr<Tagger>> Tagger::Load(ModelReader* in) {
  std::unique_ptr<Tagger> tagger(new Tagger());
  uint32_t classes = in->Count(8);
  for (uint32_t c = 0; c < classes && in->ok(); ++c) {
    std::string upos = in->Str();
    std::string xpos = in->Str();
    tagger->ClassOf(upos, xpos);
  }
  uint32_t dict = in->Count(8);
  for (uint32_t k = 0; k < dict && in->ok(); ++k) {
    std::string form = in->Str();
    uint32_t c = in->U32();
    if (c >= classes) in->Fail("tag dictionary class out of range");
    tagger->tag_dict_[form] = static_cast<int>(c);
  }
  uint32_t amb = in->Count(12);
  tagger->ambiguity_.reserve(amb);
  for (uint32_t k = 0; k < amb && in->ok(); ++k) {
    std::string lower = in->Str();
    tagger->ambiguity_[lower] = in->U64();
  }
  if (!in->ok()) return in->status();
  CG_RETURN_IF_ERROR(tagger->model_.Load(in));
  if (tagger->model_.num_classes() != static_cast<int>(classes) ||
      tagger->upos_.size() != classes) {
    in->Fail("tagger class count mismatch");
    return in->status();
  }
  return tagger;
}

}  // namespace claimgraph
