#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "http/json_io.hpp"
#include "http/pipeline.hpp"
#include "redis/redis_client.hpp"
#include "support/loop_runner.hpp"

namespace thidua::http {
namespace {

constexpr const char* kOrigin = "https://thcsvinhphong1.example";

// Handlers are coroutines stored in the router, so their closures live as long as it does.
Router make_router() {
  Router r;
  r.add(Method::Get, "/healthz", Access::anyone(), [](Request&) -> Task<Response> {
    co_return json(200, {{"status", "ok"}});
  });
  r.add(Method::Get, "/api/t/v1/public", Access::anyone(), [](Request&) -> Task<Response> {
    nlohmann::json body = {{"ok", true}};
    co_return json(200, body);
  });
  r.add(Method::Post, "/api/t/v1/items", Access::roles_of({Role::Admin, Role::Leader}),
        [](Request& req) -> Task<Response> {
          auto body = parse_object(req);
          nlohmann::json out = {{"name", required_string(body, "name")},
                                {"by", req.principal.subject}};
          co_return json(201, out);
        });
  r.add(Method::Get, "/api/t/v1/items/{id}", Access::roles_of({Role::Staff, Role::Admin}),
        [](Request& req) -> Task<Response> {
          nlohmann::json out = {{"id", req.param("id")}, {"role", role_name(req.principal.role)}};
          co_return json(200, out);
        });
  r.add(Method::Get, "/api/t/v1/conflict", Access::anyone(), [](Request&) -> Task<Response> {
    throw conflict("already_exists", "Đề nghị đã tồn tại.");
    co_return Response{};
  });
  r.add(Method::Get, "/api/t/v1/crash", Access::anyone(), [](Request&) -> Task<Response> {
    throw std::runtime_error("secret internals");
    co_return Response{};
  });
  r.add(Method::Get, "/api/t/v1/redis", Access::anyone(), [](Request&) -> Task<Response> {
    throw RedisUnavailable("connection refused");
    co_return Response{};
  });
  r.add(Method::Get, "/api/t/v1/json-type", Access::anyone(), [](Request&) -> Task<Response> {
    nlohmann::json j = {{"a", 1}};
    co_return json(200, {{"a", j.at("a").get<std::string>()}});
  });
  return r;
}

// A fake token table: "good-admin", "good-staff" and "good-leader".
Task<std::optional<Principal>> fake_authenticate(std::string token) {
  for (Role role : {Role::Admin, Role::Staff, Role::Leader}) {
    if (token == "good-" + std::string(role_name(role))) {
      co_return Principal{true, role, "u-" + std::string(role_name(role)), "Tester"};
    }
  }
  co_return std::nullopt;
}

class PipelineTest : public ::testing::Test {
 protected:
  PipelineTest()
      : router_(make_router()),
        metrics_("test"),
        pipeline_(router_, authenticate(), metrics_, options()) {}

  PipelineOptions options() {
    PipelineOptions o{{kOrigin}, false};
    o.starting = [this] { return starting_; };
    return o;
  }

  Authenticator authenticate() {
    return [this](std::string token, std::string) {
      ++auth_calls_;
      return fake_authenticate(std::move(token));
    };
  }

  Response send(Method method, std::string path, Headers headers = {}, std::string body = "") {
    req_ = Request{};
    req_.method = method;
    req_.path = path;
    req_.target = path;
    req_.headers = std::move(headers);
    req_.body = std::move(body);
    return runner_.run<Response>([this] { return pipeline_.handle(req_); });
  }

  static std::string header(const Response& r, const std::string& name) {
    for (const auto& [k, v] : r.headers) {
      if (k == name) return v;
    }
    return "";
  }
  static nlohmann::json body(const Response& r) { return nlohmann::json::parse(r.body); }
  static void expect_problem(const Response& r, int status, const std::string& code) {
    EXPECT_EQ(r.status, status);
    EXPECT_EQ(r.content_type, "application/problem+json");
    auto b = body(r);
    EXPECT_EQ(b["status"], status);
    EXPECT_EQ(b["code"], code);
    EXPECT_FALSE(b["detail"].get<std::string>().empty());
  }

