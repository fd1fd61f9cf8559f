#include "contract/json_schema.hpp"

#include <cmath>
#include <regex>
#include <set>

namespace thidua::contract {
namespace {
using nlohmann::json;

constexpr int kMaxDepth = 64;  // $ref chains deeper than this are taken for a cycle

const std::set<std::string>& annotations() {
  static const std::set<std::string> keys{
      "$schema",    "$id",         "$defs",     "$comment",         "$anchor",
      "title",      "description", "default",   "examples",         "example",
      "deprecated", "readOnly",    "writeOnly", "contentMediaType", "contentEncoding"};
  return keys;
}

const std::set<std::string>& supported() {
  static const std::set<std::string> keys{"$ref",
                                          "type",
                                          "enum",
                                          "const",
                                          "properties",
                                          "required",
                                          "additionalProperties",
                                          "items",
                                          "minItems",
                                          "maxItems",
                                          "minLength",
                                          "maxLength",
                                          "minimum",
                                          "maximum",
                                          "exclusiveMinimum",
                                          "exclusiveMaximum",
                                          "pattern",
                                          "format",
                                          "allOf",
                                          "anyOf",
                                          "oneOf",
                                          "not",
                                          "if",
                                          "then",
                                          "else",
                                          "unevaluatedProperties"};
  return keys;
}

std::string where_or_root(const std::string& where) {
  return where.empty() ? "(root)" : where;
}

std::string child(const std::string& where, const std::string& key) {
  return where + "/" + key;
}

std::string short_dump(const json& value) {
  auto text = value.dump();
  if (text.size() > 80) text = text.substr(0, 77) + "...";
  return text;
}

bool has_type(const json& instance, const std::string& type) {
  if (type == "null") return instance.is_null();
  if (type == "boolean") return instance.is_boolean();
  if (type == "object") return instance.is_object();
  if (type == "array") return instance.is_array();
  if (type == "string") return instance.is_string();
  if (type == "number") return instance.is_number();
  if (type == "integer") {
    if (instance.is_number_integer()) return true;
    if (!instance.is_number_float()) return false;
    double d = instance.get<double>();
    return std::isfinite(d) && d == static_cast<double>(static_cast<long long>(d));
  }
  throw SchemaError("unknown type name \"" + type + "\"");
}

std::string type_name(const json& instance) {
  if (instance.is_number_integer()) return "integer";
  if (instance.is_number_float()) return "number";
  if (instance.is_boolean()) return "boolean";
  return instance.type_name();  // null, object, array, string
}

// UTF-8 as code points (one wchar_t each: 32 bits here), so that a pattern is matched on
// characters as JSON Schema says, and "\u0085" in a pattern is that character, not a byte of
// every Vietnamese letter. A byte that is not UTF-8 becomes U+FFFD.
std::wstring wide(const std::string& s) {
  std::wstring out;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    int extra = c < 0x80           ? 0
                : (c >> 5) == 0x6  ? 1
                : (c >> 4) == 0xE  ? 2
                : (c >> 3) == 0x1E ? 3
                                   : -1;
    char32_t cp = extra == 0 ? c : extra == 1 ? c & 0x1F : extra == 2 ? c & 0x0F : c & 0x07;
    bool ok = extra >= 0 && i + static_cast<std::size_t>(extra) < s.size();
    for (int k = 1; ok && k <= extra; ++k) {
      auto next = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
      ok = (next & 0xC0) == 0x80;
      cp = (cp << 6) | (next & 0x3F);
    }
    if (!ok) {
      out += L'\uFFFD';
      ++i;
      continue;
    }
    out += static_cast<wchar_t>(cp);
    i += static_cast<std::size_t>(extra) + 1;
  }
  return out;
}

std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool valid_ymd(int y, int m, int d) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= days[m - 1] + (m == 2 && leap(y) ? 1 : 0);
}

bool valid_date(const std::string& s) {
  static const std::regex re(R"(^(\d{4})-(\d{2})-(\d{2})$)");
  std::smatch m;
  if (!std::regex_match(s, m, re)) return false;
  return valid_ymd(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]));
}

