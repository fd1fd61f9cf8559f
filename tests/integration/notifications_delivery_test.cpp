// Delivery as the staff group sees it (issue 9 §3): messages to one chat arrive in the order
// they were queued whatever held one of them (a retry, quiet hours, the rate limit); a reply
// does not wait behind a backlog; a Zalo outage costs few calls and loses nothing; Zalo's
// Retry-After is honoured; retries stop after a time budget, not a count.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <thread>

#include "notifications_fixture.hpp"

namespace thidua::testing {
namespace {

std::string numbered(int i) {
  return "Thông báo số " + std::to_string(i);
}

// The numbers of the "Thông báo số N" messages Zalo accepted, in the order it got them.
std::vector<int> numbers_in(const json& calls) {
  std::vector<int> out;
  const std::string prefix = "Thông báo số ";
  for (const auto& c : calls) {
    auto text = c.value("text", "");
    if (text.rfind(prefix, 0) == 0) out.push_back(std::stoi(text.substr(prefix.size())));
  }
  return out;
}

std::vector<int> one_to(int n) {
  std::vector<int> v(n);
  for (int i = 0; i < n; ++i) v[i] = i + 1;
  return v;
}

class NotificationsDelivery : public NotificationsOutbox {
 protected:
  void post_numbered(int n, bool urgent) {
    for (int i = 1; i <= n; ++i) {
      auto r = post_message({{"target", "group"}, {"text", numbered(i)}, {"urgent", urgent}});
      ASSERT_EQ(r.status, 202) << r.body;
    }
  }
  HttpReply post_update(const json& update) {
    return http_call("POST", api("/bot/zalo/webhook"), update.dump(),
                     {{"Content-Type", "application/json"}, {"X-Bot-Api-Secret-Token", kSecret}});
  }
  static json update(const std::string& message_id, const std::string& from,
                     const std::string& chat, bool group, const std::string& text) {
    return {{"event_name", "message.text.received"},
            {"message",
             {{"message_id", message_id},
              {"date", 1764000000000LL},
              {"text", text},
              {"from", {{"id", from}, {"display_name", "Cô Lan"}, {"is_bot", false}}},
              {"chat", {{"id", chat}, {"chat_type", group ? "GROUP" : "PRIVATE"}}}}}};
  }
};

TEST_F(NotificationsDelivery, ARetryOfTheFirstMessageDoesNotLetTheOthersOvertakeIt) {
  start_service({{"THIDUA_DELIVERY_WORKERS", "4"}});
  fail_next("http5xx", 2);
  post_numbered(6, false);
  ASSERT_TRUE(wait_until([&] { return sends("ok").size() >= 6; }, 20000));
  EXPECT_EQ(numbers_in(sends("ok")), one_to(6));
  EXPECT_EQ(numbers_in(sends("http5xx")), (std::vector<int>{1, 1}));
}

TEST_F(NotificationsDelivery, MessagesHeldByQuietHoursLeaveInOrderWhenTheyEnd) {
  // A few seconds before the quiet hours end at 06:30 in Vietnam.
  auto env = faked_clock_env("2026-12-01 06:29:55");
  env["THIDUA_QUIET_HOURS"] = "21:00-06:30";
  env["THIDUA_DELIVERY_WORKERS"] = "4";
  start_service(env);
  post_numbered(6, false);
  ASSERT_TRUE(wait_until([&] { return sends("ok").size() >= 6; }, 30000));
  EXPECT_EQ(numbers_in(sends("ok")), one_to(6));
}

TEST_F(NotificationsDelivery, RateLimitedMessagesLeaveInOrder) {
  // Three a minute: the service's clock is moved on a minute between runs (a restart under
  // libfaketime) instead of the test waiting minutes. Redis keeps the real clock.
  std::map<std::string, std::string> env = faked_clock_env("2026-12-01 10:00:00");
  env["THIDUA_RATE_LIMIT_PER_MINUTE"] = "3";
  env["THIDUA_DELIVERY_WORKERS"] = "4";
  start_service(env);
  post_numbered(8, true);
  ASSERT_TRUE(wait_until([&] { return sends("ok").size() >= 3; }));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_EQ(sends("ok").size(), 3u);  // the fourth waits for the next minute
  for (const char* at : {"2026-12-01 10:01:05", "2026-12-01 10:02:10"}) {
    service_.stop();
    std::size_t before = sends("ok").size();
    auto later = faked_clock_env(at);
    later["THIDUA_RATE_LIMIT_PER_MINUTE"] = "3";
    later["THIDUA_DELIVERY_WORKERS"] = "4";
    start_service(later);
    ASSERT_TRUE(
        wait_until([&] { return sends("ok").size() >= std::min<std::size_t>(8, before + 3); }));
  }
  EXPECT_EQ(numbers_in(sends("ok")), one_to(8));
}

TEST_F(NotificationsDelivery, AReplyDoesNotWaitBehindABacklogOfAnnouncements) {
  start_service();
  // Zalo takes 300 ms a message, so fifteen announcements are a backlog of seconds.
  fail_next("timeout", 100, {{"delay_ms", 300}});
  post_numbered(15, false);
  ASSERT_TRUE(wait_until([&] { return !sends().empty(); }));
  ASSERT_EQ(post_update(update("m-help", "u1", "g1", true, "@Bot /trogiup")).status, 200);
  ASSERT_TRUE(wait_until([&] { return sends().size() >= 16; }, 30000));
  auto all = sends();
  std::size_t reply_at = all.size();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].value("text", "").find("/hanchot") != std::string::npos) reply_at = i;
  }
  ASSERT_LT(reply_at, all.size()) << all.dump();
  EXPECT_LE(reply_at, 4u) << "the reply waited behind the announcements";
}

