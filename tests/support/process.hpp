#pragma once
// Child processes for tests: real binaries (redis-server, the services, the fake Zalo
// server) started with their own environment and output file, stopped by signal.
#include <sys/types.h>

#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace thidua::testing {

// A TCP port nobody listens on right now (bound then released), reserved for this test
// process: no other test process running alongside is handed the same port.
int free_port();
// The build and source trees, from the test binary's compile definitions.
std::string build_dir();
std::string source_dir();
// A fresh directory under /tmp, removed by the caller (or left for a post-mortem).
std::string make_temp_dir(const std::string& prefix);

// The clock of a process under test. libfaketime makes a service believe it is a given
// instant, which then runs on at normal speed (monotonic clocks stay real, so timeouts and
// sleeps are unaffected).
//
// THIDUA_TEST_FAKETIME ("YYYY-MM-DD HH:MM:SS", local time in Asia/Ho_Chi_Minh, UTC+7 with no
// daylight saving) pins every process the fixtures start through Process::start, except
// those started with Clock::kReal (redis-server: it cannot run under libfaketime). Unset,
// processes run on the real clock. `ctest -L e2e` with the variable set reproduces what CI
// runs at 22:30 and at 23:59 on 31 December.
//
// The environment that starts a process's clock at `ict` ("2026-11-30 22:30:00"):
// LD_PRELOAD, FAKETIME (converted to UTC), FAKETIME_DONT_FAKE_MONOTONIC and TZ=UTC.
// Throws std::invalid_argument on a malformed time, std::runtime_error when libfaketime is
// not installed.
std::map<std::string, std::string> faked_clock_env(const std::string& ict);
// THIDUA_TEST_FAKETIME, or "" when unset.
std::string test_faketime();
// The path of libfaketime, or "" when it is not installed.
std::string faketime_library();
// LD_PRELOAD for a process under a faked clock: support/timerfd_passthrough.cpp's library,
// then libfaketime (the passthrough's file says why). Throws std::runtime_error when
// libfaketime is not installed.
std::string faketime_preload();
// What the clock of a service started by the fixtures reads now, as bounds: the real clock
// twice when THIDUA_TEST_FAKETIME is unset; otherwise from the pinned instant (a service
// just started) to that instant plus the time this test binary has run (one started first).
// A test compares what a service says about "today" with these, never with the wall clock.
std::pair<std::chrono::system_clock::time_point, std::chrono::system_clock::time_point>
services_now();

class Process {
 public:
  enum class Clock {
    kTest,  // THIDUA_TEST_FAKETIME when set (and `env` sets no FAKETIME of its own)
    kReal,  // always the real clock
  };

  Process() = default;
  ~Process();
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  // `env` adds to (or overrides) the current environment. Output goes to `log_path`.
  void start(const std::string& path, const std::vector<std::string>& args,
             const std::map<std::string, std::string>& env, const std::string& log_path,
             Clock clock = Clock::kTest);
  bool running();
  // Sends `signal`; returns the exit status (or -signal) after waiting up to `timeout_ms`.
  int stop(int signal = 15, int timeout_ms = 10000);
  pid_t pid() const { return pid_; }
  const std::string& log_path() const { return log_path_; }
  std::string log() const;

 private:
  pid_t pid_ = -1;
  bool exited_ = false;  // reaped by running(); status_ holds how it ended
  int status_ = 0;
  std::string log_path_;
};

// Polls `ready` every 20 ms for up to `timeout_ms`; true once it returned true. The default
// is generous (30 s): it only matters when something is wrong, and a CI machine busy with a
// build can take seconds for what takes milliseconds here. No test waits for something
// not to happen with it.
bool wait_until(const std::function<bool()>& ready, int timeout_ms = 30000);

}  // namespace thidua::testing
