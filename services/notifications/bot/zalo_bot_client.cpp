#include "notifications/bot/zalo_bot_client.hpp"

#include <algorithm>

#include "core/json_read.hpp"
#include "core/log.hpp"
#include "notifications/bot/zalo_update.hpp"

namespace thidua::notifications {

ZaloReply interpret_zalo_reply(int http_status, const std::string& body, bool transport_failed) {
  ZaloReply r;
  if (transport_failed) {
    r.kind = SendResult::Kind::Retryable;
    r.description = "no answer from the Zalo Bot API";
    return r;
  }
  auto j = nlohmann::json::parse(body, nullptr, false);
  // Only a boolean true counts: value() would throw on {"ok":"true"}.
  bool ok = j.is_object() && j.contains("ok") && j["ok"].is_boolean() && j["ok"].get<bool>();
  if (ok && http_status >= 200 && http_status < 300) {
    r.kind = SendResult::Kind::Sent;
    r.result = j.contains("result") ? j["result"] : nlohmann::json();
    return r;
  }
  int code = http_status;
  if (j.is_object()) {
    if (j.contains("error_code") && j["error_code"].is_number_integer()) {
      code = j["error_code"].get<int>();
    }
    if (j.contains("description") && j["description"].is_string()) {
      r.description = j["description"].get<std::string>();
    }
    auto params = j.find("parameters");
    if (params != j.end() && params->is_object()) {
      auto after = params->find("retry_after");
      if (after != params->end() && after->is_number_integer()) {
        r.retry_after_s = std::clamp<long long>(after->get<long long>(), 0, 86400);
      }
    }
  }
  r.error_code = code;
  if (r.description.empty()) r.description = "HTTP " + std::to_string(http_status);
  // Rate limits, server trouble and timeouts pass; bad requests and bad tokens do not.
  bool retry =
      code == 429 || code == 408 || code >= 500 || http_status == 429 || http_status >= 500;
  r.kind = retry ? SendResult::Kind::Retryable : SendResult::Kind::Permanent;
  return r;
}

namespace {
ZaloStatus status_of(const ZaloReply& reply) {
  ZaloStatus s;
  s.kind = reply.kind;
  s.error_code = reply.error_code;
  s.description = reply.description;
  return s;
}
}  // namespace

ZaloAnswer<BotIdentity> identity_answer(const ZaloReply& reply) {
  ZaloAnswer<BotIdentity> a;
  static_cast<ZaloStatus&>(a) = status_of(reply);
  if (a.sent()) {
    a.result.id = json_read::text_or_number(reply.result, "id");
    a.result.name = json_read::text_or_number(reply.result, "display_name");
    a.result.account = json_read::text_or_number(reply.result, "account_name");
  }
  return a;
}

ZaloAnswer<PolledUpdate> update_answer(const ZaloReply& reply) {
  ZaloAnswer<PolledUpdate> a;
  static_cast<ZaloStatus&>(a) = status_of(reply);
  if (a.sent() && reply.result.is_object()) {
    a.result.received = true;
    try {
      a.result.update = parse_update(reply.result);
    } catch (const std::exception& e) {
      a.result.unreadable = e.what();
    }
  }
  return a;
}

ZaloBotClient::ZaloBotClient(const std::string& base_url, std::string token,
                             std::chrono::milliseconds timeout)
    : client_(base_url, timeout), token_(std::move(token)) {}

Task<ZaloReply> ZaloBotClient::call(const std::string& method, const nlohmann::json& params) {
  http::ClientCall c;
  c.method = http::Method::Post;
  c.path = "/bot" + token_ + "/" + method;
  c.body = params.dump();
  c.headers.emplace_back("Content-Type", "application/json");
  auto res = co_await client_.send(std::move(c));
  auto reply = interpret_zalo_reply(res.status, res.body, res.status == 0);
  reply.retry_after_s = std::max(reply.retry_after_s, res.retry_after_s);
  co_return reply;
}

Task<ZaloAnswer<BotIdentity>> ZaloBotClient::get_me() {
  nlohmann::json none = nlohmann::json::object();
  auto reply = co_await call("getMe", none);
  co_return identity_answer(reply);
}

Task<ZaloStatus> ZaloBotClient::set_webhook(const std::string& url, const std::string& secret) {
  nlohmann::json params = {{"url", url}, {"secret_token", secret}};
  auto reply = co_await call("setWebhook", params);
  co_return status_of(reply);
}

Task<ZaloStatus> ZaloBotClient::delete_webhook() {
  nlohmann::json none = nlohmann::json::object();
  auto reply = co_await call("deleteWebhook", none);
  co_return status_of(reply);
}

Task<ZaloAnswer<PolledUpdate>> ZaloBotClient::get_updates(int timeout_s) {
  nlohmann::json params = {{"timeout", timeout_s}};
  auto reply = co_await call("getUpdates", params);
  co_return update_answer(reply);
}

Task<SendResult> ZaloBotClient::send(const std::string& chat_id, const std::string& text) {
  nlohmann::json params = {{"chat_id", chat_id}, {"text", text}};
  auto reply = co_await call("sendMessage", params);
  SendResult out;
  out.kind = reply.kind;
  if (reply.kind == SendResult::Kind::Sent) {
    const auto& id = reply.result.is_object() ? reply.result.value("message_id", nlohmann::json())
                                              : nlohmann::json();
    out.message_id = id.is_string() ? id.get<std::string>() : id.dump();
  } else {
    out.error = "Zalo " + std::to_string(reply.error_code) + ": " + reply.description;
    out.retry_after = std::chrono::seconds(reply.retry_after_s);
  }
  co_return out;
}

Task<void> ZaloBotClient::show_typing(std::string chat_id) {
  nlohmann::json params = {{"chat_id", chat_id}, {"action", "typing"}};
  auto reply = co_await call("sendChatAction", params);
  if (reply.kind != SendResult::Kind::Sent) {
    log::debug("typing_not_shown", {{"error_code", reply.error_code}});
  }
}

}  // namespace thidua::notifications
