#pragma once
// Reading the contracts in proto/ and the route tables of the built services, for the
// contract tests.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "contract/json_schema.hpp"

namespace thidua::contract {

// proto/openapi/<service>.yaml and proto/events/<name>.schema.json in the source tree.
std::string openapi_path(const std::string& service);
std::string event_schema_path(const std::string& name);
// build/services/<service>/<service>
std::string service_binary(const std::string& service);

std::string read_text(const std::string& path);
nlohmann::json load_json_file(const std::string& path);
// A YAML file as JSON (yaml-cpp). Quoted scalars stay strings; plain ones become null,
// booleans or numbers when they read as such (YAML 1.2 core schema), else strings.
nlohmann::json load_yaml_as_json(const std::string& path);

struct RouteEntry {
  std::string method;   // upper case: GET, POST, ...
  std::string pattern;  // /api/nominations/v1/nominations/{id}
  bool is_public = false;
  int line = 0;  // in the YAML, for messages; 0 for routes from code
  std::string key() const { return method + " " + pattern; }
};

// The operations under `paths:` read line by line, by the layout rule at the top of each
// document: path keys at 2 spaces of indent, methods at 4, `security: []` at 6 marks a
// public operation. No YAML library involved, so a layout slip shows up as a difference
// from routes_of_document() below.
std::vector<RouteEntry> read_doc_routes_by_lines(const std::string& yaml_path);
// The same from the parsed document.
std::vector<RouteEntry> routes_of_document(const nlohmann::json& openapi);
// What `<binary> --routes` prints (METHOD PATTERN public|token per line). Throws with the
// output when the binary fails or prints a line it cannot read.
std::vector<RouteEntry> read_code_routes(const std::string& binary);

// What a running service answered.
struct Answer {
  int status = 0;
  std::string content_type;  // the header as sent
  std::string body;
  std::map<std::string, std::string> headers;  // names in lower case
};

// Every way `answer` departs from what the document says `METHOD pattern` answers with that
// status: the status must be listed, the media type must be one of its content entries, the
// body must validate against that schema (JSON bodies; a text body is validated as a
// string), headers the document marks required must be there, and documented headers that
// are there must validate. A problem+json body must also repeat the HTTP status.
// Empty when it conforms.
std::vector<std::string> check_answer(const JsonSchema& openapi, const std::string& method,
                                      const std::string& pattern, const Answer& answer);

// `schema` without annotations (description, title, examples, $comment, x-*), to compare
// two schemas for shape only.
nlohmann::json without_annotations(const nlohmann::json& schema);

}  // namespace thidua::contract
