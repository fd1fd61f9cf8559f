// The running services answer as their OpenAPI documents say: each status a call gets is
// listed for its operation, with the documented media type, a body that validates against
// the documented schema and the documented headers. Also: token routes refuse exactly the
// roles their x-roles leave out.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <regex>

#include "contract/contract_docs.hpp"
#include "contract/service_stack.hpp"

namespace thidua::contract {
namespace {
using nlohmann::json;

const std::vector<std::string> kServices{"nominations", "reports", "notifications"};
const std::vector<std::string> kRoles{"admin", "council", "leader", "staff", "service"};
const std::string kNominations = "/api/nominations/v1/nominations";

class ApiContractTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const auto& service : kServices) {
      docs_.emplace(service, JsonSchema(load_yaml_as_json(openapi_path(service))));
      stack_.start(service);
    }
  }
  void TearDown() override {
    if (HasFailure()) std::cerr << stack_.logs();
  }

  // Calls `path` (an instance of `pattern`) and checks the answer against the document;
  // returns it for further checks.
  Answer expect_documented(const std::string& service, const std::string& method,
                           const std::string& pattern, const std::string& path, int expected_status,
                           const std::string& body = "", const std::string& token = "",
                           const std::string& content_type = "application/json") {
    auto answer = stack_.call(service, method, path, body, token, content_type);
    const std::string call =
        service + ": " + method + " " + path + (body.empty() ? "" : " with " + body.substr(0, 200));
    EXPECT_EQ(answer.status, expected_status) << call << "\nanswer: " << answer.body;
    auto problems = check_answer(docs_.at(service), method, pattern, answer);
    EXPECT_TRUE(problems.empty()) << call << "\nanswered " << answer.status << " "
                                  << answer.content_type << ": " << answer.body.substr(0, 2000)
                                  << "\nwhich departs from " << openapi_path(service) << ":\n"
                                  << join_errors(problems);
    return answer;
  }

  ServiceStack stack_;
  std::map<std::string, JsonSchema> docs_;
};

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

TEST_F(ApiContractTest, NominationIsCreatedAndReadAsDocumented) {
  const auto admin = stack_.token("admin");
  const json full = {{"period", "2026"},
                     {"award", "gk_xa"},
                     {"subject_kind", "collective"},
                     {"subject_id", "to-toan-tin"},
                     {"reason", "Chuyển đổi số trong dạy học: 100% bài giảng có học liệu số."}};
  auto created =
      expect_documented("nominations", "POST", kNominations, kNominations, 201, full.dump(), admin);
  auto nomination = json::parse(created.body, nullptr, false);
  ASSERT_TRUE(nomination.is_object()) << created.body;
  const auto id = nomination.value("id", "");
  EXPECT_EQ(created.headers["location"], kNominations + "/" + id);

  auto read = expect_documented("nominations", "GET", kNominations + "/{id}",
                                kNominations + "/" + id, 200, "", admin);
  // GET alone adds the subject's registration of targets (none here): the rest is POST's.
  auto read_json = json::parse(read.body, nullptr, false);
  ASSERT_TRUE(read_json.contains("registration")) << read.body;
  EXPECT_TRUE(read_json["registration"].is_null());
  read_json.erase("registration");
  EXPECT_EQ(read_json, nomination) << "GET answers something else than POST did";

  // The dashboard's detail in one call: the same, with its history and dossier checklist.
  auto whole = expect_documented("nominations", "GET", kNominations + "/{id}",
                                 kNominations + "/" + id + "?view=full", 200, "", admin);
  auto full_json = json::parse(whole.body, nullptr, false);
  ASSERT_TRUE(full_json.is_object()) << whole.body;
  EXPECT_EQ(full_json["history"].size(), 1u) << whole.body;
  EXPECT_EQ(full_json["dossier"]["id"], id) << whole.body;
  expect_documented("nominations", "GET", kNominations + "/{id}",
                    kNominations + "/" + id + "?view=short", 400, "", admin);

  // The optional fields left out, and given as null.
  json minimal = {{"period", "so-ket-2027"},
                  {"award", "gk_ht"},
                  {"subject_kind", "individual"},
                  {"subject_id", "gv-a"}};
  expect_documented("nominations", "POST", kNominations, kNominations, 201, minimal.dump(),
                    stack_.token("leader"));
  minimal["subject_id"] = "gv-b";
  minimal["achievements"] = nullptr;
  minimal["reason"] = nullptr;
  expect_documented("nominations", "POST", kNominations, kNominations, 201, minimal.dump(), admin);
}

