#pragma once
// A nomination's create and edit bodies (POST /nominations, PUT /nominations/{id}) parsed into
// domain/nomination.hpp's draft, and a transition's (POST /nominations/{id}/transitions) into
// domain/transition_request.hpp's. How a draft is stored is store/nomination_codec's.
#include <nlohmann/json.hpp>
#include <string>

#include "core/clock.hpp"
#include "nominations/domain/nomination.hpp"
#include "nominations/domain/transition_request.hpp"

namespace thidua::nominations {

// Checks the fields' types and lengths, then each achievement's rules (check_achievement);
// throws ApiError 400 with a Vietnamese detail. What the draft names (period, award, subject)
// is checked against the catalogue later (check_draft).
NominationDraft parse_draft(const nlohmann::json& body);

// `action` and the fields that action takes (proto: TransitionRequest): ApiError 400
// unknown_action, missing_field / invalid_field (http::required_string), invalid_date, with a
// Vietnamese detail. Fields another action takes are ignored.
TransitionRequest parse_transition(const nlohmann::json& body);

// Required field `field` holding a real date as YYYY-MM-DD; ApiError 400 invalid_date.
LocalDate date_field(const nlohmann::json& body, const std::string& field);

}  // namespace thidua::nominations
