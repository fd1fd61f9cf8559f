#include <gtest/gtest.h>

#include "core/errors.hpp"
#include "http/client.hpp"
#include "http/router.hpp"

namespace thidua::http {
namespace {

Handler nothing() {
  return [](Request&) -> Task<Response> { co_return Response{}; };
}

std::vector<Method> allowed(const Router::Match& m) {
  return {m.allowed.begin(), m.allowed.end()};
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
  EXPECT_EQ(allowed(m), (std::vector<Method>{Method::Get, Method::Post}));

  m = router_.match(Method::Post, "/api/nominations/v1/nominations/9", params_);
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.path_known);
  EXPECT_EQ(allowed(m), (std::vector<Method>{Method::Get}));
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

// GET /nominations/%31 answered 400 echoing "%31": a segment is decoded once, before matching.
TEST_F(RouterTest, SegmentsArePercentDecodedOnceBeforeMatching) {
  auto m = router_.match(Method::Get, "/api/nominations/v1/nominations/%31", params_);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(params_.at("id"), "1");
  // Once: %2531 is the text "%31".
  m = router_.match(Method::Get, "/api/nominations/v1/nominations/%2531", params_);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(params_.at("id"), "%31");
  // A literal spelled with escapes is that literal; an escaped '/' stays inside its segment.
  m = router_.match(Method::Post, "/api/nominations/v1/%6Eominations", params_);
  ASSERT_NE(m.route, nullptr);
  m = router_.match(Method::Put, "/api/nominations/v1/nominations/7/dossier/a%2Fb", params_);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(params_.at("item"), "a/b");
  m = router_.match(Method::Get, "/api/nominations/v1/nominations/H%E1%BA%A1n", params_);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(params_.at("id"), "Hạn");
}

// Escaped segments are decoded into storage of their own; each keeps its value beside the
// plain ones, and a path longer than the eight segments held in place still matches.
TEST(Router, EscapedAndPlainSegmentsEachKeepTheirValueAtAnyLength) {
  Router r;
  r.add(Method::Get, "/a/{x}/b/{y}/c/{z}", Access::anyone(), nothing());
  r.add(Method::Get, "/1/2/3/4/5/6/7/8/9/{last}", Access::anyone(), nothing());
  std::unordered_map<std::string, std::string> params;
  ASSERT_NE(r.match(Method::Get, "/a/%78%31/b/plain/c/%7A%2F2", params).route, nullptr);
  EXPECT_EQ(params, (std::unordered_map<std::string, std::string>{
                        {"x", "x1"}, {"y", "plain"}, {"z", "z/2"}}));
  ASSERT_NE(r.match(Method::Get, "/1/2/3/4/5/6/7/%38/9/t%E1%BB%95", params).route, nullptr);
  EXPECT_EQ(params.at("last"), "tổ");
  EXPECT_EQ(r.match(Method::Get, "/1/2/3/4/5/6/7/8/9/10/11", params).route, nullptr);
}

TEST_F(RouterTest, ABrokenEscapeIsMalformedNotAMatch) {
  for (std::string path : {"/api/nominations/v1/nominations/%zz", "/api/nominations/v1/%",
                           "/api/nominations/v1/nominations/1%2", "/api/nominations/v1/Hán",
                           // escapes of bytes that are no UTF-8: no id, and never quoted back
                           "/api/nominations/v1/nominations/%ff", "/api/nominations/v1/%C3%28"}) {
    auto m = router_.match(Method::Get, path, params_);
    EXPECT_TRUE(m.malformed) << path;
    EXPECT_EQ(m.route, nullptr) << path;
  }
  EXPECT_FALSE(router_.match(Method::Get, "/api/nominations/v1/nominations/1", params_).malformed);
}

TEST(Router, ALiteralSegmentWinsOverAParameterWhateverTheOrder) {
  Router r;
  r.add(Method::Get, "/api/staff/{id}/tokens", Access::anyone(), nothing());
  r.add(Method::Get, "/api/staff/by-zalo/{id}", Access::anyone(), nothing());
  std::unordered_map<std::string, std::string> params;
  auto m = r.match(Method::Get, "/api/staff/by-zalo/tokens", params);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/staff/by-zalo/{id}");
  EXPECT_EQ(params.at("id"), "tokens");
  EXPECT_EQ(allowed(m), std::vector<Method>{Method::Get});
  m = r.match(Method::Get, "/api/staff/gv-an/tokens", params);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/staff/{id}/tokens");
}

// PUT /deadlines/next made a deadline that GET /deadlines/next then hid.
TEST(Router, WordsBesideAParameterAreTheSiblingsLiterals) {
  Router r;
  r.add(Method::Get, "/api/deadlines/next", Access::anyone(), nothing());
  r.add(Method::Get, "/api/deadlines", Access::anyone(), nothing());
  r.add(Method::Put, "/api/deadlines/{id}", Access::anyone(), nothing());
  r.add(Method::Get, "/api/staff/{id}/tokens", Access::anyone(), nothing());
  r.add(Method::Get, "/api/staff/by-zalo/{id}", Access::anyone(), nothing());
  r.add(Method::Put, "/api/catalogue/staff/{id}", Access::anyone(), nothing());
  EXPECT_EQ(r.words_beside("/api/deadlines/{id}", "id"), std::set<std::string>{"next"});
  EXPECT_EQ(r.words_beside("/api/staff/{id}/tokens", "id"), std::set<std::string>{"by-zalo"});
  EXPECT_TRUE(r.words_beside("/api/catalogue/staff/{id}", "id").empty());

  EXPECT_NO_THROW(refuse_route_words(r, "bao-cao-nam", {"/api/deadlines/{id}"}));
  try {
    refuse_route_words(r, "by-zalo", {"/api/catalogue/staff/{id}", "/api/staff/{id}/tokens"});
    ADD_FAILURE() << "by-zalo was taken as a staff id";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.status(), 400);
    EXPECT_EQ(e.code(), "reserved_id");
  }
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
  // A value whose escapes are no UTF-8 is refused (400) before any handler sees it.
  req.query_string = "status=%ff&x=1";
  EXPECT_EQ(req.query("x"), "1");
  try {
    req.query("status");
    ADD_FAILURE() << "a value that is no UTF-8 was returned";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.status(), 400);
    EXPECT_EQ(e.code(), "invalid_utf8");
  }
}

TEST(EncodeSegment, EscapesAllButUnreservedAndDecodesBack) {
  EXPECT_EQ(encode_segment("gv-an_1.2~x"), "gv-an_1.2~x");
  EXPECT_EQ(encode_segment("a/b c?d&e"), "a%2Fb%20c%3Fd%26e");
  for (const std::string v : {"Tổ Toán – Tin", "%31", "sơ kết", "\x01"}) {
    EXPECT_EQ(decode_segment(encode_segment(v)), v) << v;
  }
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
