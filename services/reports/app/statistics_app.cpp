#include "reports/app/statistics_app.hpp"

#include <optional>

#include "reports/domain/messages.hpp"
#include "reports/domain/submissions.hpp"

namespace thidua::reports {

StatisticsApp::StatisticsApp(ReportsApp& reports, docs::Renderer& renderer)
    : reports_(reports), renderer_(renderer) {}

Task<ExportFile> StatisticsApp::submissions_workbook(int year) {
  YearSubmissions s = co_await reports_.submissions(year);
  docs::XlsxBook book = submissions_book(s);
  std::optional<docs::RenderError::Kind> failed;
  ExportFile out{submissions_file_name(year), ""};
  try {
    out.bytes = co_await renderer_.xlsx(std::move(book));
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
