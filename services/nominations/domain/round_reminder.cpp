#include "nominations/domain/round_reminder.hpp"

namespace thidua::nominations {

std::optional<RoundReminder> round_reminder_due(const Round& round, LocalDate today,
                                                int days_before) {
  if (days_before < 0 || round_state(round, today) != RoundState::Open) return std::nullopt;
  int days_left = days_between(today, round.closes);
  if (days_left > days_before) return std::nullopt;
  return RoundReminder{round.id + ":" + iso_date(round.closes), days_left};
}

}  // namespace thidua::nominations
