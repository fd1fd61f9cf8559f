// The faked clock the e2e and browser tests give the services (tests/support/process.hpp)
// keeps an event loop's timers working when the faked date is before the real one, as at
// 22:30 on 30 November 2026 run after that day (support/timerfd_passthrough.cpp says why
// libfaketime alone stalls them).
#include <gtest/gtest.h>

#include <string>

#include "support/process.hpp"

namespace thidua {
namespace {

TEST(FakedClock, ATimerAlreadyDueWhenArmedFiresUnderADateBeforeToday) {
  std::string dir = testing::make_temp_dir("thidua-faketime");
  testing::Process probe;
  // Any date before the day the suite runs: the stall grows with the distance.
  probe.start(std::string(THIDUA_TEST_BUILD_DIR) + "/tests/due_timer_probe", {},
              testing::faked_clock_env("2026-01-05 22:30:00"), dir + "/probe.log",
              testing::Process::Clock::kReal);
  ASSERT_TRUE(testing::wait_until([&probe] { return !probe.running(); }, 20000)) << probe.log();
  EXPECT_EQ(probe.stop(), 0) << probe.log();
  EXPECT_NE(probe.log().find("fired"), std::string::npos) << probe.log();
}

}  // namespace
}  // namespace thidua
