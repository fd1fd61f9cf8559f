// Inputs that outside tools (Schemathesis, promtool) found answered wrongly, each as it was
// reported and against the real services. input_parity_test.cpp holds the documents and the
// services to the same inputs in general.
#include <gtest/gtest.h>

#include <iostream>

#include "contract/contract_docs.hpp"
#include "contract/service_stack.hpp"
#include "support/process.hpp"

namespace thidua::contract {
namespace {
using nlohmann::json;

const std::string kNominations = "/api/nominations/v1";
const std::string kReports = "/api/reports/v1";
const std::string kNotifications = "/api/notifications/v1";

// A problem+json answer with `status`, a code and a detail a Vietnamese reader can act on.
::testing::AssertionResult is_problem(const Answer& a, int status) {
  auto body = json::parse(a.body, nullptr, false);
  if (a.status != status || a.content_type != "application/problem+json" || !body.is_object()) {
    return ::testing::AssertionFailure() << a.status << " " << a.content_type << " " << a.body;
  }
  auto detail = body.value("detail", "");
  // Vietnamese: some letter outside ASCII (ư, ơ, ế, ...).
  bool vietnamese = std::any_of(detail.begin(), detail.end(),
                                [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  if (!vietnamese) return ::testing::AssertionFailure() << "detail not in Vietnamese: " << a.body;
  return ::testing::AssertionSuccess();
}

class InputsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const auto& service : {"nominations", "reports", "notifications"}) stack_.start(service);
    admin_ = stack_.token("admin");
  }
  void TearDown() override {
    if (HasFailure()) std::cerr << stack_.logs();
  }
  Answer get(const std::string& service, const std::string& path, const std::string& token = "") {
    return stack_.call(service, "GET", path, "", token);
  }

