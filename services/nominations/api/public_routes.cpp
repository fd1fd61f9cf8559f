// What the school website reads, without a token: the honours list.
#include "core/errors.hpp"
#include "core/movement.hpp"
#include "http/json_io.hpp"
#include "http/params.hpp"
#include "nominations/api/record_json.hpp"
#include "nominations/api/routes.hpp"

namespace thidua::nominations {
namespace {
using http::Method;
using http::Request;
using http::Response;
}  // namespace

void add_public_routes(http::Router& router, RouteDeps d) {
  auto& app = d.app;
  router.add(Method::Get, kApiBase + "/public/honours", Access::anyone(),
             [&app](Request& req) -> Task<Response> {
               std::optional<int> year;
               if (auto y = http::query_integer(req, "year", kFirstYear, kLastYear)) {
                 year = static_cast<int>(*y);
               }
               auto award = query_catalogue_id(req, "award");
               auto honours = co_await app.honours(year, award);
               // The website may cache for a minute and revalidate cheaply after that.
               co_return http::cacheable_json(req, honours_json(honours).dump(), 60);
             });
}

}  // namespace thidua::nominations
