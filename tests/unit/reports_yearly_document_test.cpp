// The yearly report as a document: the board's sections under their headings, the dashboard's
// preview page, and the commendation results and initiatives of the report's year.
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

// Issue 11: the sections the board writes, each under its heading, line breaks as paragraphs;
// a section not written prints nothing (and no placeholder text).
TEST(YearlyDocument, TheBoardsSectionsStandUnderTheirHeadings) {
  auto t = docs::Template::parse(school_template(), yearly_report_schema(), "bao-cao-nam.txt");
  auto r = sample_report();
  r.sections.text = {{SchoolSection::Situation, "Trường có 42 cán bộ.\nCó 18 lớp."},
                     {SchoolSection::Strengths, "Các tổ hưởng ứng sôi nổi."},
                     {SchoolSection::NextYear, "Mở rộng kho học liệu số."}};
  auto d = yearly_report_document(r, t, Issuer{}, docs::Signer{"", "HIỆU TRƯỞNG", "Phạm Văn Cường"},
                                  "01/BC-THCSVP1", {2026, 10, 20});
  auto all = body_text(d);
  auto at = [&all](const std::string& s) { return all.find(s); };
  ASSERT_NE(at("I. ĐẶC ĐIỂM TÌNH HÌNH\nTrường có 42 cán bộ.\nCó 18 lớp.\n"), std::string::npos)
      << all;
  EXPECT_NE(at("1. Ưu điểm\nCác tổ hưởng ứng sôi nổi.\n2. Hạn chế\n"), std::string::npos) << all;
  EXPECT_NE(at("VI. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027\nMở rộng kho học liệu số.\n"),
            std::string::npos)
      << all;
  // Not written: the heading is followed directly by the next one.
  EXPECT_NE(at("II. CÔNG TÁC CHỈ ĐẠO, TUYÊN TRUYỀN, PHÁT ĐỘNG\nIII. KẾT QUẢ THỰC HIỆN"),
            std::string::npos)
      << all;
  EXPECT_EQ(at("{{"), std::string::npos) << all;
  // The units' proposals follow the school's own under VII.
  r.sections.text[SchoolSection::Proposals] = "Đề nghị cấp thêm máy chiếu.";
  r.submitted.at("to-toan-tin").proposals = "Tập huấn AI.";
  all = body_text(yearly_report_document(r, t, Issuer{}, docs::Signer{"", "HIỆU TRƯỞNG", "X"},
                                         "01/BC-THCSVP1", {2026, 10, 20}));
  EXPECT_NE(at("VII. ĐỀ XUẤT, KIẾN NGHỊ\nĐề nghị cấp thêm máy chiếu.\nTổ Toán – Tin: Tập huấn AI."),
            std::string::npos)
      << all;
}

