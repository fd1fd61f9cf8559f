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
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/keyspace.hpp"
#include "http/metrics.hpp"
#include "notifications/domain/outbox.hpp"
#include "notifications/store/history_entry.hpp"
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
  std::vector<std::string> message_ids;  // Zalo's ids of the parts sent, in order
  std::string last_error;
  std::string send_at;  // ISO instant the sender chose, "" when sent as soon as possible
};

// A message that failed for good, as the dead-letter stream lists it (newest first).
struct DeadLetter {
  std::string id;
  std::string reason;
  std::string dead_at;  // ISO instant
  std::optional<int> attempts;
  std::optional<StoredMessage> message;  // absent when its hash is gone
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
  // The answer: the message's id and status ("queued" or "scheduled"); for a duplicate,
  // the first request's.
  std::string id;
  std::string status;
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
  // The message's status history, oldest first (entries that cannot be read are skipped).
  Task<std::vector<HistoryEntry>> history(const std::string& id);
  // Sets `state` and appends a history entry, atomically; with `last_error`, keeps it.
  Task<void> record(const std::string& id, const std::string& state, HistoryNote note,
                    std::optional<std::string> last_error = std::nullopt);
  // Part `parts_sent` (from 1) has gone out: the ids Zalo gave so far, `state` (sending, or
  // sent after the last part) and the history entry, atomically.
  Task<void> record_part_sent(const std::string& id, const std::string& state, HistoryNote note,
                              int parts_sent, const std::vector<std::string>& message_ids);
  // The newest messages first, at most `limit`, of one state when `state_filter` is set.
  Task<std::vector<StoredMessage>> recent(const std::string& state_filter, int limit);
  Task<std::vector<DeadLetter>> dead(int limit);
  // False when the message is not in the dead-letter stream.
  Task<bool> retry_dead(const std::string& id, const std::string& by);
  Task<bool> discard_dead(const std::string& id, const std::string& by);

 private:
  // A message's hash (an HGETALL reply) read back.
  static StoredMessage message_from(const std::string& id, const RedisReply& hash);
  // Messages by id in one round trip (pipelined), in the same order; nullopt for one whose
  // hash is gone.
  Task<std::vector<std::optional<StoredMessage>>> load_all(const std::vector<std::string>& ids);
  Task<std::optional<std::string>> dead_entry_id(const std::string& id);
  // kRecord with hash `fields` as name, value, name, value...
  Task<void> record_fields(const std::string& id, const std::string& state, const HistoryNote& note,
                           std::vector<std::string> fields);
  RedisPool& redis_;
  Keyspace keys_;
  const Clock& clock_;
  http::Metrics& metrics_;
  StreamQueue queue_;
};

}  // namespace thidua::notifications
