// The year's indicators (issue 14): every signed-in colleague reads them (a unit's part is
// written against them); the board edits them.
//   GET /indicators/{year} → {"year", "edited", "indicators": [{code, label, area, unit}]}
//   PUT /indicators/{year}   {"indicators": [...]} → the same shape
#include "core/errors.hpp"
#include "core/text.hpp"
#include "http/json_io.hpp"
#include "reports/api/routes.hpp"
#include "reports/domain/messages.hpp"

namespace thidua::reports {
namespace {
using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

std::vector<Indicator> parse_indicators(const json& body) {
  auto it = body.find("indicators");
  if (it == body.end() || !it->is_array()) {
    throw bad_request("invalid_field", say("problem.indicators_shape"));
  }
  std::vector<Indicator> out;
  for (const auto& i : *it) {
    if (!i.is_object()) throw bad_request("invalid_field", say("problem.indicators_shape"));
    // Limits and emptiness are the domain's rule (check_indicator_list); here only the shape.
    out.push_back({http::optional_string(i, "code", "", 200),
                   text::one_line(http::optional_string(i, "label", "", 2000)),
                   http::optional_string(i, "area", "", 200),
                   text::one_line(http::optional_string(i, "unit", "", 2000))});
  }
  return out;
}

json render(int year, bool edited, const std::vector<Indicator>& list) {
  json items = json::array();
  for (const auto& i : list) {
    items.push_back({{"code", i.code}, {"label", i.label}, {"area", i.area}, {"unit", i.unit}});
  }
  return {{"year", year}, {"edited", edited}, {"indicators", items}};
}
}  // namespace

void add_indicator_routes(http::Router& router, RouteDeps d) {
  auto& app = d.app;
  const std::string path = kApiBase + "/indicators/{year}";
  const Access signed_in =
      Access::roles_of({Role::Admin, Role::Council, Role::Leader, Role::Staff, Role::Service});
  router.add(Method::Get, path, signed_in, [&app](Request& req) -> Task<Response> {
    int year = path_year(req);
    auto list = co_await app.indicators(year);
    bool edited = list != default_indicators();
    co_return http::json(200, render(year, edited, list));
  });
  router.add(Method::Put, path, Access::roles_of({Role::Admin}),
             [&app](Request& req) -> Task<Response> {
               int year = path_year(req);
               auto list = parse_indicators(http::parse_object(req));
               auto saved = co_await app.set_indicators(year, std::move(list));
               co_return http::json(200, render(year, true, saved));
             });
}

}  // namespace thidua::reports
