#include "notifications/app/bot_inbound.hpp"

#include "core/log.hpp"

namespace thidua::notifications {
Task<void> introduce_bot(ZaloBotClient& client, CommandsApp& commands,
                         std::function<bool()> stopping) {
  auto pause = std::chrono::milliseconds(1000);
  while (!stopping()) {
    auto me = co_await client.get_me();
    if (me.sent()) {
      const BotIdentity& bot = me.result;
      commands.learn_bot(bot.id, bot.name);
      if (!bot.account.empty()) commands.learn_bot("", bot.account);
      log::info("bot_ready", {{"bot_name", bot.name}, {"account_name", bot.account}});
      co_return;
    }
    log::warn("bot_getme_failed", {{"error_code", me.error_code}, {"description", me.description}});
    if (me.kind == SendResult::Kind::Permanent) co_return;  // a wrong token stays wrong
    co_await sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(60000));
  }
}

Task<void> register_webhook(ZaloBotClient& client, std::string url, std::string secret) {
  auto r = co_await client.set_webhook(url, secret);
  if (r.sent()) {
    log::info("bot_webhook_set");  // the URL is ours, but it stays out of logs like any other
  } else {
    log::warn("bot_webhook_failed", {{"error_code", r.error_code}, {"description", r.description}});
  }
}

Task<void> poll_updates(ZaloBotClient& client, UpdateStore& updates, int timeout_s,
                        std::function<bool()> stopping) {
  co_await client.delete_webhook();  // polling and a webhook exclude each other
  auto pause = std::chrono::milliseconds(500);
  while (!stopping()) {
    auto r = co_await client.get_updates(timeout_s);
    if (r.sent() && r.result.received) {
      std::string error = r.result.unreadable;
      if (error.empty()) {
        try {
          if (r.result.update) {
            co_await updates.push(*r.result.update);
          }
          pause = std::chrono::milliseconds(500);
          continue;
        } catch (const std::exception& e) {
          error = e.what();
        }
      }
      log::warn("bot_update_not_stored", {{"error", error}});
    } else if (r.error_code == 408) {
      continue;  // idle: nothing new within the timeout
    } else {
      log::warn("bot_poll_failed", {{"error_code", r.error_code}, {"description", r.description}});
    }
    co_await sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(30000));
  }
}

}  // namespace thidua::notifications
