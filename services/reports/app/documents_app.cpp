#include "reports/app/documents_app.hpp"

#include "core/errors.hpp"
#include "core/ids.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "docs/format.hpp"
#include "docs/html_page.hpp"
#include "reports/domain/messages.hpp"

namespace thidua::reports {
DocumentsApp::DocumentsApp(ReportsApp& reports, CommendationSource& commendations,
                           docs::DocumentStore& store, docs::Renderer& renderer, const Clock& clock,
                           Issuer issuer, docs::TemplateLibrary& templates)
    : reports_(reports),
      commendations_(commendations),
      store_(store),
      renderer_(renderer),
      issuing_(store, renderer),
      clock_(clock),
      issuer_(std::move(issuer)),
      templates_(templates) {}

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
  auto report = co_await report_with_commendations(year);
  docs::IssueSpec spec;
  spec.kind = kYearlyReportKind;
  spec.subject = std::to_string(year);
  spec.type = kYearlyReportType;
  spec.type_name = kYearlyReportTypeName;
  spec.subject_label = "năm " + spec.subject;
  spec.symbol = issuer_.symbol;
  spec.recipient = report.school.recipient;
  spec.reason = req.reason;
  spec.issued_by = who.subject;
  spec.signer = signer;
  spec.now = clock_.now();
  const LocalDate today = local_date(spec.now);
  docs::Template wording = co_await templates_.current(kYearlyReportTemplate);
  docs::BuildDocument build = [this, &report, &wording, signer,
                               today](const std::string& number_text) {
    return yearly_report_document(report, wording, issuer_, signer, number_text, today);
  };
  // No co_await in a catch block (GCC 12): the problem is recorded, then thrown after.
  std::optional<ApiError> problem;
  IssuedDocument issued;
  try {
    issued = co_await issuing_.issue(spec, build);
  } catch (const docs::IssueError& e) {
    if (e.kind() == docs::IssueError::Kind::ReasonRequired) {
      problem = conflict("reason_required",
                         say("issue.reason_required",
                             {{"year", e.latest()->subject}, {"number", e.latest()->number_text}}));
    } else {
      problem = ApiError(503, "numbering_busy", say("issue.busy_numbering"));
    }
  } catch (const docs::RenderError& e) {
    problem = docs::render_problem(e.kind());
  }
  if (problem) throw *problem;
  co_return issued;
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
  if (ids::document(id)) found = co_await store_.document(id);
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

Task<SchoolReport> DocumentsApp::report_with_commendations(int year) {
  auto report = co_await reports_.school_report(year);
  report.commendations = co_await commendations_.of_year(year);
  co_return report;
}

Task<docs::Document> DocumentsApp::preview_document(int year) {
  auto report = co_await report_with_commendations(year);
  const LocalDate today = local_date(clock_.now());
  docs::Template wording = co_await templates_.current(kYearlyReportTemplate);
  co_return yearly_report_document(report, wording, issuer_, issuer_.signer,
                                   docs::blank_number(kYearlyReportType, issuer_.symbol), today);
}

Task<std::string> DocumentsApp::preview_docx(int year) {
  auto doc = co_await preview_document(year);
  std::optional<docs::RenderError::Kind> failed;
  std::string out;
  try {
    out = co_await renderer_.docx(std::move(doc));
  } catch (const docs::RenderError& e) {
    failed = e.kind();
  }
  if (failed) throw docs::render_problem(*failed);
  co_return out;
}

Task<std::string> DocumentsApp::preview_html(int year) {
  auto doc = co_await preview_document(year);
  co_return docs::html_page(doc);
}

}  // namespace thidua::reports
