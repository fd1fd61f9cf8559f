#pragma once
// The notifications service's settings, each with a default that makes a local run work.
#include <chrono>
#include <string>

#include "core/backoff.hpp"
#include "core/config.hpp"
#include "notifications/domain/circuit_breaker.hpp"
#include "notifications/domain/digest.hpp"
#include "notifications/domain/quiet_hours.hpp"

namespace thidua::notifications {

struct Settings {
  std::string messenger;   // THIDUA_MESSENGER: console | zalo
  std::string zalo_base;   // ZALO_BOT_API_BASE
  std::string zalo_token;  // ZALO_BOT_TOKEN (secret; in the URL path, never logged)
  std::chrono::milliseconds zalo_timeout{10000};
  std::string group_id;        // ZALO_GROUP_ID
  std::string console_path;    // THIDUA_CONSOLE_OUTBOX
  std::string footer;          // THIDUA_BOT_FOOTER: marks messages as automated
  std::string bot_mode;        // THIDUA_BOT_MODE: webhook | polling | off
  std::string webhook_secret;  // ZALO_WEBHOOK_SECRET
  std::string webhook_url;     // THIDUA_WEBHOOK_URL: registered with setWebhook when set
  int poll_timeout_s = 25;     // THIDUA_POLL_TIMEOUT_S
  std::string bot_name;        // THIDUA_BOT_NAME, for mention stripping (also from getMe)
  std::string contact;         // THIDUA_CONTACT, read with the common settings
  int rate_per_minute = 20;    // THIDUA_RATE_LIMIT_PER_MINUTE (per chat; 0 = off)
  // THIDUA_BOT_RATE_PER_SECOND: all chats together, so that sends side by side stay under
  // Zalo's bot-wide limit (0 = off).
  int bot_rate_per_second = 25;
  QuietHours quiet;                                     // THIDUA_QUIET_HOURS
  std::chrono::milliseconds visibility_timeout{60000};  // THIDUA_VISIBILITY_TIMEOUT_MS
  int workers = 2;                                      // THIDUA_DELIVERY_WORKERS
  std::string consumer;                                 // THIDUA_CONSUMER_NAME (default: host name)
  BackoffPolicy backoff;        // THIDUA_RETRY_BASE_MS / _CAP_MS / _BUDGET_MS / _MAX_ATTEMPTS
  BreakerPolicy breaker;        // THIDUA_BREAKER_FAILURES / _COOLDOWN_MS
  std::string service_token;    // THIDUA_SERVICE_TOKEN (for calls to the other services)
  std::string nominations_url;  // THIDUA_NOMINATIONS_URL
  std::string reports_url;      // THIDUA_REPORTS_URL
  std::chrono::milliseconds services_timeout{5000};  // THIDUA_SERVICES_TIMEOUT_MS
  // THIDUA_DASHBOARD_URL: the dashboard, where the link /dangnhap answers with leads ("":
  // the code alone, typed on the sign-in screen).
  std::string dashboard_url;
  // THIDUA_DIGEST_WINDOW_MS: a group announcement waits this long after the first of its
  // kind, for the others to join it in one message; 0 sends each event alone at once.
  std::chrono::milliseconds digest_window{600000};
  DailySummaryAt daily_summary;  // THIDUA_DAILY_SUMMARY_AT (HH:MM, empty: none)

  static Settings load(const Env& env);
};

}  // namespace thidua::notifications
