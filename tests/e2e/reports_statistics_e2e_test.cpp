// Thống kê (issue 12) in reports, end to end: the real reports and nominations services on a
// real Redis, the clock pinned by libfaketime. Units hand in their parts before and after the
// units' due date (20 October); GET /contributions/{year} says on which day and whether late,
// and the Excel export, opened by LibreOffice Calc, lists the same with dates as dates. Only
// the board and the council download it; a year outside the movement is refused.
#include <filesystem>

#include "reports_fixture.hpp"
#include "support/spreadsheet.hpp"

namespace thidua::testing::reports_e2e {
namespace {

class SubmissionsE2e : public ReportsE2e {
 protected:
  // A unit writes its part of 2026 at `utc` (and submits it), on a reports replica started
  // at that instant and stopped after.
  void hand_in(const std::string& utc, const std::string& unit, bool submit) {
    auto reports =
        start_reports(utc, "http://127.0.0.1:9", {{"THIDUA_PLANNER_TICK_MS", "3600000"}});
    json part = {{"narratives", {{"II.4", "Soạn bài giảng điện tử cho khối 6"}}},
                 {"figures", {{"e_lessons", 4}}}};
    call(*reports, "PUT", "/api/reports/v1/contributions/2026/" + unit, 200, part);
    if (submit)
      call(*reports, "POST", "/api/reports/v1/contributions/2026/" + unit + "/submit", 200);
    reports->process.stop();
  }
};

TEST_F(SubmissionsE2e, WhenEachUnitSubmittedAndItsWorkbook) {
  hand_in("2026-10-15 02:00:00", "to-toan-tin", true);  // 09:00 on 15/10 in Vietnam
  hand_in("2026-10-21 18:00:00", "to-ngu-van", true);   // 01:00 on 22/10: late
  hand_in("2026-10-21 18:00:00", "to-khtn", false);     // still a draft
  auto reports = start_reports("2026-11-02 03:00:00", "http://127.0.0.1:9",
                               {{"THIDUA_PLANNER_TICK_MS", "3600000"}});

  auto states = call(*reports, "GET", "/api/reports/v1/contributions/2026", 200);
  EXPECT_EQ(states["unit_due_date"], "2026-10-20");
  EXPECT_EQ(states["unit_due_date_vn"], "20/10/2026");
  std::map<std::string, json> by_unit;
  for (const auto& u : states["units"]) by_unit[u["unit_id"]] = u;
  EXPECT_EQ(by_unit["to-toan-tin"]["submitted_on"], "2026-10-15");
  EXPECT_EQ(by_unit["to-toan-tin"]["late"], false);
  EXPECT_EQ(by_unit["to-ngu-van"]["submitted_on"], "2026-10-22");
  EXPECT_EQ(by_unit["to-ngu-van"]["submitted_at"], "2026-10-21T18:00:00Z");
  EXPECT_EQ(by_unit["to-ngu-van"]["late"], true);
  EXPECT_EQ(by_unit["to-khtn"]["status"], "draft");
  EXPECT_TRUE(by_unit["to-khtn"]["submitted_on"].is_null());

  const std::string xlsx = reports->url() + "/api/reports/v1/statistics/2026/xlsx";
  auto got = http_call("GET", xlsx, "", {{"Authorization", "Bearer " + kAdmin}}, 60000);
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.headers["content-type"],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_NE(got.headers["content-disposition"].find(
                "filename*=UTF-8''N%E1%BB%99p%20b%C3%A1o%20c%C3%A1o%20c%E1%BB%A7a%20c%C3%A1c%20t"
                "%E1%BB%95%20n%C4%83m%202026.xlsx"),
            std::string::npos)
      << got.headers["content-disposition"];
  auto sheets = sheets_as_csv(got.body, dir_);
  ASSERT_EQ(sheets.count("Nộp báo cáo"), 1u) << "LibreOffice Calc could not open it; see " << dir_;
  const auto& csv = sheets["Nộp báo cáo"];
  EXPECT_NE(csv.find("Các tổ nộp phần báo cáo năm 2026 (hạn nộp của các tổ: 20/10/2026)"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\"Tổ, bộ phận\",Tình trạng,Ngày nộp,Hạn nộp,Đúng hạn hay muộn\n"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\nTổ Toán – Tin,Đã nộp,15/10/2026,20/10/2026,Đúng hạn\n"), std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\nTổ Ngữ văn,Đã nộp,22/10/2026,20/10/2026,Nộp muộn\n"), std::string::npos);
  EXPECT_NE(csv.find("\nTổ Khoa học tự nhiên,Đang soạn,,20/10/2026,\n"), std::string::npos);
  EXPECT_NE(csv.find("\nSố tổ đã nộp,2,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\nTrong đó nộp muộn,1,"), std::string::npos);

  // A unit leader reads the states (the reminders tell everyone) but not the export.
  call(*nominations_, "PUT", "/api/nominations/v1/catalogue/staff/tt-binh", 200,
       {{"name", "Trần Thị Bình"}, {"unit_id", "to-toan-tin"}, {"role", "leader"}});
  auto token = call(*nominations_, "POST", "/api/nominations/v1/tokens", 201,
                    {{"staff_id", "tt-binh"}})["token"]
                   .get<std::string>();
  auto leader = http_call("GET", xlsx, "", {{"Authorization", "Bearer " + token}});
  EXPECT_EQ(leader.status, 403) << leader.body;
  auto bad = http_call("GET", reports->url() + "/api/reports/v1/statistics/2024/xlsx", "",
                       {{"Authorization", "Bearer " + kAdmin}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(json::parse(bad.body)["code"], "invalid_year");
  EXPECT_EQ(json::parse(bad.body)["detail"],
            "Năm trong đường dẫn phải là một năm của phong trào, từ 2025 đến 2030, ghi đủ bốn "
            "chữ số, ví dụ 2026.");
}

}  // namespace
}  // namespace thidua::testing::reports_e2e
