// fake_zalo: the Zalo Bot API as the end-to-end tests need it (see fake_zalo.hpp).
// Settings: FAKE_ZALO_PORT, FAKE_ZALO_TOKEN (both required), FAKE_ZALO_POLL_WAIT_MS,
// FAKE_ZALO_THREADS (event loops, 1 to 16; default 1).
#include "fake_zalo.hpp"

#include <utility>
// (Boost 1.74's Asio needs <utility> before it under GCC 12 in C++20 mode.)
#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <cstdlib>
#include <iostream>
#include <optional>

#include "core/crypto.hpp"
#include "core/event_loop.hpp"
#include "core/text.hpp"
#include "http/json_io.hpp"
#include "http/pipeline.hpp"
#include "http/server.hpp"

namespace thidua::fakes {
namespace {
using nlohmann::json;

long long now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

json error_body(int code, const std::string& description) {
  return {{"ok", false}, {"error_code", code}, {"description", description}};
}

json ok_body(json result) {
  return {{"ok", true}, {"result", std::move(result)}};
}

// Records the call (never the token) and builds the answer.
http::Response answer(FakeZalo& fake, json call, const std::string& outcome, int status,
                      const json& body) {
  call["outcome"] = outcome;
  std::scoped_lock lock(fake.mutex);
  fake.calls.push_back(std::move(call));
  return http::json(status, body);
}

// The forced failure for this call, if one is armed for it (and counts it down); its mode
// is "" when none is.
FakeFailure take_failure(FakeZalo& fake, const std::string& method) {
  std::scoped_lock lock(fake.mutex);
  auto& f = fake.failure;
  if (f.remaining <= 0 || (!f.method.empty() && f.method != method)) return {};
  --f.remaining;
  return f;
}

std::optional<json> next_update(FakeZalo& fake) {
  std::scoped_lock lock(fake.mutex);
  if (fake.updates.empty()) return std::nullopt;
  json update = std::move(fake.updates.front());
  fake.updates.pop_front();
  return update;
}

std::string string_field(const json& params, const char* name) {
  auto it = params.find(name);
  return it != params.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::chrono::milliseconds poll_wait(const FakeZalo& fake, const json& params) {
  auto wait = fake.poll_wait;
  auto it = params.find("timeout");
  long long seconds = -1;
  if (it != params.end() && it->is_number_integer()) seconds = it->get<long long>();
  if (it != params.end() && it->is_string()) seconds = std::atoll(it->get<std::string>().c_str());
  if (seconds >= 0) wait = std::min(wait, std::chrono::milliseconds(seconds * 1000));
  return wait;
}

Task<http::Response> handle_api(FakeZalo& fake, http::Request& req) {
  const std::string& bot = req.param("bot");
  const std::string& method = req.param("method");
  if (bot.rfind("bot", 0) != 0) co_return http::json(404, error_body(404, "Not Found"));
  json call = {{"method", method}, {"at", now_ms()}};
  if (!crypto::constant_time_equal(bot.substr(3), fake.token)) {
    co_return answer(fake, call, "unauthorized", 401, error_body(401, "Unauthorized"));
  }
  json params = json::object();
  if (!req.body.empty()) params = json::parse(req.body, nullptr, false);
  if (!params.is_object()) {
    co_return answer(fake, call, "invalid", 400,
                     error_body(400, "Bad Request: the body is not a JSON object"));
  }
  if (params.contains("chat_id")) call["chat_id"] = params["chat_id"];
  if (params.contains("text")) call["text"] = params["text"];
  if (params.contains("action")) call["action"] = params["action"];

  FakeFailure armed = take_failure(fake, method);
  const std::string& failure = armed.mode;
  if (failure == "http5xx") {
    co_return answer(fake, call, failure, 500, error_body(500, "Internal Server Error"));
  }
  if (failure == "http429") {
    // As Telegram's Bot API, on which Zalo's is modelled: the pause in the body and the header.
    auto body = error_body(429, "Too Many Requests");
    int after = armed.retry_after_s;
    if (after > 0) body["parameters"] = {{"retry_after", after}};
    auto res = answer(fake, call, failure, 429, body);
    if (after > 0) res.headers.emplace_back("Retry-After", std::to_string(after));
    co_return res;
  }
  if (failure == "http401") {
    co_return answer(fake, call, failure, 401, error_body(401, "Unauthorized"));
  }
  if (failure == "ok_false") {
    co_return answer(fake, call, failure, 200, error_body(armed.error_code, "Request failed"));
  }
  if (failure == "timeout") {
    // Slow, not lost: the caller may give up, but the call still takes effect.
    co_await sleep_for(armed.delay);
    call["delayed_ms"] = armed.delay.count();
  }

  if (method == "getMe") {
    json me = {{"id", "fake-bot-1"},
               {"account_name", "bot.thidua"},
               {"display_name", "Thi đua THCS Vĩnh Phong 1"}};
    co_return answer(fake, call, "ok", 200, ok_body(me));
  }
  if (method == "sendMessage") {
    std::string chat_id = string_field(params, "chat_id");
    auto text_it = params.find("text");
    if (chat_id.empty()) {
      co_return answer(fake, call, "invalid", 400,
                       error_body(400, "Bad Request: chat_id is required"));
    }
    if (text_it == params.end() || !text_it->is_string()) {
      co_return answer(fake, call, "invalid", 400,
                       error_body(400, "Bad Request: text is required"));
    }
    const auto& text = text_it->get_ref<const std::string&>();
    std::size_t chars = text::valid_utf8(text) ? text::length(text) : 0;
    if (chars < 1 || chars > 2000) {
      co_return answer(fake, call, "invalid", 400,
                       error_body(400, "Bad Request: text must be 1 to 2000 characters"));
    }
    long long at = now_ms();
    long long n = 0;
    {
      std::scoped_lock lock(fake.mutex);
      n = ++fake.messages_sent;
      if (fake.first_sent_at == 0) fake.first_sent_at = at;
      fake.last_sent_at = at;
    }
    std::string id = crypto::random_hex(8) + std::to_string(n);
    json sent = {{"message_id", id}, {"date", at}};
    call["message_id"] = id;
    co_return answer(fake, call, "ok", 200, ok_body(sent));
  }
  if (method == "sendChatAction") {
    // Shows "typing…" in the chat for a few seconds; the actions Zalo's Bot API names.
    std::string chat_id = string_field(params, "chat_id");
    std::string action = string_field(params, "action");
    if (chat_id.empty() || (action != "typing" && action != "upload_photo")) {
      co_return answer(fake, call, "invalid", 400,
                       error_body(400, "Bad Request: chat_id and a known action are required"));
    }
    co_return answer(fake, call, "ok", 200, ok_body(true));
  }
  if (method == "setWebhook") {
    std::string url = string_field(params, "url");
    if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0) {
      co_return answer(fake, call, "invalid", 400,
                       error_body(400, "Bad Request: url must be an http(s) URL"));
    }
    json info;
    {
      std::scoped_lock lock(fake.mutex);
      fake.webhook_url = url;
      fake.webhook_secret = string_field(params, "secret_token");
      fake.webhook_updated_at = now_ms();
      info = {{"url", fake.webhook_url}, {"updated_at", fake.webhook_updated_at}};
    }
    co_return answer(fake, call, "ok", 200, ok_body(info));
  }
  if (method == "deleteWebhook" || method == "getWebhookInfo") {
    json info;
    {
      std::scoped_lock lock(fake.mutex);
      if (method == "deleteWebhook") {
        fake.webhook_url.clear();
        fake.webhook_secret.clear();
        fake.webhook_updated_at = now_ms();
      }
      info = {{"url", fake.webhook_url}, {"updated_at", fake.webhook_updated_at}};
    }
    co_return answer(fake, call, "ok", 200, ok_body(info));
  }
  if (method == "getUpdates") {
    auto deadline = std::chrono::steady_clock::now() + poll_wait(fake, params);
    auto update = next_update(fake);
    while (!update && std::chrono::steady_clock::now() < deadline) {
      co_await sleep_for(std::chrono::milliseconds(20));
      update = next_update(fake);
    }
    if (!update) co_return answer(fake, call, "idle", 408, error_body(408, "Request timeout"));
    co_return answer(fake, call, "ok", 200, ok_body(std::move(*update)));
  }
  co_return answer(fake, call, "unknown_method", 404, error_body(404, "Not Found"));
}

Task<http::Response> arm_failure(FakeZalo& fake, http::Request& req) {
  auto body = http::parse_object(req);
  std::string mode = body.value("mode", "");
  if (mode != "http5xx" && mode != "http429" && mode != "ok_false" && mode != "timeout" &&
      mode != "http401") {
    co_return http::problem(400, "invalid_mode", "mode không hợp lệ", req.request_id);
  }
  std::scoped_lock lock(fake.mutex);
  fake.failure.mode = mode;
  fake.failure.remaining = body.value("count", 1);
  fake.failure.delay = std::chrono::milliseconds(body.value("delay_ms", 0));
  fake.failure.method = body.value("method", "");
  fake.failure.error_code = body.value("error_code", 500);
  fake.failure.retry_after_s = body.value("retry_after", 0);
  json armed = {{"mode", mode}, {"count", fake.failure.remaining}};
  co_return http::json(200, armed);
}

}  // namespace

void add_fake_zalo_routes(http::Router& router, FakeZalo& fake) {
  // The control routes come first: /__fake/fail would also match /{bot}/{method}.
  router.add(http::Method::Post, "/__fake/fail", Access::anyone(),
             [&fake](http::Request& req) { return arm_failure(fake, req); });
  router.add(http::Method::Get, "/__fake/calls", Access::anyone(),
             [&fake](http::Request&) -> Task<http::Response> {
               http::Response res;  // a text that was not UTF-8 comes back with U+FFFD
               std::scoped_lock lock(fake.mutex);
               res.body = fake.calls.dump(-1, ' ', false, json::error_handler_t::replace);
               co_return res;
             });
  router.add(http::Method::Get, "/__fake/stats", Access::anyone(),
             [&fake](http::Request&) -> Task<http::Response> {
               json stats;
               {
                 std::scoped_lock lock(fake.mutex);
                 stats = {{"calls", fake.calls.size()},
                          {"sent", fake.messages_sent},
                          {"first_sent_at", fake.first_sent_at},
                          {"last_sent_at", fake.last_sent_at}};
               }
               co_return http::json(200, stats);
             });
  router.add(http::Method::Delete, "/__fake/calls", Access::anyone(),
             [&fake](http::Request&) -> Task<http::Response> {
               std::scoped_lock lock(fake.mutex);
               json cleared = {{"cleared", fake.calls.size()}};
               fake.calls = json::array();
               fake.messages_sent = fake.first_sent_at = fake.last_sent_at = 0;
               co_return http::json(200, cleared);
             });
  router.add(http::Method::Post, "/__fake/updates", Access::anyone(),
             [&fake](http::Request& req) -> Task<http::Response> {
               auto update = http::parse_object(req);
               std::scoped_lock lock(fake.mutex);
               fake.updates.push_back(std::move(update));
               json queued = {{"queued", fake.updates.size()}};
               co_return http::json(200, queued);
             });
  for (auto method : {http::Method::Post, http::Method::Get}) {
    router.add(method, "/{bot}/{method}", Access::anyone(),
               [&fake](http::Request& req) { return handle_api(fake, req); });
  }
}

}  // namespace thidua::fakes

