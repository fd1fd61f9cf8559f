#include "reports/app/documents_app.hpp"

#include "core/errors.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "docs/format.hpp"
#include "reports/domain/messages.hpp"

namespace thidua::reports {
namespace {
// Issues of the same type that commit between our look and our commit make us render again
// with the next number; more than this many in a row is a storm worth a retry by the person.
constexpr int kCommitTries = 5;

ApiError render_problem(docs::RenderError::Kind kind) {
  const char* key = "render.failed";
  if (kind == docs::RenderError::Kind::Missing) key = "render.missing";
  if (kind == docs::RenderError::Kind::Timeout) key = "render.timeout";
  if (kind == docs::RenderError::Kind::Busy) key = "render.busy";
  std::string code = kind == docs::RenderError::Kind::Missing ? "pdf_unavailable"
                     : kind == docs::RenderError::Kind::Busy  ? "renderer_busy"
                                                              : "pdf_failed";
  return ApiError(503, code, say(key));
}
}  // namespace

DocumentsApp::DocumentsApp(ReportsApp& reports, DocumentStore& store, docs::Renderer& renderer,
                           const Clock& clock, Issuer issuer, docs::Template yearly)
    : reports_(reports),
      store_(store),
      renderer_(renderer),
      clock_(clock),
      issuer_(std::move(issuer)),
      yearly_(std::move(yearly)) {}

docs::Signer DocumentsApp::signer_for(const IssueRequest& req) const {
  docs::Signer s = issuer_.signer;
  if (req.signer_authority) s.authority = *req.signer_authority;
  if (req.signer_title) s.title = *req.signer_title;
  if (req.signer_name) s.name = *req.signer_name;
  if (text::one_line(s.name).empty()) {
    throw unprocessable("signer_missing", say("issue.signer_missing"));
  }
  return s;
}

Task<IssuedDocument> DocumentsApp::issue_yearly(const Principal& who, int year,
                                                const IssueRequest& req) {
  auto signer = signer_for(req);
  auto report = co_await reports_.school_report(year);
  const auto now = clock_.now();
  const LocalDate today = local_date(now);
  const std::string subject = std::to_string(year);
  for (int attempt = 0; attempt < kCommitTries; ++attempt) {
    auto seen =
        co_await store_.issue_state(today.year, kYearlyReportType, kYearlyReportKind, subject);
    auto plan = plan_issue(seen.versions, req.reason);
    IssuedDocument d;
    d.number = seen.last_number + 1;
    d.number_year = today.year;
    d.type = kYearlyReportType;
    d.id = document_id(d.number_year, d.type, d.number);
    d.number_text = docs::document_number(d.number, d.type, issuer_.symbol);
    auto doc = yearly_report_document(report, yearly_, issuer_, signer, d.number_text, today);
    d.kind = kYearlyReportKind;
    d.subject = subject;
    d.version = plan.version;
    d.replaces = plan.replaces;
    d.reason = text::one_line(req.reason);
    d.type_name = kYearlyReportTypeName;
    d.summary = doc.summary;
    d.issued_on = today;
    d.issued_at = iso_instant(now);
    d.issued_by = who.subject;
    d.signer = signer.name;
    d.signer_title = signer.title;
    d.recipient = report.school.recipient;
    std::string label = "năm " + subject;
    d.docx_name = download_name(d.type_name, label, d.number_text, "docx");
    d.pdf_name = download_name(d.type_name, label, d.number_text, "pdf");

    std::optional<docs::RenderError::Kind> failed;
    docs::Rendered files;
    try {
      files = co_await renderer_.render(std::move(doc));
    } catch (const docs::RenderError& e) {
      failed = e.kind();
      log::warn("document_render_failed", {{"id", d.id}, {"error", e.what()}});
    }
    if (failed) throw render_problem(*failed);
    d.docx_bytes = files.docx.size();
    d.pdf_bytes = files.pdf.size();
    auto result = co_await store_.commit(seen, d, files.docx, files.pdf);
    if (result == CommitResult::Ok) {
      log::info("document_issued",
                {{"id", d.id}, {"number", d.number_text}, {"version", d.version}});
      co_return d;
    }
    log::info("document_number_raced", {{"id", d.id}, {"attempt", attempt + 1}});
  }
  throw ApiError(503, "numbering_busy", say("issue.busy_numbering"));
}

Task<std::vector<IssuedDocument>> DocumentsApp::yearly_versions(int year) {
  co_return co_await store_.versions(kYearlyReportKind, std::to_string(year));
}

Task<std::vector<IssuedDocument>> DocumentsApp::register_entries(std::optional<int> year) {
  auto all = co_await store_.register_entries();
  std::vector<IssuedDocument> out;
  for (auto& d : all) {
    if (!year || d.number_year == *year) out.push_back(std::move(d));
  }
  co_return out;
}

Task<IssuedDocument> DocumentsApp::document(const std::string& id) {
  std::optional<IssuedDocument> found;
  if (plain_document_id(id)) found = co_await store_.document(id);
  // Documents of other services (nominations' later) are served by them.
  if (!found || found->kind != kYearlyReportKind) {
    throw not_found("document_not_found",
                    say("document.not_found", {{"id", text::excerpt(id, 40)}}));
  }
  co_return *found;
}

Task<std::pair<IssuedDocument, std::string>> DocumentsApp::file(const std::string& id,
                                                                const std::string& format) {
  auto d = co_await document(id);
  auto bytes = co_await store_.file(id, format);
  if (!bytes) {
    throw not_found("document_not_found", say("document.not_found", {{"id", id}}));
  }
  co_return std::make_pair(std::move(d), std::move(*bytes));
}

Task<std::string> DocumentsApp::preview_docx(int year) {
  auto report = co_await reports_.school_report(year);
  const LocalDate today = local_date(clock_.now());
  auto doc = yearly_report_document(report, yearly_, issuer_, issuer_.signer,
                                    docs::blank_number(kYearlyReportType, issuer_.symbol), today);
  std::optional<docs::RenderError::Kind> failed;
  std::string out;
  try {
    out = co_await renderer_.docx(std::move(doc));
  } catch (const docs::RenderError& e) {
    failed = e.kind();
  }
  if (failed) throw render_problem(*failed);
  co_return out;
}

}  // namespace thidua::reports
