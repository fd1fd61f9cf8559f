#include "notifications/store/breaker_store.hpp"

#include <algorithm>

#include "core/crypto.hpp"

namespace thidua::notifications {
namespace {

// KEYS: breaker, probe. ARGV: now_ms, probe_ttl_ms, probe owner.
// Returns {kind (0 closed, 1 probe, 2 wait), until_ms, cooldown_ms, failures}.
const RedisScript kGate(R"lua(
local s = redis.call('HMGET', KEYS[1], 'failures', 'open_until', 'cooldown')
local failures = tonumber(s[1] or '0')
local open_until = tonumber(s[2] or '0')
local cooldown = tonumber(s[3] or '0')
local now = tonumber(ARGV[1])
if open_until == 0 then return {0, 0, 0, failures} end
if now < open_until then return {2, open_until, cooldown, failures} end
if redis.call('SET', KEYS[2], ARGV[3], 'NX', 'PX', ARGV[2]) then
  return {1, 0, cooldown, failures}
end
local ttl = redis.call('PTTL', KEYS[2])
if ttl < 0 or ttl > 1000 then ttl = 1000 end
return {2, now + ttl, cooldown, failures}
)lua");

// KEYS: breaker, probe. ARGV: now_ms, failures to open, cooldown_ms if it opens now,
// '1' when the probe failed, retry_after_ms. Returns open_until_ms (0: closed).
const RedisScript kFailure(R"lua(
local now = tonumber(ARGV[1])
local ra = tonumber(ARGV[5])
local failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
local open_until = tonumber(redis.call('HGET', KEYS[1], 'open_until') or '0')
if ARGV[4] == '1' or (open_until == 0 and (failures >= tonumber(ARGV[2]) or ra > 0)) then
  local cooldown = tonumber(ARGV[3])
  local u = now + math.max(cooldown, ra)
  redis.call('HSET', KEYS[1], 'open_until', u, 'cooldown', cooldown)
  redis.call('DEL', KEYS[2])
  return u
end
if ra > 0 and open_until > 0 and now + ra > open_until then
  redis.call('HSET', KEYS[1], 'open_until', now + ra)
  return now + ra
end
return open_until
)lua");

Instant from_millis(long long ms) {
  return Instant(std::chrono::milliseconds(ms));
}
}  // namespace

BreakerStore::BreakerStore(RedisPool& redis, const Keyspace& keys, const Clock& clock)
    : redis_(redis),
      breaker_key_(keys("zalo-breaker")),
      probe_key_(keys("zalo-probe")),
      clock_(clock) {}

Task<BreakerGate> BreakerStore::gate(std::chrono::milliseconds probe_ttl) {
  std::vector<std::string> keys{breaker_key_, probe_key_};
  std::vector<std::string> args{std::to_string(unix_millis(clock_.now())),
                                std::to_string(probe_ttl.count()), crypto::random_hex(6)};
  auto r = co_await redis_.local().eval(kGate, std::move(keys), std::move(args));
  BreakerGate g;
  if (r.elements.size() < 4) co_return g;
  auto kind = r.elements[0].number();
  g.kind = kind == 1 ? BreakerGate::Kind::Probe
                     : (kind == 2 ? BreakerGate::Kind::Wait : BreakerGate::Kind::Closed);
  g.until = from_millis(r.elements[1].number());
  g.cooldown = std::chrono::milliseconds(r.elements[2].number());
  g.counting = r.elements[3].number() > 0 || g.kind != BreakerGate::Kind::Closed;
  co_return g;
}

Task<void> BreakerStore::success() {
  co_await redis_.local().call("DEL", breaker_key_, probe_key_);
}

Task<Instant> BreakerStore::failure(const BreakerPolicy& policy, const BreakerGate& gate,
                                    std::chrono::milliseconds retry_after) {
  bool probe = gate.kind == BreakerGate::Kind::Probe;
  auto cooldown = next_cooldown(policy, gate.cooldown, probe);
  std::vector<std::string> keys{breaker_key_, probe_key_};
  std::vector<std::string> args{std::to_string(unix_millis(clock_.now())),
                                std::to_string(policy.failures), std::to_string(cooldown.count()),
                                probe ? "1" : "0", std::to_string(retry_after.count())};
  auto r = co_await redis_.local().eval(kFailure, std::move(keys), std::move(args));
  co_return from_millis(r.number());
}

}  // namespace thidua::notifications
