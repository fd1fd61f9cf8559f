// Chat commands end to end (notifications_commands_fixture.hpp) that change what is stored:
// one /lienket update through two replicas at once is processed once, and /tatnhac and
// /batnhac decide whether a private reminder reaches the person.
#include <gtest/gtest.h>

#include <thread>

#include "notifications_commands_fixture.hpp"

namespace thidua::testing::notifications_commands_test {
namespace {

// Two replicas behind the load balancer get the same /lienket update at once (the platform
// redelivers, or the webhook is retried through the other one): the account is linked once
// and the one reply says so, never "mã không đúng" from a second processing.
TEST_F(NotificationsCommands, OneUpdateThroughTwoReplicasIsProcessedOnceAndAnsweredWell) {
  const std::string secret = "webhook-secret-0123456789";
  std::vector<int> replica_ports;
  std::vector<std::unique_ptr<Process>> replicas;
  for (int r = 0; r < 2; ++r) {
    int p = free_port();
    replica_ports.push_back(p);
    std::map<std::string, std::string> env = {
        {"THIDUA_REDIS_URL", redis_.url()},
        {"THIDUA_SERVICE_TOKEN", kService},
        {"THIDUA_ADMIN_TOKEN", kAdmin},
        {"THIDUA_ACCESS_LOG", "false"},
        {"THIDUA_HTTP_PORT", std::to_string(p)},
        {"THIDUA_MESSENGER", "zalo"},
        {"ZALO_BOT_API_BASE", url(zalo_port_, "")},
        {"ZALO_BOT_TOKEN", kZaloToken},
        {"ZALO_GROUP_ID", "g1"},
        {"THIDUA_BOT_MODE", "webhook"},
        {"ZALO_WEBHOOK_SECRET", secret},
        {"THIDUA_CONSUMER_NAME", "replica-" + std::to_string(r)},
        {"THIDUA_QUIET_HOURS", "off"},
        {"THIDUA_NOMINATIONS_URL", url(nominations_port_, "")},
        {"THIDUA_REPORTS_URL", url(reports_port_, "")}};
    replicas.push_back(std::make_unique<Process>());
    replicas.back()->start(build_dir() + "/services/notifications/notifications", {}, env,
                           dir_ + "/replica-" + std::to_string(r) + ".log");
    ASSERT_TRUE(wait_until([&] { return http_call("GET", url(p, "/readyz")).status == 200; }));
  }
  const int runs = 7;
  for (int run = 0; run < runs; ++run) {
    std::string id = "gv-r" + std::to_string(run);
    json staff = {{"name", "Trần Thị Mai " + std::to_string(run)},
                  {"unit_id", "to-toan-tin"},
                  {"role", "staff"}};
    ASSERT_EQ(put_staff(id, staff), 200);
    std::string code = link_code(id);
    ASSERT_FALSE(code.empty());
    json update = {{"event_name", "message.text.received"},
                   {"message",
                    {{"message_id", "dup-" + std::to_string(run)},
                     {"date", 1764000000000LL},
                     {"text", "/lienket " + code},
                     {"from", {{"id", "zr-" + std::to_string(run)}, {"is_bot", false}}},
                     {"chat", {{"id", "pr-" + std::to_string(run)}, {"chat_type", "PRIVATE"}}}}}};
    std::vector<std::thread> posts;
    for (int p : replica_ports) {
      posts.emplace_back([&, p] {
        auto r =
            http_call("POST", url(p, "/api/notifications/v1/bot/zalo/webhook"), update.dump(),
                      {{"Content-Type", "application/json"}, {"X-Bot-Api-Secret-Token", secret}});
        EXPECT_EQ(r.status, 200) << r.body;
      });
    }
    for (auto& t : posts) t.join();
  }
  // Every run answered once, in its own chat, and each answer says the account is linked.
  std::map<std::string, std::vector<std::string>> replies;
  ASSERT_TRUE(wait_until(
      [&] {
        replies.clear();
        for (auto& c : json::parse(http_call("GET", url(zalo_port_, "/__fake/calls")).body)) {
          if (c.value("method", "") == "sendMessage" && c.value("outcome", "") == "ok")
            replies[c["chat_id"].get<std::string>()].push_back(c["text"]);
        }
        return static_cast<int>(replies.size()) >= runs;
      },
      20000));
  std::this_thread::sleep_for(std::chrono::milliseconds(1000));  // a second answer would be late
  for (int run = 0; run < runs; ++run) {
    auto& got = replies["pr-" + std::to_string(run)];
    ASSERT_EQ(got.size(), 1u) << "run " << run;
    EXPECT_NE(got[0].find("Đã liên kết"), std::string::npos) << got[0];
  }
  for (auto& r : replicas) r->stop();
}
// Issue 13: /tatnhac and /batnhac, and what they do to a reminder posted to the person.
TEST_F(NotificationsCommands, TatnhacWithholdsPrivateRemindersAndBatnhacLetsThemThrough) {
  ASSERT_EQ(put_staff("gv-hoa", hoa()), 200);
  std::string code = link_code("gv-hoa");
  ASSERT_FALSE(code.empty());
  ASSERT_NE(ask("/lienket " + code, "zu-hoa", "zu-hoa").find("Đã liên kết"), std::string::npos);
  auto help = ask("/trogiup", "zu-hoa", "zu-hoa");
  EXPECT_NE(help.find("/tatnhac — "), std::string::npos) << help;
  EXPECT_NE(help.find("/batnhac — "), std::string::npos) << help;

  auto post = [&](const std::string& key, bool reminder) {
    json m = {{"target", {{"staff_id", "gv-hoa"}}}, {"text", "Nhắc hạn nộp báo cáo " + key}};
    if (reminder) m["category"] = "reminder";
    auto headers = admin();
    headers["Idempotency-Key"] = key;
    return http_call("POST", url(port_, "/api/notifications/v1/messages"), m.dump(), headers);
  };
  // Her chat, split into the posted messages (their first line) and the bot's answers.
  auto chat = [&](bool posted) {
    std::vector<std::string> out;
    for (auto& c : json::parse(http_call("GET", url(zalo_port_, "/__fake/calls")).body)) {
      std::string text = c.value("text", "");
      if (c.value("method", "") != "sendMessage" || c.value("chat_id", "") != "zu-hoa" ||
          c.value("outcome", "") != "ok")
        continue;
      bool is_posted = text.rfind("Nhắc hạn nộp báo cáo", 0) == 0;
      if (is_posted == posted) out.push_back(posted ? text.substr(0, text.find('\n')) : text);
    }
    return out;
  };
  // What she types to the bot in private, and its answer (ask() counts every message).
  auto tell = [&](const std::string& text) {
    std::size_t before = chat(false).size();
    json update = {{"event_name", "message.text.received"},
                   {"message",
                    {{"message_id", "hoa-" + std::to_string(++asked_)},
                     {"date", 1764000000000LL},
                     {"text", text},
                     {"from", {{"id", "zu-hoa"}, {"is_bot", false}}},
                     {"chat", {{"id", "zu-hoa"}, {"chat_type", "PRIVATE"}}}}}};
    http_call("POST", url(zalo_port_, "/__fake/updates"), update.dump(),
              {{"Content-Type", "application/json"}});
    std::string answer;
    wait_until([&] {
      auto answers = chat(false);
      if (answers.size() > before) answer = answers[before];
      return !answer.empty();
    });
    return answer;
  };
  auto off = tell("/tatnhac");
  EXPECT_NE(off.find("Đã tắt tin nhắc hạn gửi riêng cho cô Nguyễn Thị Hoa"), std::string::npos)
      << off;
  EXPECT_NE(off.find("gõ /batnhac"), std::string::npos) << off;
  EXPECT_NE(tell("/tat nhac").find("đã tắt từ trước"), std::string::npos);

  // Withheld, and said so as a success; an ordinary message to her still goes.
  auto withheld = post("nhac-1", true);
  EXPECT_EQ(withheld.status, 200) << withheld.body;
  auto answer = json::parse(withheld.body);
  EXPECT_EQ(answer["status"], "not_sent");
  EXPECT_EQ(answer["reason"], "reminders_off");
  EXPECT_NE(answer["detail"].get<std::string>().find("/tatnhac"), std::string::npos);
  EXPECT_EQ(post("thong-bao-1", false).status, 202);

  auto on = tell("/batnhac");
  EXPECT_NE(on.find("Đã bật lại"), std::string::npos) << on;
  // The same request again is sent now: a withheld message left nothing under its key.
  auto sent = post("nhac-1", true);
  EXPECT_EQ(sent.status, 202) << sent.body;
  EXPECT_EQ(sent.header("idempotent-replayed"), "");
  auto replay = post("nhac-1", true);
  EXPECT_EQ(replay.status, 202);
  EXPECT_EQ(replay.header("idempotent-replayed"), "true");
  EXPECT_EQ(json::parse(replay.body)["id"], json::parse(sent.body)["id"]);
  // The same key without the marker is another request.
  EXPECT_EQ(post("nhac-1", false).status, 422);

  // What reached her chat: the two messages that went, never the withheld one, once each.
  ASSERT_TRUE(wait_until([&] { return chat(true).size() >= 2; }));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_EQ(chat(true), (std::vector<std::string>{"Nhắc hạn nộp báo cáo thong-bao-1",
                                                  "Nhắc hạn nộp báo cáo nhac-1"}));
}

}  // namespace
}  // namespace thidua::testing::notifications_commands_test
