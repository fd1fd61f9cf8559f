// "Thống kê" (issue 12): the figures of the charts as JSON and the same as an Excel workbook,
// for the board and the council (the role is read from the person's record per request).
#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "core/integer.hpp"
#include "core/movement.hpp"
#include "http/download.hpp"
#include "http/json_io.hpp"
#include "http/params.hpp"
#include "nominations/api/routes.hpp"
#include "nominations/app/statistics_app.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {
namespace {
using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

// A year of the movement, digits only; 400 invalid_year in the school's words otherwise.
int year_of(std::string_view text) {
  auto y = parse_integer_in(text, kFirstYear, kLastYear);
  if (!y) {
    throw bad_request("invalid_year",
                      say("statistics.bad_year", {{"first", std::to_string(kFirstYear)},
                                                  {"last", std::to_string(kLastYear)}}));
  }
  return static_cast<int>(*y);
}

// ?chart=units|awards|years: one chart's workbook; absent: all three. Any other value, an
// empty one included, is a 400 (proto: the parameter's enum).
std::optional<StatisticsChart> chart_of(const Request& req) {
  auto text = req.query("chart");
  if (!text) return std::nullopt;
  auto chart = parse_statistics_chart(*text);
  if (!chart) throw bad_request("invalid_chart", say("statistics.bad_chart"));
  return chart;
}

json counts_json(const Counts& n) {
  return {{"proposed", n.proposed}, {"approved", n.approved}, {"awarded", n.awarded}};
}

json statistics_json(const Statistics& s) {
  json units = json::array();
  for (const auto& u : s.by_unit) {
    json row = counts_json(u.counts);
    row["unit_id"] = u.unit_id;
    row["unit_name"] = u.unit_name;
    row["active"] = u.active;
    units.push_back(std::move(row));
  }
  json awards = json::array();
  for (const auto& a : s.by_award) {
    json row = counts_json(a.counts);
    row["award"] = a.award;
    row["award_label"] = a.award_label;
    awards.push_back(std::move(row));
  }
  json years = json::array();
  for (const auto& y : s.by_year) {
    json row = counts_json(y.counts);
    row["year"] = y.year;
    years.push_back(std::move(row));
  }
  return {{"year", s.year},   {"years", s.years},   {"totals", counts_json(s.totals)},
          {"by_unit", units}, {"by_award", awards}, {"by_year", years}};
}
}  // namespace

void add_statistics_routes(http::Router& router, StatisticsApp& app) {
  const Access readers = Access::roles_of({Role::Admin, Role::Council});
  const std::string base = kApiBase + "/statistics";

  router.add(Method::Get, base, readers, [&app](Request& req) -> Task<Response> {
    std::optional<int> year;
    if (auto text = req.query("year"); text && !text->empty()) year = year_of(*text);
    Statistics s = co_await app.figures(year);
    co_return http::json(200, statistics_json(s));
  });
  router.add(Method::Get, base + "/{year}/xlsx", readers, [&app](Request& req) -> Task<Response> {
    int year = http::path_year(req);
    std::optional<StatisticsChart> only = chart_of(req);
    ExportFile file = co_await app.workbook(year, only);
    co_return http::download(std::move(file.bytes), docs::kXlsxMediaType, file.name);
  });
}

}  // namespace thidua::nominations
