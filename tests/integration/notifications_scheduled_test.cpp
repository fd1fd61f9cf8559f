// Messages scheduled for a time (issue 12, "send at a time") through the real API, a real
// Redis and the fake Zalo: released at their time and not before, holding up nothing sent
// meanwhile, quiet hours still kept, and cancelled before their time. The service's clock
// is pinned (libfaketime); the times to send are taken from the service's own answers.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "notifications_fixture.hpp"

namespace thidua::testing {
namespace {

class NotificationsScheduled : public NotificationsOutbox {
 protected:
  std::string post_id(const json& body) {
    auto r = post_message(body);
    EXPECT_EQ(r.status, 202) << r.body;
    return json::parse(r.body, nullptr, false).value("id", "");
  }
  json message(const std::string& id) { return get_json(api("/messages/" + id), kAdmin); }
  // The service's "now": a message sent at once, read back.
  Instant service_now() {
    auto id = post_id({{"target", "group"}, {"text", "Chào buổi sáng"}});
    return *parse_iso_instant(message(id).value("created_at", ""));
  }
  HttpReply cancel(const std::string& id, const std::string& token = kAdmin) {
    return http_call("DELETE", api("/messages/" + id), "", {{"Authorization", "Bearer " + token}});
  }
  std::vector<std::string> states(const json& m) {
    std::vector<std::string> out;
    for (const auto& h : m.value("history", json::array())) out.push_back(h.value("state", ""));
    return out;
  }
};

TEST_F(NotificationsScheduled, GoesAtItsTimeAndHoldsUpNothingSentMeanwhile) {
  start_service(faked_clock_env("2026-12-05 09:00:00"));
  Instant now = service_now();
  std::string at = iso_instant(now + std::chrono::seconds(3));
  auto id = post_id({{"target", "group"}, {"text", "Nhắc họp Hội đồng"}, {"send_at", at}});
  auto m = message(id);
  EXPECT_EQ(m["state"], "scheduled");
  EXPECT_EQ(m["send_at"], at);
  // Sent after it, but not held behind it: the same chat's lane stays open.
  auto after = post_id({{"target", "group"}, {"text", "Tin gửi ngay"}});
  ASSERT_TRUE(wait_until([&] { return message_state(after) == "sent"; }));
  EXPECT_EQ(message_state(id), "scheduled");
  ASSERT_TRUE(wait_until([&] { return message_state(id) == "sent"; }, 20000));
  m = message(id);
  EXPECT_EQ(states(m), (std::vector<std::string>{"scheduled", "queued", "sending", "sent"}));
  // Released no earlier than the time chosen, by the service's clock.
  EXPECT_GE(*parse_iso_instant(m["history"][1]["at"].get<std::string>()), *parse_iso_instant(at));
  EXPECT_EQ(m["history"][1]["source"], "scheduled");
  auto sent = sends("ok");
  ASSERT_EQ(sent.size(), 3u);
  EXPECT_EQ(sent[2]["text"], "Nhắc họp Hội đồng\n— tự động");
}

TEST_F(NotificationsScheduled, DueInQuietHoursItWaitsUnlessUrgent) {
  auto env = faked_clock_env("2026-11-30 22:30:00");
  env["THIDUA_QUIET_HOURS"] = "21:00-06:30";
  start_service(env);
  auto first = post_id({{"target", "group"}, {"text", "Khẩn: đo giờ"}, {"urgent", true}});
  Instant now = *parse_iso_instant(message(first).value("created_at", ""));
  std::string at = iso_instant(now + std::chrono::seconds(2));
  auto quiet = post_id({{"target", "group"}, {"text", "Lịch tuần sau"}, {"send_at", at}});
  auto urgent = post_id(
      {{"target", "group"}, {"text", "Khẩn: sáng mai họp"}, {"urgent", true}, {"send_at", at}});
  ASSERT_TRUE(wait_until([&] { return message_state(urgent) == "sent"; }, 20000));
  ASSERT_TRUE(wait_until([&] { return message_state(quiet) == "held"; }, 20000));
  auto last = message(quiet)["history"].back();
  EXPECT_EQ(last["reason"], "quiet_hours");
  EXPECT_EQ(last["until"].get<std::string>().substr(0, 19), "2026-11-30T23:30:00");
}

TEST_F(NotificationsScheduled, CancelledBeforeItsTimeItNeverGoes) {
  start_service(faked_clock_env("2026-12-05 09:00:00"));
  Instant now = service_now();
  std::string at = iso_instant(now + std::chrono::hours(1));
  auto id = post_id({{"target", "group"}, {"text", "Sẽ hủy"}, {"send_at", at}});
  EXPECT_EQ(cancel(id, kService).status, 403);
  auto r = cancel(id);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body)["status"], "discarded");
  auto m = message(id);
  EXPECT_EQ(m["state"], "discarded");
  EXPECT_EQ(m["history"].back()["reason"], "cancelled");
  // Once only; a message that went out cannot be cancelled; an unknown one is 404.
  auto again = cancel(id);
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(again.headers["content-type"], "application/problem+json");
  auto sent = post_id({{"target", "group"}, {"text", "Đã gửi"}});
  ASSERT_TRUE(wait_until([&] { return message_state(sent) == "sent"; }));
  EXPECT_EQ(cancel(sent).status, 409);
  EXPECT_EQ(cancel("abcdef0123456789").status, 404);
  EXPECT_EQ(message_state(id), "discarded");
}

TEST_F(NotificationsScheduled, ATimePastTooFarOrMalformedIsRefusedAndNothingStored) {
  start_service(faked_clock_env("2026-12-05 09:00:00"));
  Instant now = service_now();
  auto refused = [&](const std::string& at, int status, const std::string& code) {
    auto r = post_message({{"target", "group"}, {"text", "x"}, {"send_at", at}});
    EXPECT_EQ(r.status, status) << at << " " << r.body;
    auto p = json::parse(r.body, nullptr, false);
    EXPECT_EQ(p.value("code", ""), code) << r.body;
    EXPECT_FALSE(p.value("detail", "").empty());
  };
  refused(iso_instant(now - std::chrono::minutes(1)), 422, "send_at_past");
  refused(iso_instant(now + std::chrono::days(93)), 422, "send_at_too_far");
  refused("2026-12-07 07:00", 400, "invalid_send_at");
  auto list = get_json(api("/messages"), kAdmin);
  EXPECT_EQ(list["items"].size(), 1u);  // the one service_now() sent
}

}  // namespace
}  // namespace thidua::testing
