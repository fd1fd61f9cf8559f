#pragma once
// Quiet hours: non-urgent messages that fall in the window wait until it ends (local time,
// Asia/Ho_Chi_Minh). The window may cross midnight (21:00–06:30, the default).
#include <optional>
#include <string>

#include "core/clock.hpp"

namespace thidua::notifications {

struct QuietHours {
  int start_minute = 21 * 60;  // minutes after local midnight
  int end_minute = 6 * 60 + 30;
  bool enabled = true;

  // "21:00-06:30", or "off"; throws ConfigError naming `setting` on anything else.
  static QuietHours parse(const std::string& text, const std::string& setting);
  // When `now` is inside the window, the instant it ends; otherwise nullopt.
  std::optional<Instant> held_until(Instant now) const;
};

}  // namespace thidua::notifications
