#pragma once
// The bot's ways in: getMe at start (the bot's name, for mention stripping), then either
// the webhook registered with setWebhook or long polling with getUpdates. Either way an
// update is only stored here; the commands worker answers it.
#include <functional>

#include "notifications/app/commands_app.hpp"
#include "notifications/bot/zalo_bot_client.hpp"
#include "notifications/store/update_store.hpp"

namespace thidua::notifications {

// Asks getMe until it answers (or stopping); logs the bot's name, never the token.
Task<void> introduce_bot(ZaloBotClient& client, CommandsApp& commands,
                         std::function<bool()> stopping);
// setWebhook {url, secret_token} when a URL is set.
Task<void> register_webhook(ZaloBotClient& client, std::string url, std::string secret);
// getUpdates in a loop; HTTP 408 (nothing new) is normal. Each update goes to `updates`.
Task<void> poll_updates(ZaloBotClient& client, UpdateStore& updates, int timeout_s,
                        std::function<bool()> stopping);

}  // namespace thidua::notifications
