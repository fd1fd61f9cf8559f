#pragma once
// A real redis-server for one test: its own free port and data directory, AOF on with
// appendfsync always (as in production), stopped and removed afterwards.
#include <memory>
#include <string>
#include <vector>

#include "support/process.hpp"

struct redisContext;

namespace thidua::testing {

class RedisServer {
 public:
  RedisServer();
  ~RedisServer();
  void start();
  // SIGKILL, as a crash would; the data directory stays.
  void kill();
  // SIGTERM and wait.
  void stop();
  int port() const { return port_; }
  std::string url() const { return "redis://127.0.0.1:" + std::to_string(port_) + "/0"; }
  const std::string& dir() const { return dir_; }

  // Blocking commands for test set-up and checks (never used by the code under test).
  // Returns the reply flattened to strings: a scalar as one element, nil as "(nil)".
  std::vector<std::string> cmd(const std::vector<std::string>& argv);
  std::string cmd1(const std::vector<std::string>& argv);

 private:
  int port_;
  std::string dir_;
  Process process_;
  redisContext* sync_ = nullptr;
};

}  // namespace thidua::testing
