#pragma once
// What a reminder says in the staff's Zalo group: the deadline, the date, the days left and
// only the units that still owe their part; after the due date, overdue and addressed to
// the principal's board as well.
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace thidua::reports {

struct ReminderContent {
  std::string deadline_name;
  std::string recipient;
  LocalDate due;
  int days_before = 0;             // 0 on the day, negative once overdue
  std::vector<std::string> owing;  // names of those who still owe, in order
  bool owed_by_school = false;
  std::string contact;  // THIDUA_CONTACT
};

std::string reminder_text(const ReminderContent& c);

}  // namespace thidua::reports
