#include "export/dot_style.h"

namespace claimgraph::dot_internal {

EntityType LegendType(EntityType type) {
  if (type <= ENTITY_TYPE_UNSPECIFIED || type > OTHER) return OTHER;
  return type;
}

NodeStyle StyleFor(EntityType type) {
  switch (LegendType(type)) {
    case AGENCY:
      return {"AGENCY", "box", "#9ecae1"};
    case PERSON:
      return {"PERSON", "ellipse", "#fdae6b"};
    case COMPANY:
      return {"COMPANY", "hexagon", "#a1d99b"};
    case ORGANIZATION:
      return {"ORGANIZATION", "octagon", "#bcbddc"};
    case PROGRAM:
      return {"PROGRAM", "box3d", "#fee391"};
    case LOCATION:
      return {"LOCATION", "house", "#c7eae5"};
    case STATISTIC:
      return {"STATISTIC", "note", "#f0f0f0"};
    case EVENT:
      return {"EVENT", "parallelogram", "#fa9fb5"};
    case DOCUMENT:
      return {"DOCUMENT", "folder", "#d9d9d9"};
    default:
      return {"OTHER", "ellipse", "#ffffff"};
  }
}

}  // namespace claimgraph::dot_internal
