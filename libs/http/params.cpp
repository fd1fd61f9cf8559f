#include "http/params.hpp"

#include "core/errors.hpp"
#include "core/integer.hpp"
#include "core/messages.hpp"
#include "core/movement.hpp"

namespace thidua::http {
namespace {
// `key`: problem.query_integer or problem.path_integer, which say where the number is.
ApiError not_a_whole_number(std::string_view key, const std::string& name, long long min,
                            long long max) {
  return bad_request("invalid_" + name, common::say(key, {{"name", name},
                                                          {"min", std::to_string(min)},
                                                          {"max", std::to_string(max)}}));
}
}  // namespace

std::optional<long long> query_integer(const Request& req, const std::string& name, long long min,
                                       long long max) {
  auto text = req.query(name);
  if (!text || text->empty()) return std::nullopt;
  auto value = parse_integer_in(*text, min, max);
  if (!value) throw not_a_whole_number("problem.query_integer", name, min, max);
  return value;
}

long long path_integer(const Request& req, const std::string& name, long long min, long long max) {
  auto value = parse_integer_in(req.param(name), min, max);
  if (!value) throw not_a_whole_number("problem.path_integer", name, min, max);
  return *value;
}

int path_year(const Request& req) {
  auto value = parse_integer_in(req.param("year"), kFirstYear, kLastYear);
  if (!value) {
    throw bad_request("invalid_year",
                      common::say("problem.path_year", {{"first", std::to_string(kFirstYear)},
                                                        {"last", std::to_string(kLastYear)}}));
  }
  return static_cast<int>(*value);
}

}  // namespace thidua::http
