#include "gold_check.h"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "base/ascii.h"
#include "gold_match.h"
#include "load/load.h"
#include "model/claim.h"
#include "model/names.h"

namespace claimgraph {
namespace {

std::string Trim(const std::string& text) {
  size_t begin = text.find_first_not_of(" \t\r");
  if (begin == std::string::npos) return "";
  size_t end = text.find_last_not_of(" \t\r");
  return text.substr(begin, end - begin + 1);
}

std::map<std::string, std::string> FrontMatter(const std::string& text) {
  std::map<std::string, std::string> fields;
  std::istringstream in(text);
  std::string line;
  if (!std::getline(in, line) || Trim(line) != "---") return fields;
  while (std::getline(in, line) && Trim(line) != "---") {
    size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    fields[Trim(line.substr(0, colon))] = Trim(line.substr(colon + 1));
  }
  return fields;
}

std::map<std::string, std::string> MetaTags(const std::string& text) {
  static const std::map<std::string, std::string> kNames = {
      {"og:title", "title"},
      {"og:site_name", "outlet"},
      {"author", "author"},
      {"og:url", "url"},
      {"article:published_time", "published"}};
  static const std::regex kMeta(
      R"re(<meta\s+(?:name|property)="([^"]+)"\s+content="([^"]*)")re",
      std::regex::icase);
  std::map<std::string, std::string> fields;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kMeta);
       it != std::sregex_iterator(); ++it) {
    auto name = kNames.find((*it)[1].str());
    if (name == kNames.end() || fields.count(name->second)) continue;
    std::string value = (*it)[2].str();
    if (name->second == "published") value = value.substr(0, 10);
    fields[name->second] = value;
  }
  return fields;
}

bool IsTimex(const std::string& value) {
  static const std::regex kTimex(
      R"(\d{4}(-(\d{2}(-\d{2})?|W\d{2}|Q[1-4]))?)"
      R"((/\d{4}(-(\d{2}(-\d{2})?|W\d{2}|Q[1-4]))?)?)");
  return std::regex_match(value, kTimex);
}

void CheckEntity(const Entity& entity, const std::string& field,
                 std::vector<std::string>* problems) {
  if (CollapseSpaces(entity.name()).empty()) {
    problems->push_back(field + " has no name");
  }
  if (entity.type() == ENTITY_TYPE_UNSPECIFIED) {
    problems->push_back(field + " \"" + entity.name() + "\" has no type");
  }
}

void CheckSource(const Source& source,
                 const std::map<std::string, std::string>& metadata,
                 std::vector<std::string>* problems) {
  for (const auto& [key, value] :
       {std::pair{"url", source.url()}, std::pair{"outlet", source.outlet()},
        std::pair{"published", source.published()}}) {
    auto it = metadata.find(key);
    if (it == metadata.end()) {
      problems->push_back(std::string("the article has no ") + key);
    } else if (it->second != value) {
      problems->push_back(std::string("evidence source ") + key + " \"" +
                          value + "\" differs from the article's \"" +
                          it->second + "\"");
    }
  }
}

