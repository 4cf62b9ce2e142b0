#include "extract/article.h"

#include <gtest/gtest.h>

namespace claimgraph {
namespace {

TEST(ArticleTest, FrontMatterAndStories) {
  std::string text =
      "---\ntitle: ICE hires Palantir\noutlet: Capitol Tech Review\n"
      "url: https://example.org/a\npublished: 2025-04-18\nmood: sunny\n---\n\n"
      "First story, first paragraph.\n\nSecond paragraph.\n\n* * *\n\n"
      "Second story.\n";
  StatusOr<Article> a =
      ParseArticle(text, "a.txt", ArticleKind::kText, Source());
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->source.title(), "ICE hires Palantir");
  EXPECT_EQ(a->source.outlet(), "Capitol Tech Review");
  EXPECT_EQ(a->source.published(), "2025-04-18");
  EXPECT_EQ(a->source.document_id(), "https://example.org/a");
  ASSERT_EQ(a->stories.size(), 2u);
  EXPECT_EQ(a->stories[0].text,
            "First story, first paragraph.\n\nSecond paragraph.");
  EXPECT_EQ(a->stories[1].text, "Second story.");
  ASSERT_EQ(a->warnings.size(), 1u);
  EXPECT_NE(a->warnings[0].find("mood"), std::string::npos);
}

TEST(ArticleTest, FlagsOverrideFrontMatter) {
  Source flags;
  flags.set_outlet("Wired");
  StatusOr<Article> a = ParseArticle("---\noutlet: Other\n---\nText.", "b.txt",
                                     ArticleKind::kText, flags);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->source.outlet(), "Wired");
  EXPECT_EQ(a->source.document_id(), "b.txt");
}

TEST(ArticleTest, HtmlKeepsArticlesDropsDebris) {
  std::string html =
      "<html><head><title>Page title</title>"
      "<meta name=\"author\" content=\"Rosa V\">"
      "<meta property=\"og:site_name\" content=\"Valley Ledger\">"
      "<link rel=\"canonical\" href=\"https://example.com/x\">"
      "<script>var a = '<p>not text</p>';</script></head><body>"
      "<nav>Home | World</nav><article><h1>Headline</h1>"
      "<p>CBP spent &#36;1.2 million &amp; more.</p><p>It&rsquo;s done.</p>"
      "</article><aside>Related Articles</aside><article><p>Second story.</p>"
      "</article><footer>Comments</footer></body></html>";
  StatusOr<Article> a =
      ParseArticle(html, "c.html", ArticleKind::kHtml, Source());
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->source.author(), "Rosa V");
  EXPECT_EQ(a->source.outlet(), "Valley Ledger");
  EXPECT_EQ(a->source.url(), "https://example.com/x");
  EXPECT_EQ(a->source.title(), "Page title");
  ASSERT_EQ(a->stories.size(), 2u);
  EXPECT_EQ(a->stories[0].text,
            "Headline\n\nCBP spent $1.2 million & more.\n\nIt\u2019s done.");
  EXPECT_EQ(a->stories[1].text, "Second story.");
}

TEST(ArticleTest, MarkdownMarkupIsRemoved) {
  StatusOr<Article> a = ParseArticle(
      "# A **bold** headline\n\nRead [the report](https://example.org/r) "
      "from *DHS*.\n\n- a list item\n",
      "d.md", ArticleKind::kMarkdown, Source());
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a->stories.size(), 1u);
  EXPECT_EQ(a->stories[0].title, "A bold headline");
  EXPECT_EQ(a->stories[0].text,
            "A bold headline\n\nRead the report from DHS.\n\na list item");
}

TEST(ArticleTest, BinaryAndInvalidUtf8AreRefused) {
  std::string binary("abc\0def", 7);
  StatusOr<Article> a =
      ParseArticle(binary, "e.txt", ArticleKind::kText, Source());
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.status().message().find("binary"), std::string::npos);
  StatusOr<Article> b =
      ParseArticle("ok \xff bad", "f.txt", ArticleKind::kText, Source());
  ASSERT_FALSE(b.ok());
  EXPECT_NE(b.status().message().find("byte 3"), std::string::npos);
}

TEST(ArticleTest, KindByExtension) {
  EXPECT_TRUE(IsArticlePath("x/y.HTML"));
  EXPECT_TRUE(IsArticlePath("y.md"));
  EXPECT_FALSE(IsArticlePath("y.jsonl"));
}

}  // namespace
}  // namespace claimgraph
