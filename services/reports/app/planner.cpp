#include "reports/app/planner.hpp"

#include <algorithm>
#include <cstdio>

#include "core/errors.hpp"
#include "core/event_loop.hpp"
#include "core/log.hpp"
#include "reports/app/reports_app.hpp"
#include "reports/domain/messages.hpp"
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

// The recipient name of the staff group in a reminder's deliveries.
constexpr const char* kGroup = "group";

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
      log::info("reminder_missed", {{"key", r.key()}, {"reason", verdict_reason(verdict)}});
      count("missed_" + std::string(verdict_reason(verdict)));
    }
  }
  co_return posted;
}

Task<int> ReminderPlanner::deliver(const Deadline& d, const PlannedReminder& r,
                                   const Directory& dir, Instant now, const ReminderState& before) {
  Owing owing;
  std::string unreadable;
  try {
    owing = co_await who_owes(store_, directory_, dir, d, r.due, settings_.school_name);
  } catch (const ApiError& e) {
    if (e.status() != 503) throw;
    unreadable = e.code();
  }
  if (!unreadable.empty()) {
    // Who has registered cannot be read: nothing is said rather than something wrong. The
    // reminder stays due (its last error in the plan) and the next tick tries again; after
    // the catch-up window it is recorded missed, as when notifications cannot be reached.
    // Recorded under the claim, as every failure is (another replica may be delivering it).
    if (co_await store_.claim(r.key(), settings_.owner, kClaimTtlMs) != ClaimResult::Claimed) {
      co_return 0;
    }
    co_await store_.record_failed(r.key(), unreadable);
    log::warn("reminder_retry", {{"key", r.key()}, {"error", unreadable}});
    count("failed");
    co_return 0;
  }
  ReminderSituation situation;
  situation.audience = settings_.audience;
  situation.overdue = r.overdue();
  situation.owed_by_school = d.owed_by == Owner::School;
  // The units' stage, or the board's reminders of a deadline whose units have their own.
  const bool has_units_stage = d.owed_by == Owner::Units && !r.units_stage &&
                               unit_due_date(r.deadline_due, settings_.unit_due) < r.deadline_due;
  situation.stage = r.units_stage     ? ReminderStage::Units
                    : has_units_stage ? ReminderStage::Board
                                      : ReminderStage::Whole;
  situation.say_when_all_submitted = settings_.policy.say_when_all_submitted;
  situation.owing = owing.missing;
  situation.staff = dir.staff;
  auto routing = route_reminder(situation);
  if (!routing.skip.empty() && settle(before.deliveries).status == "sent") {
    // Part went out before a failure, and now nothing is owed: it was sent, to those its
    // deliveries name; the rest is not needed any more.
    co_return co_await finish(r.key(), before.deliveries, before.text);
  }
  if (!routing.skip.empty()) {
    co_await store_.record_skipped(r.key(), routing.skip, iso_instant(now));
    count("skipped_" + routing.skip);
    co_return 0;
  }
  if (co_await store_.claim(r.key(), settings_.owner, kClaimTtlMs) != ClaimResult::Claimed) {
    co_return 0;
  }
  // What an earlier try (a failure, or a replica that crashed) already did is not done again;
  // read under the claim, so no other replica is writing it.
  std::vector<std::string> own_key{r.key()};
  auto earlier = co_await store_.reminder_states(own_key);
  std::vector<Delivery> deliveries = earlier[r.key()].deliveries;
  auto done = [&deliveries](const std::string& to) {
    return std::any_of(deliveries.begin(), deliveries.end(),
                       [&to](const Delivery& x) { return x.to == to; });
  };

  ReminderContent content;
  // The year a registration deadline names is the registrations' (registration_year).
  const int year = d.owed_by == Owner::Registrations ? registration_year(r.due) : r.due.year;
  content.deadline_name =
      say("deadline.of_year", {{"name", d.name}, {"year", std::to_string(year)}});
  content.recipient = d.recipient;
  content.due = r.due;
  content.days_before = r.days_before;
  content.owed_by_school = situation.owed_by_school;
  if (owing.completed) content.done_on = owing.completed->done_on;
  if (r.units_stage) content.school_due = r.deadline_due;
  if (has_units_stage) content.units_due = unit_due_date(r.deadline_due, settings_.unit_due);
  content.contact = settings_.contact;
  for (const auto& u : owing.missing) content.owing.push_back(u.name);
  content.registrations = d.owed_by == Owner::Registrations;
  content.unregistered = still_owing(owing.registrations);
  std::string group_text = routing.group ? reminder_text(content) : std::string();

  std::vector<OutgoingReminder> outgoing;
  std::vector<std::string> about_unit;  // the unit each outgoing message is about
  if (routing.group && !done(kGroup)) {
    outgoing.push_back({r.key(), "", group_text, false});
    about_unit.emplace_back();
  }
  for (const auto& leader : routing.leaders) {
    if (done(leader.staff_id)) continue;
    PrivateReminderContent p;
    p.name = leader.name;
    p.gender = leader.gender;
    p.unit_name = leader.unit_name;
    p.deadline_name = content.deadline_name;
    p.recipient = d.recipient;
    p.due = r.due;
    p.days_before = r.days_before;
    p.dashboard_url = settings_.dashboard_url;
    p.contact = settings_.contact;
    for (const auto& u : content.unregistered) {
      if (u.unit.id != leader.unit_id) continue;
      p.registration = u;
      p.awaiting = awaiting_confirmation_by(u, leader.staff_id);
    }
    // Its own key, so that a retry or a crash never sends it twice either.
    outgoing.push_back(
        {r.key() + ":" + leader.staff_id, leader.staff_id, private_reminder_text(p), false});
    about_unit.push_back(leader.unit_id);
  }
  for (std::size_t i = 0; i < outgoing.size(); ++i) {
    std::string error;
    auto delivery = co_await post_one(outgoing[i], about_unit[i], error);
    if (!delivery) {
      // Notifications cannot be reached: the rest would fail the same way. The next tick
      // tries again with what is still to do.
      co_await store_.record_failed(r.key(), error);
      log::warn("reminder_retry", {{"key", r.key()}, {"error", error}});
      count("failed");
      co_return 0;
    }
    deliveries.push_back(std::move(*delivery));
    co_await store_.record_deliveries(r.key(), deliveries);
  }
  // A leader without Zalo is passed over quietly: recorded for the plan, not an error.
  bool more = false;
  for (const auto& leader : routing.unlinked) {
    if (done(leader.staff_id)) continue;
    deliveries.push_back({leader.staff_id, leader.unit_id, outcome::kNotLinked, ""});
    if (metrics_) metrics_->add("thidua_private_reminders_total", {{"outcome", "not_linked"}});
    more = true;
  }
  if (more) co_await store_.record_deliveries(r.key(), deliveries);
  co_return co_await finish(r.key(), deliveries, group_text);
}

