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
// Feature set 4: a form seen only a few times in training has an ambiguity
// class that is mostly its gold class there, which the tagger learns to
// trust too much; from this count on the class also holds beyond training.
constexpr int kAmbiguityMinCountSet4 = 8;
constexpr int kMaxFeatureSet = 5;
constexpr int kAmbiguityFolds = 4;

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

// The ambiguity class (a hash of the set of classes) of every lower-cased
// form seen at least `min_count` times in the training sentences, leaving
// out those with index % kAmbiguityFolds == `skip_fold` (none if -1).
std::unordered_map<std::string, uint64_t> AmbiguityClasses(
    const std::vector<Sentence>& train,
    const std::vector<std::vector<int>>& gold, int min_count, int skip_fold) {
  std::unordered_map<std::string, std::pair<int, std::vector<int>>> by_lower;
  for (size_t s = 0; s < train.size(); ++s) {
    if (static_cast<int>(s % kAmbiguityFolds) == skip_fold) continue;
    for (size_t i = 0; i < train[s].words.size(); ++i) {
      auto& [count, classes] = by_lower[AsciiLower(train[s].words[i].form)];
      ++count;
      classes.push_back(gold[s][i]);
    }
  }
  std::unordered_map<std::string, uint64_t> out;
  for (auto& [lower, entry] : by_lower) {
    auto& [count, classes] = entry;
    if (count < min_count) continue;
    std::sort(classes.begin(), classes.end());
    classes.erase(std::unique(classes.begin(), classes.end()), classes.end());
    uint64_t h = H("<amb>");
    for (int c : classes) h = HashMix(h, static_cast<uint64_t>(c));
    out[lower] = h;
  }
  return out;
}

}  // namespace

struct Tagger::WordAtoms {
  uint64_t form, lower, shape, pre[4], suf[5], amb, flags;
  // Word-cluster path prefixes of 4, 6 and 10 bits and the full path
  // (feature set 3).
  uint64_t cl[4];
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
    for (size_t k = 0; k < 4; ++k) {
      a.pre[k] = H(std::string_view(lower).substr(0, k + 1));
    }
    for (size_t k = 0; k < 5; ++k) {
      size_t len = std::min(lower.size(), k + 1);
      a.suf[k] = H(std::string_view(lower).substr(lower.size() - len));
    }
    // Cues for unknown words: hyphen, digit, capitalised not sentence-first,
    // all capitals, seen in training at all.
    bool hyphen = form.find('-') != std::string::npos;
    bool digit = std::any_of(form.begin(), form.end(),
                             [](char c) { return c >= '0' && c <= '9'; });
    bool cap = form[0] >= 'A' && form[0] <= 'Z';
    bool caps = std::all_of(form.begin(), form.end(),
                            [](char c) { return !(c >= 'a' && c <= 'z'); });
    a.flags = hyphen | digit << 1 | (cap && i > 0) << 2 | caps << 3 |
              (amb == ambiguity_.end()) << 4;
    if (feature_set_ >= 3) {
      const uint16_t code = clusters_->Find(form);
      static constexpr int kBits[4] = {4, 6, 10, WordClusters::kMaxDepth};
      for (int k = 0; k < 4; ++k) {
        a.cl[k] = WordClusters::Prefix(code, kBits[k]) + 1;
      }
    } else {
      std::fill(std::begin(a.cl), std::end(a.cl), 0);
    }
  }
}

