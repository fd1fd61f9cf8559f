#pragma once
// The rate windows of the chats, and the only code that knows their keys:
//   {school}:notifications:rate:{chat}       sliding window of sends per chat (60 s)
// Zalo limits how fast a bot may write to one chat; the delivery worker asks before each send.
#include <chrono>
#include <string>

#include "core/clock.hpp"
#include "core/keyspace.hpp"
#include "redis/redis_pool.hpp"

namespace thidua::notifications {

class RateStore {
 public:
  RateStore(RedisPool& redis, const Keyspace& keys, const Clock& clock);
  // 0 when a send to `chat_id` may go now (and counts it, atomically); otherwise how long to
  // wait. `per_minute` <= 0: no limit.
  Task<std::chrono::milliseconds> wait(const std::string& chat_id, int per_minute);

 private:
  RedisPool& redis_;
  Keyspace keys_;
  const Clock& clock_;
};

}  // namespace thidua::notifications
