// The nominations service answers as its OpenAPI document says (api_contract_fixture.hpp): a
// nomination created and read, the council's meetings with their votes, and the errors.
#include <gtest/gtest.h>

#include "api_contract_fixture.hpp"

namespace thidua::contract::api_contract_test {
namespace {

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
                            {"subject_id", "gv-a"},
                            {"reason", "Dẫn đầu phong trào chuyển đổi số."}}
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

}  // namespace
}  // namespace thidua::contract::api_contract_test
