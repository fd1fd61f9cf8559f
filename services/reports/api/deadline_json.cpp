#include "reports/api/deadline_json.hpp"

#include "core/errors.hpp"
#include "core/ids.hpp"
#include "http/json_io.hpp"
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

json done_json(const std::optional<DoneMark>& mark) {
  if (!mark) return nullptr;
  return {{"done_on", iso_date(mark->done_on)},
          {"done_on_vn", vn_date(mark->done_on)},
          {"number", mark->number},
          {"note", mark->note},
          {"marked_by", mark->marked_by},
          {"marked_at", mark->marked_at},
          {"via", mark->via}};
}
}  // namespace

Deadline parse_deadline(const json& j) {
  if (!j.is_object()) throw bad_request("expected_object", say("problem.deadline_shape"));
  Deadline d;
  d.id = http::required_string(j, "id", 64);
  if (!ids::deadline(d.id)) {
    throw bad_request("invalid_id", say("problem.deadline_id"));
  }
  d.name = http::required_string(j, "name", 300);
  d.recipient = http::required_string(j, "recipient", 300);
  auto rule = rule_named(http::optional_string(j, "rule", "yearly", 16));
  if (!rule) throw bad_request("invalid_rule", say("problem.deadline_rule"));
  d.rule = *rule;
  auto owner = owner_named(http::optional_string(j, "owed_by", "units", 16));
  if (!owner) throw bad_request("invalid_owner", say("problem.deadline_owner"));
  d.owed_by = *owner;
  const bool document_given = j.contains("document") && !j["document"].is_null();
  d.document = http::optional_string(j, "document", "", 32);
  if (document_given && d.document != "yearly_report") {
    throw bad_request("invalid_document", say("problem.deadline_document"));
  }
  // Every field given is checked, whether the rule uses it or not: a body is well formed or
  // not whatever its rule (400); rules between fields come after (422).
  d.month = http::optional_int(j, "month", 10, 1, 12);
  d.day = http::optional_int(j, "day", 30, 1, 31);
  d.first_year = http::optional_int(j, "first_year", kFirstYear, 2000, 2100);
  d.last_year = http::optional_int(j, "last_year", kLastYear, 2000, 2100);
  std::optional<LocalDate> date;
  if (auto it = j.find("date"); it != j.end() && !it->is_null()) {
    date = parse_iso_date(http::required_string(j, "date", 10));
    if (!date) throw bad_request("invalid_date", say("problem.deadline_date"));
  }
  return checked_deadline(std::move(d), date);
}

json to_json(const Deadline& d) {
  json j = {{"id", d.id},
            {"name", d.name},
            {"recipient", d.recipient},
            {"rule", rule_name(d.rule)},
            {"owed_by", owner_name(d.owed_by)}};
  if (!d.document.empty()) j["document"] = d.document;
  if (d.rule == RuleKind::Once) {
    j["date"] = iso_date(d.once);
  } else {
    if (d.rule == RuleKind::Yearly) {
      j["month"] = d.month;
      j["day"] = d.day;
    }
    j["first_year"] = d.first_year;
    j["last_year"] = d.last_year;
  }
  return j;
}

json to_json(const NextDeadline& next) {
  const Deadline& d = next.deadline;
  return {{"id", d.id},
          {"name", d.name},
          {"recipient", d.recipient},
          {"owed_by", owner_name(d.owed_by)},
          {"due_date", iso_date(next.occurrence.due)},
          {"due_date_vn", vn_date(next.occurrence.due)},
          {"days_left", next.occurrence.days_left},
          {"today", iso_date(next.today)},
          {"timezone", "Asia/Ho_Chi_Minh"}};
}

json to_json(const DeadlinesView& view) {
  json units = {{"available", view.units_unavailable.empty()}};
  if (!view.units_unavailable.empty()) units["detail"] = view.units_unavailable;
  json out = json::array();
  for (const auto& d : view.deadlines) {
    json occurrences = json::array();
    for (const auto& o : d.occurrences) occurrences.push_back(occurrence_json(d.deadline, o));
    json entry = to_json(d.deadline);
    entry["occurrences"] = std::move(occurrences);
    out.push_back(std::move(entry));
  }
  return {{"today", iso_date(view.today)},
          {"timezone", "Asia/Ho_Chi_Minh"},
          {"units", units},
          {"deadlines", out}};
}

json occurrence_json(const Deadline& d, const OccurrenceState& s) {
  const Occurrence& o = s.occurrence;
  json entry = {{"due_date", iso_date(o.due)}, {"due_date_vn", vn_date(o.due)},
                {"days_left", o.days_left},    {"year", o.due.year},
                {"submitted", nullptr},        {"missing", nullptr}};
  // Owed by registrations: who still owes, unit by unit; unavailable (lists null) when the
  // units (see `units`) or the registrations (`detail`) cannot be read.
  json registration = {{"year", registration_year(o.due)},
                       {"available", false},
                       {"detail", nullptr},
                       {"units", nullptr}};
  if (!s.unreadable.empty()) registration["detail"] = s.unreadable;
  if (s.owing) {
    if (d.owed_by == Owner::Registrations) {
      registration["available"] = true;
      registration["units"] = registration_units(s.owing->registrations);
    }
    entry["submitted"] = unit_list(s.owing->done);
    entry["missing"] = unit_list(s.owing->missing);
    if (d.owed_by == Owner::School) entry["done"] = done_json(s.owing->completed);
  }
  if (d.owed_by == Owner::Registrations) entry["registration"] = std::move(registration);
  if (s.unit_due) {
    entry["unit_due_date"] = iso_date(*s.unit_due);
    entry["unit_due_date_vn"] = vn_date(*s.unit_due);
  }
  return entry;
}

}  // namespace thidua::reports
