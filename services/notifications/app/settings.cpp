#include "notifications/app/settings.hpp"

#include <unistd.h>

#include "notifications/domain/messages.hpp"

namespace thidua::notifications {

Settings Settings::load(const Env& env) {
  Settings s;
  s.messenger = env.choice("THIDUA_MESSENGER", "console", {"console", "zalo"});
  s.zalo_base = env.text("ZALO_BOT_API_BASE", "https://bot-api.zaloplatforms.com");
  s.zalo_timeout = env.millis("ZALO_TIMEOUT_MS", 10000, 100, 120000);
  if (s.messenger == "zalo") {
    s.zalo_token = env.required_text("ZALO_BOT_TOKEN");
    s.group_id = env.required_text("ZALO_GROUP_ID");
  } else {
    s.group_id = env.text("ZALO_GROUP_ID", "nhom-can-bo");
  }
  s.console_path = env.text("THIDUA_CONSOLE_OUTBOX", "var/console-messages.log");
  s.footer = env.text("THIDUA_BOT_FOOTER", say("footer"));
  s.bot_mode = env.choice("THIDUA_BOT_MODE", "off", {"webhook", "polling", "off"});
  s.webhook_secret = env.text("ZALO_WEBHOOK_SECRET", "");
  if (s.bot_mode == "webhook" && s.webhook_secret.size() < 16) {
    throw ConfigError(
        "ZALO_WEBHOOK_SECRET: required (at least 16 characters) when THIDUA_BOT_MODE=webhook");
  }
  if (s.bot_mode == "polling" && s.messenger != "zalo") {
    throw ConfigError("THIDUA_BOT_MODE: polling needs THIDUA_MESSENGER=zalo");
  }
  s.webhook_url = env.text("THIDUA_WEBHOOK_URL", "");
  s.poll_timeout_s = static_cast<int>(env.integer("THIDUA_POLL_TIMEOUT_S", 25, 1, 120));
  s.bot_name = env.text("THIDUA_BOT_NAME", "");
  s.rate_per_minute = static_cast<int>(env.integer("THIDUA_RATE_LIMIT_PER_MINUTE", 20, 0, 100000));
  s.bot_rate_per_second = static_cast<int>(env.integer("THIDUA_BOT_RATE_PER_SECOND", 25, 0, 10000));
  s.quiet = QuietHours::parse(env.text("THIDUA_QUIET_HOURS", "21:00-06:30"), "THIDUA_QUIET_HOURS");
  s.visibility_timeout = env.millis("THIDUA_VISIBILITY_TIMEOUT_MS", 60000, 100, 3600000);
  // A claim that expires while Zalo may still answer would let a second worker send the
  // same message: the visibility timeout must outlast one call to Zalo.
  if (s.visibility_timeout <= s.zalo_timeout) {
    throw ConfigError(
        "THIDUA_VISIBILITY_TIMEOUT_MS (" + std::to_string(s.visibility_timeout.count()) +
        ") must be greater than ZALO_TIMEOUT_MS (" + std::to_string(s.zalo_timeout.count()) + ")");
  }
  s.workers = static_cast<int>(env.integer("THIDUA_DELIVERY_WORKERS", 2, 1, 64));
  char host[128] = {0};
  if (gethostname(host, sizeof(host) - 1) != 0 || !host[0])
    std::snprintf(host, sizeof(host), "local");
  s.consumer = env.text("THIDUA_CONSUMER_NAME", host);
  s.backoff.base = env.millis("THIDUA_RETRY_BASE_MS", 1000, 10, 3600000);
  s.backoff.cap = env.millis("THIDUA_RETRY_CAP_MS", 300000, 10, 86400000);
  // An outage costs time, not tries: a message is retried for a day (issue 9 §3), and a
  // limit by count stays available for tests and for whoever wants one.
  s.backoff.budget = env.millis("THIDUA_RETRY_BUDGET_MS", 86400000, 1000, 7 * 86400000LL);
  s.backoff.max_attempts = static_cast<int>(env.integer("THIDUA_RETRY_MAX_ATTEMPTS", 0, 0, 100000));
  s.breaker.failures = static_cast<int>(env.integer("THIDUA_BREAKER_FAILURES", 3, 0, 1000));
  s.breaker.cooldown = env.millis("THIDUA_BREAKER_COOLDOWN_MS", 5000, 10, 3600000);
  s.breaker.cap = std::max(s.breaker.cooldown, s.backoff.cap);
  s.breaker.probe_ttl = s.zalo_timeout + std::chrono::milliseconds(5000);
  s.service_token = env.text("THIDUA_SERVICE_TOKEN", "");
  s.nominations_url = env.text("THIDUA_NOMINATIONS_URL", "http://127.0.0.1:8081");
  s.reports_url = env.text("THIDUA_REPORTS_URL", "http://127.0.0.1:8082");
  s.services_timeout = env.millis("THIDUA_SERVICES_TIMEOUT_MS", 5000, 100, 60000);
  s.dashboard_url = env.text("THIDUA_DASHBOARD_URL", "http://127.0.0.1:8080/admin/");
  s.digest_window = env.millis("THIDUA_DIGEST_WINDOW_MS", 600000, 0, 86400000);
  s.daily_summary =
      DailySummaryAt::parse(env.text("THIDUA_DAILY_SUMMARY_AT", ""), "THIDUA_DAILY_SUMMARY_AT");
  return s;
}

}  // namespace thidua::notifications
