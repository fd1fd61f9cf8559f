// StreamQueue against a real redis-server: add, read, acknowledge, reclaim, retry, dead
// letters, the worker loop, and holds (defer, schedule) with the worker's hooks.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

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

bool contains(const std::vector<std::string>& flat, const std::string& key,
              const std::string& value) {
  for (std::size_t i = 0; i + 1 < flat.size(); ++i) {
    if (flat[i] == key && flat[i + 1] == value) return true;
  }
  return false;
}

TEST_F(StreamQueueTest, AddReadAndAck) {
  runner_.run_void([this] { return queue_.ensure_group(*redis_); });
  runner_.run_void([this] { return queue_.ensure_group(*redis_); });  // twice is fine
  auto id = add({{"type", "nomination.created"}, {"event", "{\"n\":1}"}});
  EXPECT_FALSE(id.empty());

  auto got = read("c1");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].id, id);
  EXPECT_EQ(got[0].field("type"), "nomination.created");
  EXPECT_EQ(got[0].field("event"), "{\"n\":1}");
  EXPECT_EQ(got[0].field("absent"), "");
  EXPECT_EQ(got[0].attempt(), 0);
  EXPECT_EQ(sizes().pending, 1);
  EXPECT_TRUE(read("c1").empty());  // nothing new: the blocking read times out

  runner_.run_void([this, id] { return queue_.ack(*redis_, id); });
  auto s = sizes();
  EXPECT_EQ(s.length, 1);
  EXPECT_EQ(s.pending, 0);
}

TEST_F(StreamQueueTest, EntriesWrittenBeforeTheGroupExistsAreDelivered) {
  add({{"k", "early"}});
  runner_.run_void([this] { return queue_.ensure_group(*redis_); });
  auto got = read("c1");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].field("k"), "early");
}

TEST_F(StreamQueueTest, UnacknowledgedEntryIsReclaimedByAnotherConsumer) {
  runner_.run_void([this] { return queue_.ensure_group(*redis_); });
  auto id = add({{"k", "v"}});
  ASSERT_EQ(read("crashed").size(), 1u);  // taken, never acknowledged

  // The queue's coroutines take strings by reference and start lazily: named strings only.
  const std::string rescuer = "rescuer";
  auto too_soon = runner_.run<std::vector<StreamEntry>>(
      [&] { return queue_.reclaim(*redis_, rescuer, 60000ms, 10); });
  EXPECT_TRUE(too_soon.empty());

  auto reclaimed = runner_.run<std::vector<StreamEntry>>([&]() -> Task<std::vector<StreamEntry>> {
    co_await sleep_for(50ms);
    co_return co_await queue_.reclaim(*redis_, rescuer, 10ms, 10);
  });
  ASSERT_EQ(reclaimed.size(), 1u);
  EXPECT_EQ(reclaimed[0].id, id);
  EXPECT_EQ(reclaimed[0].field("k"), "v");
  auto pending = server_.cmd({"XPENDING", keys_.stream, keys_.group, "-", "+", "10"});
  ASSERT_GE(pending.size(), 2u);
  EXPECT_EQ(pending[1], "rescuer");
}

