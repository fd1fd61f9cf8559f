#include "nominations/app/documents_app.hpp"

#include "core/errors.hpp"
#include "core/ids.hpp"
#include "core/text.hpp"
#include "docs/format.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {
bool nominations_document_kind(const std::string& kind) {
  return kind == kProposalKind || kind == kDecisionKind || kind == kMinutesKind ||
         kind == kAchievementKind;
}

DocumentsApp::DocumentsApp(CatalogueStore& catalogue, NominationStore& nominations,
                           RegistrationStore& registrations, InitiativeStore& initiatives,
                           docs::DocumentStore& store, docs::Renderer& renderer, const Clock& clock,
                           docs::Issuer issuer, docs::TemplateLibrary& templates, VoteRules rules)
    : catalogue_(catalogue),
      nominations_(nominations),
      registrations_(registrations),
      initiatives_(initiatives),
      store_(store),
      renderer_(renderer),
      issuing_(store, renderer),
      clock_(clock),
      issuer_(std::move(issuer)),
      templates_(templates),
      rules_(rules) {}

Task<docs::IssuedDocument> DocumentsApp::issue_proposal(const Principal& who,
                                                        const RoundIssueRequest& req) {
  auto p = co_await prepare_proposal(who, req);
  co_return co_await issue_spec(std::move(p));
}

Task<docs::IssuedDocument> DocumentsApp::issue_decision(const Principal& who,
                                                        const RoundIssueRequest& req) {
  auto p = co_await prepare_decision(who, req);
  co_return co_await issue_spec(std::move(p));
}

Task<docs::IssuedDocument> DocumentsApp::issue_minutes(const Principal& who,
                                                       const std::string& meeting_id,
                                                       const std::string& reason) {
  auto p = co_await prepare_minutes(who, meeting_id, reason);
  co_return co_await issue_spec(std::move(p));
}

Task<docs::IssuedDocument> DocumentsApp::issue_achievement(const Principal& who,
                                                           const std::string& nomination_id,
                                                           const RoundIssueRequest& req) {
  auto p = co_await prepare_achievement(who, nomination_id, req);
  co_return co_await issue_spec(std::move(p));
}

// The preview is the issuing builder called with the number left blank ("     /TTr-THCSVP1"):
// no number is taken and nothing is stored.
docs::Document DocumentsApp::preview(const PreparedDocument& p) {
  return p.build(docs::blank_number(p.spec.type, p.spec.symbol));
}

Task<docs::Document> DocumentsApp::preview_proposal(const Principal& who,
                                                    const RoundIssueRequest& req) {
  auto p = co_await prepare_proposal(who, req);
  co_return preview(p);
}

Task<docs::Document> DocumentsApp::preview_decision(const Principal& who,
                                                    const RoundIssueRequest& req) {
  auto p = co_await prepare_decision(who, req);
  co_return preview(p);
}

Task<docs::Document> DocumentsApp::preview_minutes(const Principal& who,
                                                   const std::string& meeting_id) {
  const std::string no_reason;
  auto p = co_await prepare_minutes(who, meeting_id, no_reason);
  co_return preview(p);
}

Task<docs::Document> DocumentsApp::preview_achievement(const Principal& who,
                                                       const std::string& nomination_id,
                                                       const RoundIssueRequest& req) {
  auto p = co_await prepare_achievement(who, nomination_id, req);
  co_return preview(p);
}

Task<docs::IssuedDocument> DocumentsApp::issue_spec(PreparedDocument p) {
  // No co_await in a catch block (GCC 12): the problem is recorded, then thrown after.
  std::optional<ApiError> problem;
  docs::IssuedDocument issued;
  try {
    issued = co_await issuing_.issue(p.spec, p.build);
  } catch (const docs::IssueError& e) {
    if (e.kind() == docs::IssueError::Kind::ReasonRequired) {
      problem = conflict("reason_required",
                         say("document.reason_required", {{"number", e.latest()->number_text}}));
    } else {
      problem = ApiError(503, "numbering_busy", say("document.busy_numbering"));
    }
  } catch (const docs::RenderError& e) {
    problem = docs::render_problem(e.kind());
  }
  if (problem) throw *problem;
  co_return issued;
}

Task<std::vector<docs::IssuedDocument>> DocumentsApp::register_entries(
    std::optional<int> year, std::optional<std::string> kind) {
  auto all = co_await store_.register_entries();
  std::vector<docs::IssuedDocument> out;
  for (auto& d : all) {
    if (year && d.number_year != *year) continue;
    if (kind && d.kind != *kind) continue;
    out.push_back(std::move(d));
  }
  co_return out;
}

Task<docs::IssuedDocument> DocumentsApp::document(const std::string& id) {
  std::optional<docs::IssuedDocument> found;
  if (ids::document(id)) found = co_await store_.document(id);
  // The reports service serves its own (the yearly report).
  if (!found || !nominations_document_kind(found->kind)) {
    throw not_found("document_not_found",
                    say("document.not_found", {{"id", text::excerpt(id, 40)}}));
  }
  co_return *found;
}

Task<std::pair<docs::IssuedDocument, std::string>> DocumentsApp::file(const std::string& id,
                                                                      const std::string& format) {
  auto d = co_await document(id);
  auto bytes = co_await store_.file(id, format);
  if (!bytes) throw not_found("document_not_found", say("document.not_found", {{"id", id}}));
  co_return std::make_pair(std::move(d), std::move(*bytes));
}

}  // namespace thidua::nominations
