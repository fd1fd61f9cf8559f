#pragma once
// A reliable queue on a Redis Stream with a consumer group: at-least-once delivery,
// acknowledged after the work is done; entries of a crashed consumer are reclaimed after a
// visibility timeout; retries wait in a sorted set (due time as score) and return to the
// stream when due; after the last try an entry moves to a dead-letter stream with its reason.
// Moves between structures are Lua scripts, so an entry is never in two places or none.
//
// Lanes keep order (first in, first out) among entries that must not overtake each other,
// such as the messages to one chat. A lane is a list of its entries' fields; only its first
// entry is in the stream (or the delay set, or pending with a worker). When that entry is
// finished (acknowledged as done or dead-lettered) it leaves the lane and the next one enters
// the stream, in the same script. A retry or a hold keeps the entry first in its lane, so
// whatever holds one message holds those behind it, and nothing polls for its turn.
// Entries of a lane carry the fields "lane" (the lane's name) and "lane_item" (unique in it).
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
  // When the entry first failed (unix ms), 0 before its first retry: the retry budget.
  long long first_failed_ms() const;
};

struct QueueKeys {
  std::string stream;
  std::string group;
  std::string retry;  // sorted set
  std::string dead;   // stream
  std::string lanes;  // prefix of the lanes' lists ("" when the queue has no lanes)
};

class StreamQueue {
 public:
  explicit StreamQueue(QueueKeys keys, long long max_length = 100000);
  const QueueKeys& keys() const { return keys_; }
  long long max_length() const { return max_length_; }  // of the stream (XADD MAXLEN ~)

  // Creates the group (and stream) if missing; a group starts from the stream's beginning,
  // so entries written before the consumer first ran are not lost.
  Task<void> ensure_group(RedisClient& redis) const;
  Task<std::string> add(RedisClient& redis, const Fields& fields) const;
  // Appends an entry to lane `lane` (fields "lane" and "lane_item" are added); it enters the
  // stream at once when the lane was empty, or waits for those before it.
  Task<void> add_to_lane(RedisClient& redis, const std::string& lane, const std::string& item,
                         Fields fields) const;
  std::string lane_key(const std::string& lane) const { return keys_.lanes + lane; }
  // The fields of a lane entry as the lane list and the delay set hold them.
  static Fields lane_fields(Fields fields, const std::string& lane, const std::string& item);
  static std::string payload(const Fields& fields);  // flat JSON array [k, v, k, v, ...]
  // For callers that queue in their own scripts: defines the Lua function
  //   lane_push(lane_key, stream_key, delay_key, payload, due_ms ('0': now), maxlen) -> length
  // which appends `payload` to the lane and, when it is the lane's first entry, adds it to
  // the stream (or to the delay set at due_ms). Prepend it to the script's source.
  static std::string lane_push_lua();
  // New entries for `consumer`, waiting up to `block` on the dedicated connection.
  Task<std::vector<StreamEntry>> read(RedisClient& blocking, const std::string& consumer, int count,
                                      std::chrono::milliseconds block) const;
  Task<void> ack(RedisClient& redis, const std::string& id) const;
  // Acknowledges a finished entry; an entry of a lane leaves it and lets the next one in.
  // Nothing moves when the entry was acknowledged already (a duplicate finish).
  Task<void> finish(RedisClient& redis, const StreamEntry& entry) const;
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
  // Acknowledges `entry` and records it in the dead-letter stream with `reason`; an entry
  // of a lane leaves it (see finish).
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
  Instant due{};  // Defer: when; Retry: not before (epoch when none)
  static Disposition done() { return {}; }
  // `not_before`: the other side asked for a pause (Retry-After); the backoff may be longer.
  static Disposition retry(std::string why, Instant not_before = {}) {
    return {Kind::Retry, std::move(why), not_before};
  }
  static Disposition fail(std::string why) { return {Kind::Fail, std::move(why), {}}; }
  static Disposition defer(Instant until) { return {Kind::Defer, {}, until}; }
  static Disposition abandon() { return {Kind::Abandon, {}, {}}; }
};

struct WorkerOptions {
  std::string consumer = "worker-1";
  int batch = 16;
  // How many entries of a batch are handled side by side (1: one after the other). More
  // than one only for a queue whose order lives in lanes: then the stream holds one entry
  // per lane, and entries side by side never overtake each other.
  int concurrency = 1;
  std::chrono::milliseconds block{1000};
  std::chrono::milliseconds visibility_timeout{30000};
  BackoffPolicy backoff;  // delays, and when retrying stops (attempts, time budget)
  // Optional: told before a retry is scheduled (retry number from 1, when it is due) and
  // before an entry is dead-lettered, so a caller can keep its own status history.
  std::function<Task<void>(const StreamEntry&, int retry, Instant due, const std::string& reason)>
      on_retry;
  std::function<Task<void>(const StreamEntry&, const std::string& reason)> on_dead;
};

// Runs until `stopping()` is true: promotes due retries, reclaims stale entries, reads new
// ones and hands each to `handle`; acknowledges, retries or dead-letters as it decides.
// The claim on an entry of a batch is renewed just before it is handled when it waited half
// the visibility timeout or more behind slow ones (and skipped when another worker has taken
// it meanwhile); a handler that works long renews it again with keep_claim.
Task<void> run_stream_worker(const StreamQueue& queue, RedisClient& redis, RedisClient& blocking,
                             WorkerOptions options,
                             std::function<Task<Disposition>(const StreamEntry&)> handle,
                             std::function<bool()> stopping);

}  // namespace thidua
