#pragma once
// Issuing the yearly report as a numbered, frozen document (DOCX and PDF), the register of
// issued documents and the downloads. Issuing, numbering and storing are the school's
// shared register (libs/docs/issuing.hpp): a failed rendering uses no number and concurrent
// issues never share one.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/roles.hpp"
#include "docs/document_store.hpp"
#include "docs/issuing.hpp"
#include "docs/renderer.hpp"
#include "docs/template.hpp"
#include "docs/template_library.hpp"
#include "reports/app/reports_app.hpp"
#include "reports/domain/issued.hpp"
#include "reports/domain/yearly_document.hpp"

namespace thidua::reports {

struct IssueRequest {
  std::string reason;  // required to issue a document again
  // Fields given replace the configured signer's (authority, title, name).
  std::optional<std::string> signer_authority, signer_title, signer_name;
};

class DocumentsApp {
 public:
  // `commendations`: the year's awards and recognised initiatives the report prints.
  DocumentsApp(ReportsApp& reports, CommendationSource& commendations, docs::DocumentStore& store,
               docs::Renderer& renderer, const Clock& clock, Issuer issuer,
               docs::TemplateLibrary& templates);

  // Issues the report of `year` dated today: 201 with the register entry. ApiError 409
  // reason_required, 422 signer_missing, 503 when the PDF cannot be made or the year's
  // commendations cannot be read from nominations (nothing issued).
  Task<IssuedDocument> issue_yearly(const Principal& who, int year, const IssueRequest& req);
  Task<std::vector<IssuedDocument>> yearly_versions(int year);
  // The register; with `year`, the documents numbered in that year.
  Task<std::vector<IssuedDocument>> register_entries(std::optional<int> year);
  // A document issued by this service; ApiError 404 otherwise.
  Task<IssuedDocument> document(const std::string& id);
  // The entry and the frozen bytes of its "docx" or "pdf".
  Task<std::pair<IssuedDocument, std::string>> file(const std::string& id,
                                                    const std::string& format);
  // The DOCX of the report as it would be issued today, with the number left blank.
  Task<std::string> preview_docx(int year);
  // The same document as an HTML page (docs/html_page.hpp): the dashboard's preview.
  Task<std::string> preview_html(int year);

 private:
  // What the report of `year` prints: the school's report with the year's commendations
  // (ApiError 503 when they cannot be read from nominations).
  Task<SchoolReport> report_with_commendations(int year);
  // The report of `year` as it would be issued today (number blank).
  Task<docs::Document> preview_document(int year);
  docs::Signer signer_for(const IssueRequest& req) const;

  ReportsApp& reports_;
  CommendationSource& commendations_;
  docs::DocumentStore& store_;
  docs::Renderer& renderer_;
  docs::DocumentIssuer issuing_;
  const Clock& clock_;
  Issuer issuer_;
  // The report's wording as the school edited it (bao-cao-nam.txt), read when it is made.
  docs::TemplateLibrary& templates_;
};

}  // namespace thidua::reports
