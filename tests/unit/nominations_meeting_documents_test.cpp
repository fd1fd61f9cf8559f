// The council's documents as pure parts: a meeting recorded with its members by name, its
// biên bản (who was there, each vote, two signatures), and a person's báo cáo thành tích
// (profile, achievements, past awards found by themselves).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/errors.hpp"
#include "core/ids.hpp"
#include "docs/issued.hpp"
#include "nominations/api/council_codec.hpp"
#include "nominations/domain/achievement_report.hpp"
#include "nominations/domain/award_documents.hpp"
#include "nominations/domain/builtin_templates.hpp"
#include "nominations/domain/minutes_document.hpp"
#include "nominations/store/meeting_codec.hpp"
#include "nominations/store/nomination_codec.hpp"
#include "nominations_documents_samples.hpp"
#include "support/process.hpp"

namespace thidua::nominations {
namespace {
using namespace documents_test;

// The code of a refusal, or "accepted".
std::string refusal(const nlohmann::json& body) {
  const std::map<std::string, StaffName> staff = {{"hd-a", {"Phạm Văn Cường", "hiệu trưởng"}},
                                                  {"hd-b", {"Hồ Thị My", "giáo viên"}},
                                                  {"hd-c", {"Vũ Văn Nam", "giáo viên"}}};
  try {
    settle_meeting(parse_meeting_form(body), staff);
  } catch (const ApiError& e) {
    return std::to_string(e.status()) + " " + e.code();
  }
  return "accepted";
}

nlohmann::json named_meeting() {
  return {{"date", "2026-11-02"},
          {"start_time", "14:00"},
          {"end_time", "16:30"},
          {"place", "Phòng họp"},
          {"chair_id", "hd-a"},
          {"secretary_id", "hd-b"},
          {"members",
           {{{"staff_id", "hd-a"}},
            {{"staff_id", "hd-b"}, {"present", true}},
            {{"staff_id", "hd-c"}, {"present", false}}}}};
}

TEST(Meeting, MembersByNameGiveTheCountsAndTheSignersMustBeThere) {
  const std::map<std::string, StaffName> staff = {{"hd-a", {"Phạm Văn Cường", "hiệu trưởng"}},
                                                  {"hd-b", {"Hồ Thị My", "giáo viên"}},
                                                  {"hd-c", {"Vũ Văn Nam", "giáo viên"}}};
  auto m = settle_meeting(parse_meeting_form(named_meeting()), staff);
  EXPECT_EQ(m.members_total, 3);
  EXPECT_EQ(m.members_present, 2);
  EXPECT_EQ(m.member("hd-c")->name, "Vũ Văn Nam");
  EXPECT_FALSE(m.member("hd-c")->present);
  auto back = stored::read_meeting(stored::to_json(m));
  EXPECT_EQ(back.chair_id, "hd-a");
  EXPECT_EQ(back.secretary_id, "hd-b");
  EXPECT_EQ(back.members.size(), 3u);

  EXPECT_EQ(refusal({{"date", "2026-11-02"}, {"members_total", 9}, {"members_present", 7}}),
            "accepted");
  auto body = named_meeting();
  body["secretary_id"] = "hd-c";
  EXPECT_EQ(refusal(body), "422 signer_not_present");
  body = named_meeting();
  body["members"].push_back({{"staff_id", "hd-x"}});
  EXPECT_EQ(refusal(body), "422 unknown_staff");
  body = named_meeting();
  body["members"].push_back({{"staff_id", "hd-a"}});
  EXPECT_EQ(refusal(body), "422 member_twice");
  body = named_meeting();
  body["members_present"] = 3;
  EXPECT_EQ(refusal(body), "422 counts_disagree");
  body = named_meeting();
  body["end_time"] = "13:00";
  EXPECT_EQ(refusal(body), "422 end_before_start");
  body = named_meeting();
  body["start_time"] = "25:00";
  EXPECT_EQ(refusal(body), "400 invalid_time");
  EXPECT_EQ(refusal({{"date", "2026-11-02"}}), "400 missing_field");
  body = named_meeting();
  body["members"] = nullptr;
  EXPECT_EQ(refusal(body), "400 invalid_members");
}

TEST(Minutes, PresentAndAbsentByNameEachVoteAndTwoSignatures) {
  const std::map<std::string, StaffName> staff = {{"hd-a", {"Phạm Văn Cường", "hiệu trưởng"}},
                                                  {"hd-b", {"Hồ Thị My", "giáo viên"}},
                                                  {"hd-c", {"Vũ Văn Nam", "giáo viên"}}};
  MinutesInput in;
  in.meeting = settle_meeting(parse_meeting_form(named_meeting()), staff);
  in.quorum_needed = 2;
  auto passed = nomination("1", SubjectKind::Individual, "gv-an", Status::Approved);
  passed.subject_name = "Nguyễn Văn An";
  passed.award_label = "Giấy khen của Chủ tịch UBND xã";
  passed.vote.emplace();
  passed.vote->ballot.meeting_id = "7";
  passed.vote->ballot.yes = 2;
  passed.vote->outcome.passed = true;
  auto other = passed;
  other.id = "2";
  other.vote->ballot.meeting_id = "8";
  in.considered = considered_lines({passed, other}, "7");
  ASSERT_EQ(in.considered.size(), 1u);
  auto t =
      docs::Template::parse(school_template(kMinutesTemplate), minutes_schema(), kMinutesTemplate);
  docs::Issuer issuer;
  auto d = minutes_document(in, t, issuer, "01/BB-THCSVP1", {2026, 11, 5});
  EXPECT_EQ(d.type, "BIÊN BẢN");
  EXPECT_EQ(d.signer.name, "Phạm Văn Cường");
  ASSERT_TRUE(d.left_signer);
  EXPECT_EQ(d.left_signer->name, "Hồ Thị My");
  auto text = body_text(d);
  EXPECT_NE(text.find("1|Phạm Văn Cường|Hiệu trưởng|"), std::string::npos) << text;
  EXPECT_NE(text.find("1|Vũ Văn Nam|Giáo viên|"), std::string::npos) << text;
  EXPECT_NE(text.find("1|Nguyễn Văn An|Giấy khen của Chủ tịch UBND xã|2 / 0 / 0|Thông qua|"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("ngày 02 tháng 11 năm 2026"), std::string::npos) << text;
  EXPECT_NE(text.find("cuộc họp hợp lệ"), std::string::npos) << text;
  EXPECT_EQ(date_words({2027, 2, 5}), "ngày 05 tháng 02 năm 2027");
}

TEST(AchievementReport, ProfileAchievementsAndPastAwardsFoundByThemselves) {
  auto c = sample_catalogue();
  c.staff[0].gender = "male";
  c.staff[0].birth_date = "1985-03-12";
  c.staff[0].qualifications = "Cử nhân Sư phạm Toán";
  c.periods.push_back({"2025", PeriodKind::Annual, 2025, 1, "Năm 2025"});
  auto past = nomination("1", SubjectKind::Individual, "gv-an", Status::Awarded, "gk_ht");
  past.draft.period = "2025";
  past.outcome.decision = Decision{"12/QĐ-THCSVP1", "2025-11-20"};
  auto other = nomination("2", SubjectKind::Individual, "nv-hoa", Status::Awarded, "gk_ht");
  other.outcome.decision = Decision{"13/QĐ-THCSVP1", "2025-11-20"};
  auto now = nomination("3", SubjectKind::Individual, "gv-an", Status::Approved);
  now.draft.achievements = {{"Soạn 12 bài giảng điện tử.", {"II.4"}, {"https://truong.vn/a"}}};
  AchievementInput in;
  in.nomination = now;
  in.awards = past_awards({past, other, now}, c, SubjectKind::Individual, "gv-an", "3");
  ASSERT_EQ(in.awards.size(), 1u);
  EXPECT_EQ(in.awards[0].year, 2025);
  EXPECT_EQ(in.awards[0].decision_date, "20/11/2025");
  EXPECT_EQ(in.awards[0].issuer, "Chủ tịch Ủy ban nhân dân xã Vĩnh Phong");
  auto t = docs::Template::parse(school_template(kIndividualReportTemplate),
                                 individual_report_schema(), kIndividualReportTemplate);
  docs::Issuer issuer;
  docs::Signer head{"", "HIỆU TRƯỞNG", "Phạm Văn Cường"};
  auto d = achievement_document(in, c, t, issuer, head, "01/BC-THCSVP1", {2026, 11, 5});
  EXPECT_EQ(d.type, "BÁO CÁO THÀNH TÍCH");
  EXPECT_EQ(d.signer.name, "Nguyễn Văn An");
  ASSERT_TRUE(d.left_signer);
  EXPECT_EQ(d.left_signer->name, "Phạm Văn Cường");
  auto text = body_text(d);
  EXPECT_NE(text.find("Giới tính: Nam. Ngày sinh: 12/03/1985."), std::string::npos) << text;
  EXPECT_NE(text.find("Cử nhân Sư phạm Toán"), std::string::npos) << text;
  EXPECT_NE(text.find("1|Soạn 12 bài giảng điện tử.|II.4 "), std::string::npos) << text;
  EXPECT_NE(text.find("1|2025|Giấy khen của Hiệu trưởng|12/QĐ-THCSVP1, ngày 20/11/2025|"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Đăng ký thi đua đầu năm 2026: chưa đăng ký. Kết quả thực hiện"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Chưa có sáng kiến, giải pháp nào được công nhận trong năm."),
            std::string::npos)
      << text;

  // A detail the record does not hold is left as dots to write by hand, not "Trình độ: .".
  c.staff[0].qualifications.clear();
  c.staff[0].birth_date.clear();
  auto blank =
      body_text(achievement_document(in, c, t, issuer, head, "01/BC-THCSVP1", {2026, 11, 5}));
  EXPECT_NE(blank.find("Ngày sinh: ………………."), std::string::npos) << blank;
  EXPECT_NE(blank.find("Trình độ chuyên môn, nghiệp vụ: ………………."), std::string::npos) << blank;

  // Registered against achieved, and the initiatives of the register recognised that year.
  Registration reg;
  reg.year = 2026;
  reg.status = RegistrationStatus::Submitted;
  reg.titles = {"Lao động tiên tiến", "Chiến sĩ thi đua cơ sở"};
  reg.targets = {{"II.4", "12 bài giảng điện tử"}, {"II.1", "Dùng phần mềm quản lý điểm"}};
  in.registration = reg;
  Initiative mine;
  mine.title = "Ngân hàng câu hỏi trực tuyến môn Toán";
  mine.author_ids = {"gv-an", "nv-hoa"};
  mine.author_names = {"Nguyễn Văn An", "Trần Thị Hoa"};
  mine.unit_id = "to-toan-tin";
  mine.year = 2026;
  mine.level = InitiativeLevel::School;
  mine.decision = InitiativeDecision{"15/QĐ-THCSVP1", {2026, 5, 20}, "Hiệu trưởng"};
  Initiative unrecognised = mine;
  unrecognised.title = "Chưa xét";
  unrecognised.level = InitiativeLevel::None;
  unrecognised.decision.reset();
  Initiative last_year = mine;
  last_year.title = "Năm trước";
  last_year.year = 2025;
  Initiative others = mine;
  others.title = "Của người khác";
  others.author_ids = {"nv-hoa"};
  in.initiatives = recognised_initiatives({mine, unrecognised, last_year, others}, c,
                                          SubjectKind::Individual, "gv-an", 2026);
  ASSERT_EQ(in.initiatives.size(), 1u);
  EXPECT_EQ(recognised_initiatives({mine, others}, c, SubjectKind::Collective, "to-toan-tin", 2026)
                .size(),
            2u);
  auto with =
      body_text(achievement_document(in, c, t, issuer, head, "03/BC-THCSVP1", {2026, 11, 5}));
  EXPECT_NE(with.find("Đăng ký thi đua đầu năm 2026: Lao động tiên tiến, Chiến sĩ thi đua cơ sở."),
            std::string::npos)
      << with;
  EXPECT_NE(with.find("|12 bài giảng điện tử|Soạn 12 bài giảng điện tử.|"), std::string::npos)
      << with;
  EXPECT_NE(with.find("|Dùng phần mềm quản lý điểm|Chưa ghi thành tích thuộc nội dung này.|"),
            std::string::npos)
      << with;
  EXPECT_NE(with.find("1|Ngân hàng câu hỏi trực tuyến môn Toán|Nguyễn Văn An, Trần Thị Hoa|"),
            std::string::npos)
      << with;
  EXPECT_NE(with.find("Số 15/QĐ-THCSVP1 ngày 20/05/2026 của Hiệu trưởng"), std::string::npos)
      << with;
  in.registration->status = RegistrationStatus::Draft;  // not handed in: not registered
  EXPECT_NE(body_text(achievement_document(in, c, t, issuer, head, "04/BC-THCSVP1", {2026, 11, 5}))
                .find("Đăng ký thi đua đầu năm 2026: chưa đăng ký."),
            std::string::npos);

  // A collective: its members from the staff records, its leader signs.
  auto unit = nomination("4", SubjectKind::Collective, "to-toan-tin", Status::Approved);
  c.staff[0].role = "leader";
  AchievementInput group;
  group.nomination = unit;
  auto tc = docs::Template::parse(school_template(kCollectiveReportTemplate),
                                  collective_report_schema(), kCollectiveReportTemplate);
  auto dc = achievement_document(group, c, tc, issuer, head, "02/BC-THCSVP1", {2026, 11, 5});
  EXPECT_EQ(dc.signer.name, "Nguyễn Văn An");
  EXPECT_NE(body_text(dc).find("1|Nguyễn Văn An|Giáo viên|"), std::string::npos) << body_text(dc);
}

}  // namespace
}  // namespace thidua::nominations
