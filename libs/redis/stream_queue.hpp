#pragma once
// A reliable queue on a Redis Stream with a consumer group: at-least-once delivery,
// acknowledged after the work is done; entries of a crashed consumer are reclaimed after a
// visibility timeout; retries wait in a sorted set (due time as score) and return to the
// stream when due; after the last try an entry moves to a dead-letter stream with its reason.
// Moves between structures are Lua scripts, so an entry is never in two places or none.
#include <chrono>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/backoff.hpp"
#include "core/clock.hpp"
#include "redis/redis_client.hpp"

namespace thidua {

using Fields = std::vector<std::pair<std::string, std::string>>;

struct StreamEntry {
  std::string id;
  Fields fields;
  std::string consumer;  // who holds it now (set by run_stream_worker), for keep_claim
  std::string field(const std::string& name) const;  // "" when absent
  int attempt() const;                               // 0 on the first delivery
};

struct QueueKeys {
  std::string stream;
  std::string group;
  std::string retry;  // sorted set
  std::string dead;   // stream
};

class StreamQueue {
 public:
  explicit StreamQueue(QueueKeys keys, long long max_length = 100000);
  const QueueKeys& keys() const { return keys_; }

  // Creates the group (and stream) if missing; a group starts from the stream's beginning,
  // so entries written before the consumer first ran are not lost.
  Task<void> ensure_group(RedisClient& redis) const;
  Task<std::string> add(RedisClient& redis, const Fields& fields) const;
  // New entries for `consumer`, waiting up to `block` on the dedicated connection.
  Task<std::vector<StreamEntry>> read(RedisClient& blocking, const std::string& consumer, int count,
                                      std::chrono::milliseconds block) const;
  Task<void> ack(RedisClient& redis, const std::string& id) const;
  // Keeps `consumer`'s claim on entry `id` fresh (its idle time back to 0), so that no other
  // worker reclaims it while this one still works on it; false when the claim is lost
  // (another consumer reclaimed it, or it was acknowledged): then leave the entry alone.
  Task<bool> keep_claim(RedisClient& redis, const std::string& id,
                        const std::string& consumer) const;
  // Entries other consumers took more than `min_idle` ago without acknowledging.
  Task<std::vector<StreamEntry>> reclaim(RedisClient& redis, const std::string& consumer,
                                         std::chrono::milliseconds min_idle, int count) const;
  // Acknowledges `entry` and schedules it again at `due` with its attempt count raised.
  Task<void> retry_later(RedisClient& redis, const StreamEntry& entry, Instant due,
                         const std::string& reason) const;
  // Acknowledges `entry` and puts it back at `due` with its attempt count unchanged: a hold
  // (quiet hours, a rate limit) is not a failure and must not use up the retry budget.
  Task<void> defer(RedisClient& redis, const StreamEntry& entry, Instant due) const;
  // Adds a new entry that first becomes visible at `due` (through the delay set).
  Task<void> schedule(RedisClient& redis, const Fields& fields, Instant due) const;
  // Moves retries that are due back to the stream; returns how many.
  Task<long long> promote_due(RedisClient& redis, Instant now, int max) const;
  // Acknowledges `entry` and records it in the dead-letter stream with `reason`.
  Task<void> dead_letter(RedisClient& redis, const StreamEntry& entry,
                         const std::string& reason) const;

  struct Sizes {
    long long length = 0, pending = 0, retrying = 0, dead = 0;
  };
  Task<Sizes> sizes(RedisClient& redis) const;

 private:
  QueueKeys keys_;
  long long max_length_;
};

// What a handler decided about one entry.
struct Disposition {
  // Abandon: the claim was lost to another worker; touch nothing (see keep_claim).
  enum class Kind { Done, Retry, Fail, Defer, Abandon };
  Kind kind = Kind::Done;
  std::string reason;
  Instant due{};  // Defer only
  static Disposition done() { return {}; }
  static Disposition retry(std::string why) { return {Kind::Retry, std::move(why), {}}; }
  static Disposition fail(std::string why) { return {Kind::Fail, std::move(why), {}}; }
  static Disposition defer(Instant until) { return {Kind::Defer, {}, until}; }
  static Disposition abandon() { return {Kind::Abandon, {}, {}}; }
};

struct WorkerOptions {
  std::string consumer = "worker-1";
  int batch = 16;
  std::chrono::milliseconds block{1000};
  std::chrono::milliseconds visibility_timeout{30000};
  BackoffPolicy backoff;
  // Optional: told before a retry is scheduled (retry number from 1, when it is due) and
  // before an entry is dead-lettered, so a caller can keep its own status history.
  std::function<Task<void>(const StreamEntry&, int retry, Instant due, const std::string& reason)>
      on_retry;
  std::function<Task<void>(const StreamEntry&, const std::string& reason)> on_dead;
};

// Runs until `stopping()` is true: promotes due retries, reclaims stale entries, reads new
// ones and hands each to `handle`; acknowledges, retries or dead-letters as it decides.
// The claim on each entry of a batch is renewed just before it is handled (an entry that
// waited behind slow ones is skipped when another worker has taken it meanwhile); a handler
// that works long renews it again with keep_claim.
Task<void> run_stream_worker(const StreamQueue& queue, RedisClient& redis, RedisClient& blocking,
                             WorkerOptions options,
                             std::function<Task<Disposition>(const StreamEntry&)> handle,
                             std::function<bool()> stopping);

}  // namespace thidua