// The council's screen (issue 12): a meeting by name, a vote at it, the list with the votes,
// a correction, and a correction refused once the vote counts on the numbers.
TEST_F(ApiContractTest, CouncilMeetingsWithTheirVotesAnswerAsDocumented) {
  const auto council = stack_.token("council");
  const std::string meetings = "/api/nominations/v1/council/meetings";
  json meeting = {{"date", "2026-11-20"},
                  {"start_time", "14:00"},
                  {"place", "Phòng họp"},
                  {"chair_id", "contract-council"},
                  {"secretary_id", "contract-admin"},
                  {"members",
                   {{{"staff_id", "contract-council"}},
                    {{"staff_id", "contract-admin"}},
                    {{"staff_id", "gv-b"}, {"present", false}}}}};
  auto m =
      expect_documented("nominations", "POST", meetings, meetings, 201, meeting.dump(), council);
  const std::string id = json::parse(m.body, nullptr, false).value("id", "");
  auto n = stack_.call("nominations", "POST", kNominations,
                       json{{"period", "2026"},
                            {"award", "bk_tinh"},
                            {"subject_kind", "individual"},
                            {"subject_id", "gv-a"}}
                           .dump(),
                       stack_.token("admin"));
  ASSERT_EQ(n.status, 201) << n.body;
  const std::string nomination = kNominations + "/" + json::parse(n.body)["id"].get<std::string>();
  for (const char* action : {"submit", "review"}) {
    auto a = stack_.call("nominations", "POST", nomination + "/transitions",
                         json{{"action", action}}.dump(), stack_.token("admin"));
    ASSERT_EQ(a.status, 200) << a.body;
  }
  auto v = stack_.call("nominations", "PUT", nomination + "/vote",
                       json{{"meeting_id", id}, {"yes", 2}, {"no", 0}}.dump(), council);
  ASSERT_EQ(v.status, 200) << v.body;

  auto list = expect_documented("nominations", "GET", meetings, meetings, 200, "", council);
  EXPECT_NE(list.body.find("\"votes\":[{"), std::string::npos) << list.body;
  meeting["place"] = "Thư viện";
  expect_documented("nominations", "PUT", meetings + "/{id}", meetings + "/" + id, 200,
                    meeting.dump(), council);
  meeting["members"][2]["present"] = true;
  expect_documented("nominations", "PUT", meetings + "/{id}", meetings + "/" + id, 409,
                    meeting.dump(), council);
  expect_documented("nominations", "PUT", meetings + "/{id}", meetings + "/999999", 404,
                    meeting.dump(), council);
}

TEST_F(ApiContractTest, NominationErrorsAnswerAsDocumented) {
  const auto admin = stack_.token("admin");
  const std::string valid =
      R"({"period":"2026","award":"gk_xa","subject_kind":"individual","subject_id":"gv-b"})";
  const std::string item = kNominations + "/{id}";

  expect_documented("nominations", "POST", kNominations, kNominations, 401, valid);
  expect_documented("nominations", "POST", kNominations, kNominations, 401, valid,
                    "not-a-known-token-at-all");
  expect_documented("nominations", "POST", kNominations, kNominations, 403, valid,
                    stack_.token("staff"));
  expect_documented("nominations", "POST", kNominations, kNominations, 415, valid, admin,
                    "text/plain");
  expect_documented("nominations", "POST", kNominations, kNominations, 400, "{not json", admin);
  expect_documented("nominations", "POST", kNominations, kNominations, 400, "[1, 2]", admin);
  expect_documented("nominations", "POST", kNominations, kNominations, 400,
                    R"({"period":"2026","award":"gk_xa","subject_kind":"individual"})", admin);
  // A period the catalogue does not have: well-formed, but not a period of the movement.
  expect_documented("nominations", "POST", kNominations, kNominations, 422,
                    R"({"period":"1999","award":"gk_xa","subject_kind":"individual",)"
                    R"("subject_id":"gv-b"})",
                    admin);
  // Nested deeper than any body needs: refused before anything walks it.
  expect_documented("nominations", "POST", kNominations, kNominations, 400,
                    R"({"reason":)" + std::string(100, '[') + std::string(100, ']') + "}", admin);
  expect_documented("nominations", "POST", kNominations, kNominations, 413,
                    R"({"reason":")" + std::string(ServiceStack::kBodyLimit + 100, 'x') + "\"}",
                    admin);
  expect_documented("nominations", "GET", item, kNominations + "/abc", 400, "", admin);
  expect_documented("nominations", "GET", item, kNominations + "/99999999", 404, "", admin);
  expect_documented("nominations", "GET", item, kNominations + "/1", 401);
}

TEST_F(ApiContractTest, NextDeadlineAnswersAsDocumented) {
  // 200 while the movement (2025–2030) has a 30 October ahead, 404 after; both documented.
  auto answer = stack_.call("reports", "GET", "/api/reports/v1/deadlines/next");
  auto problems =
      check_answer(docs_.at("reports"), "GET", "/api/reports/v1/deadlines/next", answer);
  EXPECT_TRUE(problems.empty()) << answer.status << " " << answer.body << "\n"
                                << join_errors(problems);
  EXPECT_TRUE(answer.status == 200 || answer.status == 404) << answer.status << answer.body;
}

