#include <gtest/gtest.h>

#include "redis/redis_client.hpp"
#include "support/loop_runner.hpp"
#include "support/redis_server.hpp"

namespace thidua {
namespace {

class RedisClientTest : public ::testing::Test {
 protected:
  void SetUp() override { server_.start(); }
  RedisEndpoint endpoint() const { return RedisEndpoint::parse(server_.url(), "test"); }
  testing::RedisServer server_;
  testing::LoopRunner runner_;
};

TEST_F(RedisClientTest, RoundTripsBinarySafeArguments) {
  RedisClient client(runner_.loop(), endpoint(), {});
  client.start();
  std::string binary("a\0b\r\nc", 6);
  auto got = runner_.run<RedisReply>([&]() -> Task<RedisReply> {
    co_await client.call("SET", "k", binary);
    co_return co_await client.call("GET", "k");
  });
  EXPECT_EQ(got.str, binary);
  EXPECT_EQ(server_.cmd1({"STRLEN", "k"}), "6");
}

}  // namespace
}  // namespace thidua
