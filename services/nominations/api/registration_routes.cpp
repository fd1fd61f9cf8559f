// Registration of targets (đăng ký thi đua): a year's registrations as the caller may see
// them, writing one, confirming one. JSON is parsed into and rendered from
// domain/registration.hpp's typed registrations here only.
#include "core/errors.hpp"
#include "core/ids.hpp"
#include "core/movement.hpp"
#include "http/json_io.hpp"
#include "http/params.hpp"
#include "nominations/api/registration_json.hpp"
#include "nominations/api/routes.hpp"
#include "nominations/app/registrations_app.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {
namespace {
using http::Method;
using http::path_year;
using http::Request;
using http::Response;
using nlohmann::json;

const std::string kBase = kApiBase + "/registrations";

// The subject's id: a catalogue id (staff or unit), 400 otherwise, before any lookup.
const std::string& path_subject(const Request& req) {
  const auto& v = req.param("subject_id");
  if (!ids::catalogue(v)) throw bad_request("invalid_id", say("problem.path_id", {{"id", v}}));
  return v;
}

SubjectKind path_kind(const Request& req) {
  auto kind = parse_subject_kind(req.param("kind"));
  if (!kind) throw bad_request("invalid_subject_kind", say("registration.bad_kind"));
  return *kind;
}

std::vector<std::string> titles_field(const json& body) {
  auto bad = [] { return bad_request("invalid_field", say("registration.titles_list")); };
  auto it = body.find("titles");
  if (it == body.end() || !it->is_array()) throw bad();
  std::vector<std::string> out;
  for (const auto& t : *it) {
    if (!t.is_string()) throw bad();
    // Length, blanks and repeats are the domain's rule (check_registration); NFC here.
    out.push_back(http::required_string(json{{"title", t}}, "title", kMaxTitleChars));
  }
  return out;
}

std::vector<RegistrationTarget> targets_field(const json& body) {
  auto bad = [] { return bad_request("invalid_field", say("registration.targets_list")); };
  auto it = body.find("targets");
  if (it == body.end() || it->is_null()) return {};
  if (!it->is_array()) throw bad();
  std::vector<RegistrationTarget> out;
  for (const auto& t : *it) {
    if (!t.is_object()) throw bad();
    auto area = t.find("content_area");
    auto text = t.find("text");
    if (area == t.end() || !area->is_string() || text == t.end() || !text->is_string()) throw bad();
    out.push_back(
        {area->get<std::string>(), http::optional_string(t, "text", "", kMaxTargetChars)});
  }
  return out;
}

RegistrationInput parse_input(const json& body) {
  RegistrationInput in;
  in.titles = titles_field(body);
  in.targets = targets_field(body);
  in.submit = http::optional_bool(body, "submit", in.submit);
  return in;
}

json person(const StaffMember* m, const Catalogue& c) {
  const Unit* u = c.unit(m->unit_id);
  return {{"id", m->id},
          {"name", m->name},
          {"unit_id", m->unit_id},
          {"unit_name", u ? u->name : m->unit_id}};
}

json render_view(const RegistrationView& v) {
  json items = json::array();
  for (const auto& r : v.items) items.push_back(registration_json(r, v.catalogue.get()));
  json titles = {{"individual", common_titles(SubjectKind::Individual)},
                 {"collective", common_titles(SubjectKind::Collective)}};
  json missing = nullptr;
  if (v.not_registered) {
    json staff = json::array();
    json units = json::array();
    for (const auto* m : v.not_registered->staff) staff.push_back(person(m, *v.catalogue));
    for (const auto* u : v.not_registered->units) {
      units.push_back({{"id", u->id}, {"name", u->name}});
    }
    missing = {{"staff", staff}, {"units", units}};
  }
  return {{"year", v.year}, {"items", items}, {"titles", titles}, {"not_registered", missing}};
}
}  // namespace

json registration_json(const Registration& r, const Catalogue* catalogue) {
  const StaffMember* subject = catalogue && r.subject_kind == SubjectKind::Individual
                                   ? catalogue->staff_member(r.subject_id)
                                   : nullptr;
  json targets = json::array();
  for (const auto& t : r.targets) {
    targets.push_back({{"content_area", t.content_area}, {"text", t.text}});
  }
  auto or_null = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
  return {{"year", r.year},
          {"subject_kind", subject_kind_name(r.subject_kind)},
          {"subject_id", r.subject_id},
          {"subject_name", r.subject_name},
          {"unit_id", r.unit_id},
          {"unit_name", r.unit_name},
          {"titles", r.titles},
          {"targets", targets},
          {"status", registration_status_name(r.status)},
          {"status_label", registration_status_label(r, subject ? subject->role : "")},
          {"confirmed_by", or_null(r.confirmed_by)},
          {"confirmed_at", or_null(r.confirmed_at)},
          {"updated_by", or_null(r.updated_by)},
          {"updated_at", or_null(r.updated_at)}};
}

void add_registration_routes(http::Router& router, RegistrationsApp& app) {
  const auto people = Access::roles_of({Role::Admin, Role::Council, Role::Leader, Role::Staff});
  const auto confirmers = Access::roles_of({Role::Admin, Role::Leader});

  // The reports service reads a year's registrations with the service token, as the board
  // sees them, to remind who has not registered (a deadline owed by registrations).
  const auto readers =
      Access::roles_of({Role::Admin, Role::Council, Role::Leader, Role::Staff, Role::Service});
  router.add(Method::Get, kBase + "/{year}", readers, [&app](Request& req) -> Task<Response> {
    int year = path_year(req);
    auto view = co_await app.list(req.principal, year);
    co_return http::json(200, render_view(view));
  });
  router.add(Method::Put, kBase + "/{year}/{kind}/{subject_id}", people,
             [&app](Request& req) -> Task<Response> {
               int year = path_year(req);
               auto kind = path_kind(req);
               const auto& subject = path_subject(req);
               auto input = parse_input(http::parse_object(req));
               auto r = co_await app.write(req.principal, year, kind, subject, std::move(input));
               co_return http::json(200, registration_json(r));
             });
  router.add(Method::Post, kBase + "/{year}/{kind}/{subject_id}/confirm", confirmers,
             [&app](Request& req) -> Task<Response> {
               int year = path_year(req);
               auto kind = path_kind(req);
               const auto& subject = path_subject(req);
               auto r = co_await app.confirm(req.principal, year, kind, subject);
               co_return http::json(200, registration_json(r));
             });
}

}  // namespace thidua::nominations
