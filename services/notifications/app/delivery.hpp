#pragma once
// Delivery of one outbox entry: skip what was sent, hold in quiet hours, respect the rate
// limit per chat and the circuit breaker, record "sending" before each call and "sent" with
// Zalo's message_id after it. Only a call in flight when a worker dies can reach the chat
// twice: the Bot API has no idempotency key. Order per chat comes from the outbox's lanes:
// a worker only ever sees the first message of a lane.
#include <optional>

#include "notifications/app/settings.hpp"
#include "notifications/bot/messenger.hpp"
#include "notifications/store/breaker_store.hpp"
#include "notifications/store/outbox_store.hpp"
#include "notifications/store/rate_store.hpp"

namespace thidua::notifications {

class Delivery {
 public:
  Delivery(OutboxStore& store, BreakerStore& breaker, RateStore& rates, Messenger& messenger,
           const Settings& settings, const Clock& clock);
  Task<Disposition> handle(const StreamEntry& entry);
  Task<void> on_retry(const StreamEntry& entry, int retry, Instant due, const std::string& reason);
  Task<void> on_dead(const StreamEntry& entry, const std::string& reason);
  // Worker options with the hooks above wired in.
  WorkerOptions options(const std::string& consumer);

 private:
  // Whether the circuit breaker lets this worker call Zalo now; nullopt: wait until
  // `wait_until`. tell_breaker reports the call's outcome and sets `wait_until` to when a
  // retry may come (Retry-After, the breaker's pause).
  Task<std::optional<BreakerGate>> admit(Instant& wait_until);
  Task<void> tell_breaker(const BreakerGate& gate, const SendResult& r, Instant& wait_until);
  // 0 when the chat's and the bot's rate windows (the settings' limits) let a send go now
  // and it is counted; otherwise how long to wait.
  Task<std::chrono::milliseconds> room_for(const std::string& chat_id);
  OutboxStore& store_;
  BreakerStore& breaker_;
  RateStore& rates_;
  Messenger& messenger_;
  const Settings& settings_;
  const Clock& clock_;
};

}  // namespace thidua::notifications
