// The notifications service against a real Redis and the fake Zalo Bot API
// (notifications_fixture.hpp): what goes out. Retries, quiet hours, dead letters, idempotency,
// a slow Zalo, long texts in parts, and a worker killed mid-delivery. The bot's side is in
// notifications_outbox_bot_test.cpp.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "notifications_fixture.hpp"

namespace thidua::testing {
namespace {

TEST_F(NotificationsOutbox, FiveFailuresThenSuccessDeliverOneMessage) {
  start_service();
  fail_next("http5xx", 3);
  auto r = post_message({{"target", "group"}, {"text", "Nhắc: hạn nộp báo cáo 30/10/2026"}});
  ASSERT_EQ(r.status, 202) << r.body;
  auto id = json::parse(r.body)["id"].get<std::string>();
  // Three 500s are armed first; two 429s follow once they are used up.
  ASSERT_TRUE(wait_until([&] { return sends("http5xx").size() == 3; }));
  fail_next("http429", 2);
  ASSERT_TRUE(wait_until([&] { return message_state(id) == "sent"; }, 15000));
  auto ok = sends("ok");
  ASSERT_EQ(ok.size(), 1u);
  EXPECT_EQ(sends().size(), 6u);
  EXPECT_EQ(ok[0]["chat_id"], "g1");
  EXPECT_EQ(ok[0]["text"], "Nhắc: hạn nộp báo cáo 30/10/2026\n— tự động");
  auto m = get_json(api("/messages/" + id), kAdmin);
  int retries = 0;
  for (auto& h : m["history"]) retries += h["state"] == "retry";
  EXPECT_EQ(retries, 5);
  EXPECT_EQ(m["history"].back()["state"], "sent");
  EXPECT_EQ(m["history"].back()["message_id"], ok[0]["message_id"]);
}

TEST_F(NotificationsOutbox, QuietHoursHoldOrdinaryMessagesAndLetUrgentOnesThrough) {
  // The service's clock is pinned at 22:30 on 30 November 2026 in Vietnam, inside the
  // default quiet hours, whatever the hour this test runs at.
  auto env = faked_clock_env("2026-11-30 22:30:00");
  env["THIDUA_QUIET_HOURS"] = "21:00-06:30";
  start_service(env);

  auto held = post_message({{"target", "group"}, {"text", "Lịch họp tổ tuần sau"}});
  ASSERT_EQ(held.status, 202) << held.body;
  auto held_id = json::parse(held.body)["id"].get<std::string>();
  auto urgent = post_message(
      {{"target", "group"}, {"text", "Khẩn: họp Hội đồng lúc 7 giờ"}, {"urgent", true}});
  ASSERT_EQ(urgent.status, 202) << urgent.body;
  auto urgent_id = json::parse(urgent.body)["id"].get<std::string>();

  ASSERT_TRUE(wait_until([&] { return message_state(urgent_id) == "sent"; }));
  ASSERT_TRUE(wait_until([&] { return message_state(held_id) == "held"; }));
  auto m = get_json(api("/messages/" + held_id), kAdmin);
  auto last = m["history"].back();
  EXPECT_EQ(last["reason"], "quiet_hours");
  // Held until the quiet hours end: 06:30 on 1 December in Vietnam, 23:30 UTC the day before.
  EXPECT_EQ(last["until"].get<std::string>().substr(0, 19), "2026-11-30T23:30:00") << last.dump();
  auto sent = sends("ok");
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0]["text"], "Khẩn: họp Hội đồng lúc 7 giờ\n— tự động");
}

TEST_F(NotificationsOutbox, PermanentFailureGoesToDeadLetterAtOnceAndCanBeRetried) {
  start_service();
  fail_next("http401", 1);
  auto r = post_message({{"target", "group"}, {"text", "Tin thử"}});
  ASSERT_EQ(r.status, 202);
  auto id = json::parse(r.body)["id"].get<std::string>();
  ASSERT_TRUE(wait_until([&] { return message_state(id) == "dead"; }));
  EXPECT_EQ(sends().size(), 1u);
  auto dead = get_json(api("/dead-letters"), kAdmin);
  ASSERT_EQ(dead["items"].size(), 1u);
  EXPECT_EQ(dead["items"][0]["id"], id);
  EXPECT_NE(dead["items"][0]["reason"].get<std::string>().find("401"), std::string::npos);
  EXPECT_EQ(dead["items"][0]["text"], "Tin thử");  // the message read back with the list
  EXPECT_EQ(
      http_call("GET", api("/dead-letters"), "", {{"Authorization", "Bearer " + kService}}).status,
      403);
  auto retry = http_call("POST", api("/dead-letters/" + id + "/retry"), "",
                         {{"Authorization", "Bearer " + kAdmin}});
  EXPECT_EQ(retry.status, 202) << retry.body;
  ASSERT_TRUE(wait_until([&] { return message_state(id) == "sent"; }));
  EXPECT_EQ(sends("ok").size(), 1u);
  EXPECT_EQ(get_json(api("/dead-letters"), kAdmin)["items"].size(), 0u);
}

