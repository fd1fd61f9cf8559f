#pragma once
// Deadlines on the wire: PUT /deadlines/{id} and the deadlines file (THIDUA_DEADLINES_FILE)
// in, GET /deadlines out. The rules between fields are domain/deadline.hpp's
// (checked_deadline); what Redis keeps is the store's own (store/stored_forms.hpp).
#include <nlohmann/json.hpp>

#include "reports/app/views.hpp"
#include "reports/domain/deadline.hpp"

namespace thidua::reports {

// Checks every field (ApiError 400 with a Vietnamese detail), then the rules between them
// (checked_deadline: 400 or 422).
Deadline parse_deadline(const nlohmann::json& j);
// {id, name, recipient, rule, owed_by, document?, date (once) | month, day (yearly),
// first_year, last_year}.
nlohmann::json to_json(const Deadline& d);

// GET /deadlines/next: {id, name, recipient, owed_by, due_date, due_date_vn, days_left, today,
// timezone}.
nlohmann::json to_json(const NextDeadline& next);
// GET /deadlines: {today, timezone, units: {available, detail?}, deadlines: [deadline with
// its occurrences]}.
nlohmann::json to_json(const DeadlinesView& view);
// One occurrence of `d`: {due_date, due_date_vn, days_left, year, submitted|null,
// missing|null, done (owed by the school), registration (owed by registrations),
// unit_due_date (owed by units)}.
nlohmann::json occurrence_json(const Deadline& d, const OccurrenceState& s);

}  // namespace thidua::reports
