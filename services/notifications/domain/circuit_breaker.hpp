#pragma once
// The circuit breaker in front of the Zalo Bot API. While Zalo keeps failing (5xx, 429,
// timeouts, refused connections), the whole service stops calling it and sends one probe at
// a time, instead of every queued message trying on its own; the first success closes it.
//
//   closed ──(`failures` transient failures in a row, or a 429 asking for a pause)──▶ open
//   open ──(cooldown over)──▶ half-open: one worker sends the probe, the others wait
//   half-open ──probe sent──▶ closed      half-open ──probe failed──▶ open, cooldown doubled
//
// Permanent answers (a 4xx other than 408 and 429) say Zalo is up and count as successes.
#include <chrono>

namespace thidua::notifications {

struct BreakerPolicy {
  int failures = 3;                            // THIDUA_BREAKER_FAILURES (0: no breaker)
  std::chrono::milliseconds cooldown{5000};    // THIDUA_BREAKER_COOLDOWN_MS: the first pause
  std::chrono::milliseconds cap{300000};       // THIDUA_RETRY_CAP_MS: the longest pause
  std::chrono::milliseconds probe_ttl{30000};  // how long a probe may take before another
};

// The pause before the next probe: the first one when the breaker opens, doubled (up to the
// cap) each time a probe fails. `current` is the pause in force (0 when closed).
std::chrono::milliseconds next_cooldown(const BreakerPolicy& p, std::chrono::milliseconds current,
                                        bool probe_failed);

}  // namespace thidua::notifications
