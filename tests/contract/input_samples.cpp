// The samples of input_parity_test.cpp (input_parity.hpp): bounds, enums and examples read from
// a schema, loosely written numbers, long digit strings, the routes' own words, control
// characters, non-ASCII letters, wrong JSON types and null.
#include <regex>

#include "contract/contract_docs.hpp"
#include "contract/input_parity.hpp"
#include "contract/text_case.hpp"
#include "http/router.hpp"

namespace thidua::contract::input_parity {
namespace {

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::set<std::string> types_of(const json& flat) {
  std::set<std::string> out;
  if (!flat.contains("type")) return out;
  if (flat["type"].is_string()) out.insert(flat["type"].get<std::string>());
  if (flat["type"].is_array()) {
    for (const auto& t : flat["type"]) out.insert(t.get<std::string>());
  }
  return out;
}

}  // namespace

// Percent-encodes every byte that is not unreserved (RFC 3986 2.3), or every byte.
// A value as a client would put it in a path or a query (http::encode_segment), or with
// every byte escaped, the way a careless client might and the router must still read.
std::string encode(const std::string& s, bool every_byte) {
  if (!every_byte) return http::encode_segment(s);
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    out += '%';
    out += hex[c >> 4];
    out += hex[c & 15];
  }
  return out;
}

// The schema's keywords with $ref and allOf followed, its own first: where bounds are read.
json flattened(const JsonSchema& doc, const json& schema) {
  json out = json::object();
  auto merge = [&](auto& self, const json& s, int depth) -> void {
    if (!s.is_object() || depth > 16) return;
    for (auto it = s.begin(); it != s.end(); ++it) {
      if (it.key() != "$ref" && it.key() != "allOf" && !out.contains(it.key())) {
        out[it.key()] = it.value();
      }
    }
    if (s.contains("$ref")) self(self, doc.resolve(s["$ref"].get<std::string>()), depth + 1);
    if (s.contains("allOf")) {
      for (const auto& part : s["allOf"]) self(self, part, depth + 1);
    }
  };
  merge(merge, schema, 0);
  return out;
}

// Samples written as text, for parameters and string fields.
std::vector<std::string> text_samples(const json& flat, const std::set<std::string>& words,
                                      std::size_t longest) {
  std::vector<std::string> out{"",
                               "a",
                               "Z",
                               "0",
                               "1",
                               "7",
                               "-1",
                               "02",
                               "a b",
                               " a",
                               "é",
                               "Tổ",
                               "a/b",
                               "a%b",
                               "a+b",
                               "a.b",
                               "_",
                               "-a",
                               "a_b-1",
                               "A1",
                               "\x01"
                               "a",
                               "a\n",
                               "a\tb",
                               "a\rb",
                               "\x7f",
                               "a\u0085",
                               "a\u200b",
                               "2abc",
                               "+2",
                               " 2",
                               "2 ",
                               "2.0",
                               "0x2",
                               "1e3",
                               "2024",
                               "2025",
                               "2030",
                               "2031",
                               "02026",
                               "99999999999999999999",
                               repeat("1", 18),
                               repeat("1", 19),
                               repeat("1", 20),
                               "0123456789abcdef",
                               "0123456789ABCDEF",
                               "0123456789abcdeg",
                               repeat("f", 32),
                               repeat("f", 33),
                               repeat("x", 64),
                               repeat("x", 65)};
  for (const auto& w : words) out.push_back(w);
  for (const char* key : {"examples", "enum"}) {
    if (!flat.contains(key)) continue;
    for (const auto& v : flat[key]) {
      if (!v.is_string()) continue;
      out.push_back(v.get<std::string>());
      out.push_back(v.get<std::string>() + "x");
      out.push_back(upper(v.get<std::string>()));
    }
  }
  if (flat.contains("const") && flat["const"].is_string()) {
    out.push_back(flat["const"].get<std::string>());
  }
  for (const char* key : {"minLength", "maxLength"}) {
    if (!flat.contains(key)) continue;
    auto n = flat[key].get<std::size_t>();
    for (auto len : {n > 0 ? n - 1 : 0, n, n + 1}) {
      if (len > longest) continue;
      out.push_back(repeat("a", len));
      out.push_back(repeat("ế", len));
    }
  }
  for (const char* key : {"minimum", "maximum"}) {
    if (!flat.contains(key)) continue;
    auto n = flat[key].get<long long>();
    for (auto v : {n - 1, n, n + 1}) out.push_back(std::to_string(v));
  }
  std::vector<std::string> unique;
  std::set<std::string> seen;
  for (auto& s : out) {
    if (s.size() <= longest * 3 && seen.insert(s).second) unique.push_back(std::move(s));
  }
  return unique;
}

