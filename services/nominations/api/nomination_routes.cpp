// Nominations, their workflow, council votes, dossiers and quota use.
#include "core/errors.hpp"
#include "core/ids.hpp"
#include "http/json_io.hpp"
#include "http/params.hpp"
#include "nominations/api/catalogue_codec.hpp"
#include "nominations/api/council_codec.hpp"
#include "nominations/api/nomination_codec.hpp"
#include "nominations/api/record_json.hpp"
#include "nominations/api/registration_json.hpp"
#include "nominations/api/routes.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {
namespace {
using http::Method;
using http::Request;
using http::Response;

using nlohmann::json;

// GET /me (proto: Me): unit_id and unit_name null when there is none.
json whoami_json(const WhoAmI& me) {
  return {{"subject", me.subject},
          {"name", me.name},
          {"role", role_name(me.role)},
          {"role_label", role_label(me.role)},
          {"unit_id", me.unit_id ? json(*me.unit_id) : json(nullptr)},
          {"unit_name", me.unit_name ? json(*me.unit_name) : json(nullptr)},
          {"writes_nominations", me.writes_nominations},
          {"keeps_council_records", me.keeps_council_records}};
}

// GET /quotas (proto: Quotas): limit a number, "unlimited" or null (not set); remaining null
// unless there is a limit.
json quotas_json(const QuotaUse& q) {
  json items = json::array();
  for (const auto& l : q.items) {
    json limit = nullptr;
    if (l.limit) limit = *l.limit == kUnlimited ? json("unlimited") : json(*l.limit);
    items.push_back({{"award", l.award},
                     {"award_label", l.award_label},
                     {"subject_kind", subject_kind_name(l.subject_kind)},
                     {"used", l.used},
                     {"limit", limit},
                     {"remaining", l.remaining ? json(*l.remaining) : json(nullptr)}});
  }
  return {{"period", q.period}, {"period_label", q.period_label}, {"items", items}};
}

std::optional<std::string> query_filter(const Request& req, const std::string& name) {
  auto v = req.query(name);
  if (!v || v->empty()) return std::nullopt;
  return v;
}

ListFilter parse_filter(const Request& req) {
  ListFilter f;
  f.period = query_catalogue_id(req, "period");
  f.award = query_catalogue_id(req, "award");
  f.status = query_filter(req, "status");
  if (f.status && !parse_status(*f.status)) {
    throw bad_request("invalid_status", say("problem.invalid_status", {{"status", *f.status}}));
  }
  f.unit_id = query_catalogue_id(req, "unit");
  f.subject_id = query_catalogue_id(req, "subject");
  f.proposer = query_catalogue_id(req, "proposer");
  if (auto kind = query_filter(req, "subject_kind")) {
    f.subject_kind = parse_subject_kind(*kind);
    if (!f.subject_kind) {
      throw bad_request("invalid_subject_kind", say("problem.bad_subject_kind"));
    }
  }
  if (auto limit = http::query_integer(req, "limit", 1, 200)) {
    f.limit = static_cast<std::size_t>(*limit);
  }
  if (auto after = query_filter(req, "after")) {
    if (!ids::number(*after)) {
      throw bad_request("invalid_cursor", say("problem.invalid_cursor"));
    }
    f.after = *after;
  }
  return f;
}
}  // namespace

std::optional<std::string> query_catalogue_id(const Request& req, const std::string& name) {
  auto v = query_filter(req, name);
  if (v && !ids::catalogue(*v)) {
    throw bad_request("invalid_" + name, say("problem.query_id", {{"name", name}}));
  }
  return v;
}

const std::string& checked_id(const Request& req, const std::string& name,
                              bool (*kind)(std::string_view), const std::string& message) {
  const auto& v = req.param(name);
  if (!kind(v)) throw bad_request("invalid_id", say(message, {{"id", v}}));
  return v;
}

namespace {
// Nomination ids are numbers; anything else is a 400 before any lookup.
const std::string& nomination_id(const Request& req) {
  return checked_id(req, "id", ids::number, "problem.nomination_id");
}
}  // namespace

namespace {
// ?view=full: the detail with its history and dossier checklist. Any other value, an empty
// one included, is a 400 (proto: the parameter's enum).
bool full_view(const Request& req) {
  auto v = req.query("view");
  if (!v) return false;
  if (*v != "full") throw bad_request("invalid_view", say("problem.invalid_view"));
  return true;
}

// {"achievement": 0, "link": "https://…"}: which achievement (0-based, as listed) and the link,
// taken as it is (no trimming: the OpenAPI pattern is the rule, domain/evidence.hpp).
struct EvidenceBody {
  std::size_t achievement = 0;
  std::string link;
};
EvidenceBody parse_evidence_body(const nlohmann::json& body) {
  auto it = body.find("achievement");
  if (it == body.end() || !it->is_number_integer() || it->get<long long>() < 0 ||
      it->get<long long>() > 1000) {
    throw bad_request("invalid_field", say("problem.evidence_achievement"));
  }
  return {static_cast<std::size_t>(it->get<long long>()), http::required_string(body, "link", 500)};
}
}  // namespace

