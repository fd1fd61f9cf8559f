// The contract tests are only as good as their validator (valijson, through the bridge in
// json_schema.hpp): it accepts what the schema allows and names where it does not, and a
// service's answer that breaks its schema fails check_answer.
#include "contract/json_schema.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "contract/contract_docs.hpp"
#include "contract/schema_bridge.hpp"

namespace thidua::contract {
namespace {
using nlohmann::json;

const json kDoc = json::parse(R"({
  "$defs": {
    "kind": {"type": "string", "enum": ["individual", "collective"]},
    "item": {
      "type": "object",
      "additionalProperties": false,
      "required": ["id", "name", "kind"],
      "properties": {
        "id": {"type": "string", "pattern": "^[0-9]+$"},
        "name": {"type": "string", "minLength": 1, "maxLength": 5},
        "kind": {"$ref": "#/$defs/kind"},
        "score": {"type": "integer", "minimum": 0, "maximum": 10},
        "note": {"type": ["string", "null"]},
        "day": {"type": "string", "format": "date"},
        "at": {"type": "string", "format": "date-time"},
        "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 2},
        "version": {"const": 1},
        "either": {"oneOf": [{"type": "integer"}, {"type": "string"}]},
        "any": {"anyOf": [{"type": "boolean"}, {"type": "string", "minLength": 3}]},
        "all": {"allOf": [{"type": "number"}, {"minimum": 5}]}
      }
    },
    "map": {"type": "object", "additionalProperties": {"type": "integer"}},
    "header": {"type": "object", "properties": {"id": {"type": "string"}}},
    "shown": {"allOf": [{"$ref": "#/$defs/header"}], "properties": {"n": {"type": "integer"}},
              "unevaluatedProperties": false}
  },
  "type": "object",
  "required": ["items"],
  "properties": {"items": {"type": "array", "items": {"$ref": "#/$defs/item"}}}
})");

const json kValid = json::parse(R"({"items": [{
  "id": "12", "name": "Tổ Ti", "kind": "collective", "score": 10, "note": null,
  "day": "2028-02-29", "at": "2026-10-30T01:02:03Z", "tags": ["a", "b"], "version": 1,
  "either": "x", "any": true, "all": 5.5
}]})");

// One property of the valid item replaced (or removed when `value` is discarded).
json with(const std::string& key, json value) {
  json doc = kValid;
  if (value.is_discarded()) {
    doc["items"][0].erase(key);
  } else {
    doc["items"][0][key] = std::move(value);
  }
  return doc;
}

std::string errors_of(const json& doc) {
  return join_errors(JsonSchema(kDoc).validate(doc));
}

TEST(JsonSchemaTest, AcceptsAValidDocument) {
  EXPECT_EQ(errors_of(kValid), "");
}

TEST(JsonSchemaTest, CountsLengthInCodePointsNotBytes) {
  // "Tổ Ti" (in kValid) is 5 code points and 7 bytes; maxLength is 5.
  EXPECT_NE(errors_of(with("name", "Tổ Tin")), "");
  EXPECT_NE(errors_of(with("name", "")), "");
}

