// The reminder before a round closes (issue 14): when it is due and under which key. Pure
// rule, dates pinned.
#include "nominations/domain/round_reminder.hpp"

#include <gtest/gtest.h>

namespace thidua::nominations {
namespace {

Round closing_on(LocalDate opens, LocalDate closes) {
  Round r;
  r.id = "xet-2026";
  r.period_id = "2026";
  r.name = "Đợt xét khen thưởng năm 2026";
  r.opens = opens;
  r.closes = closes;
  return r;
}

TEST(RoundReminderTest, DueFromNDaysBeforeTheLastDayUntilIt) {
  auto r = closing_on({2026, 11, 1}, {2026, 12, 31});
  EXPECT_EQ(round_reminder_due(r, {2026, 12, 27}, 3), std::nullopt);
  auto first = round_reminder_due(r, {2026, 12, 28}, 3);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->days_left, 3);
  EXPECT_EQ(first->key, "xet-2026:2026-12-31");
  // A service down on the day catches up later in the window, with the same key.
  auto late = round_reminder_due(r, {2026, 12, 31}, 3);
  ASSERT_TRUE(late);
  EXPECT_EQ(late->days_left, 0);
  EXPECT_EQ(late->key, first->key);
  // Closed: too late to act on.
  EXPECT_EQ(round_reminder_due(r, {2027, 1, 1}, 3), std::nullopt);
}

TEST(RoundReminderTest, ARoundNotYetOpenIsNotRemindedOfAndAMovedLastDayIsAnotherReminder) {
  auto short_round = closing_on({2026, 12, 30}, {2026, 12, 31});
  EXPECT_EQ(round_reminder_due(short_round, {2026, 12, 29}, 3), std::nullopt);
  auto opening_day = round_reminder_due(short_round, {2026, 12, 30}, 3);
  ASSERT_TRUE(opening_day);
  EXPECT_EQ(opening_day->days_left, 1);
  auto extended = closing_on({2026, 11, 1}, {2027, 1, 15});
  auto again = round_reminder_due(extended, {2027, 1, 12}, 3);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->key, "xet-2026:2027-01-15");
}

TEST(RoundReminderTest, ZeroDaysMeansTheLastDayAndOffMeansNever) {
  auto r = closing_on({2026, 11, 1}, {2026, 12, 31});
  EXPECT_EQ(round_reminder_due(r, {2026, 12, 30}, 0), std::nullopt);
  EXPECT_TRUE(round_reminder_due(r, {2026, 12, 31}, 0));
  EXPECT_EQ(round_reminder_due(r, {2026, 12, 31}, kRoundReminderOff), std::nullopt);
}

}  // namespace
}  // namespace thidua::nominations
