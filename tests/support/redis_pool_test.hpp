#pragma once
// A real redis-server and a RedisPool on the test's own event loop: the set-up shared by
// the tests of code that reaches Redis through the pool (stores, the docs register). A test
// that needs more calls RedisPoolTest::SetUp() first.
#include <gtest/gtest.h>

#include <memory>

#include "redis/redis_pool.hpp"
#include "support/loop_runner.hpp"
#include "support/redis_server.hpp"

namespace thidua::testing {

class RedisPoolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.start();
    pool_ = std::make_unique<RedisPool>(
        runner_.loops(), RedisEndpoint::parse(server_.url(), "test"), RedisOptions{});
    pool_->start();
  }
  void TearDown() override {
    if (pool_) pool_->stop();
  }

  RedisServer server_;
  LoopRunner runner_;
  std::unique_ptr<RedisPool> pool_;  // after runner_: its connections go before the loop
};

}  // namespace thidua::testing
