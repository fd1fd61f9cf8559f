// The nominations request bodies: POST/PUT /nominations (parse_draft) and the admin's
// PUT /catalogue/... (parse_unit, parse_staff, parse_period, parse_award_form) and the seed
// file (parse_catalogue), each after parse_object as the handlers do
// (nominations/api/*.cpp). The first byte picks the parser. What a parser accepts, it must
// accept again from its own to_json, unchanged; a quota must keep the number that was sent;
// what the store writes of it, it reads back unchanged.
#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "fuzz_support.hpp"
#include "http/json_io.hpp"
#include "nominations/api/catalogue_codec.hpp"
#include "nominations/api/nomination_codec.hpp"
#include "nominations/store/catalogue_codec.hpp"
#include "nominations/store/nomination_codec.hpp"

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

// What the store writes of an accepted entry, it reads back unchanged (store/catalogue_codec).
template <class T, class Read>
void stored_whole(const T& entry, Read read) {
  auto kept = stored::to_json(entry);
  check(stored::to_json(read(kept)) == kept, "an entry is stored whole");
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
        auto kept = stored::to_json(draft);
        check(stored::to_json(stored::read_draft(kept.dump())) == kept, "a draft is stored whole");
        check(stored::to_json(parse_draft(kept)) == kept, "a draft's body accepts its own form");
        break;
      }
      case 1:
        round_trip(body, parse_unit);
        stored_whole(parse_unit(body), stored::read_unit);
        break;
      case 2:
        round_trip(body, parse_staff);
        stored_whole(parse_staff(body), stored::read_staff);
        break;
      case 3:
        round_trip(body, parse_period);
        stored_whole(parse_period(body), stored::read_period);
        break;
      case 4:
        check_quotas(body, parse_award_form(body));
        round_trip(body, parse_award_form);
        stored_whole(parse_award_form(body), stored::read_award_form);
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