int main() {
  using namespace thidua;
  const char* port = std::getenv("FAKE_ZALO_PORT");
  const char* token = std::getenv("FAKE_ZALO_TOKEN");
  if (!port || !token || !*token || std::atoi(port) <= 0) {
    std::cerr << "fake_zalo: set FAKE_ZALO_PORT and FAKE_ZALO_TOKEN\n";
    return 2;
  }
  fakes::FakeZalo fake;
  fake.token = token;
  if (const char* wait = std::getenv("FAKE_ZALO_POLL_WAIT_MS")) {
    fake.poll_wait = std::chrono::milliseconds(std::atoll(wait));
  }
  int threads = 1;
  if (const char* n = std::getenv("FAKE_ZALO_THREADS")) threads = std::clamp(std::atoi(n), 1, 16);
  EventLoops loops(static_cast<std::size_t>(threads));
  http::Router router;
  fakes::add_fake_zalo_routes(router, fake);
  http::Metrics metrics("fake_zalo");
  http::PipelineOptions options;
  options.access_log = false;  // the token is in the path
  http::Pipeline pipeline(
      router,
      [](std::string, std::string) -> Task<std::optional<Principal>> { co_return std::nullopt; },
      metrics, options);
  http::ServerOptions so;
  so.port = std::atoi(port);
  so.shutdown_grace = std::chrono::seconds(2);
  http::HttpServer server(loops, pipeline, so);
  try {
    server.start();
  } catch (const std::exception& e) {
    std::cerr << "fake_zalo: " << e.what() << "\n";
    return 1;
  }
  boost::asio::signal_set signals(loops.at(0), SIGTERM, SIGINT);
  signals.async_wait([&](const boost::system::error_code& ec, int) {
    if (!ec) server.shutdown([&loops] { loops.stop(); });
  });
  std::cout << "fake_zalo listening on 127.0.0.1:" << server.port() << std::endl;
  loops.run();
  return 0;
}
