// How each entity type is drawn in DOT (internal to src/export/; the table
// is documented in docs/dot.md).

#ifndef CLAIMGRAPH_EXPORT_DOT_STYLE_H_
#define CLAIMGRAPH_EXPORT_DOT_STYLE_H_

#include <string_view>

#include "claimgraph.pb.h"

namespace claimgraph::dot_internal {

struct NodeStyle {
  std::string_view type_name;  // "AGENCY"; OTHER for unknown values.
  std::string_view shape;      // A Graphviz polygon shape, never "record".
  std::string_view fill;       // "#rrggbb".
};

// The style of `type`; ENTITY_TYPE_UNSPECIFIED and unknown values are drawn
// as OTHER.
NodeStyle StyleFor(EntityType type);

// The type as the legend lists it: unknown values map to OTHER.
EntityType LegendType(EntityType type);

}  // namespace claimgraph::dot_internal

#endif  // CLAIMGRAPH_EXPORT_DOT_STYLE_H_
