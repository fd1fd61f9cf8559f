// Issue 13, through the real services: a reminder goes to the staff group naming the units
// that still owe their part, and privately to each of those units' leaders who linked Zalo
// (THIDUA_REMINDER_AUDIENCE both, group or private); /tatnhac stops the private ones and
// /batnhac brings them back, typed to the bot (long polling against the fake Zalo Bot API).
// Reports runs under libfaketime at each reminder's instant (reports_fixture.hpp).
#include <unistd.h>

#include "e2e/reports_fixture.hpp"

namespace thidua::testing::reports_e2e {
namespace {

const std::string kGroup = "nhom-e2e";

class PrivateReminders : public ReportsE2e {
 protected:
  void SetUp() override {
    ReportsE2e::SetUp();
    if (HasFatalFailure()) return;
    start_zalo_and_notifications(kGroup, {{"FAKE_ZALO_POLL_WAIT_MS", "200"}},
                                 {{"THIDUA_BOT_MODE", "polling"},
                                  {"THIDUA_POLL_TIMEOUT_S", "1"},
                                  {"THIDUA_NOMINATIONS_URL", nominations_->url()}});
    if (HasFatalFailure()) return;
    ASSERT_TRUE(wait_until([&] {
      return http_call("GET", nominations_->url() + "/api/nominations/v1/catalogue", "",
                       {{"Authorization", "Bearer " + kAdmin}})
                 .status == 200;
    }));
  }

  // The texts the fake Zalo took for `chat`, in order.
  std::vector<std::string> texts_to(const std::string& chat) {
    auto calls = json::parse(http_call("GET", zalo_->url() + "/__fake/calls").body, nullptr, false);
    std::vector<std::string> out;
    if (!calls.is_array()) return out;
    for (const auto& c : calls) {
      if (c.value("method", "") == "sendMessage" && c.value("outcome", "") == "ok" &&
          c.value("chat_id", "") == chat) {
        out.push_back(c.value("text", ""));
      }
    }
    return out;
  }

  // What `zalo_id` types to the bot in a private chat, and the bot's answer.
  std::string say(const std::string& zalo_id, const std::string& text) {
    std::size_t before = texts_to(zalo_id).size();
    json update = {{"event_name", "message.text.received"},
                   {"message",
                    {{"message_id", "m-" + std::to_string(++said_)},
                     {"date", 1822000000000LL},
                     {"text", text},
                     {"from", {{"id", zalo_id}, {"is_bot", false}}},
                     {"chat", {{"id", zalo_id}, {"chat_type", "PRIVATE"}}}}}};
    http_call("POST", zalo_->url() + "/__fake/updates", update.dump(),
              {{"Content-Type", "application/json"}});
    std::string answer;
    wait_until(
        [&] {
          auto texts = texts_to(zalo_id);
          if (texts.size() > before) answer = texts[before];
          return !answer.empty();
        },
        15000);
    return answer;
  }

  // A staff record, linked to `zalo_id` as a person does it (a code from the board, then
  // /lienket to the bot) unless `zalo_id` is empty.
  void add_staff(const std::string& id, const std::string& name, const std::string& unit,
                 const std::string& role, const json& gender, const std::string& zalo_id) {
    json staff = {{"name", name}, {"unit_id", unit}, {"role", role}, {"gender", gender}};
    call(*nominations_, "PUT", "/api/nominations/v1/catalogue/staff/" + id, 200, staff);
    if (zalo_id.empty()) return;
    auto issued =
        call(*nominations_, "POST", "/api/nominations/v1/staff/" + id + "/link-codes", 201);
    auto linked = say(zalo_id, "/lienket " + issued.value("code", ""));
    ASSERT_NE(linked.find("Đã liên kết"), std::string::npos) << linked;
  }

