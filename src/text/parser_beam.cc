// Beam search for the arc-hybrid parser and its global training
// (structured perceptron with max-violation updates). See parser_internal.h.

#include <algorithm>
#include <cassert>
#include <unordered_map>

#include "text/model_io.h"
#include "text/parser_internal.h"

namespace claimgraph {
namespace parser_internal {
namespace {

struct Candidate {
  double score;
  int parent;
  int action;
};

bool Better(const Candidate& a, const Candidate& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.parent != b.parent) return a.parent < b.parent;
  return a.action < b.action;
}

// The beam of one step: `size` live items in states[0..size).
struct Beam {
  std::vector<State> states;
  std::vector<double> scores;
  std::vector<char> gold;  // On the gold prefix (training only).
  int size = 0;
};

// Scratch buffers of one search, reused across steps.
struct Search {
  Search(const Perceptron& m, bool avg, int w, int labels, int root)
      : model(m),
        averaged(avg),
        width(w),
        num_labels(labels),
        root_label(root),
        scores(m.num_classes()) {}
  const Perceptron& model;
  bool averaged;
  int width, num_labels, root_label;
  std::vector<uint64_t> features;
  std::vector<float> scores;
  std::vector<Candidate> candidates;
  // ShapeKey -> row of cache_scores holding the unlabelled features' scores.
  std::unordered_map<uint64_t, uint32_t> cache_index;
  std::vector<float> cache_scores;
  // For a frozen model (not while training).
  std::unique_ptr<GroupedScorer> grouped =
      model.frozen() && !averaged ? std::make_unique<GroupedScorer>(model)
                                  : nullptr;

  // Forgets the scores cached for the previous sentence.
  void NewSentence() {
    cache_index.clear();
    cache_scores.clear();
    if (grouped != nullptr) grouped->Reset();
  }

  // Scores of `st` into `scores`. While training (the weights change with
  // every update), the unlabelled features' part is cached for the
  // sentence, keyed by ShapeKey: configurations that differ only in
  // labels, or below s2 in the stack, are frequent in a beam and share it.
  void ScoreState(const State& st, const Atoms& atoms) {
    if (grouped != nullptr) {
      grouped->Score(st, atoms, scores.data());
      return;
    }
    const uint64_t key = ShapeKey(st);
    const size_t classes = scores.size();
    auto [it, inserted] =
        cache_index.emplace(key, static_cast<uint32_t>(cache_index.size()));
    if (!inserted) {
      std::copy_n(cache_scores.begin() + it->second * classes, classes,
                  scores.begin());
      Features(st, atoms, &features, /*labelled_only=*/true);
      Add(features.data(), features.size());
      return;
    }
    const size_t unlabelled = Features(st, atoms, &features);
    std::fill(scores.begin(), scores.end(), 0.0f);
    Add(features.data(), unlabelled);
    cache_scores.insert(cache_scores.end(), scores.begin(), scores.end());
    Add(features.data() + unlabelled, features.size() - unlabelled);
  }

  void Add(const uint64_t* f, size_t n) {
    if (averaged) {
      model.ScoreAveraged(f, n, scores.data());
    } else {
      model.Score(f, n, scores.data());
    }
  }

  // Fills `candidates` with the best `width` successors of `beam`, best
  // first. `candidates` is kept sorted with at most `width` entries, so a
  // transition that cannot beat the worst kept one is dropped at once.
  void Expand(const Beam& beam, const Atoms& atoms) {
    candidates.clear();
    for (int i = 0; i < beam.size; ++i) {
      ScoreState(beam.states[i], atoms);
      ForEachAllowed(beam.states[i], num_labels, root_label, [&](int act) {
        Insert({beam.scores[i] + scores[act], i, act});
      });
    }
  }

