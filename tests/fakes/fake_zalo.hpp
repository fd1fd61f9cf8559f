#pragma once
// A fake Zalo Bot API for end-to-end tests, on the project's own HTTP server.
//
// Bot API (the published shape: {ok, result} or {ok:false, error_code, description}):
//   POST|GET /bot<TOKEN>/<method>   getMe, sendMessage, setWebhook, deleteWebhook,
//                                    getWebhookInfo, getUpdates (one queued update per call,
//                                    or HTTP 408 after a short wait when there is none)
// Control API for tests:
//   POST   /__fake/fail     {"mode":"http5xx"|"http429"|"ok_false"|"timeout"|"http401",
//                            "count":N, "delay_ms":M, "method":"sendMessage"?,
//                            "error_code":C?, "retry_after":S?}  the next N API calls (of
//                            `method`, when given)
//                            fail that way; "timeout" waits M ms, then answers normally;
//                            "ok_false" answers HTTP 200 {ok:false,error_code:C} (C: 500);
//                            "http429" with S > 0 asks for S seconds (header and body);
//                            count 0 disarms
//   GET    /__fake/calls    [{method, chat_id, text, at (unix ms), outcome, delayed_ms?}]
//   DELETE /__fake/calls    forgets them
//   POST   /__fake/updates  queues the body (an update object) for getUpdates
// The token is never recorded or logged. Everything runs on one event loop, so the state
// needs no lock.
#include <chrono>
#include <deque>
#include <nlohmann/json.hpp>
#include <string>

#include "http/router.hpp"

namespace thidua::fakes {

struct FakeFailure {
  std::string mode;  // "" when none is armed
  int remaining = 0;
  std::chrono::milliseconds delay{0};
  std::string method;  // only calls of this method fail; "" for any
  int error_code = 500;
  int retry_after_s = 0;  // http429: Retry-After and parameters.retry_after, when > 0
};

struct FakeZalo {
  std::string token;
  std::chrono::milliseconds poll_wait{1000};  // the longest getUpdates waits when idle
  FakeFailure failure;
  nlohmann::json calls = nlohmann::json::array();
  std::deque<nlohmann::json> updates;
  std::string webhook_url;
  std::string webhook_secret;
  long long webhook_updated_at = 0;
  long long messages_sent = 0;
};

void add_fake_zalo_routes(http::Router& router, FakeZalo& fake);

}  // namespace thidua::fakes