bool valid_date_time(const std::string& s) {
  static const std::regex re(
      R"(^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$)");
  std::smatch m;
  if (!std::regex_match(s, m, re)) return false;
  if (!valid_ymd(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]))) return false;
  if (std::stoi(m[4]) > 23 || std::stoi(m[5]) > 59 || std::stoi(m[6]) > 60) return false;
  if (m[9].matched && (std::stoi(m[9]) > 23 || std::stoi(m[10]) > 59)) return false;
  return true;
}

double number_of(const json& value, const std::string& keyword, const std::string& schema_path) {
  if (!value.is_number()) throw SchemaError(schema_path + ": \"" + keyword + "\" must be a number");
  return value.get<double>();
}

std::size_t count_of(const json& value, const std::string& keyword,
                     const std::string& schema_path) {
  if (!value.is_number_integer() || value.get<long long>() < 0) {
    throw SchemaError(schema_path + ": \"" + keyword + "\" must be a non-negative integer");
  }
  return value.get<std::size_t>();
}

const json& schema_array(const json& value, const std::string& keyword,
                         const std::string& schema_path) {
  if (!value.is_array() || value.empty()) {
    throw SchemaError(schema_path + ": \"" + keyword + "\" must be a non-empty array of schemas");
  }
  return value;
}

// "a; b; c" of a sub-schema's errors, for the message of a failed anyOf/oneOf.
std::string summary(const std::vector<std::string>& errors) {
  std::string out;
  for (std::size_t i = 0; i < errors.size() && i < 3; ++i) {
    out += (i ? "; " : "") + errors[i];
  }
  if (errors.size() > 3) out += "; …";
  return out;
}
}  // namespace

JsonSchema::JsonSchema(nlohmann::json root) : root_(std::move(root)) {}

const nlohmann::json& JsonSchema::resolve(const std::string& ref) const {
  if (ref.empty() || ref[0] != '#') {
    throw SchemaError("$ref \"" + ref +
                      "\": only references inside the document (#/...) are supported");
  }
  if (ref == "#") return root_;
  try {
    const json& target = root_.at(json::json_pointer(ref.substr(1)));
    return target;
  } catch (const json::exception&) {
    throw SchemaError("$ref \"" + ref + "\" points to nothing in the document");
  }
}

std::vector<std::string> JsonSchema::validate(const nlohmann::json& instance,
                                              const std::string& ref) const {
  return validate_against(instance, resolve(ref), ref);
}

std::vector<std::string> JsonSchema::validate_against(const nlohmann::json& instance,
                                                      const nlohmann::json& schema,
                                                      const std::string& schema_path) const {
  std::vector<std::string> errors;
  check(instance, schema, "", schema_path, errors, 0);
  return errors;
}

// The property names a schema and its in-place subschemas (allOf, anyOf, oneOf, if, then,
// else, $ref) declare: what unevaluatedProperties leaves alone. A static approximation of
// 2020-12's annotation collection, exact for the compositions proto/ uses.
void JsonSchema::collect_properties(const json& schema, std::set<std::string>& names,
                                    int depth) const {
  if (depth > kMaxDepth || !schema.is_object()) return;
  if (schema.contains("properties") && schema["properties"].is_object()) {
    for (auto p = schema["properties"].begin(); p != schema["properties"].end(); ++p) {
      names.insert(p.key());
    }
  }
  if (schema.contains("$ref") && schema["$ref"].is_string()) {
    collect_properties(resolve(schema["$ref"].get<std::string>()), names, depth + 1);
  }
  for (const char* k : {"allOf", "anyOf", "oneOf"}) {
    if (schema.contains(k) && schema[k].is_array()) {
      for (const auto& sub : schema[k]) collect_properties(sub, names, depth + 1);
    }
  }
  for (const char* k : {"if", "then", "else"}) {
    if (schema.contains(k)) collect_properties(schema[k], names, depth + 1);
  }
}