void Tagger::Features(const std::vector<WordAtoms>& atoms, size_t i, int prev,
                      int prev2, const StackTags* stack,
                      std::vector<uint64_t>* out) const {
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
  if (feature_set_ >= 2) {
    add(33, w.pre[3]);
    add(34, w.suf[4]);
    add(35, w.flags);
    add(36, w.flags, p1);
    add(37, i > 0 ? atoms[i - 1].shape : kStart, w.shape);
    add(38, lower_at(li - 1), lower_at(li + 1));
    add(39, suf3_at(li + 2));
    add(50, w.suf[2], i + 1 < atoms.size() ? atoms[i + 1].shape : kEnd);
    add(51, HashMix(p1, lower_at(li + 1)), w.suf[1]);
    add(52, lower_at(li + 1), lower_at(li + 2));
    add(53, lower_at(li - 1), w.suf[2]);
    add(54, w.lower, lower_at(li + 2));
  }
  if (feature_set_ >= 3) {
    // Cluster paths (4, 6, 10 bits, full) here and around.
    auto cl_at = [&](long j, int k) -> uint64_t {
      if (j < 0) return 1u << 20;
      if (j >= static_cast<long>(atoms.size())) return 2u << 20;
      return atoms[j].cl[k];
    };
    for (int k = 0; k < 4; ++k) add(60 + k, w.cl[k]);
    add(64, cl_at(li - 1, 3));
    add(65, cl_at(li + 1, 3));
    add(66, cl_at(li - 1, 1));
    add(67, cl_at(li + 1, 1));
    add(68, cl_at(li - 2, 0));
    add(69, cl_at(li + 2, 0));
    add(70, p1, w.cl[3]);
    add(71, p1, w.cl[1]);
    add(72, w.cl[3], w.suf[2]);
    add(73, w.cl[2], w.shape);
    add(74, w.cl[1], cl_at(li + 1, 1));
  }
  if (stack == nullptr) return;
  // Second pass: first-pass classes here and to the right.
  const std::vector<int>& right = *stack->first;
  auto r = [&](size_t j) -> uint64_t {
    return j < atoms.size() ? static_cast<uint64_t>(right[j] + 2) : 0;
  };
  const uint64_t r0 = r(i), r1 = r(i + 1), r2 = r(i + 2);
  add(40, r0);
  add(41, r1);
  add(42, r2);
  add(43, r1, r2);
  add(44, p1, r1);
  add(45, w.lower, r1);
  add(46, r0, r1);
  add(47, w.suf[2], r1);
  add(48, r0, w.lower);
  if (stack->back == nullptr) return;
  // The right-to-left first pass's classes of i-1, i, i+1.
  const std::vector<int>& back = *stack->back;
  auto k = [&](long j) -> uint64_t {
    return j >= 0 && j < static_cast<long>(atoms.size())
               ? static_cast<uint64_t>(back[j] + 2)
               : 1;
  };
  const uint64_t k0 = k(li);
  add(80, k0);
  add(81, k(li - 1));
  add(82, k(li + 1));
  add(83, k0, r0);
  add(84, k0, w.lower);
  add(85, k0, p1);
  add(86, k0, k(li + 1));
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

void Tagger::Run(const Perceptron& model, const std::vector<WordAtoms>& atoms,
                 const std::vector<std::string>& forms, const StackTags* stack,
                 Perceptron* learner, bool averaged,
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
    Features(atoms, i, prev, prev2, stack, &features);
    std::fill(scores.begin(), scores.end(), 0.0f);
    if (averaged) {
      model.ScoreAveraged(features.data(), features.size(), scores.data());
    } else {
      model.Score(features.data(), features.size(), scores.data());
    }
    int best = static_cast<int>(std::max_element(scores.begin(), scores.end()) -
                                scores.begin());
    if (learner != nullptr) {
      learner->Update(features.data(), features.size(), (*gold)[i], best);
    }
    (*classes)[i] = best;
  }
}

void Tagger::RunBackward(const Perceptron& model,
                         const std::vector<WordAtoms>& atoms,
                         const std::vector<std::string>& forms,
                         std::vector<int>* classes) const {
  std::vector<WordAtoms> rev_atoms(atoms.rbegin(), atoms.rend());
  std::vector<std::string> rev_forms(forms.rbegin(), forms.rend());
  Run(model, rev_atoms, rev_forms, nullptr, nullptr, false, nullptr, classes);
  std::reverse(classes->begin(), classes->end());
}

void Tagger::RunFirst(const std::vector<WordAtoms>& atoms,
                      const std::vector<std::string>& forms,
                      std::vector<int>* classes) const {
  if (first_reversed_) {
    RunBackward(model_, atoms, forms, classes);
  } else {
    Run(model_, atoms, forms, nullptr, nullptr, false, nullptr, classes);
  }
}

