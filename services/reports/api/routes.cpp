// Deadlines (the public next one and the full list with who owes what) and the reminder plan.
#include "reports/api/routes.hpp"

#include "core/errors.hpp"
#include "core/ids.hpp"
#include "core/movement.hpp"
#include "http/json_io.hpp"
#include "http/params.hpp"
#include "reports/api/deadline_json.hpp"
#include "reports/api/reminder_plan_json.hpp"
#include "reports/domain/messages.hpp"

namespace thidua::reports {
namespace {
using http::Method;
using http::Request;
using http::Response;

int count_query(const Request& req) {
  return static_cast<int>(http::query_integer(req, "count", 1, 6).value_or(2));
}

LocalDate body_date(const nlohmann::json& body, const char* field) {
  auto d = parse_iso_date(http::required_string(body, field, 10));
  if (!d) throw bad_request("invalid_date", say("problem.done_on_format"));
  return *d;
}

// {"due_date", "done_on", "number"?, "note"?}: which occurrence, when it was done, and the
// document's number or a note when there is one.
std::pair<LocalDate, DoneMark> parse_done(const nlohmann::json& body) {
  DoneMark m;
  LocalDate due = body_date(body, "due_date");
  m.done_on = body_date(body, "done_on");
  m.number = http::optional_string(body, "number", "", 64);
  m.note = http::optional_string(body, "note", "", 500);
  return {due, m};
}
}  // namespace

const std::string& checked_unit(const Request& req) {
  const auto& id = req.param("unit");
  if (!ids::unit(id)) throw bad_request("invalid_unit", say("problem.unit_id"));
  return id;
}

void add_deadline_routes(http::Router& router, RouteDeps d) {
  auto& app = d.app;
  auto& planner = d.planner;
  const Access everyone_with_token =
      Access::roles_of({Role::Admin, Role::Council, Role::Leader, Role::Staff, Role::Service});
  const Access admin = Access::roles_of({Role::Admin});

  router.add(Method::Get, kApiBase + "/deadlines/next", Access::anyone(),
             [&app](Request&) -> Task<Response> {
               auto next = co_await app.next_deadline();
               co_return http::json(200, to_json(next));
             });
  router.add(Method::Get, kApiBase + "/deadlines", everyone_with_token,
             [&app](Request& req) -> Task<Response> {
               int count = count_query(req);
               auto view = co_await app.deadlines(count);
               co_return http::json(200, to_json(view));
             });
  router.add(Method::Put, kApiBase + "/deadlines/{id}", admin,
             [&app, &router](Request& req) -> Task<Response> {
               // Beside GET /deadlines/next: a deadline "next" could never be read.
               http::refuse_route_words(router, req.param("id"), {kApiBase + "/deadlines/{id}"});
               auto body = http::parse_object(req);
               const std::string& id = req.param("id");
               if (body.contains("id") && body["id"] != id) {
                 throw bad_request("id_mismatch", say("problem.id_mismatch"));
               }
               body["id"] = id;
               auto deadline = parse_deadline(body);
               co_await app.put_deadline(deadline);
               co_return http::json(200, to_json(deadline));
             });
  router.add(Method::Post, kApiBase + "/deadlines/{id}/done", admin,
             [&app, &router](Request& req) -> Task<Response> {
               http::refuse_route_words(router, req.param("id"), {kApiBase + "/deadlines/{id}"});
               auto body = http::parse_object(req);
               auto done = parse_done(body);  // named: no structured binding in a coroutine
               const std::string& id = req.param("id");
               auto marked = co_await app.mark_done(req.principal, id, done.first, done.second);
               co_return http::json(200, occurrence_json(marked.deadline, marked.occurrences[0]));
             });
  router.add(Method::Get, kApiBase + "/reminders/{year}", admin,
             [&planner](Request& req) -> Task<Response> {
               int year = path_year(req);
               auto plan = co_await planner.plan(year);
               co_return http::json(200, to_json(plan));
             });
}

}  // namespace thidua::reports
