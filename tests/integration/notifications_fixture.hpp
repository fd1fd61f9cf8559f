#pragma once
// The notifications service against a real Redis and the fake Zalo Bot API: the fixture
// the outbox tests share (one service, one fake Zalo, one redis-server per test).
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "support/http_call.hpp"
#include "support/process.hpp"
#include "support/redis_server.hpp"

namespace thidua::testing {

using nlohmann::json;

inline const std::string kService = "svc-token-0123456789abcdef";
inline const std::string kAdmin = "admin-token-0123456789abcdef";
inline const std::string kSecret = "webhook-secret-0123456789";
inline const std::string kZaloToken = "fake-zalo-token";
inline const std::string kSchool = "thcs-vinh-phong-1";

class NotificationsOutbox : public ::testing::Test {
 protected:
  void SetUp() override {
    redis_.start();
    dir_ = make_temp_dir("notif-it");
    zalo_port_ = free_port();
    fake_.start(build_dir() + "/tests/fakes/fake_zalo", {},
                {{"FAKE_ZALO_PORT", std::to_string(zalo_port_)},
                 {"FAKE_ZALO_TOKEN", kZaloToken},
                 {"FAKE_ZALO_POLL_WAIT_MS", "200"}},
                dir_ + "/fake.log");
    ASSERT_TRUE(wait_until([&] { return http_call("GET", zalo("/__fake/calls")).status == 200; }));
  }
  void TearDown() override {
    if (service_.running()) service_.stop();
    fake_.stop();
  }

  std::string zalo(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(zalo_port_) + path;
  }
  std::string api(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + "/api/notifications/v1" + path;
  }

  void start_service(std::map<std::string, std::string> extra = {}) {
    if (port_ == 0) port_ = free_port();
    start_replica(service_, port_, "it", extra);
  }

  // Another replica of the service on `port` (its own consumer name), sharing Redis and
  // the fake Zalo with the first; start_service is start_replica(service_, port_, "it").
  void start_replica(Process& process, int port, const std::string& consumer,
                     std::map<std::string, std::string> extra = {}) {
    std::map<std::string, std::string> env = {
        {"THIDUA_HTTP_PORT", std::to_string(port)},
        {"THIDUA_REDIS_URL", redis_.url()},
        {"THIDUA_SCHOOL_ID", kSchool},
        {"THIDUA_MESSENGER", "zalo"},
        {"ZALO_BOT_API_BASE", zalo("")},
        {"ZALO_BOT_TOKEN", kZaloToken},
        {"ZALO_GROUP_ID", "g1"},
        {"ZALO_TIMEOUT_MS", "1000"},
        {"THIDUA_BOT_MODE", "webhook"},
        {"ZALO_WEBHOOK_SECRET", kSecret},
        {"THIDUA_SERVICE_TOKEN", kService},
        {"THIDUA_ADMIN_TOKEN", kAdmin},
        {"THIDUA_QUIET_HOURS", "off"},
        {"THIDUA_RATE_LIMIT_PER_MINUTE", "0"},
        {"THIDUA_RETRY_BASE_MS", "20"},
        {"THIDUA_RETRY_CAP_MS", "100"},
        {"THIDUA_RETRY_MAX_ATTEMPTS", "8"},
        {"THIDUA_BREAKER_COOLDOWN_MS", "200"},
        {"THIDUA_VISIBILITY_TIMEOUT_MS", "1500"},
        {"THIDUA_DELIVERY_WORKERS", "1"},
        {"THIDUA_CONSUMER_NAME", consumer},
        {"THIDUA_NOMINATIONS_URL", "http://127.0.0.1:1"},
        {"THIDUA_REPORTS_URL", "http://127.0.0.1:1"},
        {"THIDUA_ACCESS_LOG", "false"},
        {"THIDUA_BOT_FOOTER", "— tự động"},
        // Each event alone, at once, as before digests: the tests of digests set a window.
        {"THIDUA_DIGEST_WINDOW_MS", "0"},
    };
    for (auto& [k, v] : extra) env[k] = v;
    process.start(build_dir() + "/services/notifications/notifications", {}, env,
                  dir_ + "/notifications-" + std::to_string(++starts_) + ".log");
    ASSERT_TRUE(wait_until([&] {
      return http_call("GET", "http://127.0.0.1:" + std::to_string(port) + "/readyz").status == 200;
    }));
  }

  HttpReply post_message(const json& body, const std::string& key = "") {
    std::map<std::string, std::string> h = {{"Authorization", "Bearer " + kService},
                                            {"Content-Type", "application/json"}};
    if (!key.empty()) h["Idempotency-Key"] = key;
    return http_call("POST", api("/messages"), body.dump(), h);
  }
  json get_json(const std::string& url, const std::string& token) {
    auto r = http_call("GET", url, "", {{"Authorization", "Bearer " + token}});
    return json::parse(r.body, nullptr, false);
  }
  json sends(const std::string& outcome = "") {
    json out = json::array();
    for (auto& c : json::parse(http_call("GET", zalo("/__fake/calls")).body)) {
      if (c.value("method", "") == "sendMessage" &&
          (outcome.empty() || c.value("outcome", "") == outcome)) {
        out.push_back(c);
      }
    }
    return out;
  }
  std::string message_state(const std::string& id) {
    return get_json(api("/messages/" + id), kAdmin).value("state", "");
  }
  // The next `count` sendMessage calls fail as `mode` (see fake_zalo.hpp); `extra` adds
  // delay_ms, retry_after or error_code.
  void fail_next(const std::string& mode, int count, json extra = json::object()) {
    json f = {{"mode", mode}, {"count", count}, {"method", "sendMessage"}};
    f.update(extra);
    ASSERT_EQ(
        http_call("POST", zalo("/__fake/fail"), f.dump(), {{"Content-Type", "application/json"}})
            .status,
        200);
  }

  RedisServer redis_;
  Process fake_;
  Process service_;
  std::string dir_;
  int zalo_port_ = 0;
  int port_ = 0;
  int starts_ = 0;
};

}  // namespace thidua::testing
