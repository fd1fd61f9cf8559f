// notifications: the outbox to the staff's Zalo group, the bot adapter and chat commands.
#include <nlohmann/json.hpp>

#include "core/log.hpp"
#include "notifications/bot/console_messenger.hpp"
#include "notifications/bot/zalo_bot_client.hpp"
#include "notifications/domain/event_messages.hpp"
#include "redis/stream_queue.hpp"
#include "service/service.hpp"

namespace {
using namespace thidua;
using namespace thidua::notifications;

struct Settings {
  std::string messenger;
  std::string zalo_base;
  std::string zalo_token;
  std::string group_id;
  std::string console_path;
  std::string footer;
  std::chrono::milliseconds zalo_timeout;
  BackoffPolicy backoff;

  static Settings load(const Env& env) {
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
    s.footer = env.text("THIDUA_BOT_FOOTER", "— Tin nhắn tự động từ hệ thống thi đua");
    s.backoff.base = env.millis("THIDUA_RETRY_BASE_MS", 1000, 10, 3600000);
    s.backoff.cap = env.millis("THIDUA_RETRY_CAP_MS", 300000, 10, 86400000);
    s.backoff.max_attempts = static_cast<int>(env.integer("THIDUA_RETRY_MAX_ATTEMPTS", 8, 1, 100));
    return s;
  }
};

Disposition disposition_of(const SendResult& r) {
  switch (r.kind) {
    case SendResult::Kind::Sent:
      return Disposition::done();
    case SendResult::Kind::Retryable:
      return Disposition::retry(r.error);
    case SendResult::Kind::Permanent:
      break;
  }
  return Disposition::fail(r.error);
}
}  // namespace

int main(int argc, char** argv) {
  return service_main(
      "notifications", 8083,
      [](Service& service) {
        auto settings = Settings::load(service.env());
        Messenger* messenger = nullptr;
        if (settings.messenger == "zalo") {
          messenger = &service.make<ZaloBotClient>(settings.zalo_base, settings.zalo_token,
                                                   settings.zalo_timeout);
        } else {
          messenger = &service.make<ConsoleMessenger>(settings.console_path);
        }
        auto keys = service.keys();
        QueueKeys qk{keys.foreign("nominations", "events"), "notifications",
                     keys("events-retry"), keys("events-dead")};
        auto& queue = service.make<StreamQueue>(qk);
        RedisClient& redis = service.redis().dedicated("events");
        RedisClient& blocking = service.redis().dedicated("events-block");

        service.background("nominations-events", [&service, &queue, &redis, &blocking, messenger,
                                                  settings]() -> Task<void> {
          WorkerOptions options;
          options.consumer = "notifications-1";
          options.backoff = settings.backoff;
          auto handle = [messenger, settings](const StreamEntry& entry) -> Task<Disposition> {
            auto event = nlohmann::json::parse(entry.field("event"), nullptr, false);
            if (event.is_discarded()) co_return Disposition::fail("event is not JSON");
            auto text = message_for_event(event, settings.footer);
            if (!text) co_return Disposition::done();
            auto result = co_await messenger->send(settings.group_id, *text);
            if (result.kind == SendResult::Kind::Sent) {
              log::info("event_announced", {{"event_type", event.value("type", "")},
                                            {"message_id", result.message_id}});
            }
            co_return disposition_of(result);
          };
          co_await run_stream_worker(queue, redis, blocking, options, handle,
                                     [&service] { return service.stopping(); });
        });
      },
      argc, argv);
}
