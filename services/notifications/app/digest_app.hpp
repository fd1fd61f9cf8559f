#pragma once
// The staff group hears of nominations events in digests (issue 13): the events of one kind
// that arrive within THIDUA_DIGEST_WINDOW_MS of the first go out as one ordered message, and
// with THIDUA_DAILY_SUMMARY_AT a summary of the day's counts goes out once a day. Personal
// messages (a rejection, a "not awarded") still go at once. Every replica runs the ticker;
// a batch becomes one message whichever replica queues it (DigestStore, EnqueueGuard).
#include <chrono>
#include <functional>

#include "core/clock.hpp"
#include "notifications/app/outbox_app.hpp"
#include "notifications/app/settings.hpp"
#include "notifications/store/digest_store.hpp"

namespace thidua::notifications {

class DigestApp {
 public:
  DigestApp(DigestStore& store, OutboxApp& outbox, const Settings& settings, const Clock& clock);

  // One nominations event: into its kind's batch (or announced at once when the window is
  // 0), counted for the daily summary, and told privately to the people it concerns. Safe
  // to repeat: an event is taken in once per event_id. Throws to have the event retried.
  Task<void> take(const NominationEvent& event);
  // One pass: queues the message of each batch whose window has passed (oldest first) and
  // the daily summary once its time has come. Returns how many messages it queued.
  Task<int> tick();
  // Ticks every tick_interval() until `stopping()`; a failed pass is logged and retried.
  Task<void> run(std::function<bool()> stopping);
  // A twentieth of the window, between 50 ms and 1 s: a batch leaves at most that late.
  std::chrono::milliseconds tick_interval() const;

 private:
  Task<int> flush(const DigestBatch& batch);
  Task<int> send_summary(Instant now);

  DigestStore& store_;
  OutboxApp& outbox_;
  const Settings& settings_;
  const Clock& clock_;
};

}  // namespace thidua::notifications
