#pragma once
// The reminder schedule as arithmetic: when each reminder of a deadline occurrence falls,
// and what the planner does with one whose time has come. Pure, so every case (local 08:00
// against UTC, 31 December, a planner that was down) is a unit test.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace thidua::reports {

struct ReminderPolicy {
  std::vector<int> offsets_days{30, 14, 7, 3, 1, 0};  // days before the due date
  int hour = 8;                                       // local time of day
  int minute = 0;
  int overdue_days = 10;                  // at most this many dailies after the due date
  std::chrono::minutes catchup{12 * 60};  // a missed reminder older than this is skipped
  bool say_when_all_submitted = true;     // "everyone has submitted" instead of silence

  // "HH:MM"; throws ConfigError naming `setting`.
  void set_time(const std::string& text, const std::string& setting);
};

struct PlannedReminder {
  std::string deadline_id;
  LocalDate due;        // what it counts to: the deadline's due date, or the units' own
  int days_before = 0;  // 7: T-7; 0: the day itself; -2: the second daily after it
  Instant at;
  // The units' own stage of a deadline the units owe (issue 14): it counts to the units'
  // due date (THIDUA_UNIT_DUE_DAY, 20 October) and is for the units.
  bool units_stage = false;
  LocalDate deadline_due{};  // the occurrence's due date (30 October), whatever the stage
  bool overdue() const { return days_before < 0; }
  // The idempotency key: one per (deadline, occurrence, offset), stable across replicas
  // and restarts, e.g. reports:bao-cao-nam:2027-10-30:before-7 (also :day, :after-2); the
  // units' stage counts from their date: reports:bao-cao-nam:2027-10-20:units:before-7.
  std::string key() const;
};

// Every reminder of one occurrence, earliest first: one per offset, then the dailies after
// the due date (each sent only while something is still owed).
std::vector<PlannedReminder> plan_occurrence(const std::string& deadline_id, LocalDate due,
                                             const ReminderPolicy& policy);

// Every reminder of one occurrence, earliest first (issue 14). A deadline the units owe whose
// units' due date `units_due` comes before `due` has two series: the units' own, counting to
// `units_due` (its offsets, the day itself, then dailies while a unit owes, until the
// deadline's day), and the deadline's, of which only the reminders after `units_due` (the
// board's: the units have theirs before). Otherwise (nullopt, or not before `due`), the one
// series of plan_occurrence.
std::vector<PlannedReminder> plan_reminders(const std::string& deadline_id, LocalDate due,
                                            std::optional<LocalDate> units_due,
                                            const ReminderPolicy& policy);
// Whether a later reminder of the same series as plan[i] has come due by `now` (then only
// that one is sent: plan[i] is superseded).
bool later_in_series_due(const std::vector<PlannedReminder>& plan, std::size_t i, Instant now);

// Due dates whose reminders may fall on `today`: from `today - overdue_days` up to
// `today + the largest offset`.
LocalDate earliest_relevant_due(LocalDate today, const ReminderPolicy& policy);
LocalDate latest_relevant_due(LocalDate today, const ReminderPolicy& policy);

enum class Verdict {
  Wait,        // its time has not come
  Send,        // due now, or missed but still useful
  Stale,       // missed for longer than the catch-up window
  Superseded,  // missed, and a later reminder of the same occurrence is due too
};

// What to do at `now` with a reminder not yet sent or skipped. `later_due` says whether a
// later reminder of the same occurrence has also come due (then only that one is sent).
Verdict decide(const PlannedReminder& r, Instant now, const ReminderPolicy& policy, bool later_due);

// Why a reminder was missed (Stale, Superseded), for the plan admins read.
std::string_view verdict_reason(Verdict v);

// What the plan admins read says of one reminder. A reminder whose time has passed is never
// "planned": it was sent, skipped (something the rules decided: nothing owed, no one to
// write to, the deadline done), or missed (the service was not running at its time and the
// catch-up window is over, or a later reminder of the same occurrence replaced it). Between
// its time and the planner's next look, or while notifications cannot be reached and the
// catch-up window lasts, it is "due": it is being sent.
enum class PlanState { Planned, Due, Sent, Skipped, Missed };
std::string_view plan_state_name(PlanState s);

struct PlanStatus {
  PlanState state = PlanState::Planned;
  std::string reason;  // skipped and missed: why ("" otherwise)
};

// `recorded` and `recorded_reason`: what the store holds of it ("" when nothing, claimed,
// failed, sent, skipped, missed). Reminders the planner never looked at (the service was down
// longer than its window, or the year is past) are computed the way the planner would
// record them when it comes back: missed, stale or superseded. Records written before
// "missed" existed (skipped, stale or superseded) read as missed too.
PlanStatus plan_status(const PlannedReminder& r, std::string_view recorded,
                       std::string_view recorded_reason, Instant now, const ReminderPolicy& policy,
                       bool later_due);

}  // namespace thidua::reports
