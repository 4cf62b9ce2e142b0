#include "text/conllu.h"

#include <charconv>
#include <string>

namespace claimgraph {
namespace {

// Splits on tabs; keeps empty fields.
std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      fields.push_back(line.substr(start));
      return fields;
    }
    fields.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

bool ParseInt(std::string_view text, int* value) {
  if (text.empty()) return false;
  auto [ptr, ec] =
      std::from_chars(text.data(), text.data() + text.size(), *value);
  return ec == std::errc() && ptr == text.data() + text.size();
}

class Reader {
 public:
  explicit Reader(std::string_view name) : name_(name) {}

  Status Line(std::string_view line, long line_no) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) return Flush();
    if (line[0] == '#') {
      std::string_view comment = line.substr(1);
      if (!comment.empty() && comment[0] == ' ') comment.remove_prefix(1);
      if (comment.substr(0, 7) == "text = ") {
        current_.text = std::string(comment.substr(7));
      }
      current_.comments.emplace_back(comment);
      return OkStatus();
    }
    std::vector<std::string_view> fields = SplitTabs(line);
    if (fields.size() != 10) {
      return Error(line_no, "expected 10 tab-separated columns, got " +
                                std::to_string(fields.size()));
    }
    std::string_view id = fields[0];
    int next = static_cast<int>(current_.words.size()) + 1;
    if (size_t dash = id.find('-'); dash != std::string_view::npos) {
      MultiwordToken token;
      if (!ParseInt(id.substr(0, dash), &token.first) ||
          !ParseInt(id.substr(dash + 1), &token.last) || token.first != next ||
          token.last < token.first) {
        return Error(line_no, "bad multiword token id '" + std::string(id) +
                                  "' (next word is " + std::to_string(next) +
                                  ")");
      }
      token.form = fields[1];
      token.misc = fields[9];
      current_.multiword_tokens.push_back(std::move(token));
      return OkStatus();
    }
    if (size_t dot = id.find('.'); dot != std::string_view::npos) {
      EmptyNode node;
      int minor = 0;
      if (!ParseInt(id.substr(0, dot), &node.after) ||
          !ParseInt(id.substr(dot + 1), &minor) || node.after != next - 1 ||
          minor < 1) {
        return Error(line_no, "bad empty node id '" + std::string(id) + "'");
      }
      node.line = line;
      current_.empty_nodes.push_back(std::move(node));
      return OkStatus();
    }
    int word_id = 0;
    if (!ParseInt(id, &word_id) || word_id != next) {
      return Error(line_no, "bad word id '" + std::string(id) + "', expected " +
                                std::to_string(next));
    }
    Word word;
    word.form = fields[1];
    word.lemma = fields[2];
    word.upos = fields[3];
    word.xpos = fields[4];
    word.feats = fields[5];
    if (fields[6] != "_") {
      if (!ParseInt(fields[6], &word.head) || word.head < 0 ||
          word.head == word_id) {
        return Error(line_no, "bad head '" + std::string(fields[6]) + "'");
      }
    }
    word.deprel = fields[7];
    word.deps = fields[8];
    word.misc = fields[9];
    current_.words.push_back(std::move(word));
    word_lines_.push_back(line_no);
    return OkStatus();
  }

  // Ends the current sentence, if any.
  Status Flush() {
    if (current_.words.empty() && current_.comments.empty() &&
        current_.multiword_tokens.empty() && current_.empty_nodes.empty()) {
      return OkStatus();
    }
    int n = static_cast<int>(current_.words.size());
    for (int i = 0; i < n; ++i) {
      if (current_.words[i].head > n) {
        return Error(word_lines_[i],
                     "head " + std::to_string(current_.words[i].head) +
                         " is beyond the last word " + std::to_string(n));
      }
    }
    for (const MultiwordToken& token : current_.multiword_tokens) {
      if (token.last > n) {
        return Error(first_line_of_sentence(),
                     "multiword token " + std::to_string(token.first) + "-" +
                         std::to_string(token.last) +
                         " goes beyond the last word");
      }
    }
    sentences_.push_back(std::move(current_));
    current_ = Sentence();
    word_lines_.clear();
    return OkStatus();
  }

  std::vector<Sentence> TakeSentences() { return std::move(sentences_); }

 private:
  long first_line_of_sentence() const {
    return word_lines_.empty() ? 0 : word_lines_.front();
  }
  Status Error(long line_no, const std::string& message) const {
    return InvalidArgumentError(std::string(name_) + ":" +
                                std::to_string(line_no) + ": " + message);
  }

  std::string_view name_;
  Sentence current_;
  std::vector<long> word_lines_;
  std::vector<Sentence> sentences_;
};

void Field(std::ostream& out, const std::string& value) {
  if (value.empty()) {
    out << '_';
  } else {
    out << value;
  }
}

}  // namespace

StatusOr<std::vector<Sentence>> ReadConllu(std::istream& in,
                                           std::string_view name) {
  Reader reader(name);
  std::string line;
  long line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    CG_RETURN_IF_ERROR(reader.Line(line, line_no));
  }
  if (in.bad()) {
    return IoError(std::string(name) + ": read failed");
  }
  CG_RETURN_IF_ERROR(reader.Flush());
  return reader.TakeSentences();
}

void WriteConllu(const Sentence& sentence, std::ostream& out) {
  bool has_text = false;
  for (const std::string& comment : sentence.comments) {
    if (comment.rfind("text = ", 0) == 0) has_text = true;
  }
  if (!has_text && !sentence.text.empty()) {
    out << "# text = " << sentence.text << '\n';
  }
  for (const std::string& comment : sentence.comments) {
    out << "# " << comment << '\n';
  }
  size_t next_token = 0;
  size_t next_node = 0;
  auto write_nodes_after = [&](int index) {
    while (next_node < sentence.empty_nodes.size() &&
           sentence.empty_nodes[next_node].after <= index) {
      out << sentence.empty_nodes[next_node].line << '\n';
      ++next_node;
    }
  };
  write_nodes_after(0);
  for (size_t i = 0; i < sentence.words.size(); ++i) {
    int id = static_cast<int>(i) + 1;
    while (next_token < sentence.multiword_tokens.size() &&
           sentence.multiword_tokens[next_token].first <= id) {
      const MultiwordToken& token = sentence.multiword_tokens[next_token];
      out << token.first << '-' << token.last << '\t';
      Field(out, token.form);
      out << "\t_\t_\t_\t_\t_\t_\t_\t";
      Field(out, token.misc);
      out << '\n';
      ++next_token;
    }
    const Word& word = sentence.words[i];
    out << id << '\t';
    Field(out, word.form);
    out << '\t';
    Field(out, word.lemma);
    out << '\t';
    Field(out, word.upos);
    out << '\t';
    Field(out, word.xpos);
    out << '\t';
    Field(out, word.feats);
    out << '\t';
    if (word.head < 0) {
      out << '_';
    } else {
      out << word.head;
    }
    out << '\t';
    Field(out, word.deprel);
    out << '\t';
    Field(out, word.deps);
    out << '\t';
    Field(out, word.misc);
    out << '\n';
    write_nodes_after(id);
  }
  out << '\n';
}

}  // namespace claimgraph
