// Chat commands end to end: the real nominations, reports and notifications binaries, a
// real Redis and the fake Zalo API in long-polling mode. A staff member links their Zalo
// id with a code an admin issued, then asks who they are, their nominations and quotas.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "support/http_call.hpp"
#include "support/process.hpp"
#include "support/redis_server.hpp"

namespace thidua::testing {
namespace {
using nlohmann::json;

const std::string kService = "svc-token-0123456789abcdef";
const std::string kAdmin = "admin-token-0123456789abcdef";
const std::string kZaloToken = "fake-zalo-token";

class NotificationsCommands : public ::testing::Test {
 protected:
  void SetUp() override {
    redis_.start();
    dir_ = make_temp_dir("notif-e2e");
    zalo_port_ = free_port();
    nominations_port_ = free_port();
    reports_port_ = free_port();
    port_ = free_port();
    fake_.start(build_dir() + "/tests/fakes/fake_zalo", {},
                {{"FAKE_ZALO_PORT", std::to_string(zalo_port_)},
                 {"FAKE_ZALO_TOKEN", kZaloToken},
                 {"FAKE_ZALO_POLL_WAIT_MS", "200"}},
                dir_ + "/fake.log");
    std::map<std::string, std::string> common = {{"THIDUA_REDIS_URL", redis_.url()},
                                                 {"THIDUA_SERVICE_TOKEN", kService},
                                                 {"THIDUA_ADMIN_TOKEN", kAdmin},
                                                 {"THIDUA_ACCESS_LOG", "false"}};
    auto env = common;
    env["THIDUA_HTTP_PORT"] = std::to_string(nominations_port_);
    env["THIDUA_CATALOGUE_FILE"] = source_dir() + "/config/catalogue.json";
    env["THIDUA_ROUNDS_FILE"] = source_dir() + "/tests/support/rounds-always-open.json";
    nominations_.start(build_dir() + "/services/nominations/nominations", {}, env,
                       dir_ + "/nominations.log");
    env = common;
    env["THIDUA_HTTP_PORT"] = std::to_string(reports_port_);
    reports_.start(build_dir() + "/services/reports/reports", {}, env, dir_ + "/reports.log");
    env = common;
    env.insert({{"THIDUA_HTTP_PORT", std::to_string(port_)},
                {"THIDUA_MESSENGER", "zalo"},
                {"ZALO_BOT_API_BASE", url(zalo_port_, "")},
                {"ZALO_BOT_TOKEN", kZaloToken},
                {"ZALO_GROUP_ID", "g1"},
                {"THIDUA_BOT_MODE", "polling"},
                {"THIDUA_POLL_TIMEOUT_S", "1"},
                {"THIDUA_QUIET_HOURS", "off"},
                {"THIDUA_BOT_FOOTER", "— tự động"},
                {"THIDUA_CONTACT", "cô Lan (phó hiệu trưởng)"},
                {"THIDUA_NOMINATIONS_URL", url(nominations_port_, "")},
                {"THIDUA_REPORTS_URL", url(reports_port_, "")}});
    notifications_.start(build_dir() + "/services/notifications/notifications", {}, env,
                         dir_ + "/notifications.log");
    for (int p : {nominations_port_, reports_port_, port_}) {
      ASSERT_TRUE(wait_until([&] { return http_call("GET", url(p, "/readyz")).status == 200; }));
    }
    // The fake too: a test that asks at once would otherwise read its calls before it listens.
    ASSERT_TRUE(wait_until(
        [&] { return http_call("GET", url(zalo_port_, "/__fake/calls")).status == 200; }));
    // The seed loads in the background; the catalogue answers once it is in.
    ASSERT_TRUE(wait_until([&] {
      return http_call("GET", url(nominations_port_, "/api/nominations/v1/catalogue"), "", admin())
                 .status == 200;
    }));
  }

  static std::string url(int port, const std::string& path) {
    return "http://127.0.0.1:" + std::to_string(port) + path;
  }
  static std::map<std::string, std::string> admin() {
    return {{"Authorization", "Bearer " + kAdmin}, {"Content-Type", "application/json"}};
  }

