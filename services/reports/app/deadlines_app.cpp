// The deadlines: the public next one, the full list with who owes each occurrence, and the
// board's marks (ReportsApp, reports_app.hpp).
#include <algorithm>

#include "core/errors.hpp"
#include "core/movement.hpp"
#include "core/text.hpp"
#include "reports/app/reports_app.hpp"
#include "reports/domain/messages.hpp"

namespace thidua::reports {

Task<Owing> who_owes(ReportsStore& store, UnitDirectory& nominations, const Directory& dir,
                     const Deadline& deadline, LocalDate due, const std::string& school_name) {
  Owing out;
  if (deadline.owed_by == Owner::Registrations) {
    auto list = co_await nominations.registrations(registration_year(due));
    out.registrations = registrations_by_unit(dir.units, dir.staff, list);
    for (const auto& u : out.registrations) (u.done() ? out.done : out.missing).push_back(u.unit);
    co_return out;
  }
  if (deadline.owed_by == Owner::School) {
    UnitInfo school{"school", school_name, "school"};
    auto own = co_await store.done_mark(deadline.id, due);
    std::optional<SentMark> sent;
    if (deadline.document == "yearly_report") sent = co_await store.sent(due.year);
    out.completed = completion_of(deadline, own, sent);
    (out.completed ? out.done : out.missing).push_back(school);
    co_return out;
  }
  auto parts = co_await store.contributions(due.year);
  auto submitted = submitted_units(parts);
  for (const auto& u : units_of_year(dir.units, submitted)) {
    (submitted.count(u.id) > 0 ? out.done : out.missing).push_back(u);
  }
  co_return out;
}

Task<std::vector<Deadline>> ReportsApp::all_deadlines() {
  auto list = co_await store_.deadlines();
  // Before the seed has loaded (first seconds of a first start) the plan's deadline holds.
  if (list.empty()) list.push_back(yearly_report_deadline());
  co_return list;
}

Task<NextDeadline> ReportsApp::next_deadline() {
  auto today = local_date(clock_.now());
  auto list = co_await all_deadlines();
  const Deadline* best = nullptr;
  std::optional<Occurrence> next;
  for (const auto& d : list) {
    auto o = next_occurrence(d, today, settings_.unit_due);
    if (o && (!next || o->due < next->due)) best = &d, next = o;
  }
  if (!next) {
    throw not_found("no_upcoming_deadline",
                    say("problem.no_upcoming_deadline", {{"year", std::to_string(kLastYear)}}));
  }
  co_return NextDeadline{*best, *next, today};
}

Task<DeadlinesView> ReportsApp::deadlines(int count) {
  DeadlinesView out;
  out.today = local_date(clock_.now());
  auto list = co_await all_deadlines();
  // The deadlines are this service's own; only who owes what needs nominations' units. When
  // those cannot be read, the deadlines are still served and the units marked unavailable.
  Directory dir;
  try {
    dir = co_await directory_.get();
  } catch (const ApiError& e) {
    if (e.status() != 503) throw;
    out.units_unavailable = e.detail();
  }
  const bool units_available = out.units_unavailable.empty();
  for (const auto& d : list) {
    DeadlineOccurrences entry{d, {}};
    for (const auto& o : next_occurrences(d, out.today, count, settings_.unit_due)) {
      entry.occurrences.push_back(co_await occurrence_state(d, o, dir, units_available));
    }
    out.deadlines.push_back(std::move(entry));
  }
  co_return out;
}

Task<OccurrenceState> ReportsApp::occurrence_state(const Deadline& d, const Occurrence& o,
                                                   const Directory& dir, bool units_available) {
  OccurrenceState out;
  out.occurrence = o;
  if (d.owed_by == Owner::Units) out.unit_due = unit_due_date(o.due, settings_.unit_due);
  if (d.owed_by != Owner::School && !units_available) co_return out;
  try {
    out.owing = co_await who_owes(store_, directory_, dir, d, o.due, settings_.school_name);
  } catch (const ApiError& e) {
    // Registrations that cannot be read: the deadline is listed, who owes it is not.
    if (d.owed_by != Owner::Registrations || e.status() != 503) throw;
    out.unreadable = e.detail();
  }
  co_return out;
}

Task<DeadlineOccurrences> ReportsApp::mark_done(const Principal& who, const std::string& id,
                                                LocalDate due, const DoneMark& given) {
  DoneMark mark = given;
  auto list = co_await all_deadlines();
  auto it = std::find_if(list.begin(), list.end(), [&id](const Deadline& d) { return d.id == id; });
  if (it == list.end()) {
    throw not_found("deadline_not_found",
                    say("problem.deadline_not_found", {{"id", text::excerpt(id, 32)}}));
  }
  const Deadline d = *it;
  auto today = local_date(clock_.now());
  check_done_mark(d, due, mark.done_on, today, settings_.unit_due);
  mark.marked_by = who.subject;
  mark.marked_at = iso_instant(clock_.now());
  mark.via = "mark";
  co_await store_.mark_done(d.id, due, mark);
  Occurrence o{due, days_between(today, due)};
  Directory none;  // a deadline the school owes needs no units
  DeadlineOccurrences out{d, {}};
  out.occurrences.push_back(co_await occurrence_state(d, o, none, false));
  co_return out;
}

Task<void> ReportsApp::put_deadline(const Deadline& d) {
  co_await store_.put_deadline(d);
}

}  // namespace thidua::reports
