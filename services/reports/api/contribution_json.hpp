#pragma once
// A unit's part on the wire: PUT, PATCH and POST …/submit bodies in, the part out. The rules
// (which areas exist, which indicators the year counts, the ranges) are domain/'s; what Redis
// keeps is the store's own (store/stored_forms.hpp).
#include <nlohmann/json.hpp>

#include "reports/app/reports_app.hpp"
#include "reports/domain/contribution_patch.hpp"

namespace thidua::reports {

// The editable part from a request body; checks every field (ApiError 400), the figures
// against the year's `indicators` (every one of them present, at 0 when not given).
Contribution parse_contribution(const nlohmann::json& body, const std::string& unit_id, int year,
                                const std::vector<Indicator>& indicators);
// From a PATCH body: the same fields and checks as a whole part (ApiError 400), but only
// those present; null counts as absent, as everywhere in a body (nothing changes).
ContributionPatch parse_contribution_patch(const nlohmann::json& body,
                                           const std::vector<Indicator>& indicators);
// {unit_id, year, status (draft|submitted), late, narratives, figures, difficulties,
// proposals, updated_by, updated_at, submitted_by|null, submitted_at|null}.
nlohmann::json to_json(const Contribution& c);
// The part with its unit's name, and its history when read (GET, reopen).
nlohmann::json to_json(const UnitPart& p);

}  // namespace thidua::reports
