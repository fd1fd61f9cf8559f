#pragma once
// The rate windows of the chats and of the bot, and the only code that knows their keys:
//   {school}:notifications:rate:{chat}       sliding window of sends per chat (60 s)
//   {school}:notifications:rate-bot          sliding window of all the bot's sends (1 s)
// Zalo limits how fast a bot may write to one chat, and to all chats together (its Bot API
// follows Telegram's, whose FAQ names about 30 messages a second overall); the delivery
// workers, which send side by side, ask before each send.
#include <chrono>
#include <string>

#include "core/clock.hpp"
#include "core/keyspace.hpp"
#include "redis/redis_pool.hpp"

namespace thidua::notifications {

class RateStore {
 public:
  RateStore(RedisPool& redis, const Keyspace& keys, const Clock& clock);
  // 0 when a send to `chat_id` may go now (and counts it in both windows, atomically);
  // otherwise how long to wait (ms, the longer of the two). `per_minute` (to one chat) or
  // `bot_per_second` (all chats together) <= 0: no such limit; no Redis call when neither.
  Task<std::chrono::milliseconds> wait(const std::string& chat_id, int per_minute,
                                       int bot_per_second);

 private:
  RedisPool& redis_;
  Keyspace keys_;
  const Clock& clock_;
};

}  // namespace thidua::notifications
