#include "notifications/store/rate_store.hpp"

#include "core/crypto.hpp"

namespace thidua::notifications {
namespace {
// KEYS: the chat's window (60 s), the bot's window (1 s).
// ARGV: now_ms, per-chat limit (0: none), bot limit per second (0: none), member.
// Counts the send in both windows only when both have room; otherwise the longer wait.
const RedisScript kRate(R"lua(
local now = tonumber(ARGV[1])
local function wait_in(key, window, limit)
  if limit <= 0 then return 0 end
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  if redis.call('ZCARD', key) < limit then return 0 end
  local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  return math.max(1, tonumber(oldest[2]) + window - now)
end
local chat_limit, bot_limit = tonumber(ARGV[2]), tonumber(ARGV[3])
local wait = math.max(wait_in(KEYS[1], 60000, chat_limit), wait_in(KEYS[2], 1000, bot_limit))
if wait > 0 then return wait end
if chat_limit > 0 then
  redis.call('ZADD', KEYS[1], now, ARGV[4])
  redis.call('PEXPIRE', KEYS[1], 60000)
end
if bot_limit > 0 then
  redis.call('ZADD', KEYS[2], now, ARGV[4])
  redis.call('PEXPIRE', KEYS[2], 60000)  -- only tidies up: the window is by score
end
return 0
)lua");
}  // namespace

RateStore::RateStore(RedisPool& redis, const Keyspace& keys, const Clock& clock)
    : redis_(redis), keys_(keys), clock_(clock) {}

Task<std::chrono::milliseconds> RateStore::wait(const std::string& chat_id, int per_minute,
                                                int bot_per_second) {
  if (per_minute <= 0 && bot_per_second <= 0) co_return std::chrono::milliseconds(0);
  std::vector<std::string> keys{keys_("rate:" + chat_id), keys_("rate-bot")};
  std::vector<std::string> args{std::to_string(unix_millis(clock_.now())),
                                std::to_string(std::max(per_minute, 0)),
                                std::to_string(std::max(bot_per_second, 0)), crypto::random_hex(8)};
  auto r = co_await redis_.local().eval(kRate, std::move(keys), std::move(args));
  co_return std::chrono::milliseconds(r.number());
}

}  // namespace thidua::notifications
