#include <gtest/gtest.h>

#include <optional>

#include "redis/redis_client.hpp"
#include "support/loop_runner.hpp"
#include "support/redis_server.hpp"

namespace thidua {
namespace {
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// How a command ended: "ok:<text or number>", "nil", "error:<message>" or "unavailable".
Task<std::string> outcome(RedisClient& c, std::vector<std::string> argv,
                          std::chrono::milliseconds timeout = 0ms) {
  std::string result;
  try {
    auto r = co_await c.command(std::move(argv), timeout);
    if (r.is_nil()) {
      result = "nil";
    } else if (r.type == RedisReply::Type::Integer) {
      result = "ok:" + std::to_string(r.integer);
    } else {
      result = "ok:" + r.str;
    }
  } catch (const RedisUnavailable&) {
    result = "unavailable";
  } catch (const RedisError& e) {
    result = std::string("error:") + e.what();
  }
  co_return result;
}

// The same with arguments one by one. Not a coroutine itself: GCC 12 cannot build a braced
// list in the same full-expression as co_await, so the vector is made here.
template <class... Args>
Task<std::string> attempt(RedisClient& c, const Args&... args) {
  std::vector<std::string> argv{std::string(args)...};
  return outcome(c, std::move(argv));
}

// A plain function, so it can run in the background (see the caveat in loop_runner.hpp).
Task<void> outcome_into(RedisClient* c, std::vector<std::string> argv,
                        std::chrono::milliseconds timeout, std::optional<std::string>* out) {
  out->emplace(co_await outcome(*c, std::move(argv), timeout));
}

// Retries PING until it answers, for up to `limit`; true once it did.
Task<bool> answers_within(RedisClient& c, std::chrono::milliseconds limit) {
  auto deadline = Clock::now() + limit;
  while (Clock::now() < deadline) {
    if (co_await attempt(c, "PING") == "ok:PONG") co_return true;
    co_await sleep_for(50ms);
  }
  co_return false;
}

Task<bool> wait_for(std::function<bool()> ready, std::chrono::milliseconds limit) {
  auto deadline = Clock::now() + limit;
  while (!ready()) {
    if (Clock::now() > deadline) co_return false;
    co_await sleep_for(20ms);
  }
  co_return true;
}

class RedisClientTest : public ::testing::Test {
 protected:
  void SetUp() override { server_.start(); }
  RedisEndpoint endpoint() const { return RedisEndpoint::parse(server_.url(), "test"); }
  std::unique_ptr<RedisClient> client(std::chrono::milliseconds timeout = 2000ms) {
    RedisOptions options;
    options.command_timeout = timeout;
    options.name = "test";
    auto c = std::make_unique<RedisClient>(runner_.loop(), endpoint(), options);
    c->start();
    return c;
  }
  testing::RedisServer server_;
  testing::LoopRunner runner_;  // after server_, so clients (test locals) go first
};

TEST_F(RedisClientTest, RoundTripsBinarySafeArguments) {
  auto c = client();
  std::string binary("a\0b\r\nc", 6);
  auto got = runner_.run<RedisReply>([&]() -> Task<RedisReply> {
    co_await c->call("SET", "k", binary);
    co_return co_await c->call("GET", "k");
  });
  EXPECT_EQ(got.str, binary);
  EXPECT_EQ(server_.cmd1({"STRLEN", "k"}), "6");
}

TEST_F(RedisClientTest, CopiesRepliesOfEveryType) {
  auto c = client();
  runner_.run_void([&]() -> Task<void> {
    auto status = co_await c->call("SET", "name", "Tổ Toán – Tin");
    EXPECT_EQ(status.type, RedisReply::Type::Status);
    EXPECT_EQ(status.text(), "OK");
    EXPECT_EQ((co_await c->call("GET", "name")).text(), "Tổ Toán – Tin");
    EXPECT_EQ((co_await c->call("INCRBY", "n", 41)).integer, 41);
    EXPECT_EQ((co_await c->call("INCR", "n")).number(), 42);
    EXPECT_TRUE((co_await c->call("GET", "missing")).is_nil());
    co_await c->call("RPUSH", "list", "a", "b", "c");
    auto list = co_await c->call("LRANGE", "list", 0, -1);
    EXPECT_TRUE(list.is_array());
    EXPECT_EQ(list.elements.size(), 3u);
    if (list.elements.size() == 3) {
      EXPECT_EQ(list.elements[2].str, "c");
    }
    auto empty = co_await c->call("LRANGE", "nothing", 0, -1);
    EXPECT_TRUE(empty.is_array());
    EXPECT_TRUE(empty.elements.empty());
  });
  EXPECT_TRUE(c->connected());
}

TEST_F(RedisClientTest, WritesMoreThanTheSocketTakesAtOnceAndManyCommandsOfOneTurn) {
  // Commands are written from a posted handler; the socket is waited for only when a write
  // would block (redis/hiredis_asio.cpp). 24 MiB is more than a loopback socket takes at once,
  // so that wait happens; and a thousand commands queued in one turn go out together.
  auto c = client(10000ms);
  std::string big(24 << 20, 'x');
  for (std::size_t i = 0; i < big.size(); i += 4096) big[i] = static_cast<char>('a' + i % 26);
  auto read_back = runner_.run<std::string>([&]() -> Task<std::string> {
    co_await c->call("SET", "big", big);
    co_return (co_await c->call("GET", "big")).str;
  });
  EXPECT_EQ(read_back.size(), big.size());
  EXPECT_TRUE(read_back == big);
  std::vector<std::vector<std::string>> commands;
  for (int i = 0; i < 1000; ++i) commands.push_back({"INCR", "counted"});
  auto replies = runner_.run<std::vector<RedisReply>>(
      [&]() -> Task<std::vector<RedisReply>> { co_return co_await c->batch(commands); });
  ASSERT_EQ(replies.size(), 1000u);
  EXPECT_EQ(replies.back().integer, 1000);
  EXPECT_EQ(server_.cmd1({"GET", "counted"}), "1000");
}

TEST_F(RedisClientTest, ErrorReplyThrowsRedisErrorAndTheConnectionStaysUsable) {
  auto c = client();
  runner_.run_void([&]() -> Task<void> {
    co_await c->call("SET", "text", "abc");
    auto incr = co_await attempt(*c, "INCR", "text");
    EXPECT_TRUE(incr.starts_with("error:ERR value is not an integer")) << incr;
    auto unknown = co_await attempt(*c, "NO-SUCH-COMMAND");
    EXPECT_TRUE(unknown.starts_with("error:ERR unknown command")) << unknown;
    auto arity = co_await attempt(*c, "GET");
    EXPECT_TRUE(arity.starts_with("error:ERR wrong number of arguments")) << arity;
    EXPECT_EQ(co_await attempt(*c, "GET", "text"), "ok:abc");
  });
}

TEST_F(RedisClientTest, EvalLoadsTheScriptAgainAfterAFlush) {
  auto c = client();
  RedisScript add("return redis.call('INCRBY', KEYS[1], ARGV[1])");
  RedisScript refuse("return redis.error_reply('QUOTA_FULL no places left')");
  runner_.run_void([&]() -> Task<void> {
    std::vector<std::string> keys{"counter"}, args{"5"};
    EXPECT_EQ((co_await c->eval(add, keys, args)).integer, 5);
    EXPECT_EQ(server_.cmd1({"SCRIPT", "EXISTS", add.sha()}), "1");
    server_.cmd({"SCRIPT", "FLUSH"});
    EXPECT_EQ(server_.cmd1({"SCRIPT", "EXISTS", add.sha()}), "0");
    EXPECT_EQ((co_await c->eval(add, keys, args)).integer, 10);
    std::string error;
    std::vector<std::string> none;
    try {
      co_await c->eval(refuse, none, none);
    } catch (const RedisError& e) {
      error = e.what();
    }
    EXPECT_EQ(error, "QUOTA_FULL no places left");
  });
  EXPECT_EQ(server_.cmd1({"GET", "counter"}), "10");
}

TEST_F(RedisClientTest, BatchReturnsEveryReplyInOrderErrorsIncluded) {
  auto c = client();
  auto replies = runner_.run<std::vector<RedisReply>>([&]() -> Task<std::vector<RedisReply>> {
    std::vector<std::vector<std::string>> commands{
        {"SET", "a", "1"}, {"INCR", "a"}, {"HSET", "a", "f", "v"}, {"GET", "a"}};
    co_return co_await c->batch(std::move(commands));
  });
  ASSERT_EQ(replies.size(), 4u);
  EXPECT_EQ(replies[0].str, "OK");
  EXPECT_EQ(replies[1].integer, 2);
  EXPECT_EQ(replies[2].type, RedisReply::Type::Error);
  EXPECT_EQ(replies[3].str, "2");
}

TEST_F(RedisClientTest, CommandsWhileTheServerIsDownFailPromptly) {
  auto c = client(60000ms);  // a hang would last a minute, far past the bound below
  runner_.run_void([&]() -> Task<void> {
    EXPECT_EQ(co_await attempt(*c, "PING"), "ok:PONG");
    server_.kill();
    for (int i = 0; i < 5; ++i) {
      auto started = Clock::now();
      EXPECT_EQ(co_await attempt(*c, "SET", "k", "v"), "unavailable");
      EXPECT_LT(Clock::now() - started, 10s);
      co_await sleep_for(100ms);  // across reconnect attempts
    }
  });
  EXPECT_FALSE(c->connected());
}

TEST_F(RedisClientTest, CommandsInFlightWhenTheServerDiesFail) {
  auto c = client(60000ms);
  std::optional<std::string> blocked, queued;
  runner_.run_void([&]() -> Task<void> {
    EXPECT_EQ(co_await attempt(*c, "PING"), "ok:PONG");
    std::vector<std::string> blpop{"BLPOP", "never", "50"}, get{"GET", "behind"};
    spawn(outcome_into(c.get(), blpop, 60000ms, &blocked));
    spawn(outcome_into(c.get(), get, 60000ms, &queued));
    bool waiting = co_await wait_for(
        [&] {
          return server_.cmd1({"INFO", "clients"}).find("blocked_clients:1") != std::string::npos;
        },
        10000ms);
    EXPECT_TRUE(waiting);
    server_.kill();
    EXPECT_TRUE(co_await wait_for([&] { return blocked && queued; }, 10000ms));
  });
  EXPECT_EQ(blocked.value_or("still waiting"), "unavailable");
  EXPECT_EQ(queued.value_or("still waiting"), "unavailable");
}

TEST_F(RedisClientTest, ReconnectsByItselfAfterTheServerRestarts) {
  auto c = client();
  runner_.run_void([&]() -> Task<void> {
    EXPECT_EQ(co_await attempt(*c, "SET", "kept", "yes"), "ok:OK");
    server_.kill();
    EXPECT_EQ(co_await attempt(*c, "GET", "kept"), "unavailable");
    server_.start();  // same port and directory
    EXPECT_TRUE(co_await answers_within(*c, 15000ms));
    EXPECT_EQ(co_await attempt(*c, "GET", "kept"), "ok:yes");  // AOF, fsync always
  });
  EXPECT_TRUE(c->connected());
}

TEST_F(RedisClientTest, SlowServerTimesOutThenRecovers) {
  auto c = client(200ms);
  runner_.run_void([&]() -> Task<void> {
    EXPECT_EQ(co_await attempt(*c, "PING"), "ok:PONG");
    server_.cmd({"CLIENT", "PAUSE", "1500"});
    EXPECT_EQ(co_await attempt(*c, "GET", "k"), "unavailable");
    EXPECT_TRUE(co_await answers_within(*c, 15000ms));
  });
}

TEST_F(RedisClientTest, LongerTimeoutForOneCommand) {
  auto c = client(200ms);
  runner_.run_void([&]() -> Task<void> {
    std::vector<std::string> blpop{"BLPOP", "empty", "0.5"};
    EXPECT_EQ(co_await outcome(*c, blpop, 5000ms), "nil");
    EXPECT_EQ(co_await attempt(*c, "PING"), "ok:PONG");
  });
}

TEST_F(RedisClientTest, TimeoutsStillApplyAfterStopAndStart) {
  auto c = client(200ms);
  runner_.run_void([&]() -> Task<void> {
    EXPECT_EQ(co_await attempt(*c, "PING"), "ok:PONG");
    c->stop();
    EXPECT_EQ(co_await attempt(*c, "PING"), "unavailable");
    c->start();
    EXPECT_TRUE(co_await answers_within(*c, 15000ms));
    co_await sleep_for(300ms);  // past the earlier command's deadline
    server_.cmd({"CLIENT", "PAUSE", "3000"});
    EXPECT_EQ(co_await attempt(*c, "GET", "k"), "unavailable");
    EXPECT_TRUE(co_await answers_within(*c, 15000ms));
  });
}

}  // namespace
}  // namespace thidua
