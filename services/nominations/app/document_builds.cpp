// What each document of an award round is made of: the checks that refuse it, the data it
// reads, the register's entry (IssueSpec) and the builder that lays it out once its number
// is known. Issuing and the preview both start here, so the preview is the issued document
// with its number left blank, never a second layout.
#include <memory>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "nominations/app/documents_app.hpp"
#include "nominations/domain/messages.hpp"
#include "nominations/domain/minutes_document.hpp"

namespace thidua::nominations {
// What a builder reads, owned by the builder (it outlives the call that prepared it).
struct DocumentsApp::RoundBuild {
  CatalogueRef catalogue;  // the period and award form point into it
  RoundDocument round;
  docs::Template wording;
};
namespace {
struct MinutesBuild {
  MinutesInput in;
  docs::Template wording;
};
struct AchievementBuild {
  CatalogueRef catalogue;
  AchievementInput in;
  docs::Template wording;
};
}  // namespace

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
  // "Căn cứ Biên bản số … ngày …": each deciding meeting's biên bản, as last issued.
  r.minutes = deciding_meetings(all, r.lines);
  for (auto& m : r.minutes) {
    auto versions = co_await store_.versions(kMinutesKind, m.meeting_id);
    if (versions.empty()) continue;
    m.number_text = versions.back().number_text;
    m.issued_on = versions.back().issued_on;
  }
  co_return r;
}

Task<PreparedDocument> DocumentsApp::prepare_proposal(const Principal& who,
                                                      const RoundIssueRequest& req) {
  signer_for(req);  // refused before anything is read when nobody would sign
  auto data = std::make_shared<RoundBuild>();
  data->round = co_await round(req.period, req.award, proposal_statuses(), data->catalogue);
  if (text::one_line(data->round.award->authority).empty()) {
    throw unprocessable("authority_missing",
                        say("document.authority_missing", {{"award", data->round.award->label}}));
  }
  data->wording = co_await templates_.current(kProposalTemplate);
  co_return prepared_round(who, req, kProposalKind, std::move(data));
}

Task<PreparedDocument> DocumentsApp::prepare_decision(const Principal& who,
                                                      const RoundIssueRequest& req) {
  signer_for(req);
  auto c = co_await catalogue_.load();
  const AwardForm* form = c->award(req.award);
  if (form && !granted_by_school(*form)) {
    throw unprocessable("not_school_award",
                        say("document.not_school_award", {{"award", form->label}}));
  }
  auto data = std::make_shared<RoundBuild>();
  data->round = co_await round(req.period, req.award, decision_statuses(), data->catalogue);
  data->wording = co_await templates_.current(kDecisionTemplate);
  co_return prepared_round(who, req, kDecisionKind, std::move(data));
}

PreparedDocument DocumentsApp::prepared_round(const Principal& who, const RoundIssueRequest& req,
                                              const std::string& kind,
                                              std::shared_ptr<const RoundBuild> data) const {
  auto signer = signer_for(req);
  const bool proposal = kind == kProposalKind;
  const RoundDocument& r = data->round;
  PreparedDocument p;
  docs::IssueSpec& spec = p.spec;
  spec.kind = kind;
  spec.subject = r.period->id + ":" + r.award->code;
  spec.type = proposal ? kProposalType : kDecisionType;
  spec.type_name = proposal ? kProposalTypeName : kDecisionTypeName;
  spec.subject_label = round_label(r);
  spec.symbol = issuer_.symbol;
  spec.recipient = proposal ? r.award->authority : "Các tập thể, cá nhân có tên trong danh sách";
  spec.reason = req.reason;
  spec.issued_by = who.subject;
  spec.signer = signer;
  spec.now = clock_.now();
  const LocalDate today = local_date(spec.now);
  p.build = [data, issuer = issuer_, signer, today](const std::string& number_text) {
    return round_document(data->round, data->wording, issuer, signer, number_text, today);
  };
  return p;
}

Task<PreparedDocument> DocumentsApp::prepare_minutes(const Principal& who,
                                                     const std::string& meeting_id,
                                                     const std::string& reason) {
  auto stored = co_await nominations_.meeting(meeting_id);
  if (!stored) {
    throw unprocessable("unknown_meeting", say("problem.unknown_meeting", {{"id", meeting_id}}));
  }
  auto data = std::make_shared<MinutesBuild>();
  MinutesInput& in = data->in;
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
  PreparedDocument p;
  docs::IssueSpec& spec = p.spec;
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
  data->wording = co_await templates_.current(kMinutesTemplate);
  p.build = [data, issuer = issuer_, today](const std::string& number_text) {
    return minutes_document(data->in, data->wording, issuer, number_text, today);
  };
  co_return p;
}

Task<PreparedDocument> DocumentsApp::prepare_achievement(const Principal& who,
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
  auto data = std::make_shared<AchievementBuild>();
  data->catalogue = co_await catalogue_.load();
  const Catalogue& c = *data->catalogue;
  const NominationRecord& r = *found;
  const bool individual = r.draft.subject_kind == SubjectKind::Individual;
  const bool known = c.period(r.draft.period) && c.award(r.draft.award) &&
                     (individual ? c.staff_member(r.draft.subject_id) != nullptr
                                 : c.unit(r.draft.subject_id) != nullptr);
  if (!known) throw unprocessable("catalogue_changed", say("problem.catalogue_changed"));
  auto all = co_await nominations_.all();
  AchievementInput& in = data->in;
  in.nomination = r;
  in.awards = past_awards(all, c, r.draft.subject_kind, r.draft.subject_id, r.id);
  const int year = c.period(r.draft.period)->year;
  in.registration = co_await registrations_.get(year, r.draft.subject_kind, r.draft.subject_id);
  auto register_entries = co_await initiatives_.all();
  in.initiatives =
      recognised_initiatives(register_entries, c, r.draft.subject_kind, r.draft.subject_id, year);
  PreparedDocument p;
  docs::IssueSpec& spec = p.spec;
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
  const std::string& template_file =
      individual ? kIndividualReportTemplate : kCollectiveReportTemplate;
  data->wording = co_await templates_.current(template_file);
  p.build = [data, issuer = issuer_, confirmer, today](const std::string& number_text) {
    return achievement_document(data->in, *data->catalogue, data->wording, issuer, confirmer,
                                number_text, today);
  };
  co_return p;
}

}  // namespace thidua::nominations
