// Issue 14, through the real services (private_reminders_fixture.hpp): a deadline the school
// owes itself and the registration deadline, reminded and answered by /hanchot as
// themselves; and a reminder audience the service does not know stops its start-up.
#include "e2e/private_reminders_fixture.hpp"

namespace thidua::testing::reports_e2e {
namespace {

// Issue 14: a deadline the school owes itself (the self-assessment due 31 May) has its own
// completion. With the year's report already marked sent, its reminder through the fake
// Zalo still says the school has not done it, and so does /hanchot; once the board marks it
// done, /hanchot says so, with the day.
TEST_F(PrivateReminders, ASchoolOwedDeadlineIsRemindedAndAnsweredAsItself) {
  add_staff("gv-an", "Trần Văn An", "to-ngu-van", "staff", "male", "zl-an");
  auto reports = start_reports("2027-05-24 01:00:05", notifications_->url());
  call(*reports, "POST", "/api/reports/v1/school-reports/2027/sent", 200,
       {{"sent_on", "2027-05-20"}, {"number", "25/BC-THCSVP1"}});
  call(*reports, "PUT", "/api/reports/v1/deadlines/tu-danh-gia-cds", 200,
       {{"name", "Tự đánh giá mức độ chuyển đổi số"},
        {"recipient", "Sở Giáo dục và Đào tạo"},
        {"month", 5},
        {"day", 31},
        {"owed_by", "school"}});
  const std::string key = "reports:tu-danh-gia-cds:2027-05-31:before-7";
  auto entry = [&] { return plan_reminder(*reports, key); };
  ASSERT_TRUE(wait_until([&] { return entry()["state"] == "sent"; }, 30000)) << entry().dump();
  ASSERT_TRUE(wait_until([&] { return !texts_to(kGroup).empty(); }, 15000));
  auto reminder = texts_to(kGroup).back();
  EXPECT_NE(reminder.find("Tự đánh giá mức độ chuyển đổi số năm 2027"), std::string::npos)
      << reminder;
  EXPECT_NE(reminder.find("31/05/2027 (còn 7 ngày)"), std::string::npos) << reminder;
  EXPECT_NE(reminder.find("chưa xong"), std::string::npos) << reminder;
  EXPECT_EQ(reminder.find("đã gửi báo cáo"), std::string::npos) << reminder;

  // The bot asks this reports for /hanchot.
  notifications_asking(*reports);
  auto owes = say("zl-an", "/hanchot");
  EXPECT_NE(owes.find("Tự đánh giá mức độ chuyển đổi số: 31/05/2027 (còn 7 ngày)."),
            std::string::npos)
      << owes;
  EXPECT_NE(owes.find("Việc này do nhà trường thực hiện, chưa hoàn thành."), std::string::npos)
      << owes;
  EXPECT_EQ(owes.find("nộp"), std::string::npos) << owes;

  auto done = call(*reports, "POST", "/api/reports/v1/deadlines/tu-danh-gia-cds/done", 200,
                   {{"due_date", "2027-05-31"}, {"done_on", "2027-05-24"}});
  EXPECT_EQ(done["done"]["done_on_vn"], "24/05/2027") << done.dump();
  call(*reports, "POST", "/api/reports/v1/deadlines/bao-cao-nam/done", 422,
       {{"due_date", "2027-10-30"}, {"done_on", "2027-05-24"}});
  auto answered = say("zl-an", "/hanchot");
  EXPECT_NE(answered.find("Việc này nhà trường đã hoàn thành ngày 24/05/2027."), std::string::npos)
      << answered;
  reports->process.stop();
}

// Issue 14: the seed's registration deadline (30/9) through the real services. Registrations
// are partly done in nominations (a draft is not registered, a submitted one is); the T-7
// reminder names exactly the units that still owe, with counts, in the group, and the names
// to the owing unit's leader only; GET /deadlines/next and /hanchot speak of it.
TEST_F(PrivateReminders, ARegistrationDeadlineNamesExactlyTheUnitsThatOwe) {
  add_staff("gv-toan", "Lê Văn Toán", "to-toan-tin", "leader", "male", "zl-toan");
  add_staff("gv-an", "Trần Văn An", "to-toan-tin", "staff", "male", "");
  add_staff("gv-binh", "Phạm Thị Bình", "to-toan-tin", "staff", "female", "");
  add_staff("gv-hoa", "Nguyễn Thị Hoa", "to-ngu-van", "leader", "female", "zl-hoa");
  add_staff("nv-lan", "Võ Thị Lan", "to-van-phong", "leader", "female", "zl-lan");
  const std::string base = "/api/nominations/v1/registrations/2027/";
  auto registers = [&](const std::string& kind, const std::string& id, bool submit) {
    json body = {{"titles", {"Lao động tiên tiến"}}, {"submit", submit}};
    call(*nominations_, "PUT", base + kind + "/" + id, 200, body);
  };
  for (const char* unit :
       {"truong", "to-toan-tin", "to-ngu-van", "to-khtn", "to-ngoai-ngu", "to-van-phong"}) {
    registers("collective", unit, true);  // Tổ Khoa học xã hội has not
  }
  registers("individual", "gv-toan", true);
  registers("individual", "gv-an", true);     // waits for thầy Toán to confirm it
  registers("individual", "gv-binh", false);  // a draft: not registered
  registers("individual", "gv-hoa", true);
  registers("individual", "nv-lan", true);
  call(*nominations_, "POST", base + "individual/nv-lan/confirm", 200);
  const auto before = counts();

  auto reports = start_reports("2027-09-23 01:00:05", notifications_->url(),
                               {{"THIDUA_DEADLINES_FILE", source_dir() + "/config/deadlines.json"},
                                {"THIDUA_DASHBOARD_URL", "https://thidua.example/admin/"}});
  const std::string key = "reports:dang-ky-thi-dua:2027-09-30:before-7";
  auto entry = [&] { return plan_reminder(*reports, key); };
  ASSERT_TRUE(wait_until([&] { return entry()["state"] == "sent"; }, 30000)) << entry().dump();
  ASSERT_TRUE(wait_until([&] { return texts_to("zl-toan").size() == before[4] + 1; }, 15000));
  ::usleep(1000 * 1000);  // anything sent twice, or to someone else, would show by now
  auto now = counts();    // {group, hoa, nam, lan, toan, an}
  EXPECT_EQ(now, (std::vector<std::size_t>{before[0] + 1, before[1], before[2], before[3],
                                           before[4] + 1, before[5]}));
  auto group = texts_to(kGroup).back();
  EXPECT_NE(group.find("Đăng ký danh hiệu và chỉ tiêu thi đua năm 2027"), std::string::npos)
      << group;
  EXPECT_NE(group.find("Hạn chót: 30/09/2027 (còn 7 ngày)"), std::string::npos) << group;
  EXPECT_NE(group.find("Đơn vị chưa đăng ký đủ (2):\n"
                       "- Tổ Khoa học xã hội: tập thể chưa đăng ký.\n"
                       "- Tổ Toán – Tin: còn 1 thầy cô chưa đăng ký."),
            std::string::npos)
      << group;
  for (const char* other : {"Tổ Ngữ văn", "Tổ Văn phòng", "Trường THCS", "Phạm Thị Bình"}) {
    EXPECT_EQ(group.find(other), std::string::npos) << other << " in " << group;
  }
  auto toan = texts_to("zl-toan").back();
  EXPECT_EQ(toan.rfind("Kính gửi thầy Lê Văn Toán,\nTổ Toán – Tin chưa đăng ký thi đua đủ", 0), 0u)
      << toan;
  EXPECT_NE(toan.find("Chưa đăng ký: Phạm Thị Bình."), std::string::npos) << toan;
  EXPECT_NE(toan.find("Có 1 bản đăng ký của thầy cô trong tổ đã gửi, đang chờ thầy xác nhận."),
            std::string::npos)
      << toan;

  auto next = call(*reports, "GET", "/api/reports/v1/deadlines/next", 200);
  EXPECT_EQ(next["id"], "dang-ky-thi-dua") << next.dump();
  EXPECT_EQ(next["owed_by"], "registrations");
  EXPECT_EQ(next["due_date_vn"], "30/09/2027");
  EXPECT_EQ(next["days_left"], 7);

  notifications_asking(*reports);
  auto answer = say("zl-hoa", "/hanchot");
  EXPECT_NE(answer.find("Đăng ký danh hiệu và chỉ tiêu thi đua: 30/09/2027 (còn 7 ngày)."),
            std::string::npos)
      << answer;
  EXPECT_NE(answer.find("Đơn vị chưa đăng ký thi đua đủ: Tổ Khoa học xã hội (tập thể chưa "
                        "đăng ký), Tổ Toán – Tin (còn 1 thầy cô)."),
            std::string::npos)
      << answer;
  reports->process.stop();
}

TEST_F(PrivateReminders, AnUnknownAudienceStopsStartUpNamingTheSetting) {
  Process reports;
  reports.start(binary("reports"), {},
                {{"THIDUA_REMINDER_AUDIENCE", "nhom"},
                 {"THIDUA_HTTP_PORT", std::to_string(free_port())},
                 {"THIDUA_REDIS_URL", redis_.url()}},
                dir_ + "/reports-bad-audience.log");
  EXPECT_EQ(reports.stop(0, 30000), 2);  // signal 0: only waits for it to end by itself
  auto log = reports.log();
  EXPECT_NE(log.find("THIDUA_REMINDER_AUDIENCE: 'nhom' is not one of group, private, both"),
            std::string::npos)
      << log;
}

}  // namespace
}  // namespace thidua::testing::reports_e2e
