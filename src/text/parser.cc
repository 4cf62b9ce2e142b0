#include "text/parser.h"

#include <algorithm>
#include <limits>
#include <random>
#include <string_view>
#include <unordered_map>

namespace claimgraph {
namespace {

constexpr float kPrune = 1e-3f;
constexpr int kInf = std::numeric_limits<int>::max() / 4;

// Hashed atoms of the words 0..n (0 is the root).
struct Atoms {
  std::vector<uint64_t> w, p, u;
};

uint64_t Lowered(const std::string& s) {
  std::string lower(s);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return Fnv1a64(lower);
}

void MakeAtoms(const std::vector<Word>& words, Atoms* a) {
  const size_t n = words.size();
  a->w.resize(n + 1);
  a->p.resize(n + 1);
  a->u.resize(n + 1);
  a->w[0] = a->p[0] = a->u[0] = Fnv1a64("<root>");
  for (size_t i = 0; i < n; ++i) {
    a->w[i + 1] = Lowered(words[i].form);
    a->p[i + 1] = Fnv1a64(words[i].xpos);
    a->u[i + 1] = Fnv1a64(words[i].upos);
  }
}

// A parser configuration: stack (top at the back), buffer front b (the
// buffer is b..n), and the arcs built so far with child summaries.
struct State {
  explicit State(int words) : n(words) {
    stack.reserve(n + 1);
    stack.push_back(0);
    head.assign(n + 1, -1);
    label.assign(n + 1, -1);
    l1.assign(n + 1, -1);
    l2 = r1 = r2 = l1;
    nl.assign(n + 1, 0);
    nr = nl;
    lset.assign(n + 1, 0);
    rset = lset;
  }
  int n;
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
  void Arc(int h, int d, int l) {
    head[d] = h;
    label[d] = l;
    if (d < h) {
      ++nl[h];
      lset[h] |= uint64_t{1} << (l % 64);
      if (l1[h] < 0 || d < l1[h]) {
        l2[h] = l1[h];
        l1[h] = d;
      } else if (l2[h] < 0 || d < l2[h]) {
        l2[h] = d;
      }
    } else {
      ++nr[h];
      rset[h] |= uint64_t{1} << (l % 64);
      if (r1[h] < 0 || d > r1[h]) {
        r2[h] = r1[h];
        r1[h] = d;
      } else if (r2[h] < 0 || d > r2[h]) {
        r2[h] = d;
      }
    }
  }
  // action: 0 shift, 1 + l left-arc(l), 1 + L + l right-arc(l).
  void Apply(int action, int num_labels) {
    if (action == 0) {
      stack.push_back(b++);
    } else if (action <= num_labels) {
      int s0 = stack.back();
      stack.pop_back();
      Arc(b, s0, action - 1);
    } else {
      int s0 = stack.back();
      stack.pop_back();
      Arc(stack.back(), s0, action - 1 - num_labels);
    }
  }
};

void Features(const State& st, const Atoms& a, std::vector<uint64_t>* out) {
  static const uint64_t kNone = Fnv1a64("<none>");
  out->clear();
  const int s0 = st.S(0), s1 = st.S(1), s2 = st.S(2);
  const int b0 = st.b <= st.n ? st.b : -1;
  const int b1 = st.b + 1 <= st.n ? st.b + 1 : -1;
  const int b2 = st.b + 2 <= st.n ? st.b + 2 : -1;
  auto W = [&](int i) { return i < 0 ? kNone : a.w[i]; };
  auto P = [&](int i) { return i < 0 ? kNone : a.p[i]; };
  auto L = [&](int i) -> uint64_t {
    return i < 0 ? 1000 : static_cast<uint64_t>(st.label[i] + 2);
  };
  auto child = [&](const std::vector<int>& v, int i) {
    return i < 0 ? -1 : v[i];
  };
  const int s0l = child(st.l1, s0), s0l2 = child(st.l2, s0);
  const int s0r = child(st.r1, s0), s0r2 = child(st.r2, s0);
  const int b0l = child(st.l1, b0), b0l2 = child(st.l2, b0);
  const int s1l = child(st.l1, s1), s1r = child(st.r1, s1);
  const uint64_t d =
      (s0 >= 0 && b0 >= 0) ? std::min(b0 - s0, 6) : 0;  // s0-b0 distance
  const uint64_t d1 = (s1 >= 0) ? std::min(s0 - s1, 6) : 0;
  auto add = [&](uint64_t t, uint64_t x, uint64_t y = 0, uint64_t z = 0,
                 uint64_t v = 0) {
    out->push_back(HashMix(HashMix(HashMix(HashMix(t, x), y), z), v));
  };
  const uint64_t s0w = W(s0), s0p = P(s0), s1w = W(s1), s1p = P(s1);
  const uint64_t b0w = W(b0), b0p = P(b0), b1w = W(b1), b1p = P(b1);
  const uint64_t b2w = W(b2), b2p = P(b2);
  add(0, 0);
  // Single words.
  add(1, s0w), add(2, s0p), add(3, s0w, s0p);
  add(4, s1w), add(5, s1p), add(6, s1w, s1p);
  add(7, b0w), add(8, b0p), add(9, b0w, b0p);
  add(10, b1w), add(11, b1p), add(12, b1w, b1p);
  add(13, b2w), add(14, b2p), add(15, b2w, b2p);
  add(16, P(s2)), add(17, W(s2));
  add(18, s0 >= 0 ? a.u[s0] : kNone), add(19, b0 >= 0 ? a.u[b0] : kNone);
  // Pairs.
  add(20, s0w, s0p, b0w, b0p), add(21, s0w, s0p, b0w), add(22, s0w, b0w, b0p);
  add(23, s0w, s0p, b0p), add(24, s0p, b0w, b0p), add(25, s0w, b0w);
  add(26, s0p, b0p), add(27, b0p, b1p);
  add(28, s1w, s1p, s0w, s0p), add(29, s1w, s0w), add(30, s1p, s0p);
  add(31, s1p, s0w), add(32, s1w, s0p);
  // Triples of tags.
  add(40, b0p, b1p, b2p), add(41, s0p, b0p, b1p), add(42, s1p, s0p, b0p);
  add(43, s0p, P(s0l), b0p), add(44, s0p, P(s0r), b0p);
  add(45, s0p, b0p, P(b0l)), add(46, s1p, s0p, P(s0l));
  add(47, s1p, P(s1r), s0p), add(48, P(s2), s1p, s0p);
  add(49, s1p, s0p, P(s0r));
  // Distance.
  add(50, s0w, d), add(51, s0p, d), add(52, b0w, d), add(53, b0p, d);
  add(54, s0w, b0w, d), add(55, s0p, b0p, d);
  add(56, s1p, s0p, d1), add(57, s1w, s0w, d1);
  // Valency.
  auto val = [&](const std::vector<int>& v, int i) -> uint64_t {
    return i < 0 ? 99 : static_cast<uint64_t>(v[i]);
  };
  add(60, s0w, val(st.nr, s0)), add(61, s0p, val(st.nr, s0));
  add(62, s0w, val(st.nl, s0)), add(63, s0p, val(st.nl, s0));
  add(64, b0w, val(st.nl, b0)), add(65, b0p, val(st.nl, b0));
  add(66, s1p, val(st.nr, s1)), add(67, s1p, val(st.nl, s1));
  // Children.
  add(70, W(s0l)), add(71, P(s0l)), add(72, L(s0l));
  add(73, W(s0r)), add(74, P(s0r)), add(75, L(s0r));
  add(76, W(b0l)), add(77, P(b0l)), add(78, L(b0l));
  add(79, P(s1r)), add(80, L(s1r)), add(81, P(s1l)), add(82, L(s1l));
  add(83, W(s0l2)), add(84, P(s0l2)), add(85, L(s0l2));
  add(86, W(s0r2)), add(87, P(s0r2)), add(88, L(s0r2));
  add(89, W(b0l2)), add(90, P(b0l2)), add(91, L(b0l2));
  add(92, s0p, P(s0l), P(s0l2)), add(93, s0p, P(s0r), P(s0r2));
  add(94, b0p, P(b0l), P(b0l2));
  add(95, s1p, L(s1l), L(s1r));
  // Label sets.
  auto set = [&](const std::vector<uint64_t>& v, int i) -> uint64_t {
    return i < 0 ? 7 : v[i];
  };
  add(100, s0w, set(st.rset, s0)), add(101, s0p, set(st.rset, s0));
  add(102, s0w, set(st.lset, s0)), add(103, s0p, set(st.lset, s0));
  add(104, b0w, set(st.lset, b0)), add(105, b0p, set(st.lset, b0));
  add(106, s1p, set(st.rset, s1));
}

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
    auto consider = [&](int act) {
      if (best < 0 || scores[act] > scores[best]) best = act;
    };
    if (st->CanShift()) consider(0);
    if (st->CanLeft()) {
      for (int l = 0; l < num_labels; ++l) {
        if (l != root_label) consider(1 + l);
      }
    }
    if (st->CanRight()) {
      if (st->S(1) == 0 && root_label >= 0) {
        consider(1 + num_labels + root_label);
      } else {
        for (int l = 0; l < num_labels; ++l) {
          if (l != root_label) consider(1 + num_labels + l);
        }
      }
    }
    assert(best >= 0);
    st->Apply(best, num_labels);
  }
}

