#include "docs/template_routes.hpp"

#include "core/roles.hpp"
#include "http/json_io.hpp"

namespace thidua::docs {
namespace {
using nlohmann::json;

json to_json(const TemplateInfo& t) {
  return {{"file", t.file},
          {"label", t.label},
          {"wording", t.wording},
          {"edited", t.edited},
          {"updated_by", t.updated_by.empty() ? json(nullptr) : json(t.updated_by)},
          {"updated_at", t.updated_at.empty() ? json(nullptr) : json(t.updated_at)}};
}
}  // namespace

void add_template_routes(http::Router& router, TemplateLibrary& library, const Clock& clock,
                         const std::string& base) {
  const Access admin = Access::roles_of({Role::Admin});
  using http::Method;
  using http::Request;
  using http::Response;
  router.add(Method::Get, base + "/templates", admin, [&library](Request&) -> Task<Response> {
    auto list = co_await library.all();
    json items = json::array();
    for (const auto& t : list) items.push_back(to_json(t));
    co_return http::json(200, json{{"templates", items}});
  });
  router.add(Method::Get, base + "/templates/{file}", admin,
             [&library](Request& req) -> Task<Response> {
               std::string file = req.param("file");
               auto t = co_await library.info(file);
               co_return http::json(200, to_json(t));
             });
  router.add(Method::Put, base + "/templates/{file}", admin,
             [&library, &clock](Request& req) -> Task<Response> {
               std::string file = req.param("file");
               auto body = http::parse_object(req);
               std::string wording = http::required_string(body, "wording", kTemplateMaxChars);
               std::string at = iso_instant(clock.now());
               auto t = co_await library.save(file, wording, req.principal.subject, at);
               co_return http::json(200, to_json(t));
             });
  router.add(Method::Delete, base + "/templates/{file}", admin,
             [&library](Request& req) -> Task<Response> {
               std::string file = req.param("file");
               auto t = co_await library.reset(file);
               co_return http::json(200, to_json(t));
             });
}

}  // namespace thidua::docs
