#include "reports/api/reminder_plan_json.hpp"

#include <cstdio>

namespace thidua::reports {
namespace {
using nlohmann::json;

std::string local_label(Instant at) {
  auto d = local_date(at);
  auto minutes = std::chrono::duration_cast<std::chrono::minutes>(at - local_time(d, 0, 0));
  char buf[24];
  std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(minutes.count() / 60),
                static_cast<int>(minutes.count() % 60));
  return vn_date(d) + " " + buf;
}

std::string offset_label(int days_before) {
  if (days_before == 0) return "T0";
  return days_before > 0 ? "T-" + std::to_string(days_before) : "T+" + std::to_string(-days_before);
}

// Each message's outcome, for the plan admins read.
json deliveries_json(const std::vector<Delivery>& list) {
  json out = json::array();
  for (const auto& d : list) {
    out.push_back(
        {{"to", d.to},
         {"unit_id", d.unit_id.empty() ? json(nullptr) : json(d.unit_id)},
         {"outcome", d.outcome},
         {"notification_id", d.notification_id.empty() ? json(nullptr) : json(d.notification_id)}});
  }
  return out;
}

json entry_json(const PlanEntry& e, Instant now) {
  const auto& r = e.reminder;
  const auto& s = e.recorded;
  const auto& status = e.status;
  json entry = {{"key", r.key()},
                {"deadline_id", e.deadline_id},
                {"stage", r.units_stage ? "units" : "deadline"},
                {"deadline_due_date", iso_date(r.deadline_due)},
                {"due_date", iso_date(r.due)},
                {"offset", offset_label(r.days_before)},
                {"days_before", r.days_before},
                {"at", iso_instant(r.at)},
                {"at_local", local_label(r.at)},
                {"overdue", r.overdue()},
                {"state", std::string(plan_state_name(status.state))}};
  // The dailies after the due date go out only while something is still owed.
  entry["conditional"] = r.overdue();
  entry["notification_id"] =
      s.status == "sent" && !s.notification_id.empty() ? json(s.notification_id) : json(nullptr);
  entry["reason"] = status.reason.empty() ? json(nullptr) : json(status.reason);
  entry["recorded_at"] = s.recorded_at.empty() ? json(nullptr) : json(s.recorded_at);
  entry["last_error"] =
      s.status == "failed" && status.state == PlanState::Due ? json(s.error) : json(nullptr);
  entry["past"] = r.at <= now;
  entry["deliveries"] = deliveries_json(s.deliveries);
  return entry;
}
}  // namespace

json to_json(const ReminderPlan& plan) {
  json reminders = json::array();
  for (const auto& e : plan.reminders) reminders.push_back(entry_json(e, plan.now));
  return {{"year", plan.year},
          {"timezone", "Asia/Ho_Chi_Minh"},
          {"now", iso_instant(plan.now)},
          {"reminders", reminders}};
}

}  // namespace thidua::reports