// A pattern is written on characters: "\u0085" is U+0085 (a control character), not the
// byte 0x85 that ends many Vietnamese letters in UTF-8.
TEST(JsonSchemaTest, MatchesPatternsOnCodePoints) {
  JsonSchema line(json::parse(R"({"pattern": "^[^\\u0000-\\u001F\\u007F-\\u009F]*$"})"));
  EXPECT_TRUE(line.validate(json("Tổ Toán – Tin, Ngữ văn, Hạn chót")).empty());
  EXPECT_FALSE(line.validate(json("a\u0085")).empty());
  EXPECT_FALSE(line.validate(json("a\nb")).empty());
  JsonSchema url(json::parse(
      R"({"pattern": "^https?://[^/ \\u0000-\\u001F\\u007F][^ \\u0000-\\u001F\\u007F]*$"})"));
  EXPECT_TRUE(url.validate(json("https://thidua.example/tệp")).empty());
  EXPECT_FALSE(url.validate(json("https://thi dua")).empty());
  JsonSchema letter(json::parse(R"({"pattern": "^a\\u00e9$"})"));
  EXPECT_TRUE(letter.validate(json("aé")).empty());
}

TEST(JsonSchemaTest, RefusesPatternsItCannotTranslate) {
  EXPECT_THROW(byte_pattern("^[\\u00e0-\\u00ff]$"), SchemaError);  // a positive class
  EXPECT_THROW(byte_pattern("^[^\\u0800]$"), SchemaError);         // three UTF-8 bytes
  EXPECT_THROW(byte_pattern("^é$"), SchemaError);                  // not written as \u
  EXPECT_THROW(byte_pattern("("), SchemaError);                    // not a regex
  EXPECT_THROW(byte_pattern("[^\\u0085]"), SchemaError);           // not anchored
  EXPECT_THROW(byte_pattern("^.[^\\u0085]$"), SchemaError);        // '.' takes any byte
  // Long texts do not take std::regex out of its stack (it recurses per character).
  JsonSchema line(json::parse(R"({"pattern": "^[^\\u0000-\\u001F\\u007F-\\u009F]*$"})"));
  EXPECT_TRUE(line.validate(json(std::string(20000, 'a'))).empty());
}

// Each violation is found, and the error names where in the instance it is.
TEST(JsonSchemaTest, NamesWhereEachKindOfViolationIs) {
  struct Case {
    json doc;
    std::string where;
  };
  std::vector<Case> cases{
      {json::object(), "(root): "},
      {with("id", json(json::value_t::discarded)), "/items/0: "},
      {with("id", 12), "/items/0/id: "},
      {with("id", "12a"), "/items/0/id: "},
      {with("kind", "team"), "/items/0/kind: "},
      {with("score", 11), "/items/0/score: "},
      {with("score", -1), "/items/0/score: "},
      {with("score", 1.5), "/items/0/score: "},
      {with("note", 3), "/items/0/note: "},
      {with("day", "2027-02-30"), "/items/0/day: "},
      {with("day", "30/10/2026"), "/items/0/day: "},
      {with("at", "2026-10-30 01:02"), "/items/0/at: "},
      {with("tags", json::array({"a", 1})), "/items/0/tags/1: "},
      {with("tags", json::array({"a", "b", "c"})), "/items/0/tags: "},
      {with("version", 2), "/items/0/version: "},
      {with("either", true), "/items/0/either: "},
      {with("any", "no"), "/items/0/any: "},
      {with("all", 4), "/items/0/all: "},
      {with("extra", "x"), "/items/0"},
  };
  for (const auto& c : cases) {
    auto errors = errors_of(c.doc);
    EXPECT_NE(errors.find(c.where), std::string::npos)
        << "expected an error at: " << c.where << "\ngot:\n"
        << errors << "for " << c.doc.dump();
  }
}

// 2020-12 semantics that draft 7 lacks, bridged.
TEST(JsonSchemaTest, ReadsRefSiblingsAndIntegralNumbersAs2020Does) {
  JsonSchema doc(json::parse(R"({"$defs": {"line": {"pattern": "^[a-z]*$"}},
    "properties": {"s": {"$ref": "#/$defs/line", "type": "string", "maxLength": 3},
                   "n": {"type": "integer", "maximum": 1000}}})"));
  EXPECT_TRUE(doc.validate(json{{"s", "abc"}, {"n", 2.0}}).empty());
  EXPECT_FALSE(doc.validate(json{{"s", true}}).empty());
  EXPECT_FALSE(doc.validate(json{{"s", "abcd"}}).empty());
  EXPECT_FALSE(doc.validate(json{{"n", 2.5}}).empty());
  EXPECT_FALSE(doc.validate(json{{"n", std::numeric_limits<std::uint64_t>::max()}}).empty());
}

TEST(JsonSchemaTest, OneOfRejectsAValueMatchingTwo) {
  JsonSchema schema(json::parse(R"({"oneOf": [{"type": "number"}, {"type": "integer"}]})"));
  EXPECT_TRUE(schema.validate(json(1.5)).empty());
  EXPECT_FALSE(schema.validate(json(2)).empty());
}

TEST(JsonSchemaTest, AdditionalPropertiesMayBeASchema) {
  JsonSchema schema(kDoc);
  EXPECT_TRUE(schema.validate(json{{"a", 1}, {"b", 2}}, "#/$defs/map").empty());
  auto errors = join_errors(schema.validate(json{{"a", "x"}}, "#/$defs/map"));
  EXPECT_NE(errors.find("/a: "), std::string::npos) << errors;
}

// 2020-12's unevaluatedProperties, bridged: the names of the allOf's parts are allowed.
TEST(JsonSchemaTest, UnevaluatedPropertiesAllowsWhatThePartsDeclare) {
  JsonSchema schema(kDoc);
  EXPECT_TRUE(schema.validate(json{{"id", "1"}, {"n", 2}}, "#/$defs/shown").empty());
  EXPECT_FALSE(schema.validate(json{{"id", 1}}, "#/$defs/shown").empty());
  EXPECT_FALSE(schema.validate(json{{"id", "1"}, {"extra", 2}}, "#/$defs/shown").empty());
  // The document as written is unchanged: comparisons of shapes read it.
  EXPECT_TRUE(schema.resolve("#/$defs/shown").contains("unevaluatedProperties"));
}

TEST(JsonSchemaTest, ResolvesOpenApiComponentReferences) {
  JsonSchema doc(json::parse(R"({"components": {"schemas": {
    "Id": {"type": "string"},
    "Thing": {"type": "object", "required": ["id"], "properties": {"id": {"$ref": "#/components/schemas/Id"}}}
  }}})"));
  EXPECT_TRUE(doc.validate(json{{"id", "1"}}, "#/components/schemas/Thing").empty());
  EXPECT_FALSE(doc.validate(json{{"id", 1}}, "#/components/schemas/Thing").empty());
  // A schema taken out of the document still resolves its references against it.
  const json in_place{{"type", "array"}, {"items", {{"$ref", "#/components/schemas/Thing"}}}};
  EXPECT_TRUE(doc.validate_against(json::array({json{{"id", "1"}}}), in_place).empty());
  EXPECT_FALSE(doc.validate_against(json::array({json{{"id", 1}}}), in_place).empty());
}

