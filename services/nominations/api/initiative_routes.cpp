// The register of initiatives: read by everyone signed in, kept by the board and the council,
// and its public, recognised entries for the website. JSON is parsed into and rendered from
// domain/initiative.hpp's typed entries here only.
#include "core/errors.hpp"
#include "core/ids.hpp"
#include "core/movement.hpp"
#include "http/json_io.hpp"
#include "http/params.hpp"
#include "nominations/api/catalogue_codec.hpp"
#include "nominations/api/routes.hpp"
#include "nominations/app/initiatives_app.hpp"
#include "nominations/domain/catalogue.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {
namespace {
using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

const std::string kBase = kApiBase + "/initiatives";

int year_field(const json& body) {
  auto it = body.find("year");
  if (it == body.end() || it->is_null()) {
    throw bad_request("missing_field", say("problem.missing_year"));
  }
  return http::optional_int(body, "year", 0, kFirstYear, kLastYear);
}

std::vector<std::string> author_ids(const json& body) {
  auto bad = [] {
    return bad_request("invalid_field",
                       say("initiative.authors_list", {{"max", std::to_string(kMaxAuthors)}}));
  };
  auto it = body.find("author_ids");
  if (it == body.end() || !it->is_array() || it->empty() || it->size() > kMaxAuthors) throw bad();
  std::vector<std::string> out;
  for (const auto& a : *it) {
    if (!a.is_string() || !ids::catalogue(a.get<std::string>())) throw bad();
    out.push_back(a.get<std::string>());
  }
  return out;
}

std::optional<InitiativeDecision> decision_field(const json& body) {
  auto it = body.find("decision");
  if (it == body.end() || it->is_null()) return std::nullopt;
  auto bad = [] { return bad_request("invalid_field", say("initiative.bad_decision")); };
  if (!it->is_object()) throw bad();
  InitiativeDecision d;
  d.number = http::required_string(*it, "number", 60);
  if (d.number.empty()) throw bad();
  auto date = parse_iso_date(http::required_string(*it, "date", 10));
  if (!date) throw bad();
  d.date = *date;
  d.issuer = http::optional_string(*it, "issuer", "", 200);
  return d;
}

Initiative parse_initiative(const json& body) {
  Initiative e;
  e.title = http::required_string(body, "title", 300);
  e.author_ids = author_ids(body);
  e.unit_id = catalogue_id_field(body, "unit_id");
  e.content_area = http::required_string(body, "content_area", 10);
  if (!is_content_area(e.content_area)) {
    throw bad_request("invalid_field", say("initiative.unknown_area", {{"area", e.content_area}}));
  }
  e.year = year_field(body);
  e.summary = http::optional_string(body, "summary", "", 2000);
  auto level = parse_initiative_level(http::optional_string(body, "level", "", 20));
  if (!level) throw bad_request("invalid_field", say("initiative.bad_level"));
  e.level = *level;
  e.decision = decision_field(body);
  e.is_public = http::optional_bool(body, "public", e.is_public);
  return e;
}

json decision_json(const Initiative& e) {
  if (!e.decision) return nullptr;
  return {{"number", e.decision->number},
          {"date", iso_date(e.decision->date)},
          {"date_vn", vn_date(e.decision->date)},
          {"issuer", e.decision->issuer}};
}

json render(const Initiative& e) {
  json authors = json::array();
  for (std::size_t i = 0; i < e.author_ids.size(); ++i) {
    authors.push_back({{"id", e.author_ids[i]},
                       {"name", i < e.author_names.size() ? e.author_names[i] : e.author_ids[i]}});
  }
  return {{"id", e.id},
          {"title", e.title},
          {"authors", authors},
          {"unit_id", e.unit_id},
          {"unit_name", e.unit_name},
          {"content_area", e.content_area},
          {"year", e.year},
          {"summary", e.summary},
          {"level", initiative_level_code(e.level)},
          {"level_label", initiative_level_label(e.level)},
          {"decision", decision_json(e)},
          {"public", e.is_public},
          {"recorded_by", e.recorded_by},
          {"recorded_at", e.recorded_at},
          {"updated_by", e.updated_by.empty() ? json(nullptr) : json(e.updated_by)},
          {"updated_at", e.updated_at.empty() ? json(nullptr) : json(e.updated_at)}};
}

// For the website: names, never staff ids or who typed it in.
json render_public(const Initiative& e) {
  return {{"id", e.id},
          {"title", e.title},
          {"authors", e.author_names},
          {"unit_name", e.unit_name},
          {"content_area", e.content_area},
          {"year", e.year},
          {"summary", e.summary},
          {"level_label", initiative_level_label(e.level)},
          {"decision", decision_json(e)}};
}

json items(const std::vector<Initiative>& list, json (*one)(const Initiative&)) {
  json out = json::array();
  for (const auto& e : list) out.push_back(one(e));
  return {{"items", out}};
}

std::optional<int> query_year(const Request& req) {
  auto y = http::query_integer(req, "year", kFirstYear, kLastYear);
  if (!y) return std::nullopt;
  return static_cast<int>(*y);
}
}  // namespace

json initiative_json(const Initiative& entry) {
  return render(entry);
}

void add_initiative_routes(http::Router& router, InitiativesApp& app) {
  const auto readers = Access::roles_of({Role::Admin, Role::Council, Role::Leader, Role::Staff});
  // The reports service reads the year's register for the yearly report.
  const auto listers =
      Access::roles_of({Role::Admin, Role::Council, Role::Leader, Role::Staff, Role::Service});
  const auto keepers = Access::roles_where(records_initiatives);
  const auto removers = Access::roles_where(removes_initiatives);

  router.add(Method::Get, kBase, listers, [&app](Request& req) -> Task<Response> {
    InitiativeFilter f;
    f.year = query_year(req);
    f.unit_id = query_catalogue_id(req, "unit");
    if (auto area = req.query("area"); area && !area->empty()) f.content_area = *area;
    auto list = co_await app.list(f);
    co_return http::json(200, items(list, render));
  });
  router.add(Method::Post, kBase, keepers, [&app](Request& req) -> Task<Response> {
    auto entry = parse_initiative(http::parse_object(req));
    auto stored = co_await app.record(req.principal, std::move(entry));
    co_return http::json(201, render(stored));
  });
  router.add(Method::Get, kBase + "/{id}", readers, [&app](Request& req) -> Task<Response> {
    const auto& id = checked_id(req, "id", ids::number);
    auto entry = co_await app.get(id);
    co_return http::json(200, render(entry));
  });
  router.add(Method::Put, kBase + "/{id}", keepers, [&app](Request& req) -> Task<Response> {
    const auto& id = checked_id(req, "id", ids::number);
    auto entry = parse_initiative(http::parse_object(req));
    auto stored = co_await app.correct(req.principal, id, std::move(entry));
    co_return http::json(200, render(stored));
  });
  router.add(Method::Delete, kBase + "/{id}", removers, [&app](Request& req) -> Task<Response> {
    const auto& id = checked_id(req, "id", ids::number);
    co_await app.remove(id);
    Response res;
    res.status = 204;
    res.content_type.clear();
    co_return res;
  });
  router.add(Method::Get, kApiBase + "/public/initiatives", Access::anyone(),
             [&app](Request& req) -> Task<Response> {
               auto list = co_await app.public_list(query_year(req));
               co_return http::cacheable_json(req, items(list, render_public).dump(), 60);
             });
}

}  // namespace thidua::nominations