TEST_F(NotificationsDelivery, AZaloOutageCostsFewCallsAndLosesNothing) {
  start_service({{"THIDUA_RETRY_BASE_MS", "100"},
                 {"THIDUA_RETRY_CAP_MS", "2000"},
                 {"THIDUA_RETRY_MAX_ATTEMPTS", "0"},
                 {"THIDUA_BREAKER_COOLDOWN_MS", "300"}});
  fail_next("http5xx", 1000000);
  // Eight announcements to the group and replies to twelve colleagues' private chats
  // (nominations is down, so each gets "tạm thời chưa trả lời"): thirteen chats in all.
  post_numbered(8, false);
  for (int i = 0; i < 12; ++i) {
    auto n = std::to_string(i);
    ASSERT_EQ(post_update(update("p" + n, "u" + n, "p" + n, false, "/trogiup")).status, 200);
  }
  std::this_thread::sleep_for(std::chrono::seconds(4));
  fail_next("http5xx", 0);  // Zalo is back
  auto failed = sends("http5xx").size();
  ASSERT_TRUE(wait_until([&] { return sends("ok").size() >= 20; }, 30000));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  // Every message once, the group's in order, none a dead letter.
  auto ok = sends("ok");
  EXPECT_EQ(ok.size(), 20u);
  EXPECT_EQ(numbers_in(ok), one_to(8));
  std::set<std::string> chats;
  for (auto& c : ok) chats.insert(c["chat_id"].get<std::string>());
  EXPECT_EQ(chats.size(), 13u);
  EXPECT_EQ(get_json(api("/dead-letters"), kAdmin)["items"].size(), 0u);
  // Without the breaker every chat's first message tries on its own, about every
  // 100·2^k ms: some 80 calls in four seconds. With it: the three that open it, the ones
  // already on their way, then one probe per pause (300, 600, 1200, 2000 ms).
  EXPECT_GT(failed, 0u);
  EXPECT_LE(failed, 20u) << "calls during the outage";
}

TEST_F(NotificationsDelivery, RetryAfterFromZaloIsHonoured) {
  start_service();
  fail_next("http429", 1, {{"retry_after", 2}});
  post_numbered(1, true);
  ASSERT_TRUE(wait_until([&] { return sends("ok").size() == 1; }, 15000));
  auto refused = sends("http429");
  ASSERT_EQ(refused.size(), 1u);
  long long waited = sends("ok")[0]["at"].get<long long>() - refused[0]["at"].get<long long>();
  EXPECT_GE(waited, 2000) << "Zalo asked for two seconds";
}

TEST_F(NotificationsDelivery, RetriesStopAfterTheTimeBudgetNotACount) {
  start_service({{"THIDUA_RETRY_MAX_ATTEMPTS", "0"},
                 {"THIDUA_RETRY_BUDGET_MS", "4000"},
                 {"THIDUA_BREAKER_FAILURES", "0"}});
  fail_next("http5xx", 1000000);
  auto r = post_message({{"target", "group"}, {"text", numbered(1)}});
  ASSERT_EQ(r.status, 202);
  auto id = json::parse(r.body)["id"].get<std::string>();
  ASSERT_TRUE(wait_until([&] { return message_state(id) == "dead"; }, 15000));
  auto tries = sends("http5xx");
  EXPECT_GT(tries.size(), 8u) << "more tries than the old count of eight";
  // Tried for the whole budget (less the last wait, at most a worker's 250 ms read), then
  // given up.
  long long span = tries.back()["at"].get<long long>() - tries.front()["at"].get<long long>();
  EXPECT_GE(span, 3700);
  auto m = get_json(api("/messages/" + id), kAdmin);
  EXPECT_EQ(m["history"].back()["reason"], "Zalo 500: Internal Server Error") << m.dump();
}

}  // namespace
}  // namespace thidua::testing
