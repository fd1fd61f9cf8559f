// The yearly report as a document: the issuing rules (versions, reasons, which version was
// sent), ids and file names, and the school's template in config/documents/ against the
// schema the code fills. The board's sections, the preview and the commendations:
// reports_yearly_document_test.cpp. (Their messages are in the service's catalogue, which
// reports_messages_test renders.)
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/errors.hpp"
#include "core/ids.hpp"
#include "docs/format.hpp"
#include "docs/html_page.hpp"
#include "reports/app/rest_adapters.hpp"
#include "reports/domain/builtin_templates.hpp"
#include "reports/domain/commendations.hpp"
#include "reports/domain/issued.hpp"
#include "reports/domain/yearly_document.hpp"
#include "reports_documents_samples.hpp"
#include "support/process.hpp"

namespace thidua::reports {
namespace {
using namespace documents_test;

IssuedDocument version(int v, int number) {
  IssuedDocument d;
  d.id = document_id(2026, "BC", number);
  d.version = v;
  d.number = number;
  d.subject = "2026";
  d.number_text = std::to_string(number) + "/BC-THCSVP1";
  return d;
}

TEST(Issuing, DocumentIdsAreYearTypeAndTwoDigitNumber) {
  EXPECT_EQ(document_id(2026, "BC", 1), "2026-bc-01");
  EXPECT_EQ(document_id(2026, "TTr", 12), "2026-ttr-12");
  EXPECT_TRUE(ids::document("2026-bc-01"));
  EXPECT_FALSE(ids::document("2026-BC-01"));
  EXPECT_FALSE(ids::document("../x"));
  EXPECT_FALSE(ids::document(""));
}

TEST(Issuing, FirstVersionNeedsNoReasonLaterOnesDo) {
  auto first = plan_issue({}, "");
  EXPECT_EQ(first.version, 1);
  EXPECT_EQ(first.replaces, "");
  std::vector<IssuedDocument> issued{version(1, 3)};
  try {
    plan_issue(issued, "  ");
    FAIL() << "issued again without a reason";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.status(), 409);
    EXPECT_EQ(e.code(), "reason_required");
    EXPECT_NE(e.detail().find("3/BC-THCSVP1"), std::string::npos) << e.detail();
  }
  auto again = plan_issue(issued, "Sửa số liệu tổ Ngữ văn");
  EXPECT_EQ(again.version, 2);
  EXPECT_EQ(again.replaces, "2026-bc-03");
}

TEST(Issuing, TheSentVersionIsTheNamedOneTheNumberedOneOrTheLatest) {
  std::vector<IssuedDocument> issued{version(1, 3), version(2, 5)};
  EXPECT_EQ(choose_sent_document(issued, 2026, "", "").document_id, "2026-bc-05");
  EXPECT_EQ(choose_sent_document(issued, 2026, "", "3/BC-THCSVP1").document_id, "2026-bc-03");
  auto named = choose_sent_document(issued, 2026, "2026-bc-03", "");
  EXPECT_EQ(named.document_id, "2026-bc-03");
  EXPECT_EQ(named.number, "3/BC-THCSVP1");
  auto code = [&](const std::string& id, const std::string& number,
                  const std::vector<IssuedDocument>& list) {
    try {
      choose_sent_document(list, 2026, id, number);
    } catch (const ApiError& e) {
      EXPECT_EQ(e.status(), 422);
      return e.code();
    }
    return std::string("accepted");
  };
  EXPECT_EQ(code("2026-bc-09", "", issued), "unknown_document");
  EXPECT_EQ(code("2026-bc-03", "5/BC-THCSVP1", issued), "number_mismatch");
  EXPECT_EQ(code("", "7/BC-THCSVP1", issued), "number_unknown");
  EXPECT_EQ(code("", "", {}), "number_required");
  // Issued outside the system: the number as written.
  auto paper = choose_sent_document({}, 2026, "", "25/BC-THCSVP1");
  EXPECT_EQ(paper.number, "25/BC-THCSVP1");
  EXPECT_EQ(paper.document_id, "");
}

TEST(Issuing, DownloadNamesAreVietnameseWithoutSlashes) {
  EXPECT_EQ(download_name("Báo cáo", "năm 2026", "01/BC-THCSVP1", "pdf"),
            "Báo cáo năm 2026 - số 01-BC-THCSVP1.pdf");
}

TEST(YearlyDocument, TheSchoolsTemplateLoadsAndTheBuiltInCopyIsTheSame) {
  auto text = school_template();
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(std::string(builtin_yearly_template()), text);
  EXPECT_NO_THROW(docs::Template::parse(text, yearly_report_schema(), "bao-cao-nam.txt"));
}

TEST(YearlyDocument, FilledFromTheReportWithoutTheUnitsStillMissing) {
  auto t = docs::Template::parse(school_template(), yearly_report_schema(), "bao-cao-nam.txt");
  Issuer issuer;
  docs::Signer signer{"KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG", "Trần Thị Bình"};
  auto d =
      yearly_report_document(sample_report(), t, issuer, signer, "01/BC-THCSVP1", {2026, 10, 20});
  EXPECT_EQ(d.number, "01/BC-THCSVP1");
  EXPECT_EQ(d.date_line, "Vĩnh Phong, ngày 20 tháng 10 năm 2026");
  EXPECT_EQ(d.type, "BÁO CÁO");
  EXPECT_NE(d.summary.find("năm 2026"), std::string::npos);
  EXPECT_EQ(d.governing_body, "UBND xã Vĩnh Phong");
  EXPECT_EQ(d.filing, "VT, TĐKT");
  ASSERT_FALSE(d.recipients.empty());
  EXPECT_EQ(d.recipients[0], "UBND xã Vĩnh Phong (qua Phòng Văn hóa – Xã hội)");
  std::string all;
  for (const auto& b : d.body) {
    for (const auto& s : b.spans) all += s.text + "\n";
    for (const auto& row : b.rows) {
      for (const auto& c : row) all += c + "|";
    }
  }
  EXPECT_NE(all.find("Soạn 12 bài giảng điện tử."), std::string::npos) << all;
  EXPECT_NE(all.find("Dạy thử ở khối 6."), std::string::npos);
  EXPECT_NE(all.find("Bài giảng điện tử đã soạn|bài|12|"), std::string::npos) << all;
  EXPECT_NE(all.find("Thiếu máy chiếu."), std::string::npos);
  // Tổ Ngữ văn has not sent its part: that is the dashboard's to say, not the document's.
  EXPECT_EQ(all.find("Ngữ văn"), std::string::npos) << all;
}

// Only spaces and line breaks are nothing written (stored as removed); any other text stays
// as written. Which sections are empty, in print order, is what the board's note lists.
TEST(SchoolSections, BlankTextIsNothingWrittenAndTheEmptyOnesAreListedInOrder) {
  auto patch = normalise({{SchoolSection::Limitations, " \n\t "},
                          {SchoolSection::Situation, " Có 18 lớp.\n"},
                          {SchoolSection::NextYear, ""}});
  EXPECT_EQ(patch.at(SchoolSection::Limitations), "");
  EXPECT_EQ(patch.at(SchoolSection::Situation), " Có 18 lớp.\n");
  EXPECT_EQ(patch.at(SchoolSection::NextYear), "");
  EXPECT_EQ(patch.size(), 3u);
  SchoolSections s;
  s.text = {{SchoolSection::Direction, "Phát động ngày 05/9."}, {SchoolSection::Situation, "A"}};
  std::vector<std::string> keys;
  for (const auto& info : unwritten(s)) keys.emplace_back(info.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"strengths", "limitations", "next_year", "proposals"}));
  EXPECT_EQ(section_of_key("next_year"), SchoolSection::NextYear);
  EXPECT_FALSE(section_of_key("tinh_hinh").has_value());
}

}  // namespace
}  // namespace thidua::reports
