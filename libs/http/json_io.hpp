#pragma once
// JSON in and out of handlers, with the checks every body gets.
#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

#include "http/types.hpp"

namespace thidua::http {

// Parses the body as a JSON object with every string in NFC. Malformed JSON, invalid
// UTF-8, a non-object, and a control character (U+0000–U+001F, U+007F–U+009F) in any key
// or string answer 400 before anything is changed; only long texts (reason, note,
// hold_reason, text, narratives, difficulties, proposals: the list in json_io.cpp) may
// hold line breaks and tabs. A number with a zero fraction (2.0) arrives as the integer.
nlohmann::json parse_object(const Request& req);
Response json(int status, const nlohmann::json& body);
// A body that is already JSON text (see core/json_writer.hpp).
Response json_text(int status, std::string body);
// A public JSON answer that caches may keep for `max_age_seconds` and then revalidate: it
// carries a strong ETag of the body, and is a bodiless 304 when If-None-Match names it.
Response cacheable_json(const Request& req, std::string body, int max_age_seconds);
// RFC 9110 13.1.2: "*" or a list of entity tags, compared weakly (W/ ignored).
bool if_none_match_names(std::string_view header, std::string_view etag);
Response problem(int status, const std::string& code, const std::string& detail,
                 const std::string& request_id);
// 429 `code` with `Retry-After` in whole seconds (at least 1).
Response too_many(const std::string& code, const std::string& detail,
                  std::chrono::seconds retry_after, const std::string& request_id);
// Seconds as a person reads them in a detail: whole minutes, rounded up ("5" for 241 s).
std::string minutes_of(std::chrono::seconds s);

// Typed field access that answers 400 with a Vietnamese detail naming the field.
std::string required_string(const nlohmann::json& body, const std::string& field,
                            std::size_t max_chars = 2000);
std::string optional_string(const nlohmann::json& body, const std::string& field,
                            const std::string& fallback = "", std::size_t max_chars = 2000);
// Whether `j` is an integer in [min, max]. An unsigned value past LLONG_MAX is compared as
// unsigned (read as long long it would wrap to a negative number: 18446744073709551615 is -1).
bool integer_in(const nlohmann::json& j, long long min, long long max);
// The field as an integer in [min, max]; `fallback` when absent or null. 400 invalid_field
// naming the field and the range otherwise.
int optional_int(const nlohmann::json& body, const std::string& field, int fallback, int min,
                 int max);
// The field as true or false; `fallback` when absent or null. 400 invalid_field otherwise.
bool optional_bool(const nlohmann::json& body, const std::string& field, bool fallback);

}  // namespace thidua::http
