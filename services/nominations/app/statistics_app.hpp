#pragma once
// "Thống kê" (issue 12): the figures of the board's and the council's charts, read from every
// nomination and the catalogue (domain/statistics.hpp), and their Excel export, written off
// the event loop by the documents' workers.
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/errors.hpp"
#include "docs/renderer.hpp"
#include "nominations/domain/statistics.hpp"
#include "nominations/store/catalogue_store.hpp"
#include "nominations/store/nomination_store.hpp"

namespace thidua::nominations {

struct ExportFile {
  std::string name;  // "Thống kê khen thưởng năm 2026.xlsx"
  std::string bytes;
};

class StatisticsApp {
 public:
  StatisticsApp(CatalogueStore& catalogue, NominationStore& nominations, docs::Renderer& renderer,
                const Clock& clock);

  // The figures of `year`; without one, of default_statistics_year (the latest year with a
  // proposal, else this year).
  Task<Statistics> figures(std::optional<int> year);
  // The workbook of `year`, of one chart with `only`. ApiError 503 export_busy (the workers
  // are full) or export_failed.
  Task<ExportFile> workbook(int year, std::optional<StatisticsChart> only = std::nullopt);

 private:
  CatalogueStore& catalogue_;
  NominationStore& nominations_;
  docs::Renderer& renderer_;
  const Clock& clock_;
};

// `book` written by the renderer's workers, named `name`. ApiError 503 as export_problem.
Task<ExportFile> export_workbook(docs::Renderer& renderer, std::string name, docs::XlsxBook book);
// The 503 of an export the workers could not make: export_busy or export_failed.
ApiError export_problem(const docs::RenderError& e);

}  // namespace thidua::nominations
