// What the school website reads, without a token: the honours list.
#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "http/json_io.hpp"
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
               if (auto y = req.query("year"); y && !y->empty()) {
                 char* end = nullptr;
                 long v = std::strtol(y->c_str(), &end, 10);
                 if (*end != '\0' || v < 2025 || v > 2030) {
                   throw bad_request("invalid_year", "Năm phải từ 2025 đến 2030.");
                 }
                 year = static_cast<int>(v);
               }
               std::optional<std::string> award;
               if (auto a = req.query("award"); a && !a->empty()) award = *a;
               auto body = (co_await app.honours(year, award)).dump();
               // The website may cache for a minute and revalidate cheaply after that.
               std::string etag = "\"" + crypto::sha256_hex(body).substr(0, 32) + "\"";
               Response res;
               res.headers.emplace_back("ETag", etag);
               res.headers.emplace_back("Cache-Control", "public, max-age=60");
               if (req.header("if-none-match") == etag) {
                 res.status = 304;
                 res.content_type.clear();
                 co_return res;
               }
               res.body = std::move(body);
               co_return res;
             });
}

}  // namespace thidua::nominations
