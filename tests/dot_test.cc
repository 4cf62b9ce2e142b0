// DOT export: escaping, determinism, --max-nodes, and Graphviz acceptance.

#include "export/dot.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "export/dot_text.h"

namespace claimgraph {
namespace {

using dot_internal::QuoteDot;
using dot_internal::TruncateUtf8;
using dot_internal::ValidUtf8;

constexpr const char* kDot = "/usr/bin/dot";

// A copy of `text` that lives as long as the test binary (nodes and edges
// hold views).
std::string_view Kept(std::string text) {
  static auto* texts = new std::deque<std::string>();
  return texts->emplace_back(std::move(text));
}

GraphNode Node(std::string label, EntityType type, int depth = 1) {
  GraphNode node;
  node.label = Kept(std::move(label));
  node.type = type;
  node.depth = depth;
  return node;
}

GraphEdge Edge(size_t from, size_t to, std::string predicate,
               std::string detail = "", bool dashed = false) {
  GraphEdge edge;
  edge.from = from;
  edge.to = to;
  edge.predicate = Kept(std::move(predicate));
  edge.detail = Kept(std::move(detail));
  edge.attributed_or_disputed = dashed;
  edge.confidence = 0.9;
  edge.sources = {{"Border Monitor", "2025-04-22"},
                  {"Capitol Tech Review", ""}};
  return edge;
}

// Names meant to break a careless exporter.
Subgraph HostileGraph() {
  Subgraph graph;
  graph.nodes = {
      Node("ICE", AGENCY, 0),
      Node("Say \"hi\" \\ to \\N and \\G\\", PERSON),
      Node("two\nlines\r\nand\rmore\ttab", COMPANY),
      Node("<b>bold</b> & &amp; &lt; {x|y} <port>", ORGANIZATION),
      Node("Anzalduas { record | shape }", PROGRAM),
      Node("Ciudad Juárez 中文 😀 \xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a", LOCATION),
      Node("76% of vehicles", STATISTIC),
      Node("bad utf8 \xc3 \xff \xed\xa0\x80 \xc0\xaf end", EVENT),
      Node(std::string("nul\0byte\x01\x7f", 10), DOCUMENT),
      Node("", OTHER),
      Node("\\", ENTITY_TYPE_UNSPECIFIED),
      Node("trailing backslash \\", static_cast<EntityType>(99)),
  };
  graph.edges = {
      Edge(0, 1, "contract", "amount: $30 \"million\" \\ {x}"),
      Edge(1, 2, "say\nit", "line\nbreak", true),
      Edge(2, 3, "<b>", "&amp; & <i>"),
      Edge(3, 4, "found", std::string(200, 'x')),
      Edge(4, 5, "take_place_in", "é" + std::string(100, 'e'), true),
      Edge(5, 6, "capture", "76%"),
      Edge(6, 7, "", ""),
      Edge(7, 8, "\\N\\E\\T\\H\\L", "\\"),
      Edge(8, 9, "x", "\xe2\x82"),
      Edge(9, 10, "y"),
      Edge(10, 11, "z"),
      Edge(11, 11, "self", "loop"),
      Edge(0, 11, "ends in backslash \\", "\\"),
  };
  graph.edges[1].sources = {{"Out\"let \\ <&>", "2025-01-01\n"}};
  graph.edges[2].sources = {};
  return graph;
}

std::string Dot(const Subgraph& graph, const DotOptions& options = {}) {
  StatusOr<std::string> dot = ToDot(graph, options);
  EXPECT_TRUE(dot.ok()) << dot.status().ToString();
  return dot.ok() ? *dot : "";
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

struct GraphvizResult {
  int exit_code = -1;
  std::string stdout_text;
  std::string stderr_text;
};

// Runs `dot -Tsvg` on `dot_text`, capturing both streams.
GraphvizResult RunGraphviz(const std::string& dot_text) {
  char dir_template[] = "/tmp/dot_test_XXXXXX";
  const std::string dir = mkdtemp(dir_template);
  const std::string input = dir + "/in.dot";
  const std::string output = dir + "/out.svg";
  const std::string errors = dir + "/err.txt";
  std::ofstream(input, std::ios::binary) << dot_text;
  const std::string command = std::string(kDot) + " -Tsvg '" + input + "' > '" +
                              output + "' 2> '" + errors + "'";
  const int raw = std::system(command.c_str());
  GraphvizResult result;
  result.exit_code = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  result.stdout_text = ReadFile(output);
  result.stderr_text = ReadFile(errors);
  std::remove(input.c_str());
  std::remove(output.c_str());
  std::remove(errors.c_str());
  rmdir(dir.c_str());
  return result;
}

void ExpectGraphvizAccepts(const std::string& dot_text) {
  if (access(kDot, X_OK) != 0) GTEST_SKIP() << kDot << " is not installed";
  const GraphvizResult result = RunGraphviz(dot_text);
  EXPECT_EQ(result.exit_code, 0) << dot_text;
  EXPECT_EQ(result.stderr_text, "") << dot_text;
  EXPECT_NE(result.stdout_text.find("<svg"), std::string::npos);
}

TEST(DotTextTest, QuoteEscapesDotSpecials) {
  EXPECT_EQ(QuoteDot("plain"), "\"plain\"");
  EXPECT_EQ(QuoteDot("a\"b"), "\"a\\\"b\"");
  EXPECT_EQ(QuoteDot("a\\b"), "\"a\\\\b\"");
  EXPECT_EQ(QuoteDot("\\N"), "\"\\\\N\"");
  EXPECT_EQ(QuoteDot("end\\"), "\"end\\\\\"");
  EXPECT_EQ(QuoteDot("a\nb\r\nc\rd"), "\"a\\nb\\nc\\nd\"");
  EXPECT_EQ(QuoteDot("a\tb\x01"), "\"a b \"");
  EXPECT_EQ(QuoteDot("AT&T &lt;"), "\"AT&amp;T &amp;lt;\"");
  EXPECT_EQ(QuoteDot("<{|}>"), "\"<{|}>\"");
  EXPECT_EQ(QuoteDot("Juárez 😀"), "\"Juárez 😀\"");
}

// The exporter escapes texts piece by piece into one quoted string.
TEST(DotTextTest, EscapingPiecesEqualsQuotingTheirConcatenation) {
  const std::vector<std::string> pieces = {"",
                                           "plain",
                                           "a\"b",
                                           "\\",
                                           "x\n",
                                           "\ny",
                                           "&amp;",
                                           "\t\x01\x7f",
                                           "Ju\xc3\xa1rez",
                                           "\xc3",
                                           "\xa9",
                                           "\xed\xa0\x80",
                                           "\xf0\x9f\x98\x80 ok"};
  for (const std::string& a : pieces) {
    for (const std::string& b : pieces) {
      std::string out = "\"";
      dot_internal::AppendEscapedDot(a, out);
      dot_internal::AppendEscapedDot(b, out);
      out += '"';
      // Pieces are escaped as they are, so compare with the concatenation
      // of valid pieces (the exporter only splits valid text).
      EXPECT_EQ(out, QuoteDot(ValidUtf8(a) + ValidUtf8(b)))
          << "[" << a << "] [" << b << "]";
    }
  }
  // The one exception: CR ending a piece and LF starting the next.
  std::string out;
  dot_internal::AppendEscapedDot("a\r", out);
  dot_internal::AppendEscapedDot("\nb", out);
  EXPECT_EQ(out, "a\\n\\nb");
  EXPECT_EQ(QuoteDot("a\r\nb"), "\"a\\nb\"");
}

TEST(DotTextTest, ValidUtf8ReplacesOnlyInvalidBytes) {
  EXPECT_EQ(ValidUtf8("Juárez 中文 😀"), "Juárez 中文 😀");
  EXPECT_EQ(ValidUtf8("a\xc3"), "a\xEF\xBF\xBD");
  EXPECT_EQ(ValidUtf8("\xc0\xaf"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // Overlong.
  EXPECT_EQ(ValidUtf8("\xed\xa0\x80"),                           // Surrogate.
            "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(ValidUtf8("\xf4\x90\x80\x80x"),  // Above U+10FFFF.
            "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDx");
}

TEST(DotTextTest, TruncateCutsOnCodePointBoundaries) {
  EXPECT_EQ(TruncateUtf8("short", 10), "short");
  EXPECT_EQ(TruncateUtf8("exactly10!", 10), "exactly10!");
  EXPECT_EQ(TruncateUtf8("abcdefghijk", 5), "abcd…");
  EXPECT_EQ(TruncateUtf8("ééééééé", 4), "ééé…");
  EXPECT_EQ(TruncateUtf8("中文中文中文", 3), "中文…");
  EXPECT_EQ(TruncateUtf8("ab cdef", 4), "ab…");  // Trailing space dropped.
  EXPECT_EQ(TruncateUtf8("anything", 0), "anything");
}

TEST(DotTest, UsesSyntheticIdsNotNames) {
  Subgraph graph;
  graph.nodes = {Node("ICE", AGENCY, 0),
                 Node("Palantir Technologies", COMPANY)};
  graph.edges = {Edge(0, 1, "contract", "$30 million")};
  const std::string dot = Dot(graph);
  EXPECT_NE(dot.find("  \"n0\" [label=\"ICE\", shape=\"box\""),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find("  \"n0\" -> \"n1\" [label=\"contract\\n$30 million\""),
            std::string::npos)
      << dot;
  EXPECT_EQ(dot.find("\"ICE\" ->"), std::string::npos);
  EXPECT_NE(dot.find("tooltip=\"Border Monitor, 2025-04-22\\nCapitol Tech "
                     "Review\\nconfidence 0.90\""),
            std::string::npos)
      << dot;
}

TEST(DotTest, ShapesColoursAndLegendFollowTypesPresent) {
  Subgraph graph;
  graph.nodes = {Node("ICE", AGENCY, 0), Node("Peter Thiel", PERSON),
                 Node("76% of vehicles", STATISTIC)};
  graph.edges = {Edge(1, 0, "criticize", "", true), Edge(0, 2, "capture")};
  const std::string dot = Dot(graph);
  EXPECT_NE(dot.find("label=\"Peter Thiel\", shape=\"ellipse\", "
                     "fillcolor=\"#fdae6b\""),
            std::string::npos);
  EXPECT_NE(dot.find("shape=\"note\""), std::string::npos);
  const size_t legend = dot.find("subgraph \"cluster_legend\"");
  ASSERT_NE(legend, std::string::npos);
  const std::string legend_text = dot.substr(legend);
  EXPECT_NE(legend_text.find("label=\"AGENCY\""), std::string::npos);
  EXPECT_NE(legend_text.find("label=\"PERSON\""), std::string::npos);
  EXPECT_NE(legend_text.find("label=\"STATISTIC\""), std::string::npos);
  EXPECT_EQ(legend_text.find("label=\"COMPANY\""), std::string::npos);
  EXPECT_NE(legend_text.find("style=\"dashed\""), std::string::npos);
  // Exactly one real dashed edge plus the legend's sample.
  EXPECT_NE(dot.find("\"n1\" -> \"n0\" [label=\"criticize\", tooltip="),
            std::string::npos);
  EXPECT_EQ(dot.find("\"n0\" -> \"n2\" [label=\"capture\", tooltip=\"Border "
                     "Monitor, 2025-04-22\\nCapitol Tech Review\\nconfidence "
                     "0.90\", style"),
            std::string::npos);
}

TEST(DotTest, NoDashedSampleWithoutDashedEdges) {
  Subgraph graph;
  graph.nodes = {Node("a", AGENCY, 0), Node("b", AGENCY)};
  graph.edges = {Edge(0, 1, "p")};
  EXPECT_EQ(Dot(graph).find("dashed"), std::string::npos);
}

TEST(DotTest, OutputIsByteIdentical) {
  const Subgraph graph = HostileGraph();
  DotOptions options;
  options.title = "ICE, depth 2";
  EXPECT_EQ(Dot(graph, options), Dot(graph, options));
  options.max_nodes = 5;
  EXPECT_EQ(Dot(graph, options), Dot(graph, options));
}

TEST(DotTest, HostileNamesStayInsideQuotedStrings) {
  const std::string dot = Dot(HostileGraph());
  EXPECT_NE(dot.find("\"Say \\\"hi\\\" \\\\ to \\\\N and \\\\G\\\\\""),
            std::string::npos);
  EXPECT_NE(dot.find("\"two\\nlines\\nand\\nmore tab\""), std::string::npos);
  EXPECT_NE(dot.find("\"<b>bold</b> &amp; &amp;amp; &amp;lt; {x|y} <port>\""),
            std::string::npos);
  EXPECT_EQ(dot.find("record\""), std::string::npos);  // No record shapes.
  EXPECT_EQ(dot.find("=<"), std::string::npos);        // No HTML labels.
  EXPECT_EQ(dot.find('\r'), std::string::npos);
  EXPECT_EQ(dot.find('\t'), std::string::npos);
  EXPECT_EQ(dot.find('\0'), std::string::npos);
  EXPECT_EQ(ValidUtf8(dot), dot);
  // Only the statement separators are raw newlines.
  std::istringstream lines(dot);
  std::string line;
  while (std::getline(lines, line)) {
    EXPECT_TRUE(line == "}" || line.rfind("  ", 0) == 0 ||
                line.rfind("digraph ", 0) == 0)
        << line;
  }
}

TEST(DotTest, EdgeDetailIsCut) {
  Subgraph graph;
  graph.nodes = {Node("a", AGENCY, 0), Node("b", PROGRAM)};
  graph.edges = {Edge(0, 1, "take_place_in", "é" + std::string(100, 'e'))};
  DotOptions options;
  options.max_detail_chars = 6;
  EXPECT_NE(Dot(graph, options).find("label=\"take_place_in\\néeeee…\""),
            std::string::npos);
}

TEST(DotTest, MaxNodesKeepsFirstNodesAndNotesTheCut) {
  Subgraph graph;
  for (int i = 0; i < 40; ++i) {
    graph.nodes.push_back(
        Node("node " + std::to_string(i), AGENCY, i == 0 ? 0 : 1));
  }
  // 11 edges among the first 12 nodes, 51 touching the other 28.
  for (size_t i = 1; i < 12; ++i) graph.edges.push_back(Edge(0, i, "p"));
  for (size_t i = 12; i < 40; ++i) {
    graph.edges.push_back(Edge(0, i, "p"));
    graph.edges.push_back(Edge(i, 1, "q"));
  }
  graph.edges.push_back(Edge(39, 38, "r"));
  graph.edges.push_back(Edge(12, 13, "r"));
  graph.edges.push_back(Edge(13, 14, "r"));
  ASSERT_EQ(graph.edges.size(), 11u + 56u + 3u);
  // 56 + 3 = 59 cut edges; trim to match the example numbers.
  graph.edges.resize(11 + 51);

  const std::string note = TruncationNote(graph, 12);
  EXPECT_EQ(note,
            "12 of 40 nodes shown; 28 nodes and 51 edges cut by "
            "--max-nodes=12");
  DotOptions options;
  options.max_nodes = 12;
  options.title = "ICE";
  const std::string dot = Dot(graph, options);
  EXPECT_NE(dot.find("label=\"ICE\\n" + note + "\""), std::string::npos) << dot;
  EXPECT_NE(dot.find("\"n11\" ["), std::string::npos);
  EXPECT_EQ(dot.find("\"n12\""), std::string::npos);
  size_t arrows = 0;
  for (size_t at = dot.find(" -> "); at != std::string::npos;
       at = dot.find(" -> ", at + 1)) {
    ++arrows;
  }
  EXPECT_EQ(arrows, 11u);
  ExpectGraphvizAccepts(dot);
}

TEST(DotTest, NoNoteWhenNothingIsCut) {
  Subgraph graph;
  graph.nodes = {Node("a", AGENCY, 0), Node("b", AGENCY)};
  EXPECT_EQ(TruncationNote(graph, 0), "");
  EXPECT_EQ(TruncationNote(graph, 2), "");
  EXPECT_EQ(TruncationNote(graph, 5), "");
  EXPECT_EQ(TruncationNote(graph, 1),
            "1 of 2 nodes shown; 1 node and 0 edges cut by --max-nodes=1");
  EXPECT_EQ(Dot(graph).find("labelloc"), std::string::npos);
}

TEST(DotTest, RejectsEdgeOutOfRange) {
  Subgraph graph;
  graph.nodes = {Node("a", AGENCY, 0)};
  graph.edges = {Edge(0, 3, "p")};
  graph.edges[0].claim_id = 17;
  StatusOr<std::string> dot = ToDot(graph, {});
  ASSERT_FALSE(dot.ok());
  EXPECT_EQ(dot.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(dot.status().message().find("claim 17"), std::string::npos);
}

TEST(DotGraphvizTest, AcceptsHostileExportWithoutWarnings) {
  DotOptions options;
  options.title = "Title with \"quotes\" \\ and\nnewline <&{";
  ExpectGraphvizAccepts(Dot(HostileGraph(), options));
}

TEST(DotGraphvizTest, AcceptsTruncatedHostileExportWithoutWarnings) {
  DotOptions options;
  options.max_nodes = 4;
  ExpectGraphvizAccepts(Dot(HostileGraph(), options));
}

TEST(DotGraphvizTest, AcceptsEmptyGraph) {
  ExpectGraphvizAccepts(Dot(Subgraph{}));
}

TEST(DotGraphvizTest, RendersLabelsLiterally) {
  if (access(kDot, X_OK) != 0) GTEST_SKIP() << kDot << " is not installed";
  Subgraph graph;
  graph.nodes = {Node("A&B \\N <x>", AGENCY, 0), Node("&lt;", PERSON)};
  const GraphvizResult result = RunGraphviz(Dot(graph));
  ASSERT_EQ(result.exit_code, 0);
  // SVG escapes & and <; the text is what the data said, not "\N" expanded.
  EXPECT_NE(result.stdout_text.find(">A&amp;B \\N &lt;x&gt;</text>"),
            std::string::npos)
      << result.stdout_text;
  EXPECT_NE(result.stdout_text.find(">&amp;lt;</text>"), std::string::npos)
      << result.stdout_text;
}

// Random dense graphs with random hostile labels, parallel edges and loops.
TEST(DotGraphvizTest, AcceptsRandomHostileGraphs) {
  const std::string pieces[] = {
      "\"", "\\",  "\n",    "<", ">", "&", "{",    "}",  "|", "é", "中",
      "😀",  "\\N", "&amp;", " ", "a", "Z", "\xc3", "\r", "%", ";", "]"};
  std::mt19937 random(20250418);  // Fixed seed: deterministic.
  auto text = [&](int max_pieces) {
    std::string out;
    const int n = static_cast<int>(random() % (max_pieces + 1));
    for (int i = 0; i < n; ++i) out += pieces[random() % std::size(pieces)];
    return out;
  };
  for (int round = 0; round < 5; ++round) {
    Subgraph graph;
    const size_t nodes = 5 + random() % 20;
    for (size_t i = 0; i < nodes; ++i) {
      graph.nodes.push_back(Node(
          text(12), static_cast<EntityType>(random() % 11), i == 0 ? 0 : 1));
    }
    const size_t edges = nodes + random() % (2 * nodes);
    for (size_t i = 0; i < edges; ++i) {
      graph.edges.push_back(Edge(random() % nodes, random() % nodes, text(4),
                                 text(8), random() % 3 == 0));
    }
    DotOptions options;
    options.title = text(6);
    options.max_nodes = round % 2 == 0 ? 0 : nodes / 2;
    ExpectGraphvizAccepts(Dot(graph, options));
  }
}

}  // namespace
}  // namespace claimgraph
