#include "http/pipeline.hpp"

#include <cstdint>
#include <nlohmann/json.hpp>

#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "core/log.hpp"
#include "core/messages.hpp"
#include "http/json_io.hpp"
#include "redis/redis_client.hpp"

namespace thidua::http {
namespace {
bool body_allowed(Method m) {
  return m == Method::Post || m == Method::Put || m == Method::Patch;
}

bool is_json_type(std::string_view content_type) {
  auto semi = content_type.find(';');
  auto base = content_type.substr(0, semi);
  while (!base.empty() && base.back() == ' ') base.remove_suffix(1);
  std::string lower(base);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "application/json";
}

// Unique per process without a syscall: a random prefix per thread (from the CSPRNG once)
// and a counter. Random ids per request cost a getpid() and a CSPRNG call each.
std::string next_request_id() {
  thread_local const std::string prefix = crypto::random_hex(4);
  thread_local std::uint32_t counter = 0;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id = prefix;
  id.resize(prefix.size() + 8);
  std::uint32_t n = ++counter;
  for (int i = 7; i >= 0; --i, n >>= 4)
    id[prefix.size() + static_cast<std::size_t>(i)] = kHex[n & 0xF];
  return id;
}

// The methods the matched path has, for Allow.
std::string allowed_list(const Router::Match& match) {
  std::string out;
  for (auto m : match.allowed) out += (out.empty() ? "" : ", ") + std::string(method_name(m));
  return out;
}
}  // namespace

Pipeline::Pipeline(const Router& router, Authenticator authenticator, Metrics& metrics,
                   PipelineOptions options)
    : router_(router),
      authenticator_(std::move(authenticator)),
      metrics_(metrics),
      options_(std::move(options)) {}

Task<Response> Pipeline::handle(Request& req) const {
  auto started = std::chrono::steady_clock::now();
  if (req.request_id.empty()) req.request_id = next_request_id();
  Response res;
  try {
    res = co_await dispatch(req);
  } catch (const ApiError& e) {
    res = problem(e.status(), e.code(), e.detail(), req.request_id);
    // RFC 6750 3: a 401 names the scheme it wants.
    if (e.status() == 401) res.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"thidua\"");
  } catch (const RedisUnavailable& e) {
    log::error("redis_unavailable", {{"request_id", req.request_id}, {"error", e.what()}});
    res = problem(503, "storage_unavailable", common::say("problem.storage_unavailable"),
                  req.request_id);
    res.headers.emplace_back("Retry-After", "5");
  } catch (const nlohmann::json::exception& e) {
    res = problem(400, "invalid_field", common::say("problem.wrong_type"), req.request_id);
  } catch (const std::exception& e) {
    log::error("handler_failed", {{"request_id", req.request_id}, {"error", e.what()}});
    res =
        problem(500, "internal_error",
                common::say("problem.internal", {{"request_id", req.request_id}}), req.request_id);
  }
  // On every answer, errors and preflights included: without it the browser hides the
  // response (and a preflight without it blocks the request that follows).
  if (allowed_origin(req)) {
    res.headers.emplace_back("Access-Control-Allow-Origin", std::string(req.header("origin")));
    res.headers.emplace_back("Vary", "Origin");
  }
  finish(req, res, started);
  co_return res;
}