TEST(JsonSchemaTest, RefusesSchemasItCannotCheck) {
  const json unchecked = json::parse(R"({"type": "object", "minProperties": 1})");
  EXPECT_FALSE(JsonSchema(unchecked).lint(unchecked, "#").empty());
  EXPECT_THROW(JsonSchema(json::parse(R"({"$ref": "#/$defs/missing"})")).validate(json(1)),
               SchemaError);
  EXPECT_THROW(JsonSchema(json::parse(R"({"$ref": "other.json#/x"})")).validate(json(1)),
               SchemaError);
  EXPECT_THROW(JsonSchema(json::parse(R"({"pattern": "("})")).validate(json("x")), SchemaError);
  // A $ref cycle ends with an error, not a stack overflow.
  EXPECT_THROW(
      JsonSchema(json::parse(R"({"$defs": {"a": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"})"))
          .validate(json(1)),
      SchemaError);
}

TEST(JsonSchemaTest, IgnoresAnnotationsAndExtensions) {
  const json schema = json::parse(
      R"({"title": "t", "description": "d", "examples": [1], "x-roles": ["admin"], "type": "integer"})");
  EXPECT_TRUE(JsonSchema(schema).validate(json(3)).empty());
  EXPECT_TRUE(JsonSchema(schema).lint(schema, "#").empty());
}

// What the contract tests do with a running service's answer: one that breaks its schema
// fails, one that keeps to it passes.
TEST(CheckAnswer, FailsAnAnswerThatBreaksItsSchema) {
  const JsonSchema openapi(load_yaml_as_json(openapi_path("nominations")));
  Answer good{200, "application/json", R"({"status": "ok", "service": "nominations"})", {}};
  EXPECT_EQ(join_errors(check_answer(openapi, "GET", "/healthz", good)), "");
  for (const char* body : {R"({"status": "down", "service": "nominations"})", R"({"status": "ok"})",
                           R"({"status": "ok", "service": "nominations", "extra": 1})"}) {
    Answer bad{200, "application/json", body, {}};
    EXPECT_FALSE(check_answer(openapi, "GET", "/healthz", bad).empty()) << body;
  }
}

}  // namespace
}  // namespace thidua::contract
