// "Trang của tôi" (issue 12) in one call: the page's data used to take a list of the
// nominations about the person, a list of those they wrote, one detail per nomination that
// had ended (for its decision or reason) and the whole register of initiatives. The lists
// keep list()'s visibility (NominationsApp::mine); each item adds its outcome.
#include "http/json_io.hpp"
#include "nominations/api/routes.hpp"
#include "nominations/app/initiatives_app.hpp"
#include "nominations/app/nomination_events.hpp"

namespace thidua::nominations {
namespace {
using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

// As many as the page showed before (limit=100 on each list).
constexpr std::size_t kShown = 100;

// A page of summaries, each with `outcome` (proto: MyNominationPage); null when absent.
json page_with_outcomes(const std::optional<NominationPage>& page) {
  if (!page) return nullptr;
  json items = json::array();
  for (const auto& r : page->items) {
    json item = summary_json(r);
    item["outcome"] = r.outcome.is_null() ? json::object() : r.outcome;
    items.push_back(std::move(item));
  }
  return {{"items", std::move(items)},
          {"next_after", page->next_after ? json(*page->next_after) : json(nullptr)}};
}
}  // namespace

void add_my_page_routes(http::Router& router, NominationsApp& nominations,
                        InitiativesApp& initiatives) {
  const Access people = Access::roles_of({Role::Admin, Role::Council, Role::Leader, Role::Staff});
  router.add(Method::Get, kApiBase + "/me/overview", people,
             [&nominations, &initiatives](Request& req) -> Task<Response> {
               auto mine = co_await nominations.mine(req.principal, kShown);
               json authored = nullptr;
               // Only someone on the staff list authors initiatives (mine() has looked).
               if (mine.about) {
                 InitiativeFilter filter;
                 filter.author_id = req.principal.subject;
                 auto entries = co_await initiatives.list(filter);
                 json items = json::array();
                 for (const auto& e : entries) items.push_back(initiative_json(e));
                 authored = {{"items", std::move(items)}};
               }
               json out = {{"about", page_with_outcomes(mine.about)},
                           {"wrote", page_with_outcomes(mine.wrote)},
                           {"initiatives", std::move(authored)}};
               co_return http::json(200, out);
             });
}

}  // namespace thidua::nominations
