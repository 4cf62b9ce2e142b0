#include <algorithm>
#include <array>
#include <initializer_list>

#include "text/model_io.h"
#include "text/parser_internal.h"

namespace claimgraph {
namespace parser_internal {
namespace {

uint64_t Lowered(const std::string& s) {
  std::string lower(s);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return Fnv1a64(lower);
}

}  // namespace

void MakeAtoms(const std::vector<Word>& words, const WordClusters* clusters,
               int feature_set, Atoms* a) {
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
  if (clusters == nullptr || feature_set < 2) {
    a->c4.clear(), a->c6.clear(), a->cf.clear();
    a->feature_set = 1;
    return;
  }
  a->feature_set = feature_set;
  // Cluster atoms: the code + 1 (0 stays for "no word"); the root is 1 << 20.
  a->c4.resize(n + 1);
  a->c6.resize(n + 1);
  a->cf.resize(n + 1);
  a->c4[0] = a->c6[0] = a->cf[0] = 1u << 20;
  for (size_t i = 0; i < n; ++i) {
    const uint16_t code = clusters->Find(words[i].form);
    a->c4[i + 1] = WordClusters::Prefix(code, 4) + 1;
    a->c6[i + 1] = WordClusters::Prefix(code, 6) + 1;
    a->cf[i + 1] = uint64_t{code} + 1;
  }
}

void State::Reset(int words) {
  n = words;
  b = 1;
  stack.clear();
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

void State::Arc(int h, int d, int l) {
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

void State::Apply(int action, int num_labels) {
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

uint64_t ShapeKey(const State& st) {
  const int s0 = st.S(0), s1 = st.S(1), s2 = st.S(2);
  const int b0 = st.b <= st.n ? st.b : -1;
  auto at = [](const std::vector<int>& v, int i) { return i < 0 ? -2 : v[i]; };
  const int parts[] = {s0,
                       s1,
                       s2,
                       st.b,
                       at(st.l1, s0),
                       at(st.l2, s0),
                       at(st.r1, s0),
                       at(st.r2, s0),
                       at(st.l1, b0),
                       at(st.l2, b0),
                       at(st.l1, s1),
                       at(st.r1, s1),
                       at(st.nl, s0),
                       at(st.nr, s0),
                       at(st.nl, b0),
                       at(st.nl, s1),
                       at(st.nr, s1)};
  uint64_t h = kFnvBasis;
  for (int v : parts) {
    h = (h ^ static_cast<uint32_t>(v + 3)) * 0x9e3779b97f4a7c15ULL;
    h ^= h >> 29;
  }
  return h;
}

namespace {

constexpr int kMaxTemplate = 144;

// The group of every template number (kGroupShape unless listed).
constexpr std::array<FeatureGroup, kMaxTemplate + 1> MakeTemplateGroups() {
  std::array<FeatureGroup, kMaxTemplate + 1> groups{};
  for (FeatureGroup& g : groups) g = kGroupShape;
  auto set = [&groups](FeatureGroup g, std::initializer_list<int> templates) {
    for (int t : templates) groups[t] = g;
  };
  // Template 0 is the bias: any group would do.
  set(kGroupBuffer, {0,  7,  8,   9,   10,  11,  12,  13,  14,  15, 19,
                     27, 40, 113, 114, 115, 118, 119, 136, 137, 138});
  set(kGroupS0, {1, 2, 3, 18, 110, 111, 112});
  set(kGroupS0Buffer,
      {20, 21,  22,  23,  24,  25,  26,  41,  50,  51,  52,  53, 54,
       55, 120, 121, 122, 123, 124, 125, 129, 133, 134, 135, 144});
  set(kGroupS1S0,
      {4, 5, 6, 28, 29, 30, 31, 32, 56, 57, 116, 117, 126, 127, 128, 140});
  set(kGroupS0Tree,
      {60, 61, 62, 63, 70, 71, 73, 74, 83, 84, 86, 87, 92, 93, 130, 131, 142});
  set(kGroupB0Tree, {64, 65, 76, 77, 89, 90, 94, 132, 143});
  set(kGroupS1Tree, {66, 67, 79, 81});
  set(kGroupS0Labels, {72, 75, 85, 88, 100, 101, 102, 103});
  set(kGroupB0Labels, {78, 91, 104, 105});
  set(kGroupS1Labels, {80, 82, 95, 106});
  // Left in kGroupShape: 16, 17, 42-49, 139, 141.
  return groups;
}

constexpr std::array<FeatureGroup, kMaxTemplate + 1> kTemplateGroups =
    MakeTemplateGroups();

}  // namespace

FeatureGroup TemplateGroup(uint64_t t) {
  return t <= kMaxTemplate ? kTemplateGroups[t] : kGroupShape;
}

uint64_t GroupKey(FeatureGroup g, const State& st) {
  if (g == kGroupShape) return ShapeKey(st);
  const int s0 = st.S(0), s1 = st.S(1);
  const int b0 = st.b <= st.n ? st.b : -1;
  auto at = [](const std::vector<int>& v, int i) { return i < 0 ? -2 : v[i]; };
  auto label = [&](int child) { return child < 0 ? -2 : st.label[child]; };
  uint64_t h =
      kFnvBasis ^ (static_cast<uint64_t>(g) + 1) * 0xff51afd7ed558ccdULL;
  auto mix = [&h](int64_t v) {
    h = (h ^ static_cast<uint64_t>(v + 3)) * 0x9e3779b97f4a7c15ULL;
    h ^= h >> 29;
  };
  switch (g) {
    case kGroupBuffer:
      mix(st.b);
      break;
    case kGroupS0:
      mix(s0);
      break;
    case kGroupS0Buffer:
      mix(s0), mix(st.b);
      break;
    case kGroupS1S0:
      mix(s1), mix(s0);
      break;
    case kGroupS0Tree:
    case kGroupS0Labels:
      mix(s0);
      for (const auto* v : {&st.l1, &st.l2, &st.r1, &st.r2}) {
        mix(at(*v, s0));
        if (g == kGroupS0Labels) mix(label(at(*v, s0)));
      }
      mix(at(st.nl, s0)), mix(at(st.nr, s0));
      if (g == kGroupS0Labels && s0 >= 0) mix(st.lset[s0]), mix(st.rset[s0]);
      break;
    case kGroupB0Tree:
    case kGroupB0Labels:
      mix(st.b), mix(at(st.l1, b0)), mix(at(st.l2, b0)), mix(at(st.nl, b0));
      if (g == kGroupB0Labels) {
        mix(label(at(st.l1, b0))), mix(label(at(st.l2, b0)));
        if (b0 >= 0) mix(st.lset[b0]);
      }
      break;
    case kGroupS1Tree:
    case kGroupS1Labels:
      mix(s1), mix(at(st.l1, s1)), mix(at(st.r1, s1));
      mix(at(st.nl, s1)), mix(at(st.nr, s1));
      if (g == kGroupS1Labels) {
        mix(label(at(st.l1, s1))), mix(label(at(st.r1, s1)));
        if (s1 >= 0) mix(st.rset[s1]);
      }
      break;
    default:
      break;
  }
  return h;
}

namespace {

// Calls sink.Put(template, hash) for every feature template of `st`, in a
// fixed order: all label-independent templates first. Templates for which
// sink.Wants(template) is false are not hashed.
template <typename Sink>
void EmitFeatures(const State& st, const Atoms& a, Sink& sink) {
  static const uint64_t kNone = Fnv1a64("<none>");
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
    if (sink.Wants(t)) {
      sink.Put(t, HashMix(HashMix(HashMix(HashMix(t, x), y), z), v));
    }
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
  add(70, W(s0l)), add(71, P(s0l));
  add(73, W(s0r)), add(74, P(s0r));
  add(76, W(b0l)), add(77, P(b0l));
  add(79, P(s1r)), add(81, P(s1l));
  add(83, W(s0l2)), add(84, P(s0l2));
  add(86, W(s0r2)), add(87, P(s0r2));
  add(89, W(b0l2)), add(90, P(b0l2));
  add(92, s0p, P(s0l), P(s0l2)), add(93, s0p, P(s0r), P(s0r2));
  add(94, b0p, P(b0l), P(b0l2));
  if (!a.cf.empty()) {
    // Word clusters (Koo et al. 2008, adapted): prefixes of s0, s1, b0, b1
    // and of the outer children, alone and with the other word's tag or
    // cluster.
    auto C = [&](const std::vector<uint64_t>& c, int i) -> uint64_t {
      return i < 0 ? 0 : c[i];
    };
    const uint64_t s0c4 = C(a.c4, s0), s0c6 = C(a.c6, s0), s0cf = C(a.cf, s0);
    const uint64_t b0c4 = C(a.c4, b0), b0c6 = C(a.c6, b0), b0cf = C(a.cf, b0);
    const uint64_t s1c4 = C(a.c4, s1), s1cf = C(a.cf, s1);
    if (a.feature_set == 4) {
      // The lean set: full paths of s0, s1, b0, b1, 6-bit prefixes of s0
      // and b0, and head-modifier pairs of a full path and a tag.
      add(112, s0cf), add(115, b0cf), add(117, s1cf), add(119, C(a.cf, b1));
      add(111, s0c6), add(114, b0c6);
      add(122, s0cf, b0p), add(123, s0p, b0cf);
      add(127, s1p, s0cf), add(128, s1cf, s0p);
    } else {
      add(110, s0c4), add(111, s0c6), add(112, s0cf);
      add(113, b0c4), add(114, b0c6), add(115, b0cf);
      add(116, s1c4), add(117, s1cf);
      add(118, C(a.c4, b1)), add(119, C(a.cf, b1));
      add(120, s0c4, b0c4), add(121, s0c6, b0c6), add(122, s0cf, b0p);
      add(123, s0p, b0cf), add(124, s0c6, b0p), add(125, s0p, b0c6);
      add(126, s1c4, s0c4), add(127, s1p, s0cf), add(128, s1cf, s0p);
      add(129, s0c4, b0c4, d);
      add(130, C(a.c4, s0l)), add(131, C(a.c4, s0r)), add(132, C(a.c4, b0l));
      add(133, s0p, b0p, C(a.c6, b1));
      if (a.feature_set >= 3) {
        const uint64_t b1c4 = C(a.c4, b1);
        add(134, s0w, b0cf), add(135, s0cf, b0w);
        add(136, b0c4, b1c4), add(137, b0cf, b1p), add(138, b0p, C(a.cf, b1));
        add(139, s1c4, s0c4, b0c4), add(140, s1cf, s0cf);
        add(141, s0c4, C(a.c4, s0r), b0c4), add(142, s0c6, C(a.c6, s0l));
        add(143, b0c6, C(a.c6, b0l)), add(144, s0cf, b0cf);
      }
    }
  }
  // Everything above depends only on the shape of the configuration (which
  // words are where), everything below also on arc labels.
  add(72, L(s0l)), add(75, L(s0r)), add(78, L(b0l));
  add(80, L(s1r)), add(82, L(s1l));
  add(85, L(s0l2)), add(88, L(s0r2)), add(91, L(b0l2));
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

}  // namespace

size_t Features(const State& st, const Atoms& a, std::vector<uint64_t>* out,
                bool labelled_only) {
  struct Flat {
    std::vector<uint64_t>* out;
    bool labelled_only;
    size_t unlabelled = 0;
    bool Wants(uint64_t t) const {
      return !labelled_only || TemplateGroup(t) >= kNumUnlabelledGroups;
    }
    void Put(uint64_t t, uint64_t hash) {
      out->push_back(hash);
      if (TemplateGroup(t) < kNumUnlabelledGroups) unlabelled = out->size();
    }
  } sink{out, labelled_only};
  out->clear();
  EmitFeatures(st, a, sink);
  return sink.unlabelled;
}

void GroupedFeatures(const State& st, const Atoms& a, unsigned mask,
                     GroupedFeatureLists* out) {
  struct Grouped {
    GroupedFeatureLists* out;
    unsigned mask;
    bool Wants(uint64_t t) const { return (mask >> TemplateGroup(t)) & 1; }
    void Put(uint64_t t, uint64_t hash) {
      (*out)[TemplateGroup(t)].push_back(hash);
    }
  } sink{out, mask};
  for (auto& list : *out) list.clear();
  EmitFeatures(st, a, sink);
}

}  // namespace parser_internal
}  // namespace claimgraph
