// The reminder schedule as arithmetic: offsets, local 08:00 against UTC, 30 October of each
// year, the dailies after the due date, the catch-up window, the year's end.
#include <gtest/gtest.h>

#include "core/errors.hpp"
#include "reports/domain/deadline.hpp"
#include "reports/domain/schedule.hpp"

namespace thidua::reports {
namespace {
using namespace std::chrono;

Instant utc(int y, int mo, int d, int h, int mi = 0) {
  return sys_days{year{y} / month{static_cast<unsigned>(mo)} / day{static_cast<unsigned>(d)}} +
         hours(h) + minutes(mi);
}

TEST(PlanOccurrence, OffsetsFallAtEightInTheMorningVietnamTimeWhichIsOneUtc) {
  auto plan = plan_occurrence("bao-cao-nam", {2027, 10, 30}, ReminderPolicy{});
  ASSERT_EQ(plan.size(), 6u + 10u);
  std::vector<int> before;
  for (const auto& r : plan) before.push_back(r.days_before);
  EXPECT_EQ(std::vector<int>(before.begin(), before.begin() + 6),
            (std::vector<int>{30, 14, 7, 3, 1, 0}));
  EXPECT_EQ(plan[0].at, utc(2027, 9, 30, 1));   // T-30: 30/09 08:00 +07
  EXPECT_EQ(plan[2].at, utc(2027, 10, 23, 1));  // T-7
  EXPECT_EQ(plan[5].at, utc(2027, 10, 30, 1));  // the day itself
  EXPECT_EQ(plan[6].days_before, -1);           // first daily after it
  EXPECT_EQ(plan[6].at, utc(2027, 10, 31, 1));
  EXPECT_EQ(plan.back().days_before, -10);
  EXPECT_EQ(plan.back().at, utc(2027, 11, 9, 1));
  for (std::size_t i = 1; i < plan.size(); ++i) EXPECT_LT(plan[i - 1].at, plan[i].at);
}

TEST(PlanOccurrence, EarlyLocalTimeFallsOnThePreviousUtcDay) {
  ReminderPolicy p;
  p.offsets_days = {1};
  p.overdue_days = 0;
  p.set_time("06:30", "X");
  auto plan = plan_occurrence("d", {2027, 10, 30}, p);
  ASSERT_EQ(plan.size(), 1u);
  EXPECT_EQ(plan[0].at, utc(2027, 10, 28, 23, 30));  // 29/10 06:30 in Vietnam
  EXPECT_EQ(local_date(plan[0].at), (LocalDate{2027, 10, 29}));
}

TEST(PlanOccurrence, KeysAreStablePerDeadlineOccurrenceAndOffset) {
  auto plan = plan_occurrence("bao-cao-nam", {2027, 10, 30}, ReminderPolicy{});
  EXPECT_EQ(plan[2].key(), "reports:bao-cao-nam:2027-10-30:before-7");
  EXPECT_EQ(plan[5].key(), "reports:bao-cao-nam:2027-10-30:day");
  EXPECT_EQ(plan[7].key(), "reports:bao-cao-nam:2027-10-30:after-2");
  EXPECT_EQ(plan_occurrence("bao-cao-nam", {2027, 10, 30}, ReminderPolicy{})[2].key(),
            plan[2].key());
}

TEST(PlanOccurrence, RunsAcrossTheThirtyFirstOfDecember) {
  ReminderPolicy p;
  p.offsets_days = {14, 3, 0};
  p.overdue_days = 3;
  auto plan = plan_occurrence("once", {2028, 1, 2}, p);
  ASSERT_EQ(plan.size(), 6u);
  EXPECT_EQ(local_date(plan[0].at), (LocalDate{2027, 12, 19}));
  EXPECT_EQ(local_date(plan[1].at), (LocalDate{2027, 12, 30}));
  EXPECT_EQ(local_date(plan[2].at), (LocalDate{2028, 1, 2}));
  EXPECT_EQ(local_date(plan[5].at), (LocalDate{2028, 1, 5}));
  // An occurrence on 31 December has its dailies in the new year.
  auto late = plan_occurrence("d", {2027, 12, 31}, p);
  EXPECT_EQ(local_date(late[3].at), (LocalDate{2028, 1, 1}));
  EXPECT_EQ(late[3].key(), "reports:d:2027-12-31:after-1");
}

TEST(PlanOccurrence, RepeatedOffsetsCountOnce) {
  ReminderPolicy p;
  p.offsets_days = {7, 7, 0, 1};
  p.overdue_days = 0;
  auto plan = plan_occurrence("d", {2027, 10, 30}, p);
  ASSERT_EQ(plan.size(), 3u);
  EXPECT_EQ(plan[0].days_before, 7);
  EXPECT_EQ(plan[2].days_before, 0);
}

TEST(Occurrences, ThirtiethOfOctoberOfEachYearOfTheMovement) {
  auto d = yearly_report_deadline();
  auto all = occurrences_between(d, {2024, 1, 1}, {2031, 12, 31});
  ASSERT_EQ(all.size(), 6u);
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i], (LocalDate{2025 + static_cast<int>(i), 10, 30}));
  }
  auto next = next_occurrences(d, {2027, 10, 31}, 2);
  ASSERT_EQ(next.size(), 2u);
  EXPECT_EQ(next[0].due, (LocalDate{2028, 10, 30}));
  EXPECT_EQ(next[1].due, (LocalDate{2029, 10, 30}));
  EXPECT_EQ(next_occurrences(d, {2030, 10, 31}, 3).size(), 0u);
}