TEST_F(StreamQueueTest, RetryLaterMovesTheEntryToTheRetrySetAndPromoteBringsItBack) {
  runner_.run_void([this] { return queue_.ensure_group(*redis_); });
  auto id = add({{"type", "x"}, {"event", "{\"text\":\"Hạn chót 30/10\"}"}});
  auto entry = read("c1").at(0);
  auto now = std::chrono::system_clock::now();
  const std::string too_many = "Zalo 429", unavailable = "Zalo 503";
  runner_.run_void([&] { return queue_.retry_later(*redis_, entry, now + 1h, too_many); });
  auto s = sizes();
  EXPECT_EQ(s.pending, 0);
  EXPECT_EQ(s.retrying, 1);
  EXPECT_EQ(s.length, 1);

  EXPECT_EQ(runner_.run<long long>([&] { return queue_.promote_due(*redis_, now, 10); }), 0);
  EXPECT_EQ(sizes().retrying, 1);
  EXPECT_EQ(runner_.run<long long>([&] { return queue_.promote_due(*redis_, now + 2h, 10); }), 1);
  s = sizes();
  EXPECT_EQ(s.retrying, 0);
  EXPECT_EQ(s.length, 2);

  auto again = read("c1");
  ASSERT_EQ(again.size(), 1u);
  EXPECT_NE(again[0].id, id);
  EXPECT_EQ(again[0].attempt(), 1);
  EXPECT_EQ(again[0].field("type"), "x");
  EXPECT_EQ(again[0].field("event"), "{\"text\":\"Hạn chót 30/10\"}");
  EXPECT_EQ(again[0].field("last_error"), "Zalo 429");
  EXPECT_EQ(again[0].field("origin_id"), id);

  // A second retry counts on and keeps one attempt field.
  runner_.run_void([&] { return queue_.retry_later(*redis_, again[0], now, unavailable); });
  EXPECT_EQ(runner_.run<long long>([&] { return queue_.promote_due(*redis_, now, 10); }), 1);
  auto third = read("c1").at(0);
  EXPECT_EQ(third.attempt(), 2);
  EXPECT_EQ(third.field("last_error"), "Zalo 503");
  int attempt_fields = 0;
  for (const auto& [k, v] : third.fields) attempt_fields += k == "attempt";
  EXPECT_EQ(attempt_fields, 1);
}

TEST_F(StreamQueueTest, DeadLetterRecordsTheReasonAndAcknowledges) {
  runner_.run_void([this] { return queue_.ensure_group(*redis_); });
  auto id = add({{"type", "nomination.created"}, {"event", "{}"}});
  auto entry = read("c1").at(0);
  const std::string reason = "Zalo 401: Unauthorized";
  runner_.run_void([&] { return queue_.dead_letter(*redis_, entry, reason); });
  auto s = sizes();
  EXPECT_EQ(s.pending, 0);
  EXPECT_EQ(s.dead, 1);
  auto dead = dead_fields();
  EXPECT_TRUE(contains(dead, "dead_reason", "Zalo 401: Unauthorized"));
  EXPECT_TRUE(contains(dead, "origin_id", id));
  EXPECT_TRUE(contains(dead, "type", "nomination.created"));
  EXPECT_TRUE(contains(dead, "event", "{}"));
}

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

WorkerOptions fast_options() {
  WorkerOptions o;
  o.consumer = "w1";
  o.block = 100ms;
  o.backoff = BackoffPolicy{20ms, 100ms, 5};
  return o;
}

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

// Lanes: entries of one lane are handled one after another in the order they were added,
// even when the first needs retries; another lane does not wait for it.
TEST_F(StreamQueueTest, ALaneKeepsItsOrderThroughRetriesAndOtherLanesGoOn) {
  std::vector<std::string> handled;
  int failures_left = 3;
  auto options = fast_options();
  options.backoff.max_attempts = 0;  // no limit by count
  options.backoff.budget = 60s;
  for (const std::string n : {"a1", "a2", "a3"}) {
    Fields f{{"n", n}};
    const std::string lane = "chat-a";
    runner_.run_void([&] { return queue_.add_to_lane(*redis_, lane, n, f); });
  }
  Fields b{{"n", "b1"}};
  const std::string lane_b = "chat-b", item_b = "b1";
  runner_.run_void([&] { return queue_.add_to_lane(*redis_, lane_b, item_b, b); });
  // Only the first of each lane is in the stream; the others wait in their lane.
  EXPECT_EQ(server_.cmd1({"XLEN", keys_.stream}), "2");
  EXPECT_EQ(server_.cmd1({"LLEN", keys_.lanes + "chat-a"}), "3");

  auto deadline = std::chrono::steady_clock::now() + 20s;
  runner_.run_void([&] {
    return run_stream_worker(
        queue_, *redis_, *blocking_, options,
        [&](const StreamEntry& e) -> Task<Disposition> {
          handled.push_back(e.field("n"));
          if (e.field("n") == "a1" && failures_left-- > 0) co_return Disposition::retry("503");
          co_return Disposition::done();
        },
        [&] { return handled.size() >= 7 || std::chrono::steady_clock::now() > deadline; });
  });
  std::vector<std::string> lane_a;
  for (const auto& n : handled)
    if (n[0] == 'a') lane_a.push_back(n);
  EXPECT_EQ(lane_a, (std::vector<std::string>{"a1", "a1", "a1", "a1", "a2", "a3"}));
  // b1 did not wait for a1's retries.
  auto b_at = std::find(handled.begin(), handled.end(), "b1") - handled.begin();
  auto a2_at = std::find(handled.begin(), handled.end(), "a2") - handled.begin();
  EXPECT_LT(b_at, a2_at);
  EXPECT_EQ(server_.cmd1({"EXISTS", keys_.lanes + "chat-a"}), "0");
  EXPECT_EQ(sizes().pending, 0);
}

