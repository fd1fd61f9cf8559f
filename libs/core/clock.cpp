#include "core/clock.hpp"

#include <cstdio>

namespace thidua {
namespace {
using namespace std::chrono;

sys_days to_days(LocalDate d) {
  return sys_days{year{d.year} / month{static_cast<unsigned>(d.month)} /
                  day{static_cast<unsigned>(d.day)}};
}
// True when `text` has exactly the shape of `pattern`, where 'd' stands for one ASCII digit
// (sscanf alone lets through signs, spaces and trailing text).
bool has_shape(const std::string& text, std::string_view pattern) {
  if (text.size() != pattern.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool digit = text[i] >= '0' && text[i] <= '9';
    if (pattern[i] == 'd' ? !digit : text[i] != pattern[i]) return false;
  }
  return true;
}

LocalDate from_days(sys_days days) {
  year_month_day ymd{days};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}
}  // namespace

LocalDate local_date(Instant instant) {
  return from_days(floor<days>(instant + kVietnamUtcOffset));
}

Instant local_time(LocalDate date, int hour, int minute) {
  return Instant(to_days(date)) + hours(hour) + minutes(minute) - kVietnamUtcOffset;
}

bool valid_date(LocalDate d) {
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return false;
  return year_month_day{year{d.year} / month{static_cast<unsigned>(d.month)} /
                        day{static_cast<unsigned>(d.day)}}
      .ok();
}

int days_between(LocalDate from, LocalDate to) {
  return static_cast<int>((to_days(to) - to_days(from)).count());
}

LocalDate add_days(LocalDate date, int n) {
  return from_days(to_days(date) + days(n));
}

std::string iso_date(LocalDate d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::optional<LocalDate> parse_iso_date(const std::string& text) {
  LocalDate d;
  char tail = 0;
  if (!has_shape(text, "dddd-dd-dd") ||
      std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &d.year, &d.month, &d.day, &tail) != 3) {
    return std::nullopt;
  }
  if (!valid_date(d)) return std::nullopt;
  return d;
}

std::string vn_date(LocalDate d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
  return buf;
}

std::string vn_date_of(const std::string& iso) {
  auto d = parse_iso_date(iso);
  return d ? vn_date(*d) : iso;
}

std::string iso_instant(Instant instant) {
  auto secs = floor<seconds>(instant);
  auto day = floor<days>(secs);
  auto ymd = year_month_day{day};
  hh_mm_ss hms{secs - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

std::optional<Instant> parse_iso_instant(const std::string& text) {
  LocalDate d;
  int h = 0, m = 0, s = 0;
  char z = 0;
  if (!has_shape(text, "dddd-dd-ddTdd:dd:ddZ") ||
      std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &d.year, &d.month, &d.day, &h, &m, &s,
                  &z) != 7 ||
      z != 'Z' || !valid_date(d) || h > 23 || m > 59 || s > 60) {
    return std::nullopt;
  }
  return Instant(to_days(d)) + hours(h) + minutes(m) + seconds(s);
}

std::optional<Instant> parse_rfc3339_instant(const std::string& text) {
  if (text.size() == 20) return parse_iso_instant(text);
  if (!has_shape(text, "dddd-dd-ddTdd:dd:dd+dd:dd") &&
      !has_shape(text, "dddd-dd-ddTdd:dd:dd-dd:dd"))
    return std::nullopt;
  int oh = 0, om = 0;
  if (std::sscanf(text.c_str() + 20, "%2d:%2d", &oh, &om) != 2 || oh > 23 || om > 59)
    return std::nullopt;
  auto base = parse_iso_instant(text.substr(0, 19) + "Z");
  if (!base) return std::nullopt;
  auto offset = hours(oh) + minutes(om);
  // Local time = UTC + offset, so UTC = local - offset.
  return text[19] == '+' ? *base - offset : *base + offset;
}

long long unix_millis(Instant instant) {
  return duration_cast<milliseconds>(instant.time_since_epoch()).count();
}

}  // namespace thidua
