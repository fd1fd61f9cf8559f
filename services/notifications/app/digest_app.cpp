#include "notifications/app/digest_app.hpp"

#include <algorithm>

#include "core/event_loop.hpp"
#include "core/log.hpp"

namespace thidua::notifications {
DigestApp::DigestApp(DigestStore& store, OutboxApp& outbox, const Settings& settings,
                     const Clock& clock)
    : store_(store), outbox_(outbox), settings_(settings), clock_(clock) {}

std::chrono::milliseconds DigestApp::tick_interval() const {
  auto twentieth = settings_.digest_window / 20;
  if (settings_.digest_window.count() == 0) twentieth = std::chrono::milliseconds(1000);
  return std::clamp(twentieth, std::chrono::milliseconds(50), std::chrono::milliseconds(1000));
}

Task<void> DigestApp::take(const NominationEvent& event) {
  auto kind = digest_kind(event);
  auto batch = digest_batch(event);  // a withdrawal joins the submissions it may take back
  auto field = day_count_field(event);
  bool batched = batch && settings_.digest_window.count() > 0;
  bool counted = field && settings_.daily_summary.enabled;
  if (batched || counted) {
    auto now = clock_.now();
    DigestIntake in;
    in.event_id = event.once_id();
    in.event = event;
    in.event.note.clear();  // a rejection's reason is for the people concerned only
    if (batched) in.batch = batch;
    if (counted) {
      in.day = summary_day_for(now, settings_.daily_summary);
      in.day_field = *field;
    }
    bool fresh = co_await store_.take(in, now);
    std::string kind_name = batched ? std::string(digest_kind_name(*batch)) : std::string();
    log::info("event_digested",
              {{"event_id", in.event_id}, {"batch", kind_name}, {"duplicate", !fresh}});
  }
  // What no batch gathers (a round's reminder; drafts, which say nothing) goes on its own.
  if (settings_.digest_window.count() == 0 || !kind) co_await outbox_.announce_event(event);
  co_await outbox_.tell_concerned(event);
}

Task<int> DigestApp::flush(const DigestBatch& batch) {
  std::string kind(digest_kind_name(batch.kind));
  std::vector<NominationEvent> events = batch.events;
  for (auto& e : events) {
    if (!co_await outbox_.address_subject(e)) break;  // nominations away: names alone
  }
  auto text = digest_message(batch.kind, events);
  if (!text) {
    // Only rejections (each was told privately) or submissions since withdrawn: the group
    // hears nothing of them.
    bool dropped = co_await store_.drop(batch.guard);
    log::info("digest_dropped", {{"kind", kind}, {"batch", batch.id}, {"dropped", dropped}});
    co_return 0;
  }
  std::string key = "digest:" + kind + ":" + batch.id;
  auto r = co_await outbox_.announce(*text, key, batch.guard);
  if (r.guard_failed) {
    // An event joined after the read, or another replica queued it: the next pass decides.
    log::debug("digest_changed", {{"kind", kind}, {"batch", batch.id}});
    co_return 0;
  }
  log::info("digest_queued", {{"kind", kind},
                              {"batch", batch.id},
                              {"events", batch.events.size()},
                              {"id", r.id},
                              {"duplicate", r.duplicate}});
  co_return r.duplicate ? 0 : 1;
}

Task<int> DigestApp::send_summary(Instant now) {
  auto day = last_summary_day(now, settings_.daily_summary);
  auto tally = co_await store_.tally(day);
  if (!tally) co_return 0;  // nothing happened, or it went out already
  auto text = daily_summary(tally->counts, day, settings_.daily_summary);
  if (!text) {
    co_await store_.drop(tally->guard);
    co_return 0;
  }
  std::string key = "daily:" + iso_date(day);
  auto r = co_await outbox_.announce(*text, key, tally->guard);
  if (r.guard_failed) co_return 0;
  log::info("daily_summary_queued",
            {{"day", iso_date(day)}, {"id", r.id}, {"duplicate", r.duplicate}});
  co_return r.duplicate ? 0 : 1;
}

Task<int> DigestApp::tick() {
  auto now = clock_.now();
  int queued = 0;
  // Also with a window of 0: a batch left open when the window was turned off goes now.
  auto batches = co_await store_.open_batches();
  for (const auto& b : batches) {
    if (b.opened + settings_.digest_window <= now) queued += co_await flush(b);
  }
  if (settings_.daily_summary.enabled) queued += co_await send_summary(now);
  co_return queued;
}

Task<void> DigestApp::run(std::function<bool()> stopping) {
  // Named locals beside co_await (the GCC 12 caveat in the README).
  std::function<std::chrono::milliseconds()> interval = [this] { return tick_interval(); };
  std::function<Task<void>()> once = [this]() -> Task<void> { co_await tick(); };
  std::string failed = "digest_tick_failed";
  co_await run_every(interval, once, std::move(stopping), failed);
}

}  // namespace thidua::notifications
