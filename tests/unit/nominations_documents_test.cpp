// The documents of an award round as pure parts: the danh sách built from the nominations
// (who is listed, in which order, with what), the school's templates in config/documents/
// against the placeholders the code fills (and the built-in copies), a template with an
// unknown or a missing placeholder refused, the Document the writers lay out.
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
#include "support/process.hpp"

namespace thidua::nominations {
namespace {

Catalogue sample_catalogue() {
  Catalogue c;
  c.units = {{"to-toan-tin", "Tổ Toán – Tin", "subject_group"},
             {"to-van-phong", "Tổ Văn phòng", "office"}};
  StaffMember an;
  an.id = "gv-an";
  an.name = "Nguyễn Văn An";
  an.position = "giáo viên";
  an.unit_id = "to-toan-tin";
  StaffMember hoa = an;
  hoa.id = "nv-hoa";
  hoa.name = "Lê Thị Hoa";
  hoa.position = "nhân viên văn thư";
  hoa.unit_id = "to-van-phong";
  c.staff = {an, hoa};
  c.periods = {{"2026", PeriodKind::Annual, 2026, 1, "Năm 2026"}};
  AwardForm xa;
  xa.code = "gk_xa";
  xa.label = "Giấy khen của Chủ tịch UBND xã";
  xa.level = "commune";
  xa.authority = "Chủ tịch Ủy ban nhân dân xã Vĩnh Phong";
  AwardForm ht = xa;
  ht.code = "gk_ht";
  ht.label = "Giấy khen của Hiệu trưởng";
  ht.level = "school";
  c.award_forms = {xa, ht};
  return c;
}

NominationRecord nomination(const std::string& id, SubjectKind kind, const std::string& subject,
                            Status status, const std::string& award = "gk_xa") {
  NominationRecord r;
  r.id = id;
  r.draft.period = "2026";
  r.draft.award = award;
  r.draft.subject_kind = kind;
  r.draft.subject_id = subject;
  r.draft.reason = "Thành tích của " + subject;
  r.status = status;
  return r;
}

TEST(RoundList, ApprovedAndForwardedOfTheRoundCollectivesFirst) {
  auto c = sample_catalogue();
  std::vector<NominationRecord> all = {
      nomination("1", SubjectKind::Individual, "gv-an", Status::Approved),
      nomination("2", SubjectKind::Individual, "nv-hoa", Status::Rejected),
      nomination("3", SubjectKind::Collective, "to-toan-tin", Status::Forwarded),
      nomination("4", SubjectKind::Individual, "nv-hoa", Status::Forwarded),
      nomination("5", SubjectKind::Individual, "gv-an", Status::Approved, "gk_ht"),
      nomination("6", SubjectKind::Individual, "gv-an", Status::UnderReview),
  };
  all[0].draft.reason = "";
  all[0].draft.achievements = {{"Soạn 12 bài giảng điện tử.", {"II.4"}, {}}};
  all[3].outcome.public_achievement = "Số hóa toàn bộ hồ sơ văn thư.";
  auto lines = nominee_lines(all, c, "2026", "gk_xa", proposal_statuses());
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].nomination_id, "3");
  EXPECT_EQ(lines[0].name, "Tổ Toán – Tin");
  EXPECT_EQ(lines[1].name, "Nguyễn Văn An");
  EXPECT_EQ(lines[1].position_unit, "Giáo viên, Tổ Toán – Tin");
  EXPECT_EQ(lines[1].achievement, "Soạn 12 bài giảng điện tử.");
  EXPECT_EQ(lines[2].position_unit, "Nhân viên văn thư, Tổ Văn phòng");
  EXPECT_EQ(lines[2].achievement, "Số hóa toàn bộ hồ sơ văn thư.");
  EXPECT_EQ(lines[2].award, "Giấy khen của Chủ tịch UBND xã");
  EXPECT_TRUE(nominee_lines(all, c, "2027", "gk_xa", proposal_statuses()).empty());
  EXPECT_TRUE(granted_by_school(*c.award("gk_ht")));
  EXPECT_FALSE(granted_by_school(*c.award("gk_xa")));
}

std::string school_template(const std::string& file) {
  std::ifstream in(testing::source_dir() + "/config/documents/" + file);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(RoundTemplates, TheSchoolsTemplatesLoadAndTheBuiltInCopiesAreTheSame) {
  for (const auto& [file, schema] : {std::pair{kProposalTemplate, &proposal_schema()},
                                     {kDecisionTemplate, &decision_schema()}}) {
    auto text = school_template(file);
    ASSERT_FALSE(text.empty()) << file;
    EXPECT_EQ(std::string(builtin_template(file)), text) << file;
    EXPECT_NO_THROW(docs::Template::parse(text, *schema, file)) << file;
  }
}

TEST(RoundTemplates, UnknownOrMissingPlaceholdersAreRefusedWithTheLine) {
  const std::string head = "@loai: TỜ TRÌNH\n@trich-yeu: Về việc {{hinh_thuc}}\n";
  try {
    docs::Template::parse(head +
                              "@kinh-gui: {{co_quan_khen}}\n{{#danh_sach}}\n{{ho_ten}}\n"
                              "{{/danh_sach}}\n",
                          proposal_schema(), kProposalTemplate);
    FAIL() << "an unknown placeholder was accepted";
  } catch (const docs::TemplateError& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("to-trinh.txt, dòng 5"), std::string::npos) << what;
    EXPECT_NE(what.find("{{ho_ten}}"), std::string::npos) << what;
  }
  // A tờ trình that names nobody to send it to is not one.
  EXPECT_THROW(docs::Template::parse(head + "{{#danh_sach}}\n{{ten}}\n{{/danh_sach}}\n",
                                     proposal_schema(), kProposalTemplate),
               docs::TemplateError);
  // The quyết định is the school's own: no addressee needed, but its list is.
  EXPECT_NO_THROW(docs::Template::parse(head + "{{#danh_sach}}\n{{ten}}\n{{/danh_sach}}\n",
                                        decision_schema(), kDecisionTemplate));
  EXPECT_THROW(docs::Template::parse(head, decision_schema(), kDecisionTemplate),
               docs::TemplateError);
}

