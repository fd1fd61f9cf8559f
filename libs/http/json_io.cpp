#include "http/json_io.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <set>
#include <string_view>

#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "core/messages.hpp"
#include "core/text.hpp"

namespace thidua::http {
namespace {
// The fields whose text may run over several lines, in every service: a line break or a tab
// is allowed in them and in whatever they hold (the narratives of each content area), and
// nowhere else. The OpenAPI documents give exactly these the LongText pattern.
const std::set<std::string, std::less<>> kLongTexts{
    "reason",        // nominations: why the award, why a rejection
    "note",          // nominations: a transition's or a meeting's note
    "hold_reason",   // nominations: why a staff member is on hold
    "agenda",        // nominations: what a council meeting discussed (its minutes)
    "text",          // notifications: a message; nominations: an achievement
    "narratives",    // reports: a unit's text per content area
    "difficulties",  // reports
    "summary",       // nominations: an initiative, what it changes and where it is applied
    "proposals",     // reports: a unit's, and the school's own
    "situation",     // reports: what the board writes of the yearly report
    "direction",     // reports
    "strengths",     // reports
    "limitations",   // reports
    "next_year",     // reports
    "wording",       // reports, nominations: a document's template (Mẫu văn bản)
};

// Request bodies here are flat records; a deeper document is an attack on the recursive
// normalisation below (half a megabyte of '[' overflows the stack and kills the process).
constexpr std::size_t kMaxNesting = 32;

// The deepest nesting of arrays and objects in `text`, counted without parsing it.
std::size_t nesting_depth(std::string_view text) {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

// The first control character of `s` (C0, DEL or C1: Unicode's Cc) other than those in
// `allowed`, as U+XXXX; "" when there is none. `s` is UTF-8 (checked before).
std::string control_character(std::string_view s, std::string_view allowed) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0 || u_charType(c) != U_CONTROL_CHAR) continue;
    if (c < 0x80 && allowed.find(static_cast<char>(c)) != std::string_view::npos) continue;
    char out[12];
    std::snprintf(out, sizeof out, "U+%04X", static_cast<unsigned>(c));
    return out;
  }
  return "";
}

// NFC for every string and key, and no control characters in them: a line break or a tab
// only in a long text (`long_text`: the field, or one it sits in, is in kLongTexts). A number
// with a zero fraction (2.0, 1e2) is the integer it equals, as JSON Schema counts it, so every
// reader of integers takes it.
void normalise(nlohmann::json& value, const std::string& field, bool long_text) {
  if (value.is_number_float()) {
    constexpr double kExact = 9007199254740992.0;  // 2^53: every integer up to it is a double
    double d = value.get<double>();
    if (std::isfinite(d) && d == std::trunc(d) && std::fabs(d) <= kExact) {
      value = static_cast<long long>(d);
    }
  } else if (value.is_string()) {
    value = text::nfc(value.get_ref<const std::string&>());
    auto bad = control_character(value.get_ref<const std::string&>(), long_text ? "\n\t" : "");
    if (!bad.empty()) {
      throw bad_request("control_character",
                        common::say("problem.control_character",
                                    {{"field", text::excerpt(field, 64)}, {"char", bad}}));
    }
  } else if (value.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    for (auto it = value.begin(); it != value.end(); ++it) {
      auto key = text::nfc(it.key());
      if (auto bad = control_character(key, ""); !bad.empty()) {
        throw bad_request("control_character",
                          common::say("problem.control_character_in_name", {{"char", bad}}));
      }
      // Two names that differ only in how their accents are encoded are the same name.
      if (out.contains(key)) {
        throw bad_request("duplicate_key", common::say("problem.duplicate_key",
                                                       {{"field", text::excerpt(key, 64)}}));
      }
      auto v = it.value();
      normalise(v, key, long_text || kLongTexts.count(key) > 0);
      out[key] = std::move(v);
    }
    value = std::move(out);
  } else if (value.is_array()) {
    for (auto& v : value) normalise(v, field, long_text);
  }
}

// `s`, the value of `field`, when it has at most `max_chars` characters; 400 otherwise.
const std::string& within_length(const std::string& s, const std::string& field,
                                 std::size_t max_chars) {
  if (text::length(s) > max_chars) {
    throw bad_request("field_too_long",
                      common::say("problem.field_too_long",
                                  {{"field", field}, {"max", std::to_string(max_chars)}}));
  }
  return s;
}
}  // namespace