void add_nomination_routes(http::Router& router, RouteDeps d) {
  const Access everyone =
      Access::roles_of({Role::Admin, Role::Council, Role::Leader, Role::Staff, Role::Service});
  const Access writers = Access::roles_where(writes_nominations);
  const Access council = Access::roles_where(keeps_council_records);
  auto& app = d.app;
  const std::string base = kApiBase + "/nominations";

  router.add(Method::Post, base, writers, [&app](Request& req) -> Task<Response> {
    auto draft = parse_draft(http::parse_object(req));
    auto created = co_await app.create(req.principal, std::move(draft));
    auto res = http::json_text(201, detail_json(created, req.principal.role));
    res.headers.emplace_back("Location", kApiBase + "/nominations/" + created.id);
    co_return res;
  });
  router.add(Method::Get, base, everyone, [&app](Request& req) -> Task<Response> {
    auto page = co_await app.list(req.principal, parse_filter(req));
    co_return http::json_text(200, page_json(page));
  });
  router.add(Method::Get, base + "/{id}", everyone, [&app](Request& req) -> Task<Response> {
    const std::string id = nomination_id(req);
    const bool full = full_view(req);
    auto found = co_await app.detail(req.principal, id, full);
    auto text = detail_json(found.record, req.principal.role);
    nlohmann::json reg = nullptr;
    if (found.registration) reg = registration_json(*found.registration);
    // The detail is written as text (record.hpp); the registration closes it.
    text.pop_back();
    text += ",\"registration\":" + reg.dump();
    if (found.history && found.dossier) {
      // The dashboard's detail in one call (issue 12, Fast): what /history and /dossier say.
      text += ",\"history\":" + history_json(*found.history);
      text += ",\"dossier\":" + dossier_json(id, *found.dossier).dump();
    }
    text += "}";
    co_return http::json_text(200, std::move(text));
  });
  router.add(Method::Put, base + "/{id}", writers, [&app](Request& req) -> Task<Response> {
    const auto& id = nomination_id(req);
    auto draft = parse_draft(http::parse_object(req));
    auto r = co_await app.edit(req.principal, id, std::move(draft));
    co_return http::json_text(200, detail_json(r, req.principal.role));
  });
  router.add(Method::Get, base + "/{id}/history", everyone, [&app](Request& req) -> Task<Response> {
    const std::string id = nomination_id(req);
    auto entries = co_await app.history(req.principal, id);
    JsonWriter w;  // members in the order they always had (a sorted nlohmann::json)
    w.begin_object().key("history").raw(history_json(entries)).field("id", id).end_object();
    co_return http::json_text(200, w.take());
  });
  router.add(Method::Post, base + "/{id}/transitions",
             Access::roles_of({Role::Admin, Role::Council, Role::Leader}),
             [&app](Request& req) -> Task<Response> {
               auto request = parse_transition(http::parse_object(req));
               auto r = co_await app.act(req.principal, nomination_id(req), request);
               co_return http::json_text(200, detail_json(r, req.principal.role));
             });
  router.add(Method::Post, base + "/{id}/evidence",
             Access::roles_of({Role::Admin, Role::Council, Role::Leader, Role::Staff}),
             [&app](Request& req) -> Task<Response> {
               auto body = parse_evidence_body(http::parse_object(req));
               auto r = co_await app.add_evidence(req.principal, nomination_id(req),
                                                  body.achievement, body.link);
               co_return http::json_text(200, detail_json(r, req.principal.role));
             });
  router.add(Method::Put, base + "/{id}/vote", council, [&app](Request& req) -> Task<Response> {
    const auto& id = nomination_id(req);
    Vote ballot = parse_vote(http::parse_object(req));
    auto vote = co_await app.record_vote(req.principal, id, std::move(ballot));
    co_return http::json_text(200, vote_json(vote));
  });
  router.add(Method::Get, base + "/{id}/dossier", everyone, [&app](Request& req) -> Task<Response> {
    const auto& id = nomination_id(req);
    auto items = co_await app.dossier(req.principal, id);
    co_return http::json(200, dossier_json(id, items));
  });
  router.add(Method::Put, base + "/{id}/dossier/{item}", council,
             [&app](Request& req) -> Task<Response> {
               const auto& id = nomination_id(req);
               const auto& item = checked_id(req, "item", ids::catalogue);
               const int copies = parse_dossier_copies(http::parse_object(req));
               auto items = co_await app.receive_dossier_item(req.principal, id, item, copies);
               co_return http::json(200, dossier_json(id, items));
             });

  router.add(Method::Get, kApiBase + "/me", everyone, [&app](Request& req) -> Task<Response> {
    auto me = co_await app.whoami(req.principal);
    co_return http::json(200, whoami_json(me));
  });
  router.add(Method::Get, kApiBase + "/quotas", everyone, [&app](Request& req) -> Task<Response> {
    auto period = query_catalogue_id(req, "period");
    if (!period) throw bad_request("missing_period", say("problem.missing_period"));
    auto use = co_await app.quotas(*period);
    co_return http::json(200, quotas_json(use));
  });
  router.add(Method::Post, kApiBase + "/council/meetings", council,
             [&app](Request& req) -> Task<Response> {
               auto form = parse_meeting_form(http::parse_object(req));
               auto recorded = co_await app.add_meeting(req.principal, std::move(form));
               co_return http::json(201, meeting_json(recorded));
             });
}

}  // namespace thidua::nominations
