// The catalogue, API tokens and Zalo links: what Ban giám hiệu administers.
#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "core/ids.hpp"
#include "core/log.hpp"
#include "http/json_io.hpp"
#include "nominations/api/catalogue_codec.hpp"
#include "nominations/api/routes.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {
namespace {
using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

constexpr int kLinkCodeSeconds = 15 * 60;

// The id in the path and in the body must agree; the body may leave it out. The id is one
// the admin chooses, so it must not be a word of the routes it will appear in (`patterns`).
json with_path_id(const http::Router& router, const Request& req, const std::string& field,
                  const std::vector<std::string>& patterns) {
  auto body = http::parse_object(req);
  const auto& id = checked_id(req, "id", ids::catalogue);
  http::refuse_route_words(router, id, patterns);
  if (body.contains(field) && body[field] != id) {
    throw bad_request("id_mismatch", say("problem.id_mismatch"));
  }
  body[field] = id;
  return body;
}
}  // namespace

Task<StaffMember> existing_staff(CatalogueStore& catalogue, Request& req) {
  auto id = checked_id(req, "id", ids::staff);
  auto catalogue_ref = co_await catalogue.load();
  const StaffMember* m = catalogue_ref->staff_member(id);
  if (!m) throw not_found("unknown_staff", say("problem.unknown_staff", {{"id", id}}));
  co_return *m;
}

Task<std::string> existing_staff_id(CatalogueStore& catalogue, Request& req) {
  auto member = co_await existing_staff(catalogue, req);
  co_return member.id;
}

