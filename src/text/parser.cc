#include "text/parser.h"

#include <algorithm>
#include <limits>
#include <random>
#include <string_view>
#include <unordered_map>

#include "text/parser_internal.h"

namespace claimgraph {
namespace {

using parser_internal::Atoms;
using parser_internal::Features;
using parser_internal::ForEachAllowed;
using parser_internal::kInf;
using parser_internal::kPrune;
using parser_internal::MakeAtoms;
using parser_internal::State;
using parser_internal::Universal;

constexpr int kMaxBeam = 256;

// Greedy decoding: the best allowed transition until the end. The root
// takes exactly one dependent, labelled root_label (when there is one), and
// no other arc gets that label.
void Greedy(const Perceptron& model, bool averaged, int num_labels,
            int root_label, const Atoms& atoms, State* st) {
  std::vector<uint64_t> features;
  std::vector<float> scores(model.num_classes());
  while (!st->Terminal()) {
    Features(*st, atoms, &features);
    std::fill(scores.begin(), scores.end(), 0.0f);
    if (averaged) {
      model.ScoreAveraged(features.data(), features.size(), scores.data());
    } else {
      model.Score(features.data(), features.size(), scores.data());
    }
    int best = -1;
    ForEachAllowed(*st, num_labels, root_label, [&](int act) {
      if (best < 0 || scores[act] > scores[best]) best = act;
    });
    assert(best >= 0);
    st->Apply(best, num_labels);
  }
}

// Greedy decoding for beam 1, else beam search.
void Decode(const Perceptron& model, bool averaged, int beam, int num_labels,
            int root_label, const Atoms& atoms, State* st) {
  if (beam <= 1) {
    Greedy(model, averaged, num_labels, root_label, atoms, st);
  } else {
    parser_internal::BeamDecode(model, averaged, beam, num_labels, root_label,
                                atoms, st);
  }
}

}  // namespace

// Training loop; a class so it can fill Parser's private members.
class ParserTrainer {
 public:
  static std::unique_ptr<Parser> Train(const std::vector<Sentence>& train,
                                       const ParserOptions& options);

