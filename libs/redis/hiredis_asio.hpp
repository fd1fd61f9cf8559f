#pragma once
// hiredis's async API driven by Asio: the glue between one hiredis connection and the event
// loop (replies are read by redis/reply_reader.hpp).
#include <hiredis/async.h>
#include <hiredis/hiredis.h>

#include "core/event_loop.hpp"

namespace thidua::redis_detail {

// Sets `ac`'s event hooks so that Asio on `loop` watches its socket; hiredis's cleanup hook
// releases the watcher (never closing the descriptor, which hiredis owns).
void attach_to_loop(redisAsyncContext* ac, IoContext& loop);

}  // namespace thidua::redis_detail
