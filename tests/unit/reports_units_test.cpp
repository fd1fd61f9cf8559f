// Deactivated units in the yearly report (issue 14): a unit the school no longer has owes
// nothing (never missing, never reminded), and its part of a year it did submit stays listed.
#include <gtest/gtest.h>

#include "reports/domain/school_report.hpp"

namespace thidua::reports {
namespace {

std::vector<std::string> ids(const std::vector<UnitInfo>& units) {
  std::vector<std::string> out;
  for (const auto& u : units) out.push_back(u.id);
  return out;
}

const std::vector<UnitInfo> kUnits = {
    {"truong", "Trường THCS Vĩnh Phong 1", "school"},
    {"to-toan-tin", "Tổ Toán – Tin", "subject_group"},
    {"to-ngoai-ngu", "Tổ Ngoại ngữ", "subject_group", false},
    {"to-khxh", "Tổ Khoa học xã hội", "subject_group", false},
    {"to-van-phong", "Tổ Văn phòng", "office"},
};

TEST(ReportUnits, AnInactiveUnitWritesButOwesNothing) {
  EXPECT_TRUE(owes_yearly_part(kUnits[1]));
  EXPECT_FALSE(owes_yearly_part(kUnits[2]));
  EXPECT_TRUE(writes_yearly_part(kUnits[2]));
  EXPECT_FALSE(owes_yearly_part(kUnits[0]));
  EXPECT_FALSE(writes_yearly_part(kUnits[0]));
}

TEST(ReportUnits, TheYearListsOwingUnitsAndInactiveOnesOnlyWithTheirSubmittedPart) {
  using V = std::vector<std::string>;
  EXPECT_EQ(ids(units_of_year(kUnits, {})), (V{"to-toan-tin", "to-van-phong"}));
  // Submitted before it was deactivated: kept, in catalogue order.
  EXPECT_EQ(ids(units_of_year(kUnits, {"to-khxh", "to-toan-tin"})),
            (V{"to-toan-tin", "to-khxh", "to-van-phong"}));
  // The school itself never writes a unit's part, submitted or not.
  EXPECT_EQ(ids(units_of_year(kUnits, {"truong"})), (V{"to-toan-tin", "to-van-phong"}));
}

}  // namespace
}  // namespace thidua::reports
