#include "notifications/app/services_client.hpp"

namespace thidua::notifications {

std::string ServiceAnswer::code() const {
  if (body.is_object() && body.contains("code") && body["code"].is_string()) return body["code"];
  return {};
}

ServicesClient::ServicesClient(const std::string& nominations_url, const std::string& reports_url,
                               std::string token, std::chrono::milliseconds timeout)
    : nominations_(nominations_url, timeout),
      reports_(reports_url, timeout),
      token_(std::move(token)) {}

Task<ServiceAnswer> ServicesClient::nominations(http::Method method, std::string path,
                                                std::string body, std::string acting_for) {
  co_return co_await call(nominations_, method, std::move(path), std::move(body),
                          std::move(acting_for));
}

Task<ServiceAnswer> ServicesClient::reports(std::string path, std::string acting_for) {
  std::string no_body;
  co_return co_await call(reports_, http::Method::Get, std::move(path), std::move(no_body),
                          std::move(acting_for));
}

Task<ServiceAnswer> ServicesClient::call(http::HttpClient& client, http::Method method,
                                         std::string path, std::string body,
                                         std::string acting_for) {
  http::ClientCall c;
  c.method = method;
  c.path = std::move(path);
  c.body = std::move(body);
  if (!token_.empty()) c.headers.emplace_back("Authorization", "Bearer " + token_);
  if (!acting_for.empty()) c.headers.emplace_back("X-Acting-For", std::move(acting_for));
  if (!c.body.empty()) c.headers.emplace_back("Content-Type", "application/json");
  auto res = co_await client.send(std::move(c));
  ServiceAnswer a;
  a.status = res.status;
  a.reachable = res.status != 0 && res.status < 500;
  a.body = nlohmann::json::parse(res.body, nullptr, false);
  if (a.body.is_discarded()) a.body = nullptr;
  co_return a;
}

}  // namespace thidua::notifications
