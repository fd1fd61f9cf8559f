#include "reports/domain/contribution_patch.hpp"

namespace thidua::reports {

Contribution apply_patch(const Contribution& base, const ContributionPatch& patch) {
  Contribution out = base;
  for (const auto& [area, text] : patch.narratives) {
    if (text.empty()) {
      out.narratives.erase(area);
    } else {
      out.narratives[area] = text;
    }
  }
  for (const auto& [code, n] : patch.figures) out.figures[code] = n;
  if (patch.difficulties) out.difficulties = *patch.difficulties;
  if (patch.proposals) out.proposals = *patch.proposals;
  return out;
}

}  // namespace thidua::reports
