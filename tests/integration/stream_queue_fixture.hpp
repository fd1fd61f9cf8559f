#pragma once
// StreamQueue against a real redis-server: the fixture the stream_queue_*_test.cpp files share
// (one redis-server, a client for commands and one for blocking reads, per test).
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "redis/stream_queue.hpp"
#include "support/loop_runner.hpp"
#include "support/redis_server.hpp"

namespace thidua::stream_queue_test {
using namespace std::chrono_literals;

class StreamQueueTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.start();
    auto endpoint = RedisEndpoint::parse(server_.url(), "test");
    redis_ = std::make_unique<RedisClient>(runner_.loop(), endpoint, RedisOptions{});
    blocking_ = std::make_unique<RedisClient>(runner_.loop(), endpoint, RedisOptions{});
    redis_->start();
    blocking_->start();
  }

  // Every entry of a stream as (id, fields), read by the fixture's own connection.
  std::vector<std::string> dead_fields() { return server_.cmd({"XRANGE", keys_.dead, "-", "+"}); }
  StreamQueue::Sizes sizes() {
    return runner_.run<StreamQueue::Sizes>([this] { return queue_.sizes(*redis_); });
  }
  std::vector<StreamEntry> read(const std::string& consumer) {
    return runner_.run<std::vector<StreamEntry>>(
        [this, consumer] { return queue_.read(*blocking_, consumer, 10, 100ms); });
  }
  std::string add(Fields fields) {
    return runner_.run<std::string>([this, fields] { return queue_.add(*redis_, fields); });
  }

  testing::RedisServer server_;
  testing::LoopRunner runner_;
  QueueKeys keys_{"{t}:q:stream", "workers", "{t}:q:retry", "{t}:q:dead", "{t}:q:lane:"};
  StreamQueue queue_{keys_};
  std::unique_ptr<RedisClient> redis_, blocking_;

  void TearDown() override {
    redis_.reset();
    blocking_.reset();
  }
};

inline bool contains(const std::vector<std::string>& flat, const std::string& key,
                     const std::string& value) {
  for (std::size_t i = 0; i + 1 < flat.size(); ++i) {
    if (flat[i] == key && flat[i + 1] == value) return true;
  }
  return false;
}

inline WorkerOptions fast_options() {
  WorkerOptions o;
  o.consumer = "w1";
  o.block = 100ms;
  o.backoff = BackoffPolicy{20ms, 100ms, 5};
  return o;
}

}  // namespace thidua::stream_queue_test