void add_admin_routes(http::Router& router, RouteDeps d) {
  const Access admin = Access::roles_of({Role::Admin});
  const Access readers =
      Access::roles_of({Role::Admin, Role::Council, Role::Leader, Role::Staff, Role::Service});
  auto& catalogue = d.catalogue;
  auto& tokens = d.tokens;
  const Clock& clock = d.clock;
  const std::string base = kApiBase + "/catalogue";
  // Where each kind of catalogue id appears in a path.
  const std::vector<std::string> unit_paths{base + "/units/{id}"};
  const std::vector<std::string> period_paths{base + "/periods/{id}"};
  const std::vector<std::string> award_paths{base + "/award-forms/{id}"};
  const std::vector<std::string> staff_paths{base + "/staff/{id}", kApiBase + "/staff/{id}/tokens",
                                             kApiBase + "/staff/{id}/link-codes",
                                             kApiBase + "/staff/{id}/sessions"};

  // Each colleague's record as the caller may read it (staff_view: personal data to the
  // board, the services and the person themself).
  router.add(Method::Get, base, readers, [&catalogue](Request& req) -> Task<Response> {
    auto catalogue_ref = co_await catalogue.load();
    const Catalogue& c = *catalogue_ref;
    co_return http::json(200, to_json(c, req.principal));
  });
  router.add(
      Method::Get, base + "/staff/{id}", readers, [&catalogue](Request& req) -> Task<Response> {
        auto member = co_await existing_staff(catalogue, req);
        const auto& p = req.principal;
        CatalogueRef catalogue_ref;  // the caller's unit matters to a leader only
        if (p.role == Role::Leader) catalogue_ref = co_await catalogue.load();
        const StaffMember* viewer =
            catalogue_ref ? catalogue_ref->staff_member(p.subject) : nullptr;
        co_return http::json(200, to_json(member, staff_view(p.role, p.subject, viewer, member)));
      });
  router.add(Method::Put, base + "/units/{id}", admin,
             [&catalogue, &router, unit_paths](Request& req) -> Task<Response> {
               auto unit = parse_unit(with_path_id(router, req, "id", unit_paths));
               auto catalogue_ref = co_await catalogue.load();
               check_unit_change(*catalogue_ref, unit);
               co_await catalogue.put(unit);
               co_return http::json(200, to_json(unit));
             });
  router.add(Method::Put, base + "/periods/{id}", admin,
             [&catalogue, &router, period_paths](Request& req) -> Task<Response> {
               auto period = parse_period(with_path_id(router, req, "id", period_paths));
               co_await catalogue.put(period);
               co_return http::json(200, to_json(period));
             });
  router.add(Method::Put, base + "/award-forms/{id}", admin,
             [&catalogue, &router, award_paths](Request& req) -> Task<Response> {
               auto form = parse_award_form(with_path_id(router, req, "code", award_paths));
               co_await catalogue.put(form);
               co_return http::json(200, to_json(form));
             });
  router.add(
      Method::Put, base + "/staff/{id}", admin,
      [&catalogue, &tokens, &router, staff_paths](Request& req) -> Task<Response> {
        auto member = parse_staff(with_path_id(router, req, "id", staff_paths));
        auto catalogue_ref = co_await catalogue.load();
        const Catalogue& c = *catalogue_ref;
        check_staff_unit(c, member);
        // A Zalo link is made by /lienket, never typed in: keep the one already there.
        if (const StaffMember* old = c.staff_member(member.id))
          member.zalo_user_id = old->zalo_user_id;
        else
          member.zalo_user_id.clear();
        // The person's rights first: a demotion takes effect before the record says so,
        // never after (start-up re-syncs both should the second write fail).
        auth::Person person{member.id, parse_role(member.role).value_or(Role::Staff), member.name};
        co_await tokens.put_person(person);
        co_await catalogue.put(member);
        co_return http::json(200, to_json(member));
      });
  router.add(Method::Delete, base + "/staff/{id}", admin,
             [&catalogue, &tokens](Request& req) -> Task<Response> {
               auto id = co_await existing_staff_id(catalogue, req);
               // Tokens and rights go first: from this moment every service refuses them.
               auto revoked = co_await tokens.remove_person(id);
               co_await catalogue.remove_staff(id);
               log::info("staff_removed", {{"staff_id", id}, {"tokens_revoked", revoked}});
               Response res;
               res.status = 204;
               res.content_type.clear();
               co_return res;
             });

  router.add(
      Method::Post, kApiBase + "/tokens", admin,
      [&catalogue, &tokens](Request& req) -> Task<Response> {
        auto body = http::parse_object(req);
        auto staff_id = catalogue_id_field(body, "staff_id");
        auto catalogue_ref = co_await catalogue.load();
        const Catalogue& c = *catalogue_ref;
        const StaffMember* m = c.staff_member(staff_id);
        if (!m)
          throw unprocessable("unknown_staff", say("problem.unknown_staff", {{"id", staff_id}}));
        Principal holder{true, parse_role(m->role).value_or(Role::Staff), m->id, m->name};
        std::vector<auth::Person> person{{m->id, holder.role, m->name}};
        co_await tokens.add_missing_people(person);
        auto issued = co_await tokens.issue(holder, req.principal.subject);
        co_return http::json(201, {{"token", issued.token},
                                   {"id", issued.id},
                                   {"staff_id", m->id},
                                   {"role", m->role},
                                   {"note", say("token.note")}});
      });
  router.add(Method::Get, kApiBase + "/staff/{id}/tokens", admin,
             [&catalogue, &tokens](Request& req) -> Task<Response> {
               auto id = co_await existing_staff_id(catalogue, req);
               auto list = co_await tokens.tokens_of(id);
               json items = json::array();
               for (const auto& t : list) {
                 json item = {{"id", t.id}, {"issued_by", t.issued_by}, {"issued_at", t.issued_at}};
                 item["last_used"] = t.last_used.empty() ? json(nullptr) : json(t.last_used);
                 items.push_back(std::move(item));
               }
               co_return http::json(200, {{"staff_id", id}, {"tokens", std::move(items)}});
             });
  router.add(Method::Delete, kApiBase + "/tokens/{id}", admin,
             [&tokens](Request& req) -> Task<Response> {
               if (!co_await tokens.revoke(checked_id(req, "id", ids::token))) {
                 throw not_found("unknown_token", say("problem.unknown_token"));
               }
               Response res;
               res.status = 204;
               res.content_type.clear();
               co_return res;
             });

  router.add(
      Method::Post, kApiBase + "/staff/{id}/link-codes", admin,
      [&catalogue, &clock](Request& req) -> Task<Response> {
        const auto& id = checked_id(req, "id", ids::staff);
        auto catalogue_ref = co_await catalogue.load();
        const Catalogue& c = *catalogue_ref;
        const StaffMember* m = c.staff_member(id);
        if (!m) throw not_found("unknown_staff", say("problem.unknown_staff", {{"id", id}}));
        // 8 hex digits: short enough to type in a chat, single use, 15 minutes.
        auto code = crypto::random_hex(4);
        co_await catalogue.save_link_code(code, id, kLinkCodeSeconds);
        co_return http::json(
            201, {{"code", code},
                  {"staff_id", id},
                  {"expires_at", iso_instant(clock.now() + std::chrono::seconds(kLinkCodeSeconds))},
                  {"instruction", say("link.instruction", {{"code", code}})}});
      });
  router.add(Method::Post, kApiBase + "/zalo-links", Access::roles_of({Role::Service, Role::Admin}),
             [&catalogue](Request& req) -> Task<Response> {
               auto body = http::parse_object(req);
               auto code = http::required_string(body, "code", 32);
               auto zalo_id = http::required_string(body, "zalo_user_id", 64);
               if (!ids::zalo_user(zalo_id)) {
                 throw bad_request("invalid_id", say("problem.bad_zalo_id", {{"id", zalo_id}}));
               }
               // A code nominations never issues is refused before Redis is asked.
               if (!ids::link_code(code)) {
                 throw bad_request("invalid_id", say("problem.bad_link_code"));
               }
               auto redeemed = co_await catalogue.redeem_link_code(code, zalo_id);
               using Outcome = CatalogueStore::Redeemed::Outcome;
               if (redeemed.outcome == Outcome::TooManyWrong) {
                 auto minutes = http::minutes_of(redeemed.retry_after);
                 co_return http::too_many(
                     "too_many_link_attempts",
                     say("problem.too_many_link_attempts", {{"minutes", minutes}}),
                     redeemed.retry_after, req.request_id);
               }
               if (redeemed.outcome == Outcome::WrongCode) {
                 throw unprocessable("invalid_link_code", say("problem.invalid_link_code"));
               }
               const std::string& staff_id = redeemed.staff_id;
               auto catalogue_ref = co_await catalogue.load();
               const Catalogue& c = *catalogue_ref;
               const StaffMember* m = c.staff_member(staff_id);
               co_return http::json(200, m ? to_json(*m) : json{{"id", staff_id}});
             });
  router.add(Method::Get, kApiBase + "/staff/by-zalo/{id}",
             Access::roles_of({Role::Service, Role::Admin}),
             [&catalogue](Request& req) -> Task<Response> {
               const auto& zalo_id = checked_id(req, "id", ids::zalo_user);
               auto staff_id = co_await catalogue.staff_for_zalo(zalo_id);
               auto catalogue_ref = co_await catalogue.load();
               const Catalogue& c = *catalogue_ref;
               const StaffMember* m = staff_id.empty() ? nullptr : c.staff_member(staff_id);
               // The record must name the account too: a link key never speaks for a record that
               // does not (one made again under an old id, or linked to another account since).
               if (!m || m->zalo_user_id != zalo_id)
                 throw not_found("not_linked", say("problem.not_linked"));
               co_return http::json(200, to_json(*m));
             });
}

}  // namespace thidua::nominations
