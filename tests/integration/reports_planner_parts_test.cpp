// The units' parts of the yearly report through the use cases the planner counts on
// (reports_planner_fixture.hpp): late submissions, who writes what, the school's report
// marked sent, a patch, and a part reopened.
#include <gtest/gtest.h>

#include "reports_planner_fixture.hpp"

namespace thidua::reports::planner_test {
namespace {

TEST_F(PlannerTest, LateSubmissionsAreAcceptedAndMarkedLate) {
  submit("to-toan-tin", local_time({2027, 10, 20}, 23, 59));  // on the units' due date
  submit("to-ngu-van", local_time({2027, 10, 21}, 0, 1));
  auto parts = runner_.run<std::vector<Contribution>>(
      [&]() -> Task<std::vector<Contribution>> { co_return co_await store_->contributions(2027); });
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_FALSE(parts[1].late);  // sorted by unit id: to-ngu-van, to-toan-tin
  EXPECT_TRUE(parts[0].late);
  EXPECT_EQ(parts[1].submitted_by, "bootstrap-admin");
}

TEST_F(PlannerTest, LeadersWriteOnlyTheirOwnUnitsPart) {
  clock_.set(local_time({2027, 10, 1}, 9, 0));
  Principal leader{true, Role::Leader, "gv-van", "Tổ trưởng Ngữ văn"};
  json body = {{"narratives", {{"II.1", "Họp tổ"}}}};
  auto saved = runner_.run<json>([&]() -> Task<json> {
    co_return co_await save_draft_json(*app_, leader, 2027, "to-ngu-van", body);
  });
  EXPECT_EQ(saved["status"], "draft");
  EXPECT_THROW(runner_.run<json>([&]() -> Task<json> {
    co_return co_await save_draft_json(*app_, leader, 2027, "to-toan-tin", body);
  }),
               ApiError);
  runner_.run<json>([&]() -> Task<json> {
    co_return co_await submit_json(*app_, leader, 2027, "to-ngu-van", json::object());
  });
  // Submitted: the leader can no longer change it.
  EXPECT_THROW(runner_.run<json>([&]() -> Task<json> {
    co_return co_await save_draft_json(*app_, leader, 2027, "to-ngu-van", body);
  }),
               ApiError);
}

TEST_F(PlannerTest, TheSchoolsReportAddsUpThePartsAndIsMarkedSentByAnAdmin) {
  submit("to-toan-tin", reminder_time(12));
  submit("to-van-phong", reminder_time(11));
  clock_.set(local_time({2027, 10, 29}, 15, 0));
  auto report = runner_.run<SchoolReport>(
      [&]() -> Task<SchoolReport> { co_return co_await app_->school_report(2027); });
  EXPECT_EQ(report.totals().at("e_lessons"), 6);
  ASSERT_EQ(report.missing().size(), 1u);
  EXPECT_EQ(report.missing()[0]->id, "to-ngu-van");
  EXPECT_FALSE(report.sent);

  Principal admin{true, Role::Admin, "bootstrap-admin", "Ban giám hiệu"};
  json tomorrow = {{"sent_on", "2027-10-30"}, {"number", "25/BC-THCSVP1"}};
  const std::vector<IssuedDocument> none;  // issued outside the system: the number as written
  EXPECT_THROW(runner_.run<json>([&]() -> Task<json> {
    co_return co_await mark_sent_json(*app_, admin, 2027, tomorrow, none);
  }),
               ApiError);
  json today = {{"sent_on", "2027-10-29"}, {"number", "25/BC-THCSVP1"}};
  auto sent = runner_.run<json>(
      [&]() -> Task<json> { co_return co_await mark_sent_json(*app_, admin, 2027, today, none); });
  EXPECT_EQ(sent["status"], "sent");
  EXPECT_EQ(sent["sent"]["number"], "25/BC-THCSVP1");
  EXPECT_EQ(sent["sent"]["sent_on_vn"], "29/10/2027");

  // A deadline the school owes whose document is the yearly report is done once the report
  // is marked sent; another the school owes is not (issue 14).
  Deadline school_owes = yearly_report_deadline();
  school_owes.owed_by = Owner::School;
  auto owing_of = [&](const Deadline& d) {
    return runner_.run<Owing>([&]() -> Task<Owing> {
      auto dir = co_await directory_.get();
      co_return co_await who_owes(*store_, directory_, dir, d, {2027, 10, 30},
                                  "Trường THCS Vĩnh Phong 1");
    });
  };
  EXPECT_EQ(owing_of(school_owes).missing.size(), 1u);
  school_owes.document = "yearly_report";
  auto owing = owing_of(school_owes);
  EXPECT_TRUE(owing.missing.empty());
  ASSERT_EQ(owing.done.size(), 1u);
  ASSERT_TRUE(owing.completed);
  EXPECT_EQ(owing.completed->via, "yearly_report");
}

// Issue 14 on a real Redis: two edits of different areas both stand; a PUT still replaces the
// whole part, as the README says; a submitted part is not the leader's to patch.
TEST_F(PlannerTest, APatchChangesOnlyWhatItNames) {
  clock_.set(reminder_time(20));
  Principal admin{true, Role::Admin, "bootstrap-admin", "Ban giám hiệu"};
  Principal leader{true, Role::Leader, "gv-toan", "Lê Văn Toán"};
  auto patch = [&](const Principal& who, const json& body) {
    return runner_.run<json>([&]() -> Task<json> {
      co_return co_await patch_draft_json(*app_, who, 2027, "to-toan-tin", body);
    });
  };
  patch(leader, {{"narratives", {{"II.1", "Sinh hoạt chuyên môn về AI."}}},
                 {"figures", {{"it_ai_stem_meetings", 3}}}});
  auto part = patch(
      admin, {{"narratives", {{"II.4", "Bài giảng điện tử."}}}, {"figures", {{"e_lessons", 12}}}});
  EXPECT_EQ(part["narratives"]["II.1"], "Sinh hoạt chuyên môn về AI.") << part.dump();
  EXPECT_EQ(part["figures"]["it_ai_stem_meetings"], 3);
  EXPECT_EQ(part["figures"]["e_lessons"], 12);
  EXPECT_EQ(part["updated_by"], "bootstrap-admin");

  json whole = {{"narratives", {{"II.4", "Chỉ còn nội dung này."}}}};
  part = runner_.run<json>([&]() -> Task<json> {
    co_return co_await save_draft_json(*app_, leader, 2027, "to-toan-tin", whole);
  });
  EXPECT_FALSE(part["narratives"].contains("II.1")) << "PUT replaces the whole part";
  EXPECT_EQ(part["figures"]["it_ai_stem_meetings"], 0);

  submit("to-toan-tin", reminder_time(15));
  json late = {{"proposals", "Thêm máy chiếu."}};
  EXPECT_THROW(patch(leader, late), ApiError);
  part = patch(admin, late);  // the board may still correct a submitted part
  EXPECT_EQ(part["status"], "submitted");
  EXPECT_EQ(part["proposals"], "Thêm máy chiếu.");
  EXPECT_EQ(part["narratives"]["II.4"], "Bài giảng điện tử") << part.dump();
}

// Issue 14: the board reopens a submitted part with a reason; it is in the part's history,
// the unit's leader is told privately, the unit edits and submits it again.
TEST_F(PlannerTest, TheBoardReopensASubmittedPartWithAReasonRecorded) {
  Principal admin{true, Role::Admin, "bootstrap-admin", "Ban giám hiệu"};
  Principal leader{true, Role::Leader, "gv-toan", "Lê Văn Toán"};
  auto reopen = [&](const json& body) {
    return runner_.run<json>([&]() -> Task<json> {
      co_return co_await reopen_json(*app_, admin, 2027, "to-toan-tin", body);
    });
  };
  // The unit's leader with linked Zalo is told privately; a teacher of the unit and another
  // unit's leader are not.
  poster_.reminders_off.insert("gv-toan");  // /tatnhac stops reminders, not this notice
  directory_.staff = {{"gv-toan", "Lê Văn Toán", "to-toan-tin", "leader", "male", true},
                      {"gv-an", "Trần Văn An", "to-toan-tin", "staff", "male", true},
                      {"gv-van", "Trần Thị Vân", "to-ngu-van", "leader", "female", true}};
  submit("to-toan-tin", reminder_time(15));
  json why = {{"reason", "Thiếu số liệu nội dung II.2."}};
  clock_.set(reminder_time(14));
  auto part = reopen(why);
  ASSERT_EQ(poster_.recipients, std::vector<std::string>{"gv-toan"});
  EXPECT_EQ(poster_.messages[0].second,
            "Kính gửi thầy Lê Văn Toán,\n"
            "Ban giám hiệu đã mở lại phần báo cáo năm 2027 của Tổ Toán – Tin để tổ sửa và nộp "
            "lại.\nLý do: Thiếu số liệu nội dung II.2.\n"
            "Thầy sửa trên trang thi đua của trường (mục \"Phần báo cáo của tổ\") rồi bấm \"Nộp "
            "phần báo cáo\".");
  EXPECT_EQ(part["status"], "draft");
  EXPECT_TRUE(part["submitted_at"].is_null());
  ASSERT_EQ(part["history"].size(), 2u) << part.dump();
  EXPECT_EQ(part["history"][0]["action"], "submitted");
  EXPECT_EQ(part["history"][1]["action"], "reopened");
  EXPECT_EQ(part["history"][1]["reason"], "Thiếu số liệu nội dung II.2.");
  EXPECT_EQ(part["history"][1]["by"], "bootstrap-admin");
  try {
    reopen(why);
    ADD_FAILURE() << "a draft is not reopened";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.code(), "not_submitted");
  }
  // The leader edits and submits again.
  json fix = {{"figures", {{"staff_trained_digital_skills", 9}}}};
  runner_.run<json>([&]() -> Task<json> {
    co_return co_await patch_draft_json(*app_, leader, 2027, "to-toan-tin", fix);
  });
  submit("to-toan-tin", reminder_time(12));
  part = runner_.run<json>([&]() -> Task<json> {
    auto read = co_await app_->contribution(admin, 2027, "to-toan-tin");
    co_return to_json(read);
  });
  EXPECT_EQ(part["status"], "submitted");
  EXPECT_EQ(part["history"].size(), 3u);
}

}  // namespace
}  // namespace thidua::reports::planner_test
