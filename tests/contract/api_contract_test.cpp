// The running services answer as their OpenAPI documents say (api_contract_fixture.hpp): the
// routes every service has, its metrics as promtool reads them, unknown paths and methods, and
// token routes refusing exactly the roles their x-roles leave out.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <regex>

#include "api_contract_fixture.hpp"

namespace thidua::contract::api_contract_test {
namespace {

TEST_F(ApiContractTest, CommonRoutesAnswerAsDocumented) {
  for (const auto& service : kServices) {
    auto health = expect_documented(service, "GET", "/healthz", "/healthz", 200);
    EXPECT_EQ(json::parse(health.body, nullptr, false).value("service", ""), service);
    expect_documented(service, "GET", "/readyz", "/readyz", 200);
    auto metrics = expect_documented(service, "GET", "/metrics", "/metrics", 200);
    EXPECT_NE(metrics.body.find("thidua_redis_connected"), std::string::npos) << metrics.body;
  }
}

// What Prometheus's own checker says of a scrape: the exit status and everything it printed.
std::pair<int, std::string> promtool_check(const std::string& metrics) {
  const std::string path = testing::make_temp_dir("thidua-metrics") + "/metrics.txt";
  std::ofstream(path) << metrics;
  std::FILE* pipe = ::popen(("promtool check metrics < " + path + " 2>&1").c_str(), "r");
  if (!pipe) return {-1, "cannot run promtool"};
  std::string out;
  char buf[512];
  while (std::fgets(buf, sizeof buf, pipe)) out += buf;
  int status = ::pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

// `promtool check metrics` is clean on every service, from the first scrape on (before any
// request, message or reminder) and after some traffic: every series has HELP and TYPE, and
// the series a dashboard or an alert reads exist from start-up.
TEST_F(ApiContractTest, MetricsPassPromtoolFromStartUp) {
  ASSERT_EQ(std::system("command -v promtool >/dev/null"), 0)
      << "promtool is missing: install the Debian package prometheus (scripts/setup.sh does)";
  const std::map<std::string, std::vector<std::string>> from_start{
      {"nominations", {"thidua_redis_connected 1", "thidua_http_requests_total"}},
      {"reports",
       {"thidua_redis_connected 1", "thidua_reminders_total{outcome=\"sent\"} 0",
        "thidua_reminders_total{outcome=\"failed\"} 0"}},
      {"notifications",
       {"thidua_redis_connected 1", "notifications_outbox_length 0", "notifications_outbox_dead 0",
        "notifications_messages_total{state=\"sent\"} 0"}},
  };
  for (int round = 0; round < 2; ++round) {
    for (const auto& service : kServices) {
      auto metrics = stack_.call(service, "GET", "/metrics");
      ASSERT_EQ(metrics.status, 200) << service;
      auto [status, out] = promtool_check(metrics.body);
      EXPECT_EQ(status, 0) << service << " (round " << round << "): promtool check metrics:\n"
                           << out << "\non:\n"
                           << metrics.body;
      EXPECT_EQ(metrics.body.find("untyped"), std::string::npos)
          << service << ": a family used without Metrics::describe:\n"
          << metrics.body;
      for (const auto& series : from_start.at(service)) {
        // At start-up with its value; after the traffic (a message sent, say) still there.
        auto value_at = series.rfind(' ');
        auto expected =
            round == 0 || value_at == std::string::npos ? series : series.substr(0, value_at + 1);
        EXPECT_NE(metrics.body.find(expected), std::string::npos)
            << service << " lacks " << expected << (round == 0 ? " at start-up" : " later") << ":\n"
            << metrics.body;
      }
    }
    // Some traffic, errors included, then the same checks again.
    for (const auto& service : kServices) {
      stack_.call(service, "GET", "/healthz");
      stack_.call(service, "GET", "/no/such/path");
    }
    stack_.call("notifications", "POST", "/api/notifications/v1/messages",
                R"({"target":"group","text":"Thử số liệu"})", stack_.token("admin"));
  }
}

// Paths no document lists still answer with a Problem.
TEST_F(ApiContractTest, UnknownPathsAndMethodsAnswerWithProblems) {
  for (const auto& service : kServices) {
    for (const auto& [method, path, status] :
         std::vector<std::tuple<std::string, std::string, int>>{{"GET", "/no/such/path", 404},
                                                                {"DELETE", "/healthz", 405}}) {
      auto answer = stack_.call(service, method, path);
      const std::string call = service + ": " + method + " " + path;
      EXPECT_EQ(answer.status, status) << call << ": " << answer.body;
      EXPECT_EQ(answer.content_type, "application/problem+json") << call;
      auto errors = docs_.at(service).validate(json::parse(answer.body, nullptr, false),
                                               "#/components/schemas/Problem");
      EXPECT_TRUE(errors.empty()) << call << ": " << answer.body << "\n" << join_errors(errors);
    }
  }
}

// Every token route, called with a token of each role: the roles its x-roles lists get
// past the role check, the others get 403; without a token, 401. Whatever comes back must
// be documented. Path parameters are "1"; bodies are {} (so nothing gets created).
TEST_F(ApiContractTest, TokenRoutesAdmitExactlyTheirXRoles) {
  static const std::regex param(R"(\{[^}]+\})");
  for (const auto& service : kServices) {
    const auto& doc = docs_.at(service);
    for (const auto& route : routes_of_document(doc.root())) {
      if (route.is_public) continue;
      std::string method = route.method;
      std::string lower = method;
      for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      const json roles = doc.root()["paths"][route.pattern][lower].value("x-roles", json::array());
      const std::string path = std::regex_replace(route.pattern, param, "1");
      const bool with_body = method == "POST" || method == "PUT" || method == "PATCH";
      const std::string body = with_body ? "{}" : "";

      auto anonymous = stack_.call(service, method, path, body);
      EXPECT_EQ(anonymous.status, 401) << service << ": " << route.key() << " without a token";

      for (const auto& role : kRoles) {
        bool allowed = std::find(roles.begin(), roles.end(), json(role)) != roles.end();
        auto answer = stack_.call(service, method, path, body, stack_.token(role));
        const std::string call = service + ": " + method + " " + path + " as " + role;
        if (allowed) {
          EXPECT_TRUE(answer.status != 401 && answer.status != 403)
              << call << ": x-roles allows " << role << " but the service answered "
              << answer.status << " " << answer.body;
        } else {
          EXPECT_EQ(answer.status, 403)
              << call << ": x-roles leaves " << role << " out but the service answered "
              << answer.status << " " << answer.body;
        }
        auto problems = check_answer(doc, method, route.pattern, answer);
        EXPECT_TRUE(problems.empty()) << call << "\n" << join_errors(problems);
      }
    }
  }
}

}  // namespace
}  // namespace thidua::contract::api_contract_test
