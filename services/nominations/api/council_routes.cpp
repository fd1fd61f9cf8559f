// The council's meetings for its screen (issue 12, "Hội đồng"): the list with the votes taken
// at each meeting, and the correction of one. Recording a meeting is POST /council/meetings
// (nomination_routes.cpp); a vote, PUT /nominations/{id}/vote.
#include "core/ids.hpp"
#include "http/json_io.hpp"
#include "nominations/api/council_codec.hpp"
#include "nominations/api/routes.hpp"

namespace thidua::nominations {
namespace {
using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

// A meeting as recorded, with `votes` (what the minutes list: nominee, award form, tally,
// passed) and `correction` (what domain/meeting_correction.hpp still allows).
json council_meeting_json(const NominationsApp::CouncilMeeting& m) {
  json votes = json::array();
  for (const auto& v : m.votes) {
    votes.push_back({{"nomination_id", v.nomination_id},
                     {"subject_name", v.name},
                     {"award_label", v.award},
                     {"yes", v.yes},
                     {"no", v.no},
                     {"abstain", v.abstain},
                     {"passed", v.passed}});
  }
  json out = meeting_json(m.record);
  out["votes"] = std::move(votes);
  out["correction"] = {
      {"allowed", m.lock.editable()},
      {"counts_fixed", m.lock.counts_fixed()},
      {"decided_nomination_id", m.lock.editable() ? json(nullptr) : json(m.lock.decided_id)}};
  return out;
}
}  // namespace

void add_council_routes(http::Router& router, RouteDeps d) {
  auto& app = d.app;
  const Access council = Access::roles_where(keeps_council_records);
  const std::string base = kApiBase + "/council/meetings";
  router.add(Method::Get, base, council, [&app](Request&) -> Task<Response> {
    auto meetings = co_await app.council_meetings();
    json items = json::array();
    for (const auto& m : meetings) items.push_back(council_meeting_json(m));
    co_return http::json(200, json{{"items", std::move(items)}});
  });
  router.add(Method::Put, base + "/{id}", council, [&app](Request& req) -> Task<Response> {
    json body = http::parse_object(req);
    const std::string id = checked_id(req, "id", ids::number);
    // The same parser as POST's: a correction is the whole meeting again.
    auto form = parse_meeting_form(body);
    auto corrected = co_await app.correct_meeting(req.principal, id, std::move(form));
    co_return http::json(200, council_meeting_json(corrected));
  });
}

}  // namespace thidua::nominations
