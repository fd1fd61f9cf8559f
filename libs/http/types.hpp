#pragma once
// What handlers see of HTTP: plain requests and responses, no Beast types.
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/roles.hpp"
#include "core/task.hpp"

namespace thidua::http {

enum class Method { Get, Head, Post, Put, Patch, Delete, Options, Other };
std::string_view method_name(Method m);
Method parse_method(std::string_view name);

using Headers = std::vector<std::pair<std::string, std::string>>;

struct Request {
  Method method = Method::Get;
  std::string target;  // as received: path and query
  std::string path;
  std::string query_string;
  Headers headers;  // names in lower case
  std::string body;
  std::unordered_map<std::string, std::string> params;  // from the route template
  std::string request_id;
  std::string route;  // the template that matched, for logs and metrics
  Principal principal;

  // "" when absent; `name` in lower case.
  std::string_view header(std::string_view name) const;
  // The decoded query parameter, or nullopt.
  std::optional<std::string> query(std::string_view name) const;
  const std::string& param(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  Headers headers;
  std::string body;
};

using Handler = std::function<Task<Response>(Request&)>;

}  // namespace thidua::http
