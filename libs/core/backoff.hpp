#pragma once
// Retry delays: exponential from `base`, capped, with "equal jitter" (half fixed, half
// random) so retries of many messages spread out but never come back at once.
#include <chrono>
#include <random>

namespace thidua {

struct BackoffPolicy {
  std::chrono::milliseconds base{1000};
  std::chrono::milliseconds cap{300000};
  int max_attempts = 8;  // tries in all, the first included
};

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
