#include "text/biaffine_parser.h"

#include <algorithm>
#include <cmath>

#include "base/ascii.h"
#include "text/eisner.h"

namespace claimgraph {
namespace {

constexpr int kUnknown = 0;
constexpr int kRoot = 1;

int Find(const std::unordered_map<std::string, int>& map,
         const std::string& key) {
  auto it = map.find(key);
  return it == map.end() ? kUnknown : it->second;
}

void SaveMatrix(const nn::Matrix& m, ModelWriter* out) {
  out->U32(m.rows);
  out->U32(m.cols);
  for (float x : m.v) out->F32(x);
}

bool LoadMatrix(ModelReader* in, nn::Matrix* m) {
  const uint32_t rows = in->U32(), cols = in->U32();
  if (!in->ok() || (rows > 0 && cols > (1u << 30) / rows)) return false;
  m->Resize(rows, cols);
  for (float& x : m->v) x = in->F32();
  return in->ok();
}

// Rows stored as int8 with a power-of-two scale each (the smallest with
// the row's largest magnitude within 127 steps): a quarter of the float
// size, each value moved by at most half a step (1/128 of the row's
// largest at worst). A power of two makes quantising idempotent, so a
// parser whose vectors were rounded (RoundToInt8Rows) saves and loads
// exactly what it parses with.
float RowScale(const float* row, int cols) {
  float top = 0.0f;
  for (int c = 0; c < cols; ++c) top = std::max(top, std::abs(row[c]));
  if (top == 0.0f) return 1.0f;
  int exponent = 0;
  std::frexp(top / 127.0f, &exponent);  // top / 127 < 2^exponent.
  float scale = std::ldexp(1.0f, exponent);
  if (top <= 127.0f * (scale / 2)) scale /= 2;  // Exactly a power of two.
  return scale;
}

void SaveQuantizedRows(const nn::Matrix& m, ModelWriter* out) {
  out->U32(m.rows);
  out->U32(m.cols);
  for (int r = 0; r < m.rows; ++r) {
    const float* row = m.Row(r);
    const float scale = RowScale(row, m.cols);
    out->F32(scale);
    for (int c = 0; c < m.cols; ++c) {
      const long q = std::lround(row[c] / scale);
      out->U8(static_cast<uint8_t>(static_cast<int8_t>(q)));
    }
  }
}

bool LoadQuantizedRows(ModelReader* in, nn::Matrix* m) {
  const uint32_t rows = in->U32(), cols = in->U32();
  if (!in->ok() || (rows > 0 && cols > (1u << 30) / rows)) return false;
  m->Resize(rows, cols);
  for (uint32_t r = 0; r < rows && in->ok(); ++r) {
    const float scale = in->F32();
    float* row = m->Row(r);
    for (uint32_t c = 0; c < cols; ++c) {
      row[c] = scale * static_cast<int8_t>(in->U8());
    }
  }
  return in->ok();
}

// Map of names to ids, saved in id order (ids from 2; 0 and 1 reserved).
void SaveVocabulary(const std::unordered_map<std::string, int>& map,
                    ModelWriter* out) {
  std::vector<const std::string*> names(map.size());
  for (const auto& [name, id] : map) names[id - 2] = &name;
  out->U32(static_cast<uint32_t>(names.size()));
  for (const std::string* name : names) out->Str(*name);
}

void LoadVocabulary(ModelReader* in, std::unordered_map<std::string, int>* map,
                    int first_id) {
  const uint32_t n = in->Count(4);
  for (uint32_t i = 0; i < n && in->ok(); ++i) {
    (*map)[in->Str()] = static_cast<int>(i) + first_id;
  }
}

}  // namespace

std::string BiaffineParser::WordKey(std::string_view form) {
  std::string key = AsciiLower(form);
  for (char& c : key) {
    if (c >= '0' && c <= '9') c = '0';
  }
  return key;
}

void BiaffineParser::WordIds(const std::string& form, int* word,
                             int* pretrained) const {
  const std::string lower = AsciiLower(form);
  const std::string key = WordKey(lower);
  *word = Find(words_, key);
  *pretrained = Find(pretrained_ids_, lower);
  if (*pretrained == kUnknown && key != lower) {
    *pretrained = Find(pretrained_ids_, key);
  }
}

nn::NetInput BiaffineParser::Input(const std::vector<Word>& words) const {
  nn::NetInput in;
  const size_t n = words.size() + 1;
  in.word.assign(n, kRoot);
  in.pretrained.assign(n, kRoot);
  in.xpos.assign(n, kRoot);
  in.upos.assign(n, kRoot);
  for (size_t i = 1; i < n; ++i) {
    const Word& w = words[i - 1];
    WordIds(w.form, &in.word[i], &in.pretrained[i]);
    in.xpos[i] = Find(xpos_, w.xpos);
    in.upos[i] = Find(upos_, w.upos);
  }
  return in;
}

namespace {

// logp (n+1 x n+1): row d the log-softmax of word d's head scores, the word
// itself left out.
void HeadLogProbabilities(const nn::Matrix& arc, int n, nn::Matrix* logp) {
  logp->Resize(n + 1, n + 1);
  for (int d = 1; d <= n; ++d) {
    const float* row = arc.Row(d);
    float top = -1e30f;
    for (int h = 0; h <= n; ++h) {
      if (h != d) top = std::max(top, row[h]);
    }
    double sum = 0.0;
    for (int h = 0; h <= n; ++h) {
      if (h != d) sum += std::exp(row[h] - top);
    }
    const float log_z = top + static_cast<float>(std::log(sum));
    for (int h = 0; h <= n; ++h) logp->At(d, h) = row[h] - log_z;
  }
}

}  // namespace

void BiaffineParser::Retag(const nn::Matrix& tag_scores,
                           std::vector<Word>* words) const {
  for (size_t d = 1; d <= words->size(); ++d) {
    const float* row = tag_scores.Row(static_cast<int>(d));
    const int best =
        static_cast<int>(std::max_element(row, row + shape_.tags) - row);
    (*words)[d - 1].upos = tags_[best].first;
    (*words)[d - 1].xpos = tags_[best].second;
  }
}

void BiaffineParser::Attach(const std::vector<int>& heads,
                            const nn::Matrix& label_scores,
                            std::vector<Word>* words) const {
  for (size_t d = 1; d <= words->size(); ++d) {
    Word& w = (*words)[d - 1];
    w.head = heads[d];
    if (w.head == 0) {
      w.deprel = labels_[root_label_];
      continue;
    }
    const float* row = label_scores.Row(static_cast<int>(d));
    int best = -1;
    for (int l = 0; l < label_scores.cols; ++l) {
      if (l == root_label_) continue;
      if (best < 0 || row[l] > row[best]) best = l;
    }
    w.deprel = labels_[best];
  }
}

void BiaffineParser::Parse(std::vector<Word>* words) const {
  if (words->empty()) return;
  const int n = static_cast<int>(words->size());
  nn::Net net(shape_, &weights_, &pretrained_);
  // Kept per thread: the buffers are reused from sentence to sentence.
  thread_local nn::NetState state;
  thread_local nn::Matrix logp, label_scores;
  net.Forward(Input(*words), {}, nullptr, &state);
  HeadLogProbabilities(state.arc, n, &logp);
  if (!tags_.empty()) Retag(state.tag_scores, words);
  const std::vector<int> heads = EisnerDecode(n, logp.v.data(), logp.cols);
  net.LabelScores(state, label_u_by_dependent_, heads, &label_scores);
  Attach(heads, label_scores, words);
}

BiaffineParser::Accuracy BiaffineParser::Evaluate(
    const std::vector<Sentence>& gold) const {
  Accuracy a;
  for (const Sentence& s : gold) {
    std::vector<Word> words = s.words;
    Parse(&words);
    for (size_t i = 0; i < words.size(); ++i) {
      ++a.words;
      if (words[i].head != s.words[i].head) continue;
      ++a.heads;
      auto universal = [](const std::string& r) {
        return r.substr(0, r.find(':'));
      };
      if (universal(words[i].deprel) == universal(s.words[i].deprel)) {
        ++a.labelled;
      }
    }
  }
  return a;
}

void BiaffineParser::Prepare() {
  for (auto& layer : weights_.lstm) {
    for (nn::LstmWeights& direction : layer) direction.PrepareHalf();
  }
  label_u_by_dependent_ =
      nn::LabelWeightsByDependent(weights_.label_u, shape_.labels);
}

void BiaffineParser::RoundToInt8Rows(nn::Matrix* m) {
  for (int r = 0; r < m->rows; ++r) {
    float* row = m->Row(r);
    const float scale = RowScale(row, m->cols);
    for (int c = 0; c < m->cols; ++c) {
      row[c] = scale * static_cast<float>(std::lround(row[c] / scale));
    }
  }
}

size_t BiaffineParser::num_weights() const {
  size_t n = 0;
  for (nn::Matrix* m : const_cast<nn::NetWeights&>(weights_).All()) {
    n += m->v.size();
  }
  return n;
}

void BiaffineParser::Save(ModelWriter* out) const {
  const nn::NetShape& s = shape_;
  for (int v :
       {s.word_dim, s.tag_dim, s.layers, s.hidden, s.arc_dim, s.label_dim}) {
    out->U32(v);
  }
  SaveVocabulary(words_, out);
  SaveVocabulary(pretrained_ids_, out);
  SaveVocabulary(xpos_, out);
  SaveVocabulary(upos_, out);
  out->U32(static_cast<uint32_t>(labels_.size()));
  for (const std::string& l : labels_) out->Str(l);
  out->U32(root_label_);
  SaveQuantizedRows(pretrained_, out);
  std::vector<nn::Matrix*> all = const_cast<nn::NetWeights&>(weights_).All();
  // The tag head's two matrices come last, after its classes, and only
  // when there is a tag head.
  for (size_t i = 0; i + 2 < all.size(); ++i) SaveMatrix(*all[i], out);
  if (tags_.empty()) return;
  out->U32(static_cast<uint32_t>(tags_.size()));
  for (const auto& [upos, xpos] : tags_) {
    out->Str(upos);
    out->Str(xpos);
  }
  SaveMatrix(weights_.tag_w, out);
  SaveMatrix(weights_.tag_b, out);
}

StatusOr<std::unique_ptr<BiaffineParser>> BiaffineParser::Load(
    ModelReader* in) {
  std::unique_ptr<BiaffineParser> p(new BiaffineParser());
  nn::NetShape& s = p->shape_;
  for (int* v : {&s.word_dim, &s.tag_dim, &s.layers, &s.hidden, &s.arc_dim,
                 &s.label_dim}) {
    *v = static_cast<int>(in->U32());
    if (*v <= 0 || *v > 4096) in->Fail("bad biaffine parser dimension");
  }
  LoadVocabulary(in, &p->words_, 2);
  LoadVocabulary(in, &p->pretrained_ids_, 2);
  LoadVocabulary(in, &p->xpos_, 2);
  LoadVocabulary(in, &p->upos_, 2);
  const uint32_t labels = in->Count(4);
  for (uint32_t i = 0; i < labels && in->ok(); ++i) {
    p->labels_.push_back(in->Str());
  }
  p->root_label_ = static_cast<int>(in->U32());
  if (in->ok() && p->root_label_ >= static_cast<int>(p->labels_.size())) {
    in->Fail("bad root label");
  }
  s.words = static_cast<int>(p->words_.size()) + 2;
  s.pretrained = static_cast<int>(p->pretrained_ids_.size()) + 2;
  s.xpos = static_cast<int>(p->xpos_.size()) + 2;
  s.upos = static_cast<int>(p->upos_.size()) + 2;
  s.labels = static_cast<int>(p->labels_.size());
  if (!in->ok()) return in->status();
  if (!LoadQuantizedRows(in, &p->pretrained_)) return in->status();
  nn::NetWeights expected;
  expected.Init(s, nullptr);
  p->weights_.Init(s, nullptr);
  std::vector<nn::Matrix*> want = expected.All(), got = p->weights_.All();
  for (size_t i = 0; i < got.size(); ++i) {
    if (i + 2 == got.size()) {
      // The tag head, if the section goes on: its classes, then matrices
      // of that many columns.
      if (in->at_end()) break;
      const uint32_t tags = in->Count(8);
      for (uint32_t t = 0; t < tags && in->ok(); ++t) {
        std::string upos = in->Str();
        p->tags_.emplace_back(std::move(upos), in->Str());
      }
      s.tags = static_cast<int>(tags);
      want[i]->Resize(want[i]->rows, s.tags);
      want[i + 1]->Resize(1, s.tags);
    }
    if (!LoadMatrix(in, got[i])) return in->status();
    if (got[i]->rows != want[i]->rows || got[i]->cols != want[i]->cols) {
      in->Fail("biaffine parser matrix " + std::to_string(i) +
               " has the wrong shape");
      return in->status();
    }
  }
  if (!p->tags_.empty() && p->tags_.size() != static_cast<size_t>(s.tags)) {
    in->Fail("bad tag head");
    return in->status();
  }
  p->Prepare();
  if (p->pretrained_.rows != s.pretrained ||
      p->pretrained_.cols != s.word_dim) {
    in->Fail("pretrained vectors have the wrong shape");
    return in->status();
  }
  return p;
}

}  // namespace claimgraph
