#include "extract/extract.h"

#include <sstream>

#include "extract/builder.h"
#include "extract/mentions.h"
#include "extract/parse_repair.h"
#include "recognize/recognize.h"
#include "text/conllu.h"
#include "text/tokenizer.h"

namespace claimgraph {
namespace {

long CodePoints(std::string_view s) {
  long n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The short form of an acronym mention: what is left of its text once the
// long form, brackets and linking words are removed.
std::string ShortForm(const Mention& m) {
  std::string rest = m.text;
  size_t at = rest.find(m.long_form);
  if (at != std::string::npos) rest.erase(at, m.long_form.size());
  std::string out;
  std::istringstream words(rest);
  for (std::string w; words >> w;) {
    std::string clean;
    for (char c : w) {
      if (std::isalnum(static_cast<unsigned char>(c)) || c == '&' || c == '-' ||
          static_cast<unsigned char>(c) >= 0x80) {
        clean += c;
      }
    }
    if (clean.empty() || clean == "or" || clean == "known" || clean == "as" ||
        clean == "the") {
      continue;
    }
    out += (out.empty() ? "" : " ") + clean;
  }
  return out;
}

// Drops a dateline ("WASHINGTON —", "McALLEN, Texas —") from the words of a
// sentence before parsing, so that the place is not taken for a subject.
// The sentence's text (the evidence) keeps it. In a story's first sentence
// a capitalised place before a dash is a dateline too ("Chicago —").
void StripDateline(Sentence* sentence, bool first_of_story) {
  auto& words = sentence->words;
  if (words.empty()) return;
  const std::string& first = words[0].form;
  int upper = 0;
  for (char c : first)
    upper += std::isupper(static_cast<unsigned char>(c)) ? 1 : 0;
  if (upper < (first_of_story ? 1 : 2)) return;
  for (size_t i = 1; i < words.size() && i <= 5; ++i) {
    const std::string& f = words[i].form;
    if (f == "\u2014" || f == "\u2013" || f == "--" || f == "-") {
      if (i + 1 >= words.size()) return;
      int cut = static_cast<int>(i) + 1;
      words.erase(words.begin(), words.begin() + cut);
      auto& tokens = sentence->multiword_tokens;
      std::erase_if(tokens,
                    [&](const MultiwordToken& t) { return t.first <= cut; });
      for (MultiwordToken& t : tokens) {
        t.first -= cut;
        t.last -= cut;
      }
      return;
    }
    bool capitalised =
        std::isupper(static_cast<unsigned char>(f[0])) || f == "," || f == ".";
    if (!capitalised) return;
  }
}

}  // namespace

// A line without closing punctuation is a headline, a caption or page
// furniture ("Justice Department sues Chicago over sanctuary ordinance"),
// not reporting: it states no claim of the story.
bool IsHeadline(const Sentence& sentence) {
  std::string_view text = sentence.text;
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  if (text.empty()) return true;
  for (std::string_view end :
       {".", "!", "?", "\"", "'", ")", ":", ";", "\u201d", "\u2019"}) {
    if (text.size() >= end.size() &&
        text.substr(text.size() - end.size()) == end) {
      return false;
    }
  }
  return true;
}

// "JENA, La." split from "— U.S. Immigration and Customs Enforcement has
// ...": a short capitalised fragment before a sentence that opens with a
// dash is a dateline.
bool IsDatelineFragment(const Sentence& sentence, const Sentence* next) {
  if (next == nullptr || next->words.empty() || sentence.words.size() > 5)
    return false;
  const std::string& dash = next->words[0].form;
  if (dash != "\u2014" && dash != "\u2013" && dash != "--") return false;
  for (const Word& w : sentence.words) {
    bool capitalised = std::isupper(static_cast<unsigned char>(w.form[0]));
    if (!capitalised && w.form != "," && w.form != ".") return false;
  }
  return true;
}

ClaimExtractor::ClaimExtractor(std::unique_ptr<Pipeline> pipeline,
                               Lexicon lexicon)
    : pipeline_(std::move(pipeline)), lexicon_(std::move(lexicon)) {}

StatusOr<std::unique_ptr<ClaimExtractor>> ClaimExtractor::Load(
    const std::string& model_dir, const std::string& lexicon_dir) {
  CG_ASSIGN_OR_RETURN(std::unique_ptr<Pipeline> pipeline,
                      Pipeline::Load(model_dir));
  CG_ASSIGN_OR_RETURN(Lexicon lexicon, Lexicon::Load(lexicon_dir));
  return std::make_unique<ClaimExtractor>(std::move(pipeline),
                                          std::move(lexicon));
}

StatusOr<std::vector<ExtractedClaim>> ClaimExtractor::Extract(
    const Article& article) const {
  RecognizeOptions recognize_options;
  if (!article.source.published().empty()) {
    StatusOr<Date> date =
        ParseIsoDate(article.source.published().substr(0, 10));
    if (date.ok()) recognize_options.reference_date = *date;
  }
  DocumentMemory memory(&lexicon_);
  std::vector<ExtractedClaim> out;
  long base = 0;  // Offset of the story in the article's text.
  for (const Story& story : article.stories) {
    CG_ASSIGN_OR_RETURN(std::vector<Mention> mentions,
                        Recognize(story.text, recognize_options));
    for (const Mention& m : mentions) {
      if (m.type == MentionType::kAcronym && !m.long_form.empty()) {
        std::string short_form = ShortForm(m);
        if (!short_form.empty()) memory.AddAcronym(short_form, m.long_form);
      }
    }
    CG_ASSIGN_OR_RETURN(std::vector<Sentence> sentences, Tokenize(story.text));
    bool first = true;  // The story's first sentence of reporting.
    for (size_t i = 0; i < sentences.size(); ++i) {
      Sentence& sentence = sentences[i];
      const Sentence* next =
          i + 1 < sentences.size() ? &sentences[i + 1] : nullptr;
      if (IsHeadline(sentence) || IsDatelineFragment(sentence, next)) continue;
      StripDateline(&sentence, first);
      first = false;
      if (sentence.words.empty()) continue;
      CG_RETURN_IF_ERROR(pipeline_->Annotate(&sentence));
      RepairAttachments(&sentence);
      RepairNounRoot(&sentence);
      RepairTrailingReport(&sentence);
      SentenceClaims builder(sentence, mentions, &memory, article.source, base);
      for (ExtractedClaim& claim : builder.Build()) {
        std::ostringstream parse;
        WriteConllu(sentence, parse);
        claim.parse = parse.str();
        out.push_back(std::move(claim));
      }
    }
    base += CodePoints(story.text) + 2;  // Stories are joined by "\n\n".
  }
  return out;
}

}  // namespace claimgraph
