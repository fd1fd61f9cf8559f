#include "reports/domain/reminder_text.hpp"

#include "core/messages.hpp"
#include "core/text.hpp"
#include "reports/domain/messages.hpp"

namespace thidua::reports {
namespace {
std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

std::string registration_gap(const UnitRegistrations& u) {
  const std::string count = std::to_string(u.unregistered.size());
  if (!u.unit_registered && !u.unregistered.empty()) {
    return say("registration.gap_both", {{"count", count}});
  }
  if (!u.unit_registered) return say("registration.gap_unit");
  if (!u.unregistered.empty()) return say("registration.gap_people", {{"count", count}});
  return "";
}

std::string reminder_text(const ReminderContent& c) {
  const std::string date = vn_date(c.due);
  const std::string days = std::to_string(c.days_before < 0 ? -c.days_before : c.days_before);
  std::string text;
  if (c.days_before < 0) {
    const bool none = c.registrations ? c.unregistered.empty() : c.owing.empty();
    const char* head = none               ? "group.overdue"
                       : c.owed_by_school ? "group.overdue_school"
                       : c.registrations  ? "group.overdue_registrations"
                                          : "group.overdue_units";
    text = say(head, {{"days", days}}) + "\n" +
           say("group.overdue_what",
               {{"deadline", c.deadline_name}, {"date", date}, {"recipient", c.recipient}});
  } else if (c.school_due.year != 0) {
    const std::string school_date = vn_date(c.school_due);
    text = c.days_before == 0 ? say("group.units_today", {{"deadline", c.deadline_name},
                                                          {"date", date},
                                                          {"recipient", c.recipient},
                                                          {"school_date", school_date}})
                              : say("group.units_ahead", {{"deadline", c.deadline_name},
                                                          {"date", date},
                                                          {"days", days},
                                                          {"recipient", c.recipient},
                                                          {"school_date", school_date}});
  } else if (c.days_before == 0) {
    text = say("group.today",
               {{"deadline", c.deadline_name}, {"date", date}, {"recipient", c.recipient}});
  } else {
    text = say("group.ahead", {{"deadline", c.deadline_name},
                               {"date", date},
                               {"days", days},
                               {"recipient", c.recipient}});
  }
  if (c.registrations && c.unregistered.empty()) {
    text += "\n" + say("group.all_registered");
  } else if (c.registrations) {
    text +=
        "\n" + say("group.registrations_owe", {{"count", std::to_string(c.unregistered.size())}});
    for (const auto& u : c.unregistered) {
      text += "\n" +
              say("group.registration_unit", {{"unit", u.unit.name}, {"gap", registration_gap(u)}});
    }
    text += "\n" + say("group.registrations_how");
  } else if (c.owing.empty()) {
    text += "\n" + (c.owed_by_school ? say("group.school_done", {{"date", vn_date(c.done_on)}})
                                     : say("group.all_units_in"));
  } else if (c.owed_by_school) {
    text += "\n" + say("group.school_owes");
  } else if (c.units_due.year != 0) {
    text += "\n" + say("group.units_late", {{"count", std::to_string(c.owing.size())},
                                            {"units", joined(c.owing)},
                                            {"date", vn_date(c.units_due)}});
  } else {
    text += "\n" + say("group.units_owe",
                       {{"count", std::to_string(c.owing.size())}, {"units", joined(c.owing)}});
  }
  if (!c.contact.empty()) text += "\n" + say("contact", {{"contact", c.contact}});
  return text;
}

std::string reopened_notice_text(const StaffInfo& leader, const std::string& unit_name, int year,
                                 const std::string& reason) {
  const std::string you = common::addressed_as(leader.gender);
  std::string text = say("private.greeting", {{"you", you}, {"name", leader.name}}) + "\n";
  text += say("private.reopened", {{"unit", unit_name}, {"year", std::to_string(year)}});
  if (!text::blank(reason)) text += "\n" + say("private.reopened_reason", {{"reason", reason}});
  return text + "\n" + say("private.reopened_todo", {{"you", text::upper_first(you)}});
}

std::string private_reminder_text(const PrivateReminderContent& c) {
  const std::string you = common::addressed_as(c.gender);
  const std::string you_first = text::upper_first(you);  // it starts a sentence
  const std::string date = vn_date(c.due);
  const std::string days = std::to_string(c.days_before < 0 ? -c.days_before : c.days_before);
  std::string text = say("private.greeting", {{"you", you}, {"name", c.name}}) + "\n";
  if (c.registration) {
    text += say("private.registrations_owe", {{"unit", c.unit_name},
                                              {"deadline", c.deadline_name},
                                              {"recipient", c.recipient},
                                              {"gap", registration_gap(*c.registration)}});
    std::vector<std::string> names;
    for (const auto& p : c.registration->unregistered) names.push_back(p.name);
    if (!names.empty()) text += "\n" + say("private.registrations_who", {{"names", joined(names)}});
  } else {
    text += say("private.owes",
                {{"unit", c.unit_name}, {"deadline", c.deadline_name}, {"recipient", c.recipient}});
  }
  text += "\n";
  if (c.days_before > 0) {
    text += say("private.due_ahead", {{"date", date}, {"days", days}});
  } else if (c.days_before == 0) {
    text += say("private.due_today", {{"date", date}});
  } else {
    text += say("private.overdue", {{"date", date}, {"days", days}});
  }
  if (c.registration && c.awaiting > 0) {
    text += "\n" + say("private.registrations_awaiting",
                       {{"count", std::to_string(c.awaiting)}, {"you", you}});
  }
  // Where to act: the part of the report, or the registrations.
  const std::string where = c.registration ? "private.registrations_where" : "private.where";
  text += "\n" + (c.dashboard_url.empty()
                      ? say(where, {{"you_first", you_first}})
                      : say(where + "_link", {{"you_first", you_first}, {"url", c.dashboard_url}}));
  if (!c.contact.empty()) text += "\n" + say("contact", {{"contact", c.contact}});
  text += "\n" + say("private.stop", {{"you", you}});
  return text;
}

}  // namespace thidua::reports