std::string body_text(const docs::Document& d) {
  std::string all;
  for (const auto& b : d.body) {
    for (const auto& s : b.spans) all += s.text + "\n";
    for (const auto& row : b.rows) {
      for (const auto& cell : row) all += cell + "|";
      all += "\n";
    }
  }
  return all;
}

TEST(RoundDocument, TheProposalIsAddressedToTheAuthorityAndListsEveryNominee) {
  auto c = sample_catalogue();
  std::vector<NominationRecord> all = {
      nomination("1", SubjectKind::Individual, "gv-an", Status::Approved),
      nomination("3", SubjectKind::Collective, "to-toan-tin", Status::Approved)};
  RoundDocument round{c.period("2026"), c.award("gk_xa"),
                      nominee_lines(all, c, "2026", "gk_xa", proposal_statuses())};
  auto t = docs::Template::parse(school_template(kProposalTemplate), proposal_schema(),
                                 kProposalTemplate);
  docs::Issuer issuer;
  docs::Signer signer{"KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG", "Trần Thị Bình"};
  auto d = round_document(round, t, issuer, signer, "01/TTr-THCSVP1", {2026, 11, 5});
  EXPECT_EQ(d.type, "TỜ TRÌNH");
  EXPECT_EQ(d.addressee, "Chủ tịch Ủy ban nhân dân xã Vĩnh Phong");
  EXPECT_EQ(d.date_line, "Vĩnh Phong, ngày 05 tháng 11 năm 2026");
  EXPECT_NE(d.summary.find("Giấy khen của Chủ tịch UBND xã năm 2026"), std::string::npos)
      << d.summary;
  auto text = body_text(d);
  EXPECT_NE(text.find("1|Tổ Toán – Tin|Tổ chuyên môn|"), std::string::npos) << text;
  EXPECT_NE(text.find("2|Nguyễn Văn An|Giáo viên, Tổ Toán – Tin|"), std::string::npos) << text;
  EXPECT_NE(text.find("2 đối tượng (1 tập thể, 1 cá nhân)"), std::string::npos) << text;
  EXPECT_EQ(round_label(round), "Giấy khen của Chủ tịch UBND xã năm 2026");
}

TEST(RoundDocument, TheDecisionNamesTheSchoolInCapitals) {
  auto c = sample_catalogue();
  std::vector<NominationRecord> all = {
      nomination("5", SubjectKind::Individual, "gv-an", Status::Approved, "gk_ht")};
  RoundDocument round{c.period("2026"), c.award("gk_ht"),
                      nominee_lines(all, c, "2026", "gk_ht", decision_statuses())};
  auto t = docs::Template::parse(school_template(kDecisionTemplate), decision_schema(),
                                 kDecisionTemplate);
  docs::Issuer issuer;
  docs::Signer principal{"", "HIỆU TRƯỞNG", "Phạm Văn Cường"};
  auto d = round_document(round, t, issuer, principal, "01/QĐ-THCSVP1", {2026, 11, 5});
  EXPECT_EQ(d.type, "QUYẾT ĐỊNH");
  EXPECT_EQ(d.addressee, "");
  auto text = body_text(d);
  EXPECT_NE(text.find("HIỆU TRƯỞNG TRƯỜNG THCS VĨNH PHONG 1"), std::string::npos) << text;
  EXPECT_NE(text.find("1|Nguyễn Văn An|Giáo viên, Tổ Toán – Tin|"), std::string::npos) << text;
}

TEST(RoundDocument, DecisionIdsAreAsciiWhateverTheType) {
  EXPECT_EQ(docs::type_slug("QĐ"), "qd");
  EXPECT_EQ(docs::document_id(2026, "QĐ", 3), "2026-qd-03");
  EXPECT_EQ(docs::document_id(2026, "TTr", 12), "2026-ttr-12");
  EXPECT_TRUE(ids::document(docs::document_id(2026, "QĐ", 3)));
}

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
  EXPECT_NE(text.find("Đăng ký thi đua đầu năm 2026: chưa đăng ký thi đua trong hệ thống."),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Chưa có sáng kiến, giải pháp nào được công nhận trong năm."),
            std::string::npos)
      << text;

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
                .find("chưa đăng ký thi đua trong hệ thống"),
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
