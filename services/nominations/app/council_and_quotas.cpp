// NominationsApp: council meetings and votes, dossiers, quota use and the public honours
// list (split from nominations_app.cpp to keep files short).
#include "core/errors.hpp"
#include "nominations/app/nominations_app.hpp"
#include "nominations/domain/messages.hpp"
#include "nominations/domain/workflow.hpp"

namespace thidua::nominations {

Task<MeetingRecord> NominationsApp::add_meeting(const Principal& who, MeetingForm form) {
  auto catalogue_ref = co_await catalogue_.load();
  std::map<std::string, StaffName> staff;
  for (const auto& s : catalogue_ref->staff) staff[s.id] = {s.name, s.position};
  Meeting m = settle_meeting(std::move(form), staff);
  MeetingRecord record =
      meeting_record(std::move(m), rules_, who.subject, iso_instant(clock_.now()));
  co_return co_await store_.add_meeting(std::move(record));
}

Task<RecordedVote> NominationsApp::record_vote(const Principal& who, const std::string& id,
                                               Vote ballot) {
  auto r = co_await load(id);
  if (r.status != Status::UnderReview) {
    throw conflict("not_under_review",
                   say("problem.not_under_review", {{"status", status_label(r.status)}}));
  }
  auto read = co_await store_.meeting_read(ballot.meeting_id);
  if (!read) {
    throw unprocessable("unknown_meeting",
                        say("problem.unknown_meeting", {{"id", ballot.meeting_id}}));
  }
  const Meeting* meeting = &read->record.meeting;
  auto catalogue_ref = co_await catalogue_.load();
  const Catalogue& c = *catalogue_ref;
  const AwardForm* award = c.award(r.draft.award);
  ballot.secret_ballot = award && award->secret_ballot;
  RecordedVote vote;
  vote.outcome = evaluate_vote(*meeting, ballot, rules_);
  vote.ballot = ballot;
  vote.meeting_date = meeting->date;
  vote.recorded_by = who.subject;
  vote.recorded_at = iso_instant(clock_.now());
  // Written only if the meeting is still the one counted on (a correction may have come in);
  // the history says who entered the tally, and what it gave.
  auto history = history_entry(who, "vote", r.status, r.status, vote.outcome.summary);
  auto written = co_await store_.record_vote(id, *read, vote, history);
  if (written.result == WriteResult::MeetingChanged) throw vote_overtaken(*meeting);
  if (written.result == WriteResult::Conflict) {
    auto now = parse_status(written.detail);
    const std::string label = now ? std::string(status_label(*now)) : written.detail;
    throw conflict("not_under_review", say("problem.not_under_review", {{"status", label}}));
  }
  co_return vote;
}

Task<std::vector<DossierItem>> NominationsApp::dossier(const Principal& who,
                                                       const std::string& id) {
  auto r = co_await load(id);
  auto catalogue_ref = co_await catalogue_.load();
  const Catalogue& c = *catalogue_ref;
  check_can_see(who, r, c);
  co_return co_await dossier_of(r, c);
}

Task<std::vector<DossierItem>> NominationsApp::dossier_of(const NominationRecord& r,
                                                          const Catalogue& c) {
  const AwardForm* award = c.award(r.draft.award);
  auto received = co_await store_.dossier(r.id);
  co_return dossier_checklist(award ? award->dossier_copies : 1, received);
}

Task<std::vector<DossierItem>> NominationsApp::receive_dossier_item(const Principal& who,
                                                                    const std::string& id,
                                                                    const std::string& item,
                                                                    int copies) {
  if (!is_dossier_item(item)) {
    throw not_found("unknown_dossier_item", say("problem.unknown_dossier_item", {{"item", item}}));
  }
  auto r = co_await load(id);
  if (!is_live(r.status)) {
    throw conflict("nomination_closed",
                   say("problem.nomination_closed", {{"status", status_label(r.status)}}));
  }
  DossierReceipt receipt{copies, who.subject, iso_instant(clock_.now())};
  // Who logged the copies, in the history: "Biên bản họp …: 2 bản".
  auto note = say("history.dossier",
                  {{"item", dossier_item_label(item)}, {"copies", std::to_string(copies)}});
  auto history = history_entry(who, "dossier", r.status, r.status, note);
  co_await store_.receive_dossier_item(id, item, receipt, history);
  co_return co_await dossier(who, id);
}

Task<QuotaUse> NominationsApp::quotas(const std::string& period_id) {
  auto catalogue_ref = co_await catalogue_.load();
  const Catalogue& c = *catalogue_ref;
  const Period* period = c.period(period_id);
  if (!period) {
    throw not_found("unknown_period", say("problem.unknown_period", {{"period", period_id}}));
  }
  std::vector<std::string> codes;
  for (const auto& a : c.award_forms) codes.push_back(a.code);
  auto used = co_await store_.places_used(period_id, codes);
  QuotaUse out;
  out.period = period_id;
  out.period_label = period->label;
  for (const auto& a : c.award_forms) {
    for (SubjectKind kind : {SubjectKind::Collective, SubjectKind::Individual}) {
      QuotaUse::Line line;
      line.award = a.code;
      line.award_label = a.label;
      line.subject_kind = kind;
      line.used = used[{a.code, kind}];
      line.limit = a.quota(period->kind, kind);
      if (line.limit && *line.limit != kUnlimited) {
        line.remaining = std::max(0LL, *line.limit - line.used);
      }
      out.items.push_back(std::move(line));
    }
  }
  co_return out;
}

Task<Honours> NominationsApp::honours(std::optional<int> year, std::optional<std::string> award) {
  auto catalogue_ref = co_await catalogue_.load();
  const Catalogue& c = *catalogue_ref;
  auto all = co_await store_.all();
  Honours out;
  std::map<std::string, long long> counts;
  for (auto& r : all) {
    if (!is_public_honour(r)) continue;
    const Period* p = c.period(r.draft.period);
    if (year && (!p || p->year != *year)) continue;
    if (award && r.draft.award != *award) continue;
    counts[r.draft.award]++;
    out.items.push_back(std::move(r));
  }
  for (const auto& [code, n] : counts) {
    const AwardForm* a = c.award(code);
    out.counts.push_back({code, a ? a->label : code, n});
  }
  co_return out;
}

}  // namespace thidua::nominations
