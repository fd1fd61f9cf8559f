// Signing in to the dashboard through the bot (issue 12): the code /dangnhap asks for, its
// exchange for a session cookie, sign-out, and what admins see and end of anyone's sessions.
// The session itself is read by every service (libs/http/pipeline, auth::SessionStore).
#include "auth/session_store.hpp"
#include "core/errors.hpp"
#include "core/ids.hpp"
#include "core/log.hpp"
#include "core/messages.hpp"
#include "http/cookie_auth.hpp"
#include "http/json_io.hpp"
#include "nominations/api/routes.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {
namespace {
using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

Response no_content() {
  Response res;
  res.status = 204;
  res.content_type.clear();
  return res;
}

using http::minutes_of;
using http::too_many;
}  // namespace

void add_session_routes(http::Router& router, RouteDeps d) {
  auto& catalogue = d.catalogue;
  auto& sessions = d.sessions;
  const auto secure_setting = d.cookie_secure;
  const Access admin = Access::roles_of({Role::Admin});
  // People sign in, never the service: its calls for someone carry X-Acting-For.
  const Access people = Access::roles_of({Role::Admin, Role::Council, Role::Leader, Role::Staff});

  // A code for the caller (the bot calls it with X-Acting-For: the person who typed
  // /dangnhap). The bootstrap admin has no staff record, so no code.
  router.add(Method::Post, kApiBase + "/sign-in-codes", people,
             [&sessions](Request& req) -> Task<Response> {
               auto issued = co_await sessions.issue_code(req.principal.subject);
               using Outcome = auth::CodeIssue::Outcome;
               if (issued.outcome == Outcome::NoPerson) {
                 throw unprocessable("unknown_caller", say("problem.unknown_caller"));
               }
               if (issued.outcome == Outcome::TooMany) {
                 auto minutes = minutes_of(issued.retry_after);
                 co_return too_many("too_many_sign_in_codes",
                                    say("problem.too_many_sign_in_codes", {{"minutes", minutes}}),
                                    issued.retry_after, req.request_id);
               }
               auto ttl = sessions.limits().code_ttl;
               log::info("sign_in_code_issued", {{"staff_id", req.principal.subject}});
               co_return http::json(201, {{"code", issued.code},
                                          {"display", auth::display_code(issued.code)},
                                          {"staff_id", req.principal.subject},
                                          {"expires_at", iso_instant(issued.expires)},
                                          {"valid_minutes", (ttl.count() + 59) / 60}});
             });

  // The exchange: public (the code is the credential), refused from another site, limited
  // per client address (auth::SessionStore::exchange) and, at the edge, per address too.
  router.add(
      Method::Post, kApiBase + "/sessions", Access::anyone(),
      [&sessions, &catalogue, secure_setting](Request& req) -> Task<Response> {
        if (!http::cookie_write_allowed(req)) {
          throw ApiError(403, "cross_site_request", common::say("problem.cross_site_request"));
        }
        auto body = http::parse_object(req);
        auto typed = http::required_string(body, "code", 32);
        auto code = auth::normalise_code(typed);
        if (!code) throw bad_request("invalid_sign_in_code", say("problem.sign_in_code_format"));
        const std::string address = http::client_address(req);
        auto result = co_await sessions.exchange(*code, address);
        using Outcome = auth::Exchange::Outcome;
        if (result.outcome == Outcome::TooManyFailures) {
          auto minutes = minutes_of(result.retry_after);
          co_return too_many("too_many_attempts",
                             say("problem.too_many_sign_in_attempts", {{"minutes", minutes}}),
                             result.retry_after, req.request_id);
        }
        if (result.outcome != Outcome::SignedIn) {
          log::info("sign_in_refused", {{"address", address}});
          throw unprocessable("wrong_sign_in_code", say("problem.wrong_sign_in_code"));
        }
        auto catalogue_ref = co_await catalogue.load();
        const StaffMember* m = catalogue_ref->staff_member(result.staff_id);
        log::info("signed_in", {{"staff_id", result.staff_id}, {"session", result.id}});
        json out = {{"staff_id", result.staff_id},
                    {"name", m ? m->name : std::string()},
                    {"role", m ? m->role : std::string()},
                    {"session_id", result.id},
                    {"expires_at", iso_instant(result.expires)}};
        auto res = http::json(201, out);
        bool secure = http::cookie_is_secure(secure_setting, req.header("x-forwarded-proto"));
        res.headers.emplace_back(
            "Set-Cookie", http::session_cookie(result.secret, sessions.policy().max_age, secure));
        co_return res;
      });

  // Sign-out: ends the session the cookie names and clears the cookie (a caller with a
  // bearer token has no session: nothing ends, the answer is the same).
  router.add(Method::Delete, kApiBase + "/session", people,
             [&sessions, secure_setting](Request& req) -> Task<Response> {
               auto secret = http::cookie_value(req.header("cookie"), http::kSessionCookie);
               auto id = auth::SessionStore::id_of(secret);
               if (!id.empty() && req.header("authorization").empty()) co_await sessions.end(id);
               auto res = no_content();
               bool secure =
                   http::cookie_is_secure(secure_setting, req.header("x-forwarded-proto"));
               res.headers.emplace_back("Set-Cookie", http::cleared_session_cookie(secure));
               co_return res;
             });

  router.add(Method::Get, kApiBase + "/staff/{id}/sessions", admin,
             [&catalogue, &sessions](Request& req) -> Task<Response> {
               auto id = co_await existing_staff_id(catalogue, req);
               auto list = co_await sessions.sessions_of(id);
               json items = json::array();
               for (const auto& s : list) {
                 items.push_back({{"id", s.id},
                                  {"created_at", s.created_at},
                                  {"last_active", s.last_active},
                                  {"expires_at", s.expires_at},
                                  {"address", s.address}});
               }
               co_return http::json(200, {{"staff_id", id}, {"sessions", std::move(items)}});
             });
  router.add(Method::Delete, kApiBase + "/staff/{id}/sessions", admin,
             [&catalogue, &sessions](Request& req) -> Task<Response> {
               auto id = co_await existing_staff_id(catalogue, req);
               auto ended = co_await sessions.end_all(id);
               log::info("sessions_ended", {{"staff_id", id}, {"sessions", ended}});
               co_return http::json(200, {{"staff_id", id}, {"ended", ended}});
             });
  router.add(Method::Delete, kApiBase + "/sessions/{id}", admin,
             [&sessions](Request& req) -> Task<Response> {
               if (!co_await sessions.end(checked_id(req, "id", ids::session))) {
                 throw not_found("unknown_session", say("problem.unknown_session"));
               }
               co_return no_content();
             });
}

}  // namespace thidua::nominations
