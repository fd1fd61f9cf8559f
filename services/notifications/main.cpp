// notifications: the outbox to the staff's Zalo group, the bot adapter and chat commands.
#include <array>

#include "core/log.hpp"
#include "notifications/api/event_codec.hpp"
#include "notifications/api/routes.hpp"
#include "notifications/app/bot_inbound.hpp"
#include "notifications/app/commands_app.hpp"
#include "notifications/app/delivery.hpp"
#include "notifications/app/digest_app.hpp"
#include "notifications/app/rest_adapters.hpp"
#include "notifications/app/scheduled_app.hpp"
#include "notifications/bot/console_messenger.hpp"
#include "service/service.hpp"

namespace {
using namespace thidua;
using namespace thidua::notifications;

// The outbox's gauges, read from Redis at each scrape; 0 from start-up.
const std::array<std::pair<const char*, const char*>, 4> kQueueGauges{{
    {"notifications_outbox_length", "Entries in the outbox stream."},
    {"notifications_outbox_pending", "Outbox entries taken by a worker and not yet acknowledged."},
    {"notifications_outbox_delayed", "Outbox messages waiting for a retry."},
    {"notifications_outbox_dead", "Dead letters: messages that failed for good."},
}};

void describe_metrics(http::Metrics& metrics) {
  for (const auto& [name, help] : kQueueGauges) {
    metrics.describe(name, http::MetricType::kGauge, help, {{}});
  }
  std::vector<http::Labels> states;
  for (const char* st : {state::kQueued, state::kHeld, state::kSending, state::kSent, state::kRetry,
                         state::kDead, state::kDiscarded, state::kScheduled}) {
    states.push_back({{"state", st}});
  }
  metrics.describe("notifications_messages_total", http::MetricType::kCounter,
                   "Outbox messages entering each state.", states);
}

Task<void> queue_gauges(OutboxStore& store, RedisPool& redis, http::Metrics& metrics) {
  auto s = co_await store.queue().sizes(redis.local());
  const std::array<long long, 4> values{
      static_cast<long long>(s.length), static_cast<long long>(s.pending),
      static_cast<long long>(s.retrying), static_cast<long long>(s.dead)};
  for (std::size_t i = 0; i < kQueueGauges.size(); ++i) {
    metrics.set(kQueueGauges[i].first, {}, static_cast<double>(values[i]));
  }
}
}  // namespace

int main(int argc, char** argv) {
  return service_main(
      "notifications", 8083,
      [](Service& service) {
        auto& settings = service.make<Settings>(Settings::load(service.env()));
        settings.contact = service.settings().contact;
        auto& clock = service.make<SystemClock>();
        Messenger* messenger = nullptr;
        ZaloBotClient* bot = nullptr;
        ZaloBotClient* poller = nullptr;
        if (settings.messenger == "zalo") {
          bot = &service.make<ZaloBotClient>(settings.zalo_base, settings.zalo_token,
                                             settings.zalo_timeout);
          messenger = bot;
          // Long polling holds a call open for the poll timeout, so it gets its own client.
          auto poll_timeout = std::chrono::seconds(settings.poll_timeout_s) + settings.zalo_timeout;
          poller = &service.make<ZaloBotClient>(
              settings.zalo_base, settings.zalo_token,
              std::chrono::duration_cast<std::chrono::milliseconds>(poll_timeout));
        } else {
          messenger = &service.make<ConsoleMessenger>(settings.console_path);
        }
        auto& store =
            service.make<OutboxStore>(service.redis(), service.keys(), clock, service.metrics());
        auto& services =
            service.make<ServicesClient>(settings.nominations_url, settings.reports_url,
                                         settings.service_token, settings.services_timeout);
        auto& preferences = service.make<PreferencesStore>(service.redis(), service.keys());
        auto& nominations_staff = service.make<NominationsStaffDirectory>(services);
        // Who someone is, remembered for seconds only (CachedStaffDirectory says why).
        auto& staff = service.make<CachedStaffDirectory>(nominations_staff, clock);
        auto& outbox = service.make<OutboxApp>(store, preferences, staff, settings, clock);
        auto& breaker = service.make<BreakerStore>(service.redis(), service.keys(), clock);
        auto& rates = service.make<RateStore>(service.redis(), service.keys(), clock);
        auto& updates = service.make<UpdateStore>(service.redis(), service.keys());
        auto& delivery = service.make<Delivery>(store, breaker, rates, *messenger, settings, clock);
        auto& scheduled_store =
            service.make<ScheduledStore>(service.redis(), service.keys(), clock, store.queue());
        auto& scheduled = service.make<ScheduledApp>(scheduled_store, settings, clock);
        auto& reports = service.make<RestReportsService>(services);
        auto& nominations = service.make<RestNominationsService>(services);
        auto& commands = service.make<CommandsApp>(outbox, preferences, staff, reports, nominations,
                                                   settings, clock);
        commands.show_typing_through(*messenger);
        add_routes(service.router(), RouteDeps{outbox, store, scheduled_store, updates, settings});
        describe_metrics(service.metrics());
        service.metrics().add_collector([&store, &service]() {
          return queue_gauges(store, service.redis(), service.metrics());
        });
        auto stopping = [&service] { return service.stopping(); };

        for (int i = 0; i < settings.workers; ++i) {
          std::string name = "delivery-" + std::to_string(i + 1);
          service.consume(name, store.queue(),
                          delivery.options(settings.consumer + "-" + std::to_string(i + 1)),
                          [&delivery](const StreamEntry& e) { return delivery.handle(e); });
        }

        WorkerOptions group_options;
        group_options.consumer = settings.consumer;
        group_options.backoff = settings.backoff;
        group_options.visibility_timeout = settings.visibility_timeout;

        // Nominations events become group messages in digests (or one each with a window of
        // 0) and personal ones at once, once per event_id; every replica runs the ticker.
        // Messages scheduled for a time go into their lanes when it comes; every replica ticks.
        service.background("scheduled",
                           [&scheduled, stopping]() { return scheduled.run(stopping); });
        auto& digests = service.make<DigestStore>(service.redis(), service.keys());
        auto& digest = service.make<DigestApp>(digests, outbox, settings, clock);
        service.background("digest", [&digest, stopping]() { return digest.run(stopping); });
        auto keys = service.keys();
        auto& events = service.make<StreamQueue>(QueueKeys{keys.foreign("nominations", "events"),
                                                           "notifications", keys("events-retry"),
                                                           keys("events-dead"), ""});
        service.consume(
            "nominations-events", events, group_options,
            [&digest](const StreamEntry& entry) { return take_event_entry(digest, entry); });

        // Stored bot updates are answered by one consumer group, whichever way they came in.
        service.consume("bot-commands", updates.queue(), group_options,
                        [&commands](const StreamEntry& entry) -> Task<Disposition> {
                          auto update = UpdateStore::read(entry);
                          if (update) co_await commands.handle(*update);
                          co_return Disposition::done();
                        });

        if (bot && settings.bot_mode != "off") {
          service.background(
              "bot-start", [bot, poller, &commands, &updates, &settings, stopping]() -> Task<void> {
                co_await introduce_bot(*bot, commands, stopping);
                if (settings.bot_mode == "webhook" && !settings.webhook_url.empty()) {
                  co_await register_webhook(*bot, settings.webhook_url, settings.webhook_secret);
                } else if (settings.bot_mode == "polling") {
                  co_await poll_updates(*poller, updates, settings.poll_timeout_s, stopping);
                }
              });
        }
      },
      argc, argv);
}
