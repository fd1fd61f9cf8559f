#pragma once
// hiredis's async API driven by Asio: the glue between one hiredis connection and the event
// loop, and the copy of a reply out of hiredis (which frees it after its callback).
#include <hiredis/async.h>
#include <hiredis/hiredis.h>

#include "core/event_loop.hpp"
#include "redis/redis_client.hpp"

namespace thidua::redis_detail {

// A deep copy of `reply`, owned by the caller.
RedisReply copy_reply(const redisReply* reply);

// Sets `ac`'s event hooks so that Asio on `loop` watches its socket; hiredis's cleanup hook
// releases the watcher (never closing the descriptor, which hiredis owns).
void attach_to_loop(redisAsyncContext* ac, IoContext& loop);

}  // namespace thidua::redis_detail
