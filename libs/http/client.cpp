#include "http/client.hpp"

#include <cpprest/http_client.h>

#include <algorithm>
#include <utility>
// (Boost 1.74's Asio needs <utility> before it under GCC 12 in C++20 mode.)
#include <boost/asio/io_context.hpp>

#include "core/event_loop.hpp"
#include "http/client_pool.hpp"

namespace thidua::http {

long long parse_retry_after(const std::string& value) {
  auto first = value.find_first_not_of(" \t");
  if (first == std::string::npos) return 0;
  auto v = value.substr(first, value.find_last_not_of(" \t") + 1 - first);
  if (v.size() > 9) return 0;
  long long s = 0;
  for (char c : v) {
    if (c < '0' || c > '9') return 0;
    s = s * 10 + (c - '0');
  }
  return std::min(s, 86400LL);
}

ClientResult::Kind classify_status(int status) {
  if (status >= 200 && status < 300) return ClientResult::Kind::Ok;
  if (status == 408 || status == 425 || status == 429 || status >= 500) {
    return ClientResult::Kind::Retryable;
  }
  return ClientResult::Kind::Permanent;
}

struct HttpClient::Impl {
  web::http::client::http_client client;
  Impl(const std::string& base, std::chrono::milliseconds timeout)
      : client(utility::conversions::to_string_t(base), make_config(timeout)) {}
  static web::http::client::http_client_config make_config(std::chrono::milliseconds timeout) {
    web::http::client::http_client_config config;
    config.set_timeout(timeout);
    return config;
  }
};

HttpClient::HttpClient(const std::string& base_url, std::chrono::milliseconds timeout) {
  size_client_pool();  // before the client's first use of the pool
  impl_ = std::make_shared<Impl>(base_url, timeout);
}

HttpClient::~HttpClient() = default;

namespace {
struct CallAwaiter {
  std::shared_ptr<HttpClient::Impl> impl;
  ClientCall call;
  ClientResult result;

  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> handle) {
    IoContext& loop = current_loop();
    web::http::http_request req(
        utility::conversions::to_string_t(std::string(method_name(call.method))));
    req.set_request_uri(utility::conversions::to_string_t(call.path));
    for (const auto& [k, v] : call.headers) req.headers().add(k, v);
    if (!call.body.empty() || call.method == Method::Post) {
      std::string type = "application/json";
      for (const auto& [k, v] : call.headers) {
        if (k == "Content-Type" || k == "content-type") type = v;
      }
      req.set_body(call.body, type);
    }
    try {
      impl->client.request(req)
          .then([this](web::http::http_response res) {
            auto status = static_cast<int>(res.status_code());
            auto it = res.headers().find(U("Retry-After"));
            if (it != res.headers().end()) {
              result.retry_after_s =
                  parse_retry_after(utility::conversions::to_utf8string(it->second));
            }
            return res.extract_utf8string(true).then(
                [status](std::string body) { return std::make_pair(status, std::move(body)); });
          })
          .then([this, handle, &loop](pplx::task<std::pair<int, std::string>> t) {
            try {
              auto [status, body] = t.get();
              result.status = status;
              result.body = std::move(body);
              result.kind = classify_status(status);
              if (!result.ok()) result.error = "HTTP " + std::to_string(status);
            } catch (const web::http::http_exception& e) {
              result.kind = ClientResult::Kind::Retryable;
              result.error =
                  e.error_code() == std::errc::timed_out ? "timeout" : "connection failed";
            } catch (const std::exception& e) {
              result.kind = ClientResult::Kind::Retryable;
              result.error = "request failed";
            }
            resume_on(loop, handle);
          });
    } catch (const std::exception&) {
      result.kind = ClientResult::Kind::Permanent;
      result.error = "request could not be built";
      resume_on(loop, handle);
    }
  }
  ClientResult await_resume() { return std::move(result); }
};
}  // namespace

Task<ClientResult> HttpClient::send(ClientCall call) {
  // A named local: GCC 12 miscompiles braced temporaries inside co_await.
  CallAwaiter awaiter{impl_, std::move(call), {}};
  co_return co_await awaiter;
}

}  // namespace thidua::http
