#include "notifications/app/scheduled_app.hpp"

#include "core/event_loop.hpp"

namespace thidua::notifications {
namespace {
// Enough for any school's plan; more due at once are taken on the next pass.
constexpr int kBatch = 100;
}  // namespace

ScheduledApp::ScheduledApp(ScheduledStore& store, const Settings& settings, const Clock& clock)
    : store_(store), settings_(settings), clock_(clock) {}

Task<int> ScheduledApp::tick() {
  std::optional<Instant> quiet_until = settings_.quiet.held_until(clock_.now());
  co_return co_await store_.release_due(quiet_until, kBatch);
}

Task<void> ScheduledApp::run(std::function<bool()> stopping) {
  // Named locals beside co_await (the GCC 12 caveat in the README).
  std::function<std::chrono::milliseconds()> interval = [] {
    return std::chrono::milliseconds(1000);
  };
  std::function<Task<void>()> once = [this]() -> Task<void> { co_await tick(); };
  std::string failed = "scheduled_tick_failed";
  co_await run_every(interval, once, std::move(stopping), failed);
}

}  // namespace thidua::notifications
