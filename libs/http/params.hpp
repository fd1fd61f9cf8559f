#pragma once
// Numbers in a request's path and query string, all read by core/integer.hpp's one strict
// rule; anything else is a 400 whose Vietnamese detail names the parameter and its range.
#include <optional>
#include <string>

#include "http/types.hpp"

namespace thidua::http {

// ?name=…: nullopt when absent or empty (an empty parameter counts as absent); otherwise a
// whole number from `min` to `max`, or ApiError 400 invalid_<name>.
std::optional<long long> query_integer(const Request& req, const std::string& name, long long min,
                                       long long max);

// The {name} of the path: a whole number from `min` to `max`, or ApiError 400 invalid_<name>.
long long path_integer(const Request& req, const std::string& name, long long min, long long max);

// The {year} of the path: a year of the movement (core/movement.hpp, plan section I: 2025–2030),
// or ApiError 400 invalid_year saying so in the school's words (problem.path_year).
int path_year(const Request& req);

}  // namespace thidua::http
