// A running service's answer against its OpenAPI document (check_answer), and schemas
// compared for shape only (without_annotations); contract_docs.hpp declares both.
#include <set>

#include "contract/contract_docs.hpp"
#include "contract/text_case.hpp"

namespace thidua::contract {
namespace {
using nlohmann::json;

std::string media_type_of(const std::string& content_type) {
  auto base = content_type.substr(0, content_type.find(';'));
  return lower(rtrim(base));
}

bool is_json_media(const std::string& media) {
  return media == "application/json" ||
         (media.size() > 5 && media.compare(media.size() - 5, 5, "+json") == 0);
}

// Follows a $ref chain (components/responses, components/headers, ...).
const json& deref(const JsonSchema& doc, const json& node) {
  const json* at = &node;
  for (int i = 0; i < 16 && at->is_object() && at->contains("$ref"); ++i) {
    at = &doc.resolve(at->at("$ref").get<std::string>());
  }
  return *at;
}

std::string keys_of(const json& object) {
  std::string out;
  for (auto it = object.begin(); it != object.end(); ++it) {
    out += (out.empty() ? "" : ", ") + it.key();
  }
  return out;
}
}  // namespace

std::vector<std::string> check_answer(const JsonSchema& openapi, const std::string& method,
                                      const std::string& pattern, const Answer& answer) {
  const std::string route = upper(method) + " " + pattern;
  std::vector<std::string> problems;
  const json& doc = openapi.root();
  if (!doc.contains("paths") || !doc["paths"].contains(pattern) ||
      !doc["paths"][pattern].contains(lower(method))) {
    return {route + ": not in the document"};
  }
  const json& operation = doc["paths"][pattern][lower(method)];
  if (!operation.contains("responses")) return {route + ": has no responses in the document"};
  const json& responses = operation["responses"];
  const std::string status = std::to_string(answer.status);
  const std::string range = status.substr(0, 1) + "XX";
  std::string key = responses.contains(status) ? status : responses.contains(range) ? range : "";
  if (key.empty()) {
    return {route + " answered " + status + ", a status its responses do not list (" +
            keys_of(responses) + "); body: " + answer.body};
  }
  const std::string where = route + " → " + key;
  const json& response = deref(openapi, responses[key]);

  const std::string media = media_type_of(answer.content_type);
  if (!response.contains("content")) {
    if (!answer.body.empty()) problems.push_back(where + ": documented without a body, got one");
  } else if (!response["content"].contains(media)) {
    problems.push_back(where + ": Content-Type \"" + answer.content_type +
                       "\" is not one of the documented " + keys_of(response["content"]));
  } else {
    const json& entry = response["content"][media];
    json schema = entry.contains("schema") ? entry["schema"] : json(true);
    json body;
    bool parsed = true;
    if (is_json_media(media)) {
      body = json::parse(answer.body, nullptr, false);
      if (body.is_discarded()) {
        problems.push_back(where + ": the body is not JSON: " + answer.body);
        parsed = false;
      }
    } else {
      body = answer.body;
    }
    if (parsed) {
      for (const auto& e : openapi.validate_against(body, schema, where + " " + media)) {
        problems.push_back(where + ": " + e);
      }
      if (media == "application/problem+json" && body.is_object() &&
          body.value("status", json()) != json(answer.status)) {
        problems.push_back(where + ": the problem's \"status\" is " +
                           body.value("status", json()).dump() + ", the HTTP status " + status);
      }
    }
  }

  if (response.contains("headers")) {
    for (auto h = response["headers"].begin(); h != response["headers"].end(); ++h) {
      const json& header = deref(openapi, h.value());
      auto found = answer.headers.find(lower(h.key()));
      if (found == answer.headers.end()) {
        if (header.value("required", false)) {
          problems.push_back(where + ": the required header " + h.key() + " is missing");
        }
        continue;
      }
      if (!header.contains("schema")) continue;
      const json& schema = header["schema"];
      json value = found->second;
      const json& resolved = deref(openapi, schema);
      if (resolved.contains("type") && resolved["type"] == "integer") {
        value = json::parse(found->second, nullptr, false);
      }
      for (const auto& e : openapi.validate_against(value, schema, where + " header")) {
        problems.push_back(where + ": header " + h.key() + ": " + e);
      }
    }
  }
  return problems;
}

nlohmann::json without_annotations(const nlohmann::json& schema) {
  static const std::set<std::string> drop{"description", "title",    "examples",
                                          "example",     "$comment", "deprecated"};
  if (schema.is_array()) {
    json out = json::array();
    for (const auto& v : schema) out.push_back(without_annotations(v));
    return out;
  }
  if (!schema.is_object()) return schema;
  json out = json::object();
  for (auto it = schema.begin(); it != schema.end(); ++it) {
    const auto& key = it.key();
    if (drop.count(key) || key.rfind("x-", 0) == 0) continue;
    if ((key == "properties" || key == "$defs") && it.value().is_object()) {
      // Names of properties and definitions, not keywords: keep every one.
      json named = json::object();
      for (auto p = it.value().begin(); p != it.value().end(); ++p) {
        named[p.key()] = without_annotations(p.value());
      }
      out[key] = std::move(named);
    } else {
      out[key] = without_annotations(it.value());
    }
  }
  return out;
}

}  // namespace thidua::contract