  void Insert(const Candidate& c) {
    if (static_cast<int>(candidates.size()) == width) {
      if (!Better(c, candidates.back())) return;
      candidates.pop_back();
    }
    auto at = std::upper_bound(candidates.begin(), candidates.end(), c, Better);
    candidates.insert(at, c);
  }
};

// Makes `next` the successors `search.candidates` of `cur`.
void Advance(const Search& search, const Beam& cur, Beam* next) {
  const int k = static_cast<int>(search.candidates.size());
  if (static_cast<int>(next->states.size()) < k) next->states.resize(k);
  next->scores.resize(k);
  next->gold.assign(k, 0);
  for (int i = 0; i < k; ++i) {
    const Candidate& c = search.candidates[i];
    next->states[i] = cur.states[c.parent];
    next->states[i].Apply(c.action, search.num_labels);
    next->scores[i] = c.score;
  }
  next->size = k;
}

void InitBeam(int n, Beam* beam) {
  if (beam->states.empty()) beam->states.resize(1);
  beam->states[0].Reset(n);
  beam->scores.assign(1, 0.0);
  beam->gold.assign(1, 1);
  beam->size = 1;
}

// A search and its beams, for decoding sentence after sentence.
struct DecodeScratch {
  DecodeScratch(const Perceptron& model, bool averaged)
      : search(model, averaged, 0, 0, -1) {}
  Search search;
  Beam beams[2];
};

// The scratch of this thread for decoding with the frozen `model`: kept
// between sentences while the model keeps its generation, so the row memo
// stays warm and the buffers stay allocated (a frozen model's tables, and
// so the memo's entries, change only with its generation).
DecodeScratch* ReusedScratch(const Perceptron& model) {
  thread_local std::unique_ptr<DecodeScratch> scratch;
  thread_local uint64_t generation = 0;
  if (scratch == nullptr || generation != model.generation()) {
    scratch = std::make_unique<DecodeScratch>(model, /*averaged=*/false);
    generation = model.generation();
  }
  scratch->search.NewSentence();
  return scratch.get();
}

}  // namespace

void BeamDecode(const Perceptron& model, bool averaged, int width,
                int num_labels, int root_label, const Atoms& atoms,
                State* best) {
  const int n = static_cast<int>(atoms.w.size()) - 1;
  std::unique_ptr<DecodeScratch> own;
  DecodeScratch* scratch = nullptr;
  if (model.frozen() && !averaged) {
    scratch = ReusedScratch(model);
  } else {
    own = std::make_unique<DecodeScratch>(model, averaged);
    scratch = own.get();
  }
  Search& search = scratch->search;
  search.width = width;
  search.num_labels = num_labels;
  search.root_label = root_label;
  Beam* beams = scratch->beams;
  InitBeam(n, &beams[0]);
  int cur = 0;
  while (!beams[cur].states[0].Terminal()) {
    search.Expand(beams[cur], atoms);
    Advance(search, beams[cur], &beams[1 - cur]);
    cur = 1 - cur;
  }
  *best = beams[cur].states[0];
}

namespace {

// Adds `delta` to the weight of action actions[t] for the features of the
// configurations reached by actions[0..t), for t in [from, to].
void UpdatePath(Perceptron* model, const Atoms& atoms, int num_labels,
                const std::vector<int>& actions, int from, int to,
                float delta) {
  State st(static_cast<int>(atoms.w.size()) - 1);
  std::vector<uint64_t> features;
  for (int t = 0; t <= to; ++t) {
    if (t >= from) {
      Features(st, atoms, &features);
      model->Add(features.data(), features.size(), actions[t], delta);
    }
    st.Apply(actions[t], num_labels);
  }
}

}  // namespace

int TrainGlobalSentence(Perceptron* model, int width, int num_labels,
                        int root_label, const Atoms& atoms,
                        const std::vector<int>& gold_actions,
                        const std::vector<int>& gold_heads) {
  const int n = static_cast<int>(atoms.w.size()) - 1;
  const int steps = static_cast<int>(gold_actions.size());
  assert(steps == 2 * n);
  Search search(*model, /*averaged=*/false, width, num_labels, root_label);
  // history[t][i]: (parent, action) of item i after step t.
  std::vector<std::vector<std::pair<int, int>>> history(steps);
  Beam beams[2];
  InitBeam(n, &beams[0]);
  State gold(n);
  double gold_score = 0;
  int worst_step = -1;
  double worst = 0;
  int cur = 0;
  for (int t = 0; t < steps; ++t) {
    search.Expand(beams[cur], atoms);
    Beam& next = beams[1 - cur];
    Advance(search, beams[cur], &next);
    history[t].clear();
    for (int i = 0; i < next.size; ++i) {
      const Candidate& c = search.candidates[i];
      history[t].push_back({c.parent, c.action});
      next.gold[i] = beams[cur].gold[c.parent] && c.action == gold_actions[t];
    }
    search.ScoreState(gold, atoms);
    gold_score += search.scores[gold_actions[t]];
    gold.Apply(gold_actions[t], num_labels);
    cur = 1 - cur;
    if (!next.gold[0]) {
      const double violation = next.scores[0] - gold_score;
      if (worst_step < 0 || violation > worst) {
        worst_step = t;
        worst = violation;
      }
    }
  }
  const State& final_best = beams[cur].states[0];
  int correct = 0;
  for (int i = 1; i <= n; ++i) correct += final_best.head[i] == gold_heads[i];
  if (worst_step >= 0) {
    // The best item's transitions up to worst_step, from the back pointers.
    std::vector<int> predicted(worst_step + 1);
    for (int t = worst_step, item = 0; t >= 0; --t) {
      predicted[t] = history[t][item].second;
      item = history[t][item].first;
    }
    int split = 0;
    while (split <= worst_step && predicted[split] == gold_actions[split]) {
      ++split;
    }
    UpdatePath(model, atoms, num_labels, gold_actions, split, worst_step, 1.0f);
    UpdatePath(model, atoms, num_labels, predicted, split, worst_step, -1.0f);
  }
  model->Tick();
  return correct;
}

}  // namespace parser_internal
}  // namespace claimgraph
