// The notifications service against a real Redis and the fake Zalo Bot API
// (notifications_fixture.hpp): what comes in. The webhook's secret and concurrent updates,
// long polling, and help or a wrong command answered without asking who asks.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "notifications_fixture.hpp"

namespace thidua::testing {
namespace {

TEST_F(NotificationsOutbox, WrongWebhookSecretIs401AndStoresNothing) {
  start_service();
  json update = {{"event_name", "message.text.received"},
                 {"message",
                  {{"message_id", "x1"},
                   {"text", "/trogiup"},
                   {"date", 1},
                   {"from", {{"id", "u1"}, {"display_name", "A"}, {"is_bot", false}}},
                   {"chat", {{"id", "g1"}, {"chat_type", "GROUP"}}}}}};
  std::string key = "{" + kSchool + "}:notifications:updates";
  for (const std::string& secret : {std::string("wrong-secret-0123456789"), std::string()}) {
    std::map<std::string, std::string> h = {{"Content-Type", "application/json"}};
    if (!secret.empty()) h["X-Bot-Api-Secret-Token"] = secret;
    EXPECT_EQ(http_call("POST", api("/bot/zalo/webhook"), update.dump(), h).status, 401);
    // The secret is checked before anything else: not even the media type is judged first.
    h["Content-Type"] = "text/plain";
    auto res = http_call("POST", api("/bot/zalo/webhook"), "not json", h);
    EXPECT_EQ(res.status, 401);
    EXPECT_NE(res.body.find("invalid_webhook_secret"), std::string::npos) << res.body;
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_EQ(redis_.cmd1({"XLEN", key}), "0");  // the group may exist, no entry
  EXPECT_EQ(sends().size(), 0u);
}

TEST_F(NotificationsOutbox, ConcurrentWebhookUpdatesAreEachAnsweredOnce) {
  start_service();
  const int n = 200;
  auto update = [](int i) {
    return json{
        {"event_name", "message.text.received"},
        {"message",
         {{"message_id", "m" + std::to_string(i)},
          {"date", 1764000000000LL},
          {"text", "@Thi đua THCS Vĩnh Phong 1 /trợgiúp"},
          {"from", {{"id", "u" + std::to_string(i)}, {"display_name", "GV"}, {"is_bot", false}}},
          {"chat", {{"id", "g1"}, {"chat_type", "GROUP"}}}}}};
  };
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      // Every update once, and every tenth one twice (a platform redelivery).
      for (int i = t; i < n; i += 8) {
        for (int rep = 0; rep < (i % 10 == 0 ? 2 : 1); ++rep) {
          auto r = http_call(
              "POST", api("/bot/zalo/webhook"), update(i).dump(),
              {{"Content-Type", "application/json"}, {"X-Bot-Api-Secret-Token", kSecret}});
          if (r.status == 200) ++ok;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), n + n / 10);
  ASSERT_TRUE(wait_until([&] { return static_cast<int>(sends("ok").size()) >= n; }, 30000));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  auto all = sends("ok");
  EXPECT_EQ(static_cast<int>(all.size()), n);
  EXPECT_NE(all[0]["text"].get<std::string>().find("/hanchot"), std::string::npos);
}

TEST_F(NotificationsOutbox, LongPollingAnswersAMentionAndSaysWhatIsDown) {
  start_service({{"THIDUA_BOT_MODE", "polling"}, {"THIDUA_POLL_TIMEOUT_S", "1"}});
  json update = {{"event_name", "message.text.received"},
                 {"message",
                  {{"message_id", "p1"},
                   {"date", 1764000000000LL},
                   {"text", "@Thi đua THCS Vĩnh Phong 1 /HẠNCHÓT"},
                   {"from", {{"id", "u9"}, {"display_name", "Thầy Nam"}, {"is_bot", false}}},
                   {"chat", {{"id", "g1"}, {"chat_type", "GROUP"}}}}}};
  json from_bot = update;
  from_bot["message"]["message_id"] = "p2";
  from_bot["message"]["from"]["is_bot"] = true;
  json other_group = update;
  other_group["message"]["message_id"] = "p3";
  other_group["message"]["chat"]["id"] = "g2";
  json unknown = update;
  unknown["message"]["message_id"] = "p4";
  unknown["message"]["text"] = "@Thi đua THCS Vĩnh Phong 1 /xinchao";
  for (const auto& u : {from_bot, other_group, update, unknown}) {
    ASSERT_EQ(
        http_call("POST", zalo("/__fake/updates"), u.dump(), {{"Content-Type", "application/json"}})
            .status,
        200);
  }
  ASSERT_TRUE(wait_until([&] { return sends("ok").size() >= 2; }, 15000));
  std::this_thread::sleep_for(std::chrono::milliseconds(800));
  auto ok = sends("ok");
  ASSERT_EQ(ok.size(), 2u);  // the bot's own kind and the other group get nothing
  std::string deadline = ok[0]["text"], hint = ok[1]["text"];
  if (deadline.find("/xinchao") != std::string::npos) std::swap(deadline, hint);
  // Who asks cannot be looked up (nominations is down here), so nothing is answered with the
  // bot's own rights: the reply says what is down.
  EXPECT_NE(deadline.find("chưa trả lời"), std::string::npos) << deadline;
  EXPECT_NE(hint.find("/trogiup"), std::string::npos) << hint;
  auto metrics = http_call("GET", "http://127.0.0.1:" + std::to_string(port_) + "/metrics").body;
  EXPECT_NE(metrics.find("notifications_messages_total{state=\"sent\"} 2"), std::string::npos)
      << metrics;
  EXPECT_NE(metrics.find("notifications_outbox_dead 0"), std::string::npos);
}

// Help, and a wrong command in the group, answer alike whoever asks: nominations (down in
// this fixture) is not asked who the sender is, so neither says that something is down.
TEST_F(NotificationsOutbox, HelpAndAWrongGroupCommandAreAnsweredWithoutAskingWhoAsks) {
  start_service();
  auto update = [](const std::string& id, const std::string& chat, bool group,
                   const std::string& text) {
    return json{{"event_name", "message.text.received"},
                {"message",
                 {{"message_id", id},
                  {"date", 1764000000000LL},
                  {"text", text},
                  {"from", {{"id", "u-" + id}, {"display_name", "Cô Hoa"}, {"is_bot", false}}},
                  {"chat", {{"id", chat}, {"chat_type", group ? "GROUP" : "PRIVATE"}}}}}};
  };
  const json updates[] = {update("h1", "p-hoa", false, "/trogiup"),
                          update("h2", "g1", true, "@Thi đua THCS Vĩnh Phong 1 /xinchao")};
  for (const auto& u : updates) {
    ASSERT_EQ(http_call("POST", api("/bot/zalo/webhook"), u.dump(),
                        {{"Content-Type", "application/json"}, {"X-Bot-Api-Secret-Token", kSecret}})
                  .status,
              200);
  }
  ASSERT_TRUE(wait_until([&] { return sends("ok").size() >= 2; }, 15000));
  for (const auto& sent : sends("ok")) {
    const std::string text = sent["text"];
    EXPECT_EQ(text.find("chưa trả lời"), std::string::npos) << text;
    if (sent["chat_id"] == "p-hoa") {
      EXPECT_NE(text.find("/hanchot"), std::string::npos) << text;  // the help, in full
    } else {
      EXPECT_NE(text.find("/trogiup"), std::string::npos) << text;  // the hint
    }
  }
  // The replies were delivered in full, but the API shows no one their text (a /dangnhap
  // answer is a sign-in code): the board reads that a reply went, not what it said.
  auto listed = get_json(api("/messages"), kAdmin)["items"];
  ASSERT_EQ(listed.size(), 2u) << listed.dump();
  for (const auto& m : listed) {
    EXPECT_EQ(m["text"],
              "(Bot trả lời riêng cho người đã nhắn lệnh; nội dung chỉ người nhận xem "
              "được.)")
        << m.dump();
    auto one = get_json(api("/messages/" + m["id"].get<std::string>()), kAdmin);
    EXPECT_EQ(one["text"], m["text"]) << one.dump();
    EXPECT_EQ(one.dump().find("/hanchot"), std::string::npos) << one.dump();
  }
}

}  // namespace
}  // namespace thidua::testing
