// Nomination rounds (đợt xét): read by everyone signed in, opened, edited and removed by the
// board, and those not yet closed for the school website. JSON is parsed into and rendered
// from domain/round.hpp's typed rounds here only.
#include "core/errors.hpp"
#include "core/ids.hpp"
#include "http/json_io.hpp"
#include "nominations/api/catalogue_codec.hpp"
#include "nominations/api/nomination_codec.hpp"
#include "nominations/api/routes.hpp"
#include "nominations/app/rounds_app.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {
namespace {
using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

const std::string kBase = kApiBase + "/rounds";
constexpr std::size_t kMaxAwards = 20;

std::vector<std::string> award_codes(const json& body) {
  auto it = body.find("awards");
  if (it == body.end() || it->is_null()) return {};
  if (!it->is_array() || it->size() > kMaxAwards) {
    throw bad_request(
        "invalid_field",
        say("problem.list_too_long", {{"field", "awards"}, {"max", std::to_string(kMaxAwards)}}));
  }
  std::vector<std::string> out;
  for (const auto& a : *it) {
    if (!a.is_string()) {
      throw bad_request("invalid_field", say("problem.list_item", {{"field", "awards"}}));
    }
    auto code = a.get<std::string>();
    if (!ids::catalogue(code)) {
      throw bad_request("invalid_id", say("problem.bad_id", {{"id", code}, {"field", "awards"}}));
    }
    out.push_back(std::move(code));
  }
  return out;
}

Round parse_round(const json& body) {
  Round r;
  r.period_id = catalogue_id_field(body, "period");
  r.name = http::required_string(body, "name", 200);
  r.opens = date_field(body, "opens");
  r.closes = date_field(body, "closes");
  r.award_codes = award_codes(body);
  return r;
}

json render(const Round& r, const Catalogue& c, LocalDate today) {
  json awards = json::array();
  for (const auto& code : r.award_codes) {
    const AwardForm* a = c.award(code);
    awards.push_back({{"code", code}, {"label", a ? a->label : code}});
  }
  const Period* p = c.period(r.period_id);
  auto state = round_state(r, today);
  return {{"id", r.id},
          {"period", r.period_id},
          {"period_label", p ? p->label : r.period_id},
          {"name", r.name},
          {"opens", iso_date(r.opens)},
          {"closes", iso_date(r.closes)},
          {"opens_vn", vn_date(r.opens)},
          {"closes_vn", vn_date(r.closes)},
          {"awards", awards},
          {"state", round_state_name(state)},
          {"state_label", round_state_label(state)},
          {"updated_by", r.updated_by.empty() ? json(nullptr) : json(r.updated_by)},
          {"updated_at", r.updated_at.empty() ? json(nullptr) : json(r.updated_at)}};
}

}  // namespace

// For the website and "Trang của tôi": what is open or coming, without who edited it.
json round_public_json(const Round& r, const Catalogue& c, LocalDate today) {
  json out = render(r, c, today);
  out.erase("updated_by");
  out.erase("updated_at");
  return out;
}

namespace {
json items(const std::vector<Round>& rounds, const Catalogue& c, LocalDate today,
           json (*one)(const Round&, const Catalogue&, LocalDate)) {
  json out = json::array();
  for (const auto& r : rounds) out.push_back(one(r, c, today));
  return {{"items", out}, {"today", iso_date(today)}};
}
}  // namespace

void add_round_routes(http::Router& router, RoundsApp& app, CatalogueStore& catalogue) {
  const auto readers =
      Access::roles_of({Role::Admin, Role::Council, Role::Leader, Role::Staff, Role::Service});
  const auto keepers = Access::roles_where(keeps_rounds);

  router.add(Method::Get, kBase, readers, [&app, &catalogue](Request&) -> Task<Response> {
    auto rounds = co_await app.list();
    auto c = co_await catalogue.load();
    auto meetings = co_await app.meetings_by_round(rounds);
    auto body = items(rounds, *c, app.today(), render);
    for (auto& item : body["items"]) {
      json list = json::array();
      for (const auto& m : meetings[item.value("id", "")]) {
        list.push_back(
            {{"id", m.meeting.id}, {"date", m.meeting.date}, {"place", m.meeting.place}});
      }
      item["meetings"] = std::move(list);
    }
    co_return http::json(200, body);
  });
  router.add(Method::Post, kBase, keepers, [&app, &catalogue](Request& req) -> Task<Response> {
    auto round = parse_round(http::parse_object(req));
    auto stored = co_await app.open(req.principal, std::move(round));
    auto c = co_await catalogue.load();
    co_return http::json(201, render(stored, *c, app.today()));
  });
  router.add(Method::Put, kBase + "/{id}", keepers,
             [&app, &catalogue](Request& req) -> Task<Response> {
               const auto& id = checked_id(req, "id", ids::catalogue);
               auto round = parse_round(http::parse_object(req));
               auto stored = co_await app.edit(req.principal, id, std::move(round));
               auto c = co_await catalogue.load();
               co_return http::json(200, render(stored, *c, app.today()));
             });
  router.add(Method::Delete, kBase + "/{id}", keepers, [&app](Request& req) -> Task<Response> {
    const auto& id = checked_id(req, "id", ids::catalogue);
    co_await app.remove(id);
    Response res;
    res.status = 204;
    res.content_type.clear();
    co_return res;
  });
  router.add(Method::Get, kApiBase + "/public/rounds", Access::anyone(),
             [&app, &catalogue](Request& req) -> Task<Response> {
               auto rounds = co_await app.not_closed();
               auto c = co_await catalogue.load();
               auto body = items(rounds, *c, app.today(), round_public_json).dump();
               co_return http::cacheable_json(req, body, 60);
             });
}

}  // namespace thidua::nominations
