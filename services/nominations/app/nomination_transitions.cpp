// NominationsApp::act: a nomination's workflow transitions (submit, review, approve, reject,
// forward, award, not award, withdraw), split from nominations_app.cpp. The rules are
// domain/workflow (which state follows, who may act), domain/one_award, domain/step_dates and
// domain/dossier; the store takes the quota place in the same step as the status. The request
// comes parsed (api/nomination_codec, parse_transition).
#include "core/errors.hpp"
#include "core/text.hpp"
#include "core/when_all.hpp"
#include "nominations/app/nominations_app.hpp"
#include "nominations/domain/messages.hpp"
#include "nominations/domain/one_award.hpp"
#include "nominations/domain/step_dates.hpp"

namespace thidua::nominations {
namespace {
// The date of a step already recorded in the outcome (its approval, its forwarding), if any,
// named by the message `name_key` ("step.approval").
template <typename Step>
std::optional<DatedStep> recorded_step(const std::optional<Step>& step, std::string_view name_key) {
  if (!step) return std::nullopt;
  auto date = parse_iso_date(step->date);
  if (!date) return std::nullopt;
  return DatedStep{*date, say(name_key)};
}
}  // namespace

Task<NominationRecord> NominationsApp::act(const Principal& who, const std::string& id,
                                           const TransitionRequest& request) {
  const Action action = request.action;
  // The record, the catalogue's version and (for a submit) the rounds leave together: under
  // `appendfsync always` each round trip may wait for another client's fsync (bench/README.md,
  // write path).
  auto record_read = load(id);
  auto catalogue_read = catalogue_.load();
  auto rounds_read = rounds_if(action == Action::Submit);
  auto all =
      co_await when_all(std::move(record_read), std::move(catalogue_read), std::move(rounds_read));
  auto r = std::move(std::get<0>(all));
  const CatalogueRef catalogue_ref = std::move(std::get<1>(all));
  const Catalogue& c = *catalogue_ref;
  check_can_see(who, r, c);
  auto rule = check_transition(r.status, action, who.role);
  if (who.role == Role::Leader && r.unit_id != unit_of(who, c)) {
    throw ApiError(403, "not_own_unit", say("problem.not_own_unit"));
  }
  const std::string& note = request.note;
  Outcome outcome = r.outcome;
  std::string round_id = r.round_id;
  TransitionWrite w;
  w.from = r.status;
  w.to = rule.to;
  std::optional<AwardException> exception;  // a second award form, recorded by the board
  const AwardForm* award = c.award(r.draft.award);
  const Period* period = c.period(r.draft.period);
  if (!award || !period) {
    throw unprocessable("catalogue_changed", say("problem.catalogue_changed"));
  }

  switch (action) {
    case Action::Submit: {
      // Re-checked at submission: a hold may have been set after the draft was written.
      check_draft(r.draft, c, who.role, unit_of(who, c));
      check_grounds(r.draft);
      // Submitted in the round open today, which may be a later one than the draft's.
      round_id = filing_round_id(*std::get<2>(all), r.draft, c);
      auto quota = award->quota(period->kind, r.draft.subject_kind);
      if (!quota) {
        throw unprocessable("quota_not_set",
                            say("problem.quota_not_set",
                                {{"award", award->label},
                                 {"subject_kind", subject_kind_label(r.draft.subject_kind)},
                                 {"period", text::lower_first(period->label)}}));
      }
      w.quota_limit = *quota;
      // One achievement, one award form (Luật Thi đua, khen thưởng 2022, nguyên tắc khen
      // thưởng): a second form for the same subject in the period needs the board's reason.
      exception = award_exception(who.role, request.submit.exception_reason, who.subject,
                                  iso_instant(clock_.now()));
      if (exception) {
        outcome.award_exception = exception;
        w.second_award_allowed = true;
      }
      break;
    }
    case Action::Approve:
    case Action::Reject: {
      const bool passed = r.vote && r.vote->outcome.passed;
      // Dated, so that the forwarding and the decision can be checked to follow it.
      if (action == Action::Approve) {
        outcome.approval = Approval{iso_date(local_date(clock_.now())), who.subject};
      }
      if (action == Action::Approve && !passed) {
        if (!r.vote) throw conflict("vote_does_not_support", say("problem.no_vote"));
        throw conflict("vote_does_not_support",
                       say("problem.vote_short", {{"summary", r.vote->outcome.summary}}));
      }
      if (action == Action::Reject) {
        if (passed) {
          throw conflict("vote_does_not_support",
                         say("problem.vote_passed", {{"summary", r.vote->outcome.summary}}));
        }
        outcome.rejection = Rejection{note, who.subject, iso_instant(clock_.now())};
      }
      break;
    }
    case Action::Forward: {
      auto items = dossier_checklist(award->dossier_copies, co_await store_.dossier(id));
      if (!dossier_complete(items)) {
        std::string missing;
        for (const auto& i : items) {
          if (!i.complete()) missing += (missing.empty() ? "" : "; ") + i.label;
        }
        throw conflict("dossier_incomplete",
                       say("problem.dossier_incomplete", {{"missing", missing}}));
      }
      check_step_date({request.forward.date, say("step.forward_date_field")},
                      local_date(clock_.now()), recorded_step(outcome.approval, "step.approval"));
      outcome.forwarding = Forwarding{iso_date(request.forward.date), request.forward.reference};
      break;
    }
    case Action::Award: {
      const AwardRequest& award_request = request.award;
      check_step_date({award_request.decision_date, say("step.decision_date_field")},
                      local_date(clock_.now()),
                      recorded_step(outcome.forwarding, "step.forwarding"));
      outcome.decision =
          Decision{award_request.decision_number, iso_date(award_request.decision_date)};
      // What the school website may say of the achievement, chosen by the board (optional).
      if (!award_request.public_achievement.empty()) {
        outcome.public_achievement = award_request.public_achievement;
      }
      break;
    }
    case Action::NotAward:
      outcome.not_awarded = NotAwarded{note};
      break;
    case Action::Review:
    case Action::Withdraw:
      break;
  }

  NominationRecord after = r;
  after.status = rule.to;
  after.outcome = outcome;
  after.updated_at = iso_instant(clock_.now());
  after.round_id = round_id;
  w.outcome = outcome;
  w.updated_at = after.updated_at;
  w.round_id = round_id;
  w.history = history_entry(who, action_name(action), r.status, rule.to, note);
  // The history keeps why the board let this subject hold a second form in the period.
  if (exception) w.history.exception_reason = exception->reason;
  EventTransition moved;
  moved.from = r.status;
  moved.to = rule.to;
  moved.note = note;
  // The group is told "được tặng … theo Quyết định số …" (issue 13): the decision travels along.
  if (action == Action::Award) moved.decision = outcome.decision;
  w.event = event(rule.event, after, who, std::move(moved));
  auto result = co_await store_.transition(r, w);
  if (result.result == WriteResult::OtherAward) {
    auto other = co_await store_.get(result.detail);
    std::string other_award = other ? other->award_label : say("award.other");
    throw conflict("one_award_per_period", say("problem.one_award_per_period",
                                               {{"subject", r.subject_name},
                                                {"id", result.detail},
                                                {"award", other_award},
                                                {"period", text::lower_first(period->label)}}));
  }
  if (result.result == WriteResult::QuotaFull) {
    throw conflict(
        "quota_exceeded",
        say("problem.quota_exceeded", {{"award", award->label},
                                       {"period", text::lower_first(period->label)},
                                       {"subject_kind", subject_kind_label(r.draft.subject_kind)},
                                       {"used", result.detail},
                                       {"limit", std::to_string(w.quota_limit)}}));
  }
  if (result.result == WriteResult::Conflict) {
    auto now = parse_status(result.detail).value_or(r.status);
    throw conflict("status_changed",
                   say("problem.status_changed", {{"status", status_label(now)}}));
  }
  co_return after;
}

}  // namespace thidua::nominations
