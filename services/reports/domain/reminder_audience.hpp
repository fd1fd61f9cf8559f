#pragma once
// Who hears a deadline reminder (issue 13). The staff group hears the reminder naming the
// units that still owe their part; each of those units' leaders (tổ trưởng) hears it in a
// private message, in a colleague's words. THIDUA_REMINDER_AUDIENCE says group, private or
// both. Pure, so every case is a unit test; the planner posts what this decides and
// records each message's outcome.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reports/domain/school_report.hpp"

namespace thidua::reports {

enum class ReminderAudience { Group, Private, Both };
// "group", "private" or "both"; nullopt for anything else.
std::optional<ReminderAudience> parse_reminder_audience(std::string_view name);

// A staff member as the nominations catalogue describes them, as much as reminders need.
struct StaffInfo {
  std::string id;
  std::string name;
  std::string unit_id;
  std::string role;     // admin, council, leader, staff
  std::string gender;   // male, female; "" when the record does not say
  bool linked = false;  // has linked a Zalo account: only then can the bot write to them
};

// A leader of a unit that still owes its part: the one a private reminder is for.
struct LeaderReminder {
  std::string staff_id;
  std::string name;
  std::string gender;
  std::string unit_id;
  std::string unit_name;
};

// Which part of a deadline a reminder is about (issue 14).
enum class ReminderStage {
  Whole,  // a deadline with one series: as the rule below says
  Units,  // the units' own due date of a deadline the units owe: for the units
  Board,  // the same deadline after the units' date: for the board, in the group only
};

struct ReminderSituation {
  ReminderAudience audience = ReminderAudience::Both;
  ReminderStage stage = ReminderStage::Whole;
  bool overdue = false;                // a daily after the due date
  bool owed_by_school = false;         // the school's own report: no unit owes a part
  bool say_when_all_submitted = true;  // THIDUA_REMINDER_WHEN_ALL_SUBMITTED=say
  std::vector<UnitInfo> owing;         // the units still owing, in catalogue order
  std::vector<StaffInfo> staff;        // the catalogue's staff
};

struct ReminderRouting {
  // Non-empty: nothing goes out, and why: nothing_owed (a daily after the due date with
  // nothing owed), all_submitted (nothing owed, and nothing to say to anyone about it),
  // group_only (a units' daily after their date, which goes only in private, with
  // THIDUA_REMINDER_AUDIENCE group).
  std::string skip;
  bool group = false;                    // a message to the staff group
  std::vector<LeaderReminder> leaders;   // a private message each, unit by unit
  std::vector<LeaderReminder> unlinked;  // leaders without Zalo: passed over quietly
};

// The rule:
//   - nothing owed: a daily after the due date is skipped (nothing_owed); otherwise the
//     group hears "everyone has submitted" if THIDUA_REMINDER_WHEN_ALL_SUBMITTED says so,
//     and nobody hears anything privately (all_submitted when the group does not either);
//   - the group hears it with `group` and `both`; a deadline the school owes (no unit's
//     part, so no unit leader) always goes to the group whatever the setting;
//   - with `private` and `both`, every leader (role leader) of every owing unit gets one,
//     in the units' order; a unit that has submitted gets none; a leader who has not linked
//     Zalo is listed in `unlinked` instead, so it is recorded but not an error;
//   - whether a person turned private reminders off is the notifications service's to
//     know: it withholds the message and says so;
//   - stages (issue 14): the board's reminders of a units' deadline go to the group only;
//     the units' dailies after their own date go to the leaders only (the group hears the
//     board's, which name the units that are late).
ReminderRouting route_reminder(const ReminderSituation& s);

// What happened to one message of a reminder.
namespace outcome {
inline constexpr const char* kSent = "sent";                   // queued by notifications
inline constexpr const char* kRemindersOff = "reminders_off";  // the person said /tatnhac
inline constexpr const char* kNotLinked = "not_linked";        // no Zalo to write to
inline constexpr const char* kRejected = "rejected";           // refused for good (a 4xx)
}  // namespace outcome

struct Delivery {
  std::string to;               // "group" or a staff id
  std::string unit_id;          // the owing unit a private message is about; "" for the group
  std::string outcome;          // one of outcome::
  std::string notification_id;  // sent: the notifications message id ("" when not known)
};

// A reminder as a whole once each of its messages has an outcome: "sent" when at least one
// was queued, else "skipped" with the reason: "rejected" when one was refused for good,
// "no_recipient" when there was nobody to write to (not linked, or reminders turned off).
struct Settled {
  std::string status;  // sent, skipped
  std::string reason;  // skipped only
};
Settled settle(const std::vector<Delivery>& deliveries);

}  // namespace thidua::reports