  // Sends `text` as user `from` in chat `chat` and waits for the bot's answer; after a
  // mention of the bot unless `mention` is false (as people write in a private chat).
  std::string ask(const std::string& text, const std::string& from = "zu-7",
                  const std::string& chat = "g1", bool mention = true) {
    json update = {{"event_name", "message.text.received"},
                   {"message",
                    {{"message_id", "m" + std::to_string(++asked_)},
                     {"date", 1764000000000LL},
                     {"text", (mention ? "@Thi đua THCS Vĩnh Phong 1 " : "") + text},
                     {"from", {{"id", from}, {"display_name", "Cô Hoa"}, {"is_bot", false}}},
                     {"chat", {{"id", chat}, {"chat_type", chat == "g1" ? "GROUP" : "PRIVATE"}}}}}};
    http_call("POST", url(zalo_port_, "/__fake/updates"), update.dump(),
              {{"Content-Type", "application/json"}});
    std::string answer;
    wait_until(
        [&] {
          auto calls = json::parse(http_call("GET", url(zalo_port_, "/__fake/calls")).body);
          int n = 0;
          for (auto& c : calls) {
            if (c.value("method", "") == "sendMessage" && c.value("outcome", "") == "ok" &&
                ++n == answered_ + 1) {
              answer = c["text"];
            }
          }
          return !answer.empty();
        },
        15000);
    if (!answer.empty()) ++answered_;
    return answer;
  }

