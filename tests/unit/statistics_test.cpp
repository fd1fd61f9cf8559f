// Thống kê (issue 12): what counts as proposed, approved by the council and awarded; per year
// (the period's), per unit (a collective's own, a person's unit when proposed), per award
// form; a deactivated unit listed only with figures; the Excel export's sheets.
#include <gtest/gtest.h>

#include "nominations/domain/statistics.hpp"

namespace thidua::nominations {
namespace {

Catalogue school() {
  Catalogue c;
  c.units = {{"to-toan-tin", "Tổ Toán – Tin", "subject_group", true},
             {"to-ngu-van", "Tổ Ngữ văn", "subject_group", true},
             {"to-su-dia", "Tổ Sử – Địa", "subject_group", false},
             {"to-the-duc", "Tổ Thể dục", "subject_group", false}};
  c.periods = {{"2025", PeriodKind::Annual, 2025, 1, "Năm 2025"},
               {"2026", PeriodKind::Annual, 2026, 1, "Năm 2026"},
               {"so-ket-2027", PeriodKind::Interim, 2027, 1, "Sơ kết 2027"}};
  AwardForm gk_xa;
  gk_xa.code = "gk_xa";
  gk_xa.label = "Giấy khen của Chủ tịch UBND xã";
  AwardForm gk_ht;
  gk_ht.code = "gk_ht";
  gk_ht.label = "Giấy khen của Hiệu trưởng";
  c.award_forms = {gk_xa, gk_ht};
  return c;
}

NominationRecord record(const std::string& period, const std::string& award,
                        const std::string& unit, Status status,
                        SubjectKind kind = SubjectKind::Individual) {
  NominationRecord r;
  r.draft.period = period;
  r.draft.award = award;
  r.draft.subject_kind = kind;
  r.unit_id = unit;
  r.unit_name = "(tên lúc đề nghị) " + unit;
  r.award_label = "(nhãn lúc đề nghị) " + award;
  r.status = status;
  return r;
}

TEST(Statistics, WhatCountsFollowsTheWorkflow) {
  for (Status s : {Status::Draft, Status::Withdrawn}) EXPECT_FALSE(counts_as_proposed(s));
  for (Status s : {Status::Submitted, Status::UnderReview, Status::Approved, Status::Rejected,
                   Status::Forwarded, Status::Awarded, Status::NotAwarded}) {
    EXPECT_TRUE(counts_as_proposed(s)) << status_name(s);
  }
  for (Status s : {Status::Approved, Status::Forwarded, Status::Awarded, Status::NotAwarded}) {
    EXPECT_TRUE(counts_as_approved(s)) << status_name(s);
  }
  for (Status s : {Status::Draft, Status::Submitted, Status::UnderReview, Status::Rejected,
                   Status::Withdrawn}) {
    EXPECT_FALSE(counts_as_approved(s)) << status_name(s);
  }
  for (Status s : {Status::Approved, Status::Forwarded, Status::NotAwarded, Status::Rejected}) {
    EXPECT_FALSE(counts_as_awarded(s)) << status_name(s);
  }
  EXPECT_TRUE(counts_as_awarded(Status::Awarded));
}

std::vector<NominationRecord> year_2026() {
  return {
      record("2026", "gk_xa", "to-toan-tin", Status::Awarded),
      record("2026", "gk_xa", "to-toan-tin", Status::NotAwarded),
      record("2026", "gk_ht", "to-toan-tin", Status::Rejected),
      record("2026", "gk_ht", "to-toan-tin", Status::Draft),      // not proposed
      record("2026", "gk_ht", "to-toan-tin", Status::Withdrawn),  // taken back
      record("2026", "gk_xa", "to-ngu-van", Status::Forwarded, SubjectKind::Collective),
      record("2026", "gk_xa", "to-su-dia", Status::Submitted),  // deactivated since
      record("2026", "bk_cu", "to-ngu-van", Status::Approved),  // a form dropped since
      record("2025", "gk_ht", "to-ngu-van", Status::Awarded),
      record("so-ket-2027", "gk_xa", "to-toan-tin", Status::UnderReview),
      record("xoa-2024", "gk_xa", "to-toan-tin", Status::Awarded),  // period gone
  };
}

TEST(Statistics, PerUnitPerAwardAndPerYear) {
  auto s = statistics(year_2026(), school(), 2026);
  EXPECT_EQ(s.year, 2026);
  EXPECT_EQ(s.years, (std::vector<int>{2025, 2026, 2027}));
  EXPECT_EQ(s.totals, (Counts{6, 4, 1}));

  ASSERT_EQ(s.by_unit.size(), 3u);  // to-the-duc: deactivated and nothing that year
  EXPECT_EQ(s.by_unit[0].unit_id, "to-toan-tin");
  EXPECT_EQ(s.by_unit[0].unit_name, "Tổ Toán – Tin");
  EXPECT_EQ(s.by_unit[0].counts, (Counts{3, 2, 1}));
  EXPECT_EQ(s.by_unit[1].unit_id, "to-ngu-van");
  EXPECT_EQ(s.by_unit[1].counts, (Counts{2, 2, 0}));  // the collective's own and a person's
  EXPECT_EQ(s.by_unit[2].unit_id, "to-su-dia");
  EXPECT_FALSE(s.by_unit[2].active);
  EXPECT_EQ(s.by_unit[2].counts, (Counts{1, 0, 0}));

  ASSERT_EQ(s.by_award.size(), 3u);
  EXPECT_EQ(s.by_award[0].award, "gk_xa");
  EXPECT_EQ(s.by_award[0].counts, (Counts{4, 3, 1}));
  EXPECT_EQ(s.by_award[1].award, "gk_ht");
  EXPECT_EQ(s.by_award[1].counts, (Counts{1, 0, 0}));
  EXPECT_EQ(s.by_award[2].award_label, "(nhãn lúc đề nghị) bk_cu");
  EXPECT_EQ(s.by_award[2].counts, (Counts{1, 1, 0}));

  ASSERT_EQ(s.by_year.size(), 3u);
  EXPECT_EQ(s.by_year[0].year, 2025);
  EXPECT_EQ(s.by_year[0].counts, (Counts{1, 1, 1}));
  EXPECT_EQ(s.by_year[1].counts, s.totals);
  EXPECT_EQ(s.by_year[2].counts, (Counts{1, 0, 0}));  // the interim period counts in 2027
}

TEST(Statistics, AYearWithoutNominationsListsTheActiveUnitsAndFormsAtZero) {
  auto s = statistics(year_2026(), school(), 2028);
  EXPECT_EQ(s.totals, Counts{});
  ASSERT_EQ(s.by_unit.size(), 2u);
  EXPECT_EQ(s.by_unit[1].counts, Counts{});
  EXPECT_EQ(s.by_award.size(), 2u);
  EXPECT_EQ(s.by_year.size(), 3u);
}

TEST(Statistics, TheScreenOpensOnTheLatestYearWithAProposal) {
  EXPECT_EQ(default_statistics_year(year_2026(), school(), 2026), 2027);
  EXPECT_EQ(default_statistics_year({}, school(), 2026), 2026);
  EXPECT_EQ(default_statistics_year({}, school(), 2031), 2030);
  EXPECT_EQ(default_statistics_year({}, school(), 2024), 2025);
}

TEST(Statistics, TheWorkbookHasASheetPerChartWithTotals) {
  auto book = statistics_book(statistics(year_2026(), school(), 2026));
  ASSERT_EQ(book.sheets.size(), 3u);
  const auto& units = book.sheets[0];
  EXPECT_EQ(units.name, "Theo tổ");
  EXPECT_EQ(units.title, "Đề nghị khen thưởng theo tổ, bộ phận năm 2026");
  EXPECT_EQ(units.headers,
            (std::vector<std::string>{"Tổ, bộ phận", "Đã đề nghị", "Hội đồng thông qua",
                                      "Được khen thưởng", "Ghi chú"}));
  ASSERT_EQ(units.rows.size(), 4u);
  EXPECT_EQ(std::get<std::string>(units.rows[2][0]), "Tổ Sử – Địa");
  EXPECT_EQ(std::get<std::string>(units.rows[2][4]), "Đã ngừng hoạt động");
  EXPECT_EQ(std::get<std::string>(units.rows[3][0]), "Tổng cộng");
  EXPECT_EQ(std::get<double>(units.rows[3][1]), 6.0);
  EXPECT_EQ(book.sheets[1].name, "Theo hình thức");
  EXPECT_EQ(book.sheets[2].name, "Theo năm");
  EXPECT_EQ(std::get<double>(book.sheets[2].rows[0][0]), 2025.0);
  EXPECT_EQ(statistics_file_name(2026), "Thống kê khen thưởng năm 2026.xlsx");
}

// "Tải Excel" under each chart: that chart's sheet alone, under a name that says which.
TEST(Statistics, EachChartHasItsOwnWorkbook) {
  auto s = statistics(year_2026(), school(), 2026);
  const auto all = statistics_book(s);
  const std::vector<std::pair<std::string, std::optional<StatisticsChart>>> charts{
      {"units", StatisticsChart::Units}, {"awards", StatisticsChart::Awards},
      {"years", StatisticsChart::Years}, {"", std::nullopt},
      {"Units", std::nullopt},           {"all", std::nullopt}};
  for (std::size_t i = 0; i < charts.size(); ++i) {
    const auto& [code, chart] = charts[i];
    EXPECT_EQ(parse_statistics_chart(code), chart) << code;
    if (!chart) continue;
    auto book = statistics_book(s, chart);
    ASSERT_EQ(book.sheets.size(), 1u) << code;
    EXPECT_EQ(book.sheets[0].name, all.sheets[i].name);
    EXPECT_EQ(book.sheets[0].rows, all.sheets[i].rows);
  }
  EXPECT_EQ(statistics_file_name(2026, StatisticsChart::Units),
            "Thống kê khen thưởng theo tổ năm 2026.xlsx");
  EXPECT_EQ(statistics_file_name(2026, StatisticsChart::Awards),
            "Thống kê khen thưởng theo hình thức năm 2026.xlsx");
  EXPECT_EQ(statistics_file_name(2026, StatisticsChart::Years),
            "Thống kê khen thưởng qua các năm.xlsx");
}

TEST(StatisticsTest, TheSchoolAsAWholeComesFirstThenItsUnits) {
  auto c = school();
  c.units.push_back({"truong", "Trường THCS Vĩnh Phong 1", "school", true});
  auto s = statistics({}, c, 2026);
  ASSERT_FALSE(s.by_unit.empty());
  EXPECT_EQ(s.by_unit[0].unit_id, "truong");
  EXPECT_EQ(s.by_unit[1].unit_id, "to-toan-tin") << "the units keep their order";
}

}  // namespace
}  // namespace thidua::nominations