Task<Response> Pipeline::dispatch(Request& req) const {
  bool origin_allowed = allowed_origin(req);
  auto match = router_.match(req.method, req.path, req.params);
  if (match.malformed) {
    req.route = "(malformed)";
    throw bad_request("invalid_path", common::say("problem.invalid_path"));
  }

  if (req.method == Method::Options && match.path_known) {
    Response res;
    res.status = 204;
    res.content_type.clear();
    if (origin_allowed) {
      res.headers.emplace_back("Access-Control-Allow-Methods", allowed_list(match));
      res.headers.emplace_back("Access-Control-Allow-Headers",
                               "Authorization, Content-Type, Idempotency-Key, X-Request-Id");
      res.headers.emplace_back("Access-Control-Max-Age", "600");
    }
    res.headers.emplace_back("Allow", allowed_list(match));
    co_return res;
  }
  if (!match.route) {
    // A fixed label, not the path: paths come from callers and would grow /metrics at will.
    req.route = match.path_known ? "(method_not_allowed)" : "(unmatched)";
    if (match.path_known) {
      auto res =
          problem(405, "method_not_allowed",
                  common::say("problem.method_not_allowed", {{"method", method_name(req.method)}}),
                  req.request_id);
      res.headers.emplace_back("Allow", allowed_list(match));
      co_return res;
    }
    throw not_found("route_not_found",
                    common::say("problem.route_not_found", {{"path", req.path}}));
  }
  const Route& route = *match.route;
  req.route = route.pattern;
  if (route.gate) route.gate(req);
  const bool operations =
      route.pattern == "/healthz" || route.pattern == "/readyz" || route.pattern == "/metrics";
  if (!operations && options_.starting && options_.starting()) {
    auto res = problem(503, "starting", common::say("problem.starting"), req.request_id);
    res.headers.emplace_back("Retry-After", "1");
    co_return res;
  }

  // A request without Authorization may carry the dashboard's session cookie; a bearer
  // token, when present, always decides alone (scripts keep working as they did).
  std::string secret;
  if (!route.access.is_public && options_.sessions && req.header("authorization").empty()) {
    secret = cookie_value(req.header("cookie"), kSessionCookie);
  }
  if (!secret.empty()) {
    auto refused = co_await authenticate_session(req, std::move(secret));
    if (refused) co_return std::move(*refused);
    if (!route.access.allows(req.principal.role)) {
      throw ApiError(
          403, "forbidden",
          common::say("problem.forbidden", {{"role", role_in_text(req.principal.role)}}));
    }
  } else if (!route.access.is_public) {
    std::string_view auth = req.header("authorization");
    constexpr std::string_view kBearer = "bearer ";
    // The scheme name is case-insensitive (RFC 9110 11.1); the token is not.
    auto scheme_is_bearer = [&] {
      if (auth.size() <= kBearer.size()) return false;
      for (std::size_t i = 0; i < kBearer.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(auth[i])) != kBearer[i]) return false;
      }
      return true;
    };
    if (!scheme_is_bearer()) {
      throw ApiError(401, "unauthenticated", common::say("problem.unauthenticated"));
    }
    std::string token(auth.substr(kBearer.size()));
    std::string acting_for(req.header("x-acting-for"));
    auto principal = co_await authenticator_(std::move(token), std::move(acting_for));
    if (!principal) {
      throw ApiError(401, "invalid_token", common::say("problem.invalid_token"));
    }
    req.principal = *principal;
    if (!route.access.allows(principal->role)) {
      throw ApiError(403, "forbidden",
                     common::say("problem.forbidden", {{"role", role_in_text(principal->role)}}));
    }
  }
  if (body_allowed(req.method) && !req.body.empty() && !is_json_type(req.header("content-type"))) {
    throw ApiError(415, "unsupported_media_type", common::say("problem.unsupported_media_type"));
  }
  co_return co_await route.handler(req);
}

Task<std::optional<Response>> Pipeline::authenticate_session(Request& req,
                                                             std::string secret) const {
  // Checked before the session is even looked up: a forged request neither acts nor renews.
  if (!cookie_write_allowed(req)) {
    throw ApiError(403, "cross_site_request", common::say("problem.cross_site_request"));
  }
  auto principal = co_await options_.sessions(std::move(secret));
  if (!principal) {
    Response res =
        problem(401, "session_expired", common::say("problem.session_expired"), req.request_id);
    bool secure = cookie_is_secure(options_.cookie_secure, req.header("x-forwarded-proto"));
    res.headers.emplace_back("Set-Cookie", cleared_session_cookie(secure));
    co_return res;
  }
  req.principal = *principal;
  co_return std::nullopt;
}

bool Pipeline::allowed_origin(const Request& req) const {
  std::string_view origin = req.header("origin");
  for (const auto& o : options_.cors_origins) {
    if (!origin.empty() && (o == "*" || o == origin)) return true;
  }
  return false;
}

Response Pipeline::reject(Request& req, int status, const std::string& code,
                          const std::string& detail) const {
  auto started = std::chrono::steady_clock::now();
  if (req.request_id.empty()) req.request_id = next_request_id();
  if (req.route.empty()) req.route = "(rejected)";
  Response res = problem(status, code, detail, req.request_id);
  finish(req, res, started);
  return res;
}

void Pipeline::finish(const Request& req, Response& res,
                      std::chrono::steady_clock::time_point started) const {
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  res.headers.emplace_back("X-Request-Id", req.request_id);
  metrics_.observe_request(req.route, method_name(req.method), res.status, seconds);
  if (options_.access_log) {
    // The path, never the query string or headers: either may carry a secret.
    log::info("request", log::Fields()
                             .add("request_id", req.request_id)
                             .add("method", method_name(req.method))
                             .add("route", req.route)
                             .add("path", req.path)
                             .add("status", res.status)
                             .add("duration_ms", seconds * 1e3)
                             .add("principal", req.principal.subject));
  }
}

}  // namespace thidua::http
