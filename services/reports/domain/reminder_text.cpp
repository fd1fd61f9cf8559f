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

std::string reminder_text(const ReminderContent& c) {
  const std::string date = vn_date(c.due);
  const std::string days = std::to_string(c.days_before < 0 ? -c.days_before : c.days_before);
  std::string text;
  if (c.days_before < 0) {
    const char* head = c.owing.empty()    ? "group.overdue"
                       : c.owed_by_school ? "group.overdue_school"
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
  if (c.owing.empty()) {
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

std::string private_reminder_text(const PrivateReminderContent& c) {
  const std::string you = common::addressed_as(c.gender);
  const std::string you_first = text::upper_first(you);  // it starts a sentence
  const std::string date = vn_date(c.due);
  const std::string days = std::to_string(c.days_before < 0 ? -c.days_before : c.days_before);
  std::string text = say("private.greeting", {{"you", you}, {"name", c.name}}) + "\n";
  text += say("private.owes",
              {{"unit", c.unit_name}, {"deadline", c.deadline_name}, {"recipient", c.recipient}});
  text += "\n";
  if (c.days_before > 0) {
    text += say("private.due_ahead", {{"date", date}, {"days", days}});
  } else if (c.days_before == 0) {
    text += say("private.due_today", {{"date", date}});
  } else {
    text += say("private.overdue", {{"date", date}, {"days", days}});
  }
  text += "\n" +
          (c.dashboard_url.empty()
               ? say("private.where", {{"you_first", you_first}})
               : say("private.where_link", {{"you_first", you_first}, {"url", c.dashboard_url}}));
  if (!c.contact.empty()) text += "\n" + say("contact", {{"contact", c.contact}});
  text += "\n" + say("private.stop", {{"you", you}});
  return text;
}

}  // namespace thidua::reports
