#include "notifications/domain/replies.hpp"

#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "core/json_read.hpp"
#include "core/messages.hpp"
#include "core/roles.hpp"
#include "core/text.hpp"
#include "notifications/domain/messages.hpp"

namespace thidua::notifications {
namespace {
using nlohmann::json;

const json& items_of(const json& j, const char* key) {
  static const json empty = json::array();
  if (!j.is_object()) return empty;
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : empty;
}

std::string submission_status(const std::string& s) {
  if (s == "submitted" || s == "draft" || s == "missing") return say("reports.status_" + s);
  return s;
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}
// What a registration deadline's occurrence still owes (issue 14): the units whose people
// have not all registered, with counts, as GET /deadlines lists them in `registration`.
std::string registrations_owing(const json& occurrence) {
  auto reg = occurrence.find("registration");
  if (reg == occurrence.end() || !reg->is_object() || !reg->contains("units") ||
      !(*reg)["units"].is_array()) {
    return say("deadline.registrations_unknown");
  }
  std::vector<std::string> owing;
  for (const auto& u : (*reg)["units"]) {
    if (!u.is_object() || u.value("done", true)) continue;
    auto people = u.find("unregistered");
    long long n = people != u.end() && people->is_number_integer() ? people->get<long long>() : 0;
    bool unit = !u.value("unit_registered", true);
    std::string count = std::to_string(n);
    std::string gap = unit && n > 0 ? say("deadline.registration_gap_both", {{"count", count}})
                      : unit        ? say("deadline.registration_gap_unit")
                                    : say("deadline.registration_gap_people", {{"count", count}});
    owing.push_back(json_read::text_or_number(u, "name", json_read::text_or_number(u, "id")) +
                    " (" + gap + ")");
  }
  if (owing.empty()) return say("deadline.all_registered");
  return say("deadline.registrations_owe", {{"units", joined(owing)}});
}
}  // namespace

std::string vn_date_of(const std::string& iso) {
  if (auto d = parse_iso_date(iso.substr(0, 10)); d && iso.size() == 10) return vn_date(*d);
  if (auto t = parse_iso_instant(iso)) return vn_date(local_date(*t));
  return iso;
}

std::string role_label(const std::string& role) {
  auto r = parse_role(role);
  return r && *r != Role::Service ? role_in_text(*r) : say("role.unknown");
}

std::string reply_deadlines(const json& deadlines) {
  // The occurrence due soonest (days_left is 0 or more for every listed occurrence).
  const json* deadline = nullptr;
  const json* next = nullptr;
  for (const auto& d : items_of(deadlines, "deadlines")) {
    for (const auto& o : items_of(d, "occurrences")) {
      auto days = o.find("days_left");
      if (!o.is_object() || days == o.end() || !days->is_number_integer()) continue;
      if (!next || days->get<long long>() < (*next)["days_left"].get<long long>()) {
        deadline = &d;
        next = &o;
      }
    }
  }
  if (!next) return say("deadline.unknown");
  std::string due = json_read::text_or_number(
      *next, "due_date_vn", vn_date_of(json_read::text_or_number(*next, "due_date")));
  std::string name = json_read::text_or_number(*deadline, "name", say("deadline.default_name"));
  long long d = (*next)["days_left"].get<long long>();
  std::string t = d == 0 ? say("deadline.next_today", {{"name", name}, {"date", due}})
                         : say("deadline.next_days",
                               {{"name", name}, {"date", due}, {"days", std::to_string(d)}});
  if (json_read::text_or_number(*deadline, "owed_by") == "school") {
    auto done = next->find("done");
    if (done != next->end() && done->is_object()) {
      std::string on = json_read::text_or_number(
          *done, "done_on_vn", vn_date_of(json_read::text_or_number(*done, "done_on")));
      return t + "\n" + say("deadline.school_done", {{"date", on}});
    }
    return t + "\n" + say("deadline.school_owes");
  }
  if (json_read::text_or_number(*deadline, "owed_by") == "registrations")
    return t + "\n" + registrations_owing(*next);
  std::string units_due = json_read::text_or_number(*next, "unit_due_date");
  if (!units_due.empty() && units_due != json_read::text_or_number(*next, "due_date")) {
    bool past =
        units_due < json_read::text_or_number(deadlines, "today");  // ISO dates compare as text
    t += "\n" + say(past ? "deadline.units_due_past" : "deadline.units_due",
                    {{"date", json_read::text_or_number(*next, "unit_due_date_vn",
                                                        vn_date_of(units_due))}});
  }
  auto missing = next->find("missing");
  if (missing == next->end() || !missing->is_array()) {
    return t + "\n" + say("deadline.owing_unknown");
  }
  std::vector<std::string> owing;
  for (const auto& u : *missing)
    owing.push_back(json_read::text_or_number(u, "name", json_read::text_or_number(u, "id")));
  return t + "\n" +
         (owing.empty() ? say("deadline.all_submitted")
                        : say("deadline.owing", {{"units", joined(owing)}}));
}

std::string reply_reports(const json& submissions, int year) {
  const auto& units = items_of(submissions, "units");
  std::string y = std::to_string(year);
  if (units.empty()) return say("reports.empty", {{"year", y}});
  std::string t = say("reports.title", {{"year", y}});
  for (const auto& u : units) {
    std::string unit =
        json_read::text_or_number(u, "unit_name", json_read::text_or_number(u, "unit_id"));
    std::string status = submission_status(json_read::text_or_number(u, "status"));
    std::string at = json_read::text_or_number(u, "submitted_at");
    auto late = u.find("late");
    bool is_late = late != u.end() && late->is_boolean() && late->get<bool>();
    if (at.empty()) {
      t += "\n" + say("reports.unit", {{"unit", unit}, {"status", status}});
    } else {
      t += "\n" + say(is_late ? "reports.unit_late" : "reports.unit_on",
                      {{"unit", unit}, {"status", status}, {"date", vn_date_of(at)}});
    }
  }
  return t;
}

std::string reply_quotas(const json& quotas) {
  std::string label = text::lower_first(json_read::text_or_number(
      quotas, "period_label", json_read::text_or_number(quotas, "period")));
  const auto& items = items_of(quotas, "items");
  if (items.empty()) return say("quotas.empty", {{"period", label}});
  std::string t = say("quotas.title", {{"period", label}});
  for (const auto& i : items) {
    std::string limit = say("quotas.unlimited");
    if (auto l = i.find("limit"); l != i.end() && l->is_number_integer()) {
      limit = std::to_string(l->get<long long>());
    } else if (l != i.end() && l->is_null()) {
      limit = say("quotas.unset");
    }
    std::string kind = json_read::text_or_number(i, "subject_kind");
    std::string award =
        json_read::text_or_number(i, "award_label", json_read::text_or_number(i, "award"));
    std::string used = json_read::text_or_number(i, "used", "0");
    if (kind == "collective" || kind == "individual") {
      t += "\n" + say("quotas.item_for", {{"award", award},
                                          {"subject", say("subject." + kind)},
                                          {"used", used},
                                          {"limit", limit}});
    } else {
      t += "\n" + say("quotas.item", {{"award", award}, {"used", used}, {"limit", limit}});
    }
  }
  return t;
}

std::string reply_nominations(const json& list, const std::string& staff_name) {
  const auto& items = items_of(list, "items");
  if (items.empty()) return say("nominations.empty", {{"name", staff_name}});
  std::string t = say("nominations.title", {{"name", staff_name}});
  for (const auto& n : items) {
    t += "\n" + say("nominations.item",
                    {{"id", json_read::text_or_number(n, "id")},
                     {"award", json_read::text_or_number(n, "award_label",
                                                         json_read::text_or_number(n, "award"))},
                     {"period", text::lower_first(json_read::text_or_number(
                                    n, "period_label", json_read::text_or_number(n, "period")))},
                     {"status", json_read::text_or_number(
                                    n, "status_label", json_read::text_or_number(n, "status"))}});
  }
  return t;
}

std::string reply_nomination(const json& n) {
  std::string updated = json_read::text_or_number(n, "updated_at");
  std::string id = json_read::text_or_number(n, "id");
  std::string subject = json_read::text_or_number(n, "subject_name");
  std::string award =
      json_read::text_or_number(n, "award_label", json_read::text_or_number(n, "award"));
  std::string period = text::lower_first(
      json_read::text_or_number(n, "period_label", json_read::text_or_number(n, "period")));
  std::string status =
      json_read::text_or_number(n, "status_label", json_read::text_or_number(n, "status"));
  if (updated.empty()) {
    return say("nomination.status", {{"id", id},
                                     {"subject", subject},
                                     {"award", award},
                                     {"period", period},
                                     {"status", status}});
  }
  return say("nomination.status_updated", {{"id", id},
                                           {"subject", subject},
                                           {"award", award},
                                           {"period", period},
                                           {"status", status},
                                           {"date", vn_date_of(updated)}});
}

std::string you(const Colleague& staff) {
  return common::addressed_as(staff.gender);
}

std::string addressed_name(const Colleague& staff) {
  const auto& g = staff.gender;
  const auto& name = staff.name;
  if (g == "male" || g == "female")
    return say("person.addressed", {{"you", you(staff)}, {"name", name}});
  return name;
}

std::string reply_whoami(const Colleague& staff) {
  return say("answer.whoami",
             {{"name", addressed_name(staff)}, {"id", staff.id}, {"role", role_label(staff.role)}});
}

std::string reply_linked(const Colleague& staff) {
  return say("answer.linked", {{"name", addressed_name(staff)}, {"id", staff.id}});
}

std::string reply_reminders(bool off, bool changed, const Colleague& staff) {
  std::string key = off ? (changed ? "reminders.off" : "reminders.already_off")
                        : (changed ? "reminders.on" : "reminders.already_on");
  std::string t = say(key, {{"name", addressed_name(staff)}, {"you", you(staff)}});
  // Only leaders of units that still owe their part get them; say so to everyone else.
  if (staff.role != "leader") t += " " + say("reminders.only_leaders");
  return t;
}

std::string vn_time_of(const std::string& iso) {
  auto t = parse_iso_instant(iso);
  if (!t) return {};
  auto minutes =
      std::chrono::duration_cast<std::chrono::minutes>((*t + kVietnamUtcOffset).time_since_epoch())
          .count();
  auto of_day = ((minutes % 1440) + 1440) % 1440;
  char buf[8];
  std::snprintf(buf, sizeof(buf), "%02d:%02d", static_cast<int>(of_day / 60),
                static_cast<int>(of_day % 60));
  return buf;
}

std::string sign_in_link(const std::string& dashboard_url, const std::string& code) {
  if (dashboard_url.empty()) return {};
  std::string base = dashboard_url.substr(0, dashboard_url.find('#'));
  return base + "#ma=" + code;
}

std::string reply_sign_in(const json& issued, const std::string& dashboard_url,
                          const Colleague& staff) {
  std::string code = json_read::text_or_number(issued, "code");
  std::string t =
      say("sign_in.code", {{"name", addressed_name(staff)},
                           {"code", json_read::text_or_number(issued, "display", code)},
                           {"minutes", json_read::text_or_number(issued, "valid_minutes", "5")},
                           {"time", vn_time_of(json_read::text_or_number(issued, "expires_at"))}});
  auto link = sign_in_link(dashboard_url, code);
  t += "\n" + (link.empty() ? say("sign_in.no_link") : say("sign_in.link", {{"link", link}}));
  t += "\n" + say("sign_in.keep_private");
  return t;
}

}  // namespace thidua::notifications
