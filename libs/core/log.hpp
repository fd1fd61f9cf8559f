#pragma once
// Structured logging: one JSON object per line on stdout. Fields are values the caller
// chose to log; secrets (tokens, URLs that carry the Zalo token) are never passed in.
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

#include "core/json_writer.hpp"

namespace thidua::log {

// `level`: trace, debug, info, warn, error. Call once at start-up.
void init(std::string_view service, std::string_view level);
void flush();

// The members of a log line, escaped as they are added (through JsonWriter). The access log
// writes one line per request; building it here instead of as a JSON tree keeps it off the
// request's CPU bill.
class Fields {
 public:
  Fields() { w_.begin_object(); }
  Fields& add(std::string_view key, std::string_view value) {
    w_.field(key, value);
    return *this;
  }
  Fields& add(std::string_view key, const char* value) { return add(key, std::string_view(value)); }
  Fields& add(std::string_view key, const std::string& value) {
    return add(key, std::string_view(value));
  }
  Fields& add(std::string_view key, long long value) {
    w_.key(key).number(value);
    return *this;
  }
  Fields& add(std::string_view key, int value) { return add(key, static_cast<long long>(value)); }
  // Fixed-point with `decimals` digits (durations in milliseconds to the microsecond).
  Fields& add(std::string_view key, double value, int decimals = 3) {
    w_.key(key).number(value, decimals);
    return *this;
  }
  // `json` must already be valid JSON text.
  Fields& add_raw(std::string_view key, std::string_view json) {
    w_.key(key).raw(json);
    return *this;
  }
  // "\"key\":value,…" in the order they were added, without the braces ("" when none).
  std::string_view members() const { return std::string_view(w_.text()).substr(1); }

 private:
  JsonWriter w_;
};

void debug(std::string_view event, const Fields& fields);
void info(std::string_view event, const Fields& fields);
void warn(std::string_view event, const Fields& fields);
void error(std::string_view event, const Fields& fields);
void debug(std::string_view event, const nlohmann::json& fields);
void info(std::string_view event, const nlohmann::json& fields);
void warn(std::string_view event, const nlohmann::json& fields);
void error(std::string_view event, const nlohmann::json& fields);
void debug(std::string_view event);
void info(std::string_view event);
void warn(std::string_view event);
void error(std::string_view event);

}  // namespace thidua::log
