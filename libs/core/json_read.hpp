#pragma once
// Lenient readers for JSON a service did not take from a person: another service's answer,
// a Zalo update, an event, a document it stored itself. A missing or mistyped field gives
// the fallback and never throws, so one odd field cannot stop a worker or a chat reply.
// Request bodies are read strictly instead (http/json_io: 400 with a Vietnamese detail).
#include <nlohmann/json.hpp>
#include <string>

namespace thidua::json_read {

// The string at `key` of object `j`; `fallback` when `j` is no object or the field is
// absent or not a string.
std::string text(const nlohmann::json& j, const char* key, const std::string& fallback = "");
// An id: Zalo and older events send ids as strings or as whole numbers; a number becomes its
// decimal digits. `fallback` for anything else.
std::string text_or_number(const nlohmann::json& j, const char* key,
                           const std::string& fallback = "");
// The whole number at `key` when it fits an int; `fallback` otherwise.
int integer(const nlohmann::json& j, const char* key, int fallback);

}  // namespace thidua::json_read
