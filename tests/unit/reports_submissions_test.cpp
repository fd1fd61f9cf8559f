// When the units submitted their parts (issue 12, "Thống kê"): every unit the year lists,
// its state, the day it submitted in Vietnam (an instant late on 20/10 in UTC is 21/10 there)
// and whether it was late as recorded; the Excel export's sheet with dates as dates.
#include <gtest/gtest.h>

#include "reports/domain/figures_book.hpp"
#include "reports/domain/submissions.hpp"

namespace thidua::reports {
namespace {

const std::vector<UnitInfo> kUnits = {
    {"truong", "Trường THCS Vĩnh Phong 1", "school"},
    {"to-toan-tin", "Tổ Toán – Tin", "subject_group"},
    {"to-ngu-van", "Tổ Ngữ văn", "subject_group"},
    {"to-khxh", "Tổ Khoa học xã hội", "subject_group", false},
    {"to-van-phong", "Tổ Văn phòng", "office"},
};

Contribution part(const std::string& unit, bool submitted, const std::string& at, bool late) {
  Contribution c;
  c.unit_id = unit;
  c.year = 2026;
  c.submitted = submitted;
  c.submitted_at = at;
  c.late = late;
  return c;
}

TEST(Submissions, EveryListedUnitWithTheDayItSubmittedInVietnam) {
  auto s = year_submissions(2026, {2026, 10, 20}, kUnits,
                            {part("to-toan-tin", true, "2026-10-19T17:30:00Z", true),
                             part("to-khxh", true, "2026-10-01T02:00:00Z", false),
                             part("to-van-phong", false, "", false)});
  ASSERT_EQ(s.units.size(), 4u);
  EXPECT_EQ(s.units[0].unit_id, "to-toan-tin");
  EXPECT_EQ(s.units[0].status, "submitted");
  EXPECT_EQ(s.units[0].submitted_on, (LocalDate{2026, 10, 20}));  // 00:30 on 20/10 in Vietnam
  EXPECT_TRUE(s.units[0].late);  // as recorded when it was submitted
  EXPECT_EQ(s.units[1].unit_id, "to-ngu-van");
  EXPECT_EQ(s.units[1].status, "missing");
  EXPECT_FALSE(s.units[1].submitted_on);
  EXPECT_EQ(s.units[2].unit_id, "to-khxh");  // deactivated since, its part kept
  EXPECT_EQ(s.units[2].submitted_at, "2026-10-01T02:00:00Z");
  EXPECT_EQ(s.units[3].status, "draft");
  EXPECT_EQ(s.submitted(), 2);
  EXPECT_EQ(s.late(), 1);
}

TEST(Submissions, TheWorkbookHasDatesAsDatesAndTheCounts) {
  auto s = year_submissions(2026, {2026, 10, 20}, kUnits,
                            {part("to-toan-tin", true, "2026-10-21T03:00:00Z", true),
                             part("to-ngu-van", true, "2026-10-15T03:00:00Z", false)});
  auto book = submissions_book(s);
  ASSERT_EQ(book.sheets.size(), 1u);
  const auto& sheet = book.sheets[0];
  EXPECT_EQ(sheet.name, "Nộp báo cáo");
  EXPECT_EQ(sheet.title, "Các tổ nộp phần báo cáo năm 2026 (hạn nộp của các tổ: 20/10/2026)");
  EXPECT_EQ(sheet.headers, (std::vector<std::string>{"Tổ, bộ phận", "Tình trạng", "Ngày nộp",
                                                     "Hạn nộp", "Đúng hạn hay muộn"}));
  ASSERT_EQ(sheet.rows.size(), 7u);  // three units, a blank row, three counts
  EXPECT_EQ(std::get<std::string>(sheet.rows[0][1]), "Đã nộp");
  EXPECT_EQ(std::get<LocalDate>(sheet.rows[0][2]), (LocalDate{2026, 10, 21}));
  EXPECT_EQ(std::get<LocalDate>(sheet.rows[0][3]), (LocalDate{2026, 10, 20}));
  EXPECT_EQ(std::get<std::string>(sheet.rows[0][4]), "Nộp muộn");
  EXPECT_EQ(std::get<std::string>(sheet.rows[1][4]), "Đúng hạn");
  EXPECT_EQ(std::get<std::string>(sheet.rows[2][1]), "Chưa nộp");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(sheet.rows[2][2]));
  EXPECT_EQ(std::get<std::string>(sheet.rows[4][0]), "Số tổ đã nộp");
  EXPECT_EQ(std::get<double>(sheet.rows[4][1]), 2.0);
  EXPECT_EQ(std::get<double>(sheet.rows[5][1]), 1.0);
  EXPECT_EQ(std::get<double>(sheet.rows[6][1]), 3.0);
  EXPECT_EQ(submissions_file_name(2026), "Nộp báo cáo của các tổ năm 2026.xlsx");
}

// Issue 11: the units' figures, counts as numbers per indicator, the report's totals.
TEST(Figures, TheWorkbookHasAColumnPerIndicatorAndTheReportsTotals) {
  SchoolReport r;
  r.year = 2026;
  r.indicators = {{"e_lessons", "Bài giảng điện tử", "II.4", "bài"},
                  {"stem_meetings", "Sinh hoạt chuyên môn STEM", "II.1", "buổi"}};
  r.units = {kUnits[1], kUnits[2], kUnits[4]};
  auto a = part("to-toan-tin", true, "2026-10-15T03:00:00Z", false);
  a.figures = {{"e_lessons", 12}, {"stem_meetings", 2}};
  auto b = part("to-van-phong", true, "2026-10-16T03:00:00Z", false);
  b.figures = {{"e_lessons", 3}};
  r.submitted = {{a.unit_id, a}, {b.unit_id, b}};
  auto book = figures_book(r);
  ASSERT_EQ(book.sheets.size(), 1u);
  const auto& sheet = book.sheets[0];
  EXPECT_EQ(sheet.name, "Số liệu các tổ");
  EXPECT_EQ(sheet.headers,
            (std::vector<std::string>{"Tổ, bộ phận", "Tình trạng", "Bài giảng điện tử (bài)",
                                      "Sinh hoạt chuyên môn STEM (buổi)"}));
  ASSERT_EQ(sheet.rows.size(), 5u);  // three units, a blank row, the totals
  EXPECT_EQ(std::get<double>(sheet.rows[0][2]), 12.0);
  EXPECT_EQ(std::get<double>(sheet.rows[0][3]), 2.0);
  EXPECT_EQ(std::get<std::string>(sheet.rows[1][1]), "Chưa nộp");
  EXPECT_EQ(sheet.rows[1].size(), 2u);                 // no figures for a part not submitted
  EXPECT_EQ(std::get<double>(sheet.rows[2][3]), 0.0);  // not counted is 0 in a submitted part
  EXPECT_EQ(std::get<std::string>(sheet.rows[4][0]), "Tổng cộng");
  EXPECT_EQ(std::get<std::string>(sheet.rows[4][1]), "2 tổ đã nộp");
  EXPECT_EQ(std::get<double>(sheet.rows[4][2]), 15.0);
  EXPECT_EQ(std::get<double>(sheet.rows[4][3]), 2.0);
  EXPECT_EQ(figures_file_name(2026), "Số liệu báo cáo của các tổ năm 2026.xlsx");
}

}  // namespace
}  // namespace thidua::reports
