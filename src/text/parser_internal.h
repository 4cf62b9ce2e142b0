// Internals shared by the greedy (parser.cc) and beam (parser_beam.cc)
// parts of the dependency parser: word atoms, the arc-hybrid configuration,
// the feature templates and the allowed transitions. Not a public API.

#ifndef CLAIMGRAPH_TEXT_PARSER_INTERNAL_H_
#define CLAIMGRAPH_TEXT_PARSER_INTERNAL_H_

#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <string_view>
#include <vector>

#include "text/perceptron.h"
#include "text/sentence.h"
#include "text/word_clusters.h"

namespace claimgraph {
namespace parser_internal {

inline constexpr float kPrune = 1e-3f;
inline constexpr int kInf = std::numeric_limits<int>::max() / 4;

// Hashed atoms of the words 0..n (0 is the root); c4, c6, cf: word-cluster
// path prefixes of 4 and 6 bits and the full path, empty when the parser
// has no cluster features.
struct Atoms {
  std::vector<uint64_t> w, p, u;
  std::vector<uint64_t> c4, c6, cf;
  // 2-4: with cluster templates (3: more of them, 4: a lean subset).
  int feature_set = 1;
};
void MakeAtoms(const std::vector<Word>& words, const WordClusters* clusters,
               int feature_set, Atoms* a);

// A parser configuration: stack (top at the back), buffer front b (the
// buffer is b..n), and the arcs built so far with child summaries. Copy
// assignment between states of the same sentence reuses their storage.
struct State {
  explicit State(int words = 0) { Reset(words); }
  void Reset(int words);
  int n = 0;
  int b = 1;
  std::vector<int> stack;
  std::vector<int> head, label, l1, l2, r1, r2, nl, nr;
  std::vector<uint64_t> lset, rset;  // Bit (label % 64) per child label.

  bool Terminal() const { return b > n && stack.size() == 1; }
  int S(size_t k) const {
    return stack.size() > k ? stack[stack.size() - 1 - k] : -1;
  }
  bool CanShift() const { return b <= n; }
  bool CanLeft() const { return b <= n && stack.size() >= 2; }
  bool CanRight() const {
    return stack.size() >= 2 && (stack[stack.size() - 2] != 0 || b > n);
  }
  void Arc(int h, int d, int l);
  // action: 0 shift, 1 + l left-arc(l), 1 + L + l right-arc(l).
  void Apply(int action, int num_labels);
};

// The hashed feature templates of `st` (about 95, plus 24 cluster
// templates when `a` has clusters) into *out. Returns how
// many come first that do not depend on arc labels: configurations of one
// sentence with the same ShapeKey share those, so beam search scores them
// once. With `labelled_only`, only the others are computed (and 0 is
// returned).
size_t Features(const State& st, const Atoms& a, std::vector<uint64_t>* out,
                bool labelled_only = false);

// What a feature template reads of a configuration, for the beam scorer's
// caches (parser_scorer.cc). The unlabelled groups read only: the buffer
// position b; s0; s0 and b; s1 and s0; s0 and its children (positions,
// valencies); b0 and its left children; s1 and its outer children; any
// other part of the shape (s2, triples of words). The labelled ones read
// the labels of the children of s0, of b0, of s1 (and the same words).
enum FeatureGroup {
  kGroupBuffer,
  kGroupS0,
  kGroupS0Buffer,
  kGroupS1S0,
  kGroupS0Tree,
  kGroupB0Tree,
  kGroupS1Tree,
  kGroupShape,
  kGroupS0Labels,
  kGroupB0Labels,
  kGroupS1Labels,
  kNumGroups
};
inline constexpr int kNumUnlabelledGroups = kGroupS0Labels;
FeatureGroup TemplateGroup(uint64_t template_id);

// A key of everything group `g`'s features read of `st` (for one
// sentence): equal keys mean equal features of that group (up to 64-bit
// hash collisions). Keys of different groups differ.
uint64_t GroupKey(FeatureGroup g, const State& st);

// The features Features() computes, each in the list of its group, but
// only for the groups whose bit (1 << group) is set in `mask`; the lists of
// the others are left empty. Within a group, the order is Features()'s.
using GroupedFeatureLists = std::array<std::vector<uint64_t>, kNumGroups>;
void GroupedFeatures(const State& st, const Atoms& a, unsigned mask,
                     GroupedFeatureLists* out);

// Scores configurations of one sentence with a frozen model, caching the
// summed weights of each feature group under its GroupKey (and of all
// unlabelled groups under the shape's), so that configurations of a beam,
// which share most of their parts, look up few rows. The group vectors are
// summed in group order whether or not they come from the cache, so a
// configuration's scores do not depend on what was scored before.
class GroupedScorer {
 public:
  explicit GroupedScorer(const Perceptron& model);
  ~GroupedScorer();
  // Forgets the cached vectors (call for each new sentence).
  void Reset();
  // The scores of every transition of `st` into scores[0..num_classes).
  void Score(const State& st, const Atoms& atoms, float* scores);

 private:
  class VectorCache;
  const Perceptron& model_;
  Perceptron::RowMemo memo_;
  std::unique_ptr<VectorCache> cache_;
  GroupedFeatureLists features_;
  std::array<std::vector<float>, kNumGroups> computed_;
  std::vector<float> sum_;
};

// A hash of everything the unlabelled features of `st` depend on (which
// words are s0..s2 and b0, their leftmost/rightmost children, valencies),
// for one sentence: equal keys mean equal unlabelled features (up to
// 64-bit hash collisions).
uint64_t ShapeKey(const State& st);

// Calls f(action) for every transition allowed in `st`. The root takes
// exactly one dependent, labelled root_label (when there is one), and no
// other arc gets that label.
template <typename F>
void ForEachAllowed(const State& st, int num_labels, int root_label, F&& f) {
  if (st.CanShift()) f(0);
  if (st.CanLeft()) {
    for (int l = 0; l < num_labels; ++l) {
      if (l != root_label) f(1 + l);
    }
  }
  if (st.CanRight()) {
    if (st.S(1) == 0 && root_label >= 0) {
      f(1 + num_labels + root_label);
    } else {
      for (int l = 0; l < num_labels; ++l) {
        if (l != root_label) f(1 + num_labels + l);
      }
    }
  }
}

// Beam search with `width` items (width >= 2; greedy decoding is
// parser.cc's): leaves the best terminal configuration in *best. Items are
// ranked by total score, ties broken by the order of their parents and then
// by action number, so decoding is deterministic. With `averaged`, scores
// with the weights averaged so far (training mode only).
void BeamDecode(const Perceptron& model, bool averaged, int width,
                int num_labels, int root_label, const Atoms& atoms,
                State* best);

// One global (structured perceptron) training step on one sentence: beam
// search with the current weights, tracking the prefix of `gold_actions`
// (a complete transition sequence); if some step's best item is not the
// gold prefix, updates at the step where the best item outscores the gold
// prefix most (max-violation, Huang et al. 2012): +1 to the gold
// transitions and -1 to the best item's, from where they part. Counts one
// perceptron tick. Returns the number of words the best final item
// attaches to their gold head.
int TrainGlobalSentence(Perceptron* model, int width, int num_labels,
                        int root_label, const Atoms& atoms,
                        const std::vector<int>& gold_actions,
                        const std::vector<int>& gold_heads);

inline std::string_view Universal(std::string_view deprel) {
  return deprel.substr(0, deprel.find(':'));
}

}  // namespace parser_internal
}  // namespace claimgraph

#endif  // CLAIMGRAPH_TEXT_PARSER_INTERNAL_H_
