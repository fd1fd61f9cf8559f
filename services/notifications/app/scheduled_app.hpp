#pragma once
// Releases the messages the board scheduled (issue 12, "send at a time") when their time
// comes: every replica ticks, ScheduledStore makes each release happen once. A message due
// in quiet hours and not urgent then waits in its lane until they end, like any other.
#include <functional>

#include "core/clock.hpp"
#include "notifications/app/settings.hpp"
#include "notifications/store/scheduled_store.hpp"

namespace thidua::notifications {

class ScheduledApp {
 public:
  ScheduledApp(ScheduledStore& store, const Settings& settings, const Clock& clock);
  // One pass: the messages due now (at most a batch) into their lanes; how many.
  Task<int> tick();
  // Ticks every second until `stopping()`; a failed pass is logged and retried. A message
  // leaves at most about a second after its time.
  Task<void> run(std::function<bool()> stopping);

 private:
  ScheduledStore& store_;
  const Settings& settings_;
  const Clock& clock_;
};

}  // namespace thidua::notifications
