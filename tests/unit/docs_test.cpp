// libs/docs: the date line and the number (Nghị định 30/2020, Phụ lục I), templates (refused
// at load with the line to correct), the DOCX as written (read back with libzip), and the
// PDF converter's limits with stand-in programs (a real child process that hangs, one that
// makes nothing, one that is missing).
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "docs/docx_writer.hpp"
#include "docs/format.hpp"
#include "docs/issued.hpp"
#include "docs/libreoffice.hpp"
#include "docs/renderer.hpp"
#include "docs/table_layout.hpp"
#include "docs/template.hpp"
#include "support/loop_runner.hpp"
#include "support/process.hpp"
#include "support/zip_part.hpp"

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

// The document's parts, read back from the archive.
std::string part(const std::string& docx, const std::string& name) {
  return thidua::testing::zip_part(docx, name);
}

Document sample_document() {
  Document d;
  d.governing_body = "UBND xã Vĩnh Phong";
  d.issuing_body = "Trường THCS Vĩnh Phong 1";
  d.number = "01/BC-THCSVP1";
  d.date_line = "Vĩnh Phong, ngày 20 tháng 10 năm 2026";
  d.type = "BÁO CÁO";
  d.summary = "Kết quả thực hiện phong trào thi đua năm 2026";
  d.body = {{BlockKind::Heading1, {{"I. KẾT QUẢ"}}, {}},
            {BlockKind::Paragraph, {{"Tổ Toán – Tin: ", true}, {"<soạn> & \"chia sẻ\"\x01"}}, {}},
            {BlockKind::Table, {}, {{"Chỉ số", "Số lượng"}, {"Bài giảng điện tử", "4"}}}};
  d.signer = {"KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG", "Trần Thị Bình"};
  d.recipients = {"UBND xã Vĩnh Phong"};
  d.filing = "VT, TĐKT";
  d.title = "Báo cáo năm 2026";
  return d;
}

TEST(Docx, HasTheLayoutOfDecree30) {
  auto docx = write_docx(sample_document());
  ASSERT_EQ(docx.substr(0, 2), "PK");
  auto xml = part(docx, "word/document.xml");
  ASSERT_FALSE(xml.empty());
  // A4 portrait, margins 20/20/30/15 mm, a first page of its own (no page number on it).
  EXPECT_NE(xml.find(R"(<w:pgSz w:w="11906" w:h="16838")"), std::string::npos);
  EXPECT_NE(xml.find(R"(<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701")"),
            std::string::npos);
  EXPECT_NE(xml.find("<w:titlePg"), std::string::npos);
  EXPECT_NE(xml.find("UBND XÃ VĨNH PHONG"), std::string::npos);
  EXPECT_NE(xml.find("TRƯỜNG THCS VĨNH PHONG 1"), std::string::npos);
  EXPECT_NE(xml.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), std::string::npos);
  EXPECT_NE(xml.find("Độc lập - Tự do - Hạnh phúc"), std::string::npos);
  EXPECT_NE(xml.find("Số: 01/BC-THCSVP1"), std::string::npos);
  EXPECT_NE(xml.find("Nơi nhận:"), std::string::npos);
  EXPECT_NE(xml.find("- Lưu: VT, TĐKT."), std::string::npos);
  EXPECT_NE(xml.find("Trần Thị Bình"), std::string::npos);
  // Text is escaped and a control character dropped: the XML stays well formed.
  EXPECT_NE(xml.find("&lt;soạn&gt; &amp; \"chia sẻ\""), std::string::npos);
  EXPECT_EQ(xml.find('\x01'), std::string::npos);
  // The page number from page 2, centred at the top.
  auto header = part(docx, "word/header1.xml");
  EXPECT_NE(header.find("PAGE"), std::string::npos);
  EXPECT_EQ(part(docx, "word/header2.xml").find("PAGE"), std::string::npos);
  auto styles = part(docx, "word/styles.xml");
  EXPECT_NE(styles.find("Times New Roman"), std::string::npos);
  EXPECT_NE(part(docx, "[Content_Types].xml").find("/word/document.xml"), std::string::npos);
}

TEST(Docx, TheSameDocumentGivesTheSameBytes) {
  EXPECT_EQ(write_docx(sample_document()), write_docx(sample_document()));
  auto other = sample_document();
  other.number = "02/BC-THCSVP1";
  EXPECT_NE(write_docx(sample_document()), write_docx(other));
}

// A stand-in for soffice: a shell script in a temporary directory.
std::string script(const std::string& dir, const std::string& name, const std::string& body) {
  std::string path = dir + "/" + name;
  std::ofstream(path) << "#!/bin/sh\n" << body << "\n";
  ::chmod(path.c_str(), 0755);
  return path;
}

