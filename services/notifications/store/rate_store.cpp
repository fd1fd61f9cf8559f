#include "notifications/store/rate_store.hpp"

#include "core/crypto.hpp"

namespace thidua::notifications {
namespace {
// KEYS: window. ARGV: now_ms, window_ms, limit, member.
const RedisScript kRate(R"lua(
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('ZADD', KEYS[1], now, ARGV[4])
  redis.call('PEXPIRE', KEYS[1], window)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)
)lua");
}  // namespace

RateStore::RateStore(RedisPool& redis, const Keyspace& keys, const Clock& clock)
    : redis_(redis), keys_(keys), clock_(clock) {}

Task<std::chrono::milliseconds> RateStore::wait(const std::string& chat_id, int per_minute) {
  if (per_minute <= 0) co_return std::chrono::milliseconds(0);
  std::vector<std::string> keys{keys_("rate:" + chat_id)};
  std::vector<std::string> args{std::to_string(unix_millis(clock_.now())), "60000",
                                std::to_string(per_minute), crypto::random_hex(8)};
  auto r = co_await redis_.local().eval(kRate, std::move(keys), std::move(args));
  co_return std::chrono::milliseconds(r.number());
}

}  // namespace thidua::notifications