  Router router_;
  Metrics metrics_;
  Pipeline pipeline_;
  int auth_calls_ = 0;
  bool starting_ = false;  // the service's seed not in yet
  Request req_;
  testing::LoopRunner runner_;
};

TEST_F(PipelineTest, PublicRouteNeedsNoToken) {
  auto r = send(Method::Get, "/api/t/v1/public");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(body(r)["ok"], true);
  EXPECT_EQ(auth_calls_, 0);
  // A request id is made when the caller sent none.
  EXPECT_EQ(header(r, "X-Request-Id").size(), 16u);
}

// Until the seed is in, a route would answer from an empty catalogue: 503 starting instead,
// before any token lookup; the health check still answers.
TEST_F(PipelineTest, WhileStartingOnlyTheOperationsRoutesAnswer) {
  starting_ = true;
  auto refused = send(Method::Get, "/api/t/v1/items/7", {{"authorization", "Bearer good-admin"}});
  expect_problem(refused, 503, "starting");
  EXPECT_EQ(header(refused, "Retry-After"), "1");
  EXPECT_EQ(auth_calls_, 0);
  EXPECT_EQ(send(Method::Get, "/healthz").status, 200);
  starting_ = false;
  EXPECT_EQ(send(Method::Get, "/api/t/v1/items/7", {{"authorization", "Bearer good-admin"}}).status,
            200);
}

TEST_F(PipelineTest, RequestIdIsEchoed) {
  Request req;
  req.method = Method::Get;
  req.path = "/api/t/v1/conflict";
  req.request_id = "caller-id-123";
  auto r = runner_.run<Response>([&] { return pipeline_.handle(req); });
  EXPECT_EQ(header(r, "X-Request-Id"), "caller-id-123");
  EXPECT_EQ(body(r)["request_id"], "caller-id-123");
}

TEST_F(PipelineTest, MissingOrMalformedAuthorizationIs401) {
  expect_problem(send(Method::Get, "/api/t/v1/items/1"), 401, "unauthenticated");
  expect_problem(send(Method::Get, "/api/t/v1/items/1", {{"authorization", "Bearer "}}), 401,
                 "unauthenticated");
  expect_problem(send(Method::Get, "/api/t/v1/items/1", {{"authorization", "Basic Z29vZA=="}}), 401,
                 "unauthenticated");
  EXPECT_EQ(auth_calls_, 0);
}

TEST_F(PipelineTest, UnknownTokenIs401) {
  auto r = send(Method::Get, "/api/t/v1/items/1", {{"authorization", "Bearer forged"}});
  expect_problem(r, 401, "invalid_token");
  EXPECT_EQ(header(r, "WWW-Authenticate"), "Bearer realm=\"thidua\"");
  EXPECT_EQ(auth_calls_, 1);
}

TEST_F(PipelineTest, TheSchemeNameIsCaseInsensitiveButTheTokenIsNot) {
  auto lower = send(Method::Get, "/api/t/v1/items/1", {{"authorization", "bearer forged"}});
  expect_problem(lower, 401, "invalid_token");  // reached the authenticator
  EXPECT_EQ(auth_calls_, 1);
  auto shouting = send(Method::Get, "/api/t/v1/items/1", {{"authorization", "BEARER forged"}});
  expect_problem(shouting, 401, "invalid_token");
  EXPECT_EQ(auth_calls_, 2);
}

TEST_F(PipelineTest, WrongRoleIs403AndTheHandlerDoesNotRun) {
  auto r = send(Method::Post, "/api/t/v1/items",
                {{"authorization", "Bearer good-staff"}, {"content-type", "application/json"}},
                R"({"name":"x"})");
  expect_problem(r, 403, "forbidden");
  // The role as the school names it, never the code ("staff").
  EXPECT_NE(body(r)["detail"].get<std::string>().find("(cán bộ, giáo viên)"), std::string::npos);
}

TEST_F(PipelineTest, AllowedRoleReachesTheHandlerWithItsPrincipalAndParams) {
  auto r = send(Method::Get, "/api/t/v1/items/42", {{"authorization", "Bearer good-staff"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(body(r)["id"], "42");
  EXPECT_EQ(body(r)["role"], "staff");

  r = send(Method::Post, "/api/t/v1/items",
           {{"authorization", "Bearer good-leader"},
            {"content-type", "Application/JSON; charset=utf-8"}},
           R"({"name":"Tổ Toán – Tin"})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(body(r)["by"], "u-leader");
}

TEST_F(PipelineTest, NonJsonBodyIs415) {
  for (std::string type :
       {"", "text/plain", "application/x-www-form-urlencoded", "application/jsonx"}) {
    Headers h{{"authorization", "Bearer good-admin"}};
    if (!type.empty()) h.emplace_back("content-type", type);
    expect_problem(send(Method::Post, "/api/t/v1/items", h, "name=x"), 415,
                   "unsupported_media_type");
  }
}

TEST_F(PipelineTest, BadBodyIs400) {
  Headers h{{"authorization", "Bearer good-admin"}, {"content-type", "application/json"}};
  expect_problem(send(Method::Post, "/api/t/v1/items", h, "{oops"), 400, "malformed_json");
  expect_problem(send(Method::Post, "/api/t/v1/items", h, "{}"), 400, "missing_field");
  expect_problem(send(Method::Get, "/api/t/v1/json-type"), 400, "invalid_field");
}

TEST_F(PipelineTest, ApiErrorBecomesProblemJson) {
  auto r = send(Method::Get, "/api/t/v1/conflict");
  expect_problem(r, 409, "already_exists");
  EXPECT_EQ(body(r)["detail"], "Đề nghị đã tồn tại.");
}

TEST_F(PipelineTest, UnexpectedExceptionIs500WithoutInternals) {
  auto r = send(Method::Get, "/api/t/v1/crash");
  expect_problem(r, 500, "internal_error");
  EXPECT_EQ(r.body.find("secret internals"), std::string::npos);
  // The detail names the request id, so the admin can find the log line.
  EXPECT_NE(body(r)["detail"].get<std::string>().find(header(r, "X-Request-Id")),
            std::string::npos);
}

TEST_F(PipelineTest, RedisUnavailableIs503WithRetryAfter) {
  auto r = send(Method::Get, "/api/t/v1/redis");
  expect_problem(r, 503, "storage_unavailable");
  EXPECT_EQ(header(r, "Retry-After"), "5");
}

TEST_F(PipelineTest, UnknownPathIs404AndWrongMethodIs405) {
  expect_problem(send(Method::Get, "/api/t/v1/nothing"), 404, "route_not_found");
  auto r = send(Method::Delete, "/api/t/v1/items/1");
  expect_problem(r, 405, "method_not_allowed");
  EXPECT_EQ(header(r, "Allow"), "GET");
}

TEST_F(PipelineTest, PathParametersArriveDecodedAndABrokenEscapeIs400) {
  auto r = send(Method::Get, "/api/t/v1/items/%31", {{"authorization", "Bearer good-admin"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(body(r)["id"], "1");
  expect_problem(send(Method::Get, "/api/t/v1/items/%G1", {{"authorization", "Bearer good-admin"}}),
                 400, "invalid_path");
}

TEST_F(PipelineTest, CorsHeadersOnlyForTheAllowedOrigin) {
  auto r = send(Method::Get, "/api/t/v1/public", {{"origin", kOrigin}});
  EXPECT_EQ(header(r, "Access-Control-Allow-Origin"), kOrigin);
  EXPECT_EQ(header(r, "Vary"), "Origin");

  r = send(Method::Get, "/api/t/v1/public", {{"origin", "https://evil.example"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(header(r, "Access-Control-Allow-Origin"), "");

  r = send(Method::Get, "/api/t/v1/public");
  EXPECT_EQ(header(r, "Access-Control-Allow-Origin"), "");
}

TEST_F(PipelineTest, CorsHeadersAlsoOnErrorsSoTheBrowserCanReadThem) {
  auto r = send(Method::Get, "/api/t/v1/nothing", {{"origin", kOrigin}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(header(r, "Access-Control-Allow-Origin"), kOrigin);
  r = send(Method::Get, "/api/t/v1/items/1", {{"origin", kOrigin}});
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(header(r, "Access-Control-Allow-Origin"), kOrigin);
}

TEST_F(PipelineTest, PreflightAnswersWithAllowedMethodsAndOrigin) {
  auto r = send(Method::Options, "/api/t/v1/items", {{"origin", kOrigin}});
  EXPECT_EQ(r.status, 204);
  EXPECT_EQ(header(r, "Allow"), "POST");
  EXPECT_EQ(header(r, "Access-Control-Allow-Methods"), "POST");
  EXPECT_NE(header(r, "Access-Control-Allow-Headers").find("Authorization"), std::string::npos);
  // Without Allow-Origin on the preflight a browser refuses the actual request.
  EXPECT_EQ(header(r, "Access-Control-Allow-Origin"), kOrigin);

  r = send(Method::Options, "/api/t/v1/items", {{"origin", "https://evil.example"}});
  EXPECT_EQ(r.status, 204);
  EXPECT_EQ(header(r, "Access-Control-Allow-Methods"), "");
  EXPECT_EQ(header(r, "Access-Control-Allow-Origin"), "");
}

TEST_F(PipelineTest, RequestsAreCountedByRouteTemplate) {
  send(Method::Get, "/api/t/v1/items/1", {{"authorization", "Bearer good-admin"}});
  send(Method::Get, "/api/t/v1/items/2", {{"authorization", "Bearer good-admin"}});
  auto text = runner_.run<std::string>([this] { return metrics_.render(); });
  EXPECT_NE(text.find("thidua_http_requests_total{method=\"GET\",route=\"/api/t/v1/items/{id}\","
                      "status=\"200\"} 2"),
            std::string::npos)
      << text;
}

TEST_F(PipelineTest, UnmatchedRequestsDoNotAddAMetricsSeriesPerPath) {
  // Paths come from the caller: one series per path would let anyone grow /metrics at will.
  for (std::string id : {"101", "102", "103"}) {
    send(Method::Delete, "/api/t/v1/items/" + id);
    send(Method::Get, "/api/t/v1/unknown/" + id);
  }
  auto text = runner_.run<std::string>([this] { return metrics_.render(); });
  for (std::string id : {"101", "102", "103"}) {
    EXPECT_EQ(text.find("/" + id + "\""), std::string::npos) << text;
  }
}

TEST_F(PipelineTest, RejectAnswersBeforeTheBodyIsRead) {
  Request req;
  req.method = Method::Post;
  req.path = "/api/t/v1/items";
  auto r = pipeline_.reject(req, 413, "payload_too_large", "Quá lớn.");
  expect_problem(r, 413, "payload_too_large");
  EXPECT_FALSE(header(r, "X-Request-Id").empty());
}

}  // namespace
}  // namespace thidua::http