  ServiceStack stack_;
  std::string admin_;
};

// "GET /messages?limit=2abc answers 200 with 2 items": every number in a query is a whole
// number, all of it, in every service.
TEST_F(InputsTest, QueryNumbersAreWholeNumbersOrRefused) {
  const std::vector<std::tuple<std::string, std::string, bool>> calls{
      {"notifications", kNotifications + "/messages?limit=", true},
      {"notifications", kNotifications + "/dead-letters?limit=", true},
      {"nominations", kNominations + "/nominations?limit=", true},
      {"nominations", kNominations + "/public/honours?year=", false},
      {"reports", kReports + "/deadlines?count=", true},
      {"reports", kReports + "/public/figures?year=", false},
  };
  // Each also as a query string decodes it: " 2", "+2", "2 ". strtol and atoi took some.
  const std::vector<std::string> bad_counts{"2abc", "2%20", "%202", "%2B2", "2.0", "0x2", "2e0"};
  const std::vector<std::string> bad_years{"2026abc", "2026%20", "%202026", "%2B2026",
                                           "2026.0",  "0x7EA",   "2026e0"};
  for (const auto& [service, prefix, with_token] : calls) {
    const bool year = prefix.ends_with("year=");
    const std::string token = with_token ? admin_ : "";
    auto ok = get(service, prefix + (year ? "2026" : "2"), token);
    EXPECT_EQ(ok.status, 200) << service << " " << prefix << ": " << ok.body;
    for (const auto& bad : year ? bad_years : bad_counts) {
      EXPECT_TRUE(is_problem(get(service, prefix + bad, token), 400))
          << service << " " << prefix << bad;
    }
  }
}

// A year typed with leading text or sign, in a path: refused the same way.
TEST_F(InputsTest, PathYearsAreWholeNumbersOrRefused) {
  auto a = get("reports", kReports + "/contributions/2026", admin_);
  EXPECT_EQ(a.status, 200) << a.body;
  for (const std::string year : {"2024", "2031", "+2026", "2026a", "20260"}) {
    EXPECT_TRUE(is_problem(get("reports", kReports + "/contributions/" + year, admin_), 400))
        << year;
  }
}

// "GET /nominations/%31 answers 400 echoing %31": a path segment is decoded once, before
// anything reads it, in every service.
TEST_F(InputsTest, PathSegmentsArePercentDecodedOnce) {
  auto one = get("nominations", kNominations + "/nominations/%31", admin_);
  EXPECT_TRUE(is_problem(one, 404)) << "%31 is 1, a nomination that does not exist";
  EXPECT_EQ(json::parse(one.body, nullptr, false).value("code", ""), "nomination_not_found");
  // Decoded once, not twice: %2531 is the three characters "%31", no nomination id.
  EXPECT_TRUE(is_problem(get("nominations", kNominations + "/nominations/%2531", admin_), 400));
  auto year = get("reports", kReports + "/contributions/%32%30%32%36", admin_);
  EXPECT_EQ(year.status, 200) << year.body;
  // A literal segment spelled with escapes is the same segment.
  EXPECT_EQ(get("reports", kReports + "/deadlines/%6Eext").status,
            get("reports", kReports + "/deadlines/next").status);
  EXPECT_EQ(get("notifications", "/%68ealthz").status, 200);
  // An escape that is no escape is a bad request, not a 500.
  EXPECT_TRUE(is_problem(get("nominations", kNominations + "/nominations/%zz", admin_), 400));
  EXPECT_TRUE(is_problem(get("reports", kReports + "/contributions/20%2", admin_), 400));
}

// "PUT /deadlines/next creates a deadline the public GET /deadlines/next then shadows": a
// word a sibling route uses at the id's place is no id, wherever clients choose ids.
TEST_F(InputsTest, WordsOfTheRoutesAreRefusedAsIds) {
  const json deadline = {{"name", "Hạn thử"}, {"recipient", "UBND xã"}};
  auto a = stack_.call("reports", "PUT", kReports + "/deadlines/next", deadline.dump(), admin_);
  EXPECT_TRUE(is_problem(a, 400));
  EXPECT_EQ(json::parse(a.body, nullptr, false).value("code", ""), "reserved_id");
  auto list = get("reports", kReports + "/deadlines", admin_);
  EXPECT_EQ(list.body.find("\"id\":\"next\""), std::string::npos) << list.body;

  // /staff/by-zalo/{id} sits where /staff/{id}/tokens has the staff id.
  const json member = {{"name", "Cán bộ thử"}, {"unit_id", "to-toan-tin"}};
  a = stack_.call("nominations", "PUT", kNominations + "/catalogue/staff/by-zalo", member.dump(),
                  admin_);
  EXPECT_TRUE(is_problem(a, 400));
  EXPECT_EQ(json::parse(a.body, nullptr, false).value("code", ""), "reserved_id");
  // Ordinary ids still work.
  a = stack_.call("reports", "PUT", kReports + "/deadlines/nop-ho-so", deadline.dump(), admin_);
  EXPECT_EQ(a.status, 200) << a.body;
}

// "PUT /catalogue/units/x with a name containing U+0001 is stored": no control characters in
// any text of any body; long texts may have line breaks and tabs.
TEST_F(InputsTest, ControlCharactersAreRefusedInText) {
  auto put_unit = [&](const std::string& name) {
    json body = {{"name", name}};
    return stack_.call("nominations", "PUT", kNominations + "/catalogue/units/x", body.dump(),
                       admin_);
  };
  for (const std::string& name :
       {std::string("Tổ\x01 thử"), std::string("Tổ\nthử"), std::string("Tổ\tthử"),
        std::string("Tổ\x7f"), std::string("Tổ \u0085"), std::string("Tổ\x1b[31m")}) {
    EXPECT_TRUE(is_problem(put_unit(name), 400)) << json(name).dump();
  }
  auto catalogue = get("nominations", kNominations + "/catalogue", admin_);
  EXPECT_EQ(catalogue.body.find("\"id\":\"x\""), std::string::npos) << "stored anyway";
  EXPECT_EQ(put_unit("Tổ thử").status, 200);

  // A control character in a key is as bad as in a value.
  auto a = stack_.call("nominations", "PUT", kNominations + "/catalogue/units/y",
                       R"({"name":"Tổ","k\u0001":1})", admin_);
  EXPECT_TRUE(is_problem(a, 400));

  // Long texts keep their line breaks and tabs, and nothing else.
  json nomination = {{"period", "2026"},
                     {"award", "gk_xa"},
                     {"subject_kind", "collective"},
                     {"subject_id", "to-toan-tin"},
                     {"reason", "Dòng một.\n\tDòng hai."}};
  a = stack_.call("nominations", "POST", kNominations + "/nominations", nomination.dump(), admin_);
  EXPECT_EQ(a.status, 201) << a.body;
  nomination["subject_id"] = "to-ngu-van";
  nomination["reason"] = "Dòng một.\rDòng hai.";
  a = stack_.call("nominations", "POST", kNominations + "/nominations", nomination.dump(), admin_);
  EXPECT_TRUE(is_problem(a, 400));

  json message = {{"target", "group"}, {"text", "Họp lúc 14:00\n\t— Ban giám hiệu"}};
  a = stack_.call("notifications", "POST", kNotifications + "/messages", message.dump(), admin_);
  EXPECT_EQ(a.status, 202) << a.body;
  message["text"] = std::string("Họp\x07");
  a = stack_.call("notifications", "POST", kNotifications + "/messages", message.dump(), admin_);
  EXPECT_TRUE(is_problem(a, 400));
  json part = {{"narratives", {{"II.1", "Một.\nHai."}}}, {"difficulties", "Không\x0b"}};
  a = stack_.call("reports", "PUT", kReports + "/contributions/2026/to-toan-tin", part.dump(),
                  admin_);
  EXPECT_TRUE(is_problem(a, 400));
}

// "GET /deadlines answers 503 when nominations is unreachable": the deadlines are reports'
// own; only who owes what needs nominations, and says so when it cannot be had.
TEST(DeadlinesWithoutNominations, AreServedWithTheUnitsMarkedUnavailable) {
  for (const std::string case_name : {"unreachable", "no service token"}) {
    ServiceStack stack;
    std::map<std::string, std::string> env{
        {"THIDUA_NOMINATIONS_URL", "http://127.0.0.1:" + std::to_string(testing::free_port())}};
    if (case_name == "no service token") env["THIDUA_SERVICE_TOKEN"] = "";
    stack.start("reports", env);
    const auto doc = JsonSchema(load_yaml_as_json(openapi_path("reports")));
    auto a =
        stack.call("reports", "GET", kReports + "/deadlines?count=2", "", stack.token("admin"));
    ASSERT_EQ(a.status, 200) << case_name << ": " << a.body << "\n" << stack.logs();
    auto problems = check_answer(doc, "GET", kReports + "/deadlines", a);
    EXPECT_TRUE(problems.empty()) << case_name << ": " << join_errors(problems);
    auto body = json::parse(a.body, nullptr, false);
    ASSERT_TRUE(body.is_object());
    EXPECT_EQ(body["units"]["available"], false) << a.body;
    EXPECT_FALSE(body["units"].value("detail", "").empty()) << a.body;
    ASSERT_FALSE(body["deadlines"].empty()) << a.body;
    for (const auto& occurrence : body["deadlines"][0]["occurrences"]) {
      EXPECT_TRUE(occurrence["submitted"].is_null()) << occurrence.dump();
      EXPECT_TRUE(occurrence["missing"].is_null()) << occurrence.dump();
      EXPECT_TRUE(occurrence.contains("due_date")) << occurrence.dump();
    }
  }
}

}  // namespace
}  // namespace thidua::contract
