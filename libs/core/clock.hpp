#pragma once
// Time as people at the school see it: Asia/Ho_Chi_Minh, UTC+7 all year (no daylight
// saving), so a fixed offset is exact. Instants are stored in UTC.
#include <chrono>
#include <optional>
#include <string>

namespace thidua {

using Instant = std::chrono::system_clock::time_point;
inline constexpr std::chrono::hours kVietnamUtcOffset{7};

struct LocalDate {
  int year = 0;
  int month = 0;
  int day = 0;
  friend bool operator==(const LocalDate&, const LocalDate&) = default;
  friend auto operator<=>(const LocalDate&, const LocalDate&) = default;
};

// The one source of "now" for code that plans by the clock; tests pass their own.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Instant now() const override { return std::chrono::system_clock::now(); }
};

LocalDate local_date(Instant instant);
// The instant at `hour:minute` local time on `date`.
Instant local_time(LocalDate date, int hour, int minute);
bool valid_date(LocalDate date);
// Days from `from` to `to` (negative when `to` is earlier).
int days_between(LocalDate from, LocalDate to);
LocalDate add_days(LocalDate date, int days);

std::string iso_date(LocalDate date);  // 2027-10-30
std::optional<LocalDate> parse_iso_date(const std::string& text);
std::string vn_date(LocalDate date);  // 30/10/2027
// "2027-10-30" as 30/10/2027; any text that is not such a date comes back unchanged ("" too).
std::string vn_date_of(const std::string& iso);
std::string iso_instant(Instant instant);  // 2026-11-25T02:37:30Z
std::optional<Instant> parse_iso_instant(const std::string& text);
// RFC 3339 with seconds and either Z or an offset: 2026-12-07T07:00:00+07:00 is
// 2026-12-07T00:00:00Z. Fractions of a second are not accepted. nullopt when malformed.
std::optional<Instant> parse_rfc3339_instant(const std::string& text);
long long unix_millis(Instant instant);

}  // namespace thidua
