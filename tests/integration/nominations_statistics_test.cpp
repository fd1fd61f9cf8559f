// Thống kê (issue 12) through the API of the real binary on a real Redis: after nominations
// in different states, the figures per unit, award form and year; who may read them (the
// board and the council, read from the person's record per request); bad years; and the
// Excel export opened by LibreOffice Calc, with its Vietnamese sheets, headers and numbers.
// Clock pinned by libfaketime to 5 December 2026.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/nominations_service.hpp"
#include "support/spreadsheet.hpp"

namespace thidua {
namespace {
using nlohmann::json;
using testing::HttpReply;

class Statistics : public testing::NominationsServiceTest {
 protected:
  void SetUp() override {
    start_nominations(testing::faked_clock_env("2026-12-05 10:00:00"));
    if (HasFatalFailure()) return;
    for (const char* id : {"gv-an", "gv-binh", "gv-chi", "gv-dung"}) add_staff(id, "to-toan-tin");
    add_staff("gv-hoa", "to-ngu-van");
    add_staff("tt-lan", "to-toan-tin", "leader");
    add_staff("hd-cuong", "to-ngu-van", "council");
    auto m = api("POST", "/council/meetings",
                 json{{"date", "2026-11-20"}, {"members_total", 7}, {"members_present", 6}}.dump());
    ASSERT_EQ(m.status, 201) << m.body;
    meeting_ = json::parse(m.body)["id"];
  }

