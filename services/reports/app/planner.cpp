#include "reports/app/planner.hpp"

#include <cstdio>

#include "core/errors.hpp"
#include "core/event_loop.hpp"
#include "core/log.hpp"
#include "reports/app/reports_app.hpp"
#include "reports/domain/reminder_text.hpp"

namespace thidua::reports {
namespace {
using nlohmann::json;

// A claim older than this is taken to belong to a replica that died mid-delivery.
constexpr long long kClaimTtlMs = 120000;

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
}  // namespace

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
    std::vector<std::string> outcomes;
    for (const char* o : {"sent", "failed", "skipped_stale", "skipped_superseded",
                          "skipped_nothing_owed", "skipped_all_submitted", "skipped_rejected"}) {
      outcomes.push_back("outcome=\"" + std::string(o) + "\"");
    }
    metrics_->describe("thidua_reminders_total", "counter",
                       "Deadline reminders by outcome: sent, skipped (with reason), failed.",
                       outcomes);
  }
}

void ReminderPlanner::count(const std::string& outcome) const {
  if (metrics_) metrics_->add("thidua_reminders_total", "outcome=\"" + outcome + "\"");
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
    auto dues = occurrences_between(d, earliest_relevant_due(today, settings_.policy),
                                    latest_relevant_due(today, settings_.policy));
    for (auto due : dues) posted += co_await tick_occurrence(d, due, dir, now);
  }
  co_return posted;
}

Task<int> ReminderPlanner::tick_occurrence(const Deadline& d, LocalDate due, const Directory& dir,
                                           Instant now) {
  auto plan = plan_occurrence(d.id, due, settings_.policy);
  std::vector<std::string> keys;
  for (const auto& r : plan) keys.push_back(r.key());
  auto states = co_await store_.reminder_states(keys);
  int posted = 0;
  for (std::size_t i = 0; i < plan.size(); ++i) {
    const auto& r = plan[i];
    const auto& state = states[r.key()].status;
    if (state == "sent" || state == "skipped") continue;
    bool later_due = i + 1 < plan.size() && plan[i + 1].at <= now;
    auto verdict = decide(r, now, settings_.policy, later_due);
    if (verdict == Verdict::Wait) break;  // the plan is in time order
    if (verdict == Verdict::Send) {
      posted += co_await deliver(d, r, dir, now);
    } else {
      co_await store_.record_skipped(r.key(), std::string(verdict_reason(verdict)),
                                     iso_instant(now));
      log::info("reminder_skipped", {{"key", r.key()}, {"reason", verdict_reason(verdict)}});
      count("skipped_" + std::string(verdict_reason(verdict)));
    }
  }
  co_return posted;
}

Task<int> ReminderPlanner::deliver(const Deadline& d, const PlannedReminder& r,
                                   const Directory& dir, Instant now) {
  auto owing = co_await who_owes(store_, dir, d, r.due.year, settings_.school_name);
  std::string skip;
  if (owing.missing.empty() && r.overdue()) skip = "nothing_owed";
  if (owing.missing.empty() && !settings_.policy.say_when_all_submitted) skip = "all_submitted";
  if (!skip.empty()) {
    co_await store_.record_skipped(r.key(), skip, iso_instant(now));
    count("skipped_" + skip);
    co_return 0;
  }
  if (co_await store_.claim(r.key(), settings_.owner, kClaimTtlMs) != ClaimResult::Claimed) {
    co_return 0;
  }
  ReminderContent content;
  content.deadline_name = d.name + " năm " + std::to_string(r.due.year);
  content.recipient = d.recipient;
  content.due = r.due;
  content.days_before = r.days_before;
  content.owed_by_school = d.owed_by == Owner::School;
  content.contact = settings_.contact;
  for (const auto& u : owing.missing) content.owing.push_back(u.name);
  auto text = reminder_text(content);
  auto result = co_await poster_.post(r.key(), text, false);
  switch (result.kind) {
    case PostResult::Kind::Posted:
      co_await store_.record_sent(r.key(), result.id, iso_instant(clock_.now()), text);
      log::info(
          "reminder_sent",
          {{"key", r.key()}, {"notification_id", result.id}, {"owing", content.owing.size()}});
      count("sent");
      co_return 1;
    case PostResult::Kind::Retryable:
      co_await store_.record_failed(r.key(), result.error);
      log::warn("reminder_retry", {{"key", r.key()}, {"error", result.error}});
      count("failed");
      co_return 0;
    case PostResult::Kind::Permanent:
      break;
  }
  co_await store_.record_skipped(r.key(), "rejected", iso_instant(clock_.now()));
  log::error("reminder_rejected", {{"key", r.key()}, {"error", result.error}});
  count("skipped_rejected");
  co_return 0;
}

Task<void> ReminderPlanner::run(std::function<bool()> stopping) {
  while (!stopping()) {
    std::string error;
    try {
      co_await tick();
    } catch (const std::exception& e) {
      error = e.what();  // no co_await in a handler: log after it
    }
    if (!error.empty()) log::warn("planner_tick_failed", {{"error", error}});
    // Short sleeps, so a stop is noticed within a fraction of a tick.
    auto left = settings_.tick;
    while (left.count() > 0 && !stopping()) {
      auto step = std::min(left, std::chrono::milliseconds(200));
      co_await sleep_for(step);
      left -= step;
    }
  }
}

Task<json> ReminderPlanner::plan(int year) {
  auto deadlines = co_await store_.deadlines();
  auto now = clock_.now();
  json reminders = json::array();
  for (const auto& d : deadlines) {
    for (auto due : occurrences_between(d, {year, 1, 1}, {year, 12, 31})) {
      auto plan = plan_occurrence(d.id, due, settings_.policy);
      std::vector<std::string> keys;
      for (const auto& r : plan) keys.push_back(r.key());
      auto states = co_await store_.reminder_states(keys);
      for (const auto& r : plan) {
        const auto& s = states[r.key()];
        std::string state = s.status == "sent" || s.status == "skipped" ? s.status : "planned";
        json entry = {{"key", r.key()},
                      {"deadline_id", d.id},
                      {"due_date", iso_date(r.due)},
                      {"offset", offset_label(r.days_before)},
                      {"days_before", r.days_before},
                      {"at", iso_instant(r.at)},
                      {"at_local", local_label(r.at)},
                      {"overdue", r.overdue()},
                      {"state", state}};
        // The dailies after the due date go out only while something is still owed.
        entry["conditional"] = r.overdue();
        entry["notification_id"] = s.status == "sent" ? json(s.notification_id) : json(nullptr);
        entry["reason"] = s.status == "skipped" ? json(s.reason) : json(nullptr);
        entry["recorded_at"] = s.recorded_at.empty() ? json(nullptr) : json(s.recorded_at);
        entry["last_error"] = s.status == "failed" ? json(s.error) : json(nullptr);
        entry["past"] = r.at <= now;
        reminders.push_back(std::move(entry));
      }
    }
  }
  co_return json{{"year", year},
                 {"timezone", "Asia/Ho_Chi_Minh"},
                 {"now", iso_instant(now)},
                 {"reminders", reminders}};
}

}  // namespace thidua::reports
