#pragma once
// Child processes for tests: real binaries (redis-server, the services, the fake Zalo
// server) started with their own environment and output file, stopped by signal.
#include <sys/types.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace thidua::testing {

// A TCP port nobody listens on right now (bound then released).
int free_port();
// The build and source trees, from the test binary's compile definitions.
std::string build_dir();
std::string source_dir();
// A fresh directory under /tmp, removed by the caller (or left for a post-mortem).
std::string make_temp_dir(const std::string& prefix);

class Process {
 public:
  Process() = default;
  ~Process();
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  // `env` adds to (or overrides) the current environment. Output goes to `log_path`.
  void start(const std::string& path, const std::vector<std::string>& args,
             const std::map<std::string, std::string>& env, const std::string& log_path);
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

// Polls `ready` every 20 ms for up to `timeout_ms`; true once it returned true.
bool wait_until(const std::function<bool()>& ready, int timeout_ms = 10000);

}  // namespace thidua::testing
