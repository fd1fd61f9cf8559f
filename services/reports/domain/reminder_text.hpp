#pragma once
// What a reminder says in the staff's Zalo group: the deadline, the date, the days left and
// only the units that still owe their part; after the due date, overdue and addressed to
// the principal's board as well.
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "reports/domain/registration_owing.hpp"

namespace thidua::reports {

struct ReminderContent {
  std::string deadline_name;
  std::string recipient;
  LocalDate due;
  int days_before = 0;             // 0 on the day, negative once overdue
  std::vector<std::string> owing;  // names of those who still owe, in order
  bool owed_by_school = false;
  std::string contact;  // THIDUA_CONTACT
  // A deadline the school owes: `owing` is empty once this occurrence is done (its own
  // completion, domain/completion.hpp), and then this is the day it was done.
  LocalDate done_on{};
  // Issue 14: the units' own stage (`due` is their date, this the deadline's), or the board's
  // reminder of a units' deadline (`due` is the deadline's, this the units' date, passed).
  LocalDate school_due{};
  LocalDate units_due{};
  // A deadline owed by registrations (issue 14): the units that still owe, each with who of
  // it has not registered (counts only: the group hears no names); `owing` is not used.
  bool registrations = false;
  std::vector<UnitRegistrations> unregistered{};
};

std::string reminder_text(const ReminderContent& c);

// What a unit still owes, in words: "còn 3 thầy cô chưa đăng ký", "tập thể chưa đăng ký",
// "tập thể và 2 thầy cô chưa đăng ký"; "" when it owes nothing.
std::string registration_gap(const UnitRegistrations& u);

// What a leader of a unit that still owes its part reads in a private chat (issue 13): who
// it is for, which report, the due date and the days left (or overdue), where to write and
// submit the part, whom to ask, and how to stop these messages (/tatnhac).
struct PrivateReminderContent {
  std::string name;    // the leader's name
  std::string gender;  // male, female; "" when not recorded ("thầy cô")
  std::string unit_name;
  std::string deadline_name;  // as in the group's reminder: "… năm 2027"
  std::string recipient;
  LocalDate due;
  int days_before = 0;        // 0 on the day, negative once overdue
  std::string dashboard_url;  // THIDUA_DASHBOARD_URL; "" names the page without a link
  std::string contact;        // THIDUA_CONTACT
  // A deadline owed by registrations (issue 14): the leader's unit as it stands (the names
  // of who has not registered are told to the leader only), and how many registrations of
  // the unit's members wait for this leader to confirm them.
  std::optional<UnitRegistrations> registration{};
  int awaiting = 0;
};

std::string private_reminder_text(const PrivateReminderContent& c);

// The private notice to a unit's `leader` that the board reopened the unit's part of `year`
// for correction, with the board's `reason`: what to do and where ("Nộp phần báo cáo" on the
// school's page). The leader otherwise learnt of it only from the part's history.
std::string reopened_notice_text(const StaffInfo& leader, const std::string& unit_name, int year,
                                 const std::string& reason);

}  // namespace thidua::reports
