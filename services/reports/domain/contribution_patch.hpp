#pragma once
// Editing a unit's part changes only what the edit names (issue 14): correcting one content
// area once erased another area's figures, because PUT replaced the whole part. A patch names
// the content areas, indicators and texts it changes; everything else stays as it was.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "reports/domain/contribution.hpp"

namespace thidua::reports {

// What a PATCH body names (api/contribution_json.hpp reads it): a field absent from the
// body is absent here, and stays as it was.
struct ContributionPatch {
  std::map<std::string, std::string> narratives;  // area → its new text ("" empties it)
  std::map<std::string, long long> figures;       // indicator → its new count
  std::optional<std::string> difficulties;
  std::optional<std::string> proposals;
  bool empty() const {
    return narratives.empty() && figures.empty() && !difficulties && !proposals;
  }
};

// `base` with what `patch` names replaced; the record fields (submitted, who, when) kept.
Contribution apply_patch(const Contribution& base, const ContributionPatch& patch);

}  // namespace thidua::reports
