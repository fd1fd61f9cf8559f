#pragma once
// A nomination's create and edit bodies (POST /nominations, PUT /nominations/{id}) parsed into
// domain/nomination.hpp's draft. How a draft is stored is store/nomination_codec's.
#include <nlohmann/json.hpp>

#include "nominations/domain/nomination.hpp"

namespace thidua::nominations {

// Checks the fields' types and lengths, then each achievement's rules (check_achievement);
// throws ApiError 400 with a Vietnamese detail. What the draft names (period, award, subject)
// is checked against the catalogue later (check_draft).
NominationDraft parse_draft(const nlohmann::json& body);

}  // namespace thidua::nominations
