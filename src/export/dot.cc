#include "export/dot.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <string>
#include <string_view>

#include "export/dot_style.h"
#include "export/dot_text.h"

namespace claimgraph {
namespace {

using dot_internal::AppendEscapedDot;
using dot_internal::LegendType;
using dot_internal::NodeStyle;
using dot_internal::QuoteDot;
using dot_internal::StyleFor;
using dot_internal::TruncateUtf8;
using dot_internal::ValidUtf8;

constexpr std::string_view kFont = "Helvetica";

std::string Quote(std::string_view text) { return QuoteDot(text); }

std::string Count(size_t n, std::string_view noun) {
  std::string out = std::to_string(n) + " " + std::string(noun);
  if (n != 1) out += "s";
  return out;
}

std::string FormatConfidence(double confidence) {
  std::array<char, 32> buffer;
  auto [end, error] =
      std::to_chars(buffer.data(), buffer.data() + buffer.size(), confidence,
                    std::chars_format::fixed, 2);
  if (error != std::errc()) return "?";
  return std::string(buffer.data(), end);
}

// Line breaks and tabs in a one-line text become spaces.
std::string OneLine(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return out;
}

Status CheckEdges(const Subgraph& graph) {
  const size_t n = graph.nodes.size();
  for (size_t i = 0; i < graph.edges.size(); ++i) {
    const GraphEdge& edge = graph.edges[i];
    if (edge.from >= n || edge.to >= n) {
      return InvalidArgumentError(
          "edge " + std::to_string(i) + " (claim " +
          std::to_string(edge.claim_id) + ") refers to node " +
          std::to_string(edge.from >= n ? edge.from : edge.to) + " of " +
          std::to_string(n));
    }
  }
  return OkStatus();
}

void WriteHeader(const DotOptions& options, std::string_view note,
                 std::string& out) {
  out += "digraph \"claimgraph\" {\n";
  out += "  graph [rankdir=\"LR\", fontname=\"" + std::string(kFont) + "\"";
  std::string label = options.title;
  if (!note.empty()) label += (label.empty() ? "" : "\n") + std::string(note);
  if (!label.empty()) out += ", labelloc=\"t\", label=" + Quote(label);
  out += "];\n";
  out += "  node [fontname=\"" + std::string(kFont) +
         "\", fontsize=\"12\", style=\"filled\"];\n";
  out += "  edge [fontname=\"" + std::string(kFont) + "\", fontsize=\"10\"];\n";
}

void AppendNodeId(size_t index, std::string& out) {
  out += "\"n";
  out += std::to_string(index);
  out += '"';
}

void WriteNode(size_t index, const GraphNode& node, const DotOptions& options,
               std::string& out) {
  const NodeStyle style = StyleFor(node.type);
  const std::string name = ValidUtf8(node.label);
  out += "  ";
  AppendNodeId(index, out);
  out += " [label=\"";
  AppendEscapedDot(TruncateUtf8(name, options.max_label_chars), out);
  out += "\", shape=\"";
  out += style.shape;
  out += "\", fillcolor=\"";
  out += style.fill;
  // The tooltip, "name (TYPE)", escaped piece by piece (name is valid
  // UTF-8 and the pieces after it start with a space).
  out += "\", tooltip=\"";
  AppendEscapedDot(name, out);
  out += " (";
  AppendEscapedDot(style.type_name, out);
  out += ")\"";
  if (node.depth == 0) out += ", penwidth=\"2\"";
  out += "];\n";
}

// Appends the escaped label: the predicate, then the detail on a line of
// its own (both on one line each, so no CR ends a piece).
void AppendEdgeLabel(const GraphEdge& edge, const DotOptions& options,
                     std::string& out) {
  AppendEscapedDot(OneLine(ValidUtf8(edge.predicate)), out);
  const std::string detail =
      TruncateUtf8(OneLine(ValidUtf8(edge.detail)), options.max_detail_chars);
  if (!detail.empty()) {
    out += "\\n";
    AppendEscapedDot(detail, out);
  }
}

// Appends the escaped tooltip: one line per source, "Outlet, 2025-04-18",
// then the confidence.
void AppendEdgeTooltip(const GraphEdge& edge, std::string& out) {
  for (const EdgeSource& source : edge.sources) {
    if (source.outlet.empty()) {
      out += "unknown outlet";
    } else {
      AppendEscapedDot(OneLine(source.outlet), out);
    }
    if (!source.published.empty()) {
      out += ", ";
      AppendEscapedDot(OneLine(source.published), out);
    }
    out += "\\n";
  }
  if (edge.sources.empty()) out += "no source recorded\\n";
  out += "confidence ";
  out += FormatConfidence(edge.confidence);
}

void WriteEdge(const GraphEdge& edge, const DotOptions& options,
               std::string& out) {
  out += "  ";
  AppendNodeId(edge.from, out);
  out += " -> ";
  AppendNodeId(edge.to, out);
  out += " [label=\"";
  AppendEdgeLabel(edge, options, out);
  out += "\", tooltip=\"";
  AppendEdgeTooltip(edge, out);
  out += '"';
  if (edge.attributed_or_disputed) out += ", style=\"dashed\"";
  out += "];\n";
}

// A cluster with one node per entity type present (in enum order) and, when
// some edge is dashed, a dashed box that explains dashed edges. Legend nodes
// have no edges, so the legend does not stretch across the layout.
void WriteLegend(const std::array<bool, OTHER + 1>& types_present,
                 bool any_dashed, std::string& out) {
  out += "  subgraph \"cluster_legend\" {\n";
  out += "    graph [label=\"Legend\", style=\"rounded\"];\n";
  for (int type = AGENCY; type <= OTHER; ++type) {
    if (!types_present[type]) continue;
    const NodeStyle style = StyleFor(static_cast<EntityType>(type));
    out += "    \"legend" + std::to_string(type) + "\" [label=\"" +
           std::string(style.type_name) + "\", shape=\"" +
           std::string(style.shape) + "\", fillcolor=\"" +
           std::string(style.fill) + "\"];\n";
  }
  if (any_dashed) {
    out +=
        "    \"legend_dashed\" [label=\"dashed: attributed\\nor disputed "
        "claim\", shape=\"box\", style=\"dashed\"];\n";
  }
  out += "  }\n";
}

}  // namespace

std::string TruncationNote(const Subgraph& graph, size_t max_nodes) {
  const size_t total = graph.nodes.size();
  if (max_nodes == 0 || max_nodes >= total) return "";
  size_t cut_edges = 0;
  for (const GraphEdge& edge : graph.edges) {
    if (edge.from >= max_nodes || edge.to >= max_nodes) ++cut_edges;
  }
  return std::to_string(max_nodes) + " of " + Count(total, "node") +
         " shown; " + Count(total - max_nodes, "node") + " and " +
         Count(cut_edges, "edge") +
         " cut by --max-nodes=" + std::to_string(max_nodes);
}

StatusOr<std::string> ToDot(const Subgraph& graph, const DotOptions& options) {
  CG_RETURN_IF_ERROR(CheckEdges(graph));
  const size_t kept = options.max_nodes == 0
                          ? graph.nodes.size()
                          : std::min(options.max_nodes, graph.nodes.size());
  std::string out;
  WriteHeader(options, TruncationNote(graph, options.max_nodes), out);
  std::array<bool, OTHER + 1> types_present{};
  for (size_t i = 0; i < kept; ++i) {
    WriteNode(i, graph.nodes[i], options, out);
    types_present[LegendType(graph.nodes[i].type)] = true;
  }
  bool any_dashed = false;
  for (const GraphEdge& edge : graph.edges) {
    if (edge.from >= kept || edge.to >= kept) continue;
    WriteEdge(edge, options, out);
    any_dashed = any_dashed || edge.attributed_or_disputed;
  }
  if (kept > 0) WriteLegend(types_present, any_dashed, out);
  out += "}\n";
  return out;
}

}  // namespace claimgraph
