// End-to-end: the real binaries, a real redis-server and the fake Zalo Bot API, driven over
// HTTP as the school's staff and website would. No timing assertions: every wait is a
// generous wait (wait_for), so a loaded machine is slower, never red. Here a nomination's way
// through the system and bad input; e2e_operations_test.cpp has Zalo in trouble, a stop under
// load, bad settings and tokens.
#include <algorithm>
#include <map>

#include "core/clock.hpp"
#include "e2e/e2e_checks.hpp"
#include "e2e/e2e_system.hpp"

namespace thidua::e2e {
namespace {
using nlohmann::json;
using testing::http_call;
using testing::HttpReply;

// The yearly report is due on 30 October; the next one from `today` (an independent oracle
// for the reports service, computed from the clock rather than hard-coded).
LocalDate next_october_30(LocalDate today) {
  int year =
      (today.month < 10 || (today.month == 10 && today.day <= 30)) ? today.year : today.year + 1;
  return LocalDate{year, 10, 30};
}
}  // namespace

// 1. The thin path, end to end: an admin files a nomination; the staff group hears of it
// once, in Vietnamese; the nomination reads back; the website's countdown is right.
TEST_F(E2eTest, NominationIsAnnouncedOnceInTheGroupAndReadsBack) {
  start_system();
  if (HasFatalFailure()) return;

  auto created = post_nomination(sample_nomination("Nguyễn Văn An"));
  ASSERT_EQ(created.status, 201) << created.body;
  auto nomination = json::parse(created.body);
  std::string id = nomination.at("id");
  EXPECT_EQ(nomination["subject_name"], "Nguyễn Văn An");
  EXPECT_EQ(created.header("location"), "/api/nominations/v1/nominations/" + id);
  // A draft stays within the unit; submitting it to the council is announced.
  EXPECT_TRUE(wait_for([&] { return queue_settled(); }));
  EXPECT_TRUE(delivered().empty());
  ASSERT_EQ(submit(id).status, 200);

  ASSERT_TRUE(wait_for([&] { return !delivered().empty(); }))
      << "no message reached the fake Zalo group";
  // Acknowledged and nothing waiting for a retry: no second message can follow.
  ASSERT_TRUE(wait_for([&] { return queue_settled(); }));
  auto sent = delivered();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(fake_calls("sendMessage").size(), 1u);
  EXPECT_EQ(sent[0].value("chat_id", ""), kGroupId);
  std::string text = sent[0].value("text", "");
  EXPECT_TRUE(contains(text, "Nguyễn Văn An")) << text;  // UTF-8 intact through the queue
  EXPECT_TRUE(contains(text, "Tổ Toán – Tin")) << text;
  EXPECT_TRUE(contains(text, id)) << text;
  EXPECT_EQ(redis().cmd1({"XLEN", kDeadStream}), "0");

  auto read =
      http_call("GET", url("nominations", "/api/nominations/v1/nominations/" + id), "", admin());
  ASSERT_EQ(read.status, 200) << read.body;
  auto stored = json::parse(read.body);
  EXPECT_EQ(stored["id"], id);
  EXPECT_EQ(stored["subject_name"], "Nguyễn Văn An");
  EXPECT_EQ(stored["unit_name"], "Tổ Toán – Tin");
  EXPECT_EQ(stored["status"], "submitted");
  EXPECT_EQ(stored["award"], "gk_xa");

  // The service's clock, not the wall clock: under THIDUA_TEST_FAKETIME they differ.
  auto before = local_date(testing::services_now().first);
  auto deadline = http_call("GET", url("reports", "/api/reports/v1/deadlines/next"));
  auto after = local_date(testing::services_now().second);
  ASSERT_EQ(deadline.status, 200) << deadline.body;
  auto next = json::parse(deadline.body);
  // The same local day before and after the call, unless the call straddled midnight.
  bool matches_before = next["due_date"] == iso_date(next_october_30(before)) &&
                        next["days_left"] == days_between(before, next_october_30(before));
  bool matches_after = next["due_date"] == iso_date(next_october_30(after)) &&
                       next["days_left"] == days_between(after, next_october_30(after));
  EXPECT_TRUE(matches_before || matches_after) << deadline.body;
  if (before == after) {
    EXPECT_EQ(next["today"], iso_date(before));
  }
  if (before <= LocalDate{2027, 10, 30} && before > LocalDate{2026, 10, 30}) {
    EXPECT_EQ(next["due_date"], "2027-10-30");
  }
}

// 2. Bad input gets the right 4xx as problem+json and changes nothing in Redis.
// Issue 13: good news to the group, personal matters in private. A rejection and its reason
// go to the nominee and the unit's leader (both linked), never to the whole staff.
TEST_F(E2eTest, ARejectionIsToldPrivatelyToTheNomineeAndTheLeaderNotToTheGroup) {
  start_system();
  if (HasFatalFailure()) return;
  auto created = post_nomination(sample_nomination("Lê Thị Bình"));
  ASSERT_EQ(created.status, 201) << created.body;
  std::string id = json::parse(created.body).at("id");
  std::string nominee = add_staff("Lê Thị Bình");
  json leader = {{"name", "Phạm Văn Cường"}, {"unit_id", "to-toan-tin"}, {"role", "leader"}};
  ASSERT_EQ(http_call("PUT", url("nominations", "/api/nominations/v1/catalogue/staff/gv-cuong"),
                      leader.dump(), admin())
                .status,
            200);
  for (auto [staff, zalo] : {std::pair<std::string, std::string>{nominee, "zu-binh"},
                             std::pair<std::string, std::string>{"gv-cuong", "zu-cuong"}}) {
    auto issued =
        http_call("POST", url("nominations", "/api/nominations/v1/staff/" + staff + "/link-codes"),
                  "", admin());
    ASSERT_EQ(issued.status, 201) << issued.body;
    json link = {{"code", json::parse(issued.body)["code"]}, {"zalo_user_id", zalo}};
    ASSERT_EQ(http_call("POST", url("nominations", "/api/nominations/v1/zalo-links"), link.dump(),
                        admin())
                  .status,
              200);
  }
  ASSERT_EQ(submit(id).status, 200);
  auto rejected = http_call(
      "POST", url("nominations", "/api/nominations/v1/nominations/" + id + "/transitions"),
      R"({"action":"reject","reason":"Chưa đủ minh chứng về sáng kiến"})", admin());
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  ASSERT_TRUE(wait_for([&] { return delivered().size() >= 3; }));
  ASSERT_TRUE(wait_for([&] { return queue_settled(); }));
  std::map<std::string, std::vector<std::string>> by_chat;
  for (auto& m : delivered()) by_chat[m.value("chat_id", "")].push_back(m.value("text", ""));
  ASSERT_EQ(by_chat[kGroupId].size(), 1u);  // the submission only
  EXPECT_TRUE(contains(by_chat[kGroupId][0], "trình Hội đồng")) << by_chat[kGroupId][0];
  for (const char* chat : {"zu-binh", "zu-cuong"}) {
    ASSERT_EQ(by_chat[chat].size(), 1u) << chat;
    EXPECT_TRUE(contains(by_chat[chat][0], "Lý do: Chưa đủ minh chứng về sáng kiến."))
        << by_chat[chat][0];
    EXPECT_TRUE(contains(by_chat[chat][0], "số " + id)) << by_chat[chat][0];
  }
  EXPECT_EQ(by_chat.size(), 3u);
}

TEST_F(E2eTest, BadInputIsRefusedAndChangesNothing) {
  start_system();
  if (HasFatalFailure()) return;
  ASSERT_FALSE(add_staff("Nguyễn Văn An").empty());  // the subject exists; only input is bad
  auto snapshot = [&] {
    auto keys = redis().cmd({"KEYS", "*"});
    std::sort(keys.begin(), keys.end());
    keys.push_back("events=" + redis().cmd1({"XLEN", kEventsStream}));
    keys.push_back("dbsize=" + redis().cmd1({"DBSIZE"}));
    return keys;
  };
  auto before = snapshot();
  const std::string create = url("nominations", "/api/nominations/v1/nominations");

  auto expect_problem = [](const char* what, const HttpReply& r, int status,
                           const std::string& code) {
    SCOPED_TRACE(what);
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_TRUE(contains(r.header("content-type"), "application/problem+json"))
        << r.header("content-type");
    auto body = json::parse(r.body, nullptr, false);
    ASSERT_TRUE(body.is_object()) << r.body;
    EXPECT_EQ(body.value("status", 0), status);
    if (!code.empty()) {
      EXPECT_EQ(body.value("code", ""), code) << r.body;
    }
    std::string detail = body.value("detail", "");
    // A Vietnamese sentence a person can act on: not empty, with Vietnamese letters.
    EXPECT_FALSE(detail.empty());
    EXPECT_TRUE(std::any_of(detail.begin(), detail.end(), [](char c) {
      return static_cast<unsigned char>(c) >= 0x80;
    })) << detail;
  };

  expect_problem("malformed JSON",
                 http_call("POST", create, R"({"period": "2026", "award": )", admin()), 400,
                 "malformed_json");
  auto missing = sample_nomination();
  missing.erase("subject_name");
  expect_problem("missing field", http_call("POST", create, missing.dump(), admin()), 400,
                 "missing_field");
  auto unknown_award = sample_nomination();
  unknown_award["award"] = "huan_chuong";
  expect_problem("unknown award", post_nomination(unknown_award), 422, "unknown_award");

  auto huge = sample_nomination();
  huge["reason"] = std::string(2 * 1024 * 1024, 'a');
  expect_problem("2 MB body", http_call("POST", create, huge.dump(), admin(), 30000), 413,
                 "payload_too_large");

  auto plain = admin();
  plain["Content-Type"] = "text/plain";
  expect_problem("text/plain", http_call("POST", create, "Nguyễn Văn An", plain), 415,
                 "unsupported_media_type");

  expect_problem("no token", http_call("POST", create, sample_nomination().dump()), 401,
                 "unauthenticated");
  expect_problem("wrong token",
                 http_call("POST", create, sample_nomination().dump(),
                           {{"Authorization", "Bearer not-the-admin-token-at-all"}}),
                 401, "invalid_token");

  expect_problem("unknown route",
                 http_call("GET", url("nominations", "/api/nominations/v1/khong-co"), "", admin()),
                 404, "route_not_found");
  auto wrong_method = http_call("DELETE", create, "", admin());
  expect_problem("wrong method", wrong_method, 405, "method_not_allowed");
  EXPECT_TRUE(contains(wrong_method.header("allow"), "POST")) << wrong_method.header("allow");
  expect_problem(
      "unknown nomination",
      http_call("GET", url("nominations", "/api/nominations/v1/nominations/999"), "", admin()), 404,
      "nomination_not_found");

  EXPECT_EQ(snapshot(), before);
  EXPECT_TRUE(fake_calls("sendMessage").empty());
  // Still serving after all that.
  EXPECT_EQ(post_nomination(sample_nomination()).status, 201);
}

}  // namespace thidua::e2e