Task<std::optional<Delivery>> ReminderPlanner::post_one(OutgoingReminder m,
                                                        const std::string& unit_id,
                                                        std::string& error) {
  auto result = co_await poster_.post(m);
  bool group = m.staff_id.empty();
  Delivery out{group ? std::string(kGroup) : m.staff_id, unit_id, "", ""};
  switch (result.kind) {
    case PostResult::Kind::Retryable:
      error = result.error;
      co_return std::nullopt;
    case PostResult::Kind::Posted:
      out.outcome = outcome::kSent;
      out.notification_id = result.id;
      break;
    case PostResult::Kind::NotSent:
      out.outcome = outcome::kRemindersOff;
      break;
    case PostResult::Kind::Permanent:
      // Linked a moment ago no more (or never): quietly passed over, like any leader
      // without Zalo. Anything else refused is a fault worth an error line.
      if (!group && (result.code == "staff_not_linked" || result.code == "unknown_staff")) {
        out.outcome = outcome::kNotLinked;
      } else {
        out.outcome = outcome::kRejected;
        log::error("reminder_rejected", {{"key", m.idempotency_key}, {"error", result.error}});
      }
      break;
  }
  if (!group && metrics_) {
    metrics_->add("thidua_private_reminders_total", {{"outcome", out.outcome}});
  }
  co_return out;
}

Task<int> ReminderPlanner::finish(const std::string& key, const std::vector<Delivery>& deliveries,
                                  const std::string& group_text) {
  auto settled = settle(deliveries);
  auto at = iso_instant(clock_.now());
  if (settled.status != "sent") {
    co_await store_.record_skipped(key, settled.reason, at);
    log::info("reminder_skipped", {{"key", key}, {"reason", settled.reason}});
    count("skipped_" + settled.reason);
    co_return 0;
  }
  std::string group_id;
  for (const auto& x : deliveries) {
    if (x.to == kGroup) group_id = x.notification_id;
  }
  co_await store_.record_sent(key, group_id, at, group_text);
  log::info("reminder_sent",
            {{"key", key}, {"notification_id", group_id}, {"messages", deliveries.size()}});
  count("sent");
  co_return 1;
}

Task<void> ReminderPlanner::run(std::function<bool()> stopping) {
  // Named locals beside co_await (the GCC 12 caveat in the README).
  std::function<std::chrono::milliseconds()> interval = [this] { return settings_.tick; };
  std::function<Task<void>()> once = [this]() -> Task<void> { co_await tick(); };
  std::string failed = "planner_tick_failed";
  co_await run_every(interval, once, std::move(stopping), failed);
}

Task<json> ReminderPlanner::plan(int year) {
  auto deadlines = co_await store_.deadlines();
  auto now = clock_.now();
  json reminders = json::array();
  for (const auto& d : deadlines) {
    for (auto due : occurrences_between(d, {year, 1, 1}, {year, 12, 31})) {
      auto plan = reminders_of(d, due);
      std::vector<std::string> keys;
      for (const auto& r : plan) keys.push_back(r.key());
      auto states = co_await store_.reminder_states(keys);
      for (std::size_t i = 0; i < plan.size(); ++i) {
        const auto& r = plan[i];
        const auto& s = states[r.key()];
        bool later_due = later_in_series_due(plan, i, now);
        auto status = plan_status(r, s.status, s.reason, now, settings_.policy, later_due);
        std::string state(plan_state_name(status.state));
        json entry = {{"key", r.key()},
                      {"deadline_id", d.id},
                      {"stage", r.units_stage ? "units" : "deadline"},
                      {"deadline_due_date", iso_date(r.deadline_due)},
                      {"due_date", iso_date(r.due)},
                      {"offset", offset_label(r.days_before)},
                      {"days_before", r.days_before},
                      {"at", iso_instant(r.at)},
                      {"at_local", local_label(r.at)},
                      {"overdue", r.overdue()},
                      {"state", state}};
        // The dailies after the due date go out only while something is still owed.
        entry["conditional"] = r.overdue();
        entry["notification_id"] = s.status == "sent" && !s.notification_id.empty()
                                       ? json(s.notification_id)
                                       : json(nullptr);
        entry["reason"] = status.reason.empty() ? json(nullptr) : json(status.reason);
        entry["recorded_at"] = s.recorded_at.empty() ? json(nullptr) : json(s.recorded_at);
        entry["last_error"] =
            s.status == "failed" && status.state == PlanState::Due ? json(s.error) : json(nullptr);
        entry["past"] = r.at <= now;
        entry["deliveries"] = deliveries_json(s.deliveries);
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
