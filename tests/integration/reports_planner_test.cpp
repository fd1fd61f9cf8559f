// The reminder planner (reports_planner_fixture.hpp): the group's reminders of the yearly
// report, lease and catch-up, and what a year with nothing due plans.
#include <gtest/gtest.h>

#include "reports_planner_fixture.hpp"

namespace thidua::reports::planner_test {
namespace {

TEST_F(PlannerTest, AtTMinus7TwoReplicasPostOneReminderNamingTheUnitsStillOwing) {
  submit("to-toan-tin", reminder_time(10));
  clock_.set(reminder_time(7, seconds(5)));
  EXPECT_EQ(tick(*replica_a_) + tick(*replica_b_), 1);
  ASSERT_EQ(poster_.messages.size(), 1u);
  const auto& [key, text] = poster_.messages[0];
  EXPECT_EQ(key, "reports:bao-cao-nam:2027-10-30:before-7");
  EXPECT_NE(text.find("Tổ Ngữ văn, Tổ Văn phòng"), std::string::npos) << text;
  EXPECT_EQ(text.find("Toán"), std::string::npos) << text;
  EXPECT_NE(text.find("còn 7 ngày"), std::string::npos) << text;

  // Even with the lease gone (its holder crashed), the other replica does not post again.
  server_.cmd({"DEL", "{test-school}:reports:planner:lease"});
  EXPECT_EQ(tick(*replica_b_), 0);
  EXPECT_EQ(poster_.messages.size(), 1u);
  auto entry = plan_entry("T-7");
  EXPECT_EQ(entry["state"], "sent");
  EXPECT_EQ(entry["notification_id"], "n-1");
}

TEST_F(PlannerTest, AUnitThatSubmitsIsNoLongerNamedAtTMinus3) {
  clock_.set(reminder_time(7, seconds(5)));
  tick(*replica_a_);
  ASSERT_EQ(poster_.messages.size(), 1u);
  EXPECT_NE(poster_.messages[0].second.find("Tổ Toán – Tin"), std::string::npos);
  submit("to-toan-tin", reminder_time(5));
  clock_.set(reminder_time(3, seconds(5)));
  tick(*replica_a_);
  ASSERT_EQ(poster_.messages.size(), 2u);
  const auto& text = poster_.messages[1].second;
  EXPECT_EQ(text.find("Tổ Toán – Tin"), std::string::npos) << text;
  EXPECT_NE(text.find("Tổ Ngữ văn, Tổ Văn phòng"), std::string::npos) << text;
}

TEST_F(PlannerTest, DownAcrossTMinus1AndBackTwoHoursLaterCatchesUpOnce) {
  clock_.set(reminder_time(3, seconds(5)));
  tick(*replica_a_);
  ASSERT_EQ(poster_.messages.size(), 1u);
  clock_.set(reminder_time(1, hours(2)));
  EXPECT_EQ(tick(*replica_a_), 1);
  EXPECT_EQ(tick(*replica_a_), 0);
  ASSERT_EQ(poster_.messages.size(), 2u);
  EXPECT_EQ(poster_.messages[1].first, "reports:bao-cao-nam:2027-10-30:before-1");
  EXPECT_NE(poster_.messages[1].second.find("còn 1 ngày"), std::string::npos);
}

TEST_F(PlannerTest, DownTwoDaysRecordsWhatWasMissedAndWhy) {
  clock_.set(reminder_time(3, seconds(5)));
  tick(*replica_a_);
  // Back on 31/10 at 07:00: T-1 (47 h ago) and the day itself (23 h ago) are both stale.
  clock_.set(reminder_time(1, hours(47)));
  EXPECT_EQ(tick(*replica_a_), 0);
  EXPECT_EQ(poster_.messages.size(), 1u);
  for (const char* offset : {"T-1", "T0"}) {
    auto entry = plan_entry(offset);
    EXPECT_EQ(entry["state"], "missed") << offset;
    EXPECT_EQ(entry["reason"], "stale") << offset;
    EXPECT_FALSE(entry["recorded_at"].is_null()) << "recorded when the service came back";
  }
  EXPECT_EQ(plan_entry("T+1")["state"], "planned");
  // The first daily after the deadline is overdue and addressed to the board as well.
  clock_.set(reminder_time(-1, minutes(1)));
  EXPECT_EQ(tick(*replica_a_), 1);
  EXPECT_NE(poster_.messages.back().second.find("QUÁ HẠN 1 ngày"), std::string::npos);
  EXPECT_NE(poster_.messages.back().second.find("Ban giám hiệu"), std::string::npos);
}

TEST_F(PlannerTest, WhenEveryoneHasSubmittedTheDailiesStop) {
  for (const char* unit : {"to-toan-tin", "to-ngu-van", "to-van-phong"}) {
    submit(unit, reminder_time(20));
  }
  // 17/10: three days before the units' own due date (20/10), their reminder.
  clock_.set(reminder_time(13, seconds(5)));
  EXPECT_EQ(tick(*replica_a_), 1);  // "say" by default
  EXPECT_NE(poster_.messages[0].second.find("Tất cả các đơn vị đã nộp"), std::string::npos);
  clock_.set(reminder_time(-1, seconds(5)));
  EXPECT_EQ(tick(*replica_a_), 0);
  auto entry = plan_entry("T+1");
  EXPECT_EQ(entry["state"], "skipped");
  EXPECT_EQ(entry["reason"], "nothing_owed");
}

TEST_F(PlannerTest, AYearWithNothingDueThisWeekPlansButSendsNothing) {
  clock_.set(local_time({2027, 3, 1}, 8, 0));
  EXPECT_EQ(tick(*replica_a_), 0);
  EXPECT_TRUE(poster_.messages.empty());
  auto plan =
      runner_.run<json>([&]() -> Task<json> { co_return co_await plan_json(*replica_a_, 2027); });
  // The units' own series (20/10: six offsets, then nine dailies up to 29/10) and the
  // deadline's after the units' date (T-7, T-3, T-1, the day, ten dailies).
  ASSERT_EQ(plan["reminders"].size(), 6u + 9u + 4u + 10u);
  for (const auto& r : plan["reminders"]) EXPECT_EQ(r["state"], "planned") << r.dump();
  EXPECT_EQ(plan["reminders"][0]["key"], "reports:bao-cao-nam:2027-10-20:units:before-30");
  EXPECT_EQ(plan["reminders"][0]["at_local"], "20/09/2027 08:00");
  auto t7 = plan_entry("T-7");
  EXPECT_EQ(t7["at_local"], "23/10/2027 08:00");
  EXPECT_EQ(t7["at"], "2027-10-23T01:00:00Z");
}

}  // namespace
}  // namespace thidua::reports::planner_test
