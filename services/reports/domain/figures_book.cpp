#include "reports/domain/figures_book.hpp"

#include "reports/domain/messages.hpp"

namespace thidua::reports {

docs::XlsxBook figures_book(const SchoolReport& r) {
  docs::XlsxSheet sheet;
  sheet.name = docs::sheet_name(say("figures.sheet"));
  sheet.title = say("figures.title", {{"year", std::to_string(r.year)}});
  sheet.headers = {say("submissions.unit"), say("submissions.state")};
  sheet.widths = {34, 14};
  for (const auto& i : r.indicators) {
    sheet.headers.push_back(i.label + " (" + i.unit + ")");
    sheet.widths.push_back(18);
  }
  for (const auto& u : r.units) {
    auto it = r.submitted.find(u.id);
    std::vector<docs::XlsxCell> row{u.name};
    if (it == r.submitted.end()) {
      row.emplace_back(say("submissions.status.missing"));
      sheet.rows.push_back(std::move(row));
      continue;
    }
    row.emplace_back(say("submissions.status.submitted"));
    for (const auto& i : r.indicators) {
      auto f = it->second.figures.find(i.code);
      row.emplace_back(static_cast<double>(f == it->second.figures.end() ? 0 : f->second));
    }
    sheet.rows.push_back(std::move(row));
  }
  sheet.rows.push_back({});
  auto totals = r.totals();
  std::vector<docs::XlsxCell> total{
      say("figures.total"),
      say("figures.units_counted", {{"count", std::to_string(r.submitted.size())}})};
  for (const auto& i : r.indicators) total.emplace_back(static_cast<double>(totals[i.code]));
  sheet.rows.push_back(std::move(total));
  return docs::XlsxBook{{std::move(sheet)}};
}

std::string figures_file_name(int year) {
  return say("figures.file_name", {{"year", std::to_string(year)}});
}

}  // namespace thidua::reports