// Issue 13: a staff record says how the bot addresses the person, a message may be marked as
// a reminder, and the reminder plan says what went to whom.
TEST_F(ApiContractTest, GenderReminderMarkerAndThePlanAnswerAsDocumented) {
  const auto admin = stack_.token("admin");
  const std::string staff = "/api/nominations/v1/catalogue/staff";
  for (const json& gender : {json("female"), json(nullptr)}) {
    json body = {{"name", "Nguyễn Thị Hoa"},
                 {"unit_id", "to-toan-tin"},
                 {"role", "leader"},
                 {"gender", gender}};
    auto put = expect_documented("nominations", "PUT", staff + "/{id}", staff + "/gv-hoa", 200,
                                 body.dump(), admin);
    // Not recorded reads back as "" (and the bot says "thầy cô").
    json expected = gender.is_null() ? json("") : gender;
    EXPECT_EQ(json::parse(put.body, nullptr, false)["gender"], expected) << put.body;
  }
  const std::string messages = "/api/notifications/v1/messages";
  json marked = {{"target", "group"}, {"text", "Nhắc hạn thử"}, {"category", "reminder"}};
  auto queued =
      expect_documented("notifications", "POST", messages, messages, 202, marked.dump(), admin);
  auto id = json::parse(queued.body, nullptr, false).value("id", "");
  auto read = expect_documented("notifications", "GET", messages + "/{id}", messages + "/" + id,
                                200, "", admin);
  EXPECT_EQ(json::parse(read.body, nullptr, false)["category"], "reminder") << read.body;
  for (const char* year : {"2026", "2027"}) {
    expect_documented("reports", "GET", "/api/reports/v1/reminders/{year}",
                      std::string("/api/reports/v1/reminders/") + year, 200, "", admin);
  }
}

// Issue 14: the indicators are data the board edits per year. A unit's part and the website's
// figures follow the edited list; an indicator a unit has counted cannot be dropped.
TEST_F(ApiContractTest, TheBoardEditsTheYearsIndicatorsAndThePartsFollow) {
  const auto admin = stack_.token("admin");
  const std::string pattern = "/api/reports/v1/indicators/{year}";
  const std::string path = "/api/reports/v1/indicators/2028";
  auto plan = expect_documented("reports", "GET", pattern, path, 200, "", stack_.token("staff"));
  auto listed = json::parse(plan.body, nullptr, false);
  EXPECT_FALSE(listed["edited"].get<bool>()) << plan.body;
  json list = listed["indicators"];
  bool covers_ii2 = false;
  for (const auto& i : list) covers_ii2 = covers_ii2 || i["area"] == "II.2";
  EXPECT_TRUE(covers_ii2) << "the plan's list covers content area II.2: " << plan.body;

  // The board renames one, adds one and keeps the rest.
  list[0]["label"] = "Buổi sinh hoạt chuyên môn về AI";
  list.push_back(
      {{"code", "smart_boards"}, {"label", "Bảng tương tác"}, {"area", "II.2"}, {"unit", "chiếc"}});
  auto saved = expect_documented("reports", "PUT", pattern, path, 200,
                                 json{{"indicators", list}}.dump(), admin);
  EXPECT_TRUE(json::parse(saved.body, nullptr, false)["edited"].get<bool>()) << saved.body;
  expect_documented("reports", "PUT", pattern, path, 403, json{{"indicators", list}}.dump(),
                    stack_.token("leader"));
  json twice = list;
  twice.push_back(list[0]);
  auto refused = expect_documented("reports", "PUT", pattern, path, 400,
                                   json{{"indicators", twice}}.dump(), admin);
  EXPECT_NE(refused.body.find("hai lần"), std::string::npos) << refused.body;

  // A part counts the new indicator; the plan's code that was not kept would be refused.
  const std::string part = "/api/reports/v1/contributions/2028/to-toan-tin";
  json figures = {{"figures", {{"smart_boards", 4}}}};
  auto written = stack_.call("reports", "PUT", part, figures.dump(), admin);
  ASSERT_EQ(written.status, 200) << written.body;
  EXPECT_EQ(json::parse(written.body, nullptr, false)["figures"]["smart_boards"], 4);
  ASSERT_EQ(stack_.call("reports", "POST", part + "/submit", "", admin).status, 200);
  auto shown = stack_.call("reports", "GET", "/api/reports/v1/public/figures?year=2028");
  EXPECT_NE(shown.body.find("Bảng tương tác"), std::string::npos) << shown.body;
  EXPECT_NE(shown.body.find("Buổi sinh hoạt chuyên môn về AI"), std::string::npos) << shown.body;

  // Dropping what a unit has counted is refused by name, and nothing changes.
  json without = json::array();
  for (const auto& i : list) {
    if (i["code"] != "smart_boards") without.push_back(i);
  }
  auto in_use = expect_documented("reports", "PUT", pattern, path, 409,
                                  json{{"indicators", without}}.dump(), admin);
  EXPECT_NE(in_use.body.find("smart_boards"), std::string::npos) << in_use.body;
  auto after = json::parse(stack_.call("reports", "GET", path, "", admin).body, nullptr, false);
  EXPECT_EQ(after["indicators"], list);
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
}  // namespace thidua::contract
