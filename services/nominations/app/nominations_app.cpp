#include "nominations/app/nominations_app.hpp"

#include "core/errors.hpp"
#include "core/text.hpp"
#include "core/when_all.hpp"
#include "nominations/domain/evidence.hpp"
#include "nominations/domain/messages.hpp"

namespace thidua::nominations {
namespace {
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

// Who sees which nomination, the rule of every read: the board, the council and services see
// all; a leader their unit's (`own_unit`, unit_of); everyone the nominations about themselves.
bool sees(const Principal& who, const NominationRecord& r, const std::string& own_unit) {
  if (sees_everything(who.role)) return true;
  if (who.role == Role::Leader && r.unit_id == own_unit) return true;
  return r.draft.subject_kind == SubjectKind::Individual && r.draft.subject_id == who.subject;
}

// The list's filter, visibility aside.
bool matches(const ListFilter& f, const NominationRecord& r) {
  if (!f.after.empty() && std::stoll(r.id) <= std::stoll(f.after)) return false;
  if (f.period && r.draft.period != *f.period) return false;
  if (f.award && r.draft.award != *f.award) return false;
  if (f.status && status_name(r.status) != *f.status) return false;
  if (f.unit_id && r.unit_id != *f.unit_id) return false;
  if (f.subject_id && r.draft.subject_id != *f.subject_id) return false;
  if (f.proposer && r.created_by != *f.proposer) return false;
  if (f.subject_kind && r.draft.subject_kind != *f.subject_kind) return false;
  return true;
}

// Offers `r` (in id order, already seen to be visible) to a page of filter `f`: at most
// `f.limit` items; a further match only sets `next_after`. False once the page is complete.
bool offer(NominationPage& page, const ListFilter& f, const NominationRecord& r) {
  if (page.next_after) return false;
  if (!matches(f, r)) return true;
  if (page.items.size() == f.limit) {
    page.next_after = page.items.back().id;
    return false;
  }
  page.items.push_back(r);
  return true;
}

// The subject already has a live nomination (`existing_id`) for this award and period.
ApiError duplicate_nomination(const NominationRecord& r, const std::string& existing_id) {
  return conflict("duplicate_nomination", say("problem.duplicate_nomination",
                                              {{"subject", r.subject_name},
                                               {"id", existing_id},
                                               {"award", r.award_label},
                                               {"period", text::lower_first(r.period_label)}}));
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
  // Only a leader's unit counts, so only a leader is looked up (unit_of: 403 when missing).
  const std::string own_unit = who.role == Role::Leader ? unit_of(who, c) : std::string();
  if (sees(who, r, own_unit)) return;
  // Same answer as a missing one: a nomination's existence is not everyone's business.
  throw not_found("nomination_not_found", say("problem.nomination_not_found", {{"id", r.id}}));
}

Task<NominationRecord> NominationsApp::load(const std::string& id) {
  auto r = co_await store_.get(id);
  if (!r)
    throw not_found("nomination_not_found", say("problem.nomination_not_found", {{"id", id}}));
  co_return std::move(*r);
}

std::string NominationsApp::filing_round_id(const std::vector<Round>& rounds,
                                            const NominationDraft& draft,
                                            const Catalogue& c) const {
  return filing_round(rounds, draft.period, draft.award, local_date(clock_.now()), c).id;
}

Task<std::optional<std::vector<Round>>> NominationsApp::rounds_if(bool wanted) {
  if (!wanted) co_return std::nullopt;
  co_return co_await rounds_.all();
}

Task<NominationRecord> NominationsApp::create(const Principal& who, NominationDraft draft) {
  // The catalogue's version and the rounds leave together (one round trip, as in act()).
  auto catalogue_read = catalogue_.load();
  auto rounds_read = rounds_.all();
  auto both = co_await when_all(std::move(catalogue_read), std::move(rounds_read));
  const CatalogueRef catalogue_ref = std::move(std::get<0>(both));
  const Catalogue& c = *catalogue_ref;
  auto subject = check_draft(draft, c, who.role, unit_of(who, c));
  NominationRecord r;
  r.round_id = filing_round_id(std::get<1>(both), draft, c);
  r.id = co_await store_.next_id();
  apply_draft(r, std::move(draft), subject, c);
  r.created_by = who.subject;
  r.created_at = r.updated_at = iso_instant(clock_.now());
  auto history = history_entry(who, "create", std::nullopt, Status::Draft, "");
  auto created = event("nomination.created", r, who);  // named beside co_await (GCC 12)
  auto result = co_await store_.create(r, history, created);
  if (result.result == WriteResult::Duplicate) throw duplicate_nomination(r, result.detail);
  co_return r;
}

Task<NominationRecord> NominationsApp::edit(const Principal& who, const std::string& id,
                                            NominationDraft draft) {
  // The record, the catalogue's version and the rounds leave together (one round trip).
  auto record_read = load(id);
  auto catalogue_read = catalogue_.load();
  auto rounds_read = rounds_.all();
  auto all =
      co_await when_all(std::move(record_read), std::move(catalogue_read), std::move(rounds_read));
  const NominationRecord before = std::move(std::get<0>(all));
  const CatalogueRef catalogue_ref = std::move(std::get<1>(all));
  const Catalogue& c = *catalogue_ref;
  check_can_see(who, before, c);
  if (before.status != Status::Draft) {
    throw conflict("not_a_draft",
                   say("problem.not_a_draft", {{"status", status_label(before.status)}}));
  }
  auto subject = check_draft(draft, c, who.role, unit_of(who, c));
  NominationRecord after = before;
  after.round_id = filing_round_id(std::get<2>(all), draft, c);
  apply_draft(after, std::move(draft), subject, c);
  after.updated_at = iso_instant(clock_.now());
  auto history = history_entry(who, "edit", Status::Draft, Status::Draft, "");
  auto updated = event("nomination.updated", after, who);  // named beside co_await (GCC 12)
  auto result = co_await store_.edit_draft(before, after, history, updated);
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

Task<void> NominationsApp::check_visible(const Principal& who, const NominationRecord& r) {
  // Roles that see every nomination need no catalogue: the read path stays one round trip.
  if (sees_everything(who.role)) co_return;
  auto catalogue_ref = co_await catalogue_.load();
  check_can_see(who, r, *catalogue_ref);
}

Task<WhoAmI> NominationsApp::whoami(const Principal& who) {
  WhoAmI out;
  out.subject = who.subject;
  out.name = who.name;
  out.role = who.role;
  out.writes_nominations = writes_nominations(who.role);
  out.keeps_council_records = keeps_council_records(who.role);
  auto catalogue_ref = co_await catalogue_.load();
  if (const StaffMember* m = catalogue_ref->staff_member(who.subject)) {
    out.unit_id = m->unit_id;
    if (const Unit* u = catalogue_ref->unit(m->unit_id)) out.unit_name = u->name;
  }
  co_return out;
}

Task<NominationsApp::Detail> NominationsApp::detail(const Principal& who, const std::string& id,
                                                    bool full) {
  Detail out;
  // The record and the catalogue's version leave together: one Redis round trip, not two
  // (bench/README.md). One catalogue read serves the visibility check, the period's year and
  // the checklist.
  auto record_read = load(id);
  auto catalogue_read = catalogue_.load();
  auto both = co_await when_all(std::move(record_read), std::move(catalogue_read));
  out.record = std::move(std::get<0>(both));
  const CatalogueRef catalogue = std::move(std::get<1>(both));
  check_can_see(who, out.record, *catalogue);
  const auto& draft = out.record.draft;
  if (const Period* period = catalogue->period(draft.period)) {
    out.registration =
        co_await registrations_.get(period->year, draft.subject_kind, draft.subject_id);
  }
  if (full) {
    out.history = co_await store_.history(id);
    out.dossier = co_await dossier_of(out.record, *catalogue);
  }
  co_return out;
}

Task<std::vector<HistoryEntry>> NominationsApp::history(const Principal& who,
                                                        const std::string& id) {
  auto r = co_await load(id);
  co_await check_visible(who, r);
  co_return co_await store_.history(id);
}

Task<NominationPage> NominationsApp::list(const Principal& who, const ListFilter& f) {
  auto catalogue_ref = co_await catalogue_.load();
  const std::string own_unit = unit_of(who, *catalogue_ref);
  auto all = co_await store_.all();
  NominationPage page;
  for (const auto& r : all) {
    if (sees(who, r, own_unit) && !offer(page, f, r)) break;
  }
  co_return page;
}

Task<NominationsApp::Mine> NominationsApp::mine(const Principal& who, std::size_t limit) {
  Mine out;
  auto catalogue_ref = co_await catalogue_.load();
  if (!catalogue_ref->staff_member(who.subject)) co_return out;
  const std::string own_unit = unit_of(who, *catalogue_ref);
  ListFilter about;
  about.subject_id = who.subject;
  about.subject_kind = SubjectKind::Individual;
  about.limit = limit;
  ListFilter wrote;
  wrote.proposer = who.subject;
  wrote.limit = limit;
  out.about.emplace();
  if (writes_nominations(who.role)) out.wrote.emplace();
  // One scan fills both pages, each as list() with its filter would.
  auto all = co_await store_.all();
  for (const auto& r : all) {
    if (!sees(who, r, own_unit)) continue;
    bool more = offer(*out.about, about, r);
    if (out.wrote && offer(*out.wrote, wrote, r)) more = true;
    if (!more) break;
  }
  co_return out;
}

}  // namespace thidua::nominations
