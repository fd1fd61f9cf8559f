#pragma once
// The Zalo circuit breaker's state (domain/circuit_breaker.hpp) in Redis, shared by every
// delivery worker of every replica, and the only code that knows its keys:
//   {school}:notifications:zalo-breaker  hash: failures, open_until (unix ms), cooldown (ms)
//   {school}:notifications:zalo-probe    set while one worker sends the probe (expires)
// Each change is one Lua script, so two workers never both take the probe.
#include <chrono>
#include <string>

#include "core/clock.hpp"
#include "core/keyspace.hpp"
#include "notifications/domain/circuit_breaker.hpp"
#include "redis/redis_pool.hpp"

namespace thidua::notifications {

struct BreakerGate {
  enum class Kind { Closed, Probe, Wait };
  Kind kind = Kind::Closed;
  Instant until{};                        // Wait: ask again at this instant
  std::chrono::milliseconds cooldown{0};  // the pause in force (0 when closed)
  bool counting = false;                  // failures were counted: a success must reset them
};

class BreakerStore {
 public:
  BreakerStore(RedisPool& redis, const Keyspace& keys, const Clock& clock);
  // May this worker call Zalo now? Closed: yes. Open: wait. Half-open: the first to ask
  // sends the probe (for at most `probe_ttl`); the others ask again within a second.
  Task<BreakerGate> gate(std::chrono::milliseconds probe_ttl);
  // Zalo answered (sent, or refused for good): closes the breaker and forgets failures.
  Task<void> success();
  // A transient failure after `gate`, with the pause Zalo asked for (0 if none). Returns
  // until when the breaker is open now (the epoch while it stays closed).
  Task<Instant> failure(const BreakerPolicy& policy, const BreakerGate& gate,
                        std::chrono::milliseconds retry_after);

 private:
  RedisPool& redis_;
  std::string breaker_key_;
  std::string probe_key_;
  const Clock& clock_;
};

}  // namespace thidua::notifications
