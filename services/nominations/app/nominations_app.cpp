#include "nominations/app/nominations_app.hpp"

#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "core/text.hpp"
#include "http/json_io.hpp"
#include "nominations/domain/evidence.hpp"
#include "nominations/domain/messages.hpp"
#include "nominations/domain/one_award.hpp"
#include "nominations/domain/step_dates.hpp"

namespace thidua::nominations {
using nlohmann::json;

namespace {
std::string iso_date_field(const json& body, const std::string& field) {
  auto text = http::required_string(body, field, 10);
  if (!parse_iso_date(text)) {
    throw bad_request("invalid_date", say("problem.date_field", {{"field", field}}));
  }
  return text;
}

// The date of a step already recorded in the outcome ("approval", "forwarding"), if any,
// named by the message `name_key` ("step.approval").
std::optional<DatedStep> recorded_step(const json& outcome, const char* key,
                                       std::string_view name_key) {
  if (!outcome.contains(key) || !outcome[key].is_object()) return std::nullopt;
  auto date = parse_iso_date(outcome[key].value("date", ""));
  if (!date) return std::nullopt;
  return DatedStep{*date, say(name_key)};
}

// A period's label as it reads in a sentence: "kỳ năm 2026", not "kỳ Năm 2026" (issue 13).
std::string period_in_text(const std::string& label) {
  return text::lower_first(label);
}

bool sees_everything(Role r) {
  return r == Role::Admin || r == Role::Council || r == Role::Service;
}

// Puts a checked draft on a record with what it names: subject, unit, award and period.
void apply_draft(NominationRecord& r, NominationDraft draft, const Subject& subject,
                 const Catalogue& c) {
  r.draft = std::move(draft);
  r.subject_name = subject.name;
  r.unit_id = subject.unit_id;
  r.unit_name = subject.unit_name;
  r.award_label = c.award(r.draft.award)->label;
  r.period_label = c.period(r.draft.period)->label;
}

// The subject already has a live nomination (`existing_id`) for this award and period.
ApiError duplicate_nomination(const NominationRecord& r, const std::string& existing_id) {
  return conflict("duplicate_nomination", say("problem.duplicate_nomination",
                                              {{"subject", r.subject_name},
                                               {"id", existing_id},
                                               {"award", r.award_label},
                                               {"period", period_in_text(r.period_label)}}));
}
}  // namespace

NominationsApp::NominationsApp(CatalogueStore& catalogue, NominationStore& store,
                               RoundStore& rounds, RegistrationStore& registrations,
                               const Clock& clock, VoteRules rules, std::string school)
    : catalogue_(catalogue),
      store_(store),
      rounds_(rounds),
      registrations_(registrations),
      clock_(clock),
      rules_(rules),
      school_(std::move(school)) {}

std::string NominationsApp::unit_of(const Principal& who, const Catalogue& c) const {
  if (sees_everything(who.role)) return "";
  const StaffMember* m = c.staff_member(who.subject);
  if (!m) {
    throw ApiError(403, "unknown_staff", say("problem.unknown_caller"));
  }
  return m->unit_id;
}

void NominationsApp::check_can_see(const Principal& who, const NominationRecord& r,
                                   const Catalogue& c) const {
  if (sees_everything(who.role)) return;
  if (who.role == Role::Leader && r.unit_id == unit_of(who, c)) return;
  if (r.draft.subject_kind == SubjectKind::Individual && r.draft.subject_id == who.subject) return;
  // Same answer as a missing one: a nomination's existence is not everyone's business.
  throw not_found("nomination_not_found", say("problem.nomination_not_found", {{"id", r.id}}));
}

json NominationsApp::event(const std::string& type, const NominationRecord& r, const Principal& who,
                           const json& extra) const {
  json e = {{"event_id", crypto::random_hex(16)},
            {"type", type},
            {"occurred_at", iso_instant(clock_.now())},
            {"school", school_},
            {"nomination_id", r.id},
            {"actor", who.subject},
            {"nomination", summary_json(r)}};
  for (auto it = extra.begin(); it != extra.end(); ++it) e[it.key()] = it.value();
  return e;
}

json NominationsApp::history_entry(const Principal& who, std::string_view action,
                                   std::optional<Status> from, Status to,
                                   const std::string& note) const {
  return {{"at", iso_instant(clock_.now())},
          {"by", who.subject},
          {"by_name", who.name},
          {"action", action},
          {"from", from ? json(status_name(*from)) : json(nullptr)},
          {"to", status_name(to)},
          {"note", note}};
}

Task<NominationRecord> NominationsApp::load(const std::string& id) {
  auto r = co_await store_.get(id);
  if (!r)
    throw not_found("nomination_not_found", say("problem.nomination_not_found", {{"id", id}}));
  co_return std::move(*r);
}

Task<std::string> NominationsApp::filing_round_id(const NominationDraft& draft,
                                                  const Catalogue& c) {
  auto rounds = co_await rounds_.all();
  co_return filing_round(rounds, draft.period, draft.award, local_date(clock_.now()), c).id;
}

Task<NominationRecord> NominationsApp::create(const Principal& who, const json& body) {
  auto draft = parse_draft(body);
  auto catalogue_ref = co_await catalogue_.load();
  const Catalogue& c = *catalogue_ref;
  auto subject = check_draft(draft, c, who.role, unit_of(who, c));
  NominationRecord r;
  r.round_id = co_await filing_round_id(draft, c);
  r.id = co_await store_.next_id();
  apply_draft(r, std::move(draft), subject, c);
  r.created_by = who.subject;
  r.created_at = r.updated_at = iso_instant(clock_.now());
  auto history = history_entry(who, "create", std::nullopt, Status::Draft, "");
  auto result = co_await store_.create(r, history, event("nomination.created", r, who, {}));
  if (result.result == WriteResult::Duplicate) throw duplicate_nomination(r, result.detail);
  co_return r;
}

Task<NominationRecord> NominationsApp::edit(const Principal& who, const std::string& id,
                                            const json& body) {
  auto before = co_await load(id);
  auto catalogue_ref = co_await catalogue_.load();
  const Catalogue& c = *catalogue_ref;
  check_can_see(who, before, c);
  if (before.status != Status::Draft) {
    throw conflict("not_a_draft",
                   say("problem.not_a_draft", {{"status", status_label(before.status)}}));
  }
  auto draft = parse_draft(body);
  auto subject = check_draft(draft, c, who.role, unit_of(who, c));
  NominationRecord after = before;
  after.round_id = co_await filing_round_id(draft, c);
  apply_draft(after, std::move(draft), subject, c);
  after.updated_at = iso_instant(clock_.now());
  auto history = history_entry(who, "edit", Status::Draft, Status::Draft, "");
  auto result = co_await store_.edit_draft(before, after, history,
                                           event("nomination.updated", after, who, {}));
  if (result.result == WriteResult::Duplicate) throw duplicate_nomination(after, result.detail);
  if (result.result == WriteResult::Conflict) {
    throw conflict("not_a_draft", say("problem.draft_moved"));
  }
  co_return after;
}

Task<NominationRecord> NominationsApp::add_evidence(const Principal& who, const std::string& id,
                                                    std::size_t achievement,
                                                    const std::string& link) {
  auto catalogue_ref = co_await catalogue_.load();
  const Catalogue& c = *catalogue_ref;
  // A leader's edit between the read and the write makes the write fail and is read again:
  // neither the link nor the leader's change is lost.
  for (int attempt = 0;; ++attempt) {
    auto before = co_await store_.get_versioned(id);
    if (!before) {
      throw not_found("nomination_not_found", say("problem.nomination_not_found", {{"id", id}}));
    }
    check_can_see(who, before->record, c);
    check_may_add_evidence(who, unit_of(who, c), before->record);
    NominationRecord after = before->record;
    if (!nominations::add_evidence(after.draft, achievement, link))
      co_return after;  // there already
    after.updated_at = iso_instant(clock_.now());
    auto history = history_entry(who, "evidence", after.status, after.status, link);
    auto result = co_await store_.replace_draft(*before, after, history);
    if (result.result == WriteResult::Ok) co_return after;
    if (attempt == 4) throw conflict("evidence_busy", say("problem.evidence_busy"));
  }
}

Task<NominationRecord> NominationsApp::act(const Principal& who, const std::string& id,
                                           Action action, const json& body) {
  auto r = co_await load(id);
  auto catalogue_ref = co_await catalogue_.load();
  const Catalogue& c = *catalogue_ref;
  check_can_see(who, r, c);
  auto rule = check_transition(r.status, action, who.role);
  if (who.role == Role::Leader && r.unit_id != unit_of(who, c)) {
    throw ApiError(403, "not_own_unit", say("problem.not_own_unit"));
  }
  std::string note = http::optional_string(body, "note", "", 2000);
  json outcome = r.outcome;
  std::string round_id = r.round_id;
  TransitionWrite w;
  w.from = r.status;
  w.to = rule.to;
  w.event_type = rule.event;
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
      // Submitted in the round open today, which may be a later one than the draft's.
      round_id = co_await filing_round_id(r.draft, c);
      auto quota = award->quota(period->kind, r.draft.subject_kind);
      if (!quota) {
        throw unprocessable("quota_not_set",
                            say("problem.quota_not_set",
                                {{"award", award->label},
                                 {"subject_kind", subject_kind_label(r.draft.subject_kind)},
                                 {"period", period_in_text(period->label)}}));
      }
      w.quota_limit = *quota;
      // One achievement, one award form (Luật Thi đua, khen thưởng 2022, nguyên tắc khen
      // thưởng): a second form for the same subject in the period needs the board's reason.
      auto reason = http::optional_string(body, "exception_reason", "", 500);
      exception = award_exception(who.role, reason, who.subject, iso_instant(clock_.now()));
      if (exception) {
        outcome["award_exception"] = {
            {"reason", exception->reason}, {"by", exception->by}, {"at", exception->at}};
        w.second_award_allowed = true;
      }
      break;
    }
    case Action::Approve:
    case Action::Reject: {
      bool passed = r.vote.is_object() && r.vote.value("passed", false);
      // Dated, so that the forwarding and the decision can be checked to follow it.
      if (action == Action::Approve) {
        outcome["approval"] = {{"date", iso_date(local_date(clock_.now()))}, {"by", who.subject}};
      }
      if (action == Action::Approve && !passed) {
        if (!r.vote.is_object()) throw conflict("vote_does_not_support", say("problem.no_vote"));
        throw conflict("vote_does_not_support",
                       say("problem.vote_short", {{"summary", r.vote.value("summary", "")}}));
      }
      if (action == Action::Reject) {
        note = http::required_string(body, "reason", 2000);
        if (passed) {
          throw conflict("vote_does_not_support",
                         say("problem.vote_passed", {{"summary", r.vote.value("summary", "")}}));
        }
        outcome["rejection"] = {
            {"reason", note}, {"by", who.subject}, {"at", iso_instant(clock_.now())}};
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
      auto sent = iso_date_field(body, "date");
      check_step_date({*parse_iso_date(sent), say("step.forward_date_field")},
                      local_date(clock_.now()),
                      recorded_step(outcome, "approval", "step.approval"));
      outcome["forwarding"] = {{"date", sent},
                               {"reference", http::required_string(body, "reference", 100)}};
      break;
    }
    case Action::Award: {
      auto number = http::required_string(body, "decision_number", 100);
      auto signed_on = iso_date_field(body, "decision_date");
      check_step_date({*parse_iso_date(signed_on), say("step.decision_date_field")},
                      local_date(clock_.now()),
                      recorded_step(outcome, "forwarding", "step.forwarding"));
      outcome["decision"] = {{"number", number}, {"date", signed_on}};
      // What the school website may say of the achievement, chosen by the board (optional).
      auto achievement = http::optional_string(body, "public_achievement", "", 300);
      if (!achievement.empty()) outcome["public_achievement"] = achievement;
      break;
    }
    case Action::NotAward:
      note = http::required_string(body, "reason", 2000);
      outcome["not_awarded"] = {{"reason", note}};
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
  w.set = {{"outcome", outcome.dump()}, {"updated_at", after.updated_at}, {"round_id", round_id}};
  w.history = history_entry(who, action_name(action), r.status, rule.to, note);
  // The history keeps why the board let this subject hold a second form in the period.
  if (exception) w.history["exception_reason"] = exception->reason;
  json extra = {{"from", status_name(r.status)}, {"to", status_name(rule.to)}};
  if (!note.empty()) extra["note"] = note;
  // The group is told "được tặng … theo Quyết định số …" (issue 13): the decision travels along.
  if (action == Action::Award) extra["decision"] = outcome["decision"];
  w.event = event(rule.event, after, who, extra);
  auto result = co_await store_.transition(r, w);
  if (result.result == WriteResult::OtherAward) {
    auto other = co_await store_.get(result.detail);
    std::string other_award = other ? other->award_label : say("award.other");
    throw conflict("one_award_per_period", say("problem.one_award_per_period",
                                               {{"subject", r.subject_name},
                                                {"id", result.detail},
                                                {"award", other_award},
                                                {"period", period_in_text(period->label)}}));
  }
  if (result.result == WriteResult::QuotaFull) {
    throw conflict(
        "quota_exceeded",
        say("problem.quota_exceeded", {{"award", award->label},
                                       {"period", period_in_text(period->label)},
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

Task<void> NominationsApp::check_visible(const Principal& who, const NominationRecord& r) {
  // Roles that see every nomination need no catalogue: the read path stays one round trip.
  if (sees_everything(who.role)) co_return;
  auto catalogue_ref = co_await catalogue_.load();
  check_can_see(who, r, *catalogue_ref);
}

Task<json> NominationsApp::whoami(const Principal& who) {
  json out = {{"subject", who.subject},
              {"name", who.name},
              {"role", role_name(who.role)},
              {"role_label", role_label(who.role)},
              {"unit_id", nullptr},
              {"unit_name", nullptr},
              {"writes_nominations", writes_nominations(who.role)},
              {"keeps_council_records", keeps_council_records(who.role)}};
  auto catalogue_ref = co_await catalogue_.load();
  if (const StaffMember* m = catalogue_ref->staff_member(who.subject)) {
    out["unit_id"] = m->unit_id;
    if (const Unit* u = catalogue_ref->unit(m->unit_id)) out["unit_name"] = u->name;
  }
  co_return out;
}

Task<NominationsApp::Detail> NominationsApp::detail(const Principal& who, const std::string& id) {
  Detail out;
  out.record = co_await load(id);
  // One catalogue read serves both the visibility check and the period's year.
  auto catalogue = co_await catalogue_.load();
  check_can_see(who, out.record, *catalogue);
  const auto& draft = out.record.draft;
  if (const Period* period = catalogue->period(draft.period)) {
    out.registration =
        co_await registrations_.get(period->year, draft.subject_kind, draft.subject_id);
  }
  co_return out;
}

Task<json> NominationsApp::history(const Principal& who, const std::string& id) {
  auto r = co_await load(id);
  co_await check_visible(who, r);
  auto entries = co_await store_.history(id);
  co_return json{{"id", id}, {"history", entries}};
}

Task<NominationPage> NominationsApp::list(const Principal& who, const ListFilter& f) {
  auto catalogue_ref = co_await catalogue_.load();
  const Catalogue& c = *catalogue_ref;
  std::string own_unit = unit_of(who, c);
  auto all = co_await store_.all();
  NominationPage page;
  for (auto& r : all) {
    if (!f.after.empty() && std::stoll(r.id) <= std::stoll(f.after)) continue;
    if (f.period && r.draft.period != *f.period) continue;
    if (f.award && r.draft.award != *f.award) continue;
    if (f.status && status_name(r.status) != *f.status) continue;
    if (f.unit_id && r.unit_id != *f.unit_id) continue;
    if (f.subject_id && r.draft.subject_id != *f.subject_id) continue;
    if (f.proposer && r.created_by != *f.proposer) continue;
    if (f.subject_kind && r.draft.subject_kind != *f.subject_kind) continue;
    if (!sees_everything(who.role)) {
      bool own =
          (who.role == Role::Leader && r.unit_id == own_unit) ||
          (r.draft.subject_kind == SubjectKind::Individual && r.draft.subject_id == who.subject);
      if (!own) continue;
    }
    if (page.items.size() == f.limit) {
      page.next_after = page.items.back().id;
      break;
    }
    page.items.push_back(std::move(r));
  }
  co_return page;
}

}  // namespace thidua::nominations
