#include "reports/domain/schedule.hpp"

#include <algorithm>
#include <cstdio>

#include "core/errors.hpp"

namespace thidua::reports {

void ReminderPolicy::set_time(const std::string& text, const std::string& setting) {
  int h = -1, m = -1;
  char tail = 0;
  if (text.size() != 5 || text[2] != ':' ||
      std::sscanf(text.c_str(), "%2d:%2d%c", &h, &m, &tail) != 2 || h < 0 || h > 23 || m < 0 ||
      m > 59) {
    throw ConfigError(setting + ": expected a local time as HH:MM (e.g. 08:00), got '" + text +
                      "'");
  }
  hour = h;
  minute = m;
}

std::string PlannedReminder::key() const {
  // Letters, digits, '-' and ':' only: safe in a header and in any key charset.
  std::string offset = days_before == 0  ? "day"
                       : days_before > 0 ? "before-" + std::to_string(days_before)
                                         : "after-" + std::to_string(-days_before);
  return "reports:" + deadline_id + ":" + iso_date(due) + (units_stage ? ":units:" : ":") + offset;
}

std::vector<PlannedReminder> plan_occurrence(const std::string& deadline_id, LocalDate due,
                                             const ReminderPolicy& policy) {
  std::vector<int> offsets = policy.offsets_days;
  for (int k = 1; k <= policy.overdue_days; ++k) offsets.push_back(-k);
  std::sort(offsets.begin(), offsets.end(), std::greater<>());
  offsets.erase(std::unique(offsets.begin(), offsets.end()), offsets.end());
  std::vector<PlannedReminder> out;
  for (int days_before : offsets) {
    LocalDate day = add_days(due, -days_before);
    PlannedReminder r{deadline_id, due, days_before, local_time(day, policy.hour, policy.minute)};
    r.deadline_due = due;
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<PlannedReminder> plan_reminders(const std::string& deadline_id, LocalDate due,
                                            std::optional<LocalDate> units_due,
                                            const ReminderPolicy& policy) {
  auto whole = plan_occurrence(deadline_id, due, policy);
  if (!units_due || *units_due >= due) return whole;
  std::vector<PlannedReminder> out;
  for (auto r : plan_occurrence(deadline_id, *units_due, policy)) {
    // The units' dailies after their own date stop when the deadline's day comes.
    if (add_days(*units_due, -r.days_before) >= due) continue;
    r.units_stage = true;
    r.deadline_due = due;
    out.push_back(std::move(r));
  }
  for (auto& r : whole) {
    // Up to the units' date the units have their own reminders.
    if (add_days(due, -r.days_before) > *units_due) out.push_back(std::move(r));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const PlannedReminder& a, const PlannedReminder& b) { return a.at < b.at; });
  return out;
}

bool later_in_series_due(const std::vector<PlannedReminder>& plan, std::size_t i, Instant now) {
  for (std::size_t j = i + 1; j < plan.size(); ++j) {
    if (plan[j].units_stage == plan[i].units_stage) return plan[j].at <= now;
  }
  return false;
}

LocalDate earliest_relevant_due(LocalDate today, const ReminderPolicy& policy) {
  return add_days(today, -policy.overdue_days - 1);
}

LocalDate latest_relevant_due(LocalDate today, const ReminderPolicy& policy) {
  int most = 0;
  for (int o : policy.offsets_days) most = std::max(most, o);
  return add_days(today, most + 1);
}

Verdict decide(const PlannedReminder& r, Instant now, const ReminderPolicy& policy,
               bool later_due) {
  if (now < r.at) return Verdict::Wait;
  // Stale first: the plan then says why a reminder was never sent in the plainest words.
  if (now - r.at > policy.catchup) return Verdict::Stale;
  if (later_due) return Verdict::Superseded;
  return Verdict::Send;
}

std::string_view verdict_reason(Verdict v) {
  switch (v) {
    case Verdict::Stale:
      return "stale";
    case Verdict::Superseded:
      return "superseded";
    default:
      return "";
  }
}

std::string_view plan_state_name(PlanState s) {
  switch (s) {
    case PlanState::Planned:
      return "planned";
    case PlanState::Due:
      return "due";
    case PlanState::Sent:
      return "sent";
    case PlanState::Skipped:
      return "skipped";
    case PlanState::Missed:
      return "missed";
  }
  return "planned";
}

PlanStatus plan_status(const PlannedReminder& r, std::string_view recorded,
                       std::string_view recorded_reason, Instant now, const ReminderPolicy& policy,
                       bool later_due) {
  const bool missed_reason = recorded_reason == "stale" || recorded_reason == "superseded";
  if (recorded == "sent") return {PlanState::Sent, ""};
  if (recorded == "missed" || (recorded == "skipped" && missed_reason)) {
    return {PlanState::Missed, std::string(recorded_reason)};
  }
  if (recorded == "skipped") return {PlanState::Skipped, std::string(recorded_reason)};
  // Nothing final recorded (nothing at all, a claim, a failed try): what the planner does
  // with it now is what the plan says.
  switch (decide(r, now, policy, later_due)) {
    case Verdict::Wait:
      return {PlanState::Planned, ""};
    case Verdict::Send:
      return {PlanState::Due, ""};
    case Verdict::Stale:
      return {PlanState::Missed, "stale"};
    case Verdict::Superseded:
      return {PlanState::Missed, "superseded"};
  }
  return {PlanState::Planned, ""};
}

}  // namespace thidua::reports
