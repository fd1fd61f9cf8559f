#pragma once
// The Zalo Bot Platform: POST {base}/bot{token}/{method} with JSON; the answer is
// {ok:true, result} or {ok:false, error_code, description}, and HTTP 200 alone is not
// success. The token is part of the URL path, so no URL is ever logged.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "http/client.hpp"
#include "notifications/bot/messenger.hpp"
#include "notifications/domain/bot_update.hpp"

namespace thidua::notifications {

struct ZaloReply {
  SendResult::Kind kind = SendResult::Kind::Permanent;
  nlohmann::json result;
  int error_code = 0;
  std::string description;
  long long retry_after_s = 0;  // parameters.retry_after (the Bot API's 429), seconds
};

// The outcome of a Bot API call the app asks for by name (get_me, set_webhook, get_updates),
// with its result already read into `T`; error_code and description as in ZaloReply.
struct ZaloStatus {
  SendResult::Kind kind = SendResult::Kind::Permanent;
  int error_code = 0;
  std::string description;
  bool sent() const { return kind == SendResult::Kind::Sent; }
};
template <class T>
struct ZaloAnswer : ZaloStatus {
  T result{};
};

// getMe's result: the bot's id, its display name and its account name (each "" when the
// platform left it out; ids may come as numbers).
struct BotIdentity {
  std::string id;
  std::string name;
  std::string account;
};

// getUpdates' result: `received` when Zalo answered with an update object; `update` when it
// is a message a command can use (parse_update); `unreadable` says why reading it failed.
struct PolledUpdate {
  bool received = false;
  std::optional<BotUpdate> update;
  std::string unreadable;
};

// Reads one Bot API answer (HTTP status and body) into sent / retryable / permanent, with
// the pause a 429 asks for ({"parameters": {"retry_after": s}}, as Telegram's Bot API).
ZaloReply interpret_zalo_reply(int http_status, const std::string& body, bool transport_failed);

// The typed answers of getMe and getUpdates, read from the raw reply.
ZaloAnswer<BotIdentity> identity_answer(const ZaloReply& reply);
ZaloAnswer<PolledUpdate> update_answer(const ZaloReply& reply);

class ZaloBotClient final : public Messenger {
 public:
  ZaloBotClient(const std::string& base_url, std::string token, std::chrono::milliseconds timeout);
  Task<ZaloReply> call(const std::string& method, const nlohmann::json& params);
  Task<ZaloAnswer<BotIdentity>> get_me();
  Task<ZaloStatus> set_webhook(const std::string& url, const std::string& secret);
  Task<ZaloStatus> delete_webhook();
  // Waits up to `timeout_s` seconds for one update (long polling); error_code 408: none came.
  Task<ZaloAnswer<PolledUpdate>> get_updates(int timeout_s);
  Task<SendResult> send(const std::string& chat_id, const std::string& text) override;
  std::string name() const override { return "zalo"; }
  Task<void> show_typing(std::string chat_id) override;

 private:
  http::HttpClient client_;
  std::string token_;
};

}  // namespace thidua::notifications
