#pragma once
// The reminder planner. Every replica runs it; a Redis lease lets one act at a time, a
// claim per reminder keeps a second firing from posting twice, and the idempotency key
// (deadline, occurrence, offset) makes the notifications outbox queue it once even when a
// crash comes between posting and recording. A reminder is a group message and/or one
// private message per leader of an owing unit (domain/reminder_audience.hpp), each with its
// own key (the reminder's key + ":" + staff id) and its outcome recorded as it goes.
// planner.cpp plans and ticks; reminder_delivery.cpp delivers one reminder.
#include <functional>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "http/metrics.hpp"
#include "reports/app/ports.hpp"
#include "reports/domain/reminder_audience.hpp"
#include "reports/domain/schedule.hpp"
#include "reports/store/reports_store.hpp"

namespace thidua::reports {

struct PlannerSettings {
  ReminderPolicy policy;
  // THIDUA_REMINDER_AUDIENCE: the group, each owing unit's leaders in private, or both.
  ReminderAudience audience = ReminderAudience::Both;
  // THIDUA_UNIT_DUE_DAY: a deadline the units owe has their own series of reminders, counting
  // to this day, before the board's (issue 14).
  UnitDueDay unit_due;
  std::string dashboard_url;  // THIDUA_DASHBOARD_URL, named in private reminders
  std::string contact = "Ban giám hiệu";
  std::string school_name = "Trường THCS Vĩnh Phong 1";
  std::chrono::milliseconds tick{30000};
  std::string owner;  // this replica, for the lease and claims
};

// One reminder of the plan admins read (GET /reminders/{year}): what it is, what the store
// holds of it and what that means now.
struct PlanEntry {
  std::string deadline_id;
  PlannedReminder reminder;
  ReminderState recorded;
  PlanStatus status;
};

struct ReminderPlan {
  int year = 0;
  Instant now;
  std::vector<PlanEntry> reminders;  // per deadline, per occurrence, in time order
};

class ReminderPlanner {
 public:
  // `metrics`, when given, counts reminders by outcome (thidua_reminders_total).
  ReminderPlanner(ReportsStore& store, UnitDirectory& directory, ReminderPoster& poster,
                  const Clock& clock, PlannerSettings settings, http::Metrics* metrics = nullptr);

  // One pass: sends what is due, records what is skipped. Does nothing unless this replica
  // holds the lease. Returns how many reminders it posted.
  Task<int> tick();
  // Ticks until `stopping()`; a failed pass is logged and the next one tries again.
  Task<void> run(std::function<bool()> stopping);
  // Every reminder of the year's occurrences, with its time and state.
  Task<ReminderPlan> plan(int year);

 private:
  Task<int> tick_occurrence(const Deadline& d, LocalDate due, const Directory& dir, Instant now);
  // Every reminder of the occurrence due `due` of `d`, with the units' stage when it has one.
  std::vector<PlannedReminder> reminders_of(const Deadline& d, LocalDate due) const;
  // `before`: what was recorded of `r` when the tick began (a retry's earlier deliveries).
  Task<int> deliver(const Deadline& d, const PlannedReminder& r, const Directory& dir, Instant now,
                    const ReminderState& before);
  // Posts one message of a reminder and says what became of it; nullopt when it may be
  // retried (the reason is in `error`).
  Task<std::optional<Delivery>> post_one(OutgoingReminder m, const std::string& unit_id,
                                         std::string& error);
  // Records the reminder as sent or skipped from its messages' outcomes; 1 when sent.
  Task<int> finish(const std::string& key, const std::vector<Delivery>& deliveries,
                   const std::string& group_text);

  ReportsStore& store_;
  UnitDirectory& directory_;
  ReminderPoster& poster_;
  const Clock& clock_;
  PlannerSettings settings_;
  http::Metrics* metrics_;
  void count(const std::string& outcome) const;
};

}  // namespace thidua::reports
