// Registration of targets (đăng ký thi đua, issue 14): who writes and who confirms whose
// registration, what a registration must hold, how an edit moves its status, and who the
// board sees as not registered. Pure rules: a catalogue in memory.
#include "nominations/domain/registration.hpp"

#include <gtest/gtest.h>

#include "core/errors.hpp"

namespace thidua::nominations {
namespace {

StaffMember person(std::string id, std::string name, std::string unit, std::string role) {
  StaffMember m;
  m.id = std::move(id);
  m.name = std::move(name);
  m.unit_id = std::move(unit);
  m.role = std::move(role);
  return m;
}

Catalogue school() {
  Catalogue c;
  c.units = {{"truong", "Trường THCS Vĩnh Phong 1", "school"},
             {"to-toan-tin", "Tổ Toán – Tin", "subject_group"},
             {"to-ngu-van", "Tổ Ngữ văn", "subject_group"},
             {"to-cu", "Tổ Thể dục", "subject_group", false}};
  c.staff = {person("gv-lan", "Nguyễn Thị Lan", "to-toan-tin", "staff"),
             person("tt-binh", "Lê Văn Bình", "to-toan-tin", "leader"),
             person("tt-hoa", "Trần Thị Hoa", "to-ngu-van", "leader"),
             person("gv-cu", "Phạm Văn Cũ", "to-cu", "staff")};
  return c;
}

const RegistrationActor kLan{Role::Staff, "gv-lan", "to-toan-tin"};
const RegistrationActor kBinh{Role::Leader, "tt-binh", "to-toan-tin"};
const RegistrationActor kHoa{Role::Leader, "tt-hoa", "to-ngu-van"};
const RegistrationActor kBoard{Role::Admin, "", ""};
const RegistrationActor kPrincipal{Role::Admin, "ht-an", "truong"};
const RegistrationActor kCouncil{Role::Council, "hd-tam", "to-ngu-van"};

Registration lan() {
  Registration r;
  r.year = 2026;
  r.subject_kind = SubjectKind::Individual;
  r.subject_id = "gv-lan";
  r.titles = {"Lao động tiên tiến"};
  r.targets = {{"II.1", "12 bài giảng điện tử"}, {"II.4", "Chia sẻ 5 học liệu số lên kho"}};
  return r;
}

Registration unit(std::string id) {
  Registration r;
  r.year = 2026;
  r.subject_kind = SubjectKind::Collective;
  r.subject_id = std::move(id);
  r.titles = {"Tập thể lao động tiên tiến"};
  return r;
}

std::string code_of(Registration r, const Catalogue& c) {
  try {
    check_registration(r, c);
  } catch (const ApiError& e) {
    EXPECT_EQ(e.status(), 422);
    return e.code();
  }
  return "";
}

TEST(RegistrationTest, ATeacherWritesTheirOwnALeaderTheirUnitsTheBoardAnyones) {
  const auto I = SubjectKind::Individual;
  const auto C = SubjectKind::Collective;
  EXPECT_TRUE(may_write_registration(kLan, I, "gv-lan", "to-toan-tin"));
  EXPECT_FALSE(may_write_registration(kLan, I, "tt-binh", "to-toan-tin"));
  EXPECT_FALSE(may_write_registration(kLan, C, "to-toan-tin", "to-toan-tin"));
  EXPECT_TRUE(may_write_registration(kBinh, I, "gv-lan", "to-toan-tin"));
  EXPECT_TRUE(may_write_registration(kBinh, C, "to-toan-tin", "to-toan-tin"));
  EXPECT_FALSE(may_write_registration(kBinh, I, "tt-hoa", "to-ngu-van"));
  EXPECT_FALSE(may_write_registration(kBinh, C, "to-ngu-van", "to-ngu-van"));
  EXPECT_TRUE(may_write_registration(kCouncil, I, "hd-tam", "to-ngu-van"));
  EXPECT_FALSE(may_write_registration(kCouncil, C, "to-ngu-van", "to-ngu-van"));
  EXPECT_TRUE(may_write_registration(kBoard, C, "truong", "truong"));
  EXPECT_TRUE(may_write_registration(kBoard, I, "tt-hoa", "to-ngu-van"));
}

TEST(RegistrationTest, TheLeaderOfTheUnitOrTheBoardConfirmsNeverTheirOwn) {
  auto r = lan();
  r.unit_id = "to-toan-tin";
  EXPECT_TRUE(may_confirm_registration(kBinh, r));
  EXPECT_FALSE(may_confirm_registration(kHoa, r));
  EXPECT_FALSE(may_confirm_registration(kLan, r));
  EXPECT_FALSE(may_confirm_registration(kCouncil, r));
  EXPECT_TRUE(may_confirm_registration(kBoard, r));

  auto own = r;
  own.subject_id = "tt-binh";
  EXPECT_FALSE(may_confirm_registration(kBinh, own));
  EXPECT_TRUE(may_confirm_registration(kPrincipal, own));

  auto team = unit("to-toan-tin");
  team.unit_id = "to-toan-tin";
  EXPECT_FALSE(may_confirm_registration(kBinh, team)) << "the leader wrote it";
  EXPECT_TRUE(may_confirm_registration(kPrincipal, team));
  auto school_reg = unit("truong");
  school_reg.unit_id = "truong";
  EXPECT_FALSE(may_confirm_registration(kPrincipal, school_reg)) << "the principal's own unit";
  EXPECT_TRUE(may_confirm_registration(kBoard, school_reg));
}

TEST(RegistrationTest, ARegistrationNamesItsSubjectAndHoldsOneToFiveTitles) {
  const auto c = school();
  auto r = lan();
  check_registration(r, c);
  EXPECT_EQ(r.subject_name, "Nguyễn Thị Lan");
  EXPECT_EQ(r.unit_id, "to-toan-tin");
  EXPECT_EQ(r.unit_name, "Tổ Toán – Tin");
  auto t = unit("to-toan-tin");
  check_registration(t, c);
  EXPECT_EQ(t.subject_name, "Tổ Toán – Tin");
  EXPECT_EQ(t.unit_id, "to-toan-tin");

  auto none = lan();
  none.titles.clear();
  EXPECT_EQ(code_of(none, c), "invalid_registration");
  auto six = lan();
  six.titles = {"a", "b", "c", "d", "e", "f"};
  EXPECT_EQ(code_of(six, c), "invalid_registration");
  auto twice = lan();
  twice.titles = {"Lao động tiên tiến", "Lao động tiên tiến"};
  EXPECT_EQ(code_of(twice, c), "invalid_registration");
  auto blank = lan();
  blank.titles = {"  "};
  EXPECT_EQ(code_of(blank, c), "invalid_registration");
  auto free_text = lan();
  free_text.titles = {"Giáo viên dạy giỏi cấp trường"};
  EXPECT_EQ(code_of(free_text, c), "");
}

TEST(RegistrationTest, TargetsAreTaggedWithAContentAreaAndShort) {
  const auto c = school();
  auto area = lan();
  area.targets = {{"II.9", "3 chuyên đề"}};
  EXPECT_EQ(code_of(area, c), "invalid_registration");
  auto empty = lan();
  empty.targets = {{"II.2", " "}};
  EXPECT_EQ(code_of(empty, c), "invalid_registration");
  auto long_text = lan();
  long_text.targets = {{"II.2", std::string(301, 'a')}};
  EXPECT_EQ(code_of(long_text, c), "invalid_registration");
  auto just = lan();
  std::string viet;
  for (int i = 0; i < 300; ++i) viet += "ệ";  // 300 characters, 900 bytes
  just.targets = {{"II.2", viet}};
  EXPECT_EQ(code_of(just, c), "");
  auto many = lan();
  many.targets.assign(13, {"II.1", "1 bài giảng"});
  EXPECT_EQ(code_of(many, c), "invalid_registration");
  auto none = lan();
  none.targets.clear();
  EXPECT_EQ(code_of(none, c), "");
}

TEST(RegistrationTest, UnknownSubjectsAndInactiveUnitsAreRefused) {
  const auto c = school();
  auto nobody = lan();
  nobody.subject_id = "gv-khong";
  EXPECT_EQ(code_of(nobody, c), "unknown_subject");
  EXPECT_EQ(code_of(unit("to-khong"), c), "unknown_subject");
  EXPECT_EQ(code_of(unit("to-cu"), c), "registration_not_expected");
  auto old = lan();
  old.subject_id = "gv-cu";
  EXPECT_EQ(code_of(old, c), "registration_not_expected");
  auto year = lan();
  year.year = 2031;
  EXPECT_EQ(code_of(year, c), "invalid_registration");
  try {
    check_registration(old, c);
  } catch (const ApiError& e) {
    EXPECT_EQ(e.detail(),
              "Phạm Văn Cũ thuộc Tổ Thể dục, tổ này đã ngừng hoạt động nên không cần đăng ký thi "
              "đua.");
  }
}

TEST(RegistrationTest, EditingAConfirmedRegistrationSendsItBackToTheLeader) {
  EXPECT_EQ(status_after_edit(std::nullopt, false), RegistrationStatus::Draft);
  EXPECT_EQ(status_after_edit(std::nullopt, true), RegistrationStatus::Submitted);
  auto before = lan();
  before.status = RegistrationStatus::Draft;
  EXPECT_EQ(status_after_edit(before, false), RegistrationStatus::Draft);
  before.status = RegistrationStatus::Submitted;
  EXPECT_EQ(status_after_edit(before, false), RegistrationStatus::Submitted);
  before.status = RegistrationStatus::Confirmed;
  EXPECT_EQ(status_after_edit(before, false), RegistrationStatus::Submitted);
  EXPECT_EQ(status_after_edit(before, true), RegistrationStatus::Submitted);
}

TEST(RegistrationTest, ADraftIsNotConfirmed) {
  auto r = lan();
  r.subject_name = "Nguyễn Thị Lan";
  try {
    check_confirmable(r);
    ADD_FAILURE() << "a draft was confirmed";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.status(), 409);
    EXPECT_EQ(e.detail(),
              "Đăng ký thi đua của Nguyễn Thị Lan còn là bản nháp; khi đã gửi mới xác nhận được.");
  }
  r.status = RegistrationStatus::Submitted;
  EXPECT_NO_THROW(check_confirmable(r));
}

TEST(RegistrationTest, TheBoardSeesActiveUnitsAndTheirStaffWhoHaveNotRegistered) {
  const auto c = school();
  auto submitted = lan();
  submitted.status = RegistrationStatus::Submitted;
  auto draft = unit("to-toan-tin");  // a draft is not a registration yet
  auto confirmed = unit("to-ngu-van");
  confirmed.status = RegistrationStatus::Confirmed;
  auto other_year = unit("truong");
  other_year.year = 2025;
  other_year.status = RegistrationStatus::Confirmed;
  auto missing = who_has_not_registered(c, {submitted, draft, confirmed, other_year}, 2026);
  std::vector<std::string> units, staff;
  for (const auto* u : missing.units) units.push_back(u->id);
  for (const auto* m : missing.staff) staff.push_back(m->id);
  EXPECT_EQ(units, (std::vector<std::string>{"truong", "to-toan-tin"}));
  EXPECT_EQ(staff, (std::vector<std::string>{"tt-binh", "tt-hoa"}));  // not gv-cu: unit inactive
}

TEST(RegistrationTest, StatusesAndTitlesReadWell) {
  EXPECT_EQ(registration_status_label(RegistrationStatus::Submitted), "Chờ tổ trưởng xác nhận");
  // Whom a submitted registration waits for (may_confirm_registration: never one's own): a
  // member's the leader, a unit's own and a leader's own the board.
  Registration r;
  r.status = RegistrationStatus::Submitted;
  EXPECT_EQ(registration_status_label(r, "staff"), "Chờ tổ trưởng xác nhận");
  EXPECT_EQ(registration_status_label(r, "leader"), "Chờ Ban giám hiệu xác nhận");
  r.subject_kind = SubjectKind::Collective;
  EXPECT_EQ(registration_status_label(r, ""), "Chờ Ban giám hiệu xác nhận");
  r.status = RegistrationStatus::Confirmed;
  EXPECT_EQ(registration_status_label(r, ""),
            registration_status_label(RegistrationStatus::Confirmed));
  EXPECT_EQ(parse_registration_status("confirmed"), RegistrationStatus::Confirmed);
  EXPECT_FALSE(parse_registration_status("approved"));
  EXPECT_EQ(common_titles(SubjectKind::Collective).front(), "Tập thể lao động tiên tiến");
  EXPECT_EQ(common_titles(SubjectKind::Individual).front(), "Lao động tiên tiến");
}

}  // namespace
}  // namespace thidua::nominations
