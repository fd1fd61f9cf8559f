// StreamQueue's holds and hooks against a real redis-server: a deferred entry keeps its
// attempt count, a scheduled one appears when due, and the worker tells its hooks.
#include <gtest/gtest.h>

#include "redis/stream_queue.hpp"
#include "support/loop_runner.hpp"
#include "support/redis_server.hpp"

namespace thidua {
namespace {
using namespace std::chrono_literals;

class StreamQueueTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.start();
    client_ = std::make_unique<RedisClient>(
        runner_.loop(), RedisEndpoint::parse(server_.url(), "t"), RedisOptions{});
    client_->start();
  }
  testing::RedisServer server_;
  testing::LoopRunner runner_;
  std::unique_ptr<RedisClient> client_;
  StreamQueue queue_{QueueKeys{"s", "g", "s-retry", "s-dead"}};
};

TEST_F(StreamQueueTest, DeferKeepsAttemptAndScheduleWaitsUntilDue) {
  auto& redis = *client_;
  auto& q = queue_;
  auto got = runner_.run<std::vector<StreamEntry>>([&]() -> Task<std::vector<StreamEntry>> {
    co_await q.ensure_group(redis);
    Fields f{{"k", "v"}, {"attempt", "2"}};
    co_await q.add(redis, f);
    auto first = co_await q.read(redis, "c", 10, 10ms);
    auto now = std::chrono::system_clock::now();
    co_await q.defer(redis, first.at(0), now - 1ms);
    Fields later{{"k", "later"}};
    co_await q.schedule(redis, later, now + std::chrono::hours(1));
    co_await q.promote_due(redis, now, 10);
    co_return co_await q.read(redis, "c", 10, 10ms);
  });
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].field("k"), "v");
  EXPECT_EQ(got[0].attempt(), 2);  // a hold is not a failure
  EXPECT_FALSE(got[0].field("origin_id").empty());
  EXPECT_EQ(server_.cmd1({"ZCARD", "s-retry"}), "1");      // the scheduled one still waits
  EXPECT_EQ(server_.cmd({"XPENDING", "s", "g"})[0], "1");  // only the second read is pending
}

TEST_F(StreamQueueTest, WorkerTellsRetryAndDeadHooks) {
  auto& redis = *client_;
  auto& q = queue_;
  std::vector<std::string> told;
  bool stop = false;
  runner_.run_void([&]() -> Task<void> {
    co_await q.ensure_group(redis);
    Fields f{{"k", "v"}};
    co_await q.add(redis, f);
    WorkerOptions o;
    o.block = 20ms;
    o.backoff = BackoffPolicy{1ms, 2ms, 2};
    o.on_retry = [&told](const StreamEntry&, int n, Instant, const std::string& why) -> Task<void> {
      told.push_back("retry " + std::to_string(n) + " " + why);
      co_return;
    };
    o.on_dead = [&told, &stop](const StreamEntry&, const std::string& why) -> Task<void> {
      told.push_back("dead " + why);
      stop = true;
      co_return;
    };
    auto handle = [](const StreamEntry&) -> Task<Disposition> {
      co_return Disposition::retry("busy");
    };
    co_await run_stream_worker(q, redis, redis, o, handle, [&stop] { return stop; });
  });
  ASSERT_EQ(told.size(), 2u);
  EXPECT_EQ(told[0], "retry 1 busy");
  EXPECT_EQ(told[1], "dead busy");
  EXPECT_EQ(server_.cmd1({"XLEN", "s-dead"}), "1");
}

}  // namespace
}  // namespace thidua