void JsonSchema::check(const json& instance, const json& schema, const std::string& where,
                       const std::string& schema_path, std::vector<std::string>& errors,
                       int depth) const {
  if (depth > kMaxDepth) throw SchemaError(schema_path + ": $ref chain too deep (a cycle?)");
  auto fail = [&](const std::string& what, const std::string& keyword) {
    errors.push_back(where_or_root(where) + ": " + what + " [schema " + schema_path + "/" +
                     keyword + "]");
  };
  if (schema.is_boolean()) {
    if (!schema.get<bool>()) {
      errors.push_back(where_or_root(where) + ": nothing is allowed here [schema " + schema_path +
                       "]");
    }
    return;
  }
  if (!schema.is_object()) throw SchemaError(schema_path + ": a schema must be an object");

  for (auto it = schema.begin(); it != schema.end(); ++it) {
    const std::string& keyword = it.key();
    const json& value = it.value();
    const std::string at = schema_path + "/" + keyword;

    if (annotations().count(keyword) || keyword.rfind("x-", 0) == 0) continue;

    if (keyword == "$ref") {
      if (!value.is_string()) throw SchemaError(at + ": must be a string");
      const auto& ref = value.get_ref<const std::string&>();
      check(instance, resolve(ref), where, ref, errors, depth + 1);
    } else if (keyword == "type") {
      std::vector<std::string> names;
      if (value.is_string()) {
        names.push_back(value.get<std::string>());
      } else if (value.is_array() && !value.empty()) {
        for (const auto& n : value) {
          if (!n.is_string()) throw SchemaError(at + ": type names must be strings");
          names.push_back(n.get<std::string>());
        }
      } else {
        throw SchemaError(at + ": must be a type name or an array of them");
      }
      bool ok = false;
      std::string wanted;
      for (const auto& n : names) {
        ok = ok || has_type(instance, n);
        wanted += (wanted.empty() ? "" : " or ") + n;
      }
      if (!ok) fail("expected " + wanted + ", got " + type_name(instance), keyword);
    } else if (keyword == "enum") {
      if (!value.is_array()) throw SchemaError(at + ": must be an array");
      bool found = false;
      for (const auto& v : value) found = found || v == instance;
      if (!found) fail(short_dump(instance) + " is not one of " + short_dump(value), keyword);
    } else if (keyword == "const") {
      if (value != instance) fail(short_dump(instance) + " is not " + short_dump(value), keyword);
    } else if (keyword == "properties") {
      if (!value.is_object()) throw SchemaError(at + ": must be an object");
      if (!instance.is_object()) continue;
      for (auto p = value.begin(); p != value.end(); ++p) {
        auto found = instance.find(p.key());
        if (found != instance.end()) {
          check(*found, p.value(), child(where, p.key()), at + "/" + p.key(), errors, depth);
        }
      }
    } else if (keyword == "required") {
      if (!value.is_array()) throw SchemaError(at + ": must be an array of names");
      if (!instance.is_object()) continue;
      for (const auto& name : value) {
        if (!name.is_string()) throw SchemaError(at + ": names must be strings");
        if (!instance.contains(name.get<std::string>())) {
          fail("missing required property \"" + name.get<std::string>() + "\"", keyword);
        }
      }
    } else if (keyword == "additionalProperties") {
      if (!instance.is_object()) continue;
      const json* declared = schema.contains("properties") ? &schema["properties"] : nullptr;
      for (auto p = instance.begin(); p != instance.end(); ++p) {
        if (declared && declared->contains(p.key())) continue;
        if (value.is_boolean() && !value.get<bool>()) {
          fail("property \"" + p.key() + "\" is not allowed (not in the schema's properties)",
               keyword);
        } else {
          check(p.value(), value, child(where, p.key()), at, errors, depth);
        }
      }
    } else if (keyword == "items") {
      if (!instance.is_array()) continue;
      for (std::size_t i = 0; i < instance.size(); ++i) {
        check(instance[i], value, child(where, std::to_string(i)), at, errors, depth);
      }
    } else if (keyword == "minItems" || keyword == "maxItems") {
      auto limit = count_of(value, keyword, schema_path);
      if (!instance.is_array()) continue;
      if (keyword == "minItems" && instance.size() < limit) {
        fail("has " + std::to_string(instance.size()) + " items, fewer than " +
                 std::to_string(limit),
             keyword);
      }
      if (keyword == "maxItems" && instance.size() > limit) {
        fail(
            "has " + std::to_string(instance.size()) + " items, more than " + std::to_string(limit),
            keyword);
      }
    } else if (keyword == "minLength" || keyword == "maxLength") {
      auto limit = count_of(value, keyword, schema_path);
      if (!instance.is_string()) continue;
      auto n = code_points(instance.get_ref<const std::string&>());
      if (keyword == "minLength" && n < limit) {
        fail("is " + std::to_string(n) + " characters long, shorter than " + std::to_string(limit),
             keyword);
      }
      if (keyword == "maxLength" && n > limit) {
        fail("is " + std::to_string(n) + " characters long, longer than " + std::to_string(limit),
             keyword);
      }
    } else if (keyword == "minimum" || keyword == "maximum" || keyword == "exclusiveMinimum" ||
               keyword == "exclusiveMaximum") {
      double limit = number_of(value, keyword, schema_path);
      if (!instance.is_number()) continue;
      double x = instance.get<double>();
      bool ok = keyword == "minimum"            ? x >= limit
                : keyword == "maximum"          ? x <= limit
                : keyword == "exclusiveMinimum" ? x > limit
                                                : x < limit;
      if (!ok) fail(short_dump(instance) + " breaks " + keyword + " " + short_dump(value), keyword);
    } else if (keyword == "pattern") {
      if (!value.is_string()) throw SchemaError(at + ": must be a string");
      std::wregex re;
      try {
        re = std::wregex(wide(value.get<std::string>()), std::regex::ECMAScript);
      } catch (const std::regex_error& e) {
        throw SchemaError(at + ": not a valid regular expression: " + e.what());
      }
      if (!instance.is_string()) continue;
      if (!std::regex_search(wide(instance.get_ref<const std::string&>()), re)) {
        fail(short_dump(instance) + " does not match " + value.get<std::string>(), keyword);
      }
    } else if (keyword == "format") {
      if (!value.is_string()) throw SchemaError(at + ": must be a string");
      if (!instance.is_string()) continue;
      const auto& s = instance.get_ref<const std::string&>();
      const auto& format = value.get_ref<const std::string&>();
      if (format == "date" && !valid_date(s)) {
        fail(short_dump(instance) + " is not a date (YYYY-MM-DD)", keyword);
      } else if (format == "date-time" && !valid_date_time(s)) {
        fail(short_dump(instance) + " is not a date-time (RFC 3339)", keyword);
      }
      // Other formats are annotations here.
    } else if (keyword == "if") {
      std::vector<std::string> condition;
      check(instance, value, where, at, condition, depth + 1);
      const char* branch = condition.empty() ? "then" : "else";
      if (schema.contains(branch)) {
        check(instance, schema[branch], where, schema_path + "/" + branch, errors, depth + 1);
      }
    } else if (keyword == "then" || keyword == "else") {
      // Applied by "if" above; alone they do nothing (JSON Schema 2020-12, 10.2.2).
    } else if (keyword == "unevaluatedProperties") {
      if (!instance.is_object()) continue;
      std::set<std::string> evaluated;
      collect_properties(schema, evaluated, depth);
      for (auto p = instance.begin(); p != instance.end(); ++p) {
        if (evaluated.count(p.key())) continue;
        if (value.is_boolean() && !value.get<bool>()) {
          fail("property \"" + p.key() + "\" is not allowed (evaluated by no subschema)", keyword);
        } else {
          check(p.value(), value, child(where, p.key()), at, errors, depth);
        }
      }
    } else if (keyword == "allOf") {
      const auto& subs = schema_array(value, keyword, schema_path);
      for (std::size_t i = 0; i < subs.size(); ++i) {
        check(instance, subs[i], where, at + "/" + std::to_string(i), errors, depth);
      }
    } else if (keyword == "anyOf" || keyword == "oneOf") {
      const auto& subs = schema_array(value, keyword, schema_path);
      std::size_t matched = 0;
      std::string reasons;
      for (std::size_t i = 0; i < subs.size(); ++i) {
        std::vector<std::string> sub;
        check(instance, subs[i], where, at + "/" + std::to_string(i), sub, depth);
        if (sub.empty()) {
          ++matched;
        } else {
          reasons += " (" + std::to_string(i) + ": " + summary(sub) + ")";
        }
      }
      if (matched == 0) {
        fail("matches none of the " + std::to_string(subs.size()) + " schemas of " + keyword +
                 reasons,
             keyword);
      } else if (keyword == "oneOf" && matched > 1) {
        fail("matches " + std::to_string(matched) + " schemas of oneOf, not exactly one", keyword);
      }
    } else if (keyword == "not") {
      std::vector<std::string> sub;
      check(instance, value, where, at, sub, depth);
      if (sub.empty()) fail("matches a schema it must not match", keyword);
    } else {
      throw SchemaError(at + ": keyword \"" + keyword +
                        "\" is not supported by tests/contract/json_schema.cpp; implement it "
                        "there before relying on it");
    }
  }
}

