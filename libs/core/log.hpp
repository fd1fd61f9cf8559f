#pragma once
// Structured logging: one JSON object per line on stdout. Fields are values the caller
// chose to log; secrets (tokens, URLs that carry the Zalo token) are never passed in.
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

namespace thidua::log {

// `level`: trace, debug, info, warn, error. Call once at start-up.
void init(std::string_view service, std::string_view level);
void flush();

void debug(std::string_view event, const nlohmann::json& fields);
void info(std::string_view event, const nlohmann::json& fields);
void warn(std::string_view event, const nlohmann::json& fields);
void error(std::string_view event, const nlohmann::json& fields);
void debug(std::string_view event);
void info(std::string_view event);
void warn(std::string_view event);
void error(std::string_view event);

}  // namespace thidua::log
