// The contract tests are only as good as their validator: it accepts what the schema allows
// and names what it does not.
#include "contract/json_schema.hpp"

#include <gtest/gtest.h>

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
    "map": {"type": "object", "additionalProperties": {"type": "integer"}}
  },
  "type": "object",
  "required": ["items"],
  "properties": {"items": {"type": "array", "items": {"$ref": "#/$defs/item"}}}
})");

const json kValid = json::parse(R"({"items": [{
  "id": "12", "name": "Tổ Ti", "kind": "collective", "score": 10, "note": null,
  "day": "2028-02-29", "at": "2026-10-30T01:02:03Z", "tags": ["a", "b"], "version": 1.0,
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
  EXPECT_NE(errors_of(with("name", "Tổ Tin")).find("longer than 5"), std::string::npos);
  EXPECT_NE(errors_of(with("name", "")).find("shorter than 1"), std::string::npos);
}

// A pattern is matched on characters: "\u0085" is U+0085 (a control character), not the
// byte 0x85 that ends many Vietnamese letters in UTF-8.
TEST(JsonSchemaTest, MatchesPatternsOnCodePoints) {
  JsonSchema line(json::parse(R"({"pattern": "^[^\\u0000-\\u001F\\u007F-\\u009F]*$"})"));
  EXPECT_TRUE(line.validate(json("Tổ Toán – Tin, Ngữ văn, Hạn chót")).empty());
  EXPECT_FALSE(line.validate(json("a\u0085")).empty());
  EXPECT_FALSE(line.validate(json("a\nb")).empty());
  JsonSchema one(json::parse(R"({"pattern": "^.$"})"));
  EXPECT_TRUE(one.validate(json("ệ")).empty());
}

TEST(JsonSchemaTest, NamesEachKindOfViolation) {
  struct Case {
    json doc;
    std::string expected;
  };
  std::vector<Case> cases{
      {json::object(), "(root): missing required property \"items\""},
      {with("id", json(json::value_t::discarded)), "missing required property \"id\""},
      {with("id", 12), "/items/0/id: expected string, got integer"},
      {with("id", "12a"), "does not match ^[0-9]+$"},
      {with("kind", "team"), "/items/0/kind: \"team\" is not one of"},
      {with("score", 11), "breaks maximum 10"},
      {with("score", -1), "breaks minimum 0"},
      {with("score", 1.5), "expected integer, got number"},
      {with("note", 3), "expected string or null"},
      {with("day", "2027-02-29"), "is not a date"},
      {with("day", "30/10/2026"), "is not a date"},
      {with("at", "2026-10-30 01:02"), "is not a date-time"},
      {with("tags", json::array({"a", 1})), "/items/0/tags/1: expected string"},
      {with("tags", json::array({"a", "b", "c"})), "more than 2"},
      {with("version", 2), "is not 1"},
      {with("either", true), "matches none of the 2 schemas of oneOf"},
      {with("any", "no"), "matches none of the 2 schemas of anyOf"},
      {with("all", 4), "breaks minimum 5"},
      {with("extra", "x"), "property \"extra\" is not allowed"},
  };
  for (const auto& c : cases) {
    auto errors = errors_of(c.doc);
    EXPECT_NE(errors.find(c.expected), std::string::npos)
        << "expected an error containing: " << c.expected << "\ngot:\n"
        << errors << "for " << c.doc.dump();
  }
}

TEST(JsonSchemaTest, OneOfRejectsAValueMatchingTwo) {
  JsonSchema schema(json::parse(R"({"oneOf": [{"type": "number"}, {"type": "integer"}]})"));
  EXPECT_TRUE(schema.validate(json(1.5)).empty());
  auto errors = join_errors(schema.validate(json(2)));
  EXPECT_NE(errors.find("not exactly one"), std::string::npos) << errors;
}

TEST(JsonSchemaTest, AdditionalPropertiesMayBeASchema) {
  JsonSchema schema(kDoc);
  EXPECT_TRUE(schema.validate(json{{"a", 1}, {"b", 2}}, "#/$defs/map").empty());
  auto errors = join_errors(schema.validate(json{{"a", "x"}}, "#/$defs/map"));
  EXPECT_NE(errors.find("/a: expected integer"), std::string::npos) << errors;
}

TEST(JsonSchemaTest, ResolvesOpenApiComponentReferences) {
  JsonSchema doc(json::parse(R"({"components": {"schemas": {
    "Id": {"type": "string"},
    "Thing": {"type": "object", "required": ["id"], "properties": {"id": {"$ref": "#/components/schemas/Id"}}}
  }}})"));
  EXPECT_TRUE(doc.validate(json{{"id", "1"}}, "#/components/schemas/Thing").empty());
  EXPECT_FALSE(doc.validate(json{{"id", 1}}, "#/components/schemas/Thing").empty());
}

TEST(JsonSchemaTest, RefusesSchemasItCannotCheck) {
  EXPECT_THROW(
      JsonSchema(json::parse(R"({"type": "object", "minProperties": 1})")).validate(json::object()),
      SchemaError);
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
  JsonSchema schema(json::parse(
      R"({"title": "t", "description": "d", "examples": [1], "x-roles": ["admin"], "type": "integer"})"));
  EXPECT_TRUE(schema.validate(json(3)).empty());
}

}  // namespace
}  // namespace thidua::contract
