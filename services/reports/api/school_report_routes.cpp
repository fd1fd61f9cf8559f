// The school's report (JSON and the printable page), marking it sent, and the public
// figures for the website.
#include "core/errors.hpp"
#include "core/movement.hpp"
#include "http/json_io.hpp"
#include "http/params.hpp"
#include "reports/api/routes.hpp"
#include "reports/api/school_report_json.hpp"

namespace thidua::reports {
namespace {
using http::Method;
using http::Request;
using http::Response;
}  // namespace

void add_school_report_routes(http::Router& router, RouteDeps d) {
  auto& app = d.app;
  const Access readers = Access::roles_of({Role::Admin, Role::Council});
  const Access admin = Access::roles_of({Role::Admin});
  const std::string base = kApiBase + "/school-reports/{year}";

  router.add(Method::Get, base, readers, [&app](Request& req) -> Task<Response> {
    int year = path_year(req);
    auto report = co_await app.school_report(year);
    co_return http::json(200, to_json(report));
  });
  // The board writes its own sections while it works on the report: each save names only
  // the sections edited (the dashboard saves as they type).
  router.add(Method::Patch, base + "/sections", admin, [&app](Request& req) -> Task<Response> {
    int year = path_year(req);
    auto patch = parse_sections_patch(http::parse_object(req));
    auto sections = co_await app.patch_sections(req.principal, year, patch);
    co_return http::json(200, to_json(sections));
  });
  auto& documents = d.documents;
  router.add(Method::Post, base + "/sent", admin,
             [&app, &documents](Request& req) -> Task<Response> {
               int year = path_year(req);
               auto body = http::parse_object(req);
               auto sent = parse_sent(body);
               auto issued = co_await documents.yearly_versions(year);
               auto report = co_await app.mark_sent(req.principal, year, sent, issued);
               co_return http::json(200, to_json(report));
             });
  router.add(Method::Get, kApiBase + "/public/figures", Access::anyone(),
             [&app](Request& req) -> Task<Response> {
               std::optional<int> year;
               if (auto y = http::query_integer(req, "year", kFirstYear, kLastYear)) {
                 year = static_cast<int>(*y);
               }
               auto figures = co_await app.public_figures(year);
               // The website may cache for a minute and revalidate cheaply after that.
               std::string text = public_figures_json(figures).dump();
               co_return http::cacheable_json(req, std::move(text), 60);
             });
}

}  // namespace thidua::reports