// The dashboard's preview is the same document as a page: the layout's parts, the board's
// text, everything escaped.
TEST(YearlyDocument, ThePreviewPageIsTheSameDocument) {
  auto t = docs::Template::parse(school_template(), yearly_report_schema(), "bao-cao-nam.txt");
  auto r = sample_report();
  r.sections.text[SchoolSection::Situation] = "Dạy <b>STEM</b> & AI";
  auto d = yearly_report_document(
      r, t, Issuer{}, docs::Signer{"KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG", "Trần Thị Bình"},
      docs::blank_number("BC", "THCSVP1"), {2026, 10, 20});
  auto html = docs::html_page(d);
  for (const char* part :
       {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "UBND XÃ VĨNH PHONG",
        "TRƯỜNG THCS VĨNH PHONG 1", "/BC-THCSVP1", "Vĩnh Phong, ngày 20 tháng 10 năm 2026",
        "BÁO CÁO", "Kính gửi: UBND xã Vĩnh Phong (qua Phòng Văn hóa – Xã hội)",
        "Nơi nhận:", "Lưu: VT, TĐKT.", "KT. HIỆU TRƯỞNG", "Trần Thị Bình",
        "Dạy &lt;b&gt;STEM&lt;/b&gt; &amp; AI", "Soạn 12 bài giảng điện tử.",
        "<th scope=\"col\">Chỉ số</th>", "size:A4"}) {
    EXPECT_NE(html.find(part), std::string::npos) << part;
  }
  EXPECT_EQ(html.find("<b>STEM</b>"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

// Issue 11: the commendation results (forms, counts, names, decision numbers) and issue 14:
// the initiatives the register recognised, in the report of the year they belong to.
TEST(YearlyDocument, CommendationsOfTheReportYearWithCountsNamesAndDecisions) {
  std::vector<HonourLine> all = {
      {"Giấy khen của Chủ tịch UBND xã", "Lê Thị Lan", "Tổ Toán – Tin", false, "245/QĐ-UBND",
       "2025-12-09"},
      {"Giấy khen của Chủ tịch UBND xã", "Tổ Toán – Tin", "", true, "245/QĐ-UBND", "2025-12-09"},
      {"Giấy khen của Hiệu trưởng", "Phạm Văn Hải", "Tổ Ngữ văn", false, "12/QĐ-THCSVP1",
       "2026-10-31"},
      {"Giấy khen của Hiệu trưởng", "Đã báo cáo năm trước", "", false, "9/QĐ-THCSVP1",
       "2025-10-31"},
      {"Giấy khen của Hiệu trưởng", "Báo cáo năm sau", "", false, "30/QĐ-THCSVP1", "2026-11-01"}};
  auto year = honours_of_report_year(all, 2026);
  ASSERT_EQ(year.size(), 3u);
  auto counts = award_counts(year);
  ASSERT_EQ(counts.size(), 2u);
  EXPECT_EQ(count_text(counts[0]), "1 cá nhân và 1 tập thể");
  EXPECT_EQ(count_text(counts[1]), "1 cá nhân");

  auto r = sample_report();
  r.commendations.honours = year;
  r.commendations.initiatives = {{"Kho học liệu số dùng chung", "Nguyễn Văn An", "Cấp cơ sở",
                                  "Số 15/QĐ-THCSVP1 ngày 20/05/2026"}};
  auto t = docs::Template::parse(school_template(), yearly_report_schema(), "bao-cao-nam.txt");
  auto d = yearly_report_document(r, t, Issuer{}, docs::Signer{"", "HIỆU TRƯỞNG", "Phạm Văn Cường"},
                                  "01/BC-THCSVP1", {2026, 10, 20});
  std::string text;
  for (const auto& b : d.body) {
    for (const auto& s : b.spans) text += s.text + "\n";
    for (const auto& row : b.rows) {
      for (const auto& c : row) text += c + "|";
      text += "\n";
    }
  }
  EXPECT_NE(text.find("Giấy khen của Chủ tịch UBND xã: 1 cá nhân và 1 tập thể."), std::string::npos)
      << text;
  EXPECT_NE(text.find("1|Giấy khen của Chủ tịch UBND xã|Lê Thị Lan|Tổ Toán – Tin|245/QĐ-UBND, "
                      "ngày 09/12/2025|"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("|Tổ Toán – Tin|Tập thể|"), std::string::npos) << text;
  EXPECT_NE(text.find("1|Kho học liệu số dùng chung|Nguyễn Văn An|Cấp cơ sở|"), std::string::npos)
      << text;
  EXPECT_EQ(text.find("Đã báo cáo năm trước"), std::string::npos) << text;
  EXPECT_EQ(text.find("Chưa có sáng kiến"), std::string::npos) << text;

  // None in the year: the report says so rather than printing an empty list.
  auto none = yearly_report_document(sample_report(), t, Issuer{},
                                     docs::Signer{"", "HIỆU TRƯỞNG", "Phạm Văn Cường"},
                                     "02/BC-THCSVP1", {2026, 10, 20});
  std::string empty;
  for (const auto& b : none.body) {
    for (const auto& s : b.spans) empty += s.text + "\n";
  }
  EXPECT_NE(empty.find("Trong năm chưa có quyết định khen thưởng nào được ghi nhận."),
            std::string::npos)
      << empty;
}

// What nominations answers, read as the report needs it; an initiative not recognised is left out.
TEST(YearlyDocument, CommendationsAreReadFromNominationsAnswers) {
  auto c = parse_commendations(
      R"({"items":[{"award_label":"Giấy khen của Hiệu trưởng","name":"Tổ Toán – Tin",
          "unit_name":"","subject_kind":"collective",
          "decision":{"number":"12/QĐ-THCSVP1","date":"2026-05-02"}}],"counts":[]})",
      R"({"items":[{"title":"A","authors":[{"id":"gv-an","name":"Nguyễn Văn An"},
          {"id":"gv-lan","name":"Lê Thị Lan"}],"level":"co_so","level_label":"cấp cơ sở",
          "decision":{"number":"15/QĐ-THCSVP1","date":"2026-05-20"}},
          {"title":"B","authors":[],"level":"","level_label":"chưa công nhận","decision":null}]})");
  ASSERT_EQ(c.honours.size(), 1u);
  EXPECT_TRUE(c.honours[0].collective);
  EXPECT_EQ(c.honours[0].decision_date, "2026-05-02");
  ASSERT_EQ(c.initiatives.size(), 1u);
  EXPECT_EQ(c.initiatives[0].authors, "Nguyễn Văn An, Lê Thị Lan");
  EXPECT_EQ(c.initiatives[0].level, "Cấp cơ sở");
  EXPECT_EQ(c.initiatives[0].decision, "Số 15/QĐ-THCSVP1 ngày 20/05/2026");
  EXPECT_THROW(parse_commendations("[]", "{}"), std::runtime_error);
}

}  // namespace
}  // namespace thidua::reports
