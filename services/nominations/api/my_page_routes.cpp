// "Trang của tôi" (issue 12) in one call: the page's data used to take a list of the
// nominations about the person, a list of those they wrote, one detail per nomination that
// had ended (for its decision or reason) and the whole register of initiatives. The lists
// keep list()'s visibility (NominationsApp::mine); each item adds its outcome.
#include "core/json_writer.hpp"
#include "http/json_io.hpp"
#include "nominations/api/record_json.hpp"
#include "nominations/api/routes.hpp"
#include "nominations/app/initiatives_app.hpp"
#include "nominations/app/rounds_app.hpp"

namespace thidua::nominations {
namespace {
using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

// As many as the page showed before (limit=100 on each list).
constexpr std::size_t kShown = 100;

// A page of summaries, each with `outcome` (proto: MyNominationPage); null when absent.
void write_page(JsonWriter& w, const std::optional<NominationPage>& page) {
  if (page) {
    w.raw(page_json(*page, true));
  } else {
    w.null();
  }
}
}  // namespace

void add_my_page_routes(http::Router& router, NominationsApp& nominations,
                        InitiativesApp& initiatives, RoundsApp& rounds, CatalogueStore& catalogue) {
  const Access people = Access::roles_of({Role::Admin, Role::Council, Role::Leader, Role::Staff});
  router.add(Method::Get, kApiBase + "/me/overview", people,
             [&nominations, &initiatives, &rounds, &catalogue](Request& req) -> Task<Response> {
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
               // The rounds open today: until when the person's unit may still propose.
               auto open_rounds = co_await rounds.open_today();
               auto c = co_await catalogue.load();
               json open = json::array();
               for (const auto& r : open_rounds)
                 open.push_back(round_public_json(r, *c, rounds.today()));
               JsonWriter w;
               w.begin_object().key("about");
               write_page(w, mine.about);
               w.key("initiatives").value(authored).key("rounds_open").value(open).key("wrote");
               write_page(w, mine.wrote);
               w.end_object();
               co_return http::json_text(200, w.take());
             });
}

}  // namespace thidua::nominations
