#include "reports/app/statistics_app.hpp"

#include <optional>

#include "reports/domain/figures_book.hpp"
#include "reports/domain/messages.hpp"
#include "reports/domain/submissions.hpp"

namespace thidua::reports {

StatisticsApp::StatisticsApp(ReportsApp& reports, docs::Renderer& renderer)
    : reports_(reports), renderer_(renderer) {}

Task<ExportFile> StatisticsApp::submissions_workbook(int year) {
  YearSubmissions s = co_await reports_.submissions(year);
  std::string bytes = co_await write(submissions_book(s));
  co_return ExportFile{submissions_file_name(year), std::move(bytes)};
}

Task<ExportFile> StatisticsApp::figures_workbook(int year) {
  SchoolReport r = co_await reports_.school_report(year);
  std::string bytes = co_await write(figures_book(r));
  co_return ExportFile{figures_file_name(year), std::move(bytes)};
}

Task<std::string> StatisticsApp::write(docs::XlsxBook book) {
  std::optional<docs::RenderError::Kind> failed;
  std::string out;
  try {
    out = co_await renderer_.xlsx(std::move(book));
  } catch (const docs::RenderError& e) {
    failed = e.kind();  // no co_await in a catch block (GCC 12)
  }
  if (failed == docs::RenderError::Kind::Busy) {
    throw ApiError(503, "export_busy", say("export.busy"));
  }
  if (failed) throw ApiError(503, "export_failed", say("export.failed"));
  co_return out;
}

}  // namespace thidua::reports
