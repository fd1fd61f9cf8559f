#include <gtest/gtest.h>

#include "http/client.hpp"
#include "http/router.hpp"

namespace thidua::http {
namespace {

Handler nothing() {
  return [](Request&) -> Task<Response> { co_return Response{}; };
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.add(Method::Get, "/api/nominations/v1/nominations", Access::anyone(), nothing());
    router_.add(Method::Post, "/api/nominations/v1/nominations", Access::anyone(), nothing());
    router_.add(Method::Get, "/api/nominations/v1/nominations/{id}", Access::anyone(), nothing());
    router_.add(Method::Put, "/api/nominations/v1/nominations/{id}/dossier/{item}",
                Access::anyone(), nothing());
  }
  Router router_;
  std::unordered_map<std::string, std::string> params_;
};

TEST_F(RouterTest, MatchesLiteralPaths) {
  auto m = router_.match(Method::Post, "/api/nominations/v1/nominations", params_);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->method, Method::Post);
  EXPECT_EQ(m.route->pattern, "/api/nominations/v1/nominations");
  EXPECT_TRUE(params_.empty());
}

TEST_F(RouterTest, FillsParamsFromTheTemplate) {
  auto m = router_.match(Method::Get, "/api/nominations/v1/nominations/42", params_);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/nominations/v1/nominations/{id}");
  EXPECT_EQ(params_.at("id"), "42");

  m = router_.match(Method::Put, "/api/nominations/v1/nominations/7/dossier/to-trinh", params_);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(params_.size(), 2u);
  EXPECT_EQ(params_.at("id"), "7");
  EXPECT_EQ(params_.at("item"), "to-trinh");
}

TEST_F(RouterTest, UnknownPathIsNotFound) {
  for (std::string path :
       {"/api/nominations/v1/other", "/api/nominations/v1/nominations/1/x", "/", "",
        "api/nominations/v1/nominations", "/api/nominations/v1/nominations/"}) {
    auto m = router_.match(Method::Get, path, params_);
    EXPECT_EQ(m.route, nullptr) << path;
    EXPECT_FALSE(m.path_known) << path;
    EXPECT_TRUE(m.allowed.empty()) << path;
  }
}

TEST_F(RouterTest, KnownPathWithOtherMethodListsTheAllowedOnes) {
  auto m = router_.match(Method::Delete, "/api/nominations/v1/nominations", params_);
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.path_known);
  EXPECT_EQ(m.allowed, (std::vector<Method>{Method::Get, Method::Post}));

  m = router_.match(Method::Post, "/api/nominations/v1/nominations/9", params_);
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.path_known);
  EXPECT_EQ(m.allowed, (std::vector<Method>{Method::Get}));
}

TEST_F(RouterTest, HeadIsAnsweredByTheGetRoute) {
  auto m = router_.match(Method::Head, "/api/nominations/v1/nominations/3", params_);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->method, Method::Get);
  EXPECT_EQ(params_.at("id"), "3");
}

TEST_F(RouterTest, RegisteringARouteTwiceThrows) {
  EXPECT_THROW(
      router_.add(Method::Get, "/api/nominations/v1/nominations/{id}", Access::anyone(), nothing()),
      std::logic_error);
  // The same path with another method is a different route.
  EXPECT_NO_THROW(router_.add(Method::Delete, "/api/nominations/v1/nominations/{id}",
                              Access::anyone(), nothing()));
}

TEST(Methods, NamesRoundTrip) {
  for (auto m : {Method::Get, Method::Head, Method::Post, Method::Put, Method::Patch,
                 Method::Delete, Method::Options}) {
    EXPECT_EQ(parse_method(method_name(m)), m);
  }
  EXPECT_EQ(parse_method("get"), Method::Other);
  EXPECT_EQ(parse_method("TRACE"), Method::Other);
}

TEST(RequestQuery, DecodesParameters) {
  Request req;
  req.query_string = "q=H%E1%BA%A1n+ch%C3%B3t&flag&empty=&x=1&bad=%zz%4";
  EXPECT_EQ(req.query("q"), "Hạn chót");
  EXPECT_EQ(req.query("flag"), "");
  EXPECT_EQ(req.query("empty"), "");
  EXPECT_EQ(req.query("x"), "1");
  EXPECT_EQ(req.query("bad"), "%zz%4");
  EXPECT_FALSE(req.query("missing").has_value());
}

TEST(RetryAfter, DelaySecondsOnlyAndAtMostADay) {
  EXPECT_EQ(parse_retry_after("120"), 120);
  EXPECT_EQ(parse_retry_after(" 3 "), 3);
  EXPECT_EQ(parse_retry_after("999999"), 86400);
  EXPECT_EQ(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), 0);
  EXPECT_EQ(parse_retry_after("-1"), 0);
  EXPECT_EQ(parse_retry_after(""), 0);
  EXPECT_EQ(parse_retry_after("99999999999999999999"), 0);
}

TEST(ClassifyStatus, SuccessRetryableAndPermanent) {
  for (int s : {200, 201, 202, 204, 299})
    EXPECT_EQ(classify_status(s), ClientResult::Kind::Ok) << s;
  for (int s : {408, 425, 429, 500, 502, 503, 504}) {
    EXPECT_EQ(classify_status(s), ClientResult::Kind::Retryable) << s;
  }
  for (int s : {301, 304, 400, 401, 403, 404, 405, 409, 413, 415, 422}) {
    EXPECT_EQ(classify_status(s), ClientResult::Kind::Permanent) << s;
  }
}

}  // namespace
}  // namespace thidua::http