TEST_F(NotificationsOutbox, IdempotencyKeyAnswersTheFirstAndQueuesNothing) {
  start_service();
  json body = {{"target", "group"}, {"text", "Nhắc hạn"}};
  auto a = post_message(body, "reminder-2026-d7");
  auto b = post_message(body, "reminder-2026-d7");
  ASSERT_EQ(a.status, 202);
  ASSERT_EQ(b.status, 202);
  EXPECT_EQ(json::parse(a.body), json::parse(b.body));
  EXPECT_EQ(post_message({{"target", "group"}, {"text", " "}}).status, 422);
  EXPECT_EQ(post_message({{"target", "all"}, {"text", "x"}}).status, 400);
  // Staff targets need nominations, which is down here: 503, nothing queued.
  EXPECT_EQ(post_message({{"target", {{"staff_id", "gv-01"}}}, {"text", "x"}}).status, 503);
  ASSERT_TRUE(wait_until([&] { return sends("ok").size() == 1; }));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(sends().size(), 1u);
}

// The case: a meeting announced, then cancelled under the same key. The
// cancellation must not be swallowed as a replay of the first request.
TEST_F(NotificationsOutbox, IdempotencyKeyReusedForAnotherMessageIs422) {
  start_service();
  auto a = post_message({{"target", "group"}, {"text", "Họp 14:00 thứ Hai"}}, "hop-thu-hai");
  ASSERT_EQ(a.status, 202) << a.body;
  auto replay = post_message({{"target", "group"}, {"text", "Họp 14:00 thứ Hai"}}, "hop-thu-hai");
  EXPECT_EQ(replay.status, 202);
  EXPECT_EQ(json::parse(replay.body), json::parse(a.body));
  for (const json& other :
       {json{{"target", "group"}, {"text", "HỦY họp thứ Hai"}},
        json{{"target", "group"}, {"text", "Họp 14:00 thứ Hai"}, {"urgent", true}}}) {
    auto b = post_message(other, "hop-thu-hai");
    EXPECT_EQ(b.status, 422) << b.body;
    auto problem = json::parse(b.body, nullptr, false);
    EXPECT_EQ(problem.value("code", ""), "idempotency_key_reused") << b.body;
    EXPECT_EQ(b.header("content-type"), "application/problem+json");
  }
  ASSERT_TRUE(wait_until([&] { return sends("ok").size() == 1; }));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ASSERT_EQ(sends().size(), 1u);
  EXPECT_EQ(sends()[0]["text"], "Họp 14:00 thứ Hai\n— tự động");
}

TEST_F(NotificationsOutbox, VisibilityTimeoutNotAboveTheZaloTimeoutIsRefusedAtStart) {
  Process p;
  p.start(build_dir() + "/services/notifications/notifications", {},
          {{"THIDUA_REDIS_URL", redis_.url()},
           {"THIDUA_HTTP_PORT", std::to_string(free_port())},
           {"ZALO_TIMEOUT_MS", "4000"},
           {"THIDUA_VISIBILITY_TIMEOUT_MS", "4000"}},
          dir_ + "/refused.log");
  ASSERT_TRUE(wait_until([&] { return !p.running(); }, 10000));
  EXPECT_EQ(p.stop(), 2);
  EXPECT_NE(p.log().find("THIDUA_VISIBILITY_TIMEOUT_MS"), std::string::npos) << p.log();
  EXPECT_NE(p.log().find("ZALO_TIMEOUT_MS"), std::string::npos) << p.log();
}

std::vector<std::string> texts_of(const json& sends) {
  std::vector<std::string> out;
  for (const auto& c : sends) out.push_back(c["text"].get<std::string>());
  return out;
}

