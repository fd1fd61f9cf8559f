// The nominations binary against a real redis-server (nominations_service_fixture.hpp):
// quotas under concurrency, places given back, a Redis crash, one award form per period, and
// how a refusal's detail speaks of periods, roles and quotas.
#include <gtest/gtest.h>

#include <latch>
#include <thread>

#include "nominations_service_fixture.hpp"

namespace thidua::nominations_service_test {
namespace {

TEST_F(NominationsService, FiftyConcurrentSubmissionsAgainstTwoPlacesAdmitExactlyTwo) {
  std::vector<std::string> ids;
  for (int i = 0; i < 50; ++i) {
    add_staff("gv-" + std::to_string(i), "to-ngu-van");
    ids.push_back(draft("gv-" + std::to_string(i), "bk_tinh", "2027"));
  }
  std::vector<int> statuses(ids.size());
  std::vector<std::string> codes(ids.size());
  std::latch start(static_cast<std::ptrdiff_t>(ids.size()));
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      auto r = act(ids[i], {{"action", "submit"}});
      statuses[i] = r.status;
      if (r.status != 200) codes[i] = json::parse(r.body).value("code", "");
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 200), 2);
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "quota_exceeded"), 48);
  auto q = quota("2027", "bk_tinh", "individual");
  EXPECT_EQ(q["used"], 2);
  EXPECT_EQ(q["remaining"], 0);

  // A rejection gives its place back; the next submission takes it.
  auto admitted = std::find(statuses.begin(), statuses.end(), 200) - statuses.begin();
  ASSERT_EQ(act(ids[admitted], {{"action", "review"}}).status, 200);
  auto rejected = act(ids[admitted], {{"action", "reject"}, {"reason", "Chưa đủ minh chứng"}});
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(quota("2027", "bk_tinh", "individual")["used"], 1);
  auto waiting = std::find(statuses.begin(), statuses.end(), 409) - statuses.begin();
  EXPECT_EQ(act(ids[waiting], {{"action", "submit"}}).status, 200);
  EXPECT_EQ(act(ids[(waiting + 1) % 50 == admitted ? (waiting + 2) % 50 : (waiting + 1) % 50],
                {{"action", "submit"}})
                .status,
            409);
}

TEST_F(NominationsService, AcknowledgedWritesSurviveARedisCrash) {
  add_staff("an", "to-toan-tin");
  auto id = draft("an", "gk_xa", "2026");
  ASSERT_EQ(act(id, {{"action", "submit"}}).status, 200);
  redis_.kill();  // SIGKILL: only what AOF (appendfsync always) wrote survives
  EXPECT_NE(api("GET", "/nominations/" + id, "").status, 200);
  redis_.start();
  ASSERT_TRUE(
      testing::wait_until([&] { return api("GET", "/nominations/" + id, "").status == 200; }));
  auto n = json::parse(api("GET", "/nominations/" + id, "").body);
  EXPECT_EQ(n["status"], "submitted");
  auto history = json::parse(api("GET", "/nominations/" + id + "/history", "").body)["history"];
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[1]["from"], "draft");
  EXPECT_EQ(history[1]["to"], "submitted");
  EXPECT_EQ(quota("2026", "gk_xa", "individual")["used"], 1);
  EXPECT_EQ(redis_.cmd1({"XLEN", "{thcs-vinh-phong-1}:nominations:events"}), "2");
}

// Issue 14: one achievement, one award form. The second form for the same person in the same
// period is refused unless the board records an exception, and two submissions racing each
// other cannot both take a place.
TEST_F(NominationsService, ASubjectGetsOneAwardFormPerPeriodUnlessTheBoardRecordsAnException) {
  add_staff("gv-ha", "to-toan-tin");
  add_staff("tt-toan", "to-toan-tin", "leader");
  auto first = draft("gv-ha", "gk_xa", "2026");
  auto second = draft("gv-ha", "bk_tinh", "2026");
  auto later_year = draft("gv-ha", "bk_tinh", "2027");
  ASSERT_EQ(act(first, {{"action", "submit"}}).status, 200);
  auto refused = act(second, {{"action", "submit"}});
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_NE(refused.body.find("one_award_per_period"), std::string::npos) << refused.body;
  EXPECT_NE(refused.body.find("số " + first), std::string::npos) << refused.body;
  EXPECT_NE(refused.body.find("năm 2026"), std::string::npos) << refused.body;
  // The other nomination's award, and how the board records an exception.
  EXPECT_NE(refused.body.find("(Giấy khen của Chủ tịch UBND xã)"), std::string::npos)
      << refused.body;
  EXPECT_NE(refused.body.find("Ban giám hiệu trình kèm lý do ngoại lệ"), std::string::npos)
      << refused.body;
  EXPECT_EQ(quota("2026", "bk_tinh", "individual")["used"], 0);  // no place was taken
  // Another period is another achievement.
  EXPECT_EQ(act(later_year, {{"action", "submit"}}).status, 200);
  // Only the board records an exception.
  auto leader = token_for("tt-toan");
  auto by_leader =
      act(second, {{"action", "submit"}, {"exception_reason", "Thành tích khác"}}, leader);
  EXPECT_EQ(by_leader.status, 403) << by_leader.body;
  auto excepted = act(second, {{"action", "submit"},
                               {"exception_reason",
                                "Giải nhất thi giáo viên giỏi cấp tỉnh, "
                                "thành tích khác với đề nghị số " +
                                    first}});
  ASSERT_EQ(excepted.status, 200) << excepted.body;
  EXPECT_EQ(json::parse(excepted.body)["outcome"]["award_exception"]["by"], "bootstrap-admin");
  // The history keeps the reason with the submission.
  auto history = json::parse(api("GET", "/nominations/" + second + "/history", "").body)["history"];
  ASSERT_EQ(history.back()["action"], "submit") << history.dump();
  EXPECT_NE(history.back().value("exception_reason", "").find("giáo viên giỏi"), std::string::npos)
      << history.dump();
  EXPECT_FALSE(json::parse(api("GET", "/nominations/" + first + "/history", "").body)["history"]
                   .back()
                   .contains("exception_reason"));

  // Racing submissions of two forms: one place is taken, the other refused.
  add_staff("gv-khoa", "to-ngu-van");
  auto a = draft("gv-khoa", "gk_xa", "2026");
  auto b = draft("gv-khoa", "bk_tinh", "2026");
  std::vector<int> statuses(2);
  std::latch start(2);
  std::vector<std::thread> threads;
  const std::vector<std::string> ids{a, b};
  for (std::size_t i = 0; i < 2; ++i) {
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      statuses[i] = act(ids[i], {{"action", "submit"}}).status;
    });
  }
  for (auto& t : threads) t.join();
  std::sort(statuses.begin(), statuses.end());
  EXPECT_EQ(statuses, (std::vector<int>{200, 409}));
  for (const auto& id : ids) {
    // The one refused is still a draft: both may be withdrawn, which frees the subject.
    EXPECT_EQ(act(id, {{"action", "withdraw"}}).status, 200);
  }
  auto again = draft("gv-khoa", "gk_xa", "2026");
  EXPECT_EQ(act(again, {{"action", "submit"}}).status, 200);
}