std::string DecodeEntities(const std::string& text) {
  static const std::vector<std::pair<std::string, std::string>> kEntities = {
      {"&amp;", "&"},   {"&lt;", "<"},     {"&gt;", ">"},    {"&quot;", "\""},
      {"&#39;", "'"},   {"&apos;", "'"},   {"&nbsp;", " "},  {"&mdash;", "—"},
      {"&ndash;", "–"}, {"&rsquo;", "’"},  {"&lsquo;", "‘"}, {"&ldquo;", "“"},
      {"&rdquo;", "”"}, {"&hellip;", "…"}, {"&copy;", "©"}};
  std::string out;
  for (size_t i = 0; i < text.size();) {
    bool replaced = false;
    if (text[i] == '&') {
      for (const auto& [entity, value] : kEntities) {
        if (text.compare(i, entity.size(), entity) == 0) {
          out += value;
          i += entity.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += text[i++];
  }
  return out;
}

// Drops tags, and scripts and styles with their content.
std::string StripTags(const std::string& html) {
  std::string lower = AsciiLower(html);
  std::string out;
  size_t i = 0;
  while (i < html.size()) {
    if (html[i] != '<') {
      size_t next = html.find('<', i);
      if (next == std::string::npos) next = html.size();
      out.append(html, i, next - i);
      i = next;
      continue;
    }
    for (const char* element : {"script", "style"}) {
      std::string open = std::string("<") + element;
      if (lower.compare(i, open.size(), open) == 0) {
        size_t close = lower.find(std::string("</") + element, i);
        i = close == std::string::npos ? html.size() : close;
      }
    }
    size_t end = html.find('>', i);
    i = end == std::string::npos ? html.size() : end + 1;
  }
  return DecodeEntities(out);
}

}  // namespace

std::string ArticlePlainText(const std::string& path, const std::string& text) {
  auto ends_with = [&](const std::string& suffix) {
    return path.size() >= suffix.size() &&
           path.compare(path.size() - suffix.size(), suffix.size(), suffix) ==
               0;
  };
  if (ends_with(".md")) {
    static const std::regex kLink(R"re(!?\[([^\]]*)\]\([^)]*\))re");
    static const std::regex kStrong(R"re(\*\*|__)re");
    static const std::regex kEmphasis(R"re((^|[^\w*])\*([^*\s][^*\n]*?)\*)re");
    std::string plain = std::regex_replace(text, kLink, "$1");
    plain = std::regex_replace(plain, kStrong, "");
    return std::regex_replace(plain, kEmphasis, "$1$2");
  }
  if (ends_with(".html") || ends_with(".htm")) return StripTags(text);
  return text;
}

std::map<std::string, std::string> ReadArticleMetadata(
    const std::string& text) {
  std::map<std::string, std::string> fields = FrontMatter(text);
  if (fields.empty()) fields = MetaTags(text);
  return fields;
}

StatusOr<std::string> ArticleFor(const std::string& gold_path) {
  const std::string suffix = ".gold.jsonl";
  if (gold_path.size() <= suffix.size() ||
      gold_path.compare(gold_path.size() - suffix.size(), suffix.size(),
                        suffix) != 0) {
    return InvalidArgumentError(gold_path + ": a gold file ends in " + suffix);
  }
  std::string stem = gold_path.substr(0, gold_path.size() - suffix.size());
  std::vector<std::string> found;
  for (const char* ext : {".txt", ".md", ".html"}) {
    if (std::filesystem::exists(stem + ext)) found.push_back(stem + ext);
  }
  if (found.empty()) {
    return NotFoundError(gold_path + ": no article " + stem +
                         ".{txt,md,html} beside it");
  }
  if (found.size() > 1) {
    return InvalidArgumentError(gold_path + ": several articles named " + stem +
                                ".*");
  }
  return found[0];
}

std::vector<std::string> CheckGoldClaim(
    const Claim& claim, const std::string& article_text,
    const std::map<std::string, std::string>& metadata,
    const std::set<std::string>& predicates) {
  std::vector<std::string> problems;
  Status valid = ValidateClaim(claim);
  if (!valid.ok()) problems.push_back(valid.message());
  CheckEntity(claim.subject(), "subject", &problems);
  if (claim.has_object()) CheckEntity(claim.object(), "object", &problems);
  if (claim.has_value() && claim.value().text().empty()) {
    problems.push_back("value has no text");
  }
  if (!predicates.empty() && !predicates.count(claim.predicate())) {
    problems.push_back("predicate \"" + claim.predicate() +
                       "\" is not a canonical predicate of predicates.tsv");
  }
  for (const Qualifier& q : claim.qualifiers()) {
    if (q.key() == "time" && !IsTimex(q.value())) {
      problems.push_back("time qualifier \"" + q.value() +
                         "\" is not YYYY[-MM[-DD]] (or -Www, -Qn, A/B)");
    }
  }
  const Attribution& a = claim.attribution();
  bool attributed = a.stance() != STANCE_UNSPECIFIED && a.stance() != ASSERTED;
  if (attributed && a.speaker().name().empty() && a.cue().empty()) {
    problems.push_back("an attributed claim needs a speaker or a cue");
  }
  if (a.has_speaker()) CheckEntity(a.speaker(), "speaker", &problems);
  if (claim.evidence().empty()) problems.push_back("no evidence");
  for (const Evidence& e : claim.evidence()) {
    if (e.sentence().empty()) {
      problems.push_back("evidence without a sentence");
    } else if (article_text.find(e.sentence()) == std::string::npos) {
      problems.push_back("sentence not found verbatim in the article: \"" +
                         e.sentence() + "\"");
    }
    CheckSource(e.source(), metadata, &problems);
  }
  return problems;
}

StatusOr<int> CheckGoldFile(const std::string& gold_path,
                            const std::set<std::string>& predicates,
                            std::vector<std::string>* problems) {
  std::ifstream gold_in(gold_path, std::ios::binary);
  if (!gold_in) return NotFoundError("cannot open " + gold_path);
  CG_ASSIGN_OR_RETURN(ReadResult gold, ReadJsonl(gold_in, gold_path, {}));
  CG_ASSIGN_OR_RETURN(std::string article, ArticleFor(gold_path));
  std::ifstream in(article, std::ios::binary);
  if (!in) return NotFoundError("cannot open " + article);
  std::stringstream raw;
  raw << in.rdbuf();
  std::map<std::string, std::string> metadata = ReadArticleMetadata(raw.str());
  std::string text = ArticlePlainText(article, raw.str());
  std::set<std::string> seen;
  for (const LocatedClaim& located : gold.claims) {
    const Claim& claim = located.claim;
    std::vector<std::string> found =
        CheckGoldClaim(claim, text, metadata, predicates);
    std::string key =
        DescribeClaim(claim) + "|" +
        (claim.evidence().empty() ? "" : claim.evidence(0).sentence());
    if (!seen.insert(key).second) found.push_back("duplicate claim");
    for (const std::string& problem : found) {
      problems->push_back(located.where + ": " + problem);
    }
  }
  return static_cast<int>(gold.claims.size());
}

StatusOr<std::set<std::string>> ReadCanonicalPredicates(
    const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError("cannot open " + path);
  std::set<std::string> predicates;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    size_t tab = line.find('\t');
    if (tab == std::string::npos) {
      return InvalidArgumentError(path + ": expected a tab in \"" + line +
                                  "\"");
    }
    size_t end = line.find('\t', tab + 1);
    predicates.insert(
        Trim(line.substr(tab + 1, end == std::string::npos ? std::string::npos
                                                           : end - tab - 1)));
  }
  return predicates;
}

}  // namespace claimgraph
