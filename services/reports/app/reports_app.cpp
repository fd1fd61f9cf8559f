#include "reports/app/reports_app.hpp"

#include <algorithm>

#include "core/errors.hpp"
#include "core/movement.hpp"
#include "core/text.hpp"
#include "http/json_io.hpp"
#include "reports/domain/contribution_patch.hpp"
#include "reports/domain/messages.hpp"

namespace thidua::reports {
namespace {
using nlohmann::json;

json unit_list(const std::vector<UnitInfo>& units) {
  json out = json::array();
  for (const auto& u : units) out.push_back({{"id", u.id}, {"name", u.name}});
  return out;
}

// Each active unit's registrations, in counts: the names of who has not registered are for
// their leader (nominations' GET /registrations), not for everyone who reads the deadlines.
json registration_units(const std::vector<UnitRegistrations>& all) {
  json out = json::array();
  for (const auto& u : all) {
    out.push_back({{"id", u.unit.id},
                   {"name", u.unit.name},
                   {"done", u.done()},
                   {"unit_registered", u.unit_registered},
                   {"members", u.members},
                   {"unregistered", u.unregistered.size()},
                   {"awaiting_confirmation", u.awaiting.size() + (u.unit_awaiting ? 1 : 0)}});
  }
  return out;
}

std::set<std::string> submitted_units(const std::vector<Contribution>& parts) {
  std::set<std::string> out;
  for (const auto& c : parts) {
    if (c.submitted) out.insert(c.unit_id);
  }
  return out;
}

ApiError unknown_unit(const std::string& unit) {
  return not_found("unit_not_found",
                   say("problem.unit_not_found", {{"unit", text::excerpt(unit, 32)}}));
}
}  // namespace

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

ReportsApp::ReportsApp(ReportsStore& store, UnitDirectory& directory, const Clock& clock,
                       ReportsSettings settings)
    : store_(store), directory_(directory), clock_(clock), settings_(std::move(settings)) {}

Task<std::vector<Deadline>> ReportsApp::all_deadlines() {
  auto list = co_await store_.deadlines();
  // Before the seed has loaded (first seconds of a first start) the plan's deadline holds.
  if (list.empty()) list.push_back(yearly_report_deadline());
  co_return list;
}

Task<json> ReportsApp::next_deadline() {
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
  co_return json{{"id", best->id},
                 {"name", best->name},
                 {"recipient", best->recipient},
                 {"owed_by", owner_name(best->owed_by)},
                 {"due_date", iso_date(next->due)},
                 {"due_date_vn", vn_date(next->due)},
                 {"days_left", next->days_left},
                 {"today", iso_date(today)},
                 {"timezone", "Asia/Ho_Chi_Minh"}};
}

Task<json> ReportsApp::deadlines(int count) {
  auto today = local_date(clock_.now());
  auto list = co_await all_deadlines();
  // The deadlines are this service's own; only who owes what needs nominations' units. When
  // those cannot be read, the deadlines are still served and the units marked unavailable.
  Directory dir;
  std::string units_unavailable;
  try {
    dir = co_await directory_.get();
  } catch (const ApiError& e) {
    if (e.status() != 503) throw;
    units_unavailable = e.detail();
  }
  json units = {{"available", units_unavailable.empty()}};
  if (!units_unavailable.empty()) units["detail"] = units_unavailable;
  json out = json::array();
  for (const auto& d : list) {
    json occurrences = json::array();
    for (const auto& o : next_occurrences(d, today, count, settings_.unit_due)) {
      occurrences.push_back(co_await occurrence_json(d, o, dir, units_unavailable.empty()));
    }
    json entry = to_json(d);
    entry["occurrences"] = std::move(occurrences);
    out.push_back(std::move(entry));
  }
  co_return json{{"today", iso_date(today)},
                 {"timezone", "Asia/Ho_Chi_Minh"},
                 {"units", units},
                 {"deadlines", out}};
}

Task<json> ReportsApp::occurrence_json(const Deadline& d, const Occurrence& o, const Directory& dir,
                                       bool units_available) {
  json entry = {{"due_date", iso_date(o.due)}, {"due_date_vn", vn_date(o.due)},
                {"days_left", o.days_left},    {"year", o.due.year},
                {"submitted", nullptr},        {"missing", nullptr}};
  const bool registrations = d.owed_by == Owner::Registrations;
  // Owed by registrations: who still owes, unit by unit; unavailable (lists null) when the
  // units (see `units`) or the registrations (`detail`) cannot be read.
  json registration = {{"year", registration_year(o.due)},
                       {"available", false},
                       {"detail", nullptr},
                       {"units", nullptr}};
  if (d.owed_by == Owner::School || units_available) {
    Owing owing;
    std::string unreadable;
    try {
      owing = co_await who_owes(store_, directory_, dir, d, o.due, settings_.school_name);
    } catch (const ApiError& e) {
      if (!registrations || e.status() != 503) throw;
      unreadable = e.detail();
    }
    if (!unreadable.empty()) {
      registration["detail"] = unreadable;
      entry["registration"] = std::move(registration);
      co_return entry;
    }
    if (registrations) {
      registration["available"] = true;
      registration["units"] = registration_units(owing.registrations);
    }
    entry["submitted"] = unit_list(owing.done);
    entry["missing"] = unit_list(owing.missing);
    if (d.owed_by == Owner::School) {
      json done = nullptr;
      if (const auto& m = owing.completed) {
        done = {{"done_on", iso_date(m->done_on)},
                {"done_on_vn", vn_date(m->done_on)},
                {"number", m->number},
                {"note", m->note},
                {"marked_by", m->marked_by},
                {"marked_at", m->marked_at},
                {"via", m->via}};
      }
      entry["done"] = done;
    }
  }
  if (registrations) entry["registration"] = std::move(registration);
  if (d.owed_by == Owner::Units) {
    auto own = unit_due_date(o.due, settings_.unit_due);
    entry["unit_due_date"] = iso_date(own);
    entry["unit_due_date_vn"] = vn_date(own);
  }
  co_return entry;
}

Task<json> ReportsApp::mark_done(const Principal& who, const std::string& id, LocalDate due,
                                 const DoneMark& given) {
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
  co_return co_await occurrence_json(d, o, none, false);
}

Task<json> ReportsApp::put_deadline(const std::string& id, const json& body) {
  json copy = body;
  if (copy.contains("id") && copy["id"] != id) {
    throw bad_request("id_mismatch", say("problem.id_mismatch"));
  }
  copy["id"] = id;
  auto d = parse_deadline(copy);
  co_await store_.put_deadline(d);
  co_return to_json(d);
}

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

Task<YearSubmissions> ReportsApp::submissions(int year) {
  auto dir = co_await directory_.get();
  auto parts = co_await store_.contributions(year);
  // Every unit's state, for every role: the reminders tell the whole staff group which
  // units still owe; a part's content stays with its unit and the board (contribution()).
  LocalDate due = units_due(year);
  co_return year_submissions(year, due, dir.units, parts);
}

Task<json> ReportsApp::contribution(const Principal& who, int year, const std::string& unit) {
  auto dir = co_await directory_.get();
  check_can_read(who, dir, unit);
  const UnitInfo* u = dir.unit(unit);
  if (!u || !writes_yearly_part(*u)) throw unknown_unit(unit);
  auto c = co_await store_.contribution(year, unit);
  if (!c) {
    throw not_found(
        "contribution_not_found",
        say("problem.no_contribution", {{"unit", u->name}, {"year", std::to_string(year)}}));
  }
  json j = to_json(*c);
  j["unit_name"] = u->name;
  j["history"] = json::array();
  auto history = co_await store_.part_history(year, unit);
  for (const auto& e : history) {
    json entry = {{"action", e.action}, {"by", e.by}, {"at", e.at}};
    if (!e.reason.empty()) entry["reason"] = e.reason;
    j["history"].push_back(std::move(entry));
  }
  co_return j;
}

Task<json> ReportsApp::reopen(const Principal& who, int year, const std::string& unit,
                              const json& body) {
  std::string reason = http::required_string(body, "reason", 500);
  auto dir = co_await directory_.get();
  const UnitInfo& u = writable_unit(who, dir, unit);
  PartEvent event{"reopened", who.subject, iso_instant(clock_.now()), reason};
  bool reopened = co_await store_.reopen(year, unit, event);
  if (!reopened) {
    throw conflict("not_submitted", say("problem.not_submitted",
                                        {{"year", std::to_string(year)}, {"unit", u.name}}));
  }
  co_return co_await contribution(who, year, unit);
}

Task<json> ReportsApp::save_draft(const Principal& who, int year, const std::string& unit,
                                  const json& body) {
  auto list = co_await indicators(year);
  auto c = parse_contribution(body, unit, year, list);
  auto dir = co_await directory_.get();
  const UnitInfo& u = writable_unit(who, dir, unit);
  c.updated_by = who.subject;
  c.updated_at = iso_instant(clock_.now());
  // Ban giám hiệu may still correct a part after it was submitted; its submission stands.
  auto saved = co_await store_.save_draft(c, who.role == Role::Admin);
  if (saved == SaveResult::AlreadySubmitted) {
    throw conflict("already_submitted", say("problem.part_submitted", {{"unit", u.name}}));
  }
  auto stored = co_await store_.contribution(year, unit);
  json j = to_json(stored.value_or(c));
  j["unit_name"] = u.name;
  co_return j;
}

Task<json> ReportsApp::patch_draft(const Principal& who, int year, const std::string& unit,
                                   const json& body) {
  auto list = co_await indicators(year);
  auto patch = parse_contribution_patch(body, list);
  auto dir = co_await directory_.get();
  const UnitInfo& u = writable_unit(who, dir, unit);
  const bool after_submit = who.role == Role::Admin;
  // Another edit may land between the read and the write: then read and merge again.
  for (int attempt = 0; attempt < 8; ++attempt) {
    auto stored = co_await store_.contribution(year, unit);
    Contribution base = parse_contribution(json::object(), unit, year, list);
    if (stored) base = *stored;
    Contribution next = apply_patch(base, patch);
    next.updated_by = who.subject;
    next.updated_at = iso_instant(clock_.now());
    std::optional<long long> onto = base.revision;
    auto saved = co_await store_.save_draft(next, after_submit, onto);
    if (saved == SaveResult::AlreadySubmitted) {
      throw conflict("already_submitted", say("problem.part_submitted", {{"unit", u.name}}));
    }
    if (saved == SaveResult::Ok) {
      auto now_stored = co_await store_.contribution(year, unit);
      json j = to_json(now_stored.value_or(next));
      j["unit_name"] = u.name;
      co_return j;
    }
  }
  throw ApiError(503, "busy_editing", say("problem.busy_editing"));
}

Task<json> ReportsApp::submit(const Principal& who, int year, const std::string& unit,
                              const json& body) {
  std::optional<Contribution> update;
  auto list = co_await indicators(year);
  if (!body.empty()) update = parse_contribution(body, unit, year, list);
  auto dir = co_await directory_.get();
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
  auto stored = co_await store_.contribution(year, unit);
  json j = to_json(*stored);
  j["unit_name"] = u.name;
  co_return j;
}

Task<std::vector<Indicator>> ReportsApp::indicators(int year) {
  auto edited = co_await store_.indicators(year);
  co_return edited ? *edited : default_indicators();
}

Task<std::vector<Indicator>> ReportsApp::set_indicators(int year, std::vector<Indicator> list) {
  check_indicator_list(list);
  auto before = co_await indicators(year);
  auto parts = co_await store_.contributions(year);
  std::map<std::string, long long> counted;
  for (const auto& c : parts) {
    for (const auto& [code, n] : c.figures) counted[code] += n;
  }
  auto dropped = dropped_with_figures(before, list, counted);
  if (!dropped.empty()) {
    std::string codes;
    for (const auto& code : dropped) codes += (codes.empty() ? "" : ", ") + code;
    throw conflict("indicator_in_use", say("problem.indicator_in_use",
                                           {{"year", std::to_string(year)}, {"codes", codes}}));
  }
  co_await store_.put_indicators(year, list);
  co_return list;
}

Task<SchoolReport> ReportsApp::school_report(int year) {
  auto dir = co_await directory_.get();
  auto list = co_await all_deadlines();
  SchoolReport r;
  r.year = year;
  r.school.name = settings_.school_name;
  r.school.place = settings_.school_place;
  r.school.title = "Kết quả thực hiện phong trào thi đua đổi mới sáng tạo và chuyển đổi số";
  r.school.recipient = yearly_report_deadline().recipient;
  for (const auto& d : list) {
    if (d.id == yearly_report_deadline().id) r.school.recipient = d.recipient;
  }
  auto parts = co_await store_.contributions(year);
  r.units = units_of_year(dir.units, submitted_units(parts));
  for (auto& c : parts) {
    if (c.submitted && dir.unit(c.unit_id)) r.submitted.emplace(c.unit_id, std::move(c));
  }
  r.sent = co_await store_.sent(year);
  r.indicators = co_await indicators(year);
  co_return r;
}

Task<json> ReportsApp::mark_sent(const Principal& who, int year, const json& body,
                                 const std::vector<IssuedDocument>& issued) {
  auto on = parse_iso_date(http::required_string(body, "sent_on", 10));
  if (!on) throw bad_request("invalid_date", say("problem.sent_on_format"));
  // Each may be left out; when given, it is checked as a required one is.
  auto given = [&body](const char* field) { return body.contains(field); };
  std::string number = given("number") ? http::required_string(body, "number", 64) : "";
  std::string document_id =
      given("document_id") ? http::required_string(body, "document_id", 40) : "";
  if (on->year < year || *on > local_date(clock_.now())) {
    throw unprocessable("invalid_sent_on", say("problem.sent_on_range"));
  }
  auto chosen = choose_sent_document(issued, year, document_id, number);
  SentMark mark{*on, chosen.number, who.subject, iso_instant(clock_.now()), chosen.document_id};
  co_await store_.mark_sent(year, mark);
  auto report = co_await school_report(year);
  co_return to_json(report);
}

Task<json> ReportsApp::public_figures(std::optional<int> year) {
  json years = json::array();
  for (int y = kFirstYear; y <= kLastYear; ++y) {
    if (year && *year != y) continue;
    auto parts = co_await store_.contributions(y);
    auto list = co_await indicators(y);
    std::map<std::string, long long> totals = zero_figures(list);
    int units = 0;
    for (const auto& c : parts) {
      if (!c.submitted) continue;
      ++units;
      for (const auto& [code, n] : c.figures) totals[code] += n;
    }
    if (units == 0 && !year) continue;
    json figures = json::array();
    for (const auto& i : list) {
      figures.push_back({{"code", i.code},
                         {"label", i.label},
                         {"area", i.area},
                         {"unit", i.unit},
                         {"total", totals[i.code]}});
    }
    years.push_back({{"year", y}, {"units_reported", units}, {"figures", figures}});
  }
  co_return json{{"years", years}};
}

}  // namespace thidua::reports