 private:
  struct Gold {
    std::vector<int> head, label;
    std::vector<int> actions;  // Oracle transitions (global training only).
  };
  // Unlabelled costs (number of reachable gold arcs lost) of shift, left,
  // right in `st`; kInf when not allowed.
  static void Costs(const State& st, const std::vector<int>& gold_head,
                    int costs[3]);
  // Labelled cost of every transition (kInf when not allowed) into *cost.
  static int LabelledCosts(const State& st, const Gold& g, int num_labels,
                           std::vector<int>* cost);
  // A complete transition sequence of least cost (the gold tree when it is
  // projective): of the cheapest transitions, left-arc before right-arc
  // before shift, with the gold label when it is allowed.
  static std::vector<int> OracleActions(int n, const Gold& g, int num_labels,
                                        int root_label);
  // One epoch of greedy training with the dynamic oracle and exploration.
  static void GreedyEpoch(const std::vector<Atoms>& atoms,
                          const std::vector<Gold>& gold,
                          const std::vector<size_t>& order, int epoch,
                          const ParserOptions& options, int num_labels,
                          std::mt19937_64* rng, Perceptron* model,
                          long* correct_heads);
  // Dev UAS and LAS with the weights averaged so far, as a log suffix.
  struct DevResult {
    double uas = 0, las = 0;
  };
  static DevResult DevScores(const Parser& parser, int beam,
                             const std::vector<Sentence>& dev);
};

void ParserTrainer::Costs(const State& st, const std::vector<int>& gh,
                          int costs[3]) {
  const int n = st.n, b = st.b;
  const int s0 = st.S(0), s1 = st.S(1);
  costs[0] = costs[1] = costs[2] = kInf;
  if (st.CanShift()) {
    // b can no longer take a head below s0, nor any stack word as dependent.
    int c = 0;
    for (int s : st.stack) {
      if (s != 0 && gh[s] == b) ++c;
      if (gh[b] == s && s != s0) ++c;
    }
    costs[0] = c;
  }
  // Dependents of s0 still in the buffer are lost by either arc.
  int buffer_deps = 0;
  for (int j = b; j <= n; ++j) buffer_deps += gh[j] == s0;
  if (st.CanLeft()) {
    costs[1] = buffer_deps + (gh[s0] == s1) + (gh[s0] > b);
  }
  if (st.CanRight()) {
    costs[2] = buffer_deps + (gh[s0] >= b);
  }
}

int ParserTrainer::LabelledCosts(const State& st, const Gold& g, int num_labels,
                                 std::vector<int>* cost) {
  int c3[3];
  Costs(st, g.head, c3);
  const int s0 = st.S(0), s1 = st.S(1);
  int min_cost = kInf;
  for (int act = 0; act < static_cast<int>(cost->size()); ++act) {
    int kind = act == 0 ? 0 : (act <= num_labels ? 1 : 2);
    int c = c3[kind];
    if (c < kInf && kind == 1 && g.head[s0] == st.b && g.label[s0] != act - 1) {
      ++c;
    }
    if (c < kInf && kind == 2 && g.head[s0] == s1 &&
        g.label[s0] != act - 1 - num_labels) {
      ++c;
    }
    (*cost)[act] = c;
    min_cost = std::min(min_cost, c);
  }
  return min_cost;
}

std::vector<int> ParserTrainer::OracleActions(int n, const Gold& g,
                                              int num_labels, int root_label) {
  std::vector<int> actions;
  std::vector<int> cost(1 + 2 * std::max(num_labels, 1));
  State st(n);
  while (!st.Terminal()) {
    LabelledCosts(st, g, num_labels, &cost);
    // Preference: left-arcs, right-arcs, shift; within an arc kind the gold
    // label of s0 first, then label order. Only allowed transitions count.
    const int gold_label = st.S(0) >= 0 ? g.label[st.S(0)] : -1;
    auto rank = [&](int act) {
      const int kind = act == 0 ? 2 : (act <= num_labels ? 0 : 1);
      const int label = act == 0 ? 0 : (act - 1) % num_labels;
      return kind * (num_labels + 1) + (label == gold_label ? 0 : 1 + label);
    };
    int best = -1;
    ForEachAllowed(st, num_labels, root_label, [&](int act) {
      if (best < 0 || cost[act] < cost[best] ||
          (cost[act] == cost[best] && rank(act) < rank(best))) {
        best = act;
      }
    });
    actions.push_back(best);
    st.Apply(best, num_labels);
  }
  return actions;
}

void ParserTrainer::GreedyEpoch(const std::vector<Atoms>& atoms,
                                const std::vector<Gold>& gold,
                                const std::vector<size_t>& order, int epoch,
                                const ParserOptions& options, int num_labels,
                                std::mt19937_64* rng, Perceptron* model,
                                long* correct_heads) {
  std::vector<uint64_t> features;
  std::vector<float> scores(model->num_classes());
  std::vector<int> cost(model->num_classes());
  for (size_t s : order) {
    const Gold& g = gold[s];
    State st(static_cast<int>(atoms[s].w.size()) - 1);
    while (!st.Terminal()) {
      Features(st, atoms[s], &features);
      std::fill(scores.begin(), scores.end(), 0.0f);
      model->Score(features.data(), features.size(), scores.data());
      const int min_cost = LabelledCosts(st, g, num_labels, &cost);
      int guess = -1, best = -1;
      for (int act = 0; act < model->num_classes(); ++act) {
        if (cost[act] >= kInf) continue;
        if (guess < 0 || scores[act] > scores[guess]) guess = act;
        if (cost[act] == min_cost && (best < 0 || scores[act] > scores[best])) {
          best = act;
        }
      }
      // A guess as cheap as the best is no mistake (only a tick).
      model->Update(features.data(), features.size(),
                    cost[guess] == min_cost ? guess : best, guess);
      int next = best;
      if (cost[guess] == min_cost) {
        next = guess;
      } else if (epoch > 0 && std::uniform_real_distribution<double>(
                                  0, 1)(*rng) < options.explore) {
        next = guess;
      }
      st.Apply(next, num_labels);
    }
    for (int i = 1; i <= st.n; ++i) *correct_heads += st.head[i] == g.head[i];
  }
}

ParserTrainer::DevResult ParserTrainer::DevScores(
    const Parser& parser, int beam, const std::vector<Sentence>& dev) {
  const int num_labels = static_cast<int>(parser.labels_.size());
  long dev_words = 0, uas = 0, las = 0;
  for (const Sentence& s : dev) {
    Atoms dev_atoms;
    MakeAtoms(s.words, parser.clusters_.get(), parser.feature_set_, &dev_atoms);
    State st(static_cast<int>(s.words.size()));
    Decode(parser.model_, /*averaged=*/true, beam, num_labels,
           parser.root_label_, dev_atoms, &st);
    for (int i = 1; i <= st.n; ++i) {
      const Word& g = s.words[i - 1];
      ++dev_words;
      if (st.head[i] != g.head) continue;
      ++uas;
      las += Universal(parser.labels_[st.label[i]]) == Universal(g.deprel);
    }
  }
  return {100.0 * uas / std::max(dev_words, 1L),
          100.0 * las / std::max(dev_words, 1L)};
}

std::unique_ptr<Parser> ParserTrainer::Train(const std::vector<Sentence>& train,
                                             const ParserOptions& options) {
  std::unique_ptr<Parser> parser(new Parser());
  parser->beam_ = std::clamp(options.beam, 1, kMaxBeam);
  if (options.clusters != nullptr && !options.clusters->empty()) {
    parser->clusters_ = options.clusters;
    parser->feature_set_ = options.lean_cluster_templates   ? 4
                           : options.more_cluster_templates ? 3
                                                            : 2;
  }
  std::unordered_map<std::string, int> label_ids;
  // Gold heads and labels per sentence; skip sentences without heads.
  std::vector<Gold> gold(train.size());
  std::vector<size_t> usable;
  long total_words = 0;
  for (size_t s = 0; s < train.size(); ++s) {
    const auto& words = train[s].words;
    bool ok = !words.empty();
    Gold& g = gold[s];
    g.head.assign(words.size() + 1, -1);
    g.label.assign(words.size() + 1, -1);
    for (size_t i = 0; i < words.size() && ok; ++i) {
      if (words[i].head < 0) {
        ok = false;
        break;
      }
      auto [it, inserted] = label_ids.emplace(
          words[i].deprel, static_cast<int>(parser->labels_.size()));
      if (inserted) parser->labels_.push_back(words[i].deprel);
      g.head[i + 1] = words[i].head;
      g.label[i + 1] = it->second;
    }
    if (ok) usable.push_back(s);
  }
  if (auto it = label_ids.find("root"); it != label_ids.end()) {
    parser->root_label_ = it->second;
  }
  const int num_labels = static_cast<int>(parser->labels_.size());
  const int beam = parser->beam_;
  Perceptron& model = parser->model_;
  model = Perceptron(1 + 2 * std::max(num_labels, 1));

  std::vector<Atoms> atoms(train.size());
  for (size_t s : usable) {
    MakeAtoms(train[s].words, parser->clusters_.get(), parser->feature_set_,
              &atoms[s]);
    total_words += static_cast<long>(train[s].words.size());
    if (beam > 1) {
      gold[s].actions = OracleActions(static_cast<int>(train[s].words.size()),
                                      gold[s], num_labels, parser->root_label_);
    }
  }
  std::mt19937_64 rng(options.seed);
  // Early stopping: the training-mode weights of the best epoch so far.
  const bool keep_best = options.keep_best_epoch && options.dev != nullptr;
  Perceptron best_model;
  double best_las = -1;
  int best_epoch = 0;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (size_t k = usable.size(); k > 1; --k) {
      std::swap(usable[k - 1], usable[rng() % k]);
    }
    long correct_heads = 0;
    if (beam > 1) {
      for (size_t s : usable) {
        correct_heads += parser_internal::TrainGlobalSentence(
            &model, beam, num_labels, parser->root_label_, atoms[s],
            gold[s].actions, gold[s].head);
      }
    } else {
      GreedyEpoch(atoms, gold, usable, epoch, options, num_labels, &rng, &model,
                  &correct_heads);
    }
    DevResult dev;
    if (options.dev != nullptr && (options.log || keep_best)) {
      dev = DevScores(*parser, beam, *options.dev);
    }
    if (keep_best && dev.las > best_las) {
      best_las = dev.las;
      best_epoch = epoch + 1;
      best_model = model;
    }
    if (options.log) {
      std::string line =
          "parser epoch " + std::to_string(epoch + 1) + ": training UAS " +
          (beam > 1 ? "(beam " + std::to_string(beam) + ") "
                    : std::string("while exploring ")) +
          std::to_string(100.0 * correct_heads / std::max(total_words, 1L));
      if (options.dev != nullptr) {
        line += "; dev UAS " + std::to_string(dev.uas) + " LAS " +
                std::to_string(dev.las);
      }
      options.log(line);
    }
  }
  if (keep_best && best_epoch < options.epochs) {
    model = std::move(best_model);
    if (options.log) {
      options.log("parser: keeping the weights of epoch " +
                  std::to_string(best_epoch) + " (best dev LAS)");
    }
  }
  model.Finish(kPrune);
  return parser;
}

