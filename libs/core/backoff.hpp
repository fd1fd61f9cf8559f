#pragma once
// Retry delays: exponential from `base`, capped, with "equal jitter" (half fixed, half
// random) so retries of many messages spread out but never come back at once.
#include <chrono>
#include <random>

namespace thidua {

struct BackoffPolicy {
  std::chrono::milliseconds base{1000};
  std::chrono::milliseconds cap{300000};
  int max_attempts = 8;  // tries in all, the first included; 0: no limit by count
  // How long after its first failure an entry is still retried; 0: no limit by time. An
  // outage of the other side costs time, not tries, so a budget in time survives it.
  std::chrono::milliseconds budget{0};
};

// Whether an entry that failed on try `attempt` (0 for the first) gets another one, when it
// first failed at `first_failed_ms` (unix ms; 0: this is its first failure) and it is now
// `now_ms`. Both limits apply when both are set.
inline bool may_retry(const BackoffPolicy& p, int attempt, long long first_failed_ms,
                      long long now_ms) {
  if (p.max_attempts > 0 && attempt + 1 >= p.max_attempts) return false;
  if (p.budget.count() > 0 && first_failed_ms > 0 && now_ms - first_failed_ms >= p.budget.count())
    return false;
  return true;
}

// Delay before retry number `retry` (1 for the first retry). `unit` in [0,1) is the random
// draw, passed in so the arithmetic is testable.
inline std::chrono::milliseconds backoff_delay(const BackoffPolicy& p, int retry, double unit) {
  long long d = p.base.count();
  for (int i = 1; i < retry && d < p.cap.count(); ++i) d *= 2;
  if (d > p.cap.count()) d = p.cap.count();
  return std::chrono::milliseconds(d / 2 +
                                   static_cast<long long>(unit * static_cast<double>(d / 2)));
}

inline double random_unit() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(rng);
}

}  // namespace thidua