void Tagger::Predict(const std::vector<WordAtoms>& atoms,
                     const std::vector<std::string>& forms,
                     std::vector<int>* classes) const {
  RunFirst(atoms, forms, classes);
  if (passes_ < 2) return;
  std::vector<int> first = *classes, back;
  if (backward_) RunBackward(backward_model_, atoms, forms, &back);
  const StackTags stack{&first, backward_ ? &back : nullptr};
  Run(second_, atoms, forms, &stack, nullptr, false, nullptr, classes);
}

void Tagger::TrainPass(const std::vector<std::vector<WordAtoms>>& atoms,
                       const std::vector<std::vector<std::string>>& forms,
                       const std::vector<std::vector<int>>& gold,
                       const std::vector<std::vector<int>>* right,
                       const std::vector<std::vector<int>>* back, bool reversed,
                       const TaggerOptions& options, Perceptron* model) {
  *model = Perceptron(static_cast<int>(upos_.size()));
  // The dev set's atoms, gold classes and (second pass) first-pass classes.
  std::vector<std::vector<WordAtoms>> dev_atoms;
  std::vector<std::vector<std::string>> dev_forms;
  std::vector<std::vector<int>> dev_first, dev_back;
  if (options.dev != nullptr && options.log) {
    for (const Sentence& s : *options.dev) {
      dev_atoms.emplace_back();
      Atoms(s.words, &dev_atoms.back());
      dev_forms.emplace_back();
      for (const Word& w : s.words) dev_forms.back().push_back(w.form);
      dev_first.emplace_back();
      dev_back.emplace_back();
      if (right != nullptr) {
        RunFirst(dev_atoms.back(), dev_forms.back(), &dev_first.back());
      }
      if (back != nullptr) {
        RunBackward(backward_model_, dev_atoms.back(), dev_forms.back(),
                    &dev_back.back());
      }
      if (reversed) {
        std::reverse(dev_atoms.back().begin(), dev_atoms.back().end());
        std::reverse(dev_forms.back().begin(), dev_forms.back().end());
      }
    }
  }
  std::vector<size_t> order(atoms.size());
  for (size_t s = 0; s < order.size(); ++s) order[s] = s;
  std::mt19937_64 rng(options.seed);
  std::vector<int> classes;
  const std::string name = right != nullptr ? "tagger pass 2"
                           : reversed       ? "tagger backward"
                                            : "tagger";
  auto stack_of = [&](const std::vector<std::vector<int>>* first,
                      const std::vector<std::vector<int>>* bk, size_t s) {
    return StackTags{first ? &(*first)[s] : nullptr, bk ? &(*bk)[s] : nullptr};
  };
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    // Fisher-Yates with raw engine output, identical on every platform.
    for (size_t k = order.size(); k > 1; --k) {
      std::swap(order[k - 1], order[rng() % k]);
    }
    long correct = 0, total = 0;
    for (size_t s : order) {
      const StackTags stack = stack_of(right, back, s);
      Run(*model, atoms[s], forms[s], right ? &stack : nullptr, model, false,
          &gold[s], &classes);
      for (size_t i = 0; i < classes.size(); ++i) {
        correct += classes[i] == gold[s][i];
      }
      total += static_cast<long>(classes.size());
    }
    if (!options.log) continue;
    std::string line = name + " epoch " + std::to_string(epoch + 1) +
                       ": training accuracy " +
                       std::to_string(100.0 * correct / std::max(total, 1L));
    if (!dev_atoms.empty()) {
      long dev_correct = 0, dev_total = 0;
      for (size_t s = 0; s < dev_atoms.size(); ++s) {
        const StackTags stack =
            stack_of(&dev_first, back ? &dev_back : nullptr, s);
        Run(*model, dev_atoms[s], dev_forms[s], right ? &stack : nullptr,
            nullptr, true, nullptr, &classes);
        if (reversed) std::reverse(classes.begin(), classes.end());
        const auto& words = (*options.dev)[s].words;
        for (size_t i = 0; i < classes.size(); ++i, ++dev_total) {
          dev_correct += upos_[classes[i]] == words[i].upos;
        }
      }
      line += "; dev UPOS " +
              std::to_string(100.0 * dev_correct / std::max(dev_total, 1L));
    }
    options.log(line);
  }
  model->Finish(kPrune);
}