TEST(Occurrences, OnceAndUnitsDueRules) {
  Deadline once = yearly_report_deadline();
  once.rule = RuleKind::Once;
  once.once = {2026, 5, 31};
  EXPECT_EQ(occurrences_between(once, {2026, 1, 1}, {2026, 12, 31}).size(), 1u);
  EXPECT_TRUE(occurrences_between(once, {2027, 1, 1}, {2027, 12, 31}).empty());
  Deadline units = yearly_report_deadline();
  units.rule = RuleKind::UnitsDue;
  auto due = occurrences_between(units, {2026, 1, 1}, {2026, 12, 31}, UnitDueDay{10, 20});
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0], (LocalDate{2026, 10, 20}));
  EXPECT_EQ(unit_due_date({2026, 10, 30}, UnitDueDay{10, 20}), (LocalDate{2026, 10, 20}));
  // Never later than the deadline it feeds.
  EXPECT_EQ(unit_due_date({2026, 10, 30}, UnitDueDay{11, 5}), (LocalDate{2026, 10, 30}));
}

TEST(Occurrences, RelevantWindowCoversOffsetsAndDailies) {
  ReminderPolicy p;  // 30 days ahead, 10 dailies after
  EXPECT_EQ(earliest_relevant_due({2027, 11, 9}, p), (LocalDate{2027, 10, 29}));
  EXPECT_EQ(latest_relevant_due({2027, 9, 30}, p), (LocalDate{2027, 10, 31}));
  // A year whose occurrence is far away: nothing owed, nothing planned this week.
  auto d = yearly_report_deadline();
  EXPECT_TRUE(occurrences_between(d, earliest_relevant_due({2027, 3, 1}, p),
                                  latest_relevant_due({2027, 3, 1}, p))
                  .empty());
}

TEST(Decide, WaitsSendsCatchesUpAndSkips) {
  ReminderPolicy p;  // catch-up 12 h
  auto plan = plan_occurrence("d", {2027, 10, 30}, p);
  const auto& t1 = plan[4];  // T-1: 29/10 08:00 +07
  ASSERT_EQ(t1.days_before, 1);
  EXPECT_EQ(decide(t1, t1.at - seconds(1), p, false), Verdict::Wait);
  EXPECT_EQ(decide(t1, t1.at, p, false), Verdict::Send);
  EXPECT_EQ(decide(t1, t1.at + hours(2), p, false), Verdict::Send);   // catch-up
  EXPECT_EQ(decide(t1, t1.at + hours(12), p, false), Verdict::Send);  // the window's edge
  EXPECT_EQ(decide(t1, t1.at + hours(12) + seconds(1), p, false), Verdict::Stale);
  EXPECT_EQ(decide(t1, t1.at + hours(48), p, true), Verdict::Stale);
  EXPECT_EQ(decide(t1, t1.at + hours(1), p, true), Verdict::Superseded);
  p.catchup = minutes(0);
  EXPECT_EQ(decide(t1, t1.at + seconds(1), p, false), Verdict::Stale);
}

TEST(Policy, TimeOfDayIsCheckedAsASetting) {
  ReminderPolicy p;
  p.set_time("17:45", "THIDUA_REMINDER_TIME");
  EXPECT_EQ(p.hour, 17);
  EXPECT_EQ(p.minute, 45);
  for (const char* bad : {"8:00", "24:00", "08:60", "08-00", "08:00x", ""}) {
    EXPECT_THROW(p.set_time(bad, "THIDUA_REMINDER_TIME"), ConfigError) << bad;
  }
  EXPECT_EQ(UnitDueDay::parse("10-20", "X").day, 20);
  EXPECT_THROW(UnitDueDay::parse("02-30", "X"), ConfigError);
  EXPECT_THROW(UnitDueDay::parse("1020", "X"), ConfigError);
}

}  // namespace
}  // namespace thidua::reports
