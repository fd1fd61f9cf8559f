#pragma once
// Holds JSON to the schemas in proto/ with valijson (Debian: libvalijson-dev), so that contract
// tests check responses and events against their documents.
//
// valijson checks JSON Schema draft 7; proto/ writes 2020-12 and OpenAPI 3.1. What lies between
// is bridged here, before valijson sees a schema:
// - `$ref`s to "#/..." resolve against the whole document given to the constructor (an OpenAPI
//   document or an event schema), also from a schema taken out of it (valijson's fetch-document
//   callback hands it the document);
// - a `$ref` with sibling keywords goes into allOf (2020-12 applies the siblings, draft 7
//   ignores them); a number with a zero fraction is the integer it equals (2.0 is an integer);
// - `unevaluatedProperties` (2020-12) becomes `additionalProperties` next to the names the
//   schema and its allOf/anyOf/oneOf/if/then/else/$ref parts declare (exact for proto/'s
//   compositions);
// - a `pattern` is written on characters, valijson matches std::regex on UTF-8 bytes: "\uXXXX"
//   escapes become bytes, and negated classes of an anchored pattern that leave out
//   U+0080..U+07FF (the C1 controls of proto/'s Line and LongText) refuse their UTF-8
//   sequences anywhere in the string. Other patterns beyond ASCII are refused (SchemaError)
//   rather than checked wrongly. `.` matches one byte.
// Keywords valijson does not check are refused by lint(): a schema must not look stricter than
// it is checked.
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace valijson {
class Schema;
}

namespace thidua::contract {

// The schema itself is wrong or uses something the bridge above does not handle.
class SchemaError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class JsonSchema {
 public:
  // `root` is the whole document: a JSON Schema, or an OpenAPI document converted to JSON.
  // $refs resolve against it.
  explicit JsonSchema(nlohmann::json root);
  ~JsonSchema();
  JsonSchema(JsonSchema&&) noexcept;
  JsonSchema& operator=(JsonSchema&&) noexcept;

  // The errors of `instance` against the schema at `ref` ("#" for the root, or
  // "#/components/schemas/Nomination"); empty when it is valid. Each error reads
  // "<where in the instance>: <what valijson found wrong> [schema <ref>]". Throws SchemaError
  // when the schema cannot be checked.
  std::vector<std::string> validate(const nlohmann::json& instance,
                                    const std::string& ref = "#") const;
  // The same against a schema given in place (its $refs still resolve against the root).
  std::vector<std::string> validate_against(const nlohmann::json& instance,
                                            const nlohmann::json& schema,
                                            const std::string& schema_path = "(inline)") const;

  // What is wrong with the schema itself, walking all of it: keywords not checked, $refs that
  // point to nothing, patterns the bridge cannot translate, schemas valijson refuses,
  // `examples` that do not validate. Empty when it is usable.
  std::vector<std::string> lint(const nlohmann::json& schema, const std::string& schema_path) const;

  // The value a "#/..." reference points to in the document as written; throws SchemaError
  // when there is none.
  const nlohmann::json& resolve(const std::string& ref) const;
  const nlohmann::json& root() const { return root_; }

 private:
  const valijson::Schema& compiled(const nlohmann::json& schema) const;

  nlohmann::json root_;     // as written: what resolve() and root() show
  nlohmann::json checked_;  // as valijson reads it (the bridge applied)
  std::string broken_;      // a $ref cycle found in the document, if any
  // Parsed schemas by their text: tests validate many instances against few schemas.
  mutable std::map<std::string, std::unique_ptr<valijson::Schema>> cache_;
};

// Errors one per line, for a test's failure message.
std::string join_errors(const std::vector<std::string>& errors);

}  // namespace thidua::contract
