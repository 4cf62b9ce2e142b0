// Hierarchical word clusters from word vectors, used as lexical backoff by
// the tagger and the parser (like Brown clusters in Koo, Carreras & Collins
// 2008): every word of a vocabulary gets a bit-string path in a binary tree,
// and features read prefixes of it (4, 6, 10 bits, the full path), so rare
// and unseen treebank words share weights with frequent words of similar
// use.
//
// The tree is built by bisecting spherical k-means over length-normalised
// vectors: every node's words are split in two by k-means with k = 2 (seeded
// centroids, a fixed number of iterations, ties to the left child) until
// the depth limit or a node smaller than `min_split`. Deterministic for a
// given input and options.

#ifndef CLAIMGRAPH_TEXT_WORD_CLUSTERS_H_
#define CLAIMGRAPH_TEXT_WORD_CLUSTERS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "text/model_io.h"

namespace claimgraph {

// Word vectors in text form ("word v1 ... vD" per line, most frequent word
// first), the first `max_words` rows.
struct WordVectors {
  int dim = 0;
  std::vector<std::string> words;
  std::vector<float> values;  // words.size() x dim, row-major.
};
// InvalidArgumentError naming path:line for a malformed row (a row with
// another number of values than the first, a value that is not a number).
StatusOr<WordVectors> ReadWordVectors(const std::string& path, int max_words);

struct ClusterOptions {
  int depth = 12;  // At most kMaxDepth.
  int iterations = 8;
  int min_split = 16;  // Nodes with fewer words are leaves.
  uint64_t seed = 1;
};

class WordClusters {
 public:
  static constexpr int kMaxDepth = 15;  // A path with its marker fits u16.

  // Clusters all of `vectors`' words (keys are taken as given: the vectors
  // should be lower-cased). Words containing digits also give their
  // digit-normalised key ('0' for every digit) to the first (most frequent)
  // such word, unless that key is a word itself.
  static WordClusters Build(const WordVectors& vectors,
                            const ClusterOptions& options);

  // The path of a word: 0 if unknown, else a code whose highest set bit
  // marks the path's start (1 = the root, 0b10 / 0b11 its children...).
  // Looks up the lower-cased form, then its digit-normalised form.
  uint16_t Find(std::string_view form) const;
  // The code of the first `bits` steps of `code`'s path (all of it when
  // shorter); 0 stays 0.
  static uint16_t Prefix(uint16_t code, int bits);

  size_t size() const { return codes_.size(); }
  bool empty() const { return codes_.empty(); }

  // Layout: u32 N; N x (str key, u16 code), sorted by key.
  void Save(ModelWriter* out) const;
  static StatusOr<WordClusters> Load(ModelReader* in);

 private:
  // Adds `key` unless it is there; false if it was.
  bool Insert(std::string_view key, uint16_t code);
  // Index of `key` in codes_, or -1.
  long IndexOf(std::string_view key) const;
  void Rehash(size_t capacity);
  std::string_view Key(size_t i) const {
    return std::string_view(keys_).substr(offsets_[i],
                                          offsets_[i + 1] - offsets_[i]);
  }

  // Key i is keys_[offsets_[i], offsets_[i+1]) with path codes_[i]; table_
  // is an open-addressing index over them (i + 1; 0 = empty), a power of 2
  // at least twice their number. Flat, so loading 250k keys is quick.
  std::string keys_;
  std::vector<uint32_t> offsets_ = {0};
  std::vector<uint16_t> codes_;
  std::vector<uint32_t> table_;
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_TEXT_WORD_CLUSTERS_H_
