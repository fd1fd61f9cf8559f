// Who hears a deadline reminder (issue 13), and what a leader reads in private.
#include <gtest/gtest.h>

#include "core/catalogue.hpp"
#include "reports/domain/reminder_audience.hpp"
#include "reports/domain/reminder_text.hpp"

namespace thidua::reports {
namespace {

const UnitInfo kToan{"to-toan-tin", "Tổ Toán – Tin", "subject_group"};
const UnitInfo kVan{"to-ngu-van", "Tổ Ngữ văn", "subject_group"};
const UnitInfo kVanPhong{"to-van-phong", "Tổ Văn phòng", "office"};

ReminderSituation situation(ReminderAudience audience) {
  ReminderSituation s;
  s.audience = audience;
  s.owing = {kVan, kVanPhong};  // Tổ Toán – Tin has submitted
  s.staff = {
      {"gv-toan", "Lê Văn Toán", "to-toan-tin", "leader", "male", true},
      {"gv-hoa", "Nguyễn Thị Hoa", "to-ngu-van", "leader", "female", true},
      {"gv-van", "Trần Văn Văn", "to-ngu-van", "staff", "male", true},
      {"gv-bgh", "Đỗ Thị Hạnh", "to-ngu-van", "admin", "female", true},
      {"gv-nam", "Phạm Văn Nam", "to-ngu-van", "leader", "male", false},
      {"nv-lan", "Võ Thị Lan", "to-van-phong", "leader", "", true},
  };
  return s;
}

std::vector<std::string> ids(const std::vector<LeaderReminder>& list) {
  std::vector<std::string> out;
  for (const auto& r : list) out.push_back(r.staff_id);
  return out;
}

TEST(ReminderAudience, BothTellsTheGroupAndTheLinkedLeadersOfOwingUnitsInTheirOrder) {
  auto r = route_reminder(situation(ReminderAudience::Both));
  EXPECT_TRUE(r.skip.empty());
  EXPECT_TRUE(r.group);
  // Not the leader of a unit that has submitted, not staff or the board of an owing unit.
  EXPECT_EQ(ids(r.leaders), (std::vector<std::string>{"gv-hoa", "nv-lan"}));
  EXPECT_EQ(ids(r.unlinked), std::vector<std::string>{"gv-nam"});
  EXPECT_EQ(r.leaders[0].unit_id, "to-ngu-van");
  EXPECT_EQ(r.leaders[0].unit_name, "Tổ Ngữ văn");
  EXPECT_EQ(r.leaders[0].gender, "female");
  EXPECT_EQ(r.leaders[1].unit_name, "Tổ Văn phòng");
}

TEST(ReminderAudience, GroupOnlyAndPrivateOnly) {
  auto group = route_reminder(situation(ReminderAudience::Group));
  EXPECT_TRUE(group.group);
  EXPECT_TRUE(group.leaders.empty());
  EXPECT_TRUE(group.unlinked.empty());
  auto personal = route_reminder(situation(ReminderAudience::Private));
  EXPECT_TRUE(personal.skip.empty());
  EXPECT_FALSE(personal.group);
  EXPECT_EQ(ids(personal.leaders), (std::vector<std::string>{"gv-hoa", "nv-lan"}));
}

TEST(ReminderAudience, AUnitWithoutALinkedLeaderLeavesNobodyToTellPrivately) {
  auto s = situation(ReminderAudience::Private);
  s.owing = {kVan};
  s.staff = {{"gv-nam", "Phạm Văn Nam", "to-ngu-van", "leader", "male", false}};
  auto r = route_reminder(s);
  EXPECT_TRUE(r.skip.empty());  // the planner records who was passed over, then settles
  EXPECT_FALSE(r.group);
  EXPECT_TRUE(r.leaders.empty());
  EXPECT_EQ(ids(r.unlinked), std::vector<std::string>{"gv-nam"});
}

TEST(ReminderAudience, NothingOwed) {
  for (auto audience :
       {ReminderAudience::Group, ReminderAudience::Private, ReminderAudience::Both}) {
    auto s = situation(audience);
    s.owing.clear();
    auto r = route_reminder(s);
    // "Everyone has submitted" is for the group; no leader is written to about it.
    EXPECT_TRUE(r.leaders.empty());
    EXPECT_TRUE(r.unlinked.empty());
    EXPECT_EQ(r.skip, audience == ReminderAudience::Private ? "all_submitted" : "");
    s.say_when_all_submitted = false;
    EXPECT_EQ(route_reminder(s).skip, "all_submitted");
    s.say_when_all_submitted = true;
    s.overdue = true;
    EXPECT_EQ(route_reminder(s).skip, "nothing_owed");
  }
}

// The school's own report has no unit's part and no unit leader to tell: the group hears it,
// whatever the setting.
TEST(ReminderAudience, WhatTheSchoolOwesGoesToTheGroup) {
  for (auto audience :
       {ReminderAudience::Group, ReminderAudience::Private, ReminderAudience::Both}) {
    auto s = situation(audience);
    s.owed_by_school = true;
    s.owing = {{"school", "Trường THCS Vĩnh Phong 1", "school"}};
    auto r = route_reminder(s);
    EXPECT_TRUE(r.skip.empty());
    EXPECT_TRUE(r.group);
    EXPECT_TRUE(r.leaders.empty());
  }
}

TEST(ReminderAudience, TheSettingsWords) {
  EXPECT_EQ(parse_reminder_audience("group"), ReminderAudience::Group);
  EXPECT_EQ(parse_reminder_audience("private"), ReminderAudience::Private);
  EXPECT_EQ(parse_reminder_audience("both"), ReminderAudience::Both);
  EXPECT_FALSE(parse_reminder_audience("nhom"));
  EXPECT_FALSE(parse_reminder_audience("Both"));
  EXPECT_FALSE(parse_reminder_audience(""));
}

TEST(ReminderAudience, SettledFromTheOutcomesOfItsMessages) {
  auto settled = [](std::vector<const char*> outcomes) {
    std::vector<Delivery> list;
    for (const char* o : outcomes) list.push_back({"x", "", o, ""});
    return settle(list);
  };
  EXPECT_EQ(settled({outcome::kSent}).status, "sent");
  EXPECT_EQ(settled({outcome::kRemindersOff, outcome::kSent, outcome::kNotLinked}).status, "sent");
  EXPECT_EQ(settled({outcome::kRejected, outcome::kSent}).status, "sent");
  auto nobody = settled({outcome::kRemindersOff, outcome::kNotLinked});
  EXPECT_EQ(nobody.status, "skipped");
  EXPECT_EQ(nobody.reason, "no_recipient");
  EXPECT_EQ(settled({outcome::kRejected, outcome::kNotLinked}).reason, "rejected");
  EXPECT_EQ(settled({}).reason, "no_recipient");
}

PrivateReminderContent content() {
  PrivateReminderContent c;
  c.name = "Nguyễn Thị Hoa";
  c.gender = "female";
  c.unit_name = "Tổ Ngữ văn";
  c.deadline_name = "Báo cáo kết quả thực hiện phong trào thi đua năm 2027";
  c.recipient = "UBND xã (qua Phòng Văn hóa – Xã hội)";
  c.due = {2027, 10, 30};
  c.days_before = 7;
  c.dashboard_url = "https://thidua.example.edu.vn/admin/";
  c.contact = "cô Lan (phó hiệu trưởng)";
  return c;
}

TEST(PrivateReminderText, InTheWordsOfAColleague) {
  EXPECT_EQ(private_reminder_text(content()),
            "Kính gửi cô Nguyễn Thị Hoa,\n"
            "Tổ Ngữ văn chưa nộp phần báo cáo cho Báo cáo kết quả thực hiện phong trào thi đua "
            "năm 2027 (gửi UBND xã (qua Phòng Văn hóa – Xã hội)).\n"
            "Hạn chót: 30/10/2027, còn 7 ngày.\n"
            "Cô soạn và nộp phần của tổ trên trang thi đua của trường: "
            "https://thidua.example.edu.vn/admin/\n"
            "Vướng mắc xin liên hệ: cô Lan (phó hiệu trưởng).\n"
            "Nếu không muốn nhận tin nhắc riêng này, cô gõ /tatnhac cho bot (gõ /batnhac để "
            "nhận lại); nhắc hạn trong nhóm vẫn như thường.");
}

TEST(PrivateReminderText, DayOfOverdueUnknownGenderAndNoLink) {
  auto c = content();
  c.days_before = 0;
  EXPECT_NE(private_reminder_text(c).find("Hạn chót: 30/10/2027, hôm nay là hạn cuối."),
            std::string::npos);
  c.days_before = -3;
  EXPECT_NE(private_reminder_text(c).find("Hạn chót: 30/10/2027, đã quá hạn 3 ngày."),
            std::string::npos);
  c.gender = "";
  c.dashboard_url = "";
  c.contact = "";
  auto t = private_reminder_text(c);
  EXPECT_EQ(t.rfind("Kính gửi thầy cô Nguyễn Thị Hoa,\n", 0), 0u) << t;
  EXPECT_NE(t.find("\nThầy cô soạn và nộp phần của tổ trên trang thi đua của trường.\n"),
            std::string::npos)
      << t;
  EXPECT_EQ(t.find("Vướng mắc"), std::string::npos) << t;
  EXPECT_NE(t.find(", thầy cô gõ /tatnhac"), std::string::npos) << t;
  c.gender = "male";
  EXPECT_NE(private_reminder_text(c).find("\nThầy soạn"), std::string::npos);
  // As the message catalogues' lint reads it (a link's "/admin/" is not a word to a person,
  // so the text is read without one).
  for (const auto& gender : {"", "male", "female"}) {
    c.gender = gender;
    for (int days : {7, 0, -3}) {
      c.days_before = days;
      auto text = private_reminder_text(c);
      auto problems = text::lint_message(text);
      EXPECT_TRUE(problems.empty()) << problems.front() << "\n" << text;
    }
  }
}

}  // namespace
}  // namespace thidua::reports
