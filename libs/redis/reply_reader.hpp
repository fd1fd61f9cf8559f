#pragma once
// Replies read straight into RedisReply. hiredis's reader calls a set of object functions as
// it parses (read.h, redisReplyObjectFunctions); its default ones build a redisReply tree (a
// calloc per element, a malloc per string) that the caller would then copy and hiredis free.
// These build the RedisReply tree in place instead: one allocation for the reply's root, and
// the elements of an array in one vector sized when its header is read.
//
// The root object also carries a redisReply header (type, and str/len or integer), because
// two places read a reply as redisReply: hiredis itself on an unsolicited error (async.c:
// "max number of clients reached", a server still loading), and the callback of
// RedisClient's set-up commands (AUTH, SELECT, CLIENT SETNAME in connection.cpp). An array's
// header has no elements, so a connection reading replies this way must never SUBSCRIBE:
// hiredis reads a pub/sub message's elements through that header.
#include <hiredis/async.h>
#include <hiredis/read.h>

#include "redis/redis_client.hpp"

namespace thidua::redis_detail {

// The functions, for a reader of one's own (redisReaderCreateWithFunctions); the objects it
// returns are read with take_reply and freed by its freeObject.
redisReplyObjectFunctions* in_place_functions();

// Makes `ac` read its replies with these functions; call before any command is sent.
void read_replies_in_place(redisAsyncContext* ac);

// The RedisReply of a reply handed to a command's callback (its `void* reply`), moved out:
// hiredis frees what is left after the callback returns.
RedisReply take_reply(void* reply);

}  // namespace thidua::redis_detail
