#pragma once
// The outbox in Redis, and the only code that knows its keys:
//   {school}:notifications:outbox            stream of {msg_id, attempt}; group "delivery"
//   {school}:notifications:outbox-retry      delay set (retries, quiet hours, rate limits)
//   {school}:notifications:outbox-dead       dead-letter stream {msg_id, dead_reason, …}
//   {school}:notifications:outbox-lane:{lane} the messages of one lane, first in first out;
//                                            only the first is in the stream (StreamQueue)
//   {school}:notifications:msg:{id}          hash: target, chat_id, text, urgent, state, …
//   {school}:notifications:msg:{id}:history  list of JSON history entries
//   {school}:notifications:scheduled         sorted set id → send_at (ms): scheduled messages
//                                            not yet in their lane (ScheduledStore)
//   {school}:notifications:recent            sorted set id → created (ms), for the dashboard
//   {school}:notifications:idem:{key}        first answer for an Idempotency-Key, 24 h
// The rate windows (RateStore), the inbound bot updates (UpdateStore) and the scheduled
// messages' release (ScheduledStore) have their own stores; the dead letters are in
// outbox_dead_letters.cpp.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/keyspace.hpp"
#include "http/metrics.hpp"
#include "notifications/domain/outbox.hpp"
#include "redis/redis_pool.hpp"
#include "redis/stream_queue.hpp"

namespace thidua::notifications {

struct StoredMessage {
  std::string id;
  std::string target;
  std::string chat_id;
  std::string text;
  bool urgent = false;
  std::string category;  // "" or "reminder"
  std::string source;
  std::string state;
  std::string created_at;
  int parts_sent = 0;
  nlohmann::json message_ids = nlohmann::json::array();
  std::string last_error;
  std::string send_at;  // ISO instant the sender chose, "" when sent as soon as possible
  nlohmann::json to_json() const;
};

// A condition on enqueue, for a message made from stored state (a digest batch, a day's
// tally): the message is queued only while hash `key` still has `field` = `value`, and `key`
// is deleted in the same script. So the state becomes at most one message, whichever replica
// or retry gets there first, and a change made after it was read is never lost with it.
struct EnqueueGuard {
  std::string key;
  std::string field;
  std::string value;
};

struct EnqueueResult {
  nlohmann::json answer;  // {"id", "status"}
  bool duplicate = false;
  // A duplicate whose first request differed (another fingerprint): the answer is the
  // first request's; the API refuses it, internal senders (events, replies) keep the first.
  bool conflict = false;
  // The guard did not hold (the state changed or is gone): nothing was queued or changed.
  bool guard_failed = false;
};

class OutboxStore {
 public:
  OutboxStore(RedisPool& redis, const Keyspace& keys, const Clock& clock, http::Metrics& metrics);
  const StreamQueue& queue() const { return queue_; }

  // Stores the message and queues it (or holds it until `due`) in one script. With an
  // idempotency key seen in the last 24 h, returns the first answer and changes nothing.
  // With a `guard`, checks and consumes it first (see EnqueueGuard).
  Task<EnqueueResult> enqueue(const NewMessage& m, const std::string& chat_id,
                              const std::string& idempotency_key, std::optional<Instant> due,
                              const EnqueueGuard* guard = nullptr);
  Task<bool> seen_key(const std::string& idempotency_key);
  // Renews the delivery worker's claim on `entry` (StreamQueue::keep_claim).
  Task<bool> keep_claim(const StreamEntry& entry);
  Task<std::optional<StoredMessage>> load(const std::string& id);
  Task<nlohmann::json> history(const std::string& id);
  // Sets `state` (and `fields`) and appends a history entry, atomically.
  Task<void> record(const std::string& id, const std::string& state, HistoryNote note,
                    std::vector<std::pair<std::string, std::string>> fields = {});
  Task<nlohmann::json> recent(const std::string& state_filter, int limit);
  Task<nlohmann::json> dead(int limit);
  // False when the message is not in the dead-letter stream.
  Task<bool> retry_dead(const std::string& id, const std::string& by);
  Task<bool> discard_dead(const std::string& id, const std::string& by);

 private:
  Task<std::optional<std::string>> dead_entry_id(const std::string& id);
  RedisPool& redis_;
  Keyspace keys_;
  const Clock& clock_;
  http::Metrics& metrics_;
  StreamQueue queue_;
};

}  // namespace thidua::notifications