void Tagger::JackknifeFirstPass(const std::vector<Sentence>& train,
                                const TaggerOptions& options,
                                std::vector<std::vector<int>>* out,
                                std::vector<std::vector<int>>* back) {
  out->assign(train.size(), {});
  back->assign(train.size(), {});
  const int folds = std::max(options.stack_folds, 2);
  for (int fold = 0; fold < folds; ++fold) {
    std::vector<Sentence> rest;
    for (size_t i = 0; i < train.size(); ++i) {
      if (static_cast<int>(i % folds) != fold) rest.push_back(train[i]);
    }
    TaggerOptions fold_options;
    fold_options.epochs = options.epochs;
    fold_options.seed = options.seed + 100 + fold;
    fold_options.feature_set = options.feature_set;
    fold_options.clusters = options.clusters;
    // One pass, plus the backward model when this tagger has one.
    fold_options.passes = backward_ ? 0 : 1;
    fold_options.first_backward = first_reversed_;
    auto tagger = Train(rest, fold_options);
    // Every class of a fold's tagger was seen in the whole training set.
    auto ours = [&](const std::vector<int>& theirs) {
      std::vector<int> mapped;
      for (int c : theirs) {
        mapped.push_back(
            class_ids_.at(tagger->upos_[c] + "\t" + tagger->xpos_[c]));
      }
      return mapped;
    };
    for (size_t i = fold; i < train.size(); i += folds) {
      std::vector<WordAtoms> atoms;
      tagger->Atoms(train[i].words, &atoms);
      std::vector<std::string> forms;
      for (const Word& w : train[i].words) forms.push_back(w.form);
      std::vector<int> classes;
      tagger->RunFirst(atoms, forms, &classes);
      (*out)[i] = ours(classes);
      if (backward_) {
        tagger->RunBackward(tagger->backward_model_, atoms, forms, &classes);
        (*back)[i] = ours(classes);
      }
    }
    if (options.log) {
      options.log("tagger: first-pass fold " + std::to_string(fold + 1) +
                  " of " + std::to_string(folds) + " tagged");
    }
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
  // Set 4 without clusters trains set 2, with set 2's count.
  const bool set4 = options.feature_set == 4 && options.clusters != nullptr &&
                    !options.clusters->empty();
  const int amb_min_count = set4 ? kAmbiguityMinCountSet4 : kAmbiguityMinCount;
  tagger->ambiguity_ = AmbiguityClasses(train, gold, amb_min_count, -1);

  // passes 3: two passes, the second also seeing a backward first pass;
  // 0 (jackknifing only): the forward and backward first passes.
  tagger->passes_ = options.passes >= 2 ? 2 : 1;
  tagger->backward_ = options.passes == 3 || options.passes == 0;
  tagger->first_reversed_ = options.first_backward && !tagger->backward_;
  tagger->feature_set_ = std::clamp(options.feature_set, 1, kMaxFeatureSet);
  if (tagger->feature_set_ >= 3 &&
      (options.clusters == nullptr || options.clusters->empty())) {
    tagger->feature_set_ = 2;
  }
  if (tagger->feature_set_ >= 3) tagger->clusters_ = options.clusters;
  std::vector<std::vector<WordAtoms>> atoms(train.size());
  std::vector<std::vector<std::string>> forms(train.size());
  // Set 5: a training sentence's ambiguity classes come from the other
  // folds, so they are as often incomplete or missing as on new text.
  const bool set5 = tagger->feature_set_ == 5;
  std::vector<std::unordered_map<std::string, uint64_t>> fold_classes;
  for (int k = 0; set5 && k < kAmbiguityFolds; ++k) {
    fold_classes.push_back(
        AmbiguityClasses(train, gold, kAmbiguityMinCount, k));
  }
  for (size_t s = 0; s < train.size(); ++s) {
    if (set5) tagger->ambiguity_.swap(fold_classes[s % kAmbiguityFolds]);
    tagger->Atoms(train[s].words, &atoms[s]);
    if (set5) tagger->ambiguity_.swap(fold_classes[s % kAmbiguityFolds]);
    for (const Word& w : train[s].words) forms[s].push_back(w.form);
  }
  auto reversed = [](auto v) {
    for (auto& x : v) std::reverse(x.begin(), x.end());
    return v;
  };
  if (tagger->first_reversed_) {
    tagger->TrainPass(reversed(atoms), reversed(forms), reversed(gold), nullptr,
                      nullptr, true, options, &tagger->model_);
  } else {
    tagger->TrainPass(atoms, forms, gold, nullptr, nullptr, false, options,
                      &tagger->model_);
  }
  if (tagger->backward_) {
    TaggerOptions back_options = options;
    back_options.seed = options.seed + 2;
    tagger->TrainPass(reversed(atoms), reversed(forms), reversed(gold), nullptr,
                      nullptr, true, back_options, &tagger->backward_model_);
  }
  if (tagger->passes_ == 2) {
    std::vector<std::vector<int>> first, back;
    tagger->JackknifeFirstPass(train, options, &first, &back);
    TaggerOptions second_options = options;
    second_options.seed = options.seed + 1;
    tagger->TrainPass(atoms, forms, gold, &first,
                      tagger->backward_ ? &back : nullptr, false,
                      second_options, &tagger->second_);
  }
  return tagger;
}

void Tagger::Tag(std::vector<Word>* words) const {
  std::vector<WordAtoms> atoms;
  Atoms(*words, &atoms);
  std::vector<std::string> forms;
  forms.reserve(words->size());
  for (const Word& w : *words) forms.push_back(w.form);
  std::vector<int> classes;
  Predict(atoms, forms, &classes);
  for (size_t i = 0; i < words->size(); ++i) {
    (*words)[i].upos = upos_[classes[i]];
    (*words)[i].xpos = xpos_[classes[i]];
  }
}

// Layout: u32 classes; per class: str upos, str xpos; u32 dictionary size;
// per entry (sorted by form): str form, u32 class; u32 ambiguity entries;
// per entry (sorted): str lower-cased form, u64 class-set hash; u8 passes
// (1 to 5), u8 feature set (1 to 5); then the perceptron of each pass.
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
  out->U8(static_cast<uint8_t>(first_reversed_             ? 3 + passes_
                               : passes_ == 2 && backward_ ? 3
                                                           : passes_));
  out->U8(static_cast<uint8_t>(feature_set_));
  model_.Save(out);
  if (passes_ == 2 && backward_) backward_model_.Save(out);
  if (passes_ == 2) second_.Save(out);
}

