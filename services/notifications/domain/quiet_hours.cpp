#include "notifications/domain/quiet_hours.hpp"

#include <cstdio>

#include "core/errors.hpp"

namespace thidua::notifications {
namespace {
int minute_of(const std::string& hhmm, const std::string& setting) {
  int h = -1, m = -1;
  char extra = 0;
  if (hhmm.size() != 5 || std::sscanf(hhmm.c_str(), "%2d:%2d%c", &h, &m, &extra) != 2 || h < 0 ||
      h > 23 || m < 0 || m > 59) {
    throw ConfigError(setting + ": expected HH:MM-HH:MM (e.g. 21:00-06:30) or off");
  }
  return h * 60 + m;
}
}  // namespace

QuietHours QuietHours::parse(const std::string& text, const std::string& setting) {
  QuietHours q;
  if (text == "off" || text.empty()) {
    q.enabled = false;
    return q;
  }
  auto dash = text.find('-');
  if (dash == std::string::npos) {
    throw ConfigError(setting + ": expected HH:MM-HH:MM (e.g. 21:00-06:30) or off");
  }
  q.start_minute = minute_of(text.substr(0, dash), setting);
  q.end_minute = minute_of(text.substr(dash + 1), setting);
  q.enabled = q.start_minute != q.end_minute;
  return q;
}

std::optional<Instant> QuietHours::held_until(Instant now) const {
  if (!enabled) return std::nullopt;
  LocalDate today = local_date(now);
  auto since_midnight =
      std::chrono::duration_cast<std::chrono::minutes>(now - local_time(today, 0, 0));
  int minute = static_cast<int>(since_midnight.count());
  bool crosses = start_minute > end_minute;
  bool inside = crosses ? (minute >= start_minute || minute < end_minute)
                        : (minute >= start_minute && minute < end_minute);
  if (!inside) return std::nullopt;
  LocalDate end_day = (crosses && minute >= start_minute) ? add_days(today, 1) : today;
  return local_time(end_day, end_minute / 60, end_minute % 60);
}

}  // namespace thidua::notifications
