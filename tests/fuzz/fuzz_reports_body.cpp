// The reports request bodies: PUT /contributions/{year}/{unit} and its submit
// (parse_contribution, reports/api/contribution_json.cpp) and PUT /deadlines/{id}
// (parse_deadline, reports/api/deadline_json.cpp), each after parse_object as the handlers
// do. The first byte picks the parser. What is accepted must come back unchanged from the
// stored form, and a deadline must be accepted again from its own to_json.
#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "fuzz_support.hpp"
#include "http/json_io.hpp"
#include "reports/api/contribution_json.hpp"
#include "reports/api/deadline_json.hpp"
#include "reports/store/stored_forms.hpp"

using namespace thidua::reports;
using nlohmann::json;
using thidua::fuzz::check;
using thidua::fuzz::round_trip;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  thidua::http::Request req;
  req.body = thidua::fuzz::text_of(data + 1, size - 1);
  try {
    json body = thidua::http::parse_object(req);
    if (data[0] % 2 == 0) {
      auto c = parse_contribution(body, "to-toan-tin", 2026, thidua::reports::default_indicators());
      for (const auto& [code, n] : c.figures) {
        check(n >= 0 && n <= kFigureMax, "a figure is within 0..kFigureMax");
      }
      std::string stored = stored_contribution(c);
      check(stored_contribution(contribution_from_stored(stored)) == stored,
            "a contribution is stored whole");
      check(to_json(c) == json::parse(stored), "the stored form is still the one written before");
    } else {
      round_trip(body, parse_deadline);
      auto d = parse_deadline(body);
      check(stored_deadline(deadline_from_stored(stored_deadline(d))) == stored_deadline(d),
            "a deadline is stored whole");
    }
  } catch (const thidua::ApiError& e) {
    // 400 for a malformed body, 422 for a well-formed one that breaks a rule between its
    // fields (a month without its day, the last year before the first).
    check(e.status() == 400 || e.status() == 422, "a bad body is a 400 or a 422");
  }
  return 0;
}