// Zalo answers each part in 0.7 s; the claim (1.2 s) would lapse during a four-part message
// unless the worker renews it: before, a second worker took the message and sent parts twice.
TEST_F(NotificationsOutbox, ASlowZaloDoesNotLetAnotherWorkerSendThePartsAgain) {
  start_service({{"THIDUA_DELIVERY_WORKERS", "2"},
                 {"ZALO_TIMEOUT_MS", "1000"},
                 {"THIDUA_VISIBILITY_TIMEOUT_MS", "1200"}});
  fail_next("timeout", 4, {{"delay_ms", 700}});
  std::string text;
  for (int part = 0; part < 4; ++part)
    text += std::string(1900, static_cast<char>('a' + part)) + " ";
  auto r = post_message({{"target", "group"}, {"text", text}});
  ASSERT_EQ(r.status, 202) << r.body;
  auto id = json::parse(r.body)["id"].get<std::string>();
  ASSERT_TRUE(wait_until([&] { return message_state(id) == "sent"; }, 20000));
  std::this_thread::sleep_for(std::chrono::milliseconds(2000));  // a reclaim would show now
  auto ok = texts_of(sends("ok"));
  ASSERT_EQ(ok.size(), 4u);  // each part once
  EXPECT_EQ(std::set<std::string>(ok.begin(), ok.end()).size(), 4u);
  EXPECT_TRUE(std::is_sorted(ok.begin(), ok.end())) << "parts out of order";  // a…, b…, c…, d…
}

TEST_F(NotificationsOutbox, LongTextGoesOutInOrderedPartsAndEventsOncePerEventId) {
  start_service();
  std::string text;
  for (int i = 0; i < 450; ++i)
    text += "Dòng " + std::to_string(i) + " của báo cáo\n";  // ~9000 chars
  auto r = post_message({{"target", "group"}, {"text", text}});
  ASSERT_EQ(r.status, 202);
  auto id = json::parse(r.body)["id"].get<std::string>();
  ASSERT_TRUE(wait_until([&] { return message_state(id) == "sent"; }));
  auto parts = sends("ok");
  ASSERT_GE(parts.size(), 5u);
  std::string joined;
  for (auto& p : parts) joined += p["text"].get<std::string>() + "\n";
  EXPECT_TRUE(joined == text + "\n— tự động\n");  // in order, cut at line ends only
  EXPECT_EQ(get_json(api("/messages/" + id), kAdmin)["message_ids"].size(), parts.size());

  // The same nominations event written twice (a producer retry) is announced once.
  json event = {{"event_id", "0123456789abcdef0123456789abcdef"},
                {"type", "nomination.approved"},
                {"nomination",
                 {{"id", "7"},
                  {"subject_name", "Nguyễn Văn An"},
                  {"award_label", "Giấy khen"},
                  {"period", "2026"}}}};
  std::string stream = "{" + kSchool + "}:nominations:events";
  for (int i = 0; i < 2; ++i)
    redis_.cmd({"XADD", stream, "*", "type", "nomination.approved", "event", event.dump()});
  ASSERT_TRUE(wait_until([&] { return sends("ok").size() == parts.size() + 1; }));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  auto all = sends("ok");
  ASSERT_EQ(all.size(), parts.size() + 1);
  EXPECT_NE(all.back()["text"].get<std::string>().find("Nguyễn Văn An"), std::string::npos);
}

TEST_F(NotificationsOutbox, WorkerKilledMidDeliveryLosesNothing) {
  start_service();
  const int n = 1000;
  for (int i = 0; i < n; ++i) {
    auto r = post_message({{"target", "group"}, {"text", "tin " + std::to_string(i)}});
    ASSERT_EQ(r.status, 202);
  }
  int kills = 0;
  for (int round = 0; round < 2; ++round) {
    std::size_t at = sends("ok").size();
    ASSERT_TRUE(wait_until([&] { return sends("ok").size() >= at + 150; }, 20000));
    service_.stop(9);  // SIGKILL: no goodbye, entries stay pending
    ++kills;
    start_service();
  }
  ASSERT_TRUE(wait_until([&] { return static_cast<int>(sends("ok").size()) >= n; }, 60000));
  std::this_thread::sleep_for(std::chrono::milliseconds(2000));  // visibility timeout + margin
  std::map<std::string, int> seen;
  for (auto& c : sends("ok")) seen[c["text"].get<std::string>()]++;
  EXPECT_EQ(static_cast<int>(seen.size()), n);
  int duplicates = 0;
  for (auto& [text, count] : seen) duplicates += count - 1;
  EXPECT_LE(duplicates, kills);  // one worker: at most the call in flight per kill
}

}  // namespace
}  // namespace thidua::testing
