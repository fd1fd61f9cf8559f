#include "support/http_call.hpp"

#include <cpprest/http_client.h>

namespace thidua::testing {

std::string HttpReply::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

HttpReply http_call(const std::string& method, const std::string& url, const std::string& body,
                    const std::map<std::string, std::string>& headers, int timeout_ms) {
  HttpReply out;
  try {
    web::http::client::http_client_config config;
    config.set_timeout(std::chrono::milliseconds(timeout_ms));
    web::http::client::http_client client(url, config);
    web::http::http_request req(method);
    std::string type = "application/json";
    for (const auto& [k, v] : headers) {
      if (k == "Content-Type") {
        type = v;
      } else {
        req.headers().add(k, v);
      }
    }
    if (!body.empty()) req.set_body(body, type);
    auto res = client.request(req).get();
    out.status = res.status_code();
    out.body = res.extract_utf8string(true).get();
    for (const auto& [k, v] : res.headers()) {
      std::string name = k;
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      out.headers[name] = v;
    }
  } catch (const std::exception&) {
    out.status = 0;
  }
  return out;
}

}  // namespace thidua::testing
