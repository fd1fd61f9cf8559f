#pragma once
// The nominations binary on its own real redis-server, for tests through its API: the seed
// catalogue of config/catalogue.json and, unless `extra` names another file, rounds that are
// always open (tests/support/rounds-always-open.json). Ready when /readyz says so, which is
// after the seeds are in (Service::until_done).
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "support/http_call.hpp"
#include "support/process.hpp"
#include "support/redis_server.hpp"

namespace thidua::testing {

class NominationsServiceTest : public ::testing::Test {
 protected:
  static inline const std::string kAdmin = "admin-token-for-tests-0001";
  static inline const std::string kService = "service-token-for-tests-001";

  // Starts Redis and the service with the settings above plus `extra` (a clock from
  // faked_clock_env, a rounds file); fails the test when it does not become ready.
  void start_nominations(const std::map<std::string, std::string>& extra = {}) {
    redis_.start();
    port_ = free_port();
    dir_ = make_temp_dir("thidua-nominations");
    env_ = {{"THIDUA_REDIS_URL", redis_.url()},
            {"THIDUA_ADMIN_TOKEN", kAdmin},
            {"THIDUA_SERVICE_TOKEN", kService},
            {"THIDUA_CATALOGUE_FILE", source_dir() + "/config/catalogue.json"},
            {"THIDUA_ROUNDS_FILE", source_dir() + "/tests/support/rounds-always-open.json"}};
    for (const auto& [k, v] : extra) env_[k] = v;
    auto env = env_;
    env["THIDUA_HTTP_PORT"] = std::to_string(port_);
    process_.start(binary(), {}, env, dir_ + "/nominations.log");
    ASSERT_TRUE(wait_until([&] { return call("GET", "/readyz", "", "").status == 200; }))
        << process_.log();
  }
  static std::string binary() { return build_dir() + "/services/nominations/nominations"; }

  // `path` from the root ("/readyz"); no Authorization header when `token` is "".
  HttpReply call(const std::string& method, const std::string& path, const std::string& body,
                 const std::string& token) {
    std::map<std::string, std::string> headers;
    if (!token.empty()) headers["Authorization"] = "Bearer " + token;
    return http_call(method, "http://127.0.0.1:" + std::to_string(port_) + path, body, headers);
  }
  // `path` under /api/nominations/v1.
  HttpReply api(const std::string& method, const std::string& path, const std::string& body,
                const std::string& token = kAdmin) {
    return call(method, "/api/nominations/v1" + path, body, token);
  }
  void add_staff(const std::string& id, const std::string& unit,
                 const std::string& role = "staff") {
    nlohmann::json body = {{"name", "Cán bộ " + id}, {"unit_id", unit}, {"role", role}};
    auto put = api("PUT", "/catalogue/staff/" + id, body.dump());
    ASSERT_EQ(put.status, 200) << put.body;
  }
  // A personal token for a staff member, issued by the admin.
  std::string token_for(const std::string& staff_id) {
    auto r = api("POST", "/tokens", nlohmann::json{{"staff_id", staff_id}}.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? nlohmann::json::parse(r.body)["token"].get<std::string>() : "";
  }
  // A council meeting's body: 20/11/2026, 14:00–16:00, at `place`; three members by name, hd-a
  // chairs, hd-b writes the minutes, hd-c present only when `c_present`.
  static nlohmann::json meeting_body(const std::string& place, bool c_present = false) {
    return {{"date", "2026-11-20"},
            {"start_time", "14:00"},
            {"end_time", "16:00"},
            {"place", place},
            {"agenda", "Xét đề nghị khen thưởng"},
            {"chair_id", "hd-a"},
            {"secretary_id", "hd-b"},
            {"members",
             {{{"staff_id", "hd-a"}},
              {{"staff_id", "hd-b"}},
              {{"staff_id", "hd-c"}, {"present", c_present}}}}};
  }
  // A nomination of `subject` (an individual) for gk_xa in 2026, submitted and taken under
  // review by the council, as the council's tests need one: its id.
  std::string under_review(const std::string& subject) {
    nlohmann::json body = {{"period", "2026"},
                           {"award", "gk_xa"},
                           {"subject_kind", "individual"},
                           {"subject_id", subject},
                           {"reason", "Kho học liệu số"}};
    auto r = api("POST", "/nominations", body.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    std::string id = nlohmann::json::parse(r.body, nullptr, false).value("id", "");
    for (const char* action : {"submit", "review"}) {
      auto a = api("POST", "/nominations/" + id + "/transitions",
                   nlohmann::json{{"action", action}}.dump());
      EXPECT_EQ(a.status, 200) << a.body;
    }
    return id;
  }
  static std::string detail(const HttpReply& r) {
    return nlohmann::json::parse(r.body, nullptr, false).value("detail", "");
  }

  RedisServer redis_;
  Process process_;
  int port_ = 0;
  std::string dir_;
  std::map<std::string, std::string> env_;  // as started, without the port (for a replica)
};

}  // namespace thidua::testing