// Issue 13: a detail names a period in running text in lower case ("kỳ năm 2026"), a role in
// Vietnamese (its code only where a script must send it), and places as "chỉ tiêu".
TEST_F(NominationsService, DetailsSpeakOfPeriodsRolesAndQuotasAsASchoolDoes) {
  for (const auto* id : {"gv-1", "gv-2", "gv-3", "gv-4"}) add_staff(id, "to-toan-tin");
  add_staff("tt", "to-toan-tin", "leader");
  std::string leader = token_for("tt"), staff = token_for("gv-4");
  std::vector<std::string> details;
  auto detail = [&](const HttpReply& r) {
    details.push_back(json::parse(r.body).value("detail", ""));
    return details.back();
  };
  auto first = draft("gv-1", "bk_tinh", "2026");
  json again = {{"period", "2026"},
                {"award", "bk_tinh"},
                {"subject_kind", "individual"},
                {"subject_id", "gv-1"}};
  auto duplicate = api("POST", "/nominations", again.dump());
  EXPECT_EQ(duplicate.status, 409);
  EXPECT_NE(detail(duplicate).find("Bằng khen của Chủ tịch UBND tỉnh kỳ năm 2026 đang được xét"),
            std::string::npos)
      << duplicate.body;

  ASSERT_EQ(act(first, {{"action", "submit"}}).status, 200);
  ASSERT_EQ(act(draft("gv-2", "bk_tinh", "2026"), {{"action", "submit"}}).status, 200);
  auto full = act(draft("gv-3", "bk_tinh", "2026"), {{"action", "submit"}});
  EXPECT_EQ(full.status, 409);
  EXPECT_EQ(detail(full),
            "Bằng khen của Chủ tịch UBND tỉnh kỳ năm 2026 đã hết chỉ tiêu cá nhân (2/2 đã dùng).");
  auto unset = act(draft("gv-4", "gk_ht", "2026"), {{"action", "submit"}});
  EXPECT_EQ(unset.status, 422);
  EXPECT_NE(detail(unset).find("Chưa quy định chỉ tiêu Giấy khen của Hiệu trưởng cho cá nhân kỳ "
                               "năm 2026"),
            std::string::npos)
      << unset.body;

  auto by_leader = act(first, {{"action", "approve"}}, leader);
  EXPECT_EQ(by_leader.status, 403);
  EXPECT_EQ(detail(by_leader), "Vai trò tổ trưởng không được thông qua đề nghị khen thưởng.");
  auto by_staff = api("POST", "/nominations", again.dump(), staff);
  EXPECT_EQ(by_staff.status, 403);
  EXPECT_NE(detail(by_staff).find("(cán bộ, giáo viên)"), std::string::npos) << by_staff.body;
  for (const auto& d : details) {
    EXPECT_EQ(d.find("leader"), std::string::npos) << d;
    EXPECT_EQ(d.find("staff"), std::string::npos) << d;
    EXPECT_EQ(d.find("Năm"), std::string::npos) << d;
    EXPECT_EQ(d.find("suất"), std::string::npos) << d;
  }

  // Where a script must send a role's code, the code follows the Vietnamese words.
  json bad_role = {{"name", "Cán bộ gv-5"}, {"unit_id", "to-toan-tin"}, {"role", "hieu-truong"}};
  auto refused = api("PUT", "/catalogue/staff/gv-5", bad_role.dump());
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(detail(refused).find("tổ trưởng (leader)"), std::string::npos) << refused.body;
}

}  // namespace
}  // namespace thidua::nominations_service_test
