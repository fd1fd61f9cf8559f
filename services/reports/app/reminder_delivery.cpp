// One reminder's delivery (ReminderPlanner, planner.hpp): who owes, who hears it (the group,
// the leaders in private), posting each message once and recording what became of it.
#include <algorithm>

#include "core/errors.hpp"
#include "core/log.hpp"
#include "reports/app/planner.hpp"
#include "reports/app/reports_app.hpp"
#include "reports/domain/messages.hpp"
#include "reports/domain/reminder_text.hpp"

namespace thidua::reports {
namespace {
// A claim older than this is taken to belong to a replica that died mid-delivery.
constexpr long long kClaimTtlMs = 120000;

// The recipient name of the staff group in a reminder's deliveries.
constexpr const char* kGroup = "group";
}  // namespace

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
    log::warn("reminder_retry", log::Fields().add("error", unreadable).add("key", r.key()));
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
      log::warn("reminder_retry", log::Fields().add("error", error).add("key", r.key()));
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
        log::error("reminder_rejected",
                   log::Fields().add("error", result.error).add("key", m.idempotency_key));
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
    log::info("reminder_skipped", log::Fields().add("key", key).add("reason", settled.reason));
    count("skipped_" + settled.reason);
    co_return 0;
  }
  std::string group_id;
  for (const auto& x : deliveries) {
    if (x.to == kGroup) group_id = x.notification_id;
  }
  co_await store_.record_sent(key, group_id, at, group_text);
  // Members in the order the JSON tree wrote them (by name), so the line reads as before.
  log::info("reminder_sent", log::Fields()
                                 .add("key", key)
                                 .add("messages", static_cast<long long>(deliveries.size()))
                                 .add("notification_id", group_id));
  count("sent");
  co_return 1;
}

}  // namespace thidua::reports
