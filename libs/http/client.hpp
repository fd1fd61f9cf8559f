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
