#pragma once
// Blocking HTTP for tests (cpprestsdk's client, waited on): the tests act as a user would.
#include <map>
#include <string>

namespace thidua::testing {

struct HttpReply {
  int status = 0;  // 0: no answer
  std::string body;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string header(const std::string& name) const;
};

HttpReply http_call(const std::string& method, const std::string& url, const std::string& body = "",
                    const std::map<std::string, std::string>& headers = {}, int timeout_ms = 10000);

}  // namespace thidua::testing
