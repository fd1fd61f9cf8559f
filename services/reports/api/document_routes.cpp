// Issued documents: issuing the yearly report, its versions, the register and the downloads
// of the frozen DOCX and PDF.
#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "core/movement.hpp"
#include "core/text.hpp"
#include "docs/issued.hpp"
#include "http/download.hpp"
#include "http/json_io.hpp"
#include "http/params.hpp"
#include "reports/api/routes.hpp"
#include "reports/domain/messages.hpp"

namespace thidua::reports {
namespace {
using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

json list_json(const std::vector<IssuedDocument>& list) {
  json out = json::array();
  for (const auto& d : list) out.push_back(to_json(d));
  return out;
}

std::optional<std::string> optional_line(const json& o, const char* field, std::size_t max) {
  if (!o.contains(field)) return std::nullopt;
  return text::one_line(http::required_string(o, field, max));
}

IssueRequest parse_issue(const Request& req) {
  json body = req.body.empty() ? json::object() : http::parse_object(req);
  IssueRequest r;
  r.reason = http::optional_string(body, "reason", "", 500);
  if (body.contains("signer")) {
    const auto& s = body["signer"];
    if (!s.is_object()) {
      throw bad_request("invalid_field", "Trường \"signer\" phải là một đối tượng {…}.");
    }
    r.signer_authority = optional_line(s, "authority", 80);
    r.signer_title = optional_line(s, "title", 80);
    r.signer_name = optional_line(s, "name", 80);
  }
  return r;
}

// The file a download asks for; 404 document_not_found for an unknown extension.
docs::FileRequest file_request(const Request& req) {
  auto f = docs::parse_file_request(req.param("file"));
  if (!f) throw not_found("document_not_found", say("document.bad_file"));
  return *f;
}
}  // namespace

void add_document_routes(http::Router& router, RouteDeps d) {
  auto& docs = d.documents;
  const Access readers = Access::roles_of({Role::Admin, Role::Council});
  const Access admin = Access::roles_of({Role::Admin});
  const std::string report = kApiBase + "/school-reports/{year}";

  router.add(Method::Post, report + "/documents", admin, [&docs](Request& req) -> Task<Response> {
    int year = path_year(req);
    auto issue = parse_issue(req);
    auto issued = co_await docs.issue_yearly(req.principal, year, issue);
    co_return http::json(201, to_json(issued));
  });
  router.add(Method::Get, report + "/documents", readers, [&docs](Request& req) -> Task<Response> {
    int year = path_year(req);
    auto list = co_await docs.yearly_versions(year);
    co_return http::json(200, json{{"year", year}, {"documents", list_json(list)}});
  });
  router.add(Method::Get, report + "/preview.docx", readers,
             [&docs](Request& req) -> Task<Response> {
               int year = path_year(req);
               auto bytes = co_await docs.preview_docx(year);
               std::string name = "Báo cáo năm " + std::to_string(year) + " - bản xem trước.docx";
               co_return http::download(std::move(bytes), docs::kDocxMediaType, name);
             });
  // The same as a page in the browser: the dashboard's preview (the edge lets its inline
  // style, and nothing else, run).
  router.add(Method::Get, report + "/html", readers, [&docs](Request& req) -> Task<Response> {
    int year = path_year(req);
    Response res;
    res.content_type = "text/html; charset=utf-8";
    res.body = co_await docs.preview_html(year);
    co_return res;
  });
  router.add(Method::Get, kApiBase + "/documents", readers,
             [&docs](Request& req) -> Task<Response> {
               std::optional<int> year;
               if (auto y = http::query_integer(req, "year", kFirstYear, kLastYear)) {
                 year = static_cast<int>(*y);
               }
               auto list = co_await docs.register_entries(year);
               co_return http::json(200, json{{"documents", list_json(list)}});
             });
  router.add(Method::Get, kApiBase + "/documents/{file}", readers,
             [&docs](Request& req) -> Task<Response> {
               auto [id, format] = file_request(req);
               if (format.empty()) {
                 auto entry = co_await docs.document(id);
                 co_return http::json(200, to_json(entry));
               }
               auto found = co_await docs.file(id, format);
               const std::string name = docs::file_name(found.first, format);
               co_return http::download(std::move(found.second), docs::media_type(format), name);
             });
}

}  // namespace thidua::reports