StatusOr<std::unique_ptr<Tagger>> Tagger::Load(
    ModelReader* in, bool with_passes,
    std::shared_ptr<const WordClusters> clusters) {
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
  tagger->passes_ = with_passes ? in->U8() : 1;
  tagger->feature_set_ = with_passes ? in->U8() : 1;
  if (in->ok() && tagger->passes_ == 3) {
    tagger->passes_ = 2;
    tagger->backward_ = true;
  } else if (in->ok() && (tagger->passes_ == 4 || tagger->passes_ == 5)) {
    tagger->passes_ -= 3;
    tagger->first_reversed_ = true;
  }
  if (in->ok() &&
      (tagger->passes_ < 1 || tagger->passes_ > 2 || tagger->feature_set_ < 1 ||
       tagger->feature_set_ > kMaxFeatureSet)) {
    in->Fail("tagger passes byte must be 1 to 5, its feature set 1 to 5");
  }
  if (in->ok() && tagger->feature_set_ >= 3) {
    if (clusters == nullptr || clusters->empty()) {
      in->Fail("tagger feature sets 3 to 5 need word clusters");
    }
    tagger->clusters_ = std::move(clusters);
  }
  if (!in->ok()) return in->status();
  CG_RETURN_IF_ERROR(tagger->model_.Load(in));
  if (tagger->backward_) CG_RETURN_IF_ERROR(tagger->backward_model_.Load(in));
  if (tagger->passes_ == 2) CG_RETURN_IF_ERROR(tagger->second_.Load(in));
  if (tagger->model_.num_classes() != static_cast<int>(classes) ||
      (tagger->passes_ == 2 &&
       tagger->second_.num_classes() != static_cast<int>(classes)) ||
      (tagger->backward_ &&
       tagger->backward_model_.num_classes() != static_cast<int>(classes)) ||
      tagger->upos_.size() != classes) {
    in->Fail("tagger class count mismatch");
    return in->status();
  }
  return tagger;
}

}  // namespace claimgraph
