#pragma once
// The Zalo Bot Platform: POST {base}/bot{token}/{method} with JSON; the answer is
// {ok:true, result} or {ok:false, error_code, description}, and HTTP 200 alone is not
// success. The token is part of the URL path, so no URL is ever logged.
#include <nlohmann/json.hpp>
#include <string>

#include "http/client.hpp"
#include "notifications/bot/messenger.hpp"

namespace thidua::notifications {

struct ZaloReply {
  SendResult::Kind kind = SendResult::Kind::Permanent;
  nlohmann::json result;
  int error_code = 0;
  std::string description;
  long long retry_after_s = 0;  // parameters.retry_after (the Bot API's 429), seconds
};

// Reads one Bot API answer (HTTP status and body) into sent / retryable / permanent, with
// the pause a 429 asks for ({"parameters": {"retry_after": s}}, as Telegram's Bot API).
ZaloReply interpret_zalo_reply(int http_status, const std::string& body, bool transport_failed);

class ZaloBotClient final : public Messenger {
 public:
  ZaloBotClient(const std::string& base_url, std::string token, std::chrono::milliseconds timeout);
  Task<ZaloReply> call(const std::string& method, const nlohmann::json& params);
  Task<SendResult> send(const std::string& chat_id, const std::string& text) override;
  std::string name() const override { return "zalo"; }
  Task<void> show_typing(std::string chat_id) override;

 private:
  http::HttpClient client_;
  std::string token_;
};

}  // namespace thidua::notifications
