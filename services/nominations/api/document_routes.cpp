// The documents of an award round: issuing the tờ trình, the principal's quyết định, the
// council meeting's biên bản and a nomination's báo cáo thành tích, each also previewed as a
// page before it is issued; the school's register, and the downloads of the frozen DOCX and
// PDF.
#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "core/movement.hpp"
#include "core/text.hpp"
#include "docs/html_page.hpp"
#include "docs/issued.hpp"
#include "docs/xlsx_table.hpp"
#include "http/download.hpp"
#include "http/json_io.hpp"
#include "http/params.hpp"
#include "nominations/api/catalogue_codec.hpp"
#include "nominations/api/routes.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {
namespace {
using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

json list_json(const std::vector<docs::IssuedDocument>& list) {
  json out = json::array();
  for (const auto& d : list) out.push_back(docs::to_json(d));
  return out;
}

// A signer's line: absent or null keeps the configured one; "" clears it (the principal
// signing in their own name has no "KT." line).
std::optional<std::string> optional_line(const json& o, const char* field, std::size_t max) {
  if (!o.contains(field) || o[field].is_null()) return std::nullopt;
  return text::one_line(http::optional_string(o, field, "", max));
}

// The reason and the signer's lines, as every issue takes them.
void parse_reason_and_signer(const json& body, RoundIssueRequest& r) {
  r.reason = http::optional_string(body, "reason", "", 500);
  if (body.contains("signer") && !body["signer"].is_null()) {
    const auto& s = body["signer"];
    if (!s.is_object()) throw bad_request("invalid_field", say("problem.signer_object"));
    r.signer_authority = optional_line(s, "authority", 80);
    r.signer_title = optional_line(s, "title", 80);
    r.signer_name = optional_line(s, "name", 80);
  }
}

RoundIssueRequest parse_round(const Request& req, const std::string& default_award) {
  json body = http::parse_object(req);
  RoundIssueRequest r;
  r.period = catalogue_id_field(body, "period");
  if (default_award.empty() || (body.contains("award") && !body["award"].is_null())) {
    r.award = catalogue_id_field(body, "award");
  } else {
    r.award = default_award;
  }
  parse_reason_and_signer(body, r);
  return r;
}

// The meeting of a biên bản, as issuing and its preview take it.
std::string meeting_field(const json& body) {
  return http::required_string(body, "meeting_id", 20);
}

// The nomination of a báo cáo thành tích, with the signer's lines.
RoundIssueRequest parse_achievement(const json& body, std::string& nomination) {
  nomination = http::required_string(body, "nomination_id", 20);
  RoundIssueRequest round;
  parse_reason_and_signer(body, round);
  return round;
}

// A preview as the page libs/docs/html_page makes it (escaped, A4 margins), which the
// dashboard shows inside its own card.
Response page(const docs::Document& doc) {
  Response res;
  res.content_type = "text/html; charset=utf-8";
  res.body = docs::html_page(doc);
  return res;
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
  const std::string base = kApiBase + "/documents";

  router.add(Method::Post, base + "/to-trinh", admin, [&docs](Request& req) -> Task<Response> {
    auto round = parse_round(req, "");
    auto issued = co_await docs.issue_proposal(req.principal, round);
    co_return http::json(201, docs::to_json(issued));
  });
  router.add(Method::Post, base + "/quyet-dinh", admin, [&docs](Request& req) -> Task<Response> {
    auto round = parse_round(req, "gk_ht");
    auto issued = co_await docs.issue_decision(req.principal, round);
    co_return http::json(201, docs::to_json(issued));
  });
  router.add(Method::Post, base + "/bien-ban", admin, [&docs](Request& req) -> Task<Response> {
    json body = http::parse_object(req);
    auto meeting = meeting_field(body);
    auto reason = http::optional_string(body, "reason", "", 500);
    auto issued = co_await docs.issue_minutes(req.principal, meeting, reason);
    co_return http::json(201, docs::to_json(issued));
  });
  router.add(Method::Post, base + "/bao-cao-thanh-tich", admin,
             [&docs](Request& req) -> Task<Response> {
               json body = http::parse_object(req);
               std::string nomination;
               auto round = parse_achievement(body, nomination);
               auto issued = co_await docs.issue_achievement(req.principal, nomination, round);
               co_return http::json(201, docs::to_json(issued));
             });
  // Previews: the same body as issuing (a reason is not needed), the document as it would be
  // issued now with its number blank; nothing is numbered or stored. Who may issue it may
  // preview it.
  router.add(Method::Post, base + "/to-trinh/preview", admin,
             [&docs](Request& req) -> Task<Response> {
               auto round = parse_round(req, "");
               auto doc = co_await docs.preview_proposal(req.principal, round);
               co_return page(doc);
             });
  router.add(Method::Post, base + "/quyet-dinh/preview", admin,
             [&docs](Request& req) -> Task<Response> {
               auto round = parse_round(req, "gk_ht");
               auto doc = co_await docs.preview_decision(req.principal, round);
               co_return page(doc);
             });
  router.add(Method::Post, base + "/bien-ban/preview", admin,
             [&docs](Request& req) -> Task<Response> {
               json body = http::parse_object(req);
               auto meeting = meeting_field(body);
               auto doc = co_await docs.preview_minutes(req.principal, meeting);
               co_return page(doc);
             });
  router.add(Method::Post, base + "/bao-cao-thanh-tich/preview", admin,
             [&docs](Request& req) -> Task<Response> {
               json body = http::parse_object(req);
               std::string nomination;
               auto round = parse_achievement(body, nomination);
               auto doc = co_await docs.preview_achievement(req.principal, nomination, round);
               co_return page(doc);
             });
  router.add(Method::Get, base, readers, [&docs](Request& req) -> Task<Response> {
    std::optional<int> year;
    if (auto y = http::query_integer(req, "year", kFirstYear, kLastYear)) {
      year = static_cast<int>(*y);
    }
    std::optional<std::string> kind;
    if (auto k = req.query("kind"); k && !k->empty()) {
      bool plain = k->size() <= 40;
      for (char c : *k) plain = plain && ((c >= 'a' && c <= 'z') || c == '-');
      if (!plain) throw bad_request("invalid_kind", say("problem.document_kind"));
      kind = *k;
    }
    auto list = co_await docs.register_entries(year, kind);
    // Who signs a document issued without a signer, so the form can say so (null: nobody is
    // set, and each issue must name one).
    const docs::Signer& s = docs.default_signer();
    json signer = nullptr;
    if (!text::one_line(s.name).empty()) {
      signer = {{"authority", s.authority}, {"title", s.title}, {"name", s.name}};
    }
    co_return http::json(200, json{{"documents", list_json(list)}, {"default_signer", signer}});
  });
  // The register as a workbook: "Sổ văn bản đi năm 2026.xlsx".
  router.add(Method::Get, base + "/register/{year}/xlsx", readers,
             [&docs](Request& req) -> Task<Response> {
               int year = static_cast<int>(http::path_integer(req, "year", kFirstYear, kLastYear));
               ExportFile file = co_await docs.register_workbook(year);
               co_return http::download(std::move(file.bytes), docs::kXlsxMediaType, file.name);
             });
  router.add(Method::Get, base + "/{file}", readers, [&docs](Request& req) -> Task<Response> {
    auto [id, format] = file_request(req);
    if (format.empty()) {
      auto entry = co_await docs.document(id);
      co_return http::json(200, docs::to_json(entry));
    }
    auto found = co_await docs.file(id, format);
    const std::string name = docs::file_name(found.first, format);
    co_return http::download(std::move(found.second), docs::media_type(format), name);
  });
}

}  // namespace thidua::nominations
