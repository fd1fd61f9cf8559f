// The planner's passes (tick) and the plan admins read; one reminder's delivery is in
// reminder_delivery.cpp.
#include "reports/app/planner.hpp"

#include "core/event_loop.hpp"
#include "core/log.hpp"

namespace thidua::reports {
ReminderPlanner::ReminderPlanner(ReportsStore& store, UnitDirectory& directory,
                                 ReminderPoster& poster, const Clock& clock,
                                 PlannerSettings settings, http::Metrics* metrics)
    : store_(store),
      directory_(directory),
      poster_(poster),
      clock_(clock),
      settings_(std::move(settings)),
      metrics_(metrics) {
  if (metrics_) {
    // Every outcome count() is called with, so each series exists from start-up.
    std::vector<http::Labels> outcomes;
    for (const char* o : {"sent", "failed", "missed_stale", "missed_superseded",
                          "skipped_nothing_owed", "skipped_all_submitted", "skipped_rejected",
                          "skipped_no_recipient", "skipped_group_only"}) {
      outcomes.push_back({{"outcome", o}});
    }
    metrics_->describe("thidua_reminders_total", http::MetricType::kCounter,
                       "Deadline reminders by outcome: sent, skipped (with reason), failed.",
                       outcomes);
    std::vector<http::Labels> private_outcomes;
    for (const char* o :
         {outcome::kSent, outcome::kRemindersOff, outcome::kNotLinked, outcome::kRejected}) {
      private_outcomes.push_back({{"outcome", o}});
    }
    metrics_->describe("thidua_private_reminders_total", http::MetricType::kCounter,
                       "Private reminders to unit leaders by outcome: sent, reminders_off (the "
                       "person said /tatnhac), not_linked (no Zalo), rejected.",
                       private_outcomes);
  }
}

void ReminderPlanner::count(const std::string& outcome) const {
  if (metrics_) metrics_->add("thidua_reminders_total", {{"outcome", outcome}});
}

Task<int> ReminderPlanner::tick() {
  long long lease_ms = std::max<long long>(3 * settings_.tick.count(), 1000);
  if (!co_await store_.hold_lease(settings_.owner, lease_ms)) co_return 0;
  auto deadlines = co_await store_.deadlines();
  auto dir = co_await directory_.get();
  auto now = clock_.now();
  auto today = local_date(now);
  int posted = 0;
  for (const auto& d : deadlines) {
    // A year further: the units' stage of an occurrence starts before the deadline's series.
    auto dues = occurrences_between(d, earliest_relevant_due(today, settings_.policy),
                                    add_days(latest_relevant_due(today, settings_.policy), 366));
    for (auto due : dues) posted += co_await tick_occurrence(d, due, dir, now);
  }
  co_return posted;
}

std::vector<PlannedReminder> ReminderPlanner::reminders_of(const Deadline& d, LocalDate due) const {
  std::optional<LocalDate> units_due;
  if (d.owed_by == Owner::Units) units_due = unit_due_date(due, settings_.unit_due);
  return plan_reminders(d.id, due, units_due, settings_.policy);
}

Task<int> ReminderPlanner::tick_occurrence(const Deadline& d, LocalDate due, const Directory& dir,
                                           Instant now) {
  auto plan = reminders_of(d, due);
  std::vector<std::string> keys;
  for (const auto& r : plan) keys.push_back(r.key());
  auto states = co_await store_.reminder_states(keys);
  int posted = 0;
  for (std::size_t i = 0; i < plan.size(); ++i) {
    const auto& r = plan[i];
    const auto& state = states[r.key()].status;
    if (state == "sent" || state == "skipped" || state == "missed") continue;
    bool later_due = later_in_series_due(plan, i, now);
    auto verdict = decide(r, now, settings_.policy, later_due);
    if (verdict == Verdict::Wait) break;  // the plan is in time order
    if (verdict == Verdict::Send) {
      posted += co_await deliver(d, r, dir, now, states[r.key()]);
    } else if (settle(states[r.key()].deliveries).status == "sent") {
      // Part of it went out before a failure, and its retries are over: it was sent, to
      // those its deliveries name.
      posted += co_await finish(r.key(), states[r.key()].deliveries, states[r.key()].text);
    } else {
      // Not sent at its time (the service was down) and too late now, or replaced by a
      // later one: missed, which the plan tells apart from what the rules skipped.
      co_await store_.record_missed(r.key(), std::string(verdict_reason(verdict)),
                                    iso_instant(now));
      log::info("reminder_missed",
                log::Fields().add("key", r.key()).add("reason", verdict_reason(verdict)));
      count("missed_" + std::string(verdict_reason(verdict)));
    }
  }
  co_return posted;
}

Task<void> ReminderPlanner::run(std::function<bool()> stopping) {
  // Named locals beside co_await (the GCC 12 caveat in the README).
  std::function<std::chrono::milliseconds()> interval = [this] { return settings_.tick; };
  std::function<Task<void>()> once = [this]() -> Task<void> { co_await tick(); };
  std::string failed = "planner_tick_failed";
  co_await run_every(interval, once, std::move(stopping), failed);
}

Task<ReminderPlan> ReminderPlanner::plan(int year) {
  auto deadlines = co_await store_.deadlines();
  ReminderPlan out;
  out.year = year;
  out.now = clock_.now();
  for (const auto& d : deadlines) {
    for (auto due : occurrences_between(d, {year, 1, 1}, {year, 12, 31})) {
      auto plan = reminders_of(d, due);
      std::vector<std::string> keys;
      for (const auto& r : plan) keys.push_back(r.key());
      auto states = co_await store_.reminder_states(keys);
      for (std::size_t i = 0; i < plan.size(); ++i) {
        const auto& r = plan[i];
        const auto& s = states[r.key()];
        bool later_due = later_in_series_due(plan, i, out.now);
        auto status = plan_status(r, s.status, s.reason, out.now, settings_.policy, later_due);
        out.reminders.push_back({d.id, r, s, status});
      }
    }
  }
  co_return out;
}

}  // namespace thidua::reports
