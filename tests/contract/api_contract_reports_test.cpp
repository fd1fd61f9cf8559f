// Deadlines, reminders and indicators answer as the OpenAPI documents say
// (api_contract_fixture.hpp): the next deadline, a staff record's gender, the reminder marker
// and plan, and the indicators the board edits per year with the parts that follow them.
#include <gtest/gtest.h>

#include "api_contract_fixture.hpp"

namespace thidua::contract::api_contract_test {
namespace {

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

}  // namespace
}  // namespace thidua::contract::api_contract_test
