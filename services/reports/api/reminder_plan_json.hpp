#pragma once
// The reminder plan admins read (GET /reminders/{year}) on the wire.
#include <nlohmann/json.hpp>

#include "reports/app/planner.hpp"

namespace thidua::reports {

// {year, timezone, now, reminders: [{key, deadline_id, stage (units|deadline),
// deadline_due_date, due_date, offset ("T-7", "T0", "T+2"), days_before, at, at_local
// ("dd/mm/yyyy HH:MM" in Asia/Ho_Chi_Minh), overdue, conditional, state, notification_id,
// reason, recorded_at, last_error, past, deliveries}]}.
nlohmann::json to_json(const ReminderPlan& plan);

}  // namespace thidua::reports
