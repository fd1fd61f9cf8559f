#pragma once
// Calls out (to other services, to the Zalo Bot API) with cpprestsdk's http_client. The
// awaiting coroutine resumes on its own event loop; the result says whether a failure is
// worth retrying. Errors never carry the URL: the Zalo token sits in its path.
#include <chrono>
#include <memory>
#include <string>

#include "core/task.hpp"
#include "http/types.hpp"

namespace thidua::http {

struct ClientResult {
  enum class Kind { Ok, Retryable, Permanent };
  Kind kind = Kind::Permanent;
  int status = 0;  // 0 when no HTTP answer came (timeout, refused)
  std::string body;
  std::string error;  // short and safe to log
  // The answer's Retry-After in seconds (RFC 9110 §10.2.3), 0 when absent or a date.
  long long retry_after_s = 0;
  bool ok() const { return kind == Kind::Ok; }
};

struct ClientCall {
  Method method = Method::Get;
  std::string path;  // appended to the base URL; may hold a secret, so it is never logged
  std::string body;
  Headers headers;
};

// 2xx: Ok. 408, 425, 429, 5xx, timeouts and connection errors: Retryable. Other: Permanent.
ClientResult::Kind classify_status(int status);
// A Retry-After value as delay-seconds; 0 for anything else (an HTTP date, garbage). At most
// a day: a longer pause is a mistake on the other side, not a plan.
long long parse_retry_after(const std::string& value);

class HttpClient {
 public:
  HttpClient(const std::string& base_url, std::chrono::milliseconds timeout);
  ~HttpClient();
  Task<ClientResult> send(ClientCall call);

  struct Impl;

 private:
  std::shared_ptr<Impl> impl_;
};

}  // namespace thidua::http