std::vector<std::string> JsonSchema::lint(const nlohmann::json& schema,
                                          const std::string& schema_path) const {
  std::vector<std::string> problems;
  auto walk = [&](auto& self, const json& node, const std::string& path) -> void {
    if (node.is_boolean()) return;
    if (!node.is_object()) {
      problems.push_back(path + ": a schema must be an object or a boolean");
      return;
    }
    for (auto it = node.begin(); it != node.end(); ++it) {
      const auto& key = it.key();
      const json& value = it.value();
      const std::string at = path + "/" + key;
      if (key == "$defs") {
        if (!value.is_object()) problems.push_back(at + ": must be an object");
        for (auto d = value.begin(); value.is_object() && d != value.end(); ++d) {
          self(self, d.value(), at + "/" + d.key());
        }
        continue;
      }
      if (annotations().count(key) || key.rfind("x-", 0) == 0) continue;
      if (!supported().count(key)) {
        problems.push_back(at + ": keyword \"" + key +
                           "\" is not supported by tests/contract/json_schema.cpp");
      } else if (key == "$ref") {
        try {
          if (!value.is_string()) throw SchemaError("$ref must be a string");
          resolve(value.get<std::string>());
        } catch (const SchemaError& e) {
          problems.push_back(at + ": " + e.what());
        }
      } else if (key == "properties") {
        if (!value.is_object()) problems.push_back(at + ": must be an object");
        for (auto p = value.begin(); value.is_object() && p != value.end(); ++p) {
          self(self, p.value(), at + "/" + p.key());
        }
      } else if (key == "additionalProperties" || key == "items" || key == "not" ||
                 key == "unevaluatedProperties" || key == "if" || key == "then" || key == "else") {
        self(self, value, at);
      } else if (key == "allOf" || key == "anyOf" || key == "oneOf") {
        if (!value.is_array() || value.empty()) {
          problems.push_back(at + ": must be a non-empty array of schemas");
          continue;
        }
        for (std::size_t i = 0; i < value.size(); ++i) {
          self(self, value[i], at + "/" + std::to_string(i));
        }
      }
    }
    // Whatever the walk missed (bad type names, patterns, limits) shows when the schema is
    // used; its examples use it.
    try {
      json probe = nullptr;
      std::vector<std::string> ignored;
      check(probe, node, "", path, ignored, 0);
      if (node.contains("examples") && node["examples"].is_array()) {
        for (const auto& example : node["examples"]) {
          for (const auto& e : validate_against(example, node, path)) {
            problems.push_back(path + ": example " + example.dump() + " does not validate: " + e);
          }
        }
      }
    } catch (const SchemaError& e) {
      problems.push_back(e.what());
    }
  };
  walk(walk, schema, schema_path);
  return problems;
}

std::string join_errors(const std::vector<std::string>& errors) {
  std::string out;
  for (const auto& e : errors) out += "  " + e + "\n";
  return out;
}

}  // namespace thidua::contract
