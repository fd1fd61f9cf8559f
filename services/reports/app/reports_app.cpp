// The units' parts of the yearly report: who may read and write which, drafts, merges,
// submissions and reopening (ReportsApp, reports_app.hpp).
#include "reports/app/reports_app.hpp"

#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "reports/domain/messages.hpp"
#include "reports/domain/reminder_text.hpp"

namespace thidua::reports {
namespace {
ApiError unknown_unit(const std::string& unit) {
  return not_found("unit_not_found",
                   say("problem.unit_not_found", {{"unit", text::excerpt(unit, 32)}}));
}
}  // namespace

ReportsApp::ReportsApp(ReportsStore& store, UnitDirectory& directory, const Clock& clock,
                       ReportsSettings settings, ReminderPoster* poster)
    : store_(store),
      directory_(directory),
      clock_(clock),
      settings_(std::move(settings)),
      poster_(poster) {}

const UnitInfo& ReportsApp::writable_unit(const Principal& who, const Directory& dir,
                                          const std::string& unit, bool writing) const {
  const UnitInfo* u = dir.unit(unit);
  if (!u || !writes_yearly_part(*u)) throw unknown_unit(unit);
  // A deactivated unit's old parts stay readable; nothing more is written for it.
  if (writing && !u->active) {
    throw unprocessable("unit_inactive", say("problem.unit_inactive", {{"unit", u->name}}));
  }
  if (who.role == Role::Admin) return *u;
  auto own = dir.staff_unit.find(who.subject);
  if (who.role == Role::Leader && own != dir.staff_unit.end() && own->second == unit) return *u;
  throw ApiError(403, "not_your_unit", say("problem.not_your_unit"));
}

void ReportsApp::check_can_read(const Principal& who, const Directory& dir,
                                const std::string& unit) const {
  if (who.role == Role::Admin || who.role == Role::Council) return;
  writable_unit(who, dir, unit, false);
}

LocalDate ReportsApp::units_due(int year) const {
  return unit_due_date({year, 10, 30}, settings_.unit_due);
}

Task<UnitPart> ReportsApp::stored_part(int year, const UnitInfo& unit,
                                       const Contribution& fallback) {
  auto stored = co_await store_.contribution(year, unit.id);
  co_return UnitPart{stored.value_or(fallback), unit.name, std::nullopt};
}

Task<YearSubmissions> ReportsApp::submissions(int year) {
  auto dir = co_await directory_.get();
  auto parts = co_await store_.contributions(year);
  // Every unit's state, for every role: the reminders tell the whole staff group which
  // units still owe; a part's content stays with its unit and the board (contribution()).
  LocalDate due = units_due(year);
  co_return year_submissions(year, due, dir.units, parts);
}

Task<UnitPart> ReportsApp::contribution(const Principal& who, int year, const std::string& unit) {
  auto dir = co_await directory_.current();
  check_can_read(who, dir, unit);
  const UnitInfo* u = dir.unit(unit);
  if (!u || !writes_yearly_part(*u)) throw unknown_unit(unit);
  auto c = co_await store_.contribution(year, unit);
  if (!c) {
    throw not_found(
        "contribution_not_found",
        say("problem.no_contribution", {{"unit", u->name}, {"year", std::to_string(year)}}));
  }
  auto history = co_await store_.part_history(year, unit);
  co_return UnitPart{std::move(*c), u->name, std::move(history)};
}

Task<UnitPart> ReportsApp::reopen(const Principal& who, int year, const std::string& unit,
                                  const std::string& reason) {
  auto dir = co_await directory_.current();
  const UnitInfo& u = writable_unit(who, dir, unit);
  PartEvent event{"reopened", who.subject, iso_instant(clock_.now()), reason};
  bool reopened = co_await store_.reopen(year, unit, event);
  if (!reopened) {
    throw conflict("not_submitted", say("problem.not_submitted",
                                        {{"year", std::to_string(year)}, {"unit", u.name}}));
  }
  co_await tell_leaders_reopened(dir, u, year, event);
  co_return co_await contribution(who, year, unit);
}

Task<void> ReportsApp::tell_leaders_reopened(const Directory& dir, const UnitInfo& unit, int year,
                                             const PartEvent& event) {
  if (!poster_) co_return;
  for (const auto& s : dir.staff) {
    if (s.unit_id != unit.id || s.role != "leader" || !s.linked) continue;
    OutgoingReminder m;
    // Once per reopening and leader, however often the request is retried.
    m.idempotency_key =
        "reopened:" + std::to_string(year) + ":" + unit.id + ":" + event.at + ":" + s.id;
    m.staff_id = s.id;
    m.reminder = false;  // what to do now, not a reminder: /tatnhac does not stop it
    m.text = reopened_notice_text(s, unit.name, year, event.reason);
    PostResult r;
    try {
      r = co_await poster_->post(m);
    } catch (const std::exception& e) {
      r.error = e.what();
    }
    if (r.kind != PostResult::Kind::Posted) {
      log::warn("reopened_notice_not_queued",
                {{"staff_id", s.id}, {"unit", unit.id}, {"error", r.error}, {"code", r.code}});
    }
  }
}

Task<UnitPart> ReportsApp::save_draft(const Principal& who, const Contribution& part) {
  Contribution c = part;
  auto dir = co_await directory_.current();
  const UnitInfo& u = writable_unit(who, dir, c.unit_id);
  c.updated_by = who.subject;
  c.updated_at = iso_instant(clock_.now());
  // Ban giám hiệu may still correct a part after it was submitted; its submission stands.
  auto saved = co_await store_.save_draft(c, who.role == Role::Admin);
  if (saved == SaveResult::AlreadySubmitted) {
    throw conflict("already_submitted", say("problem.part_submitted", {{"unit", u.name}}));
  }
  co_return co_await stored_part(c.year, u, c);
}

Task<UnitPart> ReportsApp::patch_draft(const Principal& who, int year, const std::string& unit,
                                       const ContributionPatch& patch) {
  auto list = co_await indicators(year);
  auto dir = co_await directory_.current();
  const UnitInfo& u = writable_unit(who, dir, unit);
  const bool after_submit = who.role == Role::Admin;
  // Another edit may land between the read and the write: then read and merge again.
  for (int attempt = 0; attempt < 8; ++attempt) {
    auto stored = co_await store_.contribution(year, unit);
    Contribution base = stored ? *stored : empty_contribution(unit, year, list);
    Contribution next = apply_patch(base, patch);
    next.updated_by = who.subject;
    next.updated_at = iso_instant(clock_.now());
    std::optional<long long> onto = base.revision;
    auto saved = co_await store_.save_draft(next, after_submit, onto);
    if (saved == SaveResult::AlreadySubmitted) {
      throw conflict("already_submitted", say("problem.part_submitted", {{"unit", u.name}}));
    }
    if (saved == SaveResult::Ok) co_return co_await stored_part(year, u, next);
  }
  throw ApiError(503, "busy_editing", say("problem.busy_editing"));
}

Task<UnitPart> ReportsApp::submit(const Principal& who, int year, const std::string& unit,
                                  const std::optional<Contribution>& update) {
  auto dir = co_await directory_.current();
  const UnitInfo& u = writable_unit(who, dir, unit);
  auto now = clock_.now();
  // Late when sent after the school's own due date for units; accepted all the same.
  bool late = local_date(now) > units_due(year);
  auto result = co_await store_.submit(year, unit, who.subject, iso_instant(now), late, update);
  if (result == SubmitResult::Missing) {
    throw unprocessable("contribution_empty", say("problem.nothing_to_submit"));
  }
  if (result == SubmitResult::AlreadySubmitted) {
    throw conflict("already_submitted", say("problem.submitted_before",
                                            {{"year", std::to_string(year)}, {"unit", u.name}}));
  }
  // Named: no braced list beside co_await (the GCC 12 caveat in the README).
  std::vector<Indicator> none;
  Contribution fallback = update.value_or(empty_contribution(unit, year, none));
  co_return co_await stored_part(year, u, fallback);
}

}  // namespace thidua::reports