std::string_view Universal(std::string_view deprel) {
  return deprel.substr(0, deprel.find(':'));
}

}  // namespace

// Training loop; a class so it can fill Parser's private members.
class ParserTrainer {
 public:
  static std::unique_ptr<Parser> Train(const std::vector<Sentence>& train,
                                       const ParserOptions& options);

 private:
  // Unlabelled costs (number of reachable gold arcs lost) of shift, left,
  // right in `st`; kInf when not allowed.
  static void Costs(const State& st, const std::vector<int>& gold_head,
                    int costs[3]);
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

std::unique_ptr<Parser> ParserTrainer::Train(const std::vector<Sentence>& train,
                                             const ParserOptions& options) {
  std::unique_ptr<Parser> parser(new Parser());
  std::unordered_map<std::string, int> label_ids;
  // Gold heads and labels per sentence; skip sentences without heads.
  struct Gold {
    std::vector<int> head, label;
  };
  std::vector<Gold> gold(train.size());
  std::vector<size_t> usable;
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
  Perceptron& model = parser->model_;
  model = Perceptron(1 + 2 * std::max(num_labels, 1));

  std::vector<Atoms> atoms(train.size());
  for (size_t s : usable) MakeAtoms(train[s].words, &atoms[s]);
  std::mt19937_64 rng(options.seed);
  std::vector<uint64_t> features;
  std::vector<float> scores(model.num_classes());
  std::vector<int> cost(model.num_classes());
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (size_t k = usable.size(); k > 1; --k) {
      std::swap(usable[k - 1], usable[rng() % k]);
    }
    long correct_heads = 0, words = 0;
    for (size_t s : usable) {
      const Gold& g = gold[s];
      State st(static_cast<int>(train[s].words.size()));
      while (!st.Terminal()) {
        Features(st, atoms[s], &features);
        std::fill(scores.begin(), scores.end(), 0.0f);
        model.Score(features.data(), features.size(), scores.data());
        int c3[3];
        Costs(st, g.head, c3);
        const int s0 = st.S(0), s1 = st.S(1);
        int min_cost = kInf;
        for (int act = 0; act < model.num_classes(); ++act) {
          int kind = act == 0 ? 0 : (act <= num_labels ? 1 : 2);
          int c = c3[kind];
          if (c < kInf && kind == 1 && g.head[s0] == st.b &&
              g.label[s0] != act - 1) {
            ++c;
          }
          if (c < kInf && kind == 2 && g.head[s0] == s1 &&
              g.label[s0] != act - 1 - num_labels) {
            ++c;
          }
          cost[act] = c;
          min_cost = std::min(min_cost, c);
        }
        int guess = -1, best = -1;
        for (int act = 0; act < model.num_classes(); ++act) {
          if (cost[act] >= kInf) continue;
          if (guess < 0 || scores[act] > scores[guess]) guess = act;
          if (cost[act] == min_cost &&
              (best < 0 || scores[act] > scores[best])) {
            best = act;
          }
        }
        // A guess as cheap as the best is no mistake (only a tick).
        model.Update(features.data(), features.size(),
                     cost[guess] == min_cost ? guess : best, guess);
        int next = best;
        if (cost[guess] == min_cost) {
          next = guess;
        } else if (epoch > 0 && std::uniform_real_distribution<double>(
                                    0, 1)(rng) < options.explore) {
          next = guess;
        }
        st.Apply(next, num_labels);
      }
      for (int i = 1; i <= st.n; ++i) correct_heads += st.head[i] == g.head[i];
      words += st.n;
    }
    if (options.log) {
      std::string line =
          "parser epoch " + std::to_string(epoch + 1) +
          ": training UAS while exploring " +
          std::to_string(100.0 * correct_heads / std::max(words, 1L));
      if (options.dev != nullptr) {
        long dev_words = 0, uas = 0, las = 0;
        for (const Sentence& s : *options.dev) {
          Atoms dev_atoms;
          MakeAtoms(s.words, &dev_atoms);
          State st(static_cast<int>(s.words.size()));
          Greedy(model, /*averaged=*/true, num_labels, parser->root_label_,
                 dev_atoms, &st);
          for (int i = 1; i <= st.n; ++i) {
            const Word& g = s.words[i - 1];
            ++dev_words;
            if (st.head[i] != g.head) continue;
            ++uas;
            las +=
                Universal(parser->labels_[st.label[i]]) == Universal(g.deprel);
          }
        }
        line += "; dev UAS " +
                std::to_string(100.0 * uas / std::max(dev_words, 1L)) +
                " LAS " + std::to_string(100.0 * las / std::max(dev_words, 1L));
      }
      options.log(line);
    }
  }
  model.Finish(kPrune);
  return parser;
}

