// The reminder planner (reports_planner_fixture.hpp), issue 13: the private reminders to the
// leaders of the units that still owe, the audiences, and what a failure half-way leaves.
#include <gtest/gtest.h>

#include "reports_planner_fixture.hpp"

namespace thidua::reports::planner_test {
namespace {

TEST_F(PlannerTest, BothTellTheGroupAndEachOwingUnitsLinkedLeaderOnce) {
  with_leaders(directory_);
  submit("to-toan-tin", units_time(10));
  clock_.set(units_time(7, seconds(5)));
  EXPECT_EQ(tick(*replica_a_) + tick(*replica_b_), 1);
  const std::string key = "reports:bao-cao-nam:2027-10-20:units:before-7";
  EXPECT_EQ(poster_.recipients, (std::vector<std::string>{"group", "gv-hoa", "nv-lan"}));
  EXPECT_NE(text_for(poster_, key).find("Tổ Ngữ văn, Tổ Văn phòng"), std::string::npos);
  auto hoa = text_for(poster_, key + ":gv-hoa");
  EXPECT_EQ(hoa.rfind("Kính gửi cô Nguyễn Thị Hoa,\nTổ Ngữ văn chưa nộp phần báo cáo", 0), 0u)
      << hoa;
  EXPECT_NE(hoa.find("Hạn chót: 20/10/2027, còn 7 ngày."), std::string::npos) << hoa;
  EXPECT_NE(hoa.find("Cô soạn và nộp phần của tổ trên trang thi đua của trường: "
                     "https://thidua.example.edu.vn/admin/"),
            std::string::npos)
      << hoa;
  EXPECT_NE(hoa.find("cô gõ /tatnhac"), std::string::npos) << hoa;
  EXPECT_EQ(hoa.find("Tổ Văn phòng"), std::string::npos) << "only her own unit: " << hoa;
  // The record does not say Lan's gender: "thầy cô".
  EXPECT_EQ(text_for(poster_, key + ":nv-lan").rfind("Kính gửi thầy cô Võ Thị Lan,", 0), 0u);

  auto entry = plan_entry("T-7", "units");
  EXPECT_EQ(entry["state"], "sent");
  EXPECT_EQ(entry["notification_id"], "n-1");
  ASSERT_EQ(entry["deliveries"].size(), 4u) << entry.dump();
  EXPECT_EQ(delivery_to(entry, "group")["outcome"], "sent");
  EXPECT_EQ(delivery_to(entry, "gv-hoa"), json({{"to", "gv-hoa"},
                                                {"unit_id", "to-ngu-van"},
                                                {"outcome", "sent"},
                                                {"notification_id", "n-2"}}));
  EXPECT_EQ(delivery_to(entry, "gv-nam")["outcome"], "not_linked");
  EXPECT_TRUE(delivery_to(entry, "gv-toan").is_null()) << "his unit has submitted";

  // Lease gone (its holder crashed): nothing goes out twice.
  server_.cmd({"DEL", "{test-school}:reports:planner:lease"});
  EXPECT_EQ(tick(*replica_b_), 0);
  EXPECT_EQ(poster_.messages.size(), 3u);
}

TEST_F(PlannerTest, GroupOnlyAndPrivateOnly) {
  with_leaders(directory_);
  auto group_only = make_planner("replica-g", ReminderAudience::Group);
  clock_.set(units_time(7, seconds(5)));
  EXPECT_EQ(tick(*group_only), 1);
  EXPECT_EQ(poster_.recipients, (std::vector<std::string>{"group"}));

  auto private_only = make_planner("replica-p", ReminderAudience::Private);
  server_.cmd({"DEL", "{test-school}:reports:planner:lease"});
  clock_.set(units_time(3, seconds(5)));
  EXPECT_EQ(tick(*private_only), 1);
  EXPECT_EQ(poster_.recipients, (std::vector<std::string>{"group", "gv-toan", "gv-hoa", "nv-lan"}));
  auto entry = plan_entry("T-3", "units");
  EXPECT_EQ(entry["state"], "sent");
  EXPECT_TRUE(entry["notification_id"].is_null()) << "no group message";
  EXPECT_TRUE(delivery_to(entry, "group").is_null());

  // Overdue, private only: the leaders hear it is overdue.
  server_.cmd({"DEL", "{test-school}:reports:planner:lease"});
  clock_.set(units_time(-2, seconds(5)));
  EXPECT_EQ(tick(*private_only), 1);
  auto overdue = text_for(poster_, "reports:bao-cao-nam:2027-10-20:units:after-2:gv-hoa");
  EXPECT_NE(overdue.find("Hạn chót: 20/10/2027, đã quá hạn 2 ngày."), std::string::npos) << overdue;
}

TEST_F(PlannerTest, PrivateOnlyWithNobodyToWriteToIsSkippedAndSaysWhy) {
  directory_.staff = {{"gv-nam", "Phạm Văn Nam", "to-ngu-van", "leader", "male", false}};
  auto private_only = make_planner("replica-p", ReminderAudience::Private);
  clock_.set(units_time(7, seconds(5)));
  EXPECT_EQ(tick(*private_only), 0);
  EXPECT_TRUE(poster_.messages.empty());
  auto entry = plan_entry("T-7", "units");
  EXPECT_EQ(entry["state"], "skipped");
  EXPECT_EQ(entry["reason"], "no_recipient");
  EXPECT_EQ(delivery_to(entry, "gv-nam")["outcome"], "not_linked");
}

// Notifications withholds a reminder from someone who said /tatnhac, and answers so; a
// leader who unlinked a moment ago is refused: both are recorded, neither is an error.
TEST_F(PlannerTest, RemindersOffAndUnlinkedAreRecordedNotFailed) {
  with_leaders(directory_);
  poster_.reminders_off = {"gv-hoa"};
  poster_.unlinked = {"nv-lan"};
  clock_.set(units_time(7, seconds(5)));
  EXPECT_EQ(tick(*replica_a_), 1);
  EXPECT_EQ(poster_.recipients, (std::vector<std::string>{"group", "gv-toan"}));
  auto entry = plan_entry("T-7", "units");
  EXPECT_EQ(entry["state"], "sent");
  EXPECT_EQ(delivery_to(entry, "gv-hoa")["outcome"], "reminders_off");
  EXPECT_EQ(delivery_to(entry, "nv-lan")["outcome"], "not_linked");
  EXPECT_TRUE(entry["last_error"].is_null());
}

// A failure half-way (the group's message queued, a leader's not): the retry posts only what
// is still to do, and nothing reaches anyone twice.
TEST_F(PlannerTest, ARetryAfterAFailureHalfWaySendsOnlyWhatIsLeft) {
  with_leaders(directory_);
  poster_.fail_next["nv-lan"] = 1;
  clock_.set(units_time(7, seconds(5)));
  EXPECT_EQ(tick(*replica_a_), 0);
  auto entry = plan_entry("T-7", "units");
  EXPECT_EQ(entry["state"], "due");  // its time has passed: being sent, never "planned"
  EXPECT_EQ(entry["last_error"], "timeout");
  EXPECT_EQ(entry["deliveries"].size(), 3u) << entry.dump();  // group, gv-toan, gv-hoa

  clock_.set(units_time(7, seconds(40)));
  EXPECT_EQ(tick(*replica_a_), 1);
  EXPECT_EQ(poster_.recipients, (std::vector<std::string>{"group", "gv-toan", "gv-hoa", "nv-lan"}));
  EXPECT_EQ(poster_.calls["group"], 1);
  EXPECT_EQ(poster_.calls["gv-hoa"], 1);
  EXPECT_EQ(poster_.calls["nv-lan"], 2);
  entry = plan_entry("T-7", "units");
  EXPECT_EQ(entry["state"], "sent");
  EXPECT_EQ(entry["deliveries"].size(), 5u) << entry.dump();

  // A crash between posting and recording: the record is lost, the keys are not. Every
  // message is posted again with its own key, and the outbox queues none of them twice.
  server_.cmd(
      {"DEL", "{test-school}:reports:reminder:reports:bao-cao-nam:2027-10-20:units:before-7"});
  EXPECT_EQ(tick(*replica_a_), 1);
  EXPECT_EQ(poster_.messages.size(), 4u);
  EXPECT_EQ(poster_.calls["gv-hoa"], 2);
  EXPECT_EQ(plan_entry("T-7", "units")["notification_id"], "n-1");
}

// The group's message went out, a leader's never could, and the catch-up window closed: the
// reminder was sent (to those its deliveries name), not "skipped".
TEST_F(PlannerTest, APartlySentReminderWhoseRetriesRunOutIsRecordedSent) {
  with_leaders(directory_);
  poster_.fail_next["gv-hoa"] = 1000;
  clock_.set(units_time(7, seconds(5)));
  EXPECT_EQ(tick(*replica_a_), 0);
  clock_.set(units_time(7, hours(13)));
  EXPECT_EQ(tick(*replica_a_), 1);
  auto entry = plan_entry("T-7", "units");
  EXPECT_EQ(entry["state"], "sent");
  EXPECT_EQ(entry["notification_id"], "n-1");
  EXPECT_TRUE(delivery_to(entry, "gv-hoa").is_null());
}

// The units' day-of reminder, whose group message went out before a failure, then every unit
// submits: nothing is owed any more, but what went out did; it is recorded sent.
TEST_F(PlannerTest, APartlySentReminderIsRecordedSentWhenNothingIsOwedAnyMore) {
  with_leaders(directory_);
  poster_.fail_next["gv-toan"] = 1;
  clock_.set(units_time(0, seconds(5)));
  EXPECT_EQ(tick(*replica_a_), 0);
  EXPECT_EQ(poster_.recipients, std::vector<std::string>{"group"});
  for (const char* unit : {"to-toan-tin", "to-ngu-van", "to-van-phong"}) {
    submit(unit, units_time(0, minutes(2)));
  }
  clock_.set(units_time(0, minutes(3)));
  EXPECT_EQ(tick(*replica_a_), 1);
  EXPECT_EQ(poster_.recipients, std::vector<std::string>{"group"});
  auto entry = plan_entry("T0", "units");
  EXPECT_EQ(entry["state"], "sent");
  EXPECT_EQ(entry["notification_id"], "n-1");
}

}  // namespace
}  // namespace thidua::reports::planner_test
