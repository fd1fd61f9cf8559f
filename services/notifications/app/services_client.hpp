#pragma once
// REST calls to the nominations and reports services, as the service token, from the
// event loop. A failure is a value, not an exception: the chat says plainly what is down.
// Only the adapters read the answers' JSON (rest_adapters.hpp, staff_directory.hpp); the
// commands and replies see the typed lookups of domain/lookups.hpp.
#include <nlohmann/json.hpp>
#include <string>

#include "http/client.hpp"

namespace thidua::notifications {

struct ServiceAnswer {
  bool reachable = false;  // an HTTP answer came and it was not a 5xx
  int status = 0;
  nlohmann::json body;  // parsed JSON, or null
  bool ok() const { return reachable && status >= 200 && status < 300; }
  std::string code() const;  // the problem's "code", or ""
};

class ServicesClient {
 public:
  ServicesClient(const std::string& nominations_url, const std::string& reports_url,
                 std::string token, std::chrono::milliseconds timeout);
  // `acting_for`: the staff id of the colleague who typed a chat command. The call then
  // carries X-Acting-For and the other service answers with that person's current rights,
  // not the service token's (auth::TokenStore::resolve). "" for the service's own calls.
  Task<ServiceAnswer> nominations(http::Method method, std::string path, std::string body = "",
                                  std::string acting_for = "");
  Task<ServiceAnswer> reports(std::string path, std::string acting_for = "");

 private:
  Task<ServiceAnswer> call(http::HttpClient& client, http::Method method, std::string path,
                           std::string body, std::string acting_for);
  http::HttpClient nominations_;
  http::HttpClient reports_;
  std::string token_;
};

}  // namespace thidua::notifications
