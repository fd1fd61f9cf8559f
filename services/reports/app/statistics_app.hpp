#pragma once
// "Thống kê" (issue 12) in reports: the Excel export of when the units submitted their parts
// of a year's report, written off the event loop by the documents' workers.
#include <string>

#include "core/errors.hpp"
#include "docs/renderer.hpp"
#include "reports/app/reports_app.hpp"

namespace thidua::reports {

struct ExportFile {
  std::string name;  // "Nộp báo cáo của các tổ năm 2026.xlsx"
  std::string bytes;
};

class StatisticsApp {
 public:
  StatisticsApp(ReportsApp& reports, docs::Renderer& renderer);

  // The workbook of `year`'s submissions. ApiError 503 export_busy (the workers are full) or
  // export_failed; 503 when nominations' units cannot be read, as for GET /contributions.
  Task<ExportFile> submissions_workbook(int year);
  // The workbook of the units' figures of `year` (domain/figures_book.hpp); errors as above.
  Task<ExportFile> figures_workbook(int year);

 private:
  Task<std::string> write(docs::XlsxBook book);
  ReportsApp& reports_;
  docs::Renderer& renderer_;
};

}  // namespace thidua::reports
