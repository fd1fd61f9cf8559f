#include <gtest/gtest.h>

#include "core/errors.hpp"
#include "http/json_io.hpp"

namespace thidua::http {
namespace {

const std::string kNfdViet = "Vi\x65\xCC\xA3\xCC\x82t";  // "Việt", decomposed
const std::string kNfcViet = "Việt";

Request with_body(std::string body) {
  Request r;
  r.method = Method::Post;
  r.body = std::move(body);
  return r;
}

// The ApiError thrown by `fn`, checked to exist.
template <class Fn>
ApiError api_error(Fn fn) {
  try {
    fn();
  } catch (const ApiError& e) {
    return e;
  }
  ADD_FAILURE() << "no ApiError";
  return ApiError(0, "", "");
}

TEST(ParseObject, MalformedJsonIs400) {
  for (std::string body :
       {"", "{", "{\"a\":}", "{'a':1}", "{\"a\":1} trailing", "nul", "{\"a\":\"\\ud800\"}"}) {
    auto e = api_error([&] { parse_object(with_body(body)); });
    EXPECT_EQ(e.status(), 400) << body;
    EXPECT_EQ(e.code(), "malformed_json") << body;
    EXPECT_FALSE(e.detail().empty());
  }
}

TEST(ParseObject, InvalidUtf8Is400) {
  auto e = api_error([] { parse_object(with_body("{\"name\":\"\xC0\xAF\"}")); });
  EXPECT_EQ(e.status(), 400);
  EXPECT_EQ(e.code(), "invalid_utf8");
}

// A name twice in one object is refused (the last one won before, unseen by whoever reads
// the body), also when the two differ only in how their accents are encoded; the same name
// in two different objects is no repetition.
TEST(ParseObject, ANameGivenTwiceInOneObjectIs400) {
  for (std::string body :
       {R"({"role":"admin","role":"staff"})", R"({"a":{"x":1,"x":2}})",
        R"({"a":[{"y":1},{"y":1,"y":2}]})", "{\"T\u00ean\":1,\"Te\u0302n\":2}"}) {
    auto e = api_error([&] { parse_object(with_body(body)); });
    EXPECT_EQ(e.status(), 400) << body;
    EXPECT_EQ(e.code(), "duplicate_key") << body;
    EXPECT_NE(e.detail().find("hai lần"), std::string::npos) << e.detail();
  }
  auto fine = parse_object(with_body(R"({"a":{"x":1},"b":{"x":2},"c":[{"x":3},{"x":4}]})"));
  EXPECT_EQ(fine["b"]["x"], 2);
}

TEST(ParseObject, NonObjectsAre400) {
  for (std::string body : {"[]", "[1,2]", "\"text\"", "42", "true", "null"}) {
    auto e = api_error([&] { parse_object(with_body(body)); });
    EXPECT_EQ(e.status(), 400) << body;
    EXPECT_EQ(e.code(), "expected_object") << body;
  }
}

TEST(ParseObject, NormalisesEveryStringAndKeyToNfc) {
  nlohmann::json input = {{"name", kNfdViet},
                          {kNfdViet, "key"},
                          {"nested", {{"list", {kNfdViet, 1, nullptr, {{"deep", kNfdViet}}}}}}};
  auto body = parse_object(with_body(input.dump()));
  EXPECT_EQ(body["name"], kNfcViet);
  EXPECT_TRUE(body.contains(kNfcViet));
  EXPECT_FALSE(body.contains(kNfdViet));
  EXPECT_EQ(body["nested"]["list"][0], kNfcViet);
  EXPECT_EQ(body["nested"]["list"][1], 1);
  EXPECT_TRUE(body["nested"]["list"][2].is_null());
  EXPECT_EQ(body["nested"]["list"][3]["deep"], kNfcViet);
}

TEST(ParseObject, NormalisesStringsWrittenAsEscapes) {
  auto body = parse_object(with_body(R"({"name":"Vi\u0065\u0323\u0302t"})"));
  EXPECT_EQ(body["name"], kNfcViet);
}

// PUT /catalogue/units/x with a name holding U+0001 was stored.
TEST(ParseObject, ControlCharactersAreRefusedInEveryStringAndKey) {
  for (const char* body :
       {R"({"name":"Tổ\u0001"})", R"({"name":"a\nb"})", R"({"name":"a\tb"})", R"({"name":"a\rb"})",
        R"({"name":"\u001b[31m"})", "{\"name\":\"\x7f\"}", R"({"name":"a\u0085"})",
        R"({"name":"\u0000"})", R"({"list":["ok","b\u0002"]})", R"({"deep":{"er":"c\u0003"}})",
        R"({"k\u0001":"v"})"}) {
    auto e = api_error([&] { parse_object(with_body(body)); });
    EXPECT_EQ(e.status(), 400) << body;
    EXPECT_EQ(e.code(), "control_character") << body;
    EXPECT_NE(e.detail().find("ký tự điều khiển U+00"), std::string::npos) << e.detail();
  }
}

TEST(ParseObject, TheDetailQuotesAFieldNameCutShort) {
  auto e = api_error(
      [] { parse_object(with_body(R"({")" + std::string(5000, 'k') + R"(":"\u0001"})")); });
  EXPECT_EQ(e.code(), "control_character");
  EXPECT_LT(e.detail().size(), 400u) << e.detail().size();
}

TEST(ParseObject, LongTextsMayHoldLineBreaksAndTabsOnly) {
  auto body = parse_object(
      with_body(R"({"reason":"Một.\n\tHai.","text":"a\nb","narratives":{"II.1":"x\ny"},)"
                R"("achievements":[{"text":"p\nq"}],"difficulties":"\t","name":"Tổ\u200bmột"})"));
  EXPECT_EQ(body["reason"], "Một.\n\tHai.");
  EXPECT_EQ(body["narratives"]["II.1"], "x\ny");
  EXPECT_EQ(body["name"], "Tổ\u200bmột");  // a format character, not a control one
  for (const char* bad :
       {R"({"reason":"a\rb"})", R"({"note":"\u0007"})", R"({"narratives":{"II.1":"x\u000by"}})"}) {
    EXPECT_EQ(api_error([&] { parse_object(with_body(bad)); }).code(), "control_character") << bad;
  }
}

// JSON Schema's integer 2 is also written 2.0 or 2e0; every integer field takes it.
TEST(ParseObject, NumbersWithAZeroFractionAreIntegers) {
  auto body = parse_object(with_body(R"({"a":2.0,"b":1e2,"c":-0.0,"d":2.5,"e":1e300,"f":[3.0]})"));
  EXPECT_TRUE(body["a"].is_number_integer());
  EXPECT_EQ(body["a"], 2);
  EXPECT_EQ(body["b"], 100);
  EXPECT_EQ(body["c"], 0);
  EXPECT_TRUE(body["d"].is_number_float());
  EXPECT_TRUE(body["e"].is_number_float());  // beyond exact integers: stays, and is refused
  EXPECT_EQ(body["f"][0], 3);
}

TEST(RequiredString, MissingEmptyOrWrongTypeIs400NamingTheField) {
  auto body = nlohmann::json::parse(R"({"empty":"","number":5,"null":null})");
  for (std::string field : {"absent", "empty", "number", "null"}) {
    auto e = api_error([&] { required_string(body, field); });
    EXPECT_EQ(e.status(), 400);
    EXPECT_EQ(e.code(), "missing_field");
    EXPECT_NE(e.detail().find("\"" + field + "\""), std::string::npos);
  }
}

TEST(RequiredString, LengthIsCountedInCharacters) {
  std::string ten;
  for (int i = 0; i < 10; ++i) ten += "ệ";  // 30 bytes, 10 characters
  nlohmann::json body = {{"name", ten}, {"longer", ten + "a"}};
  EXPECT_EQ(required_string(body, "name", 10), ten);
  auto e = api_error([&] { required_string(body, "longer", 10); });
  EXPECT_EQ(e.code(), "field_too_long");
}

TEST(OptionalString, FallbackForAbsentOrNullAndTypeChecked) {
  auto body = nlohmann::json::parse(R"({"unit":"Tổ Toán – Tin","null":null,"number":1})");
  EXPECT_EQ(optional_string(body, "unit"), "Tổ Toán – Tin");
  EXPECT_EQ(optional_string(body, "absent", "x"), "x");
  EXPECT_EQ(optional_string(body, "null", "y"), "y");
  EXPECT_EQ(api_error([&] { optional_string(body, "number"); }).code(), "invalid_field");
  EXPECT_EQ(api_error([&] { optional_string(body, "unit", "", 3); }).code(), "field_too_long");
}

TEST(OptionalInt, FallbackForAbsentOrNullAndRangeChecked) {
  auto body = nlohmann::json::parse(
      R"({"year":2026,"null":null,"text":"2026","big":18446744073709551615,"half":1.5})");
  EXPECT_EQ(optional_int(body, "year", 0, 2025, 2030), 2026);
  EXPECT_EQ(optional_int(body, "absent", 7, 1, 12), 7);
  EXPECT_EQ(optional_int(body, "null", 8, 1, 12), 8);
  auto out_of_range = api_error([&] { optional_int(body, "year", 0, 1, 12); });
  EXPECT_EQ(out_of_range.code(), "invalid_field");
  EXPECT_EQ(out_of_range.status(), 400);
  // The detail names the field and the range, in the school's words.
  EXPECT_NE(out_of_range.detail().find("\"year\" phải là số nguyên từ 1 đến 12"),
            std::string::npos);
  EXPECT_EQ(api_error([&] { optional_int(body, "text", 0, 2025, 2030); }).code(), "invalid_field");
  // Unsigned past LLONG_MAX is not -1 (the "no limit" quota) in disguise.
  EXPECT_EQ(api_error([&] { optional_int(body, "big", 0, -1, 99); }).code(), "invalid_field");
  EXPECT_EQ(api_error([&] { optional_int(body, "half", 0, 0, 9); }).code(), "invalid_field");
}

TEST(OptionalBool, FallbackForAbsentOrNullAndTypeChecked) {
  auto body = nlohmann::json::parse(R"({"yes":true,"no":false,"null":null,"word":"true"})");
  EXPECT_TRUE(optional_bool(body, "yes", false));
  EXPECT_FALSE(optional_bool(body, "no", true));
  EXPECT_TRUE(optional_bool(body, "absent", true));
  EXPECT_FALSE(optional_bool(body, "null", false));
  EXPECT_EQ(api_error([&] { optional_bool(body, "word", false); }).code(), "invalid_field");
}

TEST(Problem, IsProblemJsonWithCodeDetailAndRequestId) {
  auto r = problem(409, "quota_full", "Đã hết chỉ tiêu.", "abc123");
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(r.content_type, "application/problem+json");
  auto body = nlohmann::json::parse(r.body);
  EXPECT_EQ(body["status"], 409);
  EXPECT_EQ(body["code"], "quota_full");
  EXPECT_EQ(body["title"], "quota_full");
  EXPECT_EQ(body["detail"], "Đã hết chỉ tiêu.");
  EXPECT_EQ(body["request_id"], "abc123");
  EXPECT_TRUE(body["type"].get<std::string>().ends_with("/quota_full"));
  EXPECT_FALSE(nlohmann::json::parse(problem(400, "x", "y", "").body).contains("request_id"));
  // A detail quoting bytes that are no UTF-8 still makes a problem (they are replaced).
  auto quoted = nlohmann::json::parse(problem(400, "x", "Không có \"\xff\".", "").body);
  EXPECT_EQ(quoted["detail"], "Không có \"\xEF\xBF\xBD\".");
}

TEST(CacheableJson, CarriesAnETagAndIs304WhenTheCallerHasIt) {
  Request req;
  auto first = cacheable_json(req, R"({"n":1})", 60);
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(first.body, R"({"n":1})");
  std::string etag;
  for (const auto& [k, v] : first.headers) {
    if (k == "ETag") etag = v;
    if (k == "Cache-Control") {
      EXPECT_EQ(v, "public, max-age=60");
    }
  }
  ASSERT_EQ(etag.size(), 34u);

  req.headers.emplace_back("if-none-match", "\"other\", W/" + etag);
  auto again = cacheable_json(req, R"({"n":1})", 60);
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_TRUE(again.content_type.empty());
  // A changed body has another tag, so the caller gets it whole.
  EXPECT_EQ(cacheable_json(req, R"({"n":2})", 60).status, 200);
}

TEST(CacheableJson, IfNoneMatchFollowsRfc9110) {
  EXPECT_TRUE(if_none_match_names("*", "\"a\""));
  EXPECT_TRUE(if_none_match_names("\"a\"", "\"a\""));
  EXPECT_TRUE(if_none_match_names(" \"x\" ,\t\"a\" ", "\"a\""));
  EXPECT_TRUE(if_none_match_names("W/\"a\"", "\"a\""));
  EXPECT_FALSE(if_none_match_names("", "\"a\""));
  EXPECT_FALSE(if_none_match_names("\"ab\"", "\"a\""));
  EXPECT_FALSE(if_none_match_names("a", "\"a\""));
}

}  // namespace
}  // namespace thidua::http
