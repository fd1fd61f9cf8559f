// "Thống kê" (issue 12): the Excel exports of the units' submissions of a year and of their
// figures (issue 11), for the board and the council (the role is read from the person's
// record per request). The figures themselves are GET /contributions/{year}, which every role
// reads.
#include "http/download.hpp"
#include "reports/api/routes.hpp"
#include "reports/app/statistics_app.hpp"

namespace thidua::reports {

void add_statistics_routes(http::Router& router, StatisticsApp& app) {
  const Access readers = Access::roles_of({Role::Admin, Role::Council});
  router.add(http::Method::Get, kApiBase + "/statistics/{year}/xlsx", readers,
             [&app](http::Request& req) -> Task<http::Response> {
               int year = path_year(req);
               ExportFile file = co_await app.submissions_workbook(year);
               co_return http::download(std::move(file.bytes), docs::kXlsxMediaType, file.name);
             });
  router.add(http::Method::Get, kApiBase + "/statistics/{year}/figures/xlsx", readers,
             [&app](http::Request& req) -> Task<http::Response> {
               int year = path_year(req);
               ExportFile file = co_await app.figures_workbook(year);
               co_return http::download(std::move(file.bytes), docs::kXlsxMediaType, file.name);
             });
}

}  // namespace thidua::reports
