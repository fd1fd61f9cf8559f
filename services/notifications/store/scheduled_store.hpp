#pragma once
// Messages the board scheduled for a later time (issue 12, "send at a time"). OutboxStore
// stores them in state "scheduled" and in the set {school}:notifications:scheduled (id →
// send_at in ms), outside their lane; this store moves each into its lane when due, or
// cancels it before. Both steps start with ZREM in one script, so a message is released
// once (whichever replica's tick gets it) and a cancel that wins never lets it go.
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/keyspace.hpp"
#include "redis/redis_pool.hpp"
#include "redis/stream_queue.hpp"

namespace thidua::notifications {

class ScheduledStore {
 public:
  // `queue`: the outbox's delivery queue (OutboxStore::queue()), whose lanes receive them.
  ScheduledStore(RedisPool& redis, const Keyspace& keys, const Clock& clock,
                 const StreamQueue& queue);
  // Puts up to `max` messages whose time has come into their lanes and returns how many.
  // A message that is not urgent and falls in quiet hours waits in its lane until
  // `quiet_until` (state "held", reason quiet_hours), as one queued then would.
  Task<int> release_due(std::optional<Instant> quiet_until, int max);
  // Cancels a message still waiting for its time: state "discarded", recorded with `by`.
  // False when it is not waiting (already released, cancelled, or never scheduled).
  Task<bool> cancel(const std::string& id, const std::string& by);

 private:
  RedisPool& redis_;
  Keyspace keys_;
  const Clock& clock_;
  const StreamQueue& queue_;
};

}  // namespace thidua::notifications
