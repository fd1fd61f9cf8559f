#include "nominations/app/documents_app.hpp"

#include "core/errors.hpp"
#include "core/ids.hpp"
#include "core/text.hpp"
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

docs::Signer DocumentsApp::signer_for(const RoundIssueRequest& req) const {
  docs::Signer s = issuer_.signer;
  if (req.signer_authority) s.authority = *req.signer_authority;
  if (req.signer_title) s.title = *req.signer_title;
  if (req.signer_name) s.name = *req.signer_name;
  if (text::one_line(s.name).empty()) {
    throw unprocessable("signer_missing", say("document.signer_missing"));
  }
  return s;
}

Task<RoundDocument> DocumentsApp::round(const std::string& period, const std::string& award,
                                        const std::vector<Status>& statuses, CatalogueRef& keep) {
  keep = co_await catalogue_.load();
  const Catalogue& c = *keep;
  RoundDocument r;
  r.period = c.period(period);
  if (!r.period) {
    throw not_found("unknown_period", say("problem.unknown_period", {{"period", period}}));
  }
  r.award = c.award(award);
  if (!r.award) throw not_found("unknown_award", say("problem.unknown_award", {{"code", award}}));
  auto all = co_await nominations_.all();
  r.lines = nominee_lines(all, c, period, award, statuses);
  if (r.lines.empty()) {
    throw unprocessable("no_nominees", say("document.no_nominees",
                                           {{"award", r.award->label},
                                            {"period", text::lower_first(r.period->label)}}));
  }
  co_return r;
}

Task<docs::IssuedDocument> DocumentsApp::issue_proposal(const Principal& who,
                                                        const RoundIssueRequest& req) {
  signer_for(req);  // refused before anything is read when nobody would sign
  CatalogueRef keep;
  auto r = co_await round(req.period, req.award, proposal_statuses(), keep);
  if (text::one_line(r.award->authority).empty()) {
    throw unprocessable("authority_missing",
                        say("document.authority_missing", {{"award", r.award->label}}));
  }
  docs::Template wording = co_await templates_.current(kProposalTemplate);
  co_return co_await issue(who, req, kProposalKind, std::move(r), wording);
}

Task<docs::IssuedDocument> DocumentsApp::issue_decision(const Principal& who,
                                                        const RoundIssueRequest& req) {
  signer_for(req);
  CatalogueRef keep;
  auto c = co_await catalogue_.load();
  const AwardForm* form = c->award(req.award);
  if (form && !granted_by_school(*form)) {
    throw unprocessable("not_school_award",
                        say("document.not_school_award", {{"award", form->label}}));
  }
  auto r = co_await round(req.period, req.award, decision_statuses(), keep);
  docs::Template wording = co_await templates_.current(kDecisionTemplate);
  co_return co_await issue(who, req, kDecisionKind, std::move(r), wording);
}

Task<docs::IssuedDocument> DocumentsApp::issue(const Principal& who, const RoundIssueRequest& req,
                                               const std::string& kind, RoundDocument doc_round,
                                               const docs::Template& wording) {
  auto signer = signer_for(req);
  const bool proposal = kind == kProposalKind;
  docs::IssueSpec spec;
  spec.kind = kind;
  spec.subject = doc_round.period->id + ":" + doc_round.award->code;
  spec.type = proposal ? kProposalType : kDecisionType;
  spec.type_name = proposal ? kProposalTypeName : kDecisionTypeName;
  spec.subject_label = round_label(doc_round);
  spec.symbol = issuer_.symbol;
  spec.recipient =
      proposal ? doc_round.award->authority : "Các tập thể, cá nhân có tên trong danh sách";
  spec.reason = req.reason;
  spec.issued_by = who.subject;
  spec.signer = signer;
  spec.now = clock_.now();
  const LocalDate today = local_date(spec.now);
  const docs::Issuer& issuer = issuer_;
  docs::BuildDocument build = [&doc_round, &wording, &issuer, signer,
                               today](const std::string& number_text) {
    return round_document(doc_round, wording, issuer, signer, number_text, today);
  };
  co_return co_await issue_spec(spec, build);
}

