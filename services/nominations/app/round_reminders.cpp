#include "nominations/app/round_reminders.hpp"

#include <nlohmann/json.hpp>

#include "core/crypto.hpp"
#include "core/event_loop.hpp"
#include "core/log.hpp"
#include "nominations/domain/round_reminder.hpp"

namespace thidua::nominations {
namespace {
using nlohmann::json;

constexpr const char* kEventType = "round.closing";
constexpr const char* kMetric = "thidua_round_reminders_total";

// The round as the event carries it (proto/events/nominations-event.schema.json), with the
// labels a message needs, so the notifications service asks nobody.
json round_json(const Round& r, const Catalogue& c) {
  json awards = json::array();
  for (const auto& code : r.award_codes) {
    const AwardForm* a = c.award(code);
    awards.push_back({{"code", code}, {"label", a ? a->label : code}});
  }
  const Period* p = c.period(r.period_id);
  return {{"id", r.id},
          {"name", r.name},
          {"period", r.period_id},
          {"period_label", p ? p->label : r.period_id},
          {"opens", iso_date(r.opens)},
          {"closes", iso_date(r.closes)},
          {"awards", awards}};
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
    json event = {{"event_id", crypto::random_hex(16)},
                  {"type", kEventType},
                  {"occurred_at", iso_instant(now)},
                  {"school", settings_.school},
                  {"actor", "system"},
                  {"round", round_json(r, *catalogue)},
                  {"days_left", due->days_left}};
    std::string stream = nominations_.events_stream();
    std::string type = kEventType;
    std::string text = event.dump();
    std::string at = iso_instant(now);
    bool fresh = co_await rounds_.remind_once(due->key, stream, type, text, at);
    if (metrics_) metrics_->add(kMetric, {{"outcome", fresh ? "written" : "already_written"}});
    if (fresh) {
      ++written;
      log::info("round_reminder_written", {{"key", due->key}, {"days_left", due->days_left}});
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
