#include "contract/schema_bridge.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <regex>
#include <set>
#include <utility>
#include <vector>

#include "contract/json_schema.hpp"

namespace thidua::contract {
namespace {
using nlohmann::json;

constexpr int kMaxDepth = 64;  // $ref chains deeper than this are taken for a cycle

std::string hex_byte(unsigned byte) {
  char out[5];
  std::snprintf(out, sizeof out, "\\x%02X", byte & 0xFFu);
  return out;
}

// The code point of the "\uXXXX" starting at p[i] (the backslash).
char32_t escape_at(const std::string& p, std::size_t i) {
  if (i + 6 > p.size()) throw SchemaError("pattern " + p + ": \\u needs four hex digits");
  try {
    std::size_t used = 0;
    auto cp = std::stoul(p.substr(i + 2, 4), &used, 16);
    if (used == 4) return static_cast<char32_t>(cp);
  } catch (const std::exception&) {
  }
  throw SchemaError("pattern " + p + ": \\u needs four hex digits");
}

// The UTF-8 sequences of lo..hi (within U+0080..U+07FF) as regex alternatives.
std::string two_byte_range(char32_t lo, char32_t hi, const std::string& p) {
  if (hi > 0x7FF) {
    throw SchemaError("pattern " + p + ": classes beyond U+07FF are not translated to bytes");
  }
  std::string alternatives;
  for (char32_t lead = lo >> 6; lead <= hi >> 6; ++lead) {
    unsigned first = lead == lo >> 6 ? lo & 0x3F : 0;
    unsigned last = lead == hi >> 6 ? hi & 0x3F : 0x3F;
    alternatives += (alternatives.empty() ? "" : "|") + hex_byte(0xC0 | lead) + "[" +
                    hex_byte(0x80 | first) + "-" + hex_byte(0x80 | last) + "]";
  }
  return alternatives;
}

// One member of a class at p[i]: its code point, or (-1) an ASCII escape such as \d kept as is.
std::pair<long, std::string> class_atom(const std::string& p, std::size_t& i) {
  if (p[i] == '\\' && i + 1 < p.size() && p[i + 1] == 'u') {
    char32_t cp = escape_at(p, i);
    i += 6;
    return {static_cast<long>(cp), ""};
  }
  if (p[i] == '\\' && i + 1 < p.size()) {
    i += 2;
    return {-1, p.substr(i - 2, 2)};
  }
  auto c = static_cast<unsigned char>(p[i++]);
  if (c >= 0x80) throw SchemaError("pattern " + p + ": write characters beyond ASCII as \\uXXXX");
  return {static_cast<long>(c), ""};
}

// The class starting at p[i] ('['), translated; i ends after its ']'. The UTF-8 of the
// characters beyond ASCII a negated class leaves out go to `left_out` (regex alternatives).
std::string byte_class(const std::string& p, std::size_t& i, std::string& left_out) {
  ++i;
  bool negated = i < p.size() && p[i] == '^';
  if (negated) ++i;
  std::string ascii, beyond;
  while (i < p.size() && p[i] != ']') {
    auto [lo, escape] = class_atom(p, i);
    long hi = lo;
    if (lo >= 0 && i + 1 < p.size() && p[i] == '-' && p[i + 1] != ']') {
      ++i;
      hi = class_atom(p, i).first;
      if (hi < lo) throw SchemaError("pattern " + p + ": a range in a class is not one");
    }
    if (lo < 0) {
      ascii += escape;
      continue;
    }
    if (lo < 0x80) ascii += hex_byte(lo) + (hi > lo ? "-" + hex_byte(hi < 0x80 ? hi : 0x7F) : "");
    if (hi >= 0x80) {
      beyond +=
          (beyond.empty() ? "" : "|") + two_byte_range(static_cast<char32_t>(lo < 0x80 ? 0x80 : lo),
                                                       static_cast<char32_t>(hi), p);
    }
  }
  if (i >= p.size()) throw SchemaError("pattern " + p + ": a class is not closed");
  ++i;
  std::string plain = "[" + std::string(negated ? "^" : "") + ascii + "]";
  if (!negated) {
    if (!beyond.empty()) {
      throw SchemaError("pattern " + p + ": only negated classes may name characters beyond ASCII");
    }
    return plain;
  }
  // Every negated class must leave out the same: byte_pattern refuses them once for the whole
  // string.
  if (left_out == "?") {
    left_out = beyond;
  } else if (left_out != beyond) {
    throw SchemaError("pattern " + p + ": negated classes leave out different characters");
  }
  return plain;
}

// The property names a schema and its in-place parts (allOf, anyOf, oneOf, if, then, else,
// $ref) declare: what unevaluatedProperties leaves alone. A static approximation of 2020-12's
// annotation collection, exact for the compositions proto/ uses.
void collect_properties(const json& schema, const Resolver& resolve, std::set<std::string>& names,
                        int depth) {
  if (depth > kMaxDepth) throw SchemaError("$ref chain too deep (a cycle?)");
  if (!schema.is_object()) return;
  if (schema.contains("properties") && schema["properties"].is_object()) {
    for (const auto& [name, _] : schema["properties"].items()) names.insert(name);
  }
  if (schema.contains("$ref") && schema["$ref"].is_string()) {
    collect_properties(resolve(schema["$ref"].get<std::string>()), resolve, names, depth + 1);
  }
  for (const char* k : {"allOf", "anyOf", "oneOf"}) {
    if (schema.contains(k) && schema[k].is_array()) {
      for (const auto& sub : schema[k]) collect_properties(sub, resolve, names, depth + 1);
    }
  }
  for (const char* k : {"if", "then", "else"}) {
    if (schema.contains(k)) collect_properties(schema[k], resolve, names, depth + 1);
  }
}

// Values, not schemas: the bridge leaves them as written.
bool is_value_keyword(const std::string& key) {
  static const std::set<std::string> keys{"examples", "example", "default", "const", "enum"};
  return keys.count(key) > 0;
}

bool is_name_map(const std::string& key) {
  return key == "properties" || key == "$defs" || key == "schemas";
}
}  // namespace

std::string byte_pattern(const std::string& p) {
  std::string out;
  std::string left_out = "?";  // not known until the first negated class
  bool any_byte = false;       // '.', \S, \W or \D: they match bytes of any character
  for (std::size_t i = 0; i < p.size();) {
    if (p[i] == '[') {
      out += byte_class(p, i, left_out);
    } else if (p[i] == '.') {
      any_byte = true;
      out += p[i++];
    } else if (p[i] == '\\' && i + 1 < p.size() && p[i + 1] == 'u') {
      char32_t cp = escape_at(p, i);
      i += 6;
      if (cp < 0x80) {
        out += hex_byte(cp);
      } else if (cp <= 0x7FF) {
        out += "(?:" + hex_byte(0xC0 | (cp >> 6)) + hex_byte(0x80 | (cp & 0x3F)) + ")";
      } else {
        throw SchemaError("pattern " + p + ": escapes beyond U+07FF are not translated to bytes");
      }
    } else if (p[i] == '\\' && i + 1 < p.size()) {
      any_byte = any_byte || p[i + 1] == 'S' || p[i + 1] == 'W' || p[i + 1] == 'D';
      out += p.substr(i, 2);
      i += 2;
    } else if (static_cast<unsigned char>(p[i]) >= 0x80) {
      throw SchemaError("pattern " + p + ": write characters beyond ASCII as \\uXXXX");
    } else {
      out += p[i++];
    }
  }
  if (left_out != "?" && !left_out.empty()) {
    // A negated class leaves out characters beyond ASCII (the C1 controls of Line and
    // LongText). On bytes, a lookahead at the start refuses them anywhere in the string: exact
    // when the pattern is anchored at both ends and nothing but those classes can match a byte
    // beyond ASCII. (A lookahead per character would recurse std::regex out of its stack on
    // long texts.)
    bool anchored = p.size() >= 2 && p.front() == '^' && p.back() == '$' && p[p.size() - 2] != '\\';
    if (!anchored || any_byte) {
      throw SchemaError("pattern " + p +
                        ": leaving out characters beyond ASCII needs ^...$ and no '.', \\S, "
                        "\\W or \\D");
    }
    out = "^(?![\\s\\S]*(?:" + left_out + "))" + out.substr(1);
  }
  try {
    std::regex compiled(out);  // valijson compiles it only when a string meets it
  } catch (const std::regex_error& e) {
    throw SchemaError("pattern " + p + " is not a regular expression: " + e.what());
  }
  return out;
}

json bridged_instance(const json& instance) {
  if (instance.is_number_unsigned() &&
      instance.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
    return instance.get<double>();
  }
  if (instance.is_number_float()) {
    double d = instance.get<double>();
    if (std::isfinite(d) && std::trunc(d) == d && std::fabs(d) < 9.2e18) {
      return static_cast<std::int64_t>(d);
    }
    return instance;
  }
  if (!instance.is_structured()) return instance;
  json out = instance.is_array() ? json::array() : json::object();
  if (instance.is_array()) {
    for (const auto& v : instance) out.push_back(bridged_instance(v));
  } else {
    for (const auto& [k, v] : instance.items()) out[k] = bridged_instance(v);
  }
  return out;
}

void bridge(json& node, const Resolver& resolve, const std::string& ref_prefix) {
  if (node.is_array()) {
    for (auto& v : node) bridge(v, resolve, ref_prefix);
    return;
  }
  if (!node.is_object()) return;
  if (node.contains("unevaluatedProperties")) {
    if (node.contains("additionalProperties")) {
      throw SchemaError("unevaluatedProperties next to additionalProperties is not bridged");
    }
    std::set<std::string> names;
    collect_properties(node, resolve, names, 0);
    json& declared = node["properties"];
    if (declared.is_null()) declared = json::object();
    for (const auto& name : names) {
      if (!declared.contains(name)) declared[name] = true;  // no constraint, only "declared"
    }
    node["additionalProperties"] = std::move(node["unevaluatedProperties"]);
    node.erase("unevaluatedProperties");
  }
  if (node.contains("pattern") && node["pattern"].is_string()) {
    node["pattern"] = byte_pattern(node["pattern"].get<std::string>());
  }
  if (node.contains("$ref") && node.size() > 1) {
    // 2020-12 applies a $ref's sibling keywords too; draft 7 (valijson) ignores them.
    json part = {{"$ref", std::move(node["$ref"])}};
    node.erase("$ref");
    if (!node.contains("allOf")) node["allOf"] = json::array();
    node["allOf"].push_back(std::move(part));
  }
  if (!ref_prefix.empty() && node.contains("$ref") && node["$ref"].is_string()) {
    const auto& ref = node["$ref"].get_ref<const std::string&>();
    if (!ref.empty() && ref[0] == '#') node["$ref"] = ref_prefix + ref;
  }
  for (auto& [key, value] : node.items()) {
    if (is_name_map(key) && value.is_object()) {
      // Names, not keywords: a property called "default" is a schema.
      for (auto& [_, schema] : value.items()) bridge(schema, resolve, ref_prefix);
    } else if (!is_value_keyword(key)) {
      bridge(value, resolve, ref_prefix);
    }
  }
}

}  // namespace thidua::contract