  RedisServer redis_;
  Process fake_, nominations_, reports_, notifications_;
  std::string dir_;
  int zalo_port_ = 0, nominations_port_ = 0, reports_port_ = 0, port_ = 0;
  int asked_ = 0, answered_ = 0;
};

TEST_F(NotificationsCommands, LinkThenAskWhoAmINominationsAndQuotas) {
  json staff = {{"name", "Nguyễn Thị Hoa"},
                {"unit_id", "to-toan-tin"},
                {"role", "leader"},
                {"gender", "female"}};
  ASSERT_EQ(http_call("PUT", url(nominations_port_, "/api/nominations/v1/catalogue/staff/gv-hoa"),
                      staff.dump(), admin())
                .status,
            200);
  auto issued = http_call(
      "POST", url(nominations_port_, "/api/nominations/v1/staff/gv-hoa/link-codes"), "", admin());
  ASSERT_EQ(issued.status, 201) << issued.body;
  std::string code = json::parse(issued.body)["code"];

  EXPECT_NE(ask("/toila").find("chưa liên kết"), std::string::npos);
  EXPECT_NE(ask("/lienket 00000000").find("không đúng"), std::string::npos);
  auto linked = ask("/liênkết " + code);
  EXPECT_NE(linked.find("Đã liên kết"), std::string::npos) << linked;
  EXPECT_NE(linked.find("Nguyễn Thị Hoa"), std::string::npos);
  auto me = ask("/toila");
  EXPECT_NE(
      me.find(
          "Tài khoản Zalo này là của cô Nguyễn Thị Hoa (mã cán bộ gv-hoa), vai trò: tổ trưởng."),
      std::string::npos)
      << me;
  EXPECT_NE(ask("/denghi").find("Chưa có đề nghị"), std::string::npos);
  auto quotas = ask("/chitieu 2026");
  EXPECT_NE(quotas.find("Chỉ tiêu khen thưởng năm 2026"), std::string::npos) << quotas;
  // A period in words, typed with or without diacritics (issue 13).
  auto interim = ask("/chitieu sơ kết");
  EXPECT_NE(interim.find("Chỉ tiêu khen thưởng sơ kết giai đoạn 1"), std::string::npos) << interim;
  EXPECT_NE(ask("/chitieu tong ket").find("tổng kết phong trào"), std::string::npos);
  // While a command is looked up, the bot shows it is typing in that chat.
  auto calls = json::parse(http_call("GET", url(zalo_port_, "/__fake/calls")).body);
  int typing = 0;
  for (auto& c : calls) {
    if (c.value("method", "") == "sendChatAction" && c.value("outcome", "") == "ok" &&
        c.value("chat_id", "") == "g1" && c.value("action", "") == "typing") {
      ++typing;
    }
  }
  EXPECT_GE(typing, 5) << calls.dump();
  EXPECT_NE(ask("/trangthai 999").find("Không có đề nghị số 999"), std::string::npos);
  // Reports has no submissions route yet: the deadline comes, the rest is said to be missing.
  auto deadline = ask("/hanchot");
  EXPECT_NE(deadline.find("/10/"), std::string::npos) << deadline;
  EXPECT_NE(deadline.find("Chưa lấy được danh sách"), std::string::npos) << deadline;
  EXPECT_NE(ask("/trogiup").find("cô Lan"), std::string::npos);
  EXPECT_NE(ask("/trangthai").find("Ví dụ: /trangthai 12"), std::string::npos);
  // A stranger's private chat gets nothing; a linked member's private chat is answered.
  EXPECT_NE(ask("/toila", "zu-7", "zu-7").find("Nguyễn Thị Hoa"), std::string::npos);
  // In a private chat any text is answered: what is no command gets a short hint (issue 13).
  EXPECT_EQ(ask("Cảm ơn bot nhé", "zu-7", "zu-7", false),
            "Mỗi lệnh của bot bắt đầu bằng dấu \"/\"; thầy cô gõ /trogiup để xem các lệnh.\n— tự "
            "động");

  // The bot acts with her rights (a leader of Tổ Toán – Tin), not the service token's: a
  // nomination in another unit is not hers to see; one in her unit is.
  auto nominate = [&](const std::string& staff_id, const std::string& unit) {
    json member = {{"name", "Cán bộ " + staff_id}, {"unit_id", unit}, {"role", "staff"}};
    http_call("PUT", url(nominations_port_, "/api/nominations/v1/catalogue/staff/" + staff_id),
              member.dump(), admin());
    json n = {{"period", "2026"},
              {"award", "gk_xa"},
              {"subject_kind", "individual"},
              {"subject_id", staff_id},
              {"reason", "Bài giảng điện tử"}};
    auto r = http_call("POST", url(nominations_port_, "/api/nominations/v1/nominations"), n.dump(),
                       admin());
    EXPECT_EQ(r.status, 201) << r.body;
    return json::parse(r.body).value("id", "");
  };
  auto other = nominate("gv-van", "to-ngu-van");
  auto own = nominate("gv-toan", "to-toan-tin");
  EXPECT_NE(ask("/trangthai " + other).find("Không có đề nghị số " + other), std::string::npos);
  EXPECT_EQ(ask("/trangthai " + own).find("Không có đề nghị"), std::string::npos);
  // Demoted to staff: her own nominations only, at once.
  staff["role"] = "staff";
  http_call("PUT", url(nominations_port_, "/api/nominations/v1/catalogue/staff/gv-hoa"),
            staff.dump(), admin());
  EXPECT_NE(ask("/trangthai " + own).find("Không có đề nghị số " + own), std::string::npos);
}

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
    ASSERT_EQ(http_call("PUT", url(nominations_port_, "/api/nominations/v1/catalogue/staff/" + id),
                        staff.dump(), admin())
                  .status,
              200);
    auto issued =
        http_call("POST", url(nominations_port_, "/api/nominations/v1/staff/" + id + "/link-codes"),
                  "", admin());
    ASSERT_EQ(issued.status, 201) << issued.body;
    std::string code = json::parse(issued.body)["code"];
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
  json staff = {{"name", "Nguyễn Thị Hoa"},
                {"unit_id", "to-toan-tin"},
                {"role", "leader"},
                {"gender", "female"}};
  ASSERT_EQ(http_call("PUT", url(nominations_port_, "/api/nominations/v1/catalogue/staff/gv-hoa"),
                      staff.dump(), admin())
                .status,
            200);
  auto issued = http_call(
      "POST", url(nominations_port_, "/api/nominations/v1/staff/gv-hoa/link-codes"), "", admin());
  ASSERT_EQ(issued.status, 201) << issued.body;
  std::string code = json::parse(issued.body)["code"];
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

// Issue 13: the bot stays out of the group's own conversation, and in a private chat it
// always answers, telling someone not linked yet how to begin.
TEST_F(NotificationsCommands, ChatterInTheGroupGetsNoAnswerAndAStrangerInPrivateIsShownTheWay) {
  json chatter = {{"event_name", "message.text.received"},
                  {"message",
                   {{"message_id", "chat-1"},
                    {"date", 1764000000000LL},
                    {"text", "Chào cả nhà, chiều mai 14h họp tổ nhé"},
                    {"from", {{"id", "zu-9"}, {"display_name", "Cô Hoa"}, {"is_bot", false}}},
                    {"chat", {{"id", "g1"}, {"chat_type", "GROUP"}}}}}};
  http_call("POST", url(zalo_port_, "/__fake/updates"), chatter.dump(),
            {{"Content-Type", "application/json"}});
  // The next answer in the chat is to the next question: the chatter got none.
  EXPECT_NE(ask("/trogiup").find("Các lệnh của bot"), std::string::npos);
  auto hello = ask("xin chào", "zu-stranger", "pv-stranger", false);
  EXPECT_NE(hello.find("/lienket"), std::string::npos) << hello;
  EXPECT_NE(hello.find("nhắn riêng"), std::string::npos) << hello;
  auto help = ask("/trogiup", "zu-stranger", "pv-stranger");
  EXPECT_NE(help.find("Các lệnh của bot"), std::string::npos) << help;
}

}  // namespace
}  // namespace thidua::testing