  std::string nominate(const std::string& kind, const std::string& subject,
                       const std::string& award, const std::string& period = "2026") {
    json body = {{"period", period},
                 {"award", award},
                 {"subject_kind", kind},
                 {"subject_id", subject},
                 {"reason", "Nhiều sáng kiến chuyển đổi số"}};
    auto r = api("POST", "/nominations", body.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? json::parse(r.body)["id"].get<std::string>() : "";
  }
  void act(const std::string& id, const json& body) {
    auto r = api("POST", "/nominations/" + id + "/transitions", body.dump());
    ASSERT_EQ(r.status, 200) << body.dump() << ": " << r.body;
  }
  // Submitted, reviewed and voted on; approved when `passes`, else rejected.
  void through_council(const std::string& id, bool passes) {
    act(id, {{"action", "submit"}});
    act(id, {{"action", "review"}});
    json vote = {{"meeting_id", meeting_}, {"yes", passes ? 6 : 1}, {"no", passes ? 0 : 5}};
    auto v = api("PUT", "/nominations/" + id + "/vote", vote.dump());
    ASSERT_EQ(v.status, 200) << v.body;
    if (passes) {
      act(id, {{"action", "approve"}});
    } else {
      act(id, {{"action", "reject"}, {"reason", "Chưa đủ minh chứng"}});
    }
  }
  void awarded(const std::string& id) {
    through_council(id, true);
    for (const char* item : {"to_trinh", "bien_ban", "bao_cao_thanh_tich"}) {
      auto r = api("PUT", "/nominations/" + id + "/dossier/" + item, json{{"copies", 2}}.dump());
      ASSERT_EQ(r.status, 200) << r.body;
    }
    act(id, {{"action", "forward"}, {"date", "2026-12-05"}, {"reference", "05/TTr-THCSVP1"}});
    act(id,
        {{"action", "award"}, {"decision_number", "12/QĐ-UBND"}, {"decision_date", "2026-12-05"}});
  }
  // The school year the tests read: in 2026, gv-an awarded and gv-binh rejected (Giấy khen
  // of the commune), Tổ Ngữ văn approved (collective), gv-hoa submitted (Bằng khen of the
  // province), gv-chi withdrawn after submitting, gv-dung a draft; Tổ Khoa học xã hội
  // submitted, then the unit deactivated; in 2027 gv-an submitted again.
  void seed_year() {
    awarded(nominate("individual", "gv-an", "gk_xa"));
    through_council(nominate("individual", "gv-binh", "gk_xa"), false);
    through_council(nominate("collective", "to-ngu-van", "gk_xa"), true);
    act(nominate("individual", "gv-hoa", "bk_tinh"), {{"action", "submit"}});
    auto chi = nominate("individual", "gv-chi", "bk_tinh");
    act(chi, {{"action", "submit"}});
    act(chi, {{"action", "withdraw"}, {"reason", "Thầy xin rút"}});
    nominate("individual", "gv-dung", "gk_xa");
    act(nominate("collective", "to-khxh", "bk_tinh"), {{"action", "submit"}});
    auto off = api(
        "PUT", "/catalogue/units/to-khxh",
        json{{"name", "Tổ Khoa học xã hội"}, {"kind", "subject_group"}, {"active", false}}.dump());
    ASSERT_EQ(off.status, 200) << off.body;
    act(nominate("individual", "gv-an", "gk_xa", "2027"), {{"action", "submit"}});
  }
  static json row(const json& list, const std::string& key, const std::string& value) {
    for (const auto& r : list) {
      if (r[key] == value) return r;
    }
    return nullptr;
  }

  std::string meeting_;
};

TEST_F(Statistics, FiguresPerUnitAwardFormAndYear) {
  seed_year();
  if (HasFatalFailure()) return;
  auto r = api("GET", "/statistics?year=2026", "");
  ASSERT_EQ(r.status, 200) << r.body;
  auto s = json::parse(r.body);
  EXPECT_EQ(s["year"], 2026);
  EXPECT_EQ(s["years"], json({2026, 2027}));
  EXPECT_EQ(s["totals"], json({{"proposed", 5}, {"approved", 2}, {"awarded", 1}}));
  auto toan = row(s["by_unit"], "unit_id", "to-toan-tin");
  EXPECT_EQ(toan["unit_name"], "Tổ Toán – Tin");
  EXPECT_EQ(toan["proposed"], 2);  // gv-an and gv-binh; not the withdrawn one, not the draft
  EXPECT_EQ(toan["approved"], 1);
  EXPECT_EQ(toan["awarded"], 1);
  auto van = row(s["by_unit"], "unit_id", "to-ngu-van");
  EXPECT_EQ(van["proposed"], 2);  // the unit's own and gv-hoa's
  EXPECT_EQ(van["approved"], 1);
  auto khxh = row(s["by_unit"], "unit_id", "to-khxh");
  EXPECT_EQ(khxh["active"], false);  // deactivated, still listed with its figure
  EXPECT_EQ(khxh["proposed"], 1);
  EXPECT_EQ(row(s["by_unit"], "unit_id", "to-ngoai-ngu")["proposed"], 0);
  auto xa = row(s["by_award"], "award", "gk_xa");
  EXPECT_EQ(xa, json({{"award", "gk_xa"},
                      {"award_label", "Giấy khen của Chủ tịch UBND xã"},
                      {"proposed", 3},
                      {"approved", 2},
                      {"awarded", 1}}));
  EXPECT_EQ(row(s["by_award"], "award", "bk_tinh")["proposed"], 2);
  ASSERT_EQ(s["by_year"].size(), 2u);
  EXPECT_EQ(s["by_year"][1],
            json({{"year", 2027}, {"proposed", 1}, {"approved", 0}, {"awarded", 0}}));

  // Without a year: the latest year with a proposal.
  EXPECT_EQ(json::parse(api("GET", "/statistics", "").body)["year"], 2027);
}

TEST_F(Statistics, TheBoardAndTheCouncilOnlyAndOnlyYearsOfTheMovement) {
  auto council = token_for("hd-cuong");
  auto leader = token_for("tt-lan");
  auto teacher = token_for("gv-an");
  EXPECT_EQ(api("GET", "/statistics?year=2026", "", council).status, 200);
  EXPECT_EQ(api("GET", "/statistics/2026/xlsx", "", council).status, 200);
  for (const auto& token : {leader, teacher}) {
    auto refused = api("GET", "/statistics?year=2026", "", token);
    EXPECT_EQ(refused.status, 403) << refused.body;
    EXPECT_EQ(api("GET", "/statistics/2026/xlsx", "", token).status, 403);
  }
  EXPECT_EQ(api("GET", "/statistics", "", "").status, 401);
  // Made a leader today, the council member is refused at once.
  add_staff("hd-cuong", "to-ngu-van", "leader");
  EXPECT_EQ(api("GET", "/statistics", "", council).status, 403);

  for (const std::string bad : {"?year=2024", "?year=2031", "?year=2026x", "?year=+2026"}) {
    auto r = api("GET", "/statistics" + bad, "");
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_EQ(json::parse(r.body)["code"], "invalid_year");
    EXPECT_EQ(detail(r),
              "Năm thống kê là một năm của phong trào, từ 2025 đến 2030, ghi đủ bốn chữ số, ví "
              "dụ 2026.");
    EXPECT_EQ(r.headers["content-type"], "application/problem+json");
  }
  EXPECT_EQ(api("GET", "/statistics/2024/xlsx", "").status, 400);
  EXPECT_EQ(api("GET", "/statistics/nam-nay/xlsx", "").status, 400);
}

TEST_F(Statistics, TheWorkbookOpensInLibreOfficeWithTheFigures) {
  seed_year();
  if (HasFatalFailure()) return;
  auto r = api("GET", "/statistics/2026/xlsx", "");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.headers["content-type"],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_NE(r.headers["content-disposition"].find(
                "filename*=UTF-8''Th%E1%BB%91ng%20k%C3%AA%20khen%20th%C6%B0%E1%BB%9Fng%20n%C4%83m"
                "%202026.xlsx"),
            std::string::npos)
      << r.headers["content-disposition"];
  ASSERT_EQ(r.body.substr(0, 2), "PK");

  std::string dir = testing::make_temp_dir("thidua-xlsx");
  auto sheets = testing::sheets_as_csv(r.body, dir);
  ASSERT_EQ(sheets.size(), 3u) << "LibreOffice Calc could not open the workbook; see " << dir;
  const auto& units = sheets["Theo tổ"];
  EXPECT_NE(units.find("\"Đề nghị khen thưởng theo tổ, bộ phận năm 2026\""), std::string::npos)
      << units;
  EXPECT_NE(units.find("\"Tổ, bộ phận\",Đã đề nghị,Hội đồng thông qua,Được khen thưởng,Ghi chú"),
            std::string::npos)
      << units;
  EXPECT_NE(units.find("\nTổ Toán – Tin,2,1,1,\n"), std::string::npos) << units;
  EXPECT_NE(units.find("\nTổ Ngữ văn,2,1,0,\n"), std::string::npos) << units;
  EXPECT_NE(units.find("\nTổ Khoa học xã hội,1,0,0,Đã ngừng hoạt động\n"), std::string::npos);
  EXPECT_NE(units.find("\nTổng cộng,5,2,1,"), std::string::npos) << units;
  const auto& awards = sheets["Theo hình thức"];
  EXPECT_NE(awards.find("\nGiấy khen của Chủ tịch UBND xã,3,2,1\n"), std::string::npos) << awards;
  const auto& years = sheets["Theo năm"];
  EXPECT_NE(years.find("\nNăm,Đã đề nghị,Hội đồng thông qua,Được khen thưởng\n"), std::string::npos)
      << years;
  EXPECT_NE(years.find("\n2026,5,2,1\n2027,1,0,0"), std::string::npos) << years;
  std::filesystem::remove_all(dir);
}

// "Tải Excel" under each chart: a workbook of that chart alone, under its Vietnamese name.
TEST_F(Statistics, EachChartDownloadsItsOwnWorkbook) {
  seed_year();
  if (HasFatalFailure()) return;
  struct Expected {
    std::string chart, file, sheet, row;
  };
  const std::vector<Expected> charts{
      {"units",
       "Th%E1%BB%91ng%20k%C3%AA%20khen%20th%C6%B0%E1%BB%9Fng%20theo%20t%E1%BB%95%20n%C4%83m%202026"
       ".xlsx",
       "Theo tổ", "\nTổ Toán – Tin,2,1,1,\n"},
      {"awards",
       "Th%E1%BB%91ng%20k%C3%AA%20khen%20th%C6%B0%E1%BB%9Fng%20theo%20h%C3%ACnh%20th%E1%BB%A9c%20n"
       "%C4%83m%202026.xlsx",
       "Theo hình thức", "\nGiấy khen của Chủ tịch UBND xã,3,2,1\n"},
      {"years",
       "Th%E1%BB%91ng%20k%C3%AA%20khen%20th%C6%B0%E1%BB%9Fng%20qua%20c%C3%A1c%20n%C4%83m.xlsx",
       "Theo năm", "\n2026,5,2,1\n2027,1,0,0"}};
  for (const auto& e : charts) {
    auto r = api("GET", "/statistics/2026/xlsx?chart=" + e.chart, "");
    ASSERT_EQ(r.status, 200) << e.chart << ": " << r.body;
    EXPECT_NE(r.headers["content-disposition"].find("filename*=UTF-8''" + e.file),
              std::string::npos)
        << r.headers["content-disposition"];
    std::string dir = testing::make_temp_dir("thidua-xlsx");
    auto sheets = testing::sheets_as_csv(r.body, dir);
    ASSERT_EQ(sheets.size(), 1u) << e.chart << ": LibreOffice could not open it; see " << dir;
    EXPECT_NE(sheets[e.sheet].find(e.row), std::string::npos) << sheets[e.sheet];
    std::filesystem::remove_all(dir);
  }
  for (const std::string bad : {"", "all", "Units", "units,years"}) {
    auto r = api("GET", "/statistics/2026/xlsx?chart=" + bad, "");
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_EQ(json::parse(r.body)["code"], "invalid_chart") << bad;
  }
}

}  // namespace
}  // namespace thidua
