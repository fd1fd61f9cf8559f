// Issue 13, through the real services: a reminder goes to the staff group naming the units
// that still owe their part, and privately to each of those units' leaders who linked Zalo
// (THIDUA_REMINDER_AUDIENCE both, group or private); /tatnhac stops the private ones and
// /batnhac brings them back, typed to the bot (long polling against the fake Zalo Bot API).
// Reports runs under libfaketime at each reminder's instant (reports_fixture.hpp,
// private_reminders_fixture.hpp). Deadlines other than the units' parts, and a bad audience:
// reports_deadline_reminders_e2e_test.cpp.
#include "e2e/private_reminders_fixture.hpp"

namespace thidua::testing::reports_e2e {
namespace {

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

}  // namespace
}  // namespace thidua::testing::reports_e2e
