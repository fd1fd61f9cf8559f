#pragma once
// The running services against their OpenAPI documents: the fixture the api_contract_*
// files share. It starts the three services and checks each answer it is asked to: the status
// listed for the operation, the documented media type, a body that validates against the
// documented schema and the documented headers.
#include <gtest/gtest.h>

#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "contract/contract_docs.hpp"
#include "contract/service_stack.hpp"

namespace thidua::contract::api_contract_test {
using nlohmann::json;

inline const std::vector<std::string> kServices{"nominations", "reports", "notifications"};
inline const std::vector<std::string> kRoles{"admin", "council", "leader", "staff", "service"};
inline const std::string kNominations = "/api/nominations/v1/nominations";

class ApiContractTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const auto& service : kServices) {
      docs_.emplace(service, JsonSchema(load_yaml_as_json(openapi_path(service))));
      stack_.start(service);
    }
  }
  void TearDown() override {
    if (HasFailure()) std::cerr << stack_.logs();
  }

  // Calls `path` (an instance of `pattern`) and checks the answer against the document;
  // returns it for further checks.
  Answer expect_documented(const std::string& service, const std::string& method,
                           const std::string& pattern, const std::string& path, int expected_status,
                           const std::string& body = "", const std::string& token = "",
                           const std::string& content_type = "application/json") {
    auto answer = stack_.call(service, method, path, body, token, content_type);
    const std::string call =
        service + ": " + method + " " + path + (body.empty() ? "" : " with " + body.substr(0, 200));
    EXPECT_EQ(answer.status, expected_status) << call << "\nanswer: " << answer.body;
    auto problems = check_answer(docs_.at(service), method, pattern, answer);
    EXPECT_TRUE(problems.empty()) << call << "\nanswered " << answer.status << " "
                                  << answer.content_type << ": " << answer.body.substr(0, 2000)
                                  << "\nwhich departs from " << openapi_path(service) << ":\n"
                                  << join_errors(problems);
    return answer;
  }

  ServiceStack stack_;
  std::map<std::string, JsonSchema> docs_;
};

}  // namespace thidua::contract::api_contract_test