// A parameter's text as the JSON value its schema is applied to: a whole number where the
// schema wants a number, the text itself otherwise (OpenAPI's simple style).
json param_instance(const json& flat, const std::string& text) {
  static const std::regex whole(R"(^-?[0-9]+$)");
  auto types = types_of(flat);
  if ((types.count("integer") || types.count("number")) && std::regex_match(text, whole)) {
    try {
      return std::stoll(text);  // "02" is 2
    } catch (const std::out_of_range&) {
      return std::stod(text);  // beyond any bound the documents set
    }
  }
  return text;
}

// Sample JSON values for a body field.
std::vector<json> value_samples(const JsonSchema& doc, const json& schema,
                                const std::set<std::string>& words, int depth) {
  std::vector<json> out{nullptr, true, false, 0, 1.5, "", "x", json::object(), json::array()};
  json flat = flattened(doc, schema);
  auto types = types_of(flat);
  bool texty = types.count("string") || flat.contains("enum") || flat.contains("pattern") ||
               flat.contains("const") || flat.contains("format");
  if (texty) {
    for (auto& s : text_samples(flat, words, 25000)) out.emplace_back(std::move(s));
    out.emplace_back(2026);
  }
  if (types.count("integer") || types.count("number")) {
    for (long long v : {-1LL, 0LL, 1LL, 2LL, 7LL}) out.emplace_back(v);
    for (const char* key : {"minimum", "maximum"}) {
      if (!flat.contains(key)) continue;
      auto n = flat[key].get<long long>();
      for (auto v : {n - 1, n, n + 1}) out.emplace_back(v);
    }
    out.emplace_back(18446744073709551615ULL);
    out.emplace_back(1e20);
    out.emplace_back(2.0);  // an integer to JSON Schema, as 2 is
    out.emplace_back(1e2);
    out.emplace_back(-0.0);
    out.emplace_back("2");
  }
  if (types.count("boolean")) out.emplace_back("true");
  for (const char* key : {"oneOf", "anyOf"}) {
    if (!flat.contains(key)) continue;
    for (const auto& branch : flat[key]) {
      for (auto& v : value_samples(doc, branch, words, depth)) out.push_back(std::move(v));
    }
  }
  if (depth < 3 && flat.contains("properties")) {
    for (auto p = flat["properties"].begin(); p != flat["properties"].end(); ++p) {
      for (auto& v : value_samples(doc, p.value(), words, depth + 1)) {
        out.push_back(json{{p.key(), std::move(v)}});
      }
    }
  }
  if (depth < 3 && flat.contains("items")) {
    int n = 0;
    for (auto& v : value_samples(doc, flat["items"], words, depth + 1)) {
      if (n++ < 12) out.push_back(json::array({std::move(v)}));
    }
  }
  std::vector<json> unique;
  std::set<std::string> seen;
  for (auto& v : out) {
    if (seen.insert(v.dump()).second) unique.push_back(std::move(v));
  }
  return unique;
}

std::set<std::string> words_of(const JsonSchema& doc) {
  std::set<std::string> words;
  for (const auto& route : routes_of_document(doc.root())) {
    std::size_t start = 1;
    while (start < route.pattern.size()) {
      auto end = route.pattern.find('/', start);
      if (end == std::string::npos) end = route.pattern.size();
      auto segment = route.pattern.substr(start, end - start);
      if (!segment.empty() && segment[0] != '{') words.insert(segment);
      start = end + 1;
    }
  }
  return words;
}

std::string fill(std::string pattern, const std::map<std::string, std::string>& values) {
  for (const auto& [name, value] : values) {
    auto at = pattern.find("{" + name + "}");
    if (at != std::string::npos) pattern.replace(at, name.size() + 2, value);
  }
  return pattern;
}

}  // namespace thidua::contract::input_parity
