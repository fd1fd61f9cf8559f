#include "notifications/app/bot_inbound.hpp"

#include "core/json_read.hpp"
#include "core/log.hpp"

namespace thidua::notifications {
Task<void> introduce_bot(ZaloBotClient& client, CommandsApp& commands,
                         std::function<bool()> stopping) {
  auto pause = std::chrono::milliseconds(1000);
  while (!stopping()) {
    nlohmann::json none = nlohmann::json::object();
    auto me = co_await client.call("getMe", none);
    if (me.kind == SendResult::Kind::Sent) {
      auto name = json_read::text_or_number(me.result, "display_name");
      auto account = json_read::text_or_number(me.result, "account_name");
      commands.learn_bot(json_read::text_or_number(me.result, "id"), name);
      if (!account.empty()) commands.learn_bot("", account);
      log::info("bot_ready", {{"bot_name", name}, {"account_name", account}});
      co_return;
    }
    log::warn("bot_getme_failed", {{"error_code", me.error_code}, {"description", me.description}});
    if (me.kind == SendResult::Kind::Permanent) co_return;  // a wrong token stays wrong
    co_await sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(60000));
  }
}

Task<void> register_webhook(ZaloBotClient& client, std::string url, std::string secret) {
  nlohmann::json params = {{"url", url}, {"secret_token", secret}};
  auto r = co_await client.call("setWebhook", params);
  if (r.kind == SendResult::Kind::Sent) {
    log::info("bot_webhook_set");  // the URL is ours, but it stays out of logs like any other
  } else {
    log::warn("bot_webhook_failed", {{"error_code", r.error_code}, {"description", r.description}});
  }
}

Task<void> poll_updates(ZaloBotClient& client, UpdateStore& updates, int timeout_s,
                        std::function<bool()> stopping) {
  nlohmann::json none = nlohmann::json::object();
  co_await client.call("deleteWebhook", none);  // polling and a webhook exclude each other
  auto pause = std::chrono::milliseconds(500);
  while (!stopping()) {
    nlohmann::json params = {{"timeout", timeout_s}};
    auto r = co_await client.call("getUpdates", params);
    if (r.kind == SendResult::Kind::Sent && r.result.is_object()) {
      try {
        auto parsed = parse_update(r.result);
        if (parsed) {
          co_await updates.push(*parsed);
        }
        pause = std::chrono::milliseconds(500);
        continue;
      } catch (const std::exception& e) {
        log::warn("bot_update_not_stored", {{"error", e.what()}});
      }
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
