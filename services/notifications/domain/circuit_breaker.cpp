#include "notifications/domain/circuit_breaker.hpp"

#include <algorithm>

namespace thidua::notifications {

std::chrono::milliseconds next_cooldown(const BreakerPolicy& p, std::chrono::milliseconds current,
                                        bool probe_failed) {
  if (!probe_failed || current.count() <= 0) return std::min(p.cooldown, p.cap);
  return std::min(current * 2, p.cap);
}

}  // namespace thidua::notifications
