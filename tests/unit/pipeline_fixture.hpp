#pragma once
// The HTTP pipeline with a router of test routes and a fake token table: the fixture
// pipeline_test.cpp and pipeline_routes_test.cpp share.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/errors.hpp"
#include "http/json_io.hpp"
#include "http/pipeline.hpp"
#include "redis/redis_client.hpp"
#include "support/loop_runner.hpp"

namespace thidua::http::pipeline_test {

inline constexpr const char* kOrigin = "https://thcsvinhphong1.example";

// Handlers are coroutines stored in the router, so their closures live as long as it does.
inline Router make_router() {
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
inline Task<std::optional<Principal>> fake_authenticate(std::string token) {
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

}  // namespace thidua::http::pipeline_test
