#pragma once
// A credential kept as a hash with its owner's `subject`, listed in a per-owner set (a token
// in tokens-of, a session in sessions-of). Removing one removes both in one step.
#include "redis/redis_client.hpp"

namespace thidua::auth {

// KEYS: the entry, the prefix of the per-owner sets. ARGV: the entry's id.
// Returns 1 when the entry existed, 0 otherwise (nothing changed).
inline const RedisScript kRemoveOwnedEntry(R"lua(
local subject = redis.call('HGET', KEYS[1], 'subject')
if not subject then return 0 end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2] .. subject, ARGV[1])
return 1
)lua");

}  // namespace thidua::auth
