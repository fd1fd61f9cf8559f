// The worker loop on StreamQueue against a real redis-server (stream_queue_fixture.hpp):
// retries, dead letters, a crashed consumer, Redis restarting, and holds (defer, schedule)
// with the worker's hooks.
#include <gtest/gtest.h>

#include "stream_queue_fixture.hpp"

namespace thidua::stream_queue_test {
namespace {

// A handler that fails twice (once by throwing), then succeeds.
struct Flaky {
  int calls = 0;
  std::vector<int> attempts;
  Task<Disposition> operator()(const StreamEntry& e) {
    ++calls;
    attempts.push_back(e.attempt());
    if (calls == 1) throw std::runtime_error("bot adapter crashed");
    if (calls == 2) co_return Disposition::retry("Zalo 503");
    co_return Disposition::done();
  }
};

TEST_F(StreamQueueTest, WorkerRetriesUntilTheHandlerSucceeds) {
  add({{"type", "nomination.created"}, {"event", "{}"}});
  Flaky flaky;
  auto deadline = std::chrono::steady_clock::now() + 20s;
  runner_.run_void([&] {
    return run_stream_worker(
        queue_, *redis_, *blocking_, fast_options(),
        [&flaky](const StreamEntry& e) { return flaky(e); },
        [&] { return flaky.calls >= 3 || std::chrono::steady_clock::now() > deadline; });
  });
  EXPECT_EQ(flaky.calls, 3);
  EXPECT_EQ(flaky.attempts, (std::vector<int>{0, 1, 2}));
  auto s = sizes();
  EXPECT_EQ(s.pending, 0);
  EXPECT_EQ(s.retrying, 0);
  EXPECT_EQ(s.dead, 0);
  EXPECT_EQ(s.length, 3);  // the first delivery and two retries
}

// An entry that waited behind a slow one until another consumer reclaimed it is left to
// that consumer: the worker renews the claim of an entry that waited, and finds it lost.
TEST_F(StreamQueueTest, AnEntryReclaimedWhileItWaitedIsLeftToItsNewConsumer) {
  add({{"n", "1"}});
  add({{"n", "2"}});
  auto options = fast_options();
  options.visibility_timeout = 200ms;
  std::vector<std::string> handled;
  std::vector<StreamEntry> rescued;
  auto deadline = std::chrono::steady_clock::now() + 20s;
  runner_.run_void([&] {
    return run_stream_worker(
        queue_, *redis_, *blocking_, options,
        [&](const StreamEntry& e) -> Task<Disposition> {
          handled.push_back(e.field("n"));
          if (e.field("n") == "1") {
            co_await sleep_for(300ms);  // longer than the visibility timeout
            rescued = co_await queue_.reclaim(*redis_, "rescuer", 200ms, 10);
          }
          co_return Disposition::done();
        },
        // Asked before each round: stops after the first batch.
        [&] { return !handled.empty() || std::chrono::steady_clock::now() > deadline; });
  });
  EXPECT_EQ(handled, std::vector<std::string>{"1"});
  ASSERT_EQ(rescued.size(), 2u);  // both had been idle too long; the first was finished
  EXPECT_EQ(sizes().pending, 1);  // the second stays with the rescuer, not handled twice
}

TEST_F(StreamQueueTest, WorkerDeadLettersWhatTheHandlerRefuses) {
  add({{"type", "nomination.created"}, {"event", "{}"}});
  int calls = 0;
  auto deadline = std::chrono::steady_clock::now() + 20s;
  runner_.run_void([&] {
    return run_stream_worker(
        queue_, *redis_, *blocking_, fast_options(),
        [&calls](const StreamEntry&) -> Task<Disposition> {
          ++calls;
          co_return Disposition::fail("Zalo 401: bad token");
        },
        [&] { return calls >= 1 || std::chrono::steady_clock::now() > deadline; });
  });
  EXPECT_EQ(calls, 1);
  auto s = sizes();
  EXPECT_EQ(s.pending, 0);
  EXPECT_EQ(s.dead, 1);
  EXPECT_TRUE(contains(dead_fields(), "dead_reason", "Zalo 401: bad token"));
}

TEST_F(StreamQueueTest, WorkerDeadLettersAfterTheLastAttempt) {
  add({{"type", "nomination.created"}, {"event", "{}"}});
  std::vector<int> attempts;
  auto options = fast_options();
  options.backoff.max_attempts = 3;
  auto deadline = std::chrono::steady_clock::now() + 20s;
  runner_.run_void([&] {
    return run_stream_worker(
        queue_, *redis_, *blocking_, options,
        [&attempts](const StreamEntry& e) -> Task<Disposition> {
          attempts.push_back(e.attempt());
          co_return Disposition::retry("Zalo 503 #" + std::to_string(e.attempt()));
        },
        [&] { return attempts.size() >= 3 || std::chrono::steady_clock::now() > deadline; });
  });
  EXPECT_EQ(attempts, (std::vector<int>{0, 1, 2}));
  auto s = sizes();
  EXPECT_EQ(s.pending, 0);
  EXPECT_EQ(s.retrying, 0);
  EXPECT_EQ(s.dead, 1);
  auto dead = dead_fields();
  EXPECT_TRUE(contains(dead, "dead_reason", "Zalo 503 #2"));
  EXPECT_TRUE(contains(dead, "attempt", "2"));
}

TEST_F(StreamQueueTest, WorkerPicksUpWhatACrashedConsumerLeft) {
  runner_.run_void([this] { return queue_.ensure_group(*redis_); });
  auto id = add({{"type", "nomination.created"}});
  ASSERT_EQ(read("crashed").size(), 1u);
  std::vector<std::string> handled;
  auto options = fast_options();
  options.visibility_timeout = 50ms;
  auto deadline = std::chrono::steady_clock::now() + 20s;
  runner_.run_void([&] {
    return run_stream_worker(
        queue_, *redis_, *blocking_, options,
        [&handled](const StreamEntry& e) -> Task<Disposition> {
          handled.push_back(e.id);
          co_return Disposition::done();
        },
        [&] { return !handled.empty() || std::chrono::steady_clock::now() > deadline; });
  });
  EXPECT_EQ(handled, std::vector<std::string>{id});
  EXPECT_EQ(sizes().pending, 0);
}

// Runs a worker in the background until `*stop`; `*finished` once it returned.
Task<void> background_worker(const StreamQueue* queue, RedisClient* redis, RedisClient* blocking,
                             std::vector<std::string>* handled, bool* stop) {
  co_await run_stream_worker(
      *queue, *redis, *blocking, fast_options(),
      [handled](const StreamEntry& e) -> Task<Disposition> {
        handled->push_back(e.field("n"));
        co_return Disposition::done();
      },
      [stop] { return *stop; });
}

Task<bool> wait_for(std::function<bool()> ready) {
  auto deadline = std::chrono::steady_clock::now() + 20s;
  while (!ready()) {
    if (std::chrono::steady_clock::now() > deadline) co_return false;
    co_await sleep_for(20ms);
  }
  co_return true;
}

TEST_F(StreamQueueTest, WorkerCarriesOnAfterRedisRestarts) {
  std::vector<std::string> handled;
  bool stop = false, finished = false;
  server_.cmd({"XADD", keys_.stream, "*", "n", "1"});
  runner_.run_void([&]() -> Task<void> {
    spawn(background_worker(&queue_, redis_.get(), blocking_.get(), &handled, &stop),
          [&finished](std::exception_ptr) { finished = true; });
    EXPECT_TRUE(co_await wait_for([&] { return handled.size() == 1; }));
    server_.kill();
    co_await sleep_for(300ms);
    server_.start();
    server_.cmd({"XADD", keys_.stream, "*", "n", "2"});
    EXPECT_TRUE(co_await wait_for([&] { return handled.size() >= 2; }));
    stop = true;
    EXPECT_TRUE(co_await wait_for([&] { return finished; }));
  });
  EXPECT_EQ(handled, (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(sizes().pending, 0);
}

// Holds and hooks: a deferred entry keeps its attempt count, a scheduled one appears when
// due, and the worker tells its hooks.
TEST_F(StreamQueueTest, DeferKeepsAttemptAndScheduleWaitsUntilDue) {
  auto& redis = *redis_;
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
  EXPECT_EQ(server_.cmd1({"ZCARD", keys_.retry}), "1");  // the scheduled one still waits
  EXPECT_EQ(server_.cmd({"XPENDING", keys_.stream, keys_.group})[0],
            "1");  // only the second read is pending
}

TEST_F(StreamQueueTest, WorkerTellsRetryAndDeadHooks) {
  auto& redis = *redis_;
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
  EXPECT_EQ(server_.cmd1({"XLEN", keys_.dead}), "1");
}

}  // namespace
}  // namespace thidua::stream_queue_test
