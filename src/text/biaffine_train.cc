// BiaffineParser::Train: vocabularies, then epochs of shuffled mini-batches
// whose gradients are computed by `threads` threads on shares of the batch
// and summed in a fixed order (so training is deterministic for a given
// thread count).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <thread>

#include "text/biaffine_parser.h"

namespace claimgraph {

class BiaffineTrainer {
 public:
  BiaffineTrainer(const BiaffineOptions& o) : o_(o), rng_(o.seed) {}

  StatusOr<std::unique_ptr<BiaffineParser>> Run(
      const std::vector<Sentence>& train, const WordVectors& vectors);

 private:
  void BuildVocabularies(const std::vector<Sentence>& train,
                         const WordVectors& vectors, BiaffineParser* p);
  // `gold` (may be null): the sentence with gold tags, for the tag head.
  nn::NetInput TrainingInput(const BiaffineParser& p, const Sentence& s,
                             const Sentence* gold,
                             const std::map<std::string, int>& labels);
  // InvalidArgumentError for vectors of the wrong size, a bad head, or
  // missing or mismatched gold tags for a tag head.
  Status Check(const std::vector<Sentence>& train,
               const WordVectors& vectors) const;
  std::vector<nn::NetInput> TrainingData(const BiaffineParser& p,
                                         const std::vector<Sentence>& train);
  // Random weights, zero gradients, a generator per thread.
  void InitWeights(BiaffineParser* p);
  // One pass over the shuffled data; returns the loss, adds the words.
  double Epoch(BiaffineParser* p, const std::vector<nn::NetInput>& data,
               std::vector<size_t>* order, nn::Adam* adam, long* words);
  BiaffineParser::Accuracy EvaluateDev(BiaffineParser* p);
  // Loss of the batch; gradients summed into grads_[0].
  double Batch(const BiaffineParser& p, const std::vector<nn::NetInput>& data,
               const std::vector<size_t>& batch);
  void Log(const std::string& line) const {
    if (o_.log) o_.log(line);
  }

