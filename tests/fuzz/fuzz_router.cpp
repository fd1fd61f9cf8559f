// The router's path matching (libs/http/router.cpp) on any request target, against the route
// table of the three services (proto/openapi/*.yaml), and the query reading of
// libs/http/types.cpp. The first byte picks the method; the rest is the target, split at '?'
// as the server does. A match must be the route the path spells once each segment is
// percent-decoded, with every parameter non-empty (it may hold a '/' written %2F).
#include <algorithm>

#include "core/errors.hpp"
#include "fuzz_support.hpp"
#include "http/router.hpp"

using namespace thidua::http;
using thidua::Access;
using thidua::fuzz::check;

namespace {
const Router& table() {
  static const Router router = [] {
    Router r;
    const std::pair<Method, const char*> routes[] = {
        {Method::Get, "/healthz"},
        {Method::Get, "/readyz"},
        {Method::Get, "/metrics"},
        {Method::Get, "/api/nominations/v1/nominations"},
        {Method::Post, "/api/nominations/v1/nominations"},
        {Method::Get, "/api/nominations/v1/nominations/{id}"},
        {Method::Put, "/api/nominations/v1/nominations/{id}"},
        {Method::Get, "/api/nominations/v1/nominations/{id}/history"},
        {Method::Post, "/api/nominations/v1/nominations/{id}/transitions"},
        {Method::Put, "/api/nominations/v1/nominations/{id}/vote"},
        {Method::Get, "/api/nominations/v1/nominations/{id}/dossier"},
        {Method::Put, "/api/nominations/v1/nominations/{id}/dossier/{item}"},
        {Method::Get, "/api/nominations/v1/me"},
        {Method::Get, "/api/nominations/v1/quotas"},
        {Method::Post, "/api/nominations/v1/council/meetings"},
        {Method::Get, "/api/nominations/v1/catalogue"},
        {Method::Put, "/api/nominations/v1/catalogue/units/{id}"},
        {Method::Put, "/api/nominations/v1/catalogue/periods/{id}"},
        {Method::Put, "/api/nominations/v1/catalogue/award-forms/{id}"},
        {Method::Put, "/api/nominations/v1/catalogue/staff/{id}"},
        {Method::Delete, "/api/nominations/v1/catalogue/staff/{id}"},
        {Method::Post, "/api/nominations/v1/tokens"},
        {Method::Delete, "/api/nominations/v1/tokens/{id}"},
        {Method::Post, "/api/nominations/v1/staff/{id}/link-codes"},
        {Method::Post, "/api/nominations/v1/zalo-links"},
        {Method::Get, "/api/nominations/v1/staff/by-zalo/{id}"},
        {Method::Get, "/api/nominations/v1/public/honours"},
        {Method::Get, "/api/reports/v1/deadlines/next"},
        {Method::Get, "/api/reports/v1/deadlines"},
        {Method::Put, "/api/reports/v1/deadlines/{id}"},
        {Method::Get, "/api/reports/v1/reminders/{year}"},
        {Method::Get, "/api/reports/v1/contributions/{year}"},
        {Method::Get, "/api/reports/v1/contributions/{year}/{unit}"},
        {Method::Put, "/api/reports/v1/contributions/{year}/{unit}"},
        {Method::Post, "/api/reports/v1/contributions/{year}/{unit}/submit"},
        {Method::Get, "/api/reports/v1/school-reports/{year}"},
        {Method::Get, "/api/reports/v1/school-reports/{year}/html"},
        {Method::Post, "/api/reports/v1/school-reports/{year}/sent"},
        {Method::Get, "/api/reports/v1/public/figures"},
        {Method::Post, "/api/notifications/v1/messages"},
        {Method::Get, "/api/notifications/v1/messages"},
        {Method::Get, "/api/notifications/v1/messages/{id}"},
        {Method::Get, "/api/notifications/v1/dead-letters"},
        {Method::Post, "/api/notifications/v1/dead-letters/{id}/retry"},
        {Method::Delete, "/api/notifications/v1/dead-letters/{id}"},
        {Method::Post, "/api/notifications/v1/bot/zalo/webhook"},
    };
    for (const auto& [method, pattern] : routes) r.add(method, pattern, Access::anyone(), {});
    return r;
  }();
  return router;
}

// Whether each segment of `path`, decoded once, is the route's literal there or the value
// of its parameter there.
bool spells(const Route& route, const std::unordered_map<std::string, std::string>& params,
            const std::string& path) {
  std::vector<std::string> decoded;
  for (std::size_t start = 1; start <= path.size();) {
    auto end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    auto segment = decode_segment(std::string_view(path).substr(start, end - start));
    if (!segment) return false;
    decoded.push_back(*segment);
    start = end + 1;
  }
  if (path.empty() || path[0] != '/' || decoded.size() != route.segments.size()) return false;
  for (std::size_t i = 0; i < decoded.size(); ++i) {
    const auto& seg = route.segments[i];
    bool param = seg.size() > 2 && seg.front() == '{' && seg.back() == '}';
    if (decoded[i] != (param ? params.at(seg.substr(1, seg.size() - 2)) : seg)) return false;
  }
  return true;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  Request req;
  req.method = static_cast<Method>(data[0] % 8);
  req.target = thidua::fuzz::text_of(data + 1, size - 1);
  auto q = req.target.find('?');
  req.path = req.target.substr(0, q);
  if (q != std::string::npos) req.query_string = req.target.substr(q + 1);

  auto match = table().match(req.method, req.path, req.params);
  check(match.path_known || match.allowed.empty(), "methods are listed only for a known path");
  if (match.route) {
    Method wanted = req.method == Method::Head ? Method::Get : req.method;
    check(match.route->method == wanted, "the route has the method asked for");
    check(match.path_known, "a matched path is known");
    check(std::find(match.allowed.begin(), match.allowed.end(), wanted) != match.allowed.end(),
          "the matched method is allowed");
    for (const auto& [name, value] : req.params) {
      check(!value.empty(), "a parameter is never empty");
    }
    check(spells(*match.route, req.params, req.path), "the route spells the decoded path");
  }
  check(!match.malformed || (!match.route && !match.path_known),
        "a path with a broken escape matches nothing");
  for (const char* name : {"period", "limit", "after", "year", "state"}) {
    try {
      req.query(name);
    } catch (const thidua::ApiError& e) {
      // A value whose escapes are not UTF-8 is refused (types.cpp), which the pipeline
      // answers with 400; nothing else may leave query().
      check(e.status() == 400 && e.code() == "invalid_utf8",
            "only a value that is not UTF-8 is refused");
    }
  }
  return 0;
}
