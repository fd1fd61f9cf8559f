#include "notifications/domain/replies.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>

#include "core/clock.hpp"
#include "core/messages.hpp"
#include "core/roles.hpp"
#include "core/text.hpp"
#include "notifications/domain/messages.hpp"

namespace thidua::notifications {
namespace {

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
std::string registrations_owing(const DeadlineOccurrence& occurrence) {
  if (!occurrence.registration) return say("deadline.registrations_unknown");
  std::vector<std::string> owing;
  for (const auto& u : *occurrence.registration) {
    bool unit = !u.unit_registered;
    long long n = u.unregistered;
    std::string count = std::to_string(n);
    std::string gap = unit && n > 0 ? say("deadline.registration_gap_both", {{"count", count}})
                      : unit        ? say("deadline.registration_gap_unit")
                                    : say("deadline.registration_gap_people", {{"count", count}});
    owing.push_back(u.name + " (" + gap + ")");
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

namespace {
// The next deadline with its own state.
std::string deadline_text(const Deadlines& deadlines) {
  // The occurrence due soonest (days_left is 0 or more for every listed occurrence).
  const Deadline* deadline = nullptr;
  const DeadlineOccurrence* next = nullptr;
  for (const auto& d : deadlines.deadlines) {
    for (const auto& o : d.occurrences) {
      if (!next || o.days_left < next->days_left) {
        deadline = &d;
        next = &o;
      }
    }
  }
  if (!next) return say("deadline.unknown");
  std::string due = next->due_date_vn.value_or(vn_date_of(next->due_date));
  std::string name = deadline->name.value_or(say("deadline.default_name"));
  long long d = next->days_left;
  std::string t = d == 0 ? say("deadline.next_today", {{"name", name}, {"date", due}})
                         : say("deadline.next_days",
                               {{"name", name}, {"date", due}, {"days", std::to_string(d)}});
  if (deadline->owed_by == "school") {
    if (next->done) {
      std::string on = next->done->on_vn.value_or(vn_date_of(next->done->on));
      return t + "\n" + say("deadline.school_done", {{"date", on}});
    }
    return t + "\n" + say("deadline.school_owes");
  }
  if (deadline->owed_by == "registrations") return t + "\n" + registrations_owing(*next);
  const std::string& units_due = next->unit_due_date;
  if (!units_due.empty() && units_due != next->due_date) {
    bool past = units_due < deadlines.today;  // ISO dates compare as text
    t += "\n" + say(past ? "deadline.units_due_past" : "deadline.units_due",
                    {{"date", next->unit_due_date_vn.value_or(vn_date_of(units_due))}});
  }
  if (!next->missing) return t + "\n" + say("deadline.owing_unknown");
  const auto& owing = *next->missing;
  return t + "\n" +
         (owing.empty() ? say("deadline.all_submitted")
                        : say("deadline.owing", {{"units", joined(owing)}}));
}

// Days to the next deadline; -1 when none is known.
long long days_to_next(const Deadlines& deadlines) {
  long long days = -1;
  for (const auto& d : deadlines.deadlines) {
    for (const auto& o : d.occurrences) {
      if (days < 0 || o.days_left < days) days = o.days_left;
    }
  }
  return days;
}

std::string round_line(const OpenRound& r) {
  std::string date = r.closes_vn.value_or(vn_date_of(r.closes));
  return r.days_left == 0
             ? say("deadline.round_today", {{"name", r.name}, {"date", date}})
             : say("deadline.round_days",
                   {{"name", r.name}, {"date", date}, {"days", std::to_string(r.days_left)}});
}
}  // namespace

std::string reply_deadlines(const Deadlines& deadlines, const std::vector<OpenRound>& rounds) {
  const long long days = days_to_next(deadlines);
  std::vector<OpenRound> sorted = rounds;
  std::stable_sort(sorted.begin(), sorted.end(), [](const OpenRound& a, const OpenRound& b) {
    return a.days_left < b.days_left;
  });
  std::string text;
  for (const auto& r : sorted) {
    if (days < 0 || r.days_left < days) text += round_line(r) + "\n";
  }
  text += deadline_text(deadlines);
  for (const auto& r : sorted) {
    if (days >= 0 && r.days_left >= days) text += "\n" + round_line(r);
  }
  return text;
}

int report_year(const Deadlines& deadlines, int fallback) {
  for (const auto& d : deadlines.deadlines) {
    if (d.owed_by == "school" || d.owed_by == "registrations" || d.occurrences.empty()) continue;
    auto due = parse_iso_date(d.occurrences.front().due_date);
    if (due) return due->year;
  }
  return fallback;
}

std::string reply_reports(const std::vector<UnitSubmission>& units, int year) {
  std::string y = std::to_string(year);
  if (units.empty()) return say("reports.empty", {{"year", y}});
  std::string t = say("reports.title", {{"year", y}});
  for (const auto& u : units) {
    std::string status = submission_status(u.status);
    if (u.submitted_at.empty()) {
      t += "\n" + say("reports.unit", {{"unit", u.unit}, {"status", status}});
    } else {
      t += "\n" + say(u.late ? "reports.unit_late" : "reports.unit_on",
                      {{"unit", u.unit}, {"status", status}, {"date", vn_date_of(u.submitted_at)}});
    }
  }
  return t;
}

std::string reply_quotas(const Quotas& quotas) {
  std::string label = text::lower_first(quotas.period);
  if (quotas.items.empty()) return say("quotas.empty", {{"period", label}});
  std::string t = say("quotas.title", {{"period", label}});
  for (const auto& i : quotas.items) {
    std::string limit = i.limit_kind == QuotaItem::Limit::Count   ? std::to_string(i.limit)
                        : i.limit_kind == QuotaItem::Limit::Unset ? say("quotas.unset")
                                                                  : say("quotas.unlimited");
    const std::string& kind = i.subject_kind;
    if (kind == "collective" || kind == "individual") {
      t += "\n" + say("quotas.item_for", {{"award", i.award},
                                          {"subject", say("subject." + kind)},
                                          {"used", i.used},
                                          {"limit", limit}});
    } else {
      t += "\n" + say("quotas.item", {{"award", i.award}, {"used", i.used}, {"limit", limit}});
    }
  }
  return t;
}

bool told_in_group(const NominationView& n) {
  static constexpr std::array<std::string_view, 5> kTold{"submitted", "under_review", "approved",
                                                         "forwarded", "awarded"};
  return std::find(kTold.begin(), kTold.end(), n.state) != kTold.end();
}

std::string reply_nominations(const std::vector<NominationView>& list,
                              const std::string& staff_name, bool in_group,
                              const std::vector<NominationView>& wrote) {
  std::vector<const NominationView*> shown;
  for (const auto& n : list) {
    if (!in_group || told_in_group(n)) shown.push_back(&n);
  }
  std::string t;
  if (shown.empty()) {
    t = say(in_group ? "nominations.empty_in_group" : "nominations.empty", {{"name", staff_name}});
  } else {
    t = say("nominations.title", {{"name", staff_name}});
    for (const auto* n : shown) {
      t += "\n" + say("nominations.item", {{"id", n->id},
                                           {"award", n->award},
                                           {"period", text::lower_first(n->period)},
                                           {"status", n->status}});
    }
  }
  if (in_group) {
    t += "\n" + say("nominations.rest_in_private");
    return t;
  }
  bool titled = false;
  for (const auto& n : wrote) {
    if (std::any_of(list.begin(), list.end(), [&](const auto& own) { return own.id == n.id; }))
      continue;
    if (!titled) t += "\n" + say("nominations.wrote_title");
    titled = true;
    t += "\n" + say("nominations.wrote_item", {{"id", n.id},
                                               {"subject", n.subject_name},
                                               {"award", n.award},
                                               {"period", text::lower_first(n.period)},
                                               {"status", n.status}});
  }
  return t;
}

std::string reply_nomination(const NominationView& n, bool in_group) {
  if (in_group && !told_in_group(n)) return say("nomination.ask_in_private", {{"id", n.id}});
  std::string period = text::lower_first(n.period);
  if (n.updated_at.empty()) {
    return say("nomination.status", {{"id", n.id},
                                     {"subject", n.subject_name},
                                     {"award", n.award},
                                     {"period", period},
                                     {"status", n.status}});
  }
  return say("nomination.status_updated", {{"id", n.id},
                                           {"subject", n.subject_name},
                                           {"award", n.award},
                                           {"period", period},
                                           {"status", n.status},
                                           {"date", vn_date_of(n.updated_at)}});
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
  return say("answer.whoami", {{"name", addressed_name(staff)}, {"role", role_label(staff.role)}});
}

std::string reply_linked(const Colleague& staff, bool in_group) {
  auto text = say("answer.linked", {{"name", addressed_name(staff)}});
  if (in_group) text += "\n" + say("answer.linked_in_group", {{"you", you(staff)}});
  return text;
}

std::string reply_sign_in_too_many(const Colleague& staff) {
  return say("answer.sign_in_too_many", {{"you", you(staff)}});
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

std::string reply_sign_in(const IssuedSignIn& issued, const std::string& dashboard_url,
                          const Colleague& staff) {
  std::string t = say("sign_in.code", {{"name", addressed_name(staff)},
                                       {"code", issued.display},
                                       {"minutes", issued.valid_minutes},
                                       {"time", vn_time_of(issued.expires_at)}});
  auto link = sign_in_link(dashboard_url, issued.code);
  t += "\n" + (link.empty() ? say("sign_in.no_link") : say("sign_in.link", {{"link", link}}));
  t += "\n" + say("sign_in.keep_private", {{"you", you(staff)}});
  return t;
}

}  // namespace thidua::notifications
