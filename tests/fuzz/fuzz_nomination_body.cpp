// The nominations request bodies: POST/PUT /nominations (parse_draft) and the admin's
// PUT /catalogue/... (parse_unit, parse_staff, parse_period, parse_award_form) and the seed
// file (parse_catalogue), each after parse_object as the handlers do
// (nominations/api/*.cpp). The first byte picks the parser. What a parser accepts, it must
// accept again from its own to_json, unchanged; a quota must keep the number that was sent.
#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "fuzz_support.hpp"
#include "http/json_io.hpp"
#include "nominations/domain/catalogue.hpp"
#include "nominations/domain/nomination.hpp"

using namespace thidua::nominations;
using nlohmann::json;
using thidua::fuzz::check;
using thidua::fuzz::round_trip;

namespace {
// Each quota sent is stored as the same number, not a wrapped one.
void check_quotas(const json& body, const AwardForm& form) {
  auto sent = body.find("quotas");
  if (sent == body.end() || !sent->is_object()) return;
  json kept = to_json(form)["quotas"];
  for (auto p = sent->begin(); p != sent->end(); ++p) {
    for (auto s = p.value().begin(); s != p.value().end(); ++s) {
      check(kept[p.key()][s.key()].dump() == s.value().dump(), "a quota keeps its number");
    }
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  thidua::http::Request req;
  req.body = thidua::fuzz::text_of(data + 1, size - 1);
  try {
    json body = thidua::http::parse_object(req);
    switch (data[0] % 6) {
      case 0: {
        auto draft = parse_draft(body);
        check(to_json(draft_from_json(to_json(draft))) == to_json(draft),
              "a draft is stored whole");
        round_trip(body, parse_draft);
        break;
      }
      case 1:
        round_trip(body, parse_unit);
        break;
      case 2:
        round_trip(body, parse_staff);
        break;
      case 3:
        round_trip(body, parse_period);
        break;
      case 4:
        check_quotas(body, parse_award_form(body));
        round_trip(body, parse_award_form);
        break;
      case 5:
        parse_catalogue(body);
        break;
    }
  } catch (const thidua::ApiError& e) {
    check(e.status() == 400, "a bad body is a 400");
  }
  return 0;
}
