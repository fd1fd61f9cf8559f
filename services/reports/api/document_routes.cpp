// Issued documents: issuing the yearly report, its versions, the register and the downloads
// of the frozen DOCX and PDF.
#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "core/movement.hpp"
#include "core/text.hpp"
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

const std::string kDocx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

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

// "2026-bc-01.pdf" → ("2026-bc-01", "pdf"); no extension: the entry as JSON ("").
std::pair<std::string, std::string> split_file(const std::string& file) {
  for (const char* ext : {".docx", ".pdf"}) {
    std::string e = ext;
    if (file.size() > e.size() && file.compare(file.size() - e.size(), e.size(), e) == 0) {
      return {file.substr(0, file.size() - e.size()), e.substr(1)};
    }
  }
  if (file.find('.') != std::string::npos) {
    throw not_found("document_not_found", say("document.bad_file"));
  }
  return {file, ""};
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
               co_return http::download(std::move(bytes), kDocx, name);
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
               auto [id, format] = split_file(req.param("file"));
               if (format.empty()) {
                 auto entry = co_await docs.document(id);
                 co_return http::json(200, to_json(entry));
               }
               auto found = co_await docs.file(id, format);
               const auto& entry = found.first;
               const std::string& name = format == "pdf" ? entry.pdf_name : entry.docx_name;
               std::string type = format == "pdf" ? "application/pdf" : kDocx;
               co_return http::download(std::move(found.second), type, name);
             });
}

}  // namespace thidua::reports