  // Starts reports at `utc` with `audience`, waits until the reminder `offset` of the units'
  // own series (counting to their due date, 20/10) is recorded sent, and stops it. Then waits
  // a moment, so that a message sent twice would be seen.
  void fire(const std::string& utc, const std::string& offset, const std::string& audience,
            int replicas = 1) {
    const std::string stage = "units";
    std::vector<std::unique_ptr<Service>> running;
    for (int i = 0; i < replicas; ++i) {
      running.push_back(start_reports(utc, notifications_->url(),
                                      {{"THIDUA_REMINDER_AUDIENCE", audience},
                                       {"THIDUA_DASHBOARD_URL", "https://thidua.example/admin/"}}));
    }
    EXPECT_TRUE(wait_until(
        [&] { return plan_entry(*running[0], offset, stage)["state"] == "sent"; }, 30000))
        << offset << ": " << plan_entry(*running[0], offset, stage).dump();
    ::usleep(1500 * 1000);  // the replicas tick every 200 ms meanwhile
    last_plan_ = plan_entry(*running[0], offset, stage);
    for (auto& r : running) r->process.stop();
    ::usleep(500 * 1000);  // the outbox delivers what was queued
  }

  json delivery_to(const std::string& to) const {
    for (const auto& d : last_plan_["deliveries"]) {
      if (d["to"] == to) return d;
    }
    return nullptr;
  }

  // How many messages each chat has had, as {group, hoa, nam, lan, toan, an}.
  std::vector<std::size_t> counts() {
    std::vector<std::size_t> out;
    for (const char* chat : {kGroup.c_str(), "zl-hoa", "zl-nam", "zl-lan", "zl-toan", "zl-an"}) {
      out.push_back(texts_to(chat).size());
    }
    return out;
  }

  // Notifications started again, its bot asking `reports` for /hanchot.
  void notifications_asking(const Service& reports) {
    notifications_->process.stop();
    notifications_ = start("notifications", {{"THIDUA_MESSENGER", "zalo"},
                                             {"ZALO_BOT_API_BASE", zalo_->url()},
                                             {"ZALO_BOT_TOKEN", kZaloToken},
                                             {"ZALO_GROUP_ID", kGroup},
                                             {"THIDUA_BOT_MODE", "polling"},
                                             {"THIDUA_POLL_TIMEOUT_S", "1"},
                                             {"THIDUA_QUIET_HOURS", "off"},
                                             {"THIDUA_NOMINATIONS_URL", nominations_->url()},
                                             {"THIDUA_REPORTS_URL", reports.url()}});
  }

