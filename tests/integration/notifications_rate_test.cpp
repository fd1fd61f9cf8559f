// The delivery's rate windows (RateStore) against a real redis-server, with a clock the test
// moves: per chat (20 a minute by default) and for the whole bot (THIDUA_BOT_RATE_PER_SECOND),
// which keeps sends side by side under Zalo's bot-wide limit.
#include <gtest/gtest.h>

#include "core/keyspace.hpp"
#include "notifications/store/rate_store.hpp"
#include "redis/redis_pool.hpp"
#include "support/loop_runner.hpp"
#include "support/redis_pool_test.hpp"
#include "support/redis_server.hpp"

namespace thidua::notifications {
namespace {
using std::chrono::milliseconds;

class ManualClock final : public Clock {
 public:
  Instant now() const override { return now_; }
  void advance(milliseconds d) { now_ += d; }

 private:
  Instant now_{std::chrono::sys_days{std::chrono::year{2026} / 12 / 1} + std::chrono::hours(3)};
};

class RateWindows : public testing::RedisPoolTest {
 protected:
  void SetUp() override {
    RedisPoolTest::SetUp();
    rates_ = std::make_unique<RateStore>(*pool_, Keyspace("test-school", "notifications"), clock_);
  }

  long long wait(const std::string& chat, int per_minute, int bot_per_second) {
    return runner_.run<long long>([&]() -> Task<long long> {
      co_return (co_await rates_->wait(chat, per_minute, bot_per_second)).count();
    });
  }

  ManualClock clock_;
  std::unique_ptr<RateStore> rates_;
};

TEST_F(RateWindows, TheBotsLimitHoldsAcrossChatsUntilItsSecondHasPassed) {
  EXPECT_EQ(wait("u1", 20, 2), 0);
  clock_.advance(milliseconds(300));
  EXPECT_EQ(wait("u2", 20, 2), 0);
  clock_.advance(milliseconds(100));
  EXPECT_EQ(wait("u3", 20, 2), 600);  // the first send leaves the window 1 s after it
  EXPECT_EQ(wait("u3", 20, 2), 600);  // asking again counts nothing
  clock_.advance(milliseconds(600));
  EXPECT_EQ(wait("u3", 20, 2), 0);
  EXPECT_EQ(wait("u4", 20, 2), 300);  // now the second send is the oldest
}

TEST_F(RateWindows, AChatsLimitHoldsForThatChatOnly) {
  for (int i = 0; i < 3; ++i) EXPECT_EQ(wait("g1", 3, 0), 0);
  clock_.advance(milliseconds(1000));
  EXPECT_EQ(wait("g1", 3, 0), 59000);
  EXPECT_EQ(wait("u1", 3, 0), 0);
  // A send refused by one window is counted in neither: the bot's window still has room.
  EXPECT_EQ(wait("g1", 3, 2), 59000);
  EXPECT_EQ(wait("u2", 3, 2), 0);
  EXPECT_EQ(wait("u3", 3, 2), 0);
  EXPECT_EQ(wait("u4", 3, 2), 1000);
}

TEST_F(RateWindows, NoLimitAtAllAsksNothing) {
  server_.stop();  // no Redis: nothing to ask when both limits are off
  EXPECT_EQ(wait("g1", 0, 0), 0);
}

}  // namespace
}  // namespace thidua::notifications