std::unique_ptr<Parser> Parser::Train(const std::vector<Sentence>& train,
                                      const ParserOptions& options) {
  return ParserTrainer::Train(train, options);
}

void Parser::set_beam(int beam) { beam_ = std::clamp(beam, 1, kMaxBeam); }

void Parser::Parse(std::vector<Word>* words) const {
  const int n = static_cast<int>(words->size());
  Atoms atoms;
  MakeAtoms(*words, clusters_.get(), feature_set_, &atoms);
  State st(n);
  Decode(model_, /*averaged=*/false, beam_, static_cast<int>(labels_.size()),
         root_label_, atoms, &st);
  for (int i = 1; i <= n; ++i) {
    Word& w = (*words)[i - 1];
    w.head = st.head[i];
    w.deprel = labels_[st.label[i]];
  }
}

// Layout: u32 labels; per label: str; i32 root label; u32 beam (model
// version 3 on); u8 feature set (version 4 on: 1, or 2 to 4 with
// clusters);
// then the perceptron.
void Parser::Save(ModelWriter* out) const {
  out->U32(static_cast<uint32_t>(labels_.size()));
  for (const std::string& l : labels_) out->Str(l);
  out->U32(static_cast<uint32_t>(root_label_));
  out->U32(static_cast<uint32_t>(beam_));
  out->U8(static_cast<uint8_t>(feature_set_));
  model_.Save(out);
}

