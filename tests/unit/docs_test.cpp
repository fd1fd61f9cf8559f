// libs/docs: the date line and the number (Nghị định 30/2020, Phụ lục I), templates (refused
// at load with the line to correct), the file names a download route takes, and a table's
// columns. The DOCX as written and the PDF converter: docs_writing_test.cpp.
#include <gtest/gtest.h>

#include "docs/format.hpp"
#include "docs/issued.hpp"
#include "docs/table_layout.hpp"
#include "docs/template.hpp"

namespace thidua::docs {
namespace {

TEST(DateLine, LeadingZeroForDaysBelowTenAndForJanuaryAndFebruaryOnly) {
  EXPECT_EQ(date_line("Vĩnh Phong", {2026, 10, 20}), "Vĩnh Phong, ngày 20 tháng 10 năm 2026");
  EXPECT_EQ(date_line("Vĩnh Phong", {2026, 2, 5}), "Vĩnh Phong, ngày 05 tháng 02 năm 2026");
  EXPECT_EQ(date_line("Vĩnh Phong", {2027, 1, 9}), "Vĩnh Phong, ngày 09 tháng 01 năm 2027");
  EXPECT_EQ(date_line("Vĩnh Phong", {2026, 3, 10}), "Vĩnh Phong, ngày 10 tháng 3 năm 2026");
  EXPECT_EQ(date_line("Vĩnh Phong", {2026, 12, 1}), "Vĩnh Phong, ngày 01 tháng 12 năm 2026");
  EXPECT_EQ(date_line("An Giang", {2028, 2, 29}), "An Giang, ngày 29 tháng 02 năm 2028");
}

TEST(DateLine, RefusesADateThatDoesNotExistOrNoPlace) {
  EXPECT_THROW(date_line("Vĩnh Phong", {2026, 2, 29}), std::invalid_argument);
  EXPECT_THROW(date_line("Vĩnh Phong", {2026, 13, 1}), std::invalid_argument);
  EXPECT_THROW(date_line("", {2026, 10, 20}), std::invalid_argument);
}

TEST(DocumentNumber, TwoDigitsFromOneThenTypeAndSymbol) {
  EXPECT_EQ(document_number(1, "BC", "THCSVP1"), "01/BC-THCSVP1");
  EXPECT_EQ(document_number(12, "TTr", "THCSVP1"), "12/TTr-THCSVP1");
  EXPECT_EQ(document_number(105, "BC", "THCSVP1"), "105/BC-THCSVP1");
  EXPECT_EQ(blank_number("BC", "THCSVP1"), "     /BC-THCSVP1");
  EXPECT_THROW(document_number(0, "BC", "THCSVP1"), std::invalid_argument);
}

TEST(Upper, VietnameseLettersKeepTheirMarks) {
  EXPECT_EQ(upper("UBND xã Vĩnh Phong"), "UBND XÃ VĨNH PHONG");
  EXPECT_EQ(upper("Trường THCS Vĩnh Phong 1"), "TRƯỜNG THCS VĨNH PHONG 1");
  EXPECT_EQ(upper("đổi mới sáng tạo"), "ĐỔI MỚI SÁNG TẠO");
}

Schema sample_schema() {
  Schema item;
  item.values = {"ten", "so"};
  Schema s;
  s.values = {"nam", "truong"};
  s.lists = {{"muc", item}};
  s.required = {"nam"};
  return s;
}

const std::string kGood =
    "# ghi chú\n"
    "@loai: BÁO CÁO\n"
    "@trich-yeu: Kết quả năm {{nam}}\n"
    "@noi-nhan: UBND xã\n"
    "@luu: VT, TĐKT\n"
    "= I. KẾT QUẢ\n"
    "**{{truong}}:** báo cáo năm {{nam}}.\n"
    "| Mục | Số |\n"
    "{{#muc}}\n"
    "| {{ten}} | {{so}} |\n"
    "{{/muc}}\n"
    "{{^muc}}\n"
    "Không có.\n"
    "{{/muc}}\n";

std::string error_of(const std::string& source) {
  try {
    Template::parse(source, sample_schema(), "mau.txt");
  } catch (const TemplateError& e) {
    return e.what();
  }
  return "";
}

TEST(Template, RendersValuesListsAndTables) {
  auto t = Template::parse(kGood, sample_schema(), "mau.txt");
  Values v;
  v.text = {{"nam", "2026"}, {"truong", "Trường THCS Vĩnh Phong 1"}};
  Values a, b;
  a.text = {{"ten", "Bài giảng"}, {"so", "4"}};
  b.text = {{"ten", "Học liệu"}, {"so", "2"}};
  v.lists["muc"] = {a, b};
  auto w = t.render(v);
  EXPECT_EQ(w.type, "BÁO CÁO");
  EXPECT_EQ(w.summary, "Kết quả năm 2026");
  EXPECT_EQ(w.recipients, std::vector<std::string>{"UBND xã"});
  EXPECT_EQ(w.filing, "VT, TĐKT");
  ASSERT_EQ(w.body.size(), 3u);
  EXPECT_EQ(w.body[0].kind, BlockKind::Heading1);
  EXPECT_EQ(w.body[1].kind, BlockKind::Paragraph);
  // Pieces of one style in a row come out as one span.
  ASSERT_EQ(w.body[1].spans.size(), 2u);
  EXPECT_EQ(w.body[1].spans[0], (Span{"Trường THCS Vĩnh Phong 1:", true, false}));
  EXPECT_EQ(w.body[1].spans[1], (Span{" báo cáo năm 2026.", false, false}));
  ASSERT_EQ(w.body[2].kind, BlockKind::Table);
  EXPECT_EQ(w.body[2].rows, (std::vector<std::vector<std::string>>{
                                {"Mục", "Số"}, {"Bài giảng", "4"}, {"Học liệu", "2"}}));
}

TEST(Template, AnEmptyListDropsItsTableAndShowsTheEmptyBranch) {
  auto t = Template::parse(kGood, sample_schema(), "mau.txt");
  Values v;
  v.text = {{"nam", "2026"}, {"truong", "T"}};
  v.lists["muc"] = {};
  auto w = t.render(v);
  ASSERT_EQ(w.body.size(), 3u);
  EXPECT_EQ(w.body[2].kind, BlockKind::Paragraph);
  EXPECT_EQ(w.body[2].spans[0].text, "Không có.");
}

TEST(Template, AValueCannotStartAHeadingAndLineBreaksMakeParagraphs) {
  auto t = Template::parse("@loai: BC\n@trich-yeu: {{nam}}\n{{truong}}\n", sample_schema(), "m");
  Values v;
  v.text = {{"nam", "2026"}, {"truong", "= I. GIẢ\n| a | b |\n\nđoạn ba"}};
  auto w = t.render(v);
  ASSERT_EQ(w.body.size(), 3u);
  for (const auto& b : w.body) EXPECT_EQ(b.kind, BlockKind::Paragraph);
  EXPECT_EQ(w.body[0].spans[0].text, "= I. GIẢ");
  EXPECT_EQ(w.body[2].spans[0].text, "đoạn ba");
}

TEST(Template, UnknownPlaceholderIsRefusedWithItsLineAndWhatCanBeUsed) {
  auto e = error_of("@loai: BC\n@trich-yeu: x {{nam}}\n\nNăm {{nam_hoc}}.\n");
  EXPECT_NE(e.find("mau.txt, dòng 4"), std::string::npos) << e;
  EXPECT_NE(e.find("{{nam_hoc}}"), std::string::npos) << e;
  EXPECT_NE(e.find("{{nam}}"), std::string::npos) << e;
}

TEST(Template, AnItemsNameOutsideItsListIsUnknown) {
  auto e = error_of("@loai: BC\n@trich-yeu: {{nam}}\n{{ten}}\n");
  EXPECT_NE(e.find("dòng 3"), std::string::npos) << e;
  EXPECT_NE(e.find("{{ten}}"), std::string::npos) << e;
}

TEST(Template, MissingRequiredPlaceholderOrDirectiveIsRefused) {
  auto e = error_of("@loai: BC\n@trich-yeu: Báo cáo\nKhông có năm.\n");
  EXPECT_NE(e.find("thiếu chỗ điền bắt buộc {{nam}}"), std::string::npos) << e;
  e = error_of("@trich-yeu: {{nam}}\n");
  EXPECT_NE(e.find("thiếu dòng @loai"), std::string::npos) << e;
}

TEST(Template, MalformedLinesAreRefused) {
  const std::string head = "@loai: BC\n@trich-yeu: {{nam}}\n";
  EXPECT_NE(error_of(head + "{{#muc}}\n{{ten}}\n").find("dòng 3"), std::string::npos);
  EXPECT_NE(error_of(head + "{{#muc}}\n{{/khac}}\n").find("đóng nhầm"), std::string::npos);
  EXPECT_NE(error_of(head + "{{/muc}}\n").find("dòng 3"), std::string::npos);
  EXPECT_NE(error_of(head + "Chữ {{nam\n").find("}}"), std::string::npos);
  EXPECT_NE(error_of(head + "Chữ **đậm\n").find("**"), std::string::npos);
  EXPECT_NE(error_of(head + "a {{#muc}} b\n").find("riêng"), std::string::npos);
  EXPECT_NE(error_of(head + "@ky: x\n").find("dòng 3"), std::string::npos);
  EXPECT_NE(error_of(head + "@loai: BC\n").find("đã có ở dòng 1"), std::string::npos);
  EXPECT_NE(error_of(head + "| a | b\n").find("|"), std::string::npos);
  EXPECT_NE(error_of(head + "{{#khong_co}}\n{{/khong_co}}\n").find("{{#khong_co}}"),
            std::string::npos);
  EXPECT_NE(error_of(head + "\xff\n").find("UTF-8"), std::string::npos);
  EXPECT_NE(error_of(head + "^DANH SÁCH\n").find("dòng 3"), std::string::npos);
  EXPECT_NE(error_of(head + "^=DANH SÁCH\n").find("\"^= \""), std::string::npos);
}

// `source` parsed against sample_schema() and rendered with `text`.
Wording rendered(const std::string& source, std::map<std::string, std::string> text) {
  Values v;
  v.text = std::move(text);
  return Template::parse(source, sample_schema(), "m").render(v);
}

// "@kem-theo:": the lines after it are sent with the document, after its signature.
TEST(Template, WhatFollowsKemTheoIsTheAppendix) {
  auto w = rendered(
      "@loai: QĐ\n@trich-yeu: {{nam}}\nĐiều 1.\n| A | B |\n| 1 | 2 |\n@kem-theo:\n^= DANH "
      "SÁCH\n| STT | Tên |\n| 1 | {{truong}} |\n",
      {{"nam", "2026"}, {"truong", "An"}});
  ASSERT_EQ(w.body.size(), 2u);
  EXPECT_EQ(w.body[1].kind, BlockKind::Table);
  ASSERT_EQ(w.appendix.size(), 2u);
  EXPECT_EQ(w.appendix[0].kind, BlockKind::Title);
  EXPECT_EQ(w.appendix[1].rows.back(), (std::vector<std::string>{"1", "An"}));
  EXPECT_NE(error_of("@loai: BC\n@trich-yeu: {{nam}}\n@kem-theo:\n@kem-theo:\n").find("dòng 3"),
            std::string::npos);
}

TEST(Template, CentredLinesAreATitleInBoldOrANoteInItalics) {
  auto w = rendered(
      "@loai: QĐ\n@trich-yeu: {{nam}}\n^= DANH SÁCH NĂM {{nam}}\n^ (Kèm theo {{truong}})\n",
      {{"nam", "2026"}, {"truong", "Quyết định số 05"}});
  ASSERT_EQ(w.body.size(), 2u);
  EXPECT_EQ(w.body[0].kind, BlockKind::Title);
  EXPECT_EQ(w.body[0].spans, (std::vector<Span>{{"DANH SÁCH NĂM 2026", false, false}}));
  EXPECT_EQ(w.body[1].kind, BlockKind::Note);
  EXPECT_EQ(w.body[1].spans, (std::vector<Span>{{"(Kèm theo Quyết định số 05)", false, false}}));
}

TEST(Template, LoadNamesAFileThatCannotBeRead) {
  try {
    Template::load("/nonexistent/mau.txt", sample_schema());
    FAIL() << "loaded";
  } catch (const TemplateError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/mau.txt"), std::string::npos);
  }
}

TEST(Template, RenderWithoutADeclaredValueIsACodeMistake) {
  auto t = Template::parse(kGood, sample_schema(), "mau.txt");
  Values v;
  v.text = {{"nam", "2026"}};
  v.lists["muc"] = {};
  EXPECT_THROW(t.render(v), std::logic_error);
}

// Both services' download routes read the file the same way (libs/docs/issued.hpp).
TEST(FileRequest, AnIdWithDocxPdfOrNoExtensionAndNothingElse) {
  auto pdf = parse_file_request("2026-ttr-01.pdf");
  ASSERT_TRUE(pdf);
  EXPECT_EQ(pdf->id, "2026-ttr-01");
  EXPECT_EQ(pdf->format, "pdf");
  EXPECT_EQ(media_type(pdf->format), "application/pdf");
  auto docx = parse_file_request("2026-bc-01.docx");
  ASSERT_TRUE(docx);
  EXPECT_EQ(docx->format, "docx");
  EXPECT_EQ(media_type(docx->format), kDocxMediaType);
  auto entry = parse_file_request("2026-bc-01");
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->format, "");
  EXPECT_FALSE(parse_file_request("2026-bc-01.xlsx"));
  EXPECT_FALSE(parse_file_request(".pdf")) << "no id";
  IssuedDocument d;
  d.docx_name = "a.docx";
  d.pdf_name = "a.pdf";
  EXPECT_EQ(file_name(d, "pdf"), "a.pdf");
  EXPECT_EQ(file_name(d, "docx"), "a.docx");
}

TEST(TableLayout, NoColumnIsNarrowerThanItsLongestWordAndTheTableFillsTheLine) {
  std::vector<std::vector<std::string>> rows{
      {"STT", "Nội dung phong trào", "Chỉ tiêu đã đăng ký", "Kết quả đạt được"},
      {"1", "II.3 Đẩy mạnh chuyển đổi số, khai thác tài nguyên số, dữ liệu số",
       "Số hóa 30 học liệu", "Chưa ghi thành tích thuộc nội dung này."}};
  auto w = column_widths(rows, 9355);
  ASSERT_EQ(w.size(), 4u);
  int sum = 0;
  for (int x : w) sum += x;
  EXPECT_EQ(sum, 9355);
  EXPECT_GE(w[0], kCellPadding + 3 * kCapitalTwips) << "\"STT\" fits on one line";
  EXPECT_LT(w[0], w[1]) << "the number column stays narrow";
  EXPECT_GE(w[1], kCellPadding + 9 * kCharTwips) << "\"chuyển đổi\"-length words fit";
  // Longest words that do not fit side by side: shares in proportion, still the whole width.
  auto cramped = column_widths({{"ĐẶC BIỆT QUAN TRỌNG ĐẶC BIỆT", "x"}, {"x", "Ư"}}, 1000);
  EXPECT_EQ(cramped[0] + cramped[1], 1000);
  EXPECT_GT(cramped[0], cramped[1]);
  EXPECT_TRUE(column_widths({}, 9355).empty());
}

// A link is broken at the cell's edge, so it counts as 16 characters: the achievements beside
// it keep the width (a newcomer's báo cáo thành tích had them one word a line).
TEST(TableLayout, ALinkDoesNotTakeTheWidthFromTheText) {
  std::vector<std::vector<std::string>> rows{
      {"STT", "Thành tích, sáng kiến, giải pháp", "Nội dung phong trào", "Minh chứng"},
      {"1",
       "Xây dựng mô hình giáo dục STEM gắn với chuyển đổi số, 12 bài giảng điện tử dùng chung "
       "cho cả tổ",
       "II.4 Mô hình giáo dục STEM, chuyển đổi số",
       "https://drive.google.com/drive/folders/abc123def456ghi789jkl"}};
  auto w = column_widths(rows, 9355);
  ASSERT_EQ(w.size(), 4u);
  EXPECT_GT(w[1], w[3]) << "the achievements are wider than the link";
  EXPECT_GT(w[2], w[3] / 2) << "the content area is not squeezed";
  EXPECT_LE(w[3], kCellPadding + 16 * kCharTwips) << "no more than its least: " << w[3];
  EXPECT_GE(w[1], kCellPadding + 20 * kCharTwips) << "several words a line";
}

}  // namespace
}  // namespace thidua::docs
