// The checks every request body gets (libs/http/json_io.cpp): parse_object either answers
// an ApiError (400) or gives a JSON object whose every string and key is valid UTF-8 in NFC,
// without control characters (a line break or a tab only in a string);
// the typed field readers answer only ApiError too.
#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "fuzz_support.hpp"
#include "http/json_io.hpp"

using thidua::fuzz::check;
namespace text = thidua::text;

namespace {
bool normalised(const std::string& s) {
  return text::valid_utf8(s) && text::nfc(s) == s;
}

// No control character but a line break or a tab (`in_value`: those only in values).
bool no_controls(const std::string& s, bool in_value) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && !(in_value && (c == '\n' || c == '\t'))) || c == 0x7F) return false;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F) return false;
  }
  return true;
}

void check_strings(const nlohmann::json& v) {
  if (v.is_string()) {
    check(normalised(v.get_ref<const std::string&>()), "every string is NFC");
    check(no_controls(v.get_ref<const std::string&>(), true),
          "no control character in a string but a line break or a tab");
  } else if (v.is_object()) {
    for (auto it = v.begin(); it != v.end(); ++it) {
      check(normalised(it.key()), "every key is NFC");
      check(no_controls(it.key(), false), "no control character in a key");
      check_strings(it.value());
    }
  } else if (v.is_array()) {
    for (const auto& e : v) check_strings(e);
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  thidua::http::Request req;
  req.body = thidua::fuzz::text_of(data, size);
  nlohmann::json body;
  try {
    body = thidua::http::parse_object(req);
  } catch (const thidua::ApiError& e) {
    check(e.status() == 400, "a bad body is a 400");
    return 0;
  }
  check(body.is_object(), "a body is an object");
  check_strings(body);
  for (const char* field : {"text", "name", "id", "period"}) {
    try {
      thidua::http::required_string(body, field, 64);
    } catch (const thidua::ApiError&) {
    }
    try {
      thidua::http::optional_string(body, field, "", 64);
    } catch (const thidua::ApiError&) {
    }
  }
  return 0;
}
