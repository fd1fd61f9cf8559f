// Preloaded before libfaketime into every process a test runs under a faked clock
// (tests/support/process.hpp): timerfd_settime and timerfd_gettime go straight to the kernel.
//
// Why: libfaketime 0.9.10 (Debian 12) rewrites every TFD_TIMER_ABSTIME value as if the timer
// were CLOCK_REALTIME, shifting it by the distance between the faked and the real date (its
// timer_settime_common: "only CLOCK_REALTIME is handled"). Boost.Asio keeps one
// CLOCK_MONOTONIC timerfd per event loop, and when the next timer is already due it arms it
// with TFD_TIMER_ABSTIME at 1 ns, meaning "now". Under a clock faked to a date before the real
// one, that "now" becomes days ahead: the loop's timers stop firing until a new earlier one is
// set, which at shutdown never comes (a service hung on SIGTERM in the e2e run at 22:30).
// Asio's relative values, the only others it uses, libfaketime passes unchanged when the faked
// clock runs at real speed, as ours does; so passing everything through changes nothing else.
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <unistd.h>

extern "C" {

__attribute__((visibility("default"))) int timerfd_settime(int fd, int flags,
                                                           const struct itimerspec* new_value,
                                                           struct itimerspec* old_value) {
  return static_cast<int>(::syscall(SYS_timerfd_settime, fd, flags, new_value, old_value));
}

__attribute__((visibility("default"))) int timerfd_gettime(int fd, struct itimerspec* curr_value) {
  return static_cast<int>(::syscall(SYS_timerfd_gettime, fd, curr_value));
}

}  // extern "C"