  const BiaffineOptions o_;
  std::mt19937_64 rng_;
  std::vector<nn::NetWeights> grads_;  // One per thread.
  std::vector<std::mt19937_64> thread_rngs_;
};

void BiaffineTrainer::BuildVocabularies(const std::vector<Sentence>& train,
                                        const WordVectors& vectors,
                                        BiaffineParser* p) {
  std::map<std::string, int> counts;
  std::map<std::string, int> xpos, upos, labels;
  for (const Sentence& s : train) {
    for (const Word& w : s.words) {
      ++counts[BiaffineParser::WordKey(w.form)];
      ++xpos[w.xpos];
      ++upos[w.upos];
      ++labels[w.deprel];
    }
  }
  // std::map iterates in key order, so ids do not depend on hashing.
  for (const auto& [key, n] : counts) {
    if (n >= o_.min_word_count) p->words_.emplace(key, p->words_.size() + 2);
  }
  for (const auto& [key, n] : xpos) p->xpos_.emplace(key, p->xpos_.size() + 2);
  for (const auto& [key, n] : upos) p->upos_.emplace(key, p->upos_.size() + 2);
  for (const auto& [key, n] : labels) p->labels_.push_back(key);
  if (o_.tag_head) {
    std::map<std::pair<std::string, std::string>, int> pairs;
    for (const Sentence& s : *o_.gold_tags) {
      for (const Word& w : s.words) ++pairs[{w.upos, w.xpos}];
    }
    for (const auto& [pair, n] : pairs) p->tags_.push_back(pair);
  }
  p->root_label_ =
      static_cast<int>(std::find(p->labels_.begin(), p->labels_.end(), "root") -
                       p->labels_.begin());
  if (p->root_label_ == static_cast<int>(p->labels_.size())) {
    p->labels_.push_back("root");
  }
  const int dim = p->shape_.word_dim;
  std::vector<int> rows;
  for (size_t i = 0; i < vectors.words.size(); ++i) {
    if (p->pretrained_ids_
            .emplace(vectors.words[i], p->pretrained_ids_.size() + 2)
            .second) {
      rows.push_back(static_cast<int>(i));
    }
  }
  p->pretrained_.Resize(static_cast<int>(rows.size()) + 2, dim);
  // Scaled to unit standard deviation overall, so they start on the same
  // footing as the tag embeddings.
  double sum2 = 0.0;
  for (int r : rows) {
    for (int k = 0; k < dim; ++k) {
      const float x = vectors.values[static_cast<size_t>(r) * dim + k];
      sum2 += static_cast<double>(x) * x;
    }
  }
  const float scale =
      rows.empty()
          ? 1.0f
          : static_cast<float>(1.0 / std::sqrt(sum2 / (rows.size() * dim)));
  for (size_t i = 0; i < rows.size(); ++i) {
    for (int k = 0; k < dim; ++k) {
      p->pretrained_.At(static_cast<int>(i) + 2, k) =
          scale * vectors.values[static_cast<size_t>(rows[i]) * dim + k];
    }
  }
  nn::NetShape& s = p->shape_;
  s.words = static_cast<int>(p->words_.size()) + 2;
  s.pretrained = p->pretrained_.rows;
  s.xpos = static_cast<int>(p->xpos_.size()) + 2;
  s.upos = static_cast<int>(p->upos_.size()) + 2;
  s.labels = static_cast<int>(p->labels_.size());
  s.tags = static_cast<int>(p->tags_.size());
}

nn::NetInput BiaffineTrainer::TrainingInput(
    const BiaffineParser& p, const Sentence& s, const Sentence* gold,
    const std::map<std::string, int>& labels) {
  nn::NetInput in = p.Input(s.words);
  in.head.assign(in.word.size(), 0);
  in.label.assign(in.word.size(), 0);
  for (size_t i = 0; i < s.words.size(); ++i) {
    in.head[i + 1] = s.words[i].head;
    in.label[i + 1] = labels.at(s.words[i].deprel);
  }
  if (gold != nullptr) {
    in.tag.assign(in.word.size(), 0);
    for (size_t i = 0; i < s.words.size(); ++i) {
      const std::pair<std::string, std::string> pair(gold->words[i].upos,
                                                     gold->words[i].xpos);
      in.tag[i + 1] = static_cast<int>(
          std::lower_bound(p.tags_.begin(), p.tags_.end(), pair) -
          p.tags_.begin());
    }
  }
  return in;
}

double BiaffineTrainer::Batch(const BiaffineParser& p,
                              const std::vector<nn::NetInput>& data,
                              const std::vector<size_t>& batch) {
  const int threads = static_cast<int>(grads_.size());
  std::vector<double> losses(threads, 0.0);
  auto work = [&](int t) {
    nn::Net net(p.shape_, &p.weights_, &p.pretrained_);
    nn::NetState state;
    for (size_t i = t; i < batch.size(); i += threads) {
      const nn::NetInput& in = data[batch[i]];
      net.Forward(in, o_.dropout, &thread_rngs_[t], &state);
      losses[t] += net.Backward(in, &state, &grads_[t]);
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (std::thread& th : pool) th.join();
  std::vector<nn::Matrix*> sum = grads_[0].All();
  for (int t = 1; t < threads; ++t) {
    std::vector<nn::Matrix*> part = grads_[t].All();
    for (size_t m = 0; m < sum.size(); ++m) {
      for (size_t i = 0; i < sum[m]->v.size(); ++i) {
        sum[m]->v[i] += part[m]->v[i];
        part[m]->v[i] = 0.0f;
      }
    }
  }
  double loss = 0.0;
  for (double l : losses) loss += l;
  return loss;
}

Status BiaffineTrainer::Check(const std::vector<Sentence>& train,
                              const WordVectors& vectors) const {
  if (vectors.dim != o_.shape.word_dim) {
    return InvalidArgumentError("word vectors have dimension " +
                                std::to_string(vectors.dim) + ", not " +
                                std::to_string(o_.shape.word_dim));
  }
  if (o_.tag_head &&
      (o_.gold_tags == nullptr || o_.gold_tags->size() != train.size())) {
    return InvalidArgumentError(
        "a tag head needs the gold tags of every training sentence");
  }
  for (size_t k = 0; k < train.size(); ++k) {
    const Sentence& s = train[k];
    for (const Word& w : s.words) {
      if (w.head < 0 || w.head > static_cast<int>(s.words.size())) {
        return InvalidArgumentError("training sentence with a bad head");
      }
    }
    if (o_.tag_head && (*o_.gold_tags)[k].words.size() != s.words.size()) {
      return InvalidArgumentError("gold-tag sentence of another length");
    }
  }
  return OkStatus();
}

std::vector<nn::NetInput> BiaffineTrainer::TrainingData(
    const BiaffineParser& p, const std::vector<Sentence>& train) {
  std::map<std::string, int> labels;
  for (size_t i = 0; i < p.labels_.size(); ++i) labels[p.labels_[i]] = i;
  std::vector<nn::NetInput> data;
  for (size_t k = 0; k < train.size(); ++k) {
    const Sentence* gold = o_.tag_head ? &(*o_.gold_tags)[k] : nullptr;
    data.push_back(TrainingInput(p, train[k], gold, labels));
  }
  return data;
}

void BiaffineTrainer::InitWeights(BiaffineParser* p) {
  p->weights_.Init(p->shape_, &rng_);
  const int threads = std::max(1, o_.threads);
  grads_.resize(threads);
  for (nn::NetWeights& g : grads_) g.Init(p->shape_, nullptr);
  for (int t = 0; t < threads; ++t) {
    thread_rngs_.emplace_back(o_.seed * 1000 + t);
  }
  Log("biaffine: " + std::to_string(p->num_weights()) + " weights, " +
      std::to_string(p->words_.size()) + " words, " +
      std::to_string(p->pretrained_ids_.size()) + " pretrained, " +
      std::to_string(p->labels_.size()) + " labels");
}

double BiaffineTrainer::Epoch(BiaffineParser* p,
                              const std::vector<nn::NetInput>& data,
                              std::vector<size_t>* order, nn::Adam* adam,
                              long* words) {
  nn::Shuffle(order, &rng_);
  double loss = 0.0;
  for (size_t b = 0; b < order->size(); b += o_.batch_sentences) {
    std::vector<size_t> batch(
        order->begin() + b,
        order->begin() + std::min(order->size(), b + o_.batch_sentences));
    loss += Batch(*p, data, batch);
    for (size_t i : batch) *words += data[i].word.size() - 1;
    adam->Step(p->weights_.All(), grads_[0].All());
  }
  return loss;
}

BiaffineParser::Accuracy BiaffineTrainer::EvaluateDev(BiaffineParser* p) {
  p->Prepare();
  BiaffineParser::Accuracy a = p->Evaluate(*o_.dev);
  // Training goes on with the float weights, not Prepare's copies.
  for (auto& layer : p->weights_.lstm) {
    for (nn::LstmWeights& direction : layer) direction.ClearHalf();
  }
  return a;
}

StatusOr<std::unique_ptr<BiaffineParser>> BiaffineTrainer::Run(
    const std::vector<Sentence>& train, const WordVectors& vectors) {
  CG_RETURN_IF_ERROR(Check(train, vectors));
  std::unique_ptr<BiaffineParser> p(new BiaffineParser());
  p->shape_ = o_.shape;
  BuildVocabularies(train, vectors, p.get());
  const std::vector<nn::NetInput> data = TrainingData(*p, train);
  InitWeights(p.get());
  nn::Adam adam(p->weights_.All(), o_.adam);
  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  nn::NetWeights best = p->weights_;
  double best_las = -1.0;
  for (int epoch = 1; epoch <= o_.epochs; ++epoch) {
    const auto start = std::chrono::steady_clock::now();
    long words = 0;
    const double loss = Epoch(p.get(), data, &order, &adam, &words);
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    char line[200];
    std::snprintf(line, sizeof line,
                  "biaffine epoch %d: loss/word %.4f, %.0f s", epoch,
                  loss / std::max(1L, words), secs);
    std::string message = line;
    if (o_.dev) {
      const BiaffineParser::Accuracy a = EvaluateDev(p.get());
      std::snprintf(line, sizeof line, ", dev UAS %.2f LAS %.2f", a.uas(),
                    a.las());
      message += line;
      if (a.las() > best_las) {
        best_las = a.las();
        best = p->weights_;
      }
    }
    Log(message);
  }
  if (o_.dev) p->weights_ = std::move(best);
  // Parse with the vectors as the model file will hold them.
  BiaffineParser::RoundToInt8Rows(&p->pretrained_);
  p->Prepare();
  return p;
}

StatusOr<std::unique_ptr<BiaffineParser>> BiaffineParser::Train(
    const std::vector<Sentence>& train, const WordVectors& vectors,
    const BiaffineOptions& options) {
  BiaffineTrainer trainer(options);
  return trainer.Run(train, vectors);
}

}  // namespace claimgraph
