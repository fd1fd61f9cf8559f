#pragma once
// Chat commands end to end: the real nominations, reports and notifications binaries, a real
// Redis and the fake Zalo API in long-polling mode. The fixture the notifications_commands_*
// files share (their own services and Redis per test), with `ask`, which speaks as a person
// in the group or in private and waits for the bot's answer.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "support/http_call.hpp"
#include "support/process.hpp"
#include "support/redis_server.hpp"

namespace thidua::testing::notifications_commands_test {
using nlohmann::json;

inline const std::string kService = "svc-token-0123456789abcdef";
inline const std::string kAdmin = "admin-token-0123456789abcdef";
inline const std::string kZaloToken = "fake-zalo-token";

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

  // Cô Hoa, tổ trưởng of Tổ Toán – Tin, as the catalogue holds her (a test may change her
  // role and put her again).
  static json hoa() {
    return {{"name", "Nguyễn Thị Hoa"},
            {"unit_id", "to-toan-tin"},
            {"role", "leader"},
            {"gender", "female"}};
  }
  // Puts a staff member into nominations' catalogue as an admin; the HTTP status.
  int put_staff(const std::string& id, const json& member) {
    return http_call("PUT", url(nominations_port_, "/api/nominations/v1/catalogue/staff/" + id),
                     member.dump(), admin())
        .status;
  }
  // A link code an admin issued for staff member `id`, or "" when nominations refused.
  std::string link_code(const std::string& id) {
    auto issued =
        http_call("POST", url(nominations_port_, "/api/nominations/v1/staff/" + id + "/link-codes"),
                  "", admin());
    return issued.status == 201 ? json::parse(issued.body).value("code", "") : "";
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

}  // namespace thidua::testing::notifications_commands_test
