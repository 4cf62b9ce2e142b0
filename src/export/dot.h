// Graphviz DOT export of a Subgraph (src/graph/subgraph.h).
//
// Contract (the conventions are written down in docs/dot.md):
// - Deterministic: the same Subgraph and DotOptions give byte-identical
//   output. Nodes and edges are written in Subgraph order.
// - Node ids are synthetic and quoted: "n0", "n1", ... by node index, never
//   the entity names, so no name can collide with DOT syntax or with another
//   node.
// - Every label and tooltip is a quoted DOT string, escaped so Graphviz
//   shows the text as given: `"` and `\` are escaped, line breaks become
//   \n, `&` becomes &amp; (Graphviz decodes entities in labels), other
//   control characters become spaces, invalid UTF-8 becomes U+FFFD, valid
//   UTF-8 is kept. No record shapes and no HTML labels are used, so `<`,
//   `{`, `}` and `|` are plain text.
// - Shape and fill colour follow the entity type; a legend cluster lists the
//   types present in the drawing. Dashed edges are claims that are only
//   attributed or disputed. Edge labels are the predicate and, on a second
//   line, the edge detail cut to DotOptions::max_detail_chars code points.
//   Edge tooltips list the outlet and date of each source.
// - `dot -Tsvg` accepts the output without warnings.

#ifndef CLAIMGRAPH_EXPORT_DOT_H_
#define CLAIMGRAPH_EXPORT_DOT_H_

#include <cstddef>
#include <string>

#include "base/status.h"
#include "graph/subgraph.h"

namespace claimgraph {

struct DotOptions {
  // Keep only the first max_nodes nodes (they are in walk order) and the
  // edges between them; a note at the top says what was cut. 0 keeps all.
  size_t max_nodes = 0;
  // Shown at the top of the drawing; empty for none.
  std::string title;
  // Longest edge detail, in code points, before it is cut with "…".
  size_t max_detail_chars = 40;
  // Longest node label, in code points, before it is cut with "…" (the
  // node's tooltip keeps the whole name).
  size_t max_label_chars = 60;
};

// The subgraph as a DOT digraph. Fails with kInvalidArgument, naming the
// edge, when an edge refers to a node index out of range.
StatusOr<std::string> ToDot(const Subgraph& graph, const DotOptions& options);

// "12 of 40 nodes shown; 28 nodes and 51 edges cut by --max-nodes=12", or
// "" when nothing is cut. Exposed for the CLI and tests.
std::string TruncationNote(const Subgraph& graph, size_t max_nodes);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXPORT_DOT_H_
