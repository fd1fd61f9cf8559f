#include "nominations/api/routes.hpp"

#include "core/errors.hpp"
#include "http/json_io.hpp"

namespace thidua::nominations {
namespace {
const std::string kBase = "/api/nominations/v1";

bool valid_id(const std::string& id) {
  return !id.empty() && id.size() <= 20 &&
         std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
}
}  // namespace

void add_routes(http::Router& router, NominationStore& store) {
  router.add(http::Method::Post, kBase + "/nominations",
             Access::roles_of({Role::Admin, Role::Leader}),
             [&store](http::Request& req) -> Task<http::Response> {
               auto input = parse_new_nomination(http::parse_object(req));
               auto created = co_await store.create(std::move(input), req.principal.subject);
               auto res = http::json(201, to_json(created));
               res.headers.emplace_back("Location", kBase + "/nominations/" + created.id);
               co_return res;
             });

  router.add(http::Method::Get, kBase + "/nominations/{id}",
             Access::roles_of({Role::Admin, Role::Council, Role::Leader, Role::Service}),
             [&store](http::Request& req) -> Task<http::Response> {
               const auto& id = req.param("id");
               if (!valid_id(id)) {
                 throw bad_request("invalid_id", "Mã đề nghị phải là một số.");
               }
               auto doc = co_await store.get_json(id);
               if (!doc) throw not_found("nomination_not_found", "Không có đề nghị số " + id + ".");
               http::Response res;
               res.body = std::move(*doc);
               co_return res;
             });
}

}  // namespace thidua::nominations