// Finishing twice (a worker that lost its claim, a retried script) must not push the next
// entry of the lane out unsent; a dead letter leaves the lane and lets the next one in.
TEST_F(StreamQueueTest, ALaneMovesOnOnceForEachFinishedEntry) {
  runner_.run_void([this] { return queue_.ensure_group(*redis_); });
  const std::string lane = "chat-a";
  for (const std::string n : {"a1", "a2", "a3"}) {
    Fields f{{"n", n}};
    runner_.run_void([&] { return queue_.add_to_lane(*redis_, lane, n, f); });
  }
  auto first = read("c1");
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].field("n"), "a1");
  runner_.run_void([&] { return queue_.finish(*redis_, first[0]); });
  runner_.run_void([&] { return queue_.finish(*redis_, first[0]); });  // a duplicate
  auto second = read("c1");
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].field("n"), "a2");
  EXPECT_EQ(server_.cmd1({"LLEN", keys_.lanes + lane}), "2");
  const std::string reason = "Zalo 400";
  runner_.run_void([&] { return queue_.dead_letter(*redis_, second[0], reason); });
  auto third = read("c1");
  ASSERT_EQ(third.size(), 1u);
  EXPECT_EQ(third[0].field("n"), "a3");
  EXPECT_EQ(sizes().dead, 1);
}

// The retry budget is time, not tries: an entry that keeps failing is retried until its
// budget since the first failure is spent, then dead-lettered.
TEST_F(StreamQueueTest, RetriesStopWhenTheTimeBudgetIsSpent) {
  add({{"type", "x"}});
  std::vector<int> attempts;
  auto options = fast_options();
  options.backoff = BackoffPolicy{10ms, 20ms, 0, 300ms};
  auto deadline = std::chrono::steady_clock::now() + 20s;
  runner_.run_void([&] {
    return run_stream_worker(
        queue_, *redis_, *blocking_, options,
        [&attempts](const StreamEntry& e) -> Task<Disposition> {
          attempts.push_back(e.attempt());
          co_return Disposition::retry("Zalo 503");
        },
        [&] {
          return server_.cmd1({"XLEN", keys_.dead}) == "1" ||
                 std::chrono::steady_clock::now() > deadline;
        });
  });
  EXPECT_EQ(sizes().dead, 1);
  // Tried again and again within the budget (how often depends on the machine's speed).
  EXPECT_GE(attempts.size(), 3u);
  EXPECT_TRUE(contains(dead_fields(), "dead_reason", "Zalo 503"));
}

TEST(BackoffPolicyTest, MayRetryByCountAndByTime) {
  BackoffPolicy count{1000ms, 300000ms, 3, 0ms};
  EXPECT_TRUE(may_retry(count, 0, 0, 0));
  EXPECT_TRUE(may_retry(count, 1, 5, 10));
  EXPECT_FALSE(may_retry(count, 2, 5, 10));
  BackoffPolicy time{1000ms, 300000ms, 0, 24h};
  const long long day = 24LL * 3600 * 1000;
  EXPECT_TRUE(may_retry(time, 500, 0, 123));  // first failure: the clock starts now
  EXPECT_TRUE(may_retry(time, 500, 1000, 1000 + day - 1));
  EXPECT_FALSE(may_retry(time, 500, 1000, 1000 + day));
}

}  // namespace
}  // namespace thidua
