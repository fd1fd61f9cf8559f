// libs/docs/xlsx_table: the Excel exports' workbook, read back with libzip: sheets by their
// Vietnamese names, the title and the bold header, text in the shared strings, numbers and
// dates as real cells (a number is a <v>, a date its serial day with a date format); and made
// off the event loop by the renderer's workers. LibreOffice opens it in the services' tests.
#include <gtest/gtest.h>

#include "docs/renderer.hpp"
#include "docs/xlsx_table.hpp"
#include "support/loop_runner.hpp"
#include "support/zip_part.hpp"

namespace thidua::docs {
namespace {

XlsxBook sample_book() {
  XlsxSheet units;
  units.name = sheet_name("Theo tổ");
  units.title = "Đề nghị khen thưởng theo tổ, bộ phận năm 2026";
  units.headers = {"Tổ, bộ phận", "Đã đề nghị", "Ngày nộp"};
  units.widths = {40, 12, 0};
  units.rows = {{std::string("Tổ Toán – Tin"), 3.0, LocalDate{2026, 10, 20}},
                {std::string("Tổ <Văn> & \"Sử\""), 0.0, std::monostate{}}};
  XlsxSheet years;
  years.name = "Theo năm";
  years.headers = {"Năm", "Đã đề nghị"};
  years.rows = {{2026.0, 3.0}};
  return XlsxBook{{units, years}};
}

TEST(Xlsx, AWorkbookWithVietnameseSheetsHeadersNumbersAndDates) {
  std::string bytes = write_xlsx(sample_book());
  ASSERT_EQ(bytes.substr(0, 2), "PK");
  std::string workbook = testing::zip_part(bytes, "xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"Theo tổ\""), std::string::npos) << workbook;
  EXPECT_NE(workbook.find("name=\"Theo năm\""), std::string::npos);
  std::string strings = testing::zip_part(bytes, "xl/sharedStrings.xml");
  for (const char* s : {"Đề nghị khen thưởng theo tổ, bộ phận năm 2026", "Tổ, bộ phận",
                        "Tổ Toán – Tin", "Tổ &lt;Văn&gt; &amp; \"Sử\""}) {
    EXPECT_NE(strings.find(s), std::string::npos) << s << " in " << strings;
  }
  std::string sheet = testing::zip_part(bytes, "xl/worksheets/sheet1.xml");
  // Row 1 the title, row 3 the header (frozen), rows 4–5 the table: B4 is the number 3 and
  // C4 the serial day of 20/10/2026.
  EXPECT_NE(sheet.find("<c r=\"B4\""), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<v>3</v>"), std::string::npos);
  EXPECT_NE(sheet.find("<v>46315</v>"), std::string::npos);
  EXPECT_NE(sheet.find("ySplit=\"3\""), std::string::npos);
  EXPECT_EQ(sheet.find("<c r=\"C5\""), std::string::npos) << "an empty cell is not written";
  std::string styles = testing::zip_part(bytes, "xl/styles.xml");
  EXPECT_NE(styles.find("dd/mm/yyyy"), std::string::npos);
  EXPECT_NE(styles.find("<b/>"), std::string::npos);
}

TEST(Xlsx, SheetNamesLoseWhatExcelRefusesAndStopAt31Characters) {
  EXPECT_EQ(sheet_name("Theo tổ"), "Theo tổ");
  EXPECT_EQ(sheet_name("Tổ [Văn]: Sử/Địa?"), "Tổ -Văn-- Sử-Địa-");
  std::string longer = sheet_name("Đề nghị khen thưởng theo hình thức khen thưởng");
  EXPECT_EQ(longer, "Đề nghị khen thưởng theo hình t");  // 31 characters, not bytes
  XlsxBook twice{{XlsxSheet{"Theo tổ", "", {}, {}, {}}, XlsxSheet{"Theo tổ", "", {}, {}, {}}}};
  EXPECT_THROW(write_xlsx(twice), std::runtime_error);
  EXPECT_THROW(write_xlsx(XlsxBook{}), std::runtime_error);
}

TEST(Xlsx, TheRendererWritesItOffTheLoop) {
  // Room to wait: a worker counts a job as running until just after it resumed the caller,
  // so a second job at once could find no room with a queue of 0.
  Renderer renderer(nullptr, 1, 2);
  testing::LoopRunner runner;
  std::string bytes =
      runner.run<std::string>([&]() -> Task<std::string> { return renderer.xlsx(sample_book()); });
  EXPECT_EQ(bytes.substr(0, 2), "PK");
  XlsxBook bad{{XlsxSheet{"a/b:c", "", {}, {}, {}}}};
  bool failed = false;
  try {
    runner.run<std::string>([&]() -> Task<std::string> { return renderer.xlsx(bad); });
  } catch (const RenderError& e) {
    failed = e.kind() == RenderError::Kind::Failed;
  }
  EXPECT_TRUE(failed);
}

}  // namespace
}  // namespace thidua::docs
