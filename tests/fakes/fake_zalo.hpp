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
//   GET    /__fake/stats    {calls, sent, first_sent_at, last_sent_at (unix ms, 0 before the
//                            first)}: successful sendMessage calls, cheap to poll while a
//                            benchmark runs (the record above grows with every call)
//   DELETE /__fake/calls    forgets them
//   POST   /__fake/updates  queues the body (an update object) for getUpdates
// The token is never recorded or logged. The fake may run several event loops
// (FAKE_ZALO_THREADS, for benchmarks, so that it is not what limits them): its state is
// behind one mutex, held only between awaits.
#include <chrono>
#include <deque>
#include <mutex>
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
  std::mutex mutex;  // guards everything below but `token` and `poll_wait`
  std::string token;
  std::chrono::milliseconds poll_wait{1000};  // the longest getUpdates waits when idle
  FakeFailure failure;
  nlohmann::json calls = nlohmann::json::array();
  std::deque<nlohmann::json> updates;
  std::string webhook_url;
  std::string webhook_secret;
  long long webhook_updated_at = 0;
  long long messages_sent = 0;
  long long first_sent_at = 0, last_sent_at = 0;  // unix ms of successful sendMessage calls
};

void add_fake_zalo_routes(http::Router& router, FakeZalo& fake);

}  // namespace thidua::fakes
