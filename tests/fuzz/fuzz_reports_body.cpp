// The reports request bodies: PUT /contributions/{year}/{unit} and its submit
// (parse_contribution, reports/domain/contribution.cpp) and PUT /deadlines/{id}
// (parse_deadline, reports/domain/deadline.cpp), each after parse_object as the handlers
// do. The first byte picks the parser. What is accepted must come back unchanged from the
// stored form, and a deadline must be accepted again from its own to_json.
#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "fuzz_support.hpp"
#include "http/json_io.hpp"
#include "reports/domain/contribution.hpp"
#include "reports/domain/deadline.hpp"

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
      json stored = to_json(c);
      check(to_json(contribution_from_json(stored)) == stored, "a contribution is stored whole");
    } else {
      round_trip(body, parse_deadline);
    }
  } catch (const thidua::ApiError& e) {
    // 400 for a malformed body, 422 for a well-formed one that breaks a rule between its
    // fields (a month without its day, the last year before the first).
    check(e.status() == 400 || e.status() == 422, "a bad body is a 400 or a 422");
  }
  return 0;
}
