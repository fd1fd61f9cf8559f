// The HTTP pipeline (pipeline_fixture.hpp): public routes, start-up, request ids, tokens and
// roles, bodies, and errors as problem+json.
#include <gtest/gtest.h>

#include "pipeline_fixture.hpp"

namespace thidua::http::pipeline_test {
namespace {

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

}  // namespace
}  // namespace thidua::http::pipeline_test
