#include "redis/stream_scripts.hpp"

#include <string>

namespace thidua::redis_detail {

// KEYS: stream, retry. ARGV: group, id, due_ms, payload (JSON array k1, v1, k2, v2 …).
const RedisScript kRetryLater(R"lua(
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
return 1
)lua");

// KEYS: retry, stream. ARGV: now_ms, max, maxlen.
const RedisScript kPromoteDue(R"lua(
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, payload in ipairs(due) do
  local fields = cjson.decode(payload)
  redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*', unpack(fields))
  redis.call('ZREM', KEYS[1], payload)
end
return #due
)lua");

// Lua: the finished first entry of a lane leaves it and the next one enters the stream.
// Only when `item` is still first: a duplicate finish must not push out the next entry.
constexpr const char* kLaneLeaveLua = R"lua(
local function lane_item(payload)
  local f = cjson.decode(payload)
  for i = 1, #f - 1, 2 do
    if f[i] == 'lane_item' then return f[i + 1] end
  end
  return nil
end
local function lane_leave(lane, stream, item, maxlen)
  local head = redis.call('LINDEX', lane, 0)
  if not head or lane_item(head) ~= item then return 0 end
  redis.call('LPOP', lane)
  local nxt = redis.call('LINDEX', lane, 0)
  if nxt then redis.call('XADD', stream, 'MAXLEN', '~', maxlen, '*', unpack(cjson.decode(nxt))) end
  return 1
end
)lua";

// KEYS: stream, dead[, lane]. ARGV: group, id, item, maxlen, then field, value pairs.
const RedisScript kDeadLetter(std::string(kLaneLeaveLua) + R"lua(
redis.call('XADD', KEYS[2], 'MAXLEN', '~', 100000, '*', unpack(ARGV, 5))
if redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 1 and KEYS[3] then
  lane_leave(KEYS[3], KEYS[1], ARGV[3], ARGV[4])
end
return 1
)lua");

// KEYS: stream, lane. ARGV: group, id, item, maxlen.
const RedisScript kFinish(std::string(kLaneLeaveLua) + R"lua(
if redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
return lane_leave(KEYS[2], KEYS[1], ARGV[3], ARGV[4])
)lua");

const char* const kLanePushLua = R"lua(
local function lane_push(lane, stream, delay, payload, due, maxlen)
  local n = redis.call('RPUSH', lane, payload)
  if n == 1 then
    if due == '0' then
      redis.call('XADD', stream, 'MAXLEN', '~', maxlen, '*', unpack(cjson.decode(payload)))
    else
      redis.call('ZADD', delay, due, payload)
    end
  end
  return n
end
)lua";

// KEYS: lane, stream, delay. ARGV: payload, maxlen.
const RedisScript kAddToLane(std::string(kLanePushLua) + R"lua(
return lane_push(KEYS[1], KEYS[2], KEYS[3], ARGV[1], '0', ARGV[2])
)lua");

// KEYS: stream. ARGV: group, consumer, id. 1 when the consumer still held the entry (its
// idle time is now 0), 0 when another consumer holds it or it was acknowledged.
const RedisScript kKeepClaim(R"lua(
local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[3], ARGV[3], 1, ARGV[2])
if #p == 0 then return 0 end
redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[3], 'JUSTID')
return 1
)lua");

}  // namespace thidua::redis_detail
