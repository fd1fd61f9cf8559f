#include "nominations/app/statistics_app.hpp"

#include "core/errors.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {

ApiError export_problem(const docs::RenderError& e) {
  if (e.kind() == docs::RenderError::Kind::Busy) {
    return ApiError(503, "export_busy", say("export.busy"));
  }
  return ApiError(503, "export_failed", say("export.failed"));
}

StatisticsApp::StatisticsApp(CatalogueStore& catalogue, NominationStore& nominations,
                             docs::Renderer& renderer, const Clock& clock)
    : catalogue_(catalogue), nominations_(nominations), renderer_(renderer), clock_(clock) {}

Task<Statistics> StatisticsApp::figures(std::optional<int> year) {
  CatalogueRef c = co_await catalogue_.load();
  auto all = co_await nominations_.all();
  int shown = year ? *year : default_statistics_year(all, *c, local_date(clock_.now()).year);
  co_return statistics(all, *c, shown);
}

Task<ExportFile> export_workbook(docs::Renderer& renderer, std::string name, docs::XlsxBook book) {
  std::optional<docs::RenderError> failed;
  ExportFile out{std::move(name), ""};
  try {
    out.bytes = co_await renderer.xlsx(std::move(book));
  } catch (const docs::RenderError& e) {
    failed = e;  // no co_await in a catch block (GCC 12)
  }
  if (failed) throw export_problem(*failed);
  co_return out;
}

Task<ExportFile> StatisticsApp::workbook(int year, std::optional<StatisticsChart> only) {
  std::optional<int> asked = year;
  Statistics s = co_await figures(asked);
  docs::XlsxBook book = statistics_book(s, only);
  std::string name = statistics_file_name(year, only);
  co_return co_await export_workbook(renderer_, std::move(name), std::move(book));
}

}  // namespace thidua::nominations
