#pragma once
// What lies between proto/'s JSON Schema 2020-12 and valijson's draft 7 (see json_schema.hpp):
// rewrites applied to a schema before valijson reads it. Throw SchemaError on what they cannot
// translate faithfully.
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

namespace thidua::contract {

// A pattern written on characters ("\uXXXX" escapes, ECMAScript) as a std::regex on UTF-8 bytes
// that accepts the same strings. Handles "\uXXXX" outside classes and negated classes leaving
// out code points up to U+07FF; refuses other non-ASCII use.
std::string byte_pattern(const std::string& pattern);

// The "#/..." reference to the schema it points to (throws SchemaError when none).
using Resolver = std::function<const nlohmann::json&(const std::string& ref)>;

// The instance as draft 7 should see it: a number with a zero fraction (2.0) is the integer
// it equals, as 2020-12 counts it, and an unsigned integer beyond int64 a double (valijson
// reads integers as int64).
nlohmann::json bridged_instance(const nlohmann::json& instance);

// Applies the bridge to every schema in `node` (a whole document or one schema in it): patterns
// become byte_pattern(...), unevaluatedProperties becomes additionalProperties next to the
// names the schema's parts declare (found through `resolve`), a "$ref" with sibling keywords
// goes into allOf (2020-12 applies the siblings, draft 7 ignores them). With `ref_prefix`, every
// "$ref"
// "#..." becomes ref_prefix + "#...": how a schema taken out of its document keeps resolving
// against it.
void bridge(nlohmann::json& node, const Resolver& resolve, const std::string& ref_prefix = "");

}  // namespace thidua::contract
