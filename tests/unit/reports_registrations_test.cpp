// Issue 14, as pure functions: a deadline owed by registrations of targets (đăng ký thi đua).
// Who still owes (domain/registration_owing.hpp), what the group and a leader read
// (domain/reminder_text.hpp), and the deadline's own rules (owed_by, no mark).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "reports/api/contribution_json.hpp"
#include "reports/api/deadline_json.hpp"
#include "reports/domain/completion.hpp"
#include "reports/domain/registration_owing.hpp"
#include "reports/domain/reminder_audience.hpp"
#include "reports/domain/reminder_text.hpp"

namespace thidua::reports {
namespace {

const std::vector<UnitInfo> kUnits = {
    {"truong", "Trường THCS Vĩnh Phong 1", "school"},
    {"to-toan-tin", "Tổ Toán – Tin", "subject_group"},
    {"to-ngu-van", "Tổ Ngữ văn", "subject_group"},
    {"to-cu", "Tổ Công nghệ", "subject_group", false},  // deactivated
};

StaffInfo person(const std::string& id, const std::string& name, const std::string& unit,
                 const std::string& role = "staff") {
  return {id, name, unit, role, "", true};
}

const std::vector<StaffInfo> kStaff = {
    person("gv-toan", "Lê Văn Toán", "to-toan-tin", "leader"),
    person("gv-an", "Trần Văn An", "to-toan-tin"),
    person("gv-binh", "Phạm Thị Bình", "to-toan-tin"),
    person("gv-hoa", "Nguyễn Thị Hoa", "to-ngu-van", "leader"),
    person("gv-cu", "Đỗ Văn Cũ", "to-cu"),
};

RegistrationRecord unit_reg(const std::string& id, const std::string& status) {
  return {true, id, status};
}
RegistrationRecord own_reg(const std::string& id, const std::string& status) {
  return {false, id, status};
}

const UnitRegistrations& of(const std::vector<UnitRegistrations>& all, const std::string& id) {
  for (const auto& u : all) {
    if (u.unit.id == id) return u;
  }
  throw std::runtime_error("no unit " + id);
}

TEST(RegistrationOwing, SubmittedCountsADraftDoesNot) {
  EXPECT_TRUE(counts_as_registered(own_reg("gv-an", "submitted")));
  EXPECT_TRUE(counts_as_registered(own_reg("gv-an", "confirmed")));
  EXPECT_FALSE(counts_as_registered(own_reg("gv-an", "draft")));
  EXPECT_FALSE(counts_as_registered(own_reg("gv-an", "")));
}

TEST(RegistrationOwing, TheDueDatesYearIsTheRegistrationsYear) {
  EXPECT_EQ(registration_year({2027, 9, 30}), 2027);
  EXPECT_EQ(registration_year({2026, 10, 15}), 2026);
}

TEST(RegistrationOwing, AUnitIsDoneWhenItAndEveryMemberHaveRegistered) {
  std::vector<RegistrationRecord> regs = {
      unit_reg("to-toan-tin", "submitted"), own_reg("gv-toan", "confirmed"),
      own_reg("gv-an", "submitted"),        own_reg("gv-binh", "draft"),
      unit_reg("to-ngu-van", "confirmed"),  own_reg("gv-hoa", "submitted"),
      unit_reg("truong", "draft"),
  };
  auto all = registrations_by_unit(kUnits, kStaff, regs);
  ASSERT_EQ(all.size(), 3u) << "a deactivated unit is not expected";
  EXPECT_EQ(all[0].unit.id, "truong");  // catalogue order

  const auto& toan = of(all, "to-toan-tin");
  EXPECT_TRUE(toan.unit_registered);
  EXPECT_TRUE(toan.unit_awaiting);
  EXPECT_EQ(toan.members, 3);
  ASSERT_EQ(toan.unregistered.size(), 1u) << "a draft is not registered";
  EXPECT_EQ(toan.unregistered[0].name, "Phạm Thị Bình");
  EXPECT_EQ(toan.awaiting, (std::vector<std::string>{"gv-an"}));
  EXPECT_FALSE(toan.done());

  const auto& van = of(all, "to-ngu-van");
  EXPECT_TRUE(van.done()) << "submitted is enough";
  EXPECT_FALSE(van.unit_awaiting);

  const auto& school = of(all, "truong");
  EXPECT_FALSE(school.unit_registered);
  EXPECT_EQ(school.members, 0);
  EXPECT_FALSE(school.done());

  auto owing = still_owing(all);
  ASSERT_EQ(owing.size(), 2u);
  EXPECT_EQ(owing[0].unit.id, "truong");
  EXPECT_EQ(owing[1].unit.id, "to-toan-tin");
}

TEST(RegistrationOwing, NothingRegisteredMeansEveryActiveUnitOwesWithAllItsMembers) {
  auto all = registrations_by_unit(kUnits, kStaff, {});
  auto owing = still_owing(all);
  ASSERT_EQ(owing.size(), 3u);
  EXPECT_EQ(of(owing, "to-toan-tin").unregistered.size(), 3u);
  EXPECT_EQ(of(owing, "to-ngu-van").unregistered.size(), 1u);
}

TEST(RegistrationOwing, ALeaderConfirmsTheirMembersNotThemselves) {
  std::vector<RegistrationRecord> regs = {own_reg("gv-toan", "submitted"),
                                          own_reg("gv-an", "submitted"),
                                          own_reg("gv-binh", "submitted")};
  auto toan = of(registrations_by_unit(kUnits, kStaff, regs), "to-toan-tin");
  EXPECT_EQ(toan.awaiting.size(), 3u);
  EXPECT_EQ(awaiting_confirmation_by(toan, "gv-toan"), 2);
}

TEST(RegistrationText, GapsInAColleaguesWords) {
  UnitRegistrations u;
  u.unit = kUnits[1];
  u.unregistered = {kStaff[1], kStaff[2], kStaff[0]};
  EXPECT_EQ(registration_gap(u), "tập thể và 3 thầy cô chưa đăng ký");
  u.unit_registered = true;
  EXPECT_EQ(registration_gap(u), "còn 3 thầy cô chưa đăng ký");
  u.unregistered.clear();
  EXPECT_EQ(registration_gap(u), "");
  u.unit_registered = false;
  EXPECT_EQ(registration_gap(u), "tập thể chưa đăng ký");
}

ReminderContent group_content(const std::vector<UnitRegistrations>& owing, int days_before) {
  ReminderContent c;
  c.deadline_name = "Đăng ký danh hiệu và chỉ tiêu thi đua năm 2027";
  c.recipient = "Hội đồng Thi đua – Khen thưởng nhà trường";
  c.due = {2027, 9, 30};
  c.days_before = days_before;
  c.contact = "thầy Nguyễn Trung Giang";
  c.registrations = true;
  c.unregistered = owing;
  return c;
}

TEST(RegistrationText, TheGroupHearsTheUnitsThatOweWithCountsAndNoNames) {
  std::vector<RegistrationRecord> regs = {unit_reg("to-toan-tin", "submitted"),
                                          unit_reg("truong", "confirmed"),
                                          own_reg("gv-hoa", "submitted")};
  auto owing = still_owing(registrations_by_unit(kUnits, kStaff, regs));
  auto text = reminder_text(group_content(owing, 7));
  EXPECT_NE(text.find("Đăng ký danh hiệu và chỉ tiêu thi đua năm 2027"), std::string::npos);
  EXPECT_NE(text.find("Hạn chót: 30/09/2027 (còn 7 ngày)"), std::string::npos) << text;
  EXPECT_NE(text.find("Đơn vị chưa đăng ký đủ (2):\n"
                      "- Tổ Toán – Tin: còn 3 thầy cô chưa đăng ký.\n"
                      "- Tổ Ngữ văn: tập thể chưa đăng ký."),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("Trường THCS"), std::string::npos) << text;
  EXPECT_EQ(text.find("Trần Văn An"), std::string::npos) << "names are for the leader";
  EXPECT_EQ(text.find("nộp phần"), std::string::npos) << text;

  auto overdue = reminder_text(group_content(owing, -2));
  const std::string overdue_start =
      "⚠️ QUÁ HẠN 2 ngày — Kính gửi Ban giám hiệu và các đơn vị chưa đăng "
      "ký "
      "đủ.";
  EXPECT_EQ(overdue.rfind(overdue_start, 0), 0u) << overdue;

  auto all_in = reminder_text(group_content({}, 0));
  EXPECT_NE(all_in.find("Tất cả các đơn vị và thầy cô đã đăng ký thi đua"), std::string::npos)
      << all_in;
}

TEST(RegistrationText, TheLeaderHearsWhoOfTheUnitAndWhatWaitsForThem) {
  std::vector<RegistrationRecord> regs = {own_reg("gv-an", "submitted")};
  auto toan = of(registrations_by_unit(kUnits, kStaff, regs), "to-toan-tin");
  PrivateReminderContent p;
  p.name = "Lê Văn Toán";
  p.gender = "male";
  p.unit_name = "Tổ Toán – Tin";
  p.deadline_name = "Đăng ký danh hiệu và chỉ tiêu thi đua năm 2027";
  p.recipient = "Hội đồng Thi đua – Khen thưởng nhà trường";
  p.due = {2027, 9, 30};
  p.days_before = 3;
  p.dashboard_url = "https://thidua.example/admin/";
  p.registration = toan;
  p.awaiting = awaiting_confirmation_by(toan, "gv-toan");
  auto text = private_reminder_text(p);
  EXPECT_EQ(text.rfind("Kính gửi thầy Lê Văn Toán,\nTổ Toán – Tin chưa đăng ký thi đua đủ cho "
                       "Đăng ký danh hiệu và chỉ tiêu thi đua năm 2027 (gửi Hội đồng Thi đua – "
                       "Khen thưởng nhà trường): tập thể và 2 thầy cô chưa đăng ký.\n"
                       "Chưa đăng ký: Lê Văn Toán, Phạm Thị Bình.\n"
                       "Hạn chót: 30/09/2027, còn 3 ngày.\n"
                       "Có 1 bản đăng ký của thầy cô trong tổ đã gửi, đang chờ thầy xác nhận.\n"
                       "Thầy nhắc thầy cô trong tổ đăng ký",
                       0),
            0u)
      << text;
  EXPECT_NE(text.find("https://thidua.example/admin/"), std::string::npos) << text;
  EXPECT_NE(text.find("/tatnhac"), std::string::npos) << text;
  EXPECT_EQ(text.find("phần báo cáo"), std::string::npos) << text;
}

TEST(RegistrationDeadline, OwedByRegistrationsIsParsedAndNeverMarkedDone) {
  auto d = parse_deadline(nlohmann::json{{"id", "dang-ky-thi-dua"},
                                         {"name", "Đăng ký danh hiệu và chỉ tiêu thi đua"},
                                         {"recipient", "Hội đồng Thi đua – Khen thưởng"},
                                         {"month", 9},
                                         {"day", 30},
                                         {"owed_by", "registrations"}});
  EXPECT_EQ(d.owed_by, Owner::Registrations);
  EXPECT_EQ(to_json(d)["owed_by"], "registrations");
  EXPECT_FALSE(completion_of(d, DoneMark{}, std::nullopt)) << "done by the registrations";
  try {
    check_done_mark(d, {2027, 9, 30}, {2027, 9, 20}, {2027, 9, 25});
    FAIL() << "marked";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.code(), "done_by_registrations");
  }
  try {
    parse_deadline(
        nlohmann::json{{"name", "x"}, {"recipient", "y"}, {"id", "x"}, {"owed_by", "ca-nhan"}});
    FAIL() << "accepted";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.code(), "invalid_owner");
    EXPECT_NE(e.detail().find("registrations"), std::string::npos);
  }
}

// The audience rule is the units' one: leaders of the units that still owe, in private.
TEST(RegistrationAudience, LeadersOfTheOwingUnitsHearItPrivately) {
  ReminderSituation s;
  s.owing = {kUnits[1]};
  s.staff = kStaff;
  auto routing = route_reminder(s);
  EXPECT_TRUE(routing.group);
  ASSERT_EQ(routing.leaders.size(), 1u);
  EXPECT_EQ(routing.leaders[0].staff_id, "gv-toan");
}

}  // namespace
}  // namespace thidua::reports
