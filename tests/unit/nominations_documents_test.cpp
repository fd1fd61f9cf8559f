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
#include "nominations_documents_samples.hpp"
#include "support/process.hpp"

namespace thidua::nominations {
namespace {
using namespace documents_test;

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

TEST(RoundDocument, TheProposalIsAddressedToTheAuthorityAndListsEveryNominee) {
  auto c = sample_catalogue();
  std::vector<NominationRecord> all = {
      nomination("1", SubjectKind::Individual, "gv-an", Status::Approved),
      nomination("3", SubjectKind::Collective, "to-toan-tin", Status::Approved)};
  // Voted at two meetings; the earlier one's biên bản is issued, the later one's not yet.
  all[0].vote = RecordedVote{{"7", 6, 1, 0, false}, "2026-11-04", {}, "", ""};
  all[1].vote = RecordedVote{{"3", 7, 0, 0, false}, "2026-11-02", {}, "", ""};
  auto lines = nominee_lines(all, c, "2026", "gk_xa", proposal_statuses());
  RoundDocument round{c.period("2026"), c.award("gk_xa"), lines, deciding_meetings(all, lines)};
  ASSERT_EQ(round.minutes.size(), 2u);
  EXPECT_EQ(round.minutes[0].meeting_id, "3");
  round.minutes[0].number_text = "03/BB-THCSVP1";
  round.minutes[0].issued_on = {2026, 11, 3};
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
  // The council's minutes are cited by number and date; one not issued yet by its meeting day.
  EXPECT_NE(text.find("Căn cứ Biên bản số 03/BB-THCSVP1 ngày 03 tháng 11 năm 2026 họp Hội đồng "
                      "Thi đua – Khen thưởng và Biên bản họp Hội đồng Thi đua – Khen thưởng ngày "
                      "04 tháng 11 năm 2026 của nhà trường,"),
            std::string::npos)
      << text;
  // The list goes after the signature; its heading all in capitals, and the document it goes
  // with.
  ASSERT_FALSE(d.appendix.empty());
  EXPECT_EQ(d.appendix.front().kind, docs::BlockKind::Title);
  for (const auto& b : d.body) EXPECT_NE(b.kind, docs::BlockKind::Table) << "a list in the body";
  EXPECT_NE(text.find("DANH SÁCH ĐỀ NGHỊ TẶNG GIẤY KHEN CỦA CHỦ TỊCH UBND XÃ\n(Kèm theo Tờ "
                      "trình số 01/TTr-THCSVP1 ngày 05 tháng 11 năm 2026 của Trường THCS Vĩnh "
                      "Phong 1)"),
            std::string::npos)
      << text;
  EXPECT_EQ(round_label(round), "Giấy khen của Chủ tịch UBND xã năm 2026");
}

TEST(RoundDocument, TheDecisionNamesTheSchoolInCapitals) {
  auto c = sample_catalogue();
  std::vector<NominationRecord> all = {
      nomination("5", SubjectKind::Individual, "gv-an", Status::Approved, "gk_ht")};
  RoundDocument round{c.period("2026"),
                      c.award("gk_ht"),
                      nominee_lines(all, c, "2026", "gk_ht", decision_statuses()),
                      {}};
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
  // No vote recorded: the minutes are cited without a number or a date.
  EXPECT_NE(text.find("Căn cứ Biên bản họp Hội đồng Thi đua – Khen thưởng của nhà trường và đề "
                      "nghị của Thường trực Hội đồng,"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("(Kèm theo Quyết định số 01/QĐ-THCSVP1 ngày 05 tháng 11 năm 2026 của Hiệu "
                      "trưởng Trường THCS Vĩnh Phong 1)"),
            std::string::npos)
      << text;
}

TEST(RoundDocument, DecisionIdsAreAsciiWhateverTheType) {
  EXPECT_EQ(docs::type_slug("QĐ"), "qd");
  EXPECT_EQ(docs::document_id(2026, "QĐ", 3), "2026-qd-03");
  EXPECT_EQ(docs::document_id(2026, "TTr", 12), "2026-ttr-12");
  EXPECT_TRUE(ids::document(docs::document_id(2026, "QĐ", 3)));
}

}  // namespace
}  // namespace thidua::nominations
