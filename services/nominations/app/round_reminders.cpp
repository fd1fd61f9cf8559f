#include "nominations/app/round_reminders.hpp"

#include "core/crypto.hpp"
#include "core/event_loop.hpp"
#include "core/log.hpp"
#include "nominations/domain/round_reminder.hpp"

namespace thidua::nominations {
namespace {
constexpr const char* kEventType = "round.closing";
constexpr const char* kMetric = "thidua_round_reminders_total";

// The round as the event carries it, with the labels a message needs, so the notifications
// service asks nobody.
ClosingRound closing_round(const Round& r, const Catalogue& c, int days_left) {
  ClosingRound out;
  out.id = r.id;
  out.name = r.name;
  out.period = r.period_id;
  const Period* p = c.period(r.period_id);
  out.period_label = p ? p->label : r.period_id;
  out.opens = iso_date(r.opens);
  out.closes = iso_date(r.closes);
  for (const auto& code : r.award_codes) {
    const AwardForm* a = c.award(code);
    out.awards.push_back({code, a ? a->label : code});
  }
  out.days_left = days_left;
  return out;
}
}  // namespace

RoundReminders::RoundReminders(RoundStore& rounds, CatalogueStore& catalogue,
                               NominationStore& nominations, const Clock& clock,
                               RoundReminderSettings settings, http::Metrics* metrics)
    : rounds_(rounds),
      catalogue_(catalogue),
      nominations_(nominations),
      clock_(clock),
      settings_(std::move(settings)),
      metrics_(metrics) {
  if (metrics_) {
    metrics_->describe(kMetric, http::MetricType::kCounter,
                       "Reminders before a round closes: written (a round.closing event), or "
                       "already written (by another replica or before a restart).",
                       {{{"outcome", "written"}}, {{"outcome", "already_written"}}});
  }
}

Task<int> RoundReminders::tick() {
  if (settings_.days_before == kRoundReminderOff) co_return 0;
  auto now = clock_.now();
  auto today = local_date(now);
  auto rounds = co_await rounds_.all();
  int written = 0;
  std::shared_ptr<const Catalogue> catalogue;  // read only when a reminder is due
  for (const auto& r : rounds) {
    auto due = round_reminder_due(r, today, settings_.days_before);
    if (!due) continue;
    if (!catalogue) catalogue = co_await catalogue_.load();
    NominationEvent event;
    event.event_id = crypto::random_hex(16);
    event.type = kEventType;
    event.occurred_at = iso_instant(now);
    event.school = settings_.school;
    event.actor = "system";
    event.body = closing_round(r, *catalogue, due->days_left);
    std::string stream = nominations_.events_stream();
    bool fresh = co_await rounds_.remind_once(due->key, stream, event);
    if (metrics_) metrics_->add(kMetric, {{"outcome", fresh ? "written" : "already_written"}});
    if (fresh) {
      ++written;
      log::info("round_reminder_written",
                log::Fields().add("days_left", due->days_left).add("key", due->key));
    }
  }
  co_return written;
}

Task<void> RoundReminders::run(std::function<bool()> stopping) {
  // Named locals beside co_await (the GCC 12 caveat in the README).
  auto tick_every = settings_.tick;
  std::function<std::chrono::milliseconds()> interval = [tick_every] { return tick_every; };
  std::function<Task<void>()> once = [this]() -> Task<void> { co_await tick(); };
  std::string failed = "round_reminder_tick_failed";
  co_await run_every(interval, once, std::move(stopping), failed);
}

}  // namespace thidua::nominations