Task<docs::IssuedDocument> DocumentsApp::issue_spec(docs::IssueSpec spec,
                                                    docs::BuildDocument build) {
  // No co_await in a catch block (GCC 12): the problem is recorded, then thrown after.
  std::optional<ApiError> problem;
  docs::IssuedDocument issued;
  try {
    issued = co_await issuing_.issue(spec, build);
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

Task<docs::IssuedDocument> DocumentsApp::issue_minutes(const Principal& who,
                                                       const std::string& meeting_id,
                                                       const std::string& reason) {
  auto stored = co_await nominations_.meeting(meeting_id);
  if (!stored) {
    throw unprocessable("unknown_meeting", say("problem.unknown_meeting", {{"id", meeting_id}}));
  }
  MinutesInput in;
  in.meeting = std::move(*stored);
  in.meeting.id = meeting_id;
  const Meeting& m = in.meeting;
  const std::string day = vn_date(parse_iso_date(m.date).value_or(LocalDate{}));
  if (m.members.empty() || m.chair_id.empty() || m.secretary_id.empty() || m.start_time.empty() ||
      m.end_time.empty() || m.place.empty()) {
    throw unprocessable("minutes_incomplete", say("document.minutes_incomplete", {{"date", day}}));
  }
  in.quorum_needed = rules_.quorum.needed_of(m.members_total);
  auto all = co_await nominations_.all();
  in.considered = considered_lines(all, meeting_id);
  if (in.considered.empty()) {
    throw unprocessable("no_votes", say("document.no_votes", {{"date", day}}));
  }
  docs::IssueSpec spec;
  spec.kind = kMinutesKind;
  spec.subject = meeting_id;
  spec.type = kMinutesType;
  spec.type_name = kMinutesTypeName;
  spec.subject_label = "họp Hội đồng Thi đua – Khen thưởng ngày " + day;
  for (auto& c : spec.subject_label) c = c == '/' ? '-' : c;
  spec.symbol = issuer_.symbol;
  spec.recipient = "Lưu hồ sơ khen thưởng";
  spec.reason = reason;
  spec.issued_by = who.subject;
  spec.signer = {"", "CHỦ TRÌ", m.member(m.chair_id)->name};
  spec.now = clock_.now();
  const LocalDate today = local_date(spec.now);
  const docs::Issuer& issuer = issuer_;
  docs::Template wording = co_await templates_.current(kMinutesTemplate);
  docs::BuildDocument build = [&in, &wording, &issuer, today](const std::string& number_text) {
    return minutes_document(in, wording, issuer, number_text, today);
  };
  co_return co_await issue_spec(spec, build);
}

Task<docs::IssuedDocument> DocumentsApp::issue_achievement(const Principal& who,
                                                           const std::string& nomination_id,
                                                           const RoundIssueRequest& req) {
  auto confirmer = signer_for(req);
  auto found = co_await nominations_.get(nomination_id);
  if (!found) {
    throw not_found("nomination_not_found",
                    say("problem.nomination_not_found", {{"id", nomination_id}}));
  }
  if (found->status == Status::Draft) {
    throw conflict("nomination_draft", say("document.nomination_draft", {{"id", nomination_id}}));
  }
  auto catalogue_ref = co_await catalogue_.load();
  const Catalogue& c = *catalogue_ref;
  const NominationRecord& r = *found;
  const bool individual = r.draft.subject_kind == SubjectKind::Individual;
  const bool known = c.period(r.draft.period) && c.award(r.draft.award) &&
                     (individual ? c.staff_member(r.draft.subject_id) != nullptr
                                 : c.unit(r.draft.subject_id) != nullptr);
  if (!known) throw unprocessable("catalogue_changed", say("problem.catalogue_changed"));
  auto all = co_await nominations_.all();
  AchievementInput in;
  in.nomination = r;
  in.awards = past_awards(all, c, r.draft.subject_kind, r.draft.subject_id, r.id);
  const int year = c.period(r.draft.period)->year;
  in.registration = co_await registrations_.get(year, r.draft.subject_kind, r.draft.subject_id);
  auto register_entries = co_await initiatives_.all();
  in.initiatives =
      recognised_initiatives(register_entries, c, r.draft.subject_kind, r.draft.subject_id, year);
  docs::IssueSpec spec;
  spec.kind = kAchievementKind;
  spec.subject = r.id;
  spec.type = kAchievementType;
  spec.type_name = kAchievementTypeName;
  spec.subject_label = r.subject_name + " - " + c.award(r.draft.award)->label + " " +
                       text::lower_first(c.period(r.draft.period)->label);
  spec.symbol = issuer_.symbol;
  spec.recipient = "Hồ sơ đề nghị khen thưởng số " + r.id;
  spec.reason = req.reason;
  spec.issued_by = who.subject;
  spec.signer = confirmer;
  spec.now = clock_.now();
  const LocalDate today = local_date(spec.now);
  const docs::Issuer& issuer = issuer_;
  const std::string& template_file =
      individual ? kIndividualReportTemplate : kCollectiveReportTemplate;
  docs::Template wording = co_await templates_.current(template_file);
  docs::BuildDocument build = [&in, &c, &wording, &issuer, confirmer,
                               today](const std::string& number_text) {
    return achievement_document(in, c, wording, issuer, confirmer, number_text, today);
  };
  co_return co_await issue_spec(spec, build);
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