std::unique_ptr<Parser> Parser::Train(const std::vector<Sentence>& train,
                                      const ParserOptions& options) {
  return ParserTrainer::Train(train, options);
}

void Parser::Parse(std::vector<Word>* words) const {
  const int n = static_cast<int>(words->size());
  Atoms atoms;
  MakeAtoms(*words, &atoms);
  State st(n);
  Greedy(model_, /*averaged=*/false, static_cast<int>(labels_.size()),
         root_label_, atoms, &st);
  for (int i = 1; i <= n; ++i) {
    Word& w = (*words)[i - 1];
    w.head = st.head[i];
    w.deprel = labels_[st.label[i]];
  }
}

// Layout: u32 labels; per label: str; i32 root label; then the perceptron.
void Parser::Save(ModelWriter* out) const {
  out->U32(static_cast<uint32_t>(labels_.size()));
  for (const std::string& l : labels_) out->Str(l);
  out->U32(static_cast<uint32_t>(root_label_));
  model_.Save(out);
}

StatusOr<std::unique_ptr<Parser>> Parser::Load(ModelReader* in) {
  std::unique_ptr<Parser> parser(new Parser());
  uint32_t n = in->Count(4);
  for (uint32_t i = 0; i < n && in->ok(); ++i) {
    parser->labels_.push_back(in->Str());
  }
  parser->root_label_ = static_cast<int32_t>(in->U32());
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
