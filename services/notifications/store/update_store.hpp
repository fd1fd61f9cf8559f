#pragma once
// The inbound bot updates (chat messages to the bot), and the only code that knows their keys:
//   {school}:notifications:updates           stream of {bot_update} (a BotUpdate as this
//                                            store writes it; {update}, the platform's JSON,
//                                            from before); group "commands"
//   {school}:notifications:update-seen:{key} an update already stored (7 days)
// Whichever way an update came in (webhook, long polling, any replica), it is stored once and
// the commands worker answers it from the stream.
#include <optional>
#include <string>

#include "notifications/domain/bot_update.hpp"

#include "core/keyspace.hpp"
#include "redis/redis_pool.hpp"
#include "redis/stream_queue.hpp"

namespace thidua::notifications {

class UpdateStore {
 public:
  UpdateStore(RedisPool& redis, const Keyspace& keys);
  const StreamQueue& queue() const { return queue_; }
  // Stores an update for the commands worker, once per update_key(update) for a week: the
  // same update from a redelivery or through another replica is not stored again, so it is
  // processed once and answered by that processing. False when it was a duplicate.
  Task<bool> push(const BotUpdate& update);
  // The update of one stream entry; nullopt when it cannot be read (then it is dropped).
  static std::optional<BotUpdate> read(const StreamEntry& entry);

 private:
  RedisPool& redis_;
  Keyspace keys_;
  StreamQueue queue_;
};

}  // namespace thidua::notifications