TEST(LibreOffice, MissingProgramIsReportedAsMissing) {
  LibreOffice lo({"thidua-no-such-soffice", std::chrono::milliseconds(2000), "/tmp"});
  EXPECT_EQ(lo.program_path(), "");
  std::atomic<bool> cancel{false};
  try {
    lo.to_pdf("PK", cancel);
    FAIL() << "converted";
  } catch (const RenderError& e) {
    EXPECT_EQ(e.kind(), RenderError::Kind::Missing);
  }
}

TEST(LibreOffice, AConversionThatHangsIsKilledAtTheTimeout) {
  auto dir = testing::make_temp_dir("thidua-docs-test");
  // The child would outlive the timeout by far; its whole group is killed.
  auto program = script(dir, "soffice", "sleep 30 & wait");
  LibreOffice lo({program, std::chrono::milliseconds(300), dir});
  std::atomic<bool> cancel{false};
  auto started = std::chrono::steady_clock::now();
  try {
    lo.to_pdf("PK", cancel);
    FAIL() << "converted";
  } catch (const RenderError& e) {
    EXPECT_EQ(e.kind(), RenderError::Kind::Timeout);
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  std::filesystem::remove_all(dir);
}

TEST(LibreOffice, NoPdfIsAFailureAndEachRunHasItsOwnProfile) {
  auto dir = testing::make_temp_dir("thidua-docs-test");
  // Records its arguments, makes no PDF.
  auto program = script(dir, "soffice", "echo \"$@\" >> " + dir + "/args; echo oops >&2; exit 0");
  LibreOffice lo({program, std::chrono::milliseconds(5000), dir});
  std::atomic<bool> cancel{false};
  for (int i = 0; i < 2; ++i) {
    try {
      lo.to_pdf("PK", cancel);
      FAIL() << "converted";
    } catch (const RenderError& e) {
      EXPECT_EQ(e.kind(), RenderError::Kind::Failed);
      EXPECT_NE(std::string(e.what()).find("oops"), std::string::npos) << e.what();
    }
  }
  std::ifstream in(dir + "/args");
  std::string first, second;
  std::getline(in, first);
  std::getline(in, second);
  auto profile = [](const std::string& args) {
    auto at = args.find("-env:UserInstallation=file://");
    return at == std::string::npos ? std::string() : args.substr(at, args.find(' ', at) - at);
  };
  EXPECT_NE(first.find("--headless"), std::string::npos) << first;
  EXPECT_NE(profile(first), "");
  EXPECT_NE(profile(first), profile(second));
  std::filesystem::remove_all(dir);
}

// An engine that counts how many conversions run at once.
class CountingEngine : public PdfEngine {
 public:
  std::string to_pdf(const std::string& docx, const std::atomic<bool>&) const override {
    int now = ++running_;
    int seen = peak_.load();
    while (now > seen && !peak_.compare_exchange_weak(seen, now)) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    --running_;
    return "%PDF-1.7 " + std::to_string(docx.size());
  }
  mutable std::atomic<int> running_{0}, peak_{0};
};

Task<void> render_all(Renderer& r, int count, int* done, int* busy) {
  for (int i = 0; i < count; ++i) {
    spawn([](Renderer& r, int* done, int* busy) -> Task<void> {
      bool was_busy = false;
      try {
        auto out = co_await r.render(sample_document());
        if (out.pdf.rfind("%PDF", 0) == 0 && out.docx.rfind("PK", 0) == 0) ++*done;
      } catch (const RenderError& e) {
        was_busy = e.kind() == RenderError::Kind::Busy;
      }
      if (was_busy) ++*busy;
    }(r, done, busy));
  }
  while (*done + *busy < count) co_await sleep_for(std::chrono::milliseconds(10));
}

TEST(Renderer, RunsOffTheLoopAtMostConcurrencyAtOnceAndRefusesBeyondTheQueue) {
  auto engine = std::make_shared<CountingEngine>();
  Renderer renderer(engine, 2, 2);
  testing::LoopRunner runner;
  int done = 0, busy = 0;
  runner.run_void([&] { return render_all(renderer, 6, &done, &busy); });
  EXPECT_EQ(engine->peak_.load(), 2);
  EXPECT_EQ(done, 4);  // two running and two waiting
  EXPECT_EQ(busy, 2);
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

}  // namespace
}  // namespace thidua::docs

namespace thidua::docs {
namespace {
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
  // Words longer than the line allows: shares in proportion, still the whole width.
  auto cramped = column_widths({{std::string(80, 'x'), std::string(40, 'y')}}, 9355);
  EXPECT_EQ(cramped[0] + cramped[1], 9355);
  EXPECT_GT(cramped[0], cramped[1]);
  EXPECT_TRUE(column_widths({}, 9355).empty());
}
}  // namespace
}  // namespace thidua::docs
