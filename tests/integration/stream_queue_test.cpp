// StreamQueue against a real redis-server (stream_queue_fixture.hpp): add, read, acknowledge,
// reclaim, retry and dead letters; and the backoff policy's budget.
#include <gtest/gtest.h>

#include "stream_queue_fixture.hpp"

namespace thidua::stream_queue_test {
namespace {

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
}  // namespace thidua::stream_queue_test
