#pragma once
// A small JSON Schema (2020-12) validator for the subset proto/ uses, so that contract tests
// can hold responses and events to their schemas without a third-party validator.
//
// Supported: type (a name or an array of names), enum, const, properties, required,
// additionalProperties (false or a schema), items, minItems, maxItems, minLength and
// maxLength (in code points), minimum, maximum, exclusiveMinimum, exclusiveMaximum, pattern
// (ECMAScript std::wregex on code points, searched as JSON Schema says), format date and date-time
// (checked loosely: shape and ranges), $ref to a JSON pointer in the same document ("#/$defs/x",
// "#/components/schemas/X"), allOf, anyOf, oneOf, not; boolean schemas.
// Annotations (title, description, examples, ...) and keys starting with "x-" are ignored.
// Any other keyword throws SchemaError: a schema must not look stricter than it is checked.
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace thidua::contract {

// The schema itself is wrong or uses a keyword this validator does not implement.
class SchemaError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class JsonSchema {
 public:
  // `root` is the whole document: a JSON Schema, or an OpenAPI document converted to JSON.
  // $refs resolve against it.
  explicit JsonSchema(nlohmann::json root);

  // The errors of `instance` against the schema at `ref` ("#" for the root, or
  // "#/components/schemas/Nomination"); empty when it is valid. Each error reads
  // "<where in the instance>: <what is wrong> [schema <where in the schema>]".
  std::vector<std::string> validate(const nlohmann::json& instance,
                                    const std::string& ref = "#") const;
  // The same against a schema given in place (its $refs still resolve against the root).
  std::vector<std::string> validate_against(const nlohmann::json& instance,
                                            const nlohmann::json& schema,
                                            const std::string& schema_path = "(inline)") const;

  // What is wrong with the schema itself, walking all of it: keywords this validator does not
  // implement, $refs that point to nothing, bad patterns and type names, `examples` that do
  // not validate. Empty when it is usable.
  std::vector<std::string> lint(const nlohmann::json& schema, const std::string& schema_path) const;

  // The value a "#/..." reference points to; throws SchemaError when there is none.
  const nlohmann::json& resolve(const std::string& ref) const;
  const nlohmann::json& root() const { return root_; }

 private:
  void collect_properties(const nlohmann::json& schema, std::set<std::string>& names,
                          int depth) const;
  void check(const nlohmann::json& instance, const nlohmann::json& schema, const std::string& where,
             const std::string& schema_path, std::vector<std::string>& errors, int depth) const;

  nlohmann::json root_;
};

// Errors one per line, for a test's failure message.
std::string join_errors(const std::vector<std::string>& errors);

}  // namespace thidua::contract
