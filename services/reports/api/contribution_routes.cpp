// Each unit's part of the yearly report: leaders write their own unit's, admins any.
#include "core/errors.hpp"
#include "http/json_io.hpp"
#include "reports/api/contribution_json.hpp"
#include "reports/api/routes.hpp"

namespace thidua::reports {
namespace {
using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

// Every unit's state, and when it submitted against the units' due date: the dashboard's
// list and its chart of submissions over time.
json submissions_json(const YearSubmissions& s) {
  json units = json::array();
  for (const auto& u : s.units) {
    json entry = {{"unit_id", u.unit_id}, {"unit_name", u.unit_name}, {"status", u.status}};
    entry["late"] = u.late;
    entry["submitted_at"] = u.submitted_at.empty() ? json(nullptr) : json(u.submitted_at);
    entry["submitted_on"] = u.submitted_on ? json(iso_date(*u.submitted_on)) : json(nullptr);
    units.push_back(std::move(entry));
  }
  return {{"year", s.year},
          {"unit_due_date", iso_date(s.unit_due)},
          {"unit_due_date_vn", vn_date(s.unit_due)},
          {"units", units}};
}
}  // namespace

void add_contribution_routes(http::Router& router, RouteDeps d) {
  auto& app = d.app;
  const Access readers = Access::roles_of({Role::Admin, Role::Council, Role::Leader});
  const Access writers = Access::roles_of({Role::Admin, Role::Leader});
  const std::string base = kApiBase + "/contributions/{year}";

  // The chat's /hanchot and /baocao read who has submitted through the service token.
  // Which units have sent their part is told to the whole staff group by the reminders,
  // so every staff member may read it (and ask the bot for it with their own rights).
  const Access status_readers =
      Access::roles_of({Role::Admin, Role::Council, Role::Leader, Role::Staff, Role::Service});
  router.add(Method::Get, base, status_readers, [&app](Request& req) -> Task<Response> {
    int year = path_year(req);
    YearSubmissions s = co_await app.submissions(year);
    co_return http::json(200, submissions_json(s));
  });
  router.add(Method::Get, base + "/{unit}", readers, [&app](Request& req) -> Task<Response> {
    int year = path_year(req);
    const auto& unit = checked_unit(req);
    auto part = co_await app.contribution(req.principal, year, unit);
    co_return http::json(200, to_json(part));
  });
  router.add(Method::Put, base + "/{unit}", writers, [&app](Request& req) -> Task<Response> {
    int year = path_year(req);
    const auto& unit = checked_unit(req);
    auto body = http::parse_object(req);
    // The figures a body may give are the year's indicators.
    auto list = co_await app.indicators(year);
    auto part = parse_contribution(body, unit, year, list);
    auto saved = co_await app.save_draft(req.principal, part);
    co_return http::json(200, to_json(saved));
  });
  router.add(Method::Patch, base + "/{unit}", writers, [&app](Request& req) -> Task<Response> {
    int year = path_year(req);
    const auto& unit = checked_unit(req);
    auto body = http::parse_object(req);
    auto list = co_await app.indicators(year);
    auto patch = parse_contribution_patch(body, list);
    auto saved = co_await app.patch_draft(req.principal, year, unit, patch);
    co_return http::json(200, to_json(saved));
  });
  const Access admin = Access::roles_of({Role::Admin});
  router.add(Method::Post, base + "/{unit}/reopen", admin, [&app](Request& req) -> Task<Response> {
    int year = path_year(req);
    const auto& unit = checked_unit(req);
    auto body = http::parse_object(req);
    std::string reason = http::required_string(body, "reason", 500);
    auto part = co_await app.reopen(req.principal, year, unit, reason);
    co_return http::json(200, to_json(part));
  });
  router.add(Method::Post, base + "/{unit}/submit", writers,
             [&app](Request& req) -> Task<Response> {
               int year = path_year(req);
               const auto& unit = checked_unit(req);
               // The body is optional: empty submits the saved draft as it is.
               std::optional<Contribution> update;
               if (!req.body.empty()) {
                 auto body = http::parse_object(req);
                 auto list = co_await app.indicators(year);
                 if (!body.empty()) update = parse_contribution(body, unit, year, list);
               }
               auto saved = co_await app.submit(req.principal, year, unit, update);
               co_return http::json(200, to_json(saved));
             });
}

}  // namespace thidua::reports
