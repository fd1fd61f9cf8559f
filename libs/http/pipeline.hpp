#pragma once
// Everything between "a request was read" and "a response is ready": routing, CORS,
// authentication and roles, the one place that maps exceptions to problem+json, the
// access log line and request metrics. Free of Beast, so it is tested without sockets.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "http/cookie_auth.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"

namespace thidua::http {

// Resolves a bearer token to a principal, or nullopt when it is unknown or revoked.
// `acting_for` is the X-Acting-For header ("" when absent): the staff member on whose behalf
// another service calls (see auth::TokenStore::resolve).
using Authenticator =
    std::function<Task<std::optional<Principal>>(std::string token, std::string acting_for)>;

// Resolves the dashboard's session cookie (its value) to a principal, or nullopt when the
// session is unknown, ended or expired (see auth::SessionStore::resolve).
using SessionResolver = std::function<Task<std::optional<Principal>>(std::string secret)>;

struct PipelineOptions {
  std::vector<std::string> cors_origins;  // exact origins; "*" allows any (public data only)
  bool access_log = true;
  // Without one, the session cookie is not read (bearer tokens only).
  SessionResolver sessions{};
  // THIDUA_COOKIE_SECURE, for the Set-Cookie that clears an ended session's cookie.
  CookieSecure cookie_secure = CookieSecure::Auto;
  // True while the service's start-up seed is not in: every route but /healthz, /readyz and
  // /metrics answers 503 starting (Retry-After: 1), so nobody reads or writes an empty
  // catalogue (a staff member refused for an "unknown unit", a units list cached empty).
  std::function<bool()> starting{};
};

class Pipeline {
 public:
  Pipeline(const Router& router, Authenticator authenticator, Metrics& metrics,
           PipelineOptions options);

  // Always completes with exactly one response; never throws.
  Task<Response> handle(Request& req) const;
  // A response decided before the body was read (413, 400 on a broken request).
  Response reject(Request& req, int status, const std::string& code,
                  const std::string& detail) const;

 private:
  Task<Response> dispatch(Request& req) const;
  // Authenticates a request that carries no Authorization header but the session cookie:
  // refuses a cross-site write (403) and an ended session (401, clearing the cookie).
  // Returns a response to send instead of the route's, or nullopt to go on.
  Task<std::optional<Response>> authenticate_session(Request& req, std::string secret) const;
  bool allowed_origin(const Request& req) const;
  void finish(const Request& req, Response& res,
              std::chrono::steady_clock::time_point started) const;
  const Router& router_;
  Authenticator authenticator_;
  Metrics& metrics_;
  PipelineOptions options_;
};

}  // namespace thidua::http
