#pragma once
// Delivery of one outbox entry: skip what was sent, hold in quiet hours, respect the rate
// limit per chat, record "sending" before each call and "sent" with Zalo's message_id
// after it. Only a call in flight when a worker dies can reach the chat twice: the Bot API
// has no idempotency key.
#include "notifications/app/settings.hpp"
#include "notifications/bot/messenger.hpp"
#include "notifications/store/outbox_store.hpp"

namespace thidua::notifications {

class Delivery {
 public:
  Delivery(OutboxStore& store, Messenger& messenger, const Settings& settings, const Clock& clock);
  Task<Disposition> handle(const StreamEntry& entry);
  Task<void> on_retry(const StreamEntry& entry, int retry, Instant due, const std::string& reason);
  Task<void> on_dead(const StreamEntry& entry, const std::string& reason);
  // Worker options with the hooks above wired in.
  WorkerOptions options(const std::string& consumer);

 private:
  OutboxStore& store_;
  Messenger& messenger_;
  const Settings& settings_;
  const Clock& clock_;
};

}  // namespace thidua::notifications
