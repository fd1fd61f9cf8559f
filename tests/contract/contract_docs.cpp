#include "contract/contract_docs.hpp"

#include <yaml-cpp/yaml.h>

#include <sys/wait.h>
#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

#include "contract/text_case.hpp"
#include "support/process.hpp"

namespace thidua::contract {
namespace {
using nlohmann::json;

const std::set<std::string>& http_methods() {
  static const std::set<std::string> methods{"get",     "put",  "post",  "delete",
                                             "options", "head", "patch", "trace"};
  return methods;
}

std::string unquote(std::string s) {
  if (s.size() >= 2 && (s.front() == '\'' || s.front() == '"') && s.back() == s.front()) {
    return s.substr(1, s.size() - 2);
  }
  return s;
}

json scalar_to_json(const YAML::Node& node) {
  const std::string& text = node.Scalar();
  if (node.Tag() == "!") return text;  // quoted or block scalar: a string whatever it reads
  static const std::regex integer(R"(^[-+]?[0-9]+$)");
  static const std::regex real(R"(^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$)");
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") {
    return nullptr;
  }
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  if (std::regex_match(text, integer)) return std::stoll(text);
  if (std::regex_match(text, real)) return std::stod(text);
  return text;
}

json to_json(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null:
      return nullptr;
    case YAML::NodeType::Scalar:
      return scalar_to_json(node);
    case YAML::NodeType::Sequence: {
      json out = json::array();
      for (const auto& item : node) out.push_back(to_json(item));
      return out;
    }
    case YAML::NodeType::Map: {
      json out = json::object();
      for (const auto& kv : node) {
        auto key = kv.first.Scalar();
        if (out.contains(key)) {
          throw std::runtime_error("duplicate key \"" + key + "\" at line " +
                                   std::to_string(kv.first.Mark().line + 1));
        }
        out[key] = to_json(kv.second);
      }
      return out;
    }
    case YAML::NodeType::Undefined:
      break;
  }
  return nullptr;
}

}  // namespace

std::string openapi_path(const std::string& service) {
  return testing::source_dir() + "/proto/openapi/" + service + ".yaml";
}

std::string event_schema_path(const std::string& name) {
  return testing::source_dir() + "/proto/events/" + name + ".schema.json";
}

std::string service_binary(const std::string& service) {
  return testing::build_dir() + "/services/" + service + "/" + service;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

nlohmann::json load_json_file(const std::string& path) {
  try {
    return json::parse(read_text(path));
  } catch (const json::parse_error& e) {
    throw std::runtime_error(path + ": not valid JSON: " + e.what());
  }
}

nlohmann::json load_yaml_as_json(const std::string& path) {
  try {
    return to_json(YAML::LoadFile(path));
  } catch (const YAML::Exception& e) {
    throw std::runtime_error(path + ": not valid YAML: " + e.what());
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(path + ": " + e.what());
  }
}

std::vector<RouteEntry> read_doc_routes_by_lines(const std::string& yaml_path) {
  std::istringstream in(read_text(yaml_path));
  std::vector<RouteEntry> routes;
  std::string line;
  int number = 0;
  bool in_paths = false;
  std::string path;
  RouteEntry* current = nullptr;
  while (std::getline(in, line)) {
    ++number;
    line = rtrim(line);
    auto first = line.find_first_not_of(' ');
    if (first == std::string::npos || line[first] == '#') continue;
    if (first == 0) {
      in_paths = line == "paths:";
      current = nullptr;
      continue;
    }
    if (!in_paths) continue;
    std::string text = line.substr(first);
    if (first == 2) {
      if (text.back() != ':') {
        throw std::runtime_error(yaml_path + ":" + std::to_string(number) +
                                 ": a path key at 2 spaces of indent must end with ':'");
      }
      path = unquote(text.substr(0, text.size() - 1));
      current = nullptr;
    } else if (first == 4) {
      current = nullptr;
      if (text.back() != ':') continue;
      auto key = text.substr(0, text.size() - 1);
      if (!http_methods().count(key)) continue;  // parameters:, summary:, ...
      routes.push_back({upper(key), path, false, number});
      current = &routes.back();
    } else if (first == 6 && current) {
      std::string compact;
      for (char c : text) {
        if (c != ' ') compact += c;
      }
      if (compact == "security:[]") current->is_public = true;
    }
  }
  return routes;
}

std::vector<RouteEntry> routes_of_document(const nlohmann::json& openapi) {
  std::vector<RouteEntry> routes;
  if (!openapi.contains("paths") || !openapi["paths"].is_object()) return routes;
  for (auto p = openapi["paths"].begin(); p != openapi["paths"].end(); ++p) {
    if (!p.value().is_object()) continue;
    for (auto m = p.value().begin(); m != p.value().end(); ++m) {
      if (!http_methods().count(m.key())) continue;
      bool is_public = m.value().is_object() && m.value().contains("security") &&
                       m.value()["security"].is_array() && m.value()["security"].empty();
      routes.push_back({upper(m.key()), p.key(), is_public, 0});
    }
  }
  return routes;
}

std::vector<RouteEntry> read_code_routes(const std::string& binary) {
  std::string command = "'" + binary + "' --routes 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run " + command);
  std::string output;
  std::array<char, 4096> buf{};
  while (std::size_t n = std::fread(buf.data(), 1, buf.size(), pipe)) output.append(buf.data(), n);
  int status = ::pclose(pipe);
  if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error(command + " failed (status " + std::to_string(status) +
                             "); it printed:\n" + output);
  }
  static const std::regex line_re(R"(^([A-Z]+) (/\S*) (public|token)$)");
  std::vector<RouteEntry> routes;
  std::istringstream in(output);
  std::string line;
  while (std::getline(in, line)) {
    line = rtrim(line);
    if (line.empty()) continue;
    std::smatch m;
    if (!std::regex_match(line, m, line_re)) {
      throw std::runtime_error(command + " printed a line that is not \"METHOD /pattern " +
                               "public|token\": " + line + "\nwhole output:\n" + output);
    }
    routes.push_back({m[1], m[2], m[3] == "public", 0});
  }
  return routes;
}

}  // namespace thidua::contract