StatusOr<std::unique_ptr<Parser>> Parser::Load(
    ModelReader* in, bool has_beam, bool has_features,
    std::shared_ptr<const WordClusters> clusters) {
  std::unique_ptr<Parser> parser(new Parser());
  uint32_t n = in->Count(4);
  for (uint32_t i = 0; i < n && in->ok(); ++i) {
    parser->labels_.push_back(in->Str());
  }
  parser->root_label_ = static_cast<int32_t>(in->U32());
  if (has_beam) {
    const uint32_t beam = in->U32();
    if (in->ok() && (beam < 1 || beam > kMaxBeam)) {
      in->Fail("bad parser beam width " + std::to_string(beam));
    }
    parser->beam_ = static_cast<int>(beam);
  }
  const uint8_t features = has_features ? in->U8() : 1;
  if (in->ok() && (features < 1 || features > 4)) {
    in->Fail("bad parser feature set " + std::to_string(features));
  }
  parser->feature_set_ = features;
  if (in->ok() && features >= 2) {
    if (clusters == nullptr || clusters->empty()) {
      in->Fail("parser feature set 2 needs word clusters");
    }
    parser->clusters_ = std::move(clusters);
  }
  if (!in->ok()) return in->status();
  CG_RETURN_IF_ERROR(parser->model_.Load(in));
  if (n == 0 || parser->model_.num_classes() != static_cast<int>(1 + 2 * n) ||
      parser->root_label_ < -1 || parser->root_label_ >= static_cast<int>(n)) {
    in->Fail("parser label count mismatch");
    return in->status();
  }
  return parser;
}

}  // namespace claimgraph
