#pragma once
// The documents of an award round, issued numbered and frozen (DOCX and PDF) in the school's
// shared register (libs/docs/issuing.hpp): the tờ trình with its list per award form and
// period, the principal's quyết định for the award the school grants itself, the biên bản of
// a council meeting and the báo cáo thành tích of a nomination; each also previewed before it
// is issued (the same builder, number blank, nothing stored). Also the register and the
// downloads of what nominations issued.
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/roles.hpp"
#include "docs/document_store.hpp"
#include "docs/issuing.hpp"
#include "docs/template.hpp"
#include "docs/template_library.hpp"
#include "nominations/app/statistics_app.hpp"
#include "nominations/domain/achievement_report.hpp"
#include "nominations/domain/award_documents.hpp"
#include "nominations/domain/council.hpp"
#include "nominations/domain/minutes_document.hpp"
#include "nominations/store/catalogue_store.hpp"
#include "nominations/store/initiative_store.hpp"
#include "nominations/store/nomination_store.hpp"
#include "nominations/store/registration_store.hpp"

namespace thidua::nominations {

struct RoundIssueRequest {
  std::string period;
  std::string award;
  std::string reason;  // required to issue the same document again
  // Fields given replace the configured signer's (authority, title, name).
  std::optional<std::string> signer_authority, signer_title, signer_name;
};

// A document ready to issue: the register's entry and how to lay it out once its number is
// known. The builder owns what it reads, so it can be called after the call that prepared it.
struct PreparedDocument {
  docs::IssueSpec spec;
  docs::BuildDocument build;
};

class DocumentsApp {
 public:
  // `registrations` and `initiatives`: what an achievement report sets against the
  // nomination (the subject's registration of the year, the initiatives recognised).
  DocumentsApp(CatalogueStore& catalogue, NominationStore& nominations,
               RegistrationStore& registrations, InitiativeStore& initiatives,
               docs::DocumentStore& store, docs::Renderer& renderer, const Clock& clock,
               docs::Issuer issuer, docs::TemplateLibrary& templates, VoteRules rules);

  // ApiError 404 unknown period or award, 422 authority_missing / no_nominees /
  // not_school_award / signer_missing, 409 reason_required, 503 when the PDF cannot be made.
  Task<docs::IssuedDocument> issue_proposal(const Principal& who, const RoundIssueRequest& req);
  Task<docs::IssuedDocument> issue_decision(const Principal& who, const RoundIssueRequest& req);
  // The minutes of council meeting `meeting_id`, signed by its chair and secretary. ApiError
  // 422 unknown_meeting, minutes_incomplete (no names, chair, secretary, times or place),
  // no_votes; 409 reason_required; 503 as above.
  Task<docs::IssuedDocument> issue_minutes(const Principal& who, const std::string& meeting_id,
                                           const std::string& reason);
  // The báo cáo thành tích of nomination `nomination_id`, individual or collective,
  // confirmed by the configured signer (or `req`'s signer; its period and award unused). ApiError
  // 404 nomination_not_found, 409 nomination_draft (not submitted yet) and as above.
  Task<docs::IssuedDocument> issue_achievement(const Principal& who,
                                               const std::string& nomination_id,
                                               const RoundIssueRequest& req);
  // Each document as issuing it now would lay it out, with its number left blank: the
  // dashboard's preview. Nothing is numbered or stored. The same refusals as issuing it
  // (404, 409 nomination_draft, 422 above), never reason_required (a preview needs no reason)
  // nor a 503 of the PDF (none is made).
  Task<docs::Document> preview_proposal(const Principal& who, const RoundIssueRequest& req);
  Task<docs::Document> preview_decision(const Principal& who, const RoundIssueRequest& req);
  Task<docs::Document> preview_minutes(const Principal& who, const std::string& meeting_id);
  Task<docs::Document> preview_achievement(const Principal& who, const std::string& nomination_id,
                                           const RoundIssueRequest& req);
  // The school's register (every service's documents); with `year`, those numbered in it.
  // Who signs when an issue names no one (THIDUA_SIGNER_*); its name is "" when not set.
  const docs::Signer& default_signer() const { return issuer_.signer; }
  Task<std::vector<docs::IssuedDocument>> register_entries(std::optional<int> year,
                                                           std::optional<std::string> kind);
  // The register of `year` as a workbook (docs/register_book.hpp), written by the workers.
  // ApiError 503 export_busy / export_failed (statistics_app.hpp).
  Task<ExportFile> register_workbook(int year);
  // A document issued by this service; ApiError 404 otherwise.
  Task<docs::IssuedDocument> document(const std::string& id);
  Task<std::pair<docs::IssuedDocument, std::string>> file(const std::string& id,
                                                          const std::string& format);

 private:
  struct RoundBuild;  // what a tờ trình or quyết định is built from (document_builds.cpp)

  // What each document is made of, checked and read (document_builds.cpp): the one path to
  // both issuing and the preview. Throws the ApiErrors named above.
  Task<PreparedDocument> prepare_proposal(const Principal& who, const RoundIssueRequest& req);
  Task<PreparedDocument> prepare_decision(const Principal& who, const RoundIssueRequest& req);
  Task<PreparedDocument> prepare_minutes(const Principal& who, const std::string& meeting_id,
                                         const std::string& reason);
  Task<PreparedDocument> prepare_achievement(const Principal& who, const std::string& nomination_id,
                                             const RoundIssueRequest& req);
  Task<RoundDocument> round(const std::string& period, const std::string& award,
                            const std::vector<Status>& statuses, CatalogueRef& keep);
  PreparedDocument prepared_round(const Principal& who, const RoundIssueRequest& req,
                                  const std::string& kind,
                                  std::shared_ptr<const RoundBuild> data) const;
  docs::Signer signer_for(const RoundIssueRequest& req) const;
  // Issues what `p` builds under its spec; maps the failures.
  Task<docs::IssuedDocument> issue_spec(PreparedDocument p);
  // Builds `p` with its number left blank.
  static docs::Document preview(const PreparedDocument& p);

  CatalogueStore& catalogue_;
  NominationStore& nominations_;
  RegistrationStore& registrations_;
  InitiativeStore& initiatives_;
  docs::DocumentStore& store_;
  docs::Renderer& renderer_;  // also the Excel export of the register
  docs::DocumentIssuer issuing_;
  const Clock& clock_;
  docs::Issuer issuer_;
  // The wording of each document as the school edited it (to-trinh.txt, quyet-dinh.txt,
  // bien-ban.txt, bao-cao-thanh-tich-ca-nhan.txt, bao-cao-thanh-tich-tap-the.txt), read
  // when a document is issued.
  docs::TemplateLibrary& templates_;
  VoteRules rules_;
};

// The kinds of document nominations issues (the register also lists reports' own).
bool nominations_document_kind(const std::string& kind);

}  // namespace thidua::nominations
