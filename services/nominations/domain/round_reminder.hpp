#pragma once
// Leaders are reminded before a round closes (issue 14): the staff group hears, once per round
// and closing day, that the round takes nominations until its last day. Pure rule; the
// nominations service writes a round.closing event (app/round_reminders.hpp) and the
// notifications service words it for the group.
#include <optional>
#include <string>

#include "nominations/domain/round.hpp"

namespace thidua::nominations {

// THIDUA_ROUND_REMINDER_DAYS: how many days before a round's last day the reminder is due
// (0: on the last day itself); kRoundReminderOff turns reminders off.
inline constexpr int kRoundReminderOff = -1;

struct RoundReminder {
  // Once per round and closing day: a round whose last day the board moves gets one
  // reminder for its new day.
  std::string key;    // "<round id>:<closing day, ISO>"
  int days_left = 0;  // days from `today` to the last day (0: today is the last day)
};

// The reminder of `round` due on `today` (a Vietnam date), or nullopt. Due while the round is
// open and its last day is at most `days_before` days away, so a service that was down on
// the day catches up on a later day of the window, and a round already closed is not
// reminded of (too late to act on). A round opened inside the window is reminded of on its
// first day.
std::optional<RoundReminder> round_reminder_due(const Round& round, LocalDate today,
                                                int days_before);

}  // namespace thidua::nominations
