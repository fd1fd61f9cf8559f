// The HTTP pipeline (pipeline_fixture.hpp): unknown paths and methods, path parameters, CORS,
// metrics by route template, and a request refused before its body is read.
#include <gtest/gtest.h>

#include "pipeline_fixture.hpp"

namespace thidua::http::pipeline_test {
namespace {

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
}  // namespace thidua::http::pipeline_test
