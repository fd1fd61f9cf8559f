#pragma once
// The reports service as it runs, for the reminder tests: the real binary (one or two
// replicas) under libfaketime, so its clock reads a given instant of October 2027 without
// anyone waiting for it; the real nominations service for the units and staff; the real
// notifications service with the fake Zalo Bot API where a test needs delivery. Each step of
// a test starts the replicas again at the instant it is about.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "support/http_call.hpp"
#include "support/process.hpp"
#include "support/redis_server.hpp"

namespace thidua::testing::reports_e2e {
using nlohmann::json;

inline const std::string kAdmin = "e2e-admin-token-0123456789abcdef";
inline const std::string kService = "e2e-service-token-0123456789abcdef";
inline const std::string kZaloToken = "123456:e2e-fake-zalo-token";
inline const std::string kFaketimeLib = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1";

inline std::string binary(const std::string& service) {
  return build_dir() + "/services/" + service + "/" + service;
}

inline bool ready(int port) {
  return http_call("GET", "http://127.0.0.1:" + std::to_string(port) + "/readyz", "", {}, 2000)
             .status == 200;
}

// What the notifications outbox offers, read from its route table.
struct Service {
  Process process;
  int port = 0;
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port); }
};

class ReportsE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    // scripts/setup.sh installs it: a missing one fails, never passes as skipped.
    ASSERT_TRUE(std::filesystem::exists(kFaketimeLib))
        << "libfaketime is missing: apt-get install faketime";
    dir_ = make_temp_dir("thidua-reports-e2e");
    redis_.start();
    nominations_ =
        start("nominations",
              {{"THIDUA_CATALOGUE_FILE", source_dir() + "/config/catalogue.json"},
               {"THIDUA_ROUNDS_FILE", source_dir() + "/tests/support/rounds-always-open.json"}});
  }
  void TearDown() override {
    if (HasFailure()) {
      for (auto* s : {nominations_.get(), notifications_.get(), zalo_.get()}) {
        if (s) std::cerr << s->process.log().substr(0, 6000) << "\n";
      }
    }
    std::error_code ignored;
    if (!dir_.empty() && !HasFailure()) std::filesystem::remove_all(dir_, ignored);
  }

  std::unique_ptr<Service> start(const std::string& name, std::map<std::string, std::string> env,
                                 const std::string& path = "") {
    auto s = std::make_unique<Service>();
    s->port = free_port();
    env.emplace("THIDUA_HTTP_PORT", std::to_string(s->port));
    env.emplace("THIDUA_REDIS_URL", redis_.url());
    env.emplace("THIDUA_ADMIN_TOKEN", kAdmin);
    env.emplace("THIDUA_SERVICE_TOKEN", kService);
    env.emplace("THIDUA_SCHOOL_ID", "e2e-school");
    s->process.start(path.empty() ? binary(name) : path, {}, env,
                     dir_ + "/" + name + "-" + std::to_string(s->port) + ".log");
    int port = s->port;
    bool up = wait_until([&] { return ready(port); }, 20000);
    EXPECT_TRUE(up) << name << " did not become ready:\n" << s->process.log();
    return s;
  }

  // A reports replica whose clock starts at `utc` ("2027-10-23 01:00:05") and runs on;
  // `extra` adds settings (THIDUA_REMINDER_AUDIENCE). Its deadlines: the yearly report's only,
  // so that the seed's registration deadline (30/9, whose overdue reminders fall on the
  // first days of October) adds nothing to the messages a test counts; the registration
  // test sets THIDUA_DEADLINES_FILE to the seed itself.
  std::unique_ptr<Service> start_reports(const std::string& utc, const std::string& notifications,
                                         std::map<std::string, std::string> extra = {}) {
    std::map<std::string, std::string> env = {
        {"LD_PRELOAD", testing::faketime_preload()},
        {"FAKETIME", "@" + utc},
        {"FAKETIME_DONT_FAKE_MONOTONIC", "1"},
        {"TZ", "UTC"},
        {"THIDUA_NOMINATIONS_URL", nominations_->url()},
        {"THIDUA_NOTIFICATIONS_URL", notifications},
        {"THIDUA_DEADLINES_FILE", source_dir() + "/tests/support/deadlines-yearly-report.json"},
        {"THIDUA_PLANNER_TICK_MS", "200"}};
    for (auto& [k, v] : extra) env[k] = v;
    return start("reports", env);
  }

  // `timeout_ms`: issuing a document waits for LibreOffice, which on a loaded 2-core machine
  // took more than 10 s (the PDF timeout itself is 60 s); so every call waits up to 2 min.
  json call(const Service& s, const std::string& method, const std::string& path, int expected,
            const json& body = nullptr, int timeout_ms = 120000) {
    std::map<std::string, std::string> headers{{"Authorization", "Bearer " + kAdmin},
                                               {"Content-Type", "application/json"}};
    auto reply =
        http_call(method, s.url() + path, body.is_null() ? "" : body.dump(), headers, timeout_ms);
    EXPECT_EQ(reply.status, expected) << method << " " << path << ": " << reply.body;
    return json::parse(reply.body, nullptr, false);
  }

  void submit(const Service& reports, const std::string& unit) {
    json part = {{"narratives", {{"II.4", "Soạn bài giảng điện tử cho khối 6"}}},
                 {"figures", {{"e_lessons", 4}}}};
    call(reports, "PUT", "/api/reports/v1/contributions/2027/" + unit, 200, part);
    call(reports, "POST", "/api/reports/v1/contributions/2027/" + unit + "/submit", 200);
  }

  // The reminder `offset` of the yearly report's own series ("deadline"), or of the units'
  // own ("units", counting to their due date).
  json plan_entry(const Service& reports, const std::string& offset,
                  const std::string& stage = "deadline") {
    auto plan = call(reports, "GET", "/api/reports/v1/reminders/2027", 200);
    for (const auto& r : plan["reminders"]) {
      if (r["offset"] == offset && r["stage"] == stage && r["deadline_id"] == "bao-cao-nam") {
        return r;
      }
    }
    return nullptr;
  }

  // The reminder of the 2027 plan with `key` ("reports:<deadline>:<due>:before-7"), or null.
  json plan_reminder(const Service& reports, const std::string& key) {
    auto plan = call(reports, "GET", "/api/reports/v1/reminders/2027", 200);
    for (const auto& r : plan["reminders"]) {
      if (r["key"] == key) return r;
    }
    return nullptr;
  }

  std::string dir_;
  RedisServer redis_;
  // The fake Zalo Bot API (with `zalo` settings added) and the real notifications service
  // sending to it, for the staff group `group` with quiet hours off (and `extra` settings);
  // fails the test when either does not come up.
  void start_zalo_and_notifications(const std::string& group,
                                    const std::map<std::string, std::string>& zalo = {},
                                    std::map<std::string, std::string> extra = {}) {
    zalo_ = std::make_unique<Service>();
    zalo_->port = free_port();
    std::map<std::string, std::string> fake = {{"FAKE_ZALO_PORT", std::to_string(zalo_->port)},
                                               {"FAKE_ZALO_TOKEN", kZaloToken}};
    fake.insert(zalo.begin(), zalo.end());
    zalo_->process.start(build_dir() + "/tests/fakes/fake_zalo", {}, fake, dir_ + "/fake_zalo.log");
    ASSERT_TRUE(wait_until([&] {
      return http_call("GET", zalo_->url() + "/__fake/calls", "", {}, 1000).status == 200;
    })) << zalo_->process.log();
    extra.insert({{"THIDUA_MESSENGER", "zalo"},
                  {"ZALO_BOT_API_BASE", zalo_->url()},
                  {"ZALO_BOT_TOKEN", kZaloToken},
                  {"ZALO_GROUP_ID", group},
                  {"THIDUA_QUIET_HOURS", "off"}});
    notifications_ = start("notifications", extra);
  }

  std::unique_ptr<Service> nominations_, notifications_, zalo_;
};

}  // namespace thidua::testing::reports_e2e