nlohmann::json parse_object(const Request& req) {
  if (!text::valid_utf8(req.body)) {
    throw bad_request("invalid_utf8", common::say("problem.invalid_utf8"));
  }
  if (nesting_depth(req.body) > kMaxNesting) {
    throw bad_request("nesting_too_deep", common::say("problem.nesting_too_deep",
                                                      {{"max", std::to_string(kMaxNesting)}}));
  }
  // A name given twice in one object is refused, not settled by the last one (which a
  // reader of the body could not tell): one set of names per object being read.
  std::vector<std::set<std::string>> names;
  std::string repeated;
  nlohmann::json::parser_callback_t track = [&](int, nlohmann::json::parse_event_t event,
                                                nlohmann::json& parsed) {
    using Event = nlohmann::json::parse_event_t;
    if (event == Event::object_start) {
      names.emplace_back();
    } else if (event == Event::object_end && !names.empty()) {
      names.pop_back();
    } else if (event == Event::key && !names.empty() && repeated.empty()) {
      const auto& name = parsed.get_ref<const std::string&>();
      if (!names.back().insert(name).second) repeated = name;
    }
    return true;
  };
  auto body = nlohmann::json::parse(req.body, track, /*allow_exceptions=*/false);
  if (body.is_discarded()) {
    throw bad_request("malformed_json", common::say("problem.malformed_json"));
  }
  if (!repeated.empty()) {
    throw bad_request("duplicate_key", common::say("problem.duplicate_key",
                                                   {{"field", text::excerpt(repeated, 64)}}));
  }
  if (!body.is_object()) {
    throw bad_request("expected_object", common::say("problem.expected_object"));
  }
  normalise(body, "", false);
  return body;
}

Response json(int status, const nlohmann::json& body) {
  return json_text(status, body.dump());
}

Response json_text(int status, std::string body) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

bool if_none_match_names(std::string_view header, std::string_view etag) {
  auto opaque = [](std::string_view tag) {
    if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
    return tag;
  };
  while (!header.empty()) {
    auto comma = header.find(',');
    auto item = header.substr(0, comma);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (item == "*" || (!item.empty() && opaque(item) == opaque(etag))) return true;
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return false;
}

Response cacheable_json(const Request& req, std::string body, int max_age_seconds) {
  std::string etag = "\"" + crypto::sha256_hex(body).substr(0, 32) + "\"";
  Response res;
  res.headers.emplace_back("ETag", etag);
  res.headers.emplace_back("Cache-Control", "public, max-age=" + std::to_string(max_age_seconds));
  if (if_none_match_names(req.header("if-none-match"), etag)) {
    res.status = 304;
    res.content_type.clear();
    return res;
  }
  res.body = std::move(body);
  return res;
}

Response too_many(const std::string& code, const std::string& detail,
                  std::chrono::seconds retry_after, const std::string& request_id) {
  auto res = problem(429, code, detail, request_id);
  res.headers.emplace_back("Retry-After",
                           std::to_string(std::max<long long>(retry_after.count(), 1)));
  return res;
}

std::string minutes_of(std::chrono::seconds s) {
  return std::to_string((s.count() + 59) / 60);
}

Response problem(int status, const std::string& code, const std::string& detail,
                 const std::string& request_id) {
  Response r;
  r.status = status;
  r.content_type = "application/problem+json";
  nlohmann::json body = {{"type", "https://thidua.example/problems/" + code},
                         {"title", code},
                         {"status", status},
                         {"code", code},
                         {"detail", detail}};
  if (!request_id.empty()) body["request_id"] = request_id;
  // A detail may quote what was sent: bytes that are no UTF-8 are replaced, never thrown on
  // (the answer to bad input must not fail in turn).
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

std::string required_string(const nlohmann::json& body, const std::string& field,
                            std::size_t max_chars) {
  auto it = body.find(field);
  if (it == body.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) {
    throw bad_request("missing_field", common::say("problem.missing_field", {{"field", field}}));
  }
  return within_length(it->get_ref<const std::string&>(), field, max_chars);
}

std::string optional_string(const nlohmann::json& body, const std::string& field,
                            const std::string& fallback, std::size_t max_chars) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return fallback;
  if (!it->is_string()) {
    throw bad_request("invalid_field", common::say("problem.not_a_string", {{"field", field}}));
  }
  return within_length(it->get_ref<const std::string&>(), field, max_chars);
}

bool integer_in(const nlohmann::json& j, long long min, long long max) {
  if (j.is_number_unsigned()) {
    auto v = j.get<unsigned long long>();
    return v <= static_cast<unsigned long long>(LLONG_MAX) && static_cast<long long>(v) >= min &&
           static_cast<long long>(v) <= max;
  }
  return j.is_number_integer() && j.get<long long>() >= min && j.get<long long>() <= max;
}

int optional_int(const nlohmann::json& body, const std::string& field, int fallback, int min,
                 int max) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return fallback;
  if (!integer_in(*it, min, max)) {
    throw bad_request("invalid_field",
                      common::say("problem.int_range", {{"field", field},
                                                        {"min", std::to_string(min)},
                                                        {"max", std::to_string(max)}}));
  }
  return it->get<int>();
}

bool optional_bool(const nlohmann::json& body, const std::string& field, bool fallback) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return fallback;
  if (!it->is_boolean()) {
    throw bad_request("invalid_field", common::say("problem.not_a_boolean", {{"field", field}}));
  }
  return it->get<bool>();
}

}  // namespace thidua::http
