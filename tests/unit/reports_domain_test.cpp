#include <gtest/gtest.h>

#include "reports/domain/deadline.hpp"

namespace thidua::reports {
namespace {

TEST(NextOccurrence, BeforeOnAndAfterThirtiethOfOctober) {
  auto d = yearly_report_deadline();
  auto before = next_occurrence(d, {2026, 10, 29});
  ASSERT_TRUE(before);
  EXPECT_EQ(before->due, (LocalDate{2026, 10, 30}));
  EXPECT_EQ(before->days_left, 1);

  auto on = next_occurrence(d, {2026, 10, 30});
  ASSERT_TRUE(on);
  EXPECT_EQ(on->due, (LocalDate{2026, 10, 30}));
  EXPECT_EQ(on->days_left, 0);  // a report sent on the day is on time

  auto after = next_occurrence(d, {2026, 10, 31});
  ASSERT_TRUE(after);
  EXPECT_EQ(after->due, (LocalDate{2027, 10, 30}));
  EXPECT_EQ(after->days_left, 364);
}

TEST(NextOccurrence, CountsDaysAcrossTheYearEndAndLeapDay) {
  auto d = yearly_report_deadline();
  auto o = next_occurrence(d, {2027, 12, 31});
  ASSERT_TRUE(o);
  EXPECT_EQ(o->due, (LocalDate{2028, 10, 30}));
  EXPECT_EQ(o->days_left, 304);  // 2028 has 29 February
  o = next_occurrence(d, {2026, 1, 1});
  ASSERT_TRUE(o);
  EXPECT_EQ(o->days_left, 302);
}

TEST(NextOccurrence, BeforeTheMovementStartsTheFirstYearCounts) {
  auto o = next_occurrence(yearly_report_deadline(), {2024, 12, 1});
  ASSERT_TRUE(o);
  EXPECT_EQ(o->due, (LocalDate{2025, 10, 30}));
}

TEST(NextOccurrence, NoneOnceTheMovementHasEnded) {
  auto d = yearly_report_deadline();
  auto last = next_occurrence(d, {2030, 10, 30});
  ASSERT_TRUE(last);
  EXPECT_EQ(last->days_left, 0);
  EXPECT_FALSE(next_occurrence(d, {2030, 10, 31}));
  EXPECT_FALSE(next_occurrence(d, {2031, 1, 1}));
  EXPECT_FALSE(next_occurrence(d, {2099, 10, 1}));
}

TEST(NextOccurrence, DayThatOnlySomeYearsHaveIsSkippedInTheOthers) {
  YearlyDeadline leap{"leap", "Leap day", "", 2, 29, 2025, 2030};
  auto o = next_occurrence(leap, {2026, 3, 1});
  ASSERT_TRUE(o);
  EXPECT_EQ(o->due, (LocalDate{2028, 2, 29}));
  EXPECT_FALSE(next_occurrence(leap, {2028, 3, 1}));
}

TEST(YearlyReportDeadline, IsTheSeedPlansDeadline) {
  auto d = yearly_report_deadline();
  EXPECT_EQ(d.month, 10);
  EXPECT_EQ(d.day, 30);
  EXPECT_EQ(d.first_year, 2025);
  EXPECT_EQ(d.last_year, 2030);
  EXPECT_NE(d.recipient.find("UBND xã"), std::string::npos);
}

}  // namespace
}  // namespace thidua::reports
