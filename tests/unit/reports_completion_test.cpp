// Issue 14, as pure functions: each deadline has its own completion, and the plan says of
// every reminder whose time has passed whether it was sent, skipped (and why) or missed.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "reports/api/contribution_json.hpp"
#include "reports/api/deadline_json.hpp"
#include "reports/domain/completion.hpp"
#include "reports/domain/contribution_patch.hpp"
#include "reports/domain/reminder_audience.hpp"
#include "reports/domain/reminder_text.hpp"
#include "reports/domain/schedule.hpp"

namespace thidua::reports {
namespace {
using namespace std::chrono;

// The digital-transformation self-assessment (QĐ 4725/QĐ-BGDĐT), due by 31 May: the
// school's own.
Deadline self_assessment() {
  Deadline d;
  d.id = "tu-danh-gia-cds";
  d.name = "Tự đánh giá mức độ chuyển đổi số";
  d.recipient = "Sở Giáo dục và Đào tạo";
  d.month = 5;
  d.day = 31;
  d.owed_by = Owner::School;
  return d;
}

SentMark yearly_sent() {
  return SentMark{{2027, 10, 28}, "25/BC-THCSVP1", "bgh", "2027-10-28T03:00:00Z", "2027-bc-01"};
}

TEST(Completion, TheYearlyReportSentDoesNotCompleteAnotherDeadline) {
  // The bug: "Nhà trường đã gửi báo cáo. Cảm ơn!" for 31 May, read from the yearly report.
  EXPECT_FALSE(completion_of(self_assessment(), std::nullopt, yearly_sent()));
  DoneMark mark{{2027, 5, 28}, "", "Đã nộp trên hệ thống của Sở", "bgh", "t", "mark"};
  auto done = completion_of(self_assessment(), mark, std::nullopt);
  ASSERT_TRUE(done);
  EXPECT_EQ(done->done_on, (LocalDate{2027, 5, 28}));
  EXPECT_EQ(done->via, "mark");
}

TEST(Completion, ADeadlineTiedToTheYearlyReportIsDoneWhenItIsSent) {
  Deadline d = yearly_report_deadline();
  d.owed_by = Owner::School;
  d.document = "yearly_report";
  EXPECT_FALSE(completion_of(d, std::nullopt, std::nullopt));
  auto done = completion_of(d, std::nullopt, yearly_sent());
  ASSERT_TRUE(done);
  EXPECT_EQ(done->via, "yearly_report");
  EXPECT_EQ(done->number, "25/BC-THCSVP1");
  // A units' deadline is done by the units' parts, never by a mark.
  EXPECT_FALSE(completion_of(yearly_report_deadline(), DoneMark{}, yearly_sent()));
}

TEST(Completion, TheBoardMarksOnlyAnOccurrenceOfTheSchoolsOwnDeadlineNotInTheFuture) {
  LocalDate today{2027, 5, 29};
  EXPECT_NO_THROW(check_done_mark(self_assessment(), {2027, 5, 31}, {2027, 5, 28}, today));
  auto code = [&](const Deadline& d, LocalDate due, LocalDate on) {
    try {
      check_done_mark(d, due, on, today);
    } catch (const ApiError& e) {
      return e.code() + " " + std::to_string(e.status());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(code(yearly_report_deadline(), {2027, 10, 30}, {2027, 5, 28}), "done_by_units 422");
  EXPECT_EQ(code(self_assessment(), {2027, 5, 30}, {2027, 5, 28}), "no_such_occurrence 422");
  EXPECT_EQ(code(self_assessment(), {2031, 5, 31}, {2027, 5, 28}), "no_such_occurrence 422");
  EXPECT_EQ(code(self_assessment(), {2027, 5, 31}, {2027, 5, 30}), "date_in_future 422");
}

TEST(Completion, TheSchoolsReminderSpeaksOfThatDeadline) {
  ReminderContent c;
  c.deadline_name = "Tự đánh giá mức độ chuyển đổi số năm 2027";
  c.recipient = "Sở Giáo dục và Đào tạo";
  c.due = {2027, 5, 31};
  c.days_before = 7;
  c.owed_by_school = true;
  c.owing = {"Trường THCS Vĩnh Phong 1"};
  auto owes = reminder_text(c);
  EXPECT_NE(owes.find("Tự đánh giá mức độ chuyển đổi số năm 2027"), std::string::npos) << owes;
  EXPECT_NE(owes.find("chưa xong"), std::string::npos) << owes;
  EXPECT_EQ(owes.find("gửi báo cáo"), std::string::npos) << owes;
  c.owing.clear();
  c.done_on = {2027, 5, 28};
  auto done = reminder_text(c);
  EXPECT_NE(done.find("Nhà trường đã hoàn thành việc này ngày 28/05/2027. Cảm ơn!"),
            std::string::npos)
      << done;
}

// T-7 of 30/10/2027 falls at 23/10 01:00 UTC; the catch-up window is 12 hours.
PlannedReminder t7() {
  return plan_occurrence("bao-cao-nam", {2027, 10, 30}, ReminderPolicy{})[2];
}
Instant at(int day, int hour_utc) {
  return sys_days{year{2027} / October / static_cast<unsigned>(day)} + hours(hour_utc);
}

TEST(PlanStatus, AReminderWhoseTimeHasPassedIsNeverPlanned) {
  ReminderPolicy p;
  auto r = t7();
  auto name = [](PlanStatus s) { return std::string(plan_state_name(s.state)) + ":" + s.reason; };
  EXPECT_EQ(name(plan_status(r, "", "", at(22, 12), p, false)), "planned:");
  // Its time has come and the planner has not looked yet, or notifications is down: due.
  EXPECT_EQ(name(plan_status(r, "", "", at(23, 2), p, false)), "due:");
  EXPECT_EQ(name(plan_status(r, "failed", "", at(23, 5), p, false)), "due:");
  // Nothing recorded and the window over: the service was not running then.
  EXPECT_EQ(name(plan_status(r, "", "", at(24, 2), p, false)), "missed:stale");
  EXPECT_EQ(name(plan_status(r, "failed", "", at(24, 2), p, false)), "missed:stale");
  EXPECT_EQ(name(plan_status(r, "claimed", "", at(23, 3), p, true)), "missed:superseded");
  // What was recorded stands; records older than "missed" read as missed.
  EXPECT_EQ(name(plan_status(r, "sent", "", at(24, 2), p, false)), "sent:");
  EXPECT_EQ(name(plan_status(r, "skipped", "nothing_owed", at(24, 2), p, false)),
            "skipped:nothing_owed");
  EXPECT_EQ(name(plan_status(r, "skipped", "stale", at(24, 2), p, false)), "missed:stale");
  EXPECT_EQ(name(plan_status(r, "missed", "superseded", at(24, 2), p, false)), "missed:superseded");
}

// The units' own due date (20/10) has its own series, to the units; the deadline's (30/10)
// keeps only what comes after the units' date, for the board.
TEST(UnitsStage, TwoSeriesTheUnitsOwnFirst) {
  auto plan = plan_reminders("bao-cao-nam", {2027, 10, 30}, LocalDate{2027, 10, 20}, {});
  std::vector<std::string> units, board;
  for (const auto& r : plan) {
    (r.units_stage ? units : board).push_back(r.key().substr(std::string("reports:").size()));
    EXPECT_EQ(r.deadline_due, (LocalDate{2027, 10, 30}));
  }
  ASSERT_EQ(units.size(), 6u + 9u);  // its dailies stop before the deadline's day
  EXPECT_EQ(units.front(), "bao-cao-nam:2027-10-20:units:before-30");
  EXPECT_EQ(units[5], "bao-cao-nam:2027-10-20:units:day");
  EXPECT_EQ(units.back(), "bao-cao-nam:2027-10-20:units:after-9");
  ASSERT_EQ(board.size(), 4u + 10u);  // T-30 and T-14 fall before 20/10: the units' turn
  EXPECT_EQ(board.front(), "bao-cao-nam:2027-10-30:before-7");
  for (std::size_t i = 1; i < plan.size(); ++i) EXPECT_LE(plan[i - 1].at, plan[i].at);
  // A units' daily (23/10) and the board's T-7 (23/10) are each in their own series: one
  // does not supersede the other.
  Instant t7 = local_time({2027, 10, 23}, 8, 0);
  for (std::size_t i = 0; i < plan.size(); ++i) {
    if (plan[i].at == t7) {
      EXPECT_FALSE(later_in_series_due(plan, i, t7 + minutes(1)));
    }
  }
  // Without a units' date before the deadline: the one series as before.
  EXPECT_EQ(plan_reminders("d", {2027, 10, 30}, std::nullopt, {}).size(), 16u);
  EXPECT_EQ(plan_reminders("d", {2027, 10, 20}, LocalDate{2027, 10, 20}, {}).size(), 16u);
}

TEST(UnitsStage, WhoHearsEachStage) {
  ReminderSituation s;
  s.owing = {{"to-ngu-van", "Tổ Ngữ văn", "subject_group"}};
  s.staff = {{"gv-hoa", "Nguyễn Thị Hoa", "to-ngu-van", "leader", "female", true}};
  s.stage = ReminderStage::Units;  // up to the units' date: the group and the leaders
  auto r = route_reminder(s);
  EXPECT_TRUE(r.group);
  EXPECT_EQ(r.leaders.size(), 1u);
  s.overdue = true;  // after it: the leaders only
  r = route_reminder(s);
  EXPECT_FALSE(r.group);
  EXPECT_EQ(r.leaders.size(), 1u);
  s.audience = ReminderAudience::Group;
  EXPECT_EQ(route_reminder(s).skip, "group_only");
  s.audience = ReminderAudience::Both;
  s.stage = ReminderStage::Board;  // the deadline's, after the units' date: the group only
  r = route_reminder(s);
  EXPECT_TRUE(r.group);
  EXPECT_TRUE(r.leaders.empty());
}

TEST(UnitsStage, TheUnitsHearTheirOwnDateAndTheBoardTheLateOnes) {
  ReminderContent c;
  c.deadline_name = "Báo cáo năm 2027";
  c.recipient = "UBND xã";
  c.due = {2027, 10, 20};
  c.days_before = 7;
  c.owing = {"Tổ Ngữ văn"};
  c.school_due = {2027, 10, 30};
  auto units = reminder_text(c);
  EXPECT_NE(units.find("Hạn nộp: 20/10/2027 (còn 7 ngày)"), std::string::npos) << units;
  EXPECT_NE(units.find("trước 30/10/2027"), std::string::npos) << units;
  c.school_due = {};
  c.due = {2027, 10, 30};
  c.units_due = {2027, 10, 20};
  auto board = reminder_text(c);
  EXPECT_NE(board.find("Hạn chót: 30/10/2027 (còn 7 ngày)"), std::string::npos) << board;
  EXPECT_NE(board.find("đã quá hạn nộp 20/10/2027 (1): Tổ Ngữ văn."), std::string::npos) << board;
}

}  // namespace
}  // namespace thidua::reports

namespace thidua::reports {
namespace {

// Issue 14: correcting one content area once erased another area's figures (PUT replaced the
// whole part). A patch changes only what it names.
TEST(ContributionPatch, AnEditChangesOnlyWhatItNames) {
  Contribution stored = parse_contribution(
      nlohmann::json{
          {"narratives", {{"II.1", "Sinh hoạt chuyên môn về AI."}, {"II.4", "Bài giảng."}}},
          {"figures", {{"e_lessons", 12}, {"it_ai_stem_meetings", 3}}},
          {"difficulties", "Thiếu máy chiếu."}},
      "to-toan-tin", 2027, default_indicators());
  stored.submitted = true;
  stored.revision = 4;
  auto patch = parse_contribution_patch(
      nlohmann::json{{"narratives", {{"II.4", "Bài giảng điện tử, 14 bài."}, {"II.1", ""}}},
                     {"figures", {{"e_lessons", 14}, {"elearning_lessons", nullptr}}},
                     {"proposals", nullptr}},
      default_indicators());
  auto next = apply_patch(stored, patch);
  EXPECT_EQ(next.narratives.count("II.1"), 0u) << "\"\" empties an area";
  EXPECT_EQ(next.narratives["II.4"], "Bài giảng điện tử, 14 bài.");
  EXPECT_EQ(next.figures["e_lessons"], 14);
  EXPECT_EQ(next.figures["it_ai_stem_meetings"], 3) << "another indicator stays";
  EXPECT_EQ(next.difficulties, "Thiếu máy chiếu.") << "a text not named stays";
  EXPECT_EQ(next.proposals, "");
  EXPECT_TRUE(next.submitted);
  EXPECT_EQ(next.revision, 4);
  EXPECT_TRUE(parse_contribution_patch(nlohmann::json::object(), default_indicators()).empty());
  EXPECT_THROW(parse_contribution_patch(nlohmann::json{{"narratives", {{"II.9", "x"}}}},
                                        default_indicators()),
               ApiError);
  EXPECT_THROW(parse_contribution_patch(nlohmann::json{{"figures", {{"e_lessons", -1}}}},
                                        default_indicators()),
               ApiError);
}

}  // namespace
}  // namespace thidua::reports
