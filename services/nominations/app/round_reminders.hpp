#pragma once
// Reminders before a round closes (domain/round_reminder.hpp): every replica ticks; each
// reminder due is written to the nominations events stream as a round.closing event in one
// Lua step with its marker (RoundStore::remind_once), so it is written once across replicas
// and restarts, and caught up after downtime while the round is still open. The
// notifications service words it for the staff group (its quiet hours hold it overnight).
#include <chrono>
#include <functional>
#include <string>

#include "core/clock.hpp"
#include "http/metrics.hpp"
#include "nominations/store/catalogue_store.hpp"
#include "nominations/store/nomination_store.hpp"
#include "nominations/store/round_store.hpp"

namespace thidua::nominations {

struct RoundReminderSettings {
  int days_before = 3;                    // THIDUA_ROUND_REMINDER_DAYS; kRoundReminderOff: none
  std::chrono::milliseconds tick{60000};  // THIDUA_ROUND_REMINDER_TICK_MS
  std::string school;                     // THIDUA_SCHOOL_ID, carried by the event
};

class RoundReminders {
 public:
  // `metrics`, when given, counts reminders (thidua_round_reminders_total{outcome}).
  RoundReminders(RoundStore& rounds, CatalogueStore& catalogue, NominationStore& nominations,
                 const Clock& clock, RoundReminderSettings settings,
                 http::Metrics* metrics = nullptr);

  // One pass over the rounds; returns how many reminders it wrote.
  Task<int> tick();
  // Ticks until `stopping()`; a failed pass is logged and the next one tries again.
  Task<void> run(std::function<bool()> stopping);

 private:
  RoundStore& rounds_;
  CatalogueStore& catalogue_;
  NominationStore& nominations_;
  const Clock& clock_;
  RoundReminderSettings settings_;
  http::Metrics* metrics_;
};

}  // namespace thidua::nominations
