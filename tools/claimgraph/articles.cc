#include "claimgraph/articles.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>

#include "extract/lexicon.h"
#include "text/pipeline.h"

namespace claimgraph::cli {

void AddArticleFlags(CLI::App& app, ArticleFlags* flags) {
  app.add_option("--outlet", flags->outlet, "Outlet of the articles");
  app.add_option(
      "--published", flags->published,
      "Publication date YYYY-MM-DD (relative dates resolve against it)");
  app.add_option("--url", flags->url, "URL of the article");
  app.add_option("--title", flags->title, "Title of the article");
  app.add_option("--author", flags->author, "Author of the article");
  app.add_option("--models", flags->models,
                 "Model directory (default data/models)");
  app.add_option("--lexicons", flags->lexicons,
                 "Lexicon directory (default data/lexicons)");
}

StatusOr<std::unique_ptr<ClaimExtractor>> LoadExtractor(
    const ArticleFlags& flags) {
  return ClaimExtractor::Load(
      flags.models.empty() ? DefaultModelDir() : flags.models,
      flags.lexicons.empty() ? DefaultLexiconDir() : flags.lexicons);
}

StatusOr<Article> ReadArticleWithFlags(const std::string& path,
                                       const ArticleFlags& flags) {
  Source overrides;
  overrides.set_outlet(flags.outlet);
  overrides.set_published(flags.published);
  overrides.set_url(flags.url);
  overrides.set_title(flags.title);
  overrides.set_author(flags.author);
  if (!flags.published.empty()) {
    // Checked here so that a typo is an error, not a silently wrong date.
    if (flags.published.size() != 10 || flags.published[4] != '-' ||
        flags.published[7] != '-') {
      return InvalidArgumentError("--published: expected YYYY-MM-DD, got \"" +
                                  flags.published + "\"");
    }
  }
  CG_ASSIGN_OR_RETURN(Article article, ReadArticle(path, overrides));
  for (const std::string& w : article.warnings) {
    std::cerr << "claimgraph: warning: " << w << "\n";
  }
  if (article.source.published().empty()) {
    std::error_code ec;
    auto mtime = std::filesystem::last_write_time(path, ec);
    if (!ec) {
      auto sys =
          std::chrono::time_point_cast<std::chrono::system_clock::duration>(
              std::chrono::file_clock::to_sys(mtime));
      std::time_t t = std::chrono::system_clock::to_time_t(sys);
      std::tm tm{};
      gmtime_r(&t, &tm);
      char buf[16];
      std::strftime(buf, sizeof(buf), "%Y-%m-%d", &tm);
      article.source.set_published(buf);
      std::cerr << "claimgraph: warning: " << path
                << ": no publication date; relative dates resolve against the "
                   "file's date, "
                << buf << "\n";
    }
  }
  return article;
}

std::vector<std::string> ExpandInputs(const std::vector<std::string>& paths,
                                      bool with_claim_files) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> inside;
    for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
      std::string p = entry.path().string();
      std::string ext = entry.path().extension().string();
      bool claim_file = ext == ".jsonl" || ext == ".tsv";
      std::string stem = entry.path().stem().string();
      for (char& c : stem) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      }
      // Gold claims beside articles, and a folder's own documentation.
      if (p.find(".gold.") != std::string::npos || stem == "README") continue;
      if ((with_claim_files && claim_file) || IsArticlePath(p))
        inside.push_back(p);
    }
    std::sort(inside.begin(), inside.end());
    files.insert(files.end(), inside.begin(), inside.end());
  }
  return files;
}

}  // namespace claimgraph::cli
