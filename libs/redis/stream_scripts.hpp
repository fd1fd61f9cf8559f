#pragma once
// The Lua scripts of StreamQueue (stream_queue.cpp): each moves an entry between the stream,
// the retry set, the dead letters and a lane in one step. Their KEYS and ARGV are above each
// in stream_scripts.cpp.
#include "redis/redis_client.hpp"

namespace thidua::redis_detail {

extern const RedisScript kRetryLater;
extern const RedisScript kPromoteDue;
extern const RedisScript kDeadLetter;
extern const RedisScript kFinish;
extern const RedisScript kAddToLane;
extern const RedisScript kKeepClaim;
// Lua source of lane_push(lane, stream, delay, payload, due, maxlen), for callers' scripts.
extern const char* const kLanePushLua;

}  // namespace thidua::redis_detail