  int said_ = 0;
  json last_plan_;
};

TEST_F(PrivateReminders, GroupAndLeadersHearItAndTatnhacBatnhacAndTheSettingDecide) {
  // Linking answers once each: the counts below are reminders only from here on.
  add_staff("gv-toan", "Lê Văn Toán", "to-toan-tin", "leader", "male", "zl-toan");
  add_staff("gv-hoa", "Nguyễn Thị Hoa", "to-ngu-van", "leader", "female", "zl-hoa");
  add_staff("gv-an", "Trần Văn An", "to-ngu-van", "staff", "male", "zl-an");
  add_staff("gv-nam", "Phạm Nam", "to-khtn", "leader", nullptr, "zl-nam");
  add_staff("gv-khxh", "Đỗ Văn Sử", "to-khxh", "leader", "male", "");  // no Zalo
  add_staff("nv-lan", "Võ Thị Lan", "to-van-phong", "leader", "female", "zl-lan");
  const std::vector<std::size_t> linked = {0, 1, 1, 1, 1, 1};
  ASSERT_EQ(counts(), linked);
  {
    auto r = start_reports("2027-10-01 03:00:00", notifications_->url());
    submit(*r, "to-toan-tin");  // Tổ Toán – Tin hands its part in early
    r->process.stop();
  }

  // T-7 of the units' own due date (13/10), both (the default), two replicas: one group
  // message naming the units that owe, one private message to each of those units' linked
  // leaders; Tổ Toán – Tin's leader, a member who is no leader and the leader without Zalo
  // get none.
  fire("2027-10-13 01:00:05", "T-7", "both", 2);
  EXPECT_EQ(counts(), (std::vector<std::size_t>{1, 2, 2, 2, 1, 1}));
  auto group = texts_to(kGroup).at(0);
  for (const char* owing : {"Tổ Ngữ văn", "Tổ Khoa học tự nhiên", "Tổ Khoa học xã hội",
                            "Tổ Ngoại ngữ", "Tổ Văn phòng"}) {
    EXPECT_NE(group.find(owing), std::string::npos) << owing << " in " << group;
  }
  EXPECT_EQ(group.find("Toán"), std::string::npos) << group;
  auto hoa = texts_to("zl-hoa").back();
  EXPECT_EQ(hoa.rfind("Kính gửi cô Nguyễn Thị Hoa,\nTổ Ngữ văn chưa nộp phần báo cáo", 0), 0u)
      << hoa;
  EXPECT_NE(hoa.find("Hạn chót: 20/10/2027, còn 7 ngày."), std::string::npos) << hoa;
  EXPECT_NE(group.find("Hạn nộp: 20/10/2027 (còn 7 ngày)"), std::string::npos) << group;
  EXPECT_NE(hoa.find("https://thidua.example/admin/"), std::string::npos) << hoa;
  EXPECT_NE(hoa.find("/tatnhac"), std::string::npos) << hoa;
  EXPECT_EQ(texts_to("zl-nam").back().rfind("Kính gửi thầy cô Phạm Nam,\nTổ Khoa học tự nhiên", 0),
            0u);
  EXPECT_EQ(delivery_to("gv-khxh")["outcome"], "not_linked");
  EXPECT_EQ(delivery_to("gv-hoa")["outcome"], "sent");
  EXPECT_TRUE(delivery_to("gv-toan").is_null());

  // A crash after posting, before recording: the record is gone, the keys are not. The
  // reminder is posted again and nobody gets anything twice.
  redis_.cmd(
      {"DEL", "{e2e-school}:reports:reminder:reports:bao-cao-nam:2027-10-20:units:before-7"});
  fire("2027-10-13 01:00:05", "T-7", "both");
  EXPECT_EQ(counts(), (std::vector<std::size_t>{1, 2, 2, 2, 1, 1}));

  // Cô Hoa turns private reminders off: T-3 reaches the others, not her.
  auto off = say("zl-hoa", "/tắt nhắc");
  EXPECT_NE(off.find("Đã tắt tin nhắc hạn gửi riêng cho cô Nguyễn Thị Hoa"), std::string::npos)
      << off;
  EXPECT_NE(off.find("/batnhac"), std::string::npos) << off;
  fire("2027-10-17 01:00:05", "T-3", "both");
  EXPECT_EQ(counts(), (std::vector<std::size_t>{2, 3, 3, 3, 1, 1}));
  EXPECT_EQ(delivery_to("gv-hoa")["outcome"], "reminders_off");

  // She turns them on again (3 answers in her chat now); THIDUA_REMINDER_AUDIENCE=group at
  // T-1: the group only.
  auto on = say("zl-hoa", "/batnhac");
  EXPECT_NE(on.find("Đã bật lại"), std::string::npos) << on;
  fire("2027-10-19 01:00:05", "T-1", "group");
  EXPECT_EQ(counts(), (std::vector<std::size_t>{3, 4, 3, 3, 1, 1}));
  EXPECT_EQ(last_plan_["deliveries"].size(), 1u) << last_plan_.dump();

  // private on the day: the leaders only, cô Hoa among them again.
  fire("2027-10-20 01:00:05", "T0", "private");
  EXPECT_EQ(counts(), (std::vector<std::size_t>{3, 5, 4, 4, 1, 1}));
  EXPECT_NE(texts_to("zl-hoa").back().find("hôm nay là hạn cuối"), std::string::npos);
  EXPECT_TRUE(last_plan_["notification_id"].is_null());
}

// Someone who has not linked Zalo asks: told how to link, nothing stored.
TEST_F(PrivateReminders, SomeoneNotLinkedIsToldHowToLink) {
  auto answer = say("zl-stranger", "/tatnhac");
  EXPECT_NE(answer.find("/lienket"), std::string::npos) << answer;
  EXPECT_EQ(answer.find("Đã tắt"), std::string::npos) << answer;
  EXPECT_EQ(redis_.cmd1({"EXISTS", "{e2e-school}:notifications:reminders-off"}), "0");
}

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
